/**
 * The example files of the authors' guide (/guide/): one complete, annotated
 * file per collection, plus an MDX SOP, a Markdown plan, the smallest valid
 * role and a well-written SOP. Together they form a small handbook that passes
 * `npm run check` without a single problem (test/unit/guide/examples.test.ts
 * writes them to a folder and runs the checker on it), and the complete ones
 * hold every key their schema knows, each with a note.
 *
 * Only the notes are written here, by hand: whether a key is required, and its
 * default, come from the schemas (src/guide/keys.ts), and the comments are
 * laid out by annotate().
 */
import { LineCounter, isMap, isScalar, isSeq, parse, parseDocument } from 'yaml';
import type { KeyInfo } from './keys.ts';
import { displayWidth } from '../domain/text.ts';
import { inLanguage, type Bilingual, type SourceLocale } from '../i18n/index.ts';

export type { Bilingual } from '../i18n/index.ts';

/** The collections of the content format, as the JSON Schemas name them. */
export type GuideCollection = 'site' | 'departments' | 'roles' | 'sops' | 'plans' | 'glossary' | 'cadence';

export interface GuideExample {
  /** Path inside the content folder. */
  readonly file: string;
  readonly collection: GuideCollection;
  /** The YAML of the file, or of its front matter (.md, .mdx), without comments. */
  readonly yaml: string;
  /** The Markdown / MDX body after the front matter. */
  readonly body?: string;
  /** What each key means, by key path ('steps[].do'); shown on the key's first line. */
  readonly notes: Readonly<Record<string, Bilingual>>;
  /** Notes on lines that hold no key (a list item), by the line's text without indentation. */
  readonly lineNotes?: Readonly<Record<string, Bilingual>>;
  /** Holds every key of its collection (the test checks it). */
  readonly complete?: boolean;
}

const KPI_NOTES: Readonly<Record<string, Bilingual>> = {
  name: { zh: '指标名称', en: 'what is measured' },
  target: { zh: '目标值，数字或文字', en: 'the target, a number or text' },
  unit: { zh: '单位，如 %、小时、元', en: 'unit, such as %, 小时 (hours), 元' },
  better: { zh: 'higher 越高越好，lower 越低越好', en: 'higher or lower is better' },
};

const kpiNotes = (prefix: string) => Object.fromEntries(Object.entries(KPI_NOTES).map(([key, note]) => [`${prefix}.${key}`, note]));

export const SITE_EXAMPLE: GuideExample = {
  file: 'site.yaml',
  collection: 'site',
  complete: true,
  yaml: `name: 山茶小铺 运营手册
organization: 山茶小铺天猫旗舰店运营团队
description: 岗位职责、SOP 和运营计划；新同事先看“新人入职”
locale: zh-CN
currency: CNY
robots: false
editUrl: https://git.example.com/shop/handbook/-/edit/main/content/{file}`,
  notes: {
    name: { zh: '手册名称：页眉、浏览器标签页、打印页脚都用它', en: "the handbook's name: header, browser tab, printed pages" },
    organization: { zh: '团队或公司名称，显示在页脚', en: 'team or company, shown in the footer' },
    description: { zh: '一句话介绍，写进各页的 meta description', en: "one sentence, the pages' meta description" },
    locale: { zh: '页面和检查报告的语言：zh-CN 简体 / zh-TW 繁体 / en 英文', en: 'language of the pages and the checker: zh-CN, zh-TW or en' },
    currency: { zh: '币种，目前只有 CNY', en: 'currency; only CNY for now' },
    robots: { zh: 'true 允许搜索引擎收录；false 每页带 noindex，robots.txt 拒绝爬虫', en: 'true lets search engines in; false: noindex on every page, robots.txt says no' },
    editUrl: { zh: '“编辑此页”链接：{file} 换成条目在 content/ 里的路径', en: '"edit this page" link: {file} becomes the path inside content/' },
  },
};

export const DEPARTMENT_EXAMPLE: GuideExample = {
  file: 'departments/customer-service.yaml',
  collection: 'departments',
  complete: true,
  yaml: `name: 客服部
summary: 售前咨询、售后处理和评价管理
lead: cs-lead
order: 2`,
  notes: {
    name: { zh: '部门名称', en: "the department's name" },
    summary: { zh: '一句话介绍，显示在部门列表和部门页', en: 'one line, shown in lists and on its page' },
    lead: { zh: '负责人的岗位 id（roles/ 下的文件名）', en: "the lead's role id (a file name in roles/)" },
    order: { zh: '排序用的数字，小的在前；不写的排在最后', en: 'sort order, smaller first; departments without one come last' },
  },
};

export const ROLE_EXAMPLE: GuideExample = {
  file: 'roles/aftersales-cs.md',
  collection: 'roles',
  complete: true,
  yaml: `title: 售后客服
department: customer-service
reportsTo: cs-lead
level: mid
headcount:
  current: 2
  planned: 3
holders: [小林, 小周]
summary: 处理退款、退换货和中差评，守住店铺的纠纷率
responsibilities:
  - 24 小时内处理退款和退换货申请
  - 跟进物流异常件，主动联系买家
requirements:
  - 半年以上天猫售后经验
kpis:
  - name: 纠纷退款率
    target: 0.1
    unit: "%"
    better: lower
tools: [千牛]
staffing:
  base: 1
  steps:
    - atOrdersPerDay: 80
      add: 1`,
  body: `## 一天的工作

上午先清千牛里的退款待办，下午跟进物流异常件。
`,
  notes: {
    title: { zh: '岗位名称', en: "the role's name" },
    department: { zh: '所属部门的 id', en: 'its department (id)' },
    reportsTo: { zh: '直接上级的岗位 id；不写＝最高岗位；不能成环', en: 'the manager (role id); none = top of the chart; no loops' },
    level: { zh: 'junior / mid / senior，也可写 初级 / 中级 / 高级', en: 'junior / mid / senior (or 初级 / 中级 / 高级)' },
    headcount: { zh: '编制', en: 'headcount' },
    'headcount.current': { zh: '现有人数（整数）', en: 'people now (whole number)' },
    'headcount.planned': { zh: '计划人数（整数）', en: 'people planned (whole number)' },
    holders: { zh: '现在在这个岗位上的人', en: 'who holds the role now' },
    summary: { zh: '一句话介绍', en: 'one line about the role' },
    responsibilities: { zh: '岗位职责，至少一条', en: 'responsibilities, at least one' },
    requirements: { zh: '任职资格', en: 'requirements' },
    kpis: { zh: '考核指标', en: 'KPIs' },
    ...kpiNotes('kpis[]'),
    tools: { zh: '常用工具，最好用术语表里的词', en: 'tools, ideally glossary terms' },
    staffing: { zh: '按每日订单量配人，计划页据此算人手', en: 'people by daily orders; plans use it for staffing' },
    'staffing.base': { zh: '订单很少时的人数', en: 'people at low volume' },
    'staffing.steps': { zh: '单量门槛', en: 'order-volume thresholds' },
    'staffing.steps[].atOrdersPerDay': { zh: '每天订单达到这个数……', en: 'when daily orders reach this …' },
    'staffing.steps[].add': { zh: '……再加这么多人', en: '… add this many people' },
  },
};

/** The smallest valid role: the three required keys. */
export const MINIMAL_ROLE_EXAMPLE: GuideExample = {
  file: 'roles/cs-lead.md',
  collection: 'roles',
  yaml: `title: 客服主管
department: customer-service
responsibilities:
  - 带好客服团队，审批大额退款`,
  notes: {},
};

export const SOP_EXAMPLE: GuideExample = {
  file: 'sops/refund-check.md',
  collection: 'sops',
  complete: true,
  yaml: `title: 退款申请审核
owner: aftersales-cs
participants:
  - cs-lead
department: customer-service
trigger: 买家在千牛发起退款申请后
frequency: on-event
sla: 24h
steps:
  - 打开千牛退款工作台，按申请时间从早到晚处理
  - do: 核对退款原因和买家上传的凭证
    by: aftersales-cs
    note: 凭证看不清时先请买家补拍，不要直接拒绝
  - do: 审批 500 元以上的退款
    by: cs-lead
kpis:
  - name: 退款处理时长
    target: 24
    unit: 小时
    better: lower
related:
  - standard-replies
tags: [售后, 退款]
updated: 2026-06-01
reviewEvery: 6`,
  body: `退款处理得快，买家就少发起纠纷。拿不准的情况，先问客服主管。
`,
  notes: {
    title: { zh: '流程名称', en: "the procedure's name" },
    owner: { zh: '负责到底的岗位 id', en: 'the accountable role (id)' },
    participants: { zh: '参与的岗位 id', en: 'roles taking part (ids)' },
    department: { zh: '所属部门 id；不写就用负责岗位的部门', en: "department (id); default: the owner's" },
    trigger: { zh: '什么时候开始做', en: 'when it starts' },
    frequency: { zh: 'on-event / daily / weekly / monthly / quarterly / yearly / seasonal', en: 'on-event, daily, weekly, monthly, quarterly, yearly or seasonal' },
    sla: { zh: '必须在多长时间内做完（时限）', en: 'the time within which it must be done' },
    steps: { zh: '按顺序的步骤，至少一步', en: 'the steps in order, at least one' },
    'steps[].do': { zh: '这一步做什么', en: 'what to do' },
    'steps[].by': { zh: '谁做（岗位 id）', en: 'who does it (role id)' },
    'steps[].note': { zh: '提醒、例外情况', en: 'a reminder or an exception' },
    kpis: { zh: '考核指标，写法同岗位', en: 'KPIs, as for roles' },
    ...kpiNotes('kpis[]'),
    related: { zh: '相关 SOP 的 id', en: 'related SOPs (ids)' },
    tags: { zh: '标签', en: 'tags' },
    updated: { zh: '上次复核的日期', en: 'date of the last review' },
    reviewEvery: { zh: '每隔几个月复核；逾期会警告', en: 'months between reviews; overdue ones are warned about' },
  },
  lineNotes: {
    '- 打开千牛退款工作台，按申请时间从早到晚处理': { zh: '一步也可以只写一句话', en: 'a step may be one sentence' },
  },
};

export const MDX_SOP_EXAMPLE: GuideExample = {
  file: 'sops/standard-replies.mdx',
  collection: 'sops',
  yaml: `title: 售后标准话术维护
owner: cs-lead
participants:
  - aftersales-cs
frequency: monthly
steps:
  - 汇总上个月退款沟通中买家问得最多的问题
  - do: 改写成标准话术，更新到千牛快捷短语，旧版存档
    by: aftersales-cs`,
  body: `退款沟通由<RoleLink id="aftersales-cs" />负责，退款本身按<SopLink id="refund-check">退款审核</SopLink>处理。

<Callout type="warning" title="改话术之前">
涉及退款金额、运费和赠品的说法，先请<RoleLink id="cs-lead" />确认，再更新到<Term>千牛</Term>。
</Callout>

<Steps>
1. 导出上个月的退款聊天记录
2. 挑出重复最多的十个问题
3. 每个问题写一条标准回复
</Steps>

<Checklist>
- 新话术已同步到每位客服的快捷短语
- 旧版话术已存档
</Checklist>

<details>
<summary>为什么旧版话术要存档？</summary>

买家投诉时，要查得到当时用的是哪一版。

</details>
`,
  notes: {},
};

export const PLAN_EXAMPLE: GuideExample = {
  file: 'plans/q3-2027.yaml',
  collection: 'plans',
  complete: true,
  yaml: `title: 2027 年第三季度运营计划
store: 山茶小铺天猫旗舰店
period:
  start: 2027-07
  end: 2027-09
currency: CNY
totals:
  revenue: 60万
  marketing: 15万
months:
  - month: 2027-07
    revenue: 15万
    marketing: 4万
  - month: 2027-08
    revenue: 20万
    marketing: 5万
  - month: 2027-09
    revenue: 25万
    marketing: 6万
stages:
  - id: warm-up
    name: 预热期
    start: 2027-07
    end: 2027-08
    summary: 上新秋茶，积累收藏加购
    goals:
      - 秋茶新品上架，详情页完成
    targets:
      revenue: 35万
    budget:
      - item: 直通车
        amount: 6万
        note: 主推新品
      - item: 钻展
        amount: 3万
    milestones:
      - month: 2027-08
        title: 新品详情页上线
    staff:
      - role: aftersales-cs
        count: 2
  - id: peak
    name: 冲刺期
    start: 2027-09
    end: 2027-09
    targets:
      revenue: 25万
    budget:
      - item: 直通车
        amount: 6万
roi:
  below: 不及格
  bands:
    - min: 3
      label: 及格
    - min: 4
      label: 良好
    - min: 5
      label: 优秀
fixedCosts:
  - item: 客服软件年费
    amount: 1,188元
    per: year
    status: ordered
    note: 已续费
  - item: 摄影棚租金
    amount: 待定
    per: month
    status: planned
averageOrderValue: 120元
tracking:
  lowAttainment: 80%
  channels:
    - 抖音`,
  notes: {
    title: { zh: '计划名称', en: "the plan's name" },
    store: { zh: '店铺或品牌', en: 'store or brand' },
    period: { zh: '计划周期', en: 'the period' },
    'period.start': { zh: '第一个月', en: 'first month' },
    'period.end': { zh: '最后一个月（含）', en: 'last month (included)' },
    currency: { zh: '币种；不写就用 site.yaml 的', en: 'currency; default: site.yaml' },
    totals: { zh: '合计：检查会与各月之和核对', en: 'totals, checked against the months' },
    'totals.revenue': { zh: '目标成交额合计', en: 'revenue target, total' },
    'totals.marketing': { zh: '营销推广预算合计', en: 'marketing budget, total' },
    months: { zh: '逐月数字，周期内每月一项', en: 'one item per month of the period' },
    'months[].month': { zh: '月份', en: 'the month' },
    'months[].revenue': { zh: '当月目标成交额', en: "the month's revenue target" },
    'months[].marketing': { zh: '当月营销推广预算', en: "the month's marketing budget" },
    stages: { zh: '阶段，按时间先后；不重叠、不留空月', en: 'stages in order; no overlaps, no gaps' },
    'stages[].id': { zh: '阶段 id，本计划内不重复', en: 'stage id, unique in the plan' },
    'stages[].name': { zh: '阶段名称', en: "the stage's name" },
    'stages[].start': { zh: '开始月份', en: 'first month' },
    'stages[].end': { zh: '结束月份（含），在计划周期内', en: 'last month, inside the period' },
    'stages[].summary': { zh: '一句话概述', en: 'one line' },
    'stages[].goals': { zh: '阶段目标', en: 'goals' },
    'stages[].targets': { zh: '数字目标', en: 'figures to reach' },
    'stages[].targets.revenue': { zh: '应等于这几个月 revenue 之和', en: "should equal the months' revenue" },
    'stages[].budget': { zh: '预算明细，合计应等于这几个月的 marketing', en: "budget lines; should add up to the months' marketing" },
    'stages[].budget[].item': { zh: '项目', en: 'item' },
    'stages[].budget[].amount': { zh: '金额', en: 'amount' },
    'stages[].budget[].note': { zh: '说明', en: 'note' },
    'stages[].milestones': { zh: '里程碑', en: 'milestones' },
    'stages[].milestones[].month': { zh: '月份，在阶段之内', en: 'month, inside the stage' },
    'stages[].milestones[].title': { zh: '要完成的事', en: 'what is done by then' },
    'stages[].staff': { zh: '这个阶段需要的人手', en: 'people the stage needs' },
    'stages[].staff[].role': { zh: '岗位 id', en: 'role id' },
    'stages[].staff[].count': { zh: '人数', en: 'how many' },
    roi: { zh: 'ROI 评级（成交额 ÷ 营销预算）；不写就用这套', en: 'ROI grades (revenue ÷ marketing); these when absent' },
    'roi.below': { zh: '低于最低一档的评语', en: 'label below the lowest band' },
    'roi.bands': { zh: '各档：ROI 达到 min 即为 label', en: 'bands: from min upwards, label' },
    'roi.bands[].min': { zh: 'ROI 下限', en: 'lowest ROI of the band' },
    'roi.bands[].label': { zh: '评语', en: 'label' },
    fixedCosts: { zh: '固定成本：软件、房租等', en: 'fixed costs: software, rent …' },
    'fixedCosts[].item': { zh: '项目', en: 'item' },
    'fixedCosts[].amount': { zh: '金额', en: 'amount' },
    'fixedCosts[].per': { zh: 'year 每年 / month 每月 / once 一次性', en: 'year, month or once' },
    'fixedCosts[].status': { zh: 'ordered 已订 / planned 计划中', en: 'ordered or planned' },
    'fixedCosts[].note': { zh: '说明', en: 'note' },
    averageOrderValue: { zh: '客单价：把成交额换算成日订单量和人手', en: 'average order value: turns revenue into orders/day and staffing' },
    tracking: { zh: '执行跟踪设置（实际数据放在 actuals/<计划 id>/）', en: 'plan-vs-actual settings (actuals live in actuals/<plan id>/)' },
    'tracking.lowAttainment': { zh: '某月达成率低于它时提醒；0 关闭', en: 'warn when a month attains less; 0 turns it off' },
    'tracking.channels': { zh: '自己用的推广渠道名（抖音、小红书）', en: "the team's own spend channels" },
  },
};

export const MARKDOWN_PLAN_EXAMPLE: GuideExample = {
  file: 'plans/double-11-2027.md',
  collection: 'plans',
  yaml: `title: 2027 双11 备战计划
store: 山茶小铺天猫旗舰店
period:
  start: 2027-10
  end: 2027-11
months:
  - month: 2027-10
    revenue: 30万
    marketing: 8万
  - month: 2027-11
    revenue: 待定
    marketing: 12万`,
  body: `## 环境分析

去年双11 的流量七成来自直通车和活动会场。

## 策略

10 月蓄水：收藏加购；11 月冲刺：预售加满减。

## 风险

仓储爆仓：提前一周加临时打包人手。
`,
  notes: {},
  lineNotes: {
    'revenue: 待定': { zh: '还没定：显示为“待定”，不算作 0', en: 'not decided yet: shown as such, never counted as 0' },
  },
};

export const GLOSSARY_EXAMPLE: GuideExample = {
  file: 'glossary.yaml',
  collection: 'glossary',
  complete: true,
  yaml: `- term: 千牛
  aliases:
    - Qianniu
  definition: 阿里巴巴给卖家的工作台，接待买家、处理退款都在这里
  seeAlso:
    - 直通车
- term: 直通车
  aliases: [直通車, Taobao PPC ads]
  definition: 淘宝、天猫的按点击付费推广工具`,
  notes: {
    term: { zh: '术语；正文里第一次出现时自动链接到这里', en: 'the term; its first use in a body links here' },
    aliases: { zh: '别的写法：繁体、英文、简称', en: 'other spellings: Traditional, English, short' },
    definition: { zh: '解释', en: 'what it means' },
    seeAlso: { zh: '相关术语（写术语本身）', en: 'related terms (as written in term)' },
  },
};

export const CADENCE_EXAMPLE: GuideExample = {
  file: 'cadence.yaml',
  collection: 'cadence',
  complete: true,
  yaml: `- title: 售后日清
  every: weekday
  at: "17:30"
  owner: aftersales-cs
  sop: refund-check
- title: 客服周会
  every: week
  on: mon
  at: "10:00"
  owner: cs-lead
- title: 话术月度更新
  every: month
  on: 1
  sop: standard-replies`,
  notes: {
    title: { zh: '事项名称', en: 'what happens' },
    every: { zh: 'day 每天 / weekday 工作日 / week 每周 / month 每月', en: 'day, weekday, week or month' },
    at: { zh: '时刻 "HH:MM"，加引号', en: 'time "HH:MM", quoted' },
    owner: { zh: '负责岗位 id', en: 'owner (role id)' },
    sop: { zh: '对应的 SOP id', en: 'the SOP it runs (id)' },
    on: { zh: '每周：mon…sun；每月：几号（1–31）', en: 'weekly: mon…sun; monthly: day 1–31' },
  },
};

/** A well-written SOP, for the section on writing steps. */
export const GOOD_SOP_EXAMPLE: GuideExample = {
  file: 'sops/bad-review-reply.md',
  collection: 'sops',
  yaml: `title: 中差评回复
owner: aftersales-cs
participants: [cs-lead]
trigger: 买家给出中评或差评后
frequency: on-event
sla: 24h
steps:
  - do: 每天 10:00 和 16:00 在千牛“评价管理”里筛出新的中差评
    by: aftersales-cs
  - do: 查看订单和聊天记录，判断是商品、物流还是服务问题
    by: aftersales-cs
  - do: 24 小时内公开回复：先致歉，再说处理办法，不争辩
    by: aftersales-cs
    note: 回复所有买家都看得到：不写买家的姓名、电话、地址
  - do: 质量问题且订单超过 200 元时，决定补发还是退款
    by: cs-lead
  - do: 在售后登记表里记下原因和结果，周会上汇总
    by: aftersales-cs
updated: 2026-06-01`,
  notes: {},
};

/** Every example file: together a valid handbook. */
export const GUIDE_EXAMPLES: readonly GuideExample[] = [
  SITE_EXAMPLE,
  DEPARTMENT_EXAMPLE,
  ROLE_EXAMPLE,
  MINIMAL_ROLE_EXAMPLE,
  SOP_EXAMPLE,
  MDX_SOP_EXAMPLE,
  GOOD_SOP_EXAMPLE,
  PLAN_EXAMPLE,
  MARKDOWN_PLAN_EXAMPLE,
  GLOSSARY_EXAMPLE,
  CADENCE_EXAMPLE,
];

const hasFrontMatter = (example: GuideExample) => /\.mdx?$/.test(example.file);

/** The example's data, as the checker reads it (the front matter of .md and .mdx). */
export function exampleData(example: GuideExample): unknown {
  return parse(example.yaml);
}

/** The file exactly as an author would save it, without notes. */
export function exampleFile(example: GuideExample): string {
  if (!hasFrontMatter(example)) return `${example.yaml}\n`;
  return `---\n${example.yaml}\n---\n${example.body ? `\n${example.body}` : ''}`;
}

/** Line (0-based) → key path of the key that starts on it. */
export function keyLines(yamlText: string): Map<number, string> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter });
  const lines = new Map<number, string>();
  const walk = (node: unknown, prefix: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const path = prefix ? `${prefix}.${String(pair.key.value)}` : String(pair.key.value);
        const start = pair.key.range?.[0];
        if (start !== undefined) {
          const line = lineCounter.linePos(start).line - 1;
          if (!lines.has(line)) lines.set(line, path);
        }
        walk(pair.value, path);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item, prefix ? `${prefix}[]` : '');
    }
  };
  walk(doc.contents, '');
  return lines;
}

const DEFAULT_WORDS: Bilingual<{ required: string; optional: string; withDefault: (value: string) => string; emptyList: string; sep: string }> = {
  zh: { required: '必填', optional: '可选', withDefault: (v) => `可选，默认 ${v}`, emptyList: '空列表', sep: '：' },
  en: { required: 'required', optional: 'optional', withDefault: (v) => `optional, default ${v}`, emptyList: 'empty list', sep: ': ' },
};

function describeDefault(value: unknown, lang: SourceLocale): string {
  if (Array.isArray(value) && value.length === 0) return inLanguage(DEFAULT_WORDS, lang).emptyList;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** "必填" / "可选，默认 12" / "optional": what the schema says of a key. */
export function keyTag(info: KeyInfo | undefined, lang: SourceLocale): string | undefined {
  if (!info) return undefined;
  const words = inLanguage(DEFAULT_WORDS, lang);
  if (info.required) return words.required;
  return info.default ? words.withDefault(describeDefault(info.default.value, lang)) : words.optional;
}

export interface AnnotateOptions {
  readonly lang: SourceLocale;
  /** Applied to the comments only (Simplified → Traditional on zh-TW sites); the YAML stays as typed. */
  readonly convert?: (text: string) => string;
  /** Required and default of each key path, from the schema. */
  readonly keys?: ReadonlyMap<string, KeyInfo>;
}

/** Comments start at this column at most; longer lines get theirs two spaces after the code. */
const MAX_COMMENT_COLUMN = 30;

/** The example file with a `# comment` after each key's first line: required or default, then its note. */
export function annotate(example: GuideExample, options: AnnotateOptions): string {
  const convert = options.convert ?? ((text: string) => text);
  const keysAt = keyLines(example.yaml);
  const seen = new Set<string>();
  const rows = example.yaml.split('\n').map((code, i) => {
    const path = keysAt.get(i);
    if (path !== undefined && !seen.has(path)) {
      seen.add(path);
      const note = (example.notes[path] && inLanguage(example.notes[path], options.lang));
      const tag = keyTag(options.keys?.get(path), options.lang);
      const comment = [tag, note].filter(Boolean).join(inLanguage(DEFAULT_WORDS, options.lang).sep);
      return { code, comment: comment ? convert(comment) : undefined };
    }
    const lineNote = (example.lineNotes?.[code.trim()] && inLanguage(example.lineNotes[code.trim()]!, options.lang));
    return { code, comment: lineNote ? convert(lineNote) : undefined };
  });
  const widths = rows.filter((r) => r.comment).map((r) => displayWidth(r.code));
  const column = Math.min(MAX_COMMENT_COLUMN, Math.max(0, ...widths) + 2);
  const yaml = rows
    .map(({ code, comment }) => (comment ? `${code}${' '.repeat(Math.max(2, column - displayWidth(code)))}# ${comment}` : code))
    .join('\n');
  return exampleFile({ ...example, yaml });
}
