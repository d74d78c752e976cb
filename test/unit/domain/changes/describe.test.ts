import { describe, expect, it } from 'vitest';
import * as schemas from '../../../../src/schema/collections.ts';
import { changeWords, describeChange, paragraphs, plainWords, type AnyVersion, type ChangeNames } from '../../../../src/domain/changes/describe.ts';
import { bestPairs, similarity } from '../../../../src/domain/changes/similarity.ts';
import { useTranslations, type Locale } from '../../../../src/i18n/index.ts';

const ROLES: Record<string, string> = { 'presales-cs': '售前客服', 'cs-lead': '客服主管', 'warehouse-keeper': '仓管' };
const NAMES: ChangeNames = { role: (id) => ROLES[id], department: (id) => ({ 'customer-service': '客服部', operations: '运营部' })[id] };

const BASE_SOP = {
  title: '付款后核对收件信息',
  owner: 'presales-cs',
  participants: ['warehouse-keeper'],
  trigger: '买家付款成功后',
  frequency: 'on-event',
  sla: '24h',
  steps: [
    '在千牛找到新订单',
    { do: '通过旺旺向买家复述收件人、电话和地址', by: 'presales-cs' },
    '信息有变动的，在后台改好后加小红旗备注',
    '核对完成的订单转入待发货',
  ],
  kpis: [{ name: '已付款订单核对率', target: 100, unit: '%', better: 'higher' }],
};

function sop(changes: Record<string, unknown> = {}, body?: string, id = 'address-check'): AnyVersion {
  return { kind: 'sop', version: { id, data: schemas.sop.parse({ ...BASE_SOP, ...changes }), body } };
}

function words(before: AnyVersion | undefined, after: AnyVersion | undefined, locale: Locale = 'zh-CN'): string[] {
  const t = useTranslations(locale);
  return describeChange(before, after, locale, NAMES).map((change) => changeWords(change, t));
}

describe('describeChange: SOP fields', () => {
  it('says nothing when only the way a value is written changed', () => {
    expect(describeChange(sop(), sop({ sla: '24小时', participants: ['warehouse-keeper'] }), 'zh-CN', NAMES)).toEqual([]);
  });

  it('gives the SLA from → to in words', () => {
    expect(words(sop(), sop({ sla: '12h' }))).toEqual(['时限 24 小时 → 12 小时']);
    expect(words(sop(), sop({ sla: '1d' }), 'en')).toEqual([`${useTranslations('en')('sop.sla')}: 24 hours → 1 day`]);
  });

  it('names the owner by its title, not its id', () => {
    expect(words(sop(), sop({ owner: 'cs-lead' }))).toEqual(['负责岗位 售前客服 → 客服主管']);
  });

  it('shows an id that names nothing as it is', () => {
    expect(words(sop(), sop({ owner: 'gone-role' }))).toEqual(['负责岗位 售前客服 → gone-role']);
  });

  it('gives frequency and trigger by their labels, set and cleared', () => {
    expect(words(sop(), sop({ frequency: 'daily', trigger: '每日 17:30' }))).toEqual(['触发条件 买家付款成功后 → 每日 17:30', '频率 按需 → 每日']);
    expect(words(sop({ trigger: undefined }), sop())).toEqual(['触发条件：设为 买家付款成功后']);
    expect(words(sop(), sop({ trigger: undefined }))).toEqual(['触发条件：去掉 买家付款成功后']);
  });

  it('lists participants added and removed by name', () => {
    expect(words(sop(), sop({ participants: ['cs-lead'] }))).toEqual(['参与岗位去掉：仓管', '参与岗位新增：客服主管']);
  });

  it('gives a KPI target from → to with its unit, and KPIs added or removed', () => {
    expect(words(sop(), sop({ kpis: [{ ...BASE_SOP.kpis[0], target: 98 }] }))).toEqual(['指标“已付款订单核对率”目标：100% → 98%']);
    expect(words(sop(), sop({ kpis: [{ name: '首次响应时间', target: 30, unit: '秒', better: 'lower' }] }))).toEqual([
      '删除指标：已付款订单核对率',
      '新增指标：首次响应时间（目标 30 秒）',
    ]);
  });

  it('renames the title', () => {
    expect(words(sop(), sop({ title: '核对收件信息' }))).toEqual(['名称 付款后核对收件信息 → 核对收件信息']);
  });
});

describe('describeChange: steps', () => {
  const steps = BASE_SOP.steps;

  it('reports a step added with its place and words, and nothing about the steps after it', () => {
    const added = [steps[0], '告知店铺可发的快递，询问买家有没有偏好', ...steps.slice(1)];
    expect(words(sop(), sop({ steps: added }))).toEqual(['新增第 2 步：告知店铺可发的快递，询问买家有没有偏好']);
  });

  it('reports a step removed with its old place', () => {
    expect(words(sop(), sop({ steps: [steps[0], steps[1], steps[3]] }))).toEqual(['删除第 3 步：信息有变动的，在后台改好后加小红旗备注']);
  });

  it('reports a step moved (only the one that moved)', () => {
    const moved = [steps[0], steps[2], steps[1], steps[3]];
    const result = describeChange(sop(), sop({ steps: moved }), 'zh-CN', NAMES);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ kind: 'step.moved' });
    const last = [steps[3], ...steps.slice(0, 3)];
    expect(words(sop(), sop({ steps: last }))).toEqual(['第 4 步移到第 1 步：核对完成的订单转入待发货']);
  });

  it('reports a step reworded with the old and the new words', () => {
    const reworded = [steps[0], steps[1], '信息有变动的，在后台改好后加小红旗备注并通知仓库', steps[3]];
    expect(words(sop(), sop({ steps: reworded }))).toEqual([
      '第 3 步改写：信息有变动的，在后台改好后加小红旗备注 → 信息有变动的，在后台改好后加小红旗备注并通知仓库',
    ]);
  });

  it('tells a replaced step (nothing in common) from a reworded one', () => {
    const replaced = [steps[0], steps[1], '打电话给快递员预约上门取件', steps[3]];
    expect(words(sop(), sop({ steps: replaced }))).toEqual(['删除第 3 步：信息有变动的，在后台改好后加小红旗备注', '新增第 3 步：打电话给快递员预约上门取件']);
  });

  it('reports who does a step and its note by name', () => {
    const changed = [steps[0], { do: (steps[1] as { do: string }).do, by: 'cs-lead', note: '先核对电话' }, steps[2], steps[3]];
    expect(words(sop(), sop({ steps: changed }))).toEqual(['第 2 步执行：售前客服 → 客服主管', '第 2 步备注：先核对电话']);
  });

  it('cuts long step words in the sentence but keeps them whole in the record', () => {
    const long = '这是一段很长的步骤说明'.repeat(6);
    const result = describeChange(sop(), sop({ steps: [...steps, long] }), 'zh-CN', NAMES);
    expect(result).toEqual([{ kind: 'step.added', n: 5, text: long }]);
    const sentence = changeWords(result[0]!, useTranslations('zh-CN'));
    expect(sentence.endsWith('…')).toBe(true);
    expect([...sentence].length).toBeLessThan(50);
  });
});

describe('describeChange: bodies', () => {
  const body = '大多数买家填的地址没有问题。\n\n## 要点\n\n- 核对时顺便确认快递。\n';

  it('splits a body into paragraphs, folding line breaks inside one', () => {
    expect(paragraphs('一\n二\n\n\n三  \n')).toEqual(['一 二', '三']);
    expect(paragraphs(undefined)).toEqual([]);
  });

  it('reports a paragraph added, edited and removed', () => {
    expect(words(sop({}, body), sop({}, `${body}\n改了地址一定要留备注。\n`))).toEqual(['正文新增一段：改了地址一定要留备注。']);
    expect(words(sop({}, body), sop({}, body.replace('没有问题。', '大体没有问题。')))).toEqual(['正文修改一段：大多数买家填的地址大体没有问题。']);
    expect(words(sop({}, body), sop({}, body.replace('## 要点\n\n', '')))).toEqual(['正文删除一段：要点']);
  });

  it("gives a paragraph's words without markup", () => {
    expect(words(sop({}, body), sop({}, `${body}\n<Callout type="tip">\n先看**订单备注**，见[规则](https://example.com)。\n</Callout>\n`))).toEqual([
      '正文新增一段：先看订单备注，见规则。',
    ]);
    expect(plainWords('## 要点')).toBe('要点');
    expect(plainWords('- 一\n- 二')).toBe('一 二');
  });

  it('ignores re-wrapped lines and trailing spaces', () => {
    expect(describeChange(sop({}, '一句话，\n分两行。'), sop({}, '一句话， 分两行。  \n'), 'zh-CN')).toEqual([]);
  });
});

describe('describeChange: entries', () => {
  it('says an entry was added, removed or renamed', () => {
    expect(words(undefined, sop())).toEqual(['新建：付款后核对收件信息']);
    expect(words(sop(), undefined)).toEqual(['删除：付款后核对收件信息']);
    expect(words(sop(), sop({ sla: '12h' }, undefined, 'check-address'))).toEqual(['文件改名：address-check → check-address', '时限 24 小时 → 12 小时']);
  });
});

describe('describeChange: other fields', () => {
  it('names fields it does not put in words, so that no edit goes unmentioned', () => {
    expect(words(sop(), sop({ tags: ['售前'], reviewEvery: 6 }))).toEqual(['标签、复审周期有改动']);
    expect(words(sop(), sop({ mystery: 1 }))).toEqual([]); // unknown keys are not parsed data
  });
});

describe('describeChange: roles, plans, departments', () => {
  const role = (changes: Record<string, unknown> = {}): AnyVersion => ({
    kind: 'role',
    version: {
      id: 'presales-cs',
      data: schemas.role.parse({
        title: '售前客服',
        department: 'customer-service',
        reportsTo: 'cs-lead',
        responsibilities: ['接待咨询', '核对收件信息'],
        kpis: [{ name: '响应时间', target: 30, unit: '秒', better: 'lower' }],
        ...changes,
      }),
    },
  });

  it('describes a role: manager, department, responsibilities and KPI targets by name', () => {
    expect(
      words(
        role(),
        role({
          reportsTo: 'warehouse-keeper',
          department: 'operations',
          responsibilities: ['接待咨询', '催付'],
          kpis: [{ name: '响应时间', target: 20, unit: '秒', better: 'lower' }],
        }),
      ),
    ).toEqual([
      '所属部门 客服部 → 运营部',
      '直接上级 客服主管 → 仓管',
      '岗位职责去掉：核对收件信息',
      '岗位职责新增：催付',
      '指标“响应时间”目标：30 秒 → 20 秒',
    ]);
  });

  const plan = (changes: Record<string, unknown> = {}): AnyVersion => ({
    kind: 'plan',
    version: {
      id: 'y2026',
      data: schemas.plan.parse({
        title: '2026 年度计划',
        store: '某旗舰店',
        period: { start: '2026-01', end: '2026-02' },
        totals: { revenue: '30万', marketing: '3万' },
        months: [
          { month: '2026-01', revenue: '10万', marketing: '1万' },
          { month: '2026-02', revenue: '20万', marketing: '2万' },
        ],
        ...changes,
      }),
    },
  });

  it("names a role's onboarding path when it changes", () => {
    expect(words(role(), role({ onboarding: [{ phase: '第一天', sops: ['address-check'] }] }))).toEqual(['入职路径有改动']);
  });

  it("describes a plan's monthly figure and total from → to as money", () => {
    const after = plan({
      totals: { revenue: '35万', marketing: '3万' },
      months: [
        { month: '2026-01', revenue: '10万', marketing: '1万' },
        { month: '2026-02', revenue: '25万', marketing: 20000 },
      ],
    });
    expect(words(plan(), after)).toEqual(['目标成交额合计 30万元 → 35万元', '2026-02 目标成交额：20万元 → 25万元']);
  });

  it('describes months added and removed and the period', () => {
    const after = plan({
      period: { start: '2026-02', end: '2026-03' },
      months: [
        { month: '2026-02', revenue: '20万', marketing: '2万' },
        { month: '2026-03', revenue: '10万', marketing: '1万' },
      ],
    });
    expect(words(plan(), after)).toEqual(['计划期 2026-01 – 2026-02 → 2026-02 – 2026-03', '去掉月份：2026-01', '新增月份：2026-03']);
  });

  it("describes a department's name and lead", () => {
    const dept = (data: Record<string, unknown>): AnyVersion => ({
      kind: 'department',
      version: { id: 'customer-service', data: schemas.department.parse(data) },
    });
    expect(words(dept({ name: '客服部', lead: 'cs-lead' }), dept({ name: '客户服务部', lead: 'presales-cs' }))).toEqual([
      '名称 客服部 → 客户服务部',
      '负责岗位 客服主管 → 售前客服',
    ]);
  });

  it('writes Traditional Chinese and English sentences', () => {
    expect(words(sop(), sop({ sla: '12h' }), 'zh-TW')).toEqual(['時限 24 小時 → 12 小時']);
    expect(words(undefined, sop(), 'en')).toEqual(['Added: 付款后核对收件信息']);
  });
});

describe('similarity', () => {
  it('is 1 for the same text, 0 for nothing shared, in between for an edit', () => {
    expect(similarity('核对地址', '核对地址')).toBe(1);
    expect(similarity('核对地址', '预约快递')).toBe(0);
    const edited = similarity('核对收件人和电话', '核对收件人、电话和地址');
    expect(edited).toBeGreaterThan(0.35);
    expect(edited).toBeLessThan(1);
  });

  it('pairs the most alike texts first, each once', () => {
    expect(bestPairs(['核对收件人和电话', '打包发货'], ['打包后发货', '核对收件人、电话'])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(bestPairs(['核对地址'], ['预约快递'])).toEqual([]);
  });
});
