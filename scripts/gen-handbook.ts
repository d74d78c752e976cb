/**
 * A synthetic handbook for benchmarks: N SOPs, ~200 roles, 30 departments,
 * plans, a glossary (with Traditional and English aliases) and a cadence, in
 * the content format (shared/specs/content-format.md), written from an online
 * shop's everyday vocabulary. Deterministic: the same seed gives the same files.
 * About a tenth of the SOPs are written in Traditional script (opencc-js).
 * The result passes the checker without errors (warnings, such as terms never
 * used, may remain).
 *
 *   node scripts/gen-handbook.ts --out /tmp/handbook --sops 5000 [--roles 200] [--departments 30] [--plans 20] [--seed 20261125]
 *
 * Also a module: generateHandbook(dir, options), used by scripts/bench.ts and scripts/search-bench.ts.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { simplifiedToTraditional } from '../src/domain/script.ts';

export interface HandbookOptions {
  readonly sops: number;
  readonly roles?: number;
  readonly departments?: number;
  readonly plans?: number;
  readonly seed?: number;
  /** Share of SOPs written in Traditional script (default 0.1). */
  readonly traditional?: number;
}

export interface GeneratedHandbook {
  readonly sops: number;
  readonly roles: number;
  readonly departments: number;
  readonly plans: number;
  readonly terms: number;
}

/** mulberry32: a small, fast, deterministic PRNG. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const some = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length) out.push(pool.splice(int(pool.length), 1)[0]!);
    return out;
  };
  return { next, int, pick, some, chance: (p: number) => next() < p };
}

const DEPARTMENTS = [
  '运营',
  '客服',
  '售后',
  '仓储',
  '推广',
  '视觉',
  '文案',
  '财务',
  '产品',
  '采购',
  '数据',
  '质检',
  '物流',
  '会员',
  '内容',
  '直播',
  '短视频',
  '社群',
  '品牌',
  '招商',
  '行政',
  '人事',
  '法务',
  '技术',
  '供应链',
  '跨境',
  '分销',
  '活动',
  '用户研究',
  '培训',
];
const ROLE_NOUNS = ['经理', '主管', '专员', '助理', '组长', '分析师', '顾问', '对接人'];
const OBJECTS = [
  '订单',
  '退款',
  '退货',
  '换货',
  '评价',
  '中差评',
  '库存',
  '补货单',
  '直通车计划',
  '钻展素材',
  '淘宝客佣金',
  '优惠券',
  '发票',
  '快递单',
  '运费模板',
  '详情页',
  '主图',
  '活动报名',
  '直播间',
  '短视频脚本',
  '会员积分',
  '客服话术',
  '聊天记录',
  '商品标题',
  '价格标签',
  '赠品',
  '包装材料',
  '供应商报价',
  '样品',
  '采购合同',
  '对账单',
  '推广费用',
  '销售报表',
  '流量数据',
  '竞品价格',
  '售后工单',
  '投诉记录',
  '物流异常',
  '仓位标签',
  '盘点表',
  '新品资料',
  '店铺首页',
  '大促预案',
  '培训资料',
];
const ACTIONS = [
  '核对',
  '处理',
  '巡检',
  '复盘',
  '优化',
  '更新',
  '统计',
  '审核',
  '跟进',
  '回访',
  '归档',
  '盘点',
  '汇总',
  '登记',
  '抽查',
  '整理',
  '确认',
  '排查',
];
const QUALIFIERS = ['每日', '每周', '月度', '季度', '大促前', '大促期间', '节假日', '新品上架时', '异常', '首次', '夜间', '周末', '换季', '开业期'];
const VERBS = ['查看', '核对', '登记', '整理', '比对', '导出', '确认', '标记', '通知', '汇总', '检查', '补录', '上传', '复核', '回复'];
const DETAILS = [
  '数量和金额',
  '收件人和地址',
  '付款时间',
  '买家留言',
  '商品规格',
  '物流单号',
  '处理进度',
  '退款原因',
  '点击率和转化率',
  '花费和投入产出',
  '库存余量',
  '到货日期',
  '图片和文字',
  '价格和折扣',
  '评分和评价内容',
  '发货时效',
  '质检结果',
  '账期',
];
const CONDITIONS = ['发现异常', '数量不符', '买家催促', '超过时限', '库存不足', '金额有误', '信息缺失', '评分下降', '花费过高', '转化偏低'];
const REACTIONS = [
  '立即在千牛备注并通知相关同事',
  '按标准话术回复买家',
  '报主管决定是否继续',
  '在网店管家里插小红旗备注',
  '当天内处理完毕',
  '记录到共享表格',
  '联系快递公司核实',
  '暂停推广并复盘原因',
  '和供应商确认补发时间',
  '截图留存作为凭证',
];
const TRIGGERS = ['客户付款后', '每日 09:00', '每日 17:30', '每周一上午', '每周四', '每月 1 日', '收到投诉时', '大促报名前', '新品到货后', '买家申请退款后'];
const FREQUENCIES = ['on-event', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'seasonal'] as const;
const SENTENCES = [
  '这一步看似简单，却最容易出错，新同事要特别留意。',
  '遇到拿不准的情况，先问主管，不要自己做主。',
  '处理结果要在当天的复盘会上说明，方便大家吸取经验。',
  '所有记录保存在共享文件夹，至少保留三个月。',
  '大促期间工作量会成倍增加，提前一周安排好人手。',
  '和买家沟通时语气要友好，先道歉再说明处理办法。',
  '数字以网店管家和生意参谋为准，店铺页面的数字只作参考。',
  '如果同一个问题一周内出现三次以上，要提出流程改进建议。',
  '涉及退款和赔付的，金额超过两百元要经财务确认。',
  '完成后在工作群里说一声，让下一个环节及时接手。',
];
const TERMS: { term: string; aliases: string[]; definition: string }[] = [
  { term: '直通车', aliases: ['淘宝直通车', 'Taobao PPC ads'], definition: '按点击付费的站内搜索推广工具。' },
  { term: '钻展', aliases: ['钻石展位', 'Diamond Booth ads'], definition: '以图片创意按千次展现竞价的展示广告。' },
  { term: '淘宝客', aliases: ['Taobao affiliate'], definition: '按成交支付佣金的站外推广方式。' },
  { term: '聚划算', aliases: ['Juhuasuan'], definition: '官方团购活动，流量大，对库存和发货压力大。' },
  { term: '生意参谋', aliases: ['Business Advisor'], definition: '官方店铺数据工具。' },
  { term: '千牛', aliases: ['千牛工作台', 'Qianniu'], definition: '卖家工作台，集成接待、订单和评价管理。' },
  { term: '旺旺', aliases: ['阿里旺旺', 'Wangwang'], definition: '买卖双方的即时聊天工具。' },
  { term: 'DSR', aliases: ['店铺动态评分'], definition: '买家对描述、服务、物流三项的打分。' },
  { term: '转化率', aliases: ['询单转化率', 'conversion rate'], definition: '成交人数占访问或咨询人数的比例。' },
  { term: '客单价', aliases: ['average order value', 'AOV'], definition: '平均每位买家的成交金额。' },
  { term: '爆款', aliases: ['hot seller'], definition: '销量远高于其他商品的单品。' },
  { term: 'ROI', aliases: ['投入产出比', '投资回报率'], definition: '推广带来的成交额与推广花费之比。' },
  { term: '网店管家', aliases: ['Wangdian Guanjia'], definition: '订单与库存管理软件。' },
  { term: '主图', aliases: ['main image'], definition: '商品在搜索结果中最先展示的图片。' },
  { term: '详情页', aliases: ['宝贝详情', 'product detail page'], definition: '商品页中图文介绍的部分。' },
  { term: '中差评', aliases: ['中评', '差评', 'negative review'], definition: '买家给出的中评和差评。' },
  { term: '纠纷率', aliases: ['dispute rate'], definition: '平台介入的退款纠纷占成交笔数的比例。' },
  { term: '货到付款', aliases: ['cash on delivery', 'COD'], definition: '买家收货时再付款的方式。' },
  { term: '催付', aliases: ['催单', 'payment reminder'], definition: '对拍下未付款的买家进行一次友好提醒。' },
  { term: '补货', aliases: ['restock'], definition: '向供应商追加订货。' },
  { term: '库存预警', aliases: ['stock alert'], definition: '库存低于下限时提醒补货。' },
  { term: '上新', aliases: ['新品上架', 'new arrivals'], definition: '发布新商品。' },
  { term: '包邮', aliases: ['免邮', 'free shipping'], definition: '由店铺承担运费。' },
  { term: '资源位', aliases: ['promotion slot'], definition: '可付费或报名获得的展示位置。' },
  { term: '会员', aliases: ['店铺会员', 'VIP', 'membership'], definition: '累计消费达到门槛后获得的身份。' },
  { term: 'SKU', aliases: ['库存单位', 'stock keeping unit'], definition: '库存的最小单位。' },
  { term: '双十一', aliases: ['双11', 'Double 11', 'Singles Day'], definition: '每年11月11日的全网大促。' },
  { term: '运费险', aliases: ['退货运费险', 'return shipping insurance'], definition: '为买家退货运费投保。' },
  { term: '优惠券', aliases: ['店铺优惠券', 'coupon'], definition: '满减或抵扣凭证。' },
  { term: '小红旗备注', aliases: ['小红旗', 'red flag note'], definition: '在订单上插红旗写明变动事由。' },
  { term: '标准话术', aliases: ['快捷短语', 'canned replies'], definition: '常见问题的标准回答。' },
  { term: '直播带货', aliases: ['直播', 'live commerce'], definition: '通过直播介绍并销售商品。' },
  { term: '动销率', aliases: ['sell-through rate'], definition: '有销量的商品数占在售商品数的比例。' },
  { term: '退款率', aliases: ['refund rate'], definition: '退款笔数占成交笔数的比例。' },
  { term: '揽收', aliases: ['快递揽收', 'pickup'], definition: '快递公司上门取件。' },
  { term: '质检', aliases: ['质量检验', 'quality inspection'], definition: '入库和发货前对商品质量的检查。' },
  { term: '对账', aliases: ['财务对账', 'reconciliation'], definition: '核对平台、银行和账本上的金额。' },
  { term: '赠品', aliases: ['gift'], definition: '随订单免费附送的商品。' },
  { term: '预售', aliases: ['pre-sale'], definition: '先收定金或全款、约定时间发货的销售方式。' },
  { term: '橱窗推荐', aliases: ['橱窗位', 'showcase'], definition: '店铺内优先展示的推荐位。' },
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function generateHandbook(dir: string, options: HandbookOptions): GeneratedHandbook {
  const { sops, roles: roleCount = 200, departments: deptCount = 30, plans: planCount = 20, seed = 20261125, traditional = 0.1 } = options;
  const rng = random(seed);
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['departments', 'roles', 'sops', 'plans']) mkdirSync(path.join(dir, sub), { recursive: true });
  const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);
  const frontMatter = (data: object, body: string) => `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}\n`;

  write('site.yaml', stringify({ name: `合成手册（${sops} 个 SOP）`, organization: '合成网店运营团队', locale: 'zh-CN', currency: 'CNY' }));

  // Departments and roles: each department's first role leads it; roles report to their lead, leads to the first lead.
  const departments = Array.from({ length: deptCount }, (_, i) => ({
    id: `dept-${pad(i + 1, 2)}`,
    name: DEPARTMENTS[i % DEPARTMENTS.length]! + (i >= DEPARTMENTS.length ? `${Math.floor(i / DEPARTMENTS.length) + 1}` : ''),
  }));
  const roles = Array.from({ length: roleCount }, (_, i) => {
    const dept = departments[i % deptCount]!;
    const rank = Math.floor(i / deptCount);
    const noun = ROLE_NOUNS[rank % ROLE_NOUNS.length]!;
    const title = `${dept.name}${noun}${rank >= ROLE_NOUNS.length ? Math.floor(rank / ROLE_NOUNS.length) + 1 : ''}`;
    return { id: `role-${pad(i + 1, 3)}`, dept, title, lead: rank === 0 };
  });
  const leadOf = new Map(roles.filter((r) => r.lead).map((r) => [r.dept.id, r]));
  const rolesOf = new Map(departments.map((d) => [d.id, roles.filter((r) => r.dept.id === d.id)]));
  departments.forEach((d, i) =>
    write(
      `departments/${d.id}.yaml`,
      stringify({ name: d.name, summary: `负责${d.name}相关的日常工作、流程维护和跨部门协作。`, lead: leadOf.get(d.id)?.id, order: i + 1 }),
    ),
  );
  for (const r of roles) {
    const manager = r.lead ? (r === roles[0] ? undefined : roles[0]!.id) : leadOf.get(r.dept.id)!.id;
    const data = {
      title: r.title,
      department: r.dept.id,
      ...(manager ? { reportsTo: manager } : {}),
      level: r.lead ? 'senior' : rng.pick(['junior', 'mid']),
      headcount: { current: 1 + rng.int(3), planned: 1 + rng.int(4) },
      summary: `负责${r.dept.name}部门的${rng.pick(OBJECTS)}和${rng.pick(OBJECTS)}，保证${rng.pick(DETAILS)}准确及时。`,
      responsibilities: Array.from(
        { length: 3 + rng.int(3) },
        () => `${rng.pick(VERBS)}${rng.pick(OBJECTS)}的${rng.pick(DETAILS)}，${rng.pick(CONDITIONS)}时${rng.pick(REACTIONS)}`,
      ),
      requirements: [`一年以上网店${r.dept.name}经验`, `熟悉${rng.pick(TERMS).term}和${rng.pick(TERMS).term}`],
      kpis: [{ name: `${rng.pick(OBJECTS)}处理及时率`, target: 95, unit: '%', better: 'higher' }],
      tools: rng.some(TERMS, 2).map((t) => t.term),
    };
    write(`roles/${r.id}.md`, frontMatter(data, `## 新人提示\n\n${rng.some(SENTENCES, 2).join('')}`));
  }

  // SOPs: titles from object × action × qualifier, without repeats; steps and bodies from templates.
  const combos = OBJECTS.length * ACTIONS.length * QUALIFIERS.length;
  const used = new Set<number>();
  const toTraditional = (s: string) => simplifiedToTraditional(s);
  const sopIds: string[] = [];
  for (let i = 0; i < sops; i++) {
    let k = rng.int(combos);
    while (used.has(k) && used.size < combos) k = (k + 1) % combos;
    used.add(k);
    const object = OBJECTS[k % OBJECTS.length]!;
    const action = ACTIONS[Math.floor(k / OBJECTS.length) % ACTIONS.length]!;
    const qualifier = QUALIFIERS[Math.floor(k / (OBJECTS.length * ACTIONS.length)) % QUALIFIERS.length]!;
    const round = Math.floor(i / combos);
    const owner = rng.pick(roles);
    const mates = rolesOf.get(owner.dept.id)!;
    const steps = Array.from({ length: 3 + rng.int(6) }, () => {
      const text = `${rng.pick(VERBS)}${object}的${rng.pick(DETAILS)}，${rng.pick(CONDITIONS)}时${rng.pick(REACTIONS)}`;
      const by = rng.chance(0.4) ? rng.pick(mates).id : undefined;
      const note = rng.chance(0.2) ? rng.pick(SENTENCES) : undefined;
      return by || note ? { do: text, ...(by ? { by } : {}), ...(note ? { note } : {}) } : text;
    });
    const terms = rng.some(TERMS, 2);
    const body = [
      `${qualifier}${action}${object}，是${owner.dept.name}部门的基本功。${rng.pick(SENTENCES)}${rng.pick(SENTENCES)}`,
      `用到的工具主要是${terms[0]!.term}和${terms[1]!.term}：${terms[0]!.definition}`,
      `## 提示\n\n${rng
        .some(SENTENCES, 2)
        .map((s) => `- ${s}`)
        .join('\n')}`,
    ].join('\n\n');
    const id = `sop-${pad(i + 1, 5)}`;
    sopIds.push(id);
    const data = {
      title: `${qualifier}${object}${action}${round ? `（${round + 1}）` : ''}`,
      owner: owner.id,
      participants: rng
        .some(
          mates.filter((m) => m !== owner),
          rng.int(3),
        )
        .map((m) => m.id),
      trigger: rng.pick(TRIGGERS),
      frequency: rng.pick(FREQUENCIES),
      sla: rng.pick(['24h', '72h', '30m', '3d', '20s']),
      steps,
      related: i > 0 ? rng.some(sopIds.slice(Math.max(0, i - 50), i), rng.int(3)) : [],
      tags: [object, owner.dept.name],
      updated: `2026-${pad(1 + rng.int(10), 2)}-${pad(1 + rng.int(28), 2)}`,
    };
    if (rng.chance(traditional)) {
      const tw = JSON.parse(toTraditional(JSON.stringify({ title: data.title, steps: data.steps, tags: data.tags, trigger: data.trigger }))) as Partial<
        typeof data
      >;
      Object.assign(data, tw);
      write(`sops/${id}.md`, frontMatter(data, toTraditional(body)));
    } else write(`sops/${id}.md`, frontMatter(data, body));
  }

  // Plans: twelve months each, totals equal to the months, three stages covering them.
  for (let p = 0; p < planCount; p++) {
    const year = 2015 + p;
    const months = Array.from({ length: 12 }, (_, m) => ({
      month: `${year}-${pad(m + 1, 2)}`,
      revenue: (20 + rng.int(200)) * 1000,
      marketing: (2 + rng.int(30)) * 1000,
    }));
    const stage = (id: string, name: string, from: number, to: number) => ({
      id,
      name,
      start: months[from]!.month,
      end: months[to]!.month,
      summary: `${name}重点做好${rng.pick(OBJECTS)}和${rng.pick(OBJECTS)}。`,
      goals: [`${rng.pick(VERBS)}${rng.pick(OBJECTS)}`, `月成交额稳定增长`],
    });
    const plan = {
      title: `${year} 年度运营计划`,
      store: '合成网店',
      period: { start: months[0]!.month, end: months[11]!.month },
      totals: { revenue: months.reduce((n, m) => n + m.revenue, 0), marketing: months.reduce((n, m) => n + m.marketing, 0) },
      months,
      stages: [stage('build', '建设期', 0, 2), stage('grow', '发展期', 3, 8), stage('mature', '成熟期', 9, 11)],
      averageOrderValue: 100 + rng.int(200),
    };
    write(`plans/plan-${year}.yaml`, stringify(plan, { lineWidth: 0 }));
  }

  write(
    'glossary.yaml',
    stringify(
      TERMS.map((t) => ({ term: t.term, aliases: [...new Set([...t.aliases, toTraditional(t.term)])].filter((a) => a !== t.term), definition: t.definition })),
      { lineWidth: 0 },
    ),
  );
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  write(
    'cadence.yaml',
    stringify(
      Array.from({ length: 30 }, (_, i) => {
        const sopId = sopIds[rng.int(sopIds.length)];
        const every = rng.pick(['day', 'weekday', 'week', 'month'] as const);
        return {
          title: `例行事项 ${i + 1}`,
          every,
          ...(every === 'week' ? { on: rng.pick(weekdays) } : every === 'month' ? { on: 1 + rng.int(28) } : {}),
          at: `${pad(8 + rng.int(10), 2)}:${rng.pick(['00', '30'])}`,
          owner: rng.pick(roles).id,
          ...(sopId ? { sop: sopId } : {}),
        };
      }),
    ),
  );
  return { sops, roles: roles.length, departments: departments.length, plans: planCount, terms: TERMS.length };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      sops: { type: 'string', default: '1000' },
      roles: { type: 'string', default: '200' },
      departments: { type: 'string', default: '30' },
      plans: { type: 'string', default: '20' },
      seed: { type: 'string', default: '20261125' },
    },
  });
  if (!values.out) {
    process.stderr.write('usage: node scripts/gen-handbook.ts --out <dir> [--sops 1000] [--roles 200] [--departments 30] [--plans 20] [--seed 20261125]\n');
    process.exit(2);
  }
  const made = generateHandbook(path.resolve(values.out), {
    sops: Number(values.sops),
    roles: Number(values.roles),
    departments: Number(values.departments),
    plans: Number(values.plans),
    seed: Number(values.seed),
  });
  process.stdout.write(`${JSON.stringify(made)} → ${values.out}\n`);
}
