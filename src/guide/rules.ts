/**
 * The checker's rules for the authors' guide (/guide/#<rule id>): every rule of
 * the rule table (rules.ts) with an example problem, rendered exactly as
 * `npm run check` prints it, and how to fix it. The wording comes from the rule
 * table itself; only the example facts and, where the rule's own hint does not
 * say it all, a longer "how to fix" live here. RULE_EXAMPLES must name every
 * rule (the type says so, and test/unit/guide/rules.test.ts checks it).
 */
import { sourceLocale, type Locale, type SourceLocale } from '../i18n/index.ts';
import { FREQUENCIES } from '../schema/collections.ts';
import type { ParamValue, PathSegment, Problem } from '../check/problems.ts';
import { inScriptOf } from '../domain/script.ts';
import { RULES, ruleOf, type RuleId } from '../check/rules.ts';
import { renderProblem, toText } from '../check/report.ts';
import { ACTUALS_RULE_EXAMPLES } from './rules-actuals.ts';

export interface RuleExample {
  /** Path inside the content folder. */
  readonly file: string;
  readonly line?: number;
  readonly path?: readonly PathSegment[];
  /** CSV problems (actuals) point at a cell. */
  readonly column?: number;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** How to fix it, when the rule's hint (for these params) is missing or says too little. */
  readonly fix?: Readonly<Record<SourceLocale, string>>;
}

const wan = (n: number) => ({ fen: n * 1_000_000 });

export const RULE_EXAMPLES = {
  'file.encoding': { file: 'sops/refund-check.md', line: 1, params: { encoding: 'GBK/GB18030' } },
  'file.empty': { file: 'roles/packer.md', line: 1, params: {} },
  'file.missing': { file: 'site.yaml', params: { file: 'site.yaml' } },
  'file.ignored': {
    file: 'sops/refund-check.docx',
    params: { folder: 'sops', expected: '.md / .mdx' },
    fix: {
      'zh-CN': 'Word、Excel 文件不会被读取：把内容抄进 .md 文件（岗位和 SOP 也可用 .mdx）；只是备份的文件请移出 content/。',
      en: 'Word or Excel files are not read: copy the text into a .md file (or .mdx for roles and SOPs); move backups out of content/.',
    },
  },
  'file.frontmatter': { file: 'sops/refund-check.md', line: 1, params: {} },
  'yaml.syntax': {
    file: 'departments/customer-service.yaml',
    line: 3,
    params: { detail: 'Nested mappings are not allowed in compact mappings', tab: false },
    fix: {
      'zh-CN': '常见原因：冒号后面没有空格（lead:cs-lead）、文字里有“: ”却没加引号、引号不成对、缩进没对齐。含冒号的文字用引号包起来："注意: 先核对"。',
      en: 'Usual causes: no space after a colon (lead:cs-lead), text holding ": " without quotes, unpaired quotes, misaligned indentation. Quote text with a colon: "Note: check first".',
    },
  },
  'mdx.unknownComponent': {
    file: 'sops/standard-answers.mdx',
    line: 15,
    path: ['body'],
    params: { name: 'Step', suggestion: 'Steps', known: ['<Steps>', '<Callout>', '<RoleLink>', '<SopLink>', '<Term>', '<Checklist>'] },
  },
  'mdx.unknownAttribute': {
    file: 'sops/standard-answers.mdx',
    line: 8,
    path: ['body'],
    params: { component: 'Callout', attribute: 'tpye', allowed: ['type', 'title'], suggestion: 'type' },
  },
  'mdx.attribute': {
    file: 'sops/standard-answers.mdx',
    line: 10,
    path: ['body'],
    params: { component: 'RoleLink', attribute: 'id', reason: 'expression' },
    fix: {
      'zh-CN': '把 id 写成普通的文字：<RoleLink id="cs-lead" />，不要写成 {…}，检查才能确认它指向的岗位存在。',
      en: 'Write the id as plain text, <RoleLink id="cs-lead" />, not {…}, so the check can confirm the role exists.',
    },
  },
  'mdx.unknownId': {
    file: 'sops/standard-answers.mdx',
    line: 9,
    path: ['body'],
    params: { component: 'RoleLink', kind: 'role', id: '運營總監', suggestion: 'ops-director', byName: true },
  },
  'mdx.unknownTerm': {
    file: 'sops/standard-answers.mdx',
    line: 19,
    path: ['body'],
    params: { term: '钻展位', viaId: false, suggestion: '钻展' },
  },
  'mdx.calloutType': {
    file: 'sops/standard-answers.mdx',
    line: 11,
    path: ['body'],
    params: { found: 'important', allowed: ['tip', 'warning', 'danger'], suggestion: 'warning' },
  },
  'mdx.inMarkdown': {
    file: 'sops/refund-check.md',
    line: 10,
    path: ['body'],
    params: { name: 'Callout', mdxFile: 'sops/refund-check.mdx' },
    fix: {
      'zh-CN': '把文件扩展名从 .md 改成 .mdx（内容不用改），组件就会生效。',
      en: 'Rename the file from .md to .mdx (nothing else changes) and the component works.',
    },
  },
  'yaml.fullWidthColon': { file: 'roles/aftersales-cs.md', line: 2, params: { key: 'title' } },
  'yaml.notMapping': {
    file: 'sops/refund-check.md',
    line: 2,
    params: { expected: 'mapping', found: 'list' },
    fix: {
      'zh-CN': '岗位、SOP、计划、部门和 site.yaml 的顶层是“字段: 值”，不以 - 开头；glossary.yaml 和 cadence.yaml 相反，顶层是列表，每项以 - 开头。',
      en: 'Roles, SOPs, plans, departments and site.yaml hold "key: value" lines at the top, not items starting with -; glossary.yaml and cadence.yaml are the opposite: a list of items, each starting with -.',
    },
  },
  'mdx.compile': {
    file: 'sops/standard-replies.mdx',
    line: 12,
    params: { detail: 'Expected a closing tag for `<details>`' },
    fix: {
      'zh-CN': 'MDX 里 < 和 { 有特殊含义：每个 <标签> 都要闭合，正文里的 { } 要成对；要写“小于”请写 &lt; 或改用 .md 文件。',
      en: 'In MDX, < and { are special: close every <tag>, pair every { }; write &lt; for a literal "<", or use a .md file.',
    },
  },
  'id.slug': {
    file: 'sops/Refund_Check.md',
    params: { id: 'Refund_Check', suggestion: 'refund-check' },
    fix: {
      'zh-CN': '文件名就是 id：只用小写字母、数字和连字符，如 refund-check.md。中文标题写在 title 里；npm run new 会按拼音建议 id。改名后，引用它的地方也要改。',
      en: 'The file name is the id: lower-case letters, digits and hyphens only, such as refund-check.md. Put the Chinese name in title; npm run new suggests an id from pinyin. Update references after renaming.',
    },
  },
  'id.duplicate': { file: 'sops/refund-check.mdx', params: { id: 'refund-check', other: 'sops/refund-check.md' } },
  'schema.required': { file: 'sops/refund-check.md', line: 2, path: ['owner'], params: { field: 'owner' } },
  'schema.type': {
    file: 'roles/aftersales-cs.md',
    line: 7,
    path: ['headcount', 'current'],
    params: { expected: '数字', expectedEn: 'number', found: '２', fullWidthDigits: true },
    fix: {
      'zh-CN': '按字段要求的类型写：数字不加引号、用半角；列表每项以 - 开头；键值对写成“字段: 值”。',
      en: 'Write the type the key expects: numbers unquoted in ASCII digits; lists as items starting with -; mappings as "key: value" lines.',
    },
  },
  'schema.enum': {
    file: 'sops/refund-check.md',
    line: 8,
    path: ['frequency'],
    params: { found: 'dayly', allowed: [...FREQUENCIES], suggestion: 'daily' },
    fix: {
      'zh-CN': '从列出的取值里选一个，原样照抄（英文小写）。岗位级别也可以写 初级 / 中级 / 高级。',
      en: 'Pick one of the listed values and copy it as written (lower case). A role level may also be 初级 / 中级 / 高级.',
    },
  },
  'schema.tooSmall': {
    file: 'roles/aftersales-cs.md',
    line: 10,
    path: ['responsibilities'],
    params: { minimum: 1, isArray: true, count: 0 },
    fix: {
      'zh-CN': '在字段下面至少写一项，每项一行，以“  - ”开头；文字字段不能留空。',
      en: 'Write at least one item below the key, one per line, starting with "  - "; text fields cannot be empty.',
    },
  },
  'schema.invalid': {
    file: 'cadence.yaml',
    line: 15,
    path: [2, 'on'],
    params: { found: 32, detail: '≤ 31' },
    fix: {
      'zh-CN': '括号里是允许的范围或格式：把值改到范围内，如每月事项的 on 写 1–31。',
      en: 'The brackets give the allowed range or format: bring the value inside it, e.g. on: 1–31 for a monthly item.',
    },
  },
  'schema.unknownKey': { file: 'sops/refund-check.md', line: 4, path: ['participant'], params: { key: 'participant', suggestion: 'participants' } },
  'value.money': { file: 'plans/q3-2027.yaml', line: 13, path: ['months', 0, 'revenue'], params: { found: '15w', reason: 'latin-unit' } },
  'value.month': { file: 'plans/q3-2027.yaml', line: 12, path: ['months', 0, 'month'], params: { found: '2027/7', reason: 'separator' } },
  'value.date': {
    file: 'sops/refund-check.md',
    line: 25,
    path: ['updated'],
    params: { found: '2026-6-1', reason: 'format' },
    fix: {
      'zh-CN': '写成 YYYY-MM-DD，月和日补足两位：2026-6-1 → 2026-06-01；日期要真实存在（没有 2 月 30 日）。',
      en: 'Write YYYY-MM-DD with two-digit months and days: 2026-6-1 → 2026-06-01; the day must exist (no 30 February).',
    },
  },
  'value.duration': {
    file: 'sops/refund-check.md',
    line: 9,
    path: ['sla'],
    params: { found: '一天', reason: 'format' },
    fix: {
      'zh-CN': '用阿拉伯数字加单位：20s、30m、24h、3d，或 20秒、30分钟、24小时、3天。只写数字（24）也不行。',
      en: 'Digits and a unit: 20s, 30m, 24h, 3d, or 20秒, 30分钟, 24小时, 3天. A bare number (24) is not enough.',
    },
  },
  'value.time': { file: 'cadence.yaml', line: 3, path: [0, 'at'], params: { found: '17点半' } },
  'cadence.on': {
    file: 'cadence.yaml',
    line: 9,
    path: [1, 'on'],
    params: { every: 'week', found: 1 },
    fix: {
      'zh-CN': '每周的事项写星期：mon、tue、wed、thu、fri、sat、sun；每月的事项写几号（1–31）；每天和工作日的事项不写 on。',
      en: 'A weekly item takes a weekday: mon, tue, wed, thu, fri, sat, sun; a monthly one a day of the month (1–31); daily and weekday items none.',
    },
  },
  'ref.missing': { file: 'sops/refund-check.md', line: 3, path: ['owner'], params: { kind: 'role', id: '售后客服', suggestion: 'aftersales-cs' } },
  'org.cycle': { file: 'roles/cs-lead.md', line: 4, path: ['reportsTo'], params: { cycle: ['cs-lead', 'aftersales-cs', 'cs-lead'] } },
  'plan.periodOrder': {
    file: 'plans/q3-2027.yaml',
    line: 3,
    path: ['period'],
    params: { start: '2027-09', end: '2027-07' },
    fix: { 'zh-CN': '对调 start 和 end：start 是第一个月，end 是最后一个月。', en: 'Swap start and end: start is the first month, end the last.' },
  },
  'plan.monthDuplicate': {
    file: 'plans/q3-2027.yaml',
    line: 15,
    path: ['months', 1, 'month'],
    params: { month: '2027-07', first: 1 },
    fix: { 'zh-CN': '每个月只写一项：删掉重复的那项，或改成漏掉的月份。', en: 'One item per month: remove the repeated one, or change it to the month that is missing.' },
  },
  'plan.monthOutside': {
    file: 'plans/q3-2027.yaml',
    line: 21,
    path: ['months', 3, 'month'],
    params: { month: '2027-10', start: '2027-07', end: '2027-09' },
    fix: { 'zh-CN': '改正月份，或放宽 period，或把这个月移到下一份计划。', en: 'Correct the month, widen the period, or move the month to the next plan.' },
  },
  'plan.totals': {
    file: 'plans/q3-2027.yaml',
    line: 8,
    path: ['totals', 'revenue'],
    params: { field: 'revenue', declared: wan(65), computed: wan(60), difference: wan(5), lowerBound: false },
  },
  'plan.totalsUndecided': {
    file: 'plans/q3-2027.yaml',
    line: 8,
    path: ['totals', 'revenue'],
    params: { field: 'revenue', declaredUndecided: false, known: wan(40), count: 1 },
    fix: {
      'zh-CN': '只是提醒：数字定下来后，把“待定”改成金额。在那之前，页面上的合计标为“下限”。',
      en: 'A reminder only: replace 待定 with the amount once it is decided. Until then pages mark the total as a lower bound.',
    },
  },
  'plan.monthMissing': {
    file: 'plans/q3-2027.yaml',
    line: 10,
    path: ['months'],
    params: { months: ['2027-08', '2027-09'], count: 2 },
    fix: { 'zh-CN': '给这些月份补上 revenue 和 marketing；还没定的写 待定。', en: 'Add revenue and marketing for these months; write 待定 where not decided yet.' },
  },
  'stage.order': {
    file: 'plans/q3-2027.yaml',
    line: 44,
    path: ['stages', 1, 'start'],
    params: { stage: '冲刺期', start: '2027-09', end: '2027-08' },
    fix: { 'zh-CN': '对调阶段的 start 和 end。', en: "Swap the stage's start and end." },
  },
  'stage.outside': {
    file: 'plans/q3-2027.yaml',
    line: 23,
    path: ['stages', 0, 'start'],
    params: { stage: '预热期', start: '2026-07', end: '2026-08', periodStart: '2027-07', periodEnd: '2027-09', yearSlip: '2027-07 – 2027-08' },
    fix: {
      'zh-CN': '把阶段的月份改到计划周期内（常见的是年份写错），或放宽 period。',
      en: 'Move the stage inside the period (often the year is wrong), or widen the period.',
    },
  },
  'stage.duplicate': {
    file: 'plans/q3-2027.yaml',
    line: 41,
    path: ['stages', 1, 'id'],
    params: { id: 'warm-up', first: 1 },
    fix: { 'zh-CN': '给其中一个阶段换个 id，本计划内不重复，如 peak。', en: 'Give one of the stages another id, unique in the plan, such as peak.' },
  },
  'stage.milestoneOutside': {
    file: 'plans/q3-2027.yaml',
    line: 36,
    path: ['stages', 0, 'milestones', 0, 'month'],
    params: { stage: '预热期', month: '2027-09', start: '2027-07', end: '2027-08' },
    fix: { 'zh-CN': '把里程碑移到它所在月份的阶段下，或改正月份。', en: 'Move the milestone under the stage of its month, or correct the month.' },
  },
  'stage.overlap': {
    file: 'plans/q3-2027.yaml',
    line: 42,
    path: ['stages', 1, 'start'],
    params: { stage: '冲刺期', other: '预热期', months: ['2027-08'] },
    fix: { 'zh-CN': '调整两个阶段的 start、end，让每个月只属于一个阶段。', en: "Adjust the two stages' start and end so that each month belongs to one stage." },
  },
  'stage.uncovered': { file: 'plans/q3-2027.yaml', line: 20, path: ['stages'], params: { months: ['2027-09'], count: 1 } },
  'stage.budget': {
    file: 'plans/q3-2027.yaml',
    line: 30,
    path: ['stages', 0, 'budget'],
    params: { stage: '预热期', start: '2027-07', end: '2027-08', budget: wan(8), marketing: wan(9), difference: { fen: -1_000_000 } },
  },
  'stage.target': {
    file: 'plans/q3-2027.yaml',
    line: 29,
    path: ['stages', 0, 'targets', 'revenue'],
    params: { stage: '预热期', target: wan(40), revenue: wan(35), difference: wan(5) },
    fix: {
      'zh-CN': '改正阶段的 targets.revenue，或检查这几个月的 revenue 哪个写错了。',
      en: "Correct the stage's targets.revenue, or find the month whose revenue is wrong.",
    },
  },
  'sop.reviewOverdue': { file: 'sops/refund-check.md', line: 25, path: ['updated'], params: { updated: '2025-06-01', every: 6, due: '2025-12-01' } },
  'role.noSop': { file: 'roles/cs-lead.md', params: { role: '客服主管' } },
  ...ACTUALS_RULE_EXAMPLES,
  'glossary.unused': {
    file: 'glossary.yaml',
    line: 7,
    path: [1, 'term'],
    params: { term: '钻展' },
    fix: {
      'zh-CN': '在用到它的岗位、SOP 或计划里写上这个词或它的别名；确实用不到，就从术语表删掉。',
      en: 'Use the term (or an alias) in a role, SOP or plan that needs it; if none does, remove it from the glossary.',
    },
  },
} as const satisfies Record<RuleId, RuleExample>;

export interface RuleGuideEntry {
  /** The rule id: also the entry's anchor on the guide page. */
  readonly id: RuleId;
  readonly severity: Problem['severity'];
  readonly title: string;
  /** The example problem as `npm run check` prints it (file:line, severity, field, message, [rule], hint). */
  readonly output: string;
  readonly message: string;
  readonly hint: string | null;
  /** How to fix it: the longer advice when there is one, else the rule's hint. */
  readonly fix: string;
}

/** The example problem of a rule, as the checker would report it. */
export function exampleProblem(id: RuleId): Problem {
  const example: RuleExample = RULE_EXAMPLES[id];
  const problem: Problem = { severity: ruleOf(id).severity, rule: id, file: example.file, path: example.path ?? [], params: example.params, line: example.line };
  return example.column === undefined ? problem : { ...problem, column: example.column };
}

/** Every rule, in the rule table's order, in the reader's language (zh-TW: converted like the checker's own report). */
export function ruleGuide(lang: Locale): RuleGuideEntry[] {
  const base = sourceLocale(lang);
  const convert = inScriptOf(lang);
  return (Object.keys(RULES) as RuleId[]).map((id) => {
    const problem = exampleProblem(id);
    const rendered = renderProblem(problem, lang);
    // The report's last line is the summary ("1 个错误，0 个警告"): the problem is what comes before it.
    const output = toText([problem], { lang, displayRoot: 'content', color: false }).split('\n').slice(0, -1).join('\n');
    const { fix }: RuleExample = RULE_EXAMPLES[id];
    return {
      id,
      severity: problem.severity,
      title: convert(RULES[id].title[base]),
      output,
      message: rendered.message,
      hint: rendered.hint,
      fix: fix ? convert(fix[base]) : (rendered.hint ?? ''),
    };
  });
}
