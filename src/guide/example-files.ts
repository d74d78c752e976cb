/**
 * The example files of the authors' guide (/guide/): one complete, annotated
 * file per collection, plus an MDX SOP, a Markdown plan, the smallest valid
 * role and a well-written SOP. Together they form a small handbook that passes
 * `npm run check` without a single problem (test/unit/guide/examples.test.ts
 * writes them to a folder and runs the checker on it), and the complete ones
 * hold every key their schema knows, each with a note.
 *
 * Only the example data is written here, by hand (each key's help comes from its schema, src/schema/help.ts): whether a key is required, and its
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
  /** What a key means here, by key path ('steps[].do'), where the example says more than the field's help. */
  readonly notes?: Readonly<Record<string, Bilingual>>;
  /** Notes on lines that hold no key (a list item), by the line's text without indentation. */
  readonly lineNotes?: Readonly<Record<string, Bilingual>>;
  /** Holds every key of its collection (the test checks it). */
  readonly complete?: boolean;
}

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
editUrl: https://git.example.com/shop/handbook/-/edit/main/content/{file}
editor:
  backend: forgejo
  repo: shop/handbook
  baseUrl: https://git.example.com
  branch: main
  contentPath: content
  appId: 6c1e0f0a-3b7d-4c1e-9d2a-5f8e7a6b4c3d
search:
  lexicon: true
  lexiconOff: [亲]
mdx:
  code: false
audiences:
  - id: staff
    name: 全体员工
  - id: management
    name: 管理层
    includes: [staff]
    default: [plans]`,
};

export const DEPARTMENT_EXAMPLE: GuideExample = {
  file: 'departments/customer-service.yaml',
  collection: 'departments',
  complete: true,
  yaml: `name: 客服部
summary: 售前咨询、售后处理和评价管理
lead: cs-lead
order: 2`,
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
      add: 1
onboarding:
  - phase: 第一天
    sops: [refund-check]
  - phase: 第一周
    sops: [bad-review-reply]`,
  body: `## 一天的工作

上午先清千牛里的退款待办，下午跟进物流异常件。
`,
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
      const own = example.notes?.[path] ?? options.keys?.get(path)?.help;
      const note = own && inLanguage(own, options.lang);
      const tag = keyTag(options.keys?.get(path), options.lang);
      const comment = [tag, note].filter(Boolean).join(inLanguage(DEFAULT_WORDS, options.lang).sep);
      return { code, comment: comment ? convert(comment) : undefined };
    }
    const lineNote = example.lineNotes?.[code.trim()] && inLanguage(example.lineNotes[code.trim()]!, options.lang);
    return { code, comment: lineNote ? convert(lineNote) : undefined };
  });
  // A top-level key of the schema the example does not write (a field just added to a collection) is
  // still shown, commented out, so the guide names every key without its examples being edited.
  for (const [path, info] of options.keys ?? []) {
    if (path.includes('.') || path.includes('[]') || seen.has(path)) continue;
    const comment = [keyTag(info, options.lang), info.help && inLanguage(info.help, options.lang)]
      .filter(Boolean)
      .join(inLanguage(DEFAULT_WORDS, options.lang).sep);
    rows.push({ code: info.example === undefined ? `# ${path}:` : `# ${path}: ${info.example}`, comment: comment ? convert(comment) : undefined });
  }
  const widths = rows.filter((r) => r.comment).map((r) => displayWidth(r.code));
  const column = Math.min(MAX_COMMENT_COLUMN, Math.max(0, ...widths) + 2);
  const yaml = rows.map(({ code, comment }) => (comment ? `${code}${' '.repeat(Math.max(2, column - displayWidth(code)))}# ${comment}` : code)).join('\n');
  return exampleFile({ ...example, yaml });
}
