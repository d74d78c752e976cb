/**
 * The checker's rules for the authors' guide (/guide/#<rule id>): every rule of
 * the rule table (src/check/rules.ts) with an example problem, rendered exactly
 * as `npm run check` prints it, and how to fix it. All the wording, the fix
 * included, comes from the rule table; only the example facts live here.
 * RULE_EXAMPLES must name every rule (the type says so, and
 * test/unit/guide/rules.test.ts checks it).
 */
import { sourceLocale, type Locale } from '../i18n/index.ts';
import { FREQUENCIES } from '../schema/collections.ts';
import type { ParamValue, PathSegment, Problem } from '../check/problems.ts';
import { inScriptOf } from '../domain/script.ts';
import { RULES, ruleOf, type Rule, type RuleId } from '../check/rules.ts';
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
}

const wan = (n: number) => ({ fen: n * 1_000_000 });

export const RULE_EXAMPLES = {
  'file.encoding': { file: 'sops/refund-check.md', line: 1, params: { encoding: 'GBK/GB18030' } },
  'file.empty': { file: 'roles/packer.md', line: 1, params: {} },
  'file.missing': { file: 'site.yaml', params: { file: 'site.yaml' } },
  'file.ignored': {
    file: 'sops/refund-check.docx',
    params: { folder: 'sops', expected: '.md / .mdx' },
  },
  'file.frontmatter': { file: 'sops/refund-check.md', line: 1, params: {} },
  'yaml.syntax': {
    file: 'departments/customer-service.yaml',
    line: 3,
    params: { detail: 'Nested mappings are not allowed in compact mappings', tab: false },
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
  },
  'yaml.fullWidthColon': { file: 'roles/aftersales-cs.md', line: 2, params: { key: 'title' } },
  'yaml.notMapping': {
    file: 'sops/refund-check.md',
    line: 2,
    params: { expected: 'mapping', found: 'list' },
  },
  'mdx.compile': {
    file: 'sops/standard-replies.mdx',
    line: 12,
    params: { detail: 'Expected a closing tag for `<details>`' },
  },
  'mdx.code': {
    file: 'sops/standard-replies.mdx',
    line: 9,
    path: ['body'],
    params: { kind: 'expression', code: '{process.env.SHOP_TOKEN}', components: ['<Steps>', '<Callout>', '<RoleLink>', '<SopLink>', '<Term>', '<Checklist>'] },
  },
  'html.element': {
    file: 'sops/refund-check.md',
    line: 31,
    path: ['body'],
    params: { tag: 'iframe', kind: 'embed', removes: 'content' },
  },
  'html.attribute': {
    file: 'sops/refund-check.md',
    line: 33,
    path: ['body'],
    params: { tag: 'img', attribute: 'onerror', group: 'event', allowed: ['src', 'alt', 'width', 'height', 'title', 'lang', 'dir'] },
  },
  'html.url': {
    file: 'sops/refund-check.md',
    line: 35,
    path: ['body'],
    params: { tag: 'a', attribute: 'href', url: 'javascript:alert(1)', reason: 'script' },
  },
  'id.slug': {
    file: 'sops/Refund_Check.md',
    params: { id: 'Refund_Check', suggestion: 'refund-check' },
  },
  'id.duplicate': { file: 'sops/refund-check.mdx', params: { id: 'refund-check', other: 'sops/refund-check.md' } },
  'schema.required': { file: 'sops/refund-check.md', line: 2, path: ['owner'], params: { field: 'owner' } },
  'schema.type': {
    file: 'roles/aftersales-cs.md',
    line: 7,
    path: ['headcount', 'current'],
    params: { expected: '数字', expectedEn: 'number', found: '２', fullWidthDigits: true },
  },
  'list.separator': {
    file: 'sops/refund-check.md',
    line: 4,
    path: ['participants', 0],
    params: { found: 'cs-lead，presales-cs', separator: '，', items: ['cs-lead', 'presales-cs'], inList: true },
  },
  'schema.enum': {
    file: 'sops/refund-check.md',
    line: 8,
    path: ['frequency'],
    params: { found: 'dayly', allowed: [...FREQUENCIES], suggestion: 'daily' },
  },
  'schema.tooSmall': {
    file: 'roles/aftersales-cs.md',
    line: 10,
    path: ['responsibilities'],
    params: { minimum: 1, isArray: true, count: 0 },
  },
  'schema.invalid': {
    file: 'cadence.yaml',
    line: 15,
    path: [2, 'on'],
    params: { found: 32, detail: '≤ 31' },
  },
  'schema.unknownKey': { file: 'sops/refund-check.md', line: 4, path: ['participant'], params: { key: 'participant', suggestion: 'participants' } },
  'value.money': { file: 'plans/q3-2027.yaml', line: 13, path: ['months', 0, 'revenue'], params: { found: '15w', reason: 'latin-unit', suggestion: '15万' } },
  'value.month': { file: 'plans/q3-2027.yaml', line: 12, path: ['months', 0, 'month'], params: { found: '2027/7', reason: 'separator' } },
  'value.date': {
    file: 'sops/refund-check.md',
    line: 25,
    path: ['updated'],
    params: { found: '2026-6-1', reason: 'format' },
  },
  'value.duration': {
    file: 'sops/refund-check.md',
    line: 9,
    path: ['sla'],
    params: { found: '一天', reason: 'format' },
  },
  'value.time': { file: 'cadence.yaml', line: 3, path: [0, 'at'], params: { found: '17点半' } },
  'cadence.on': {
    file: 'cadence.yaml',
    line: 9,
    path: [1, 'on'],
    params: { every: 'week', found: 1 },
  },
  'ref.missing': { file: 'sops/refund-check.md', line: 3, path: ['owner'], params: { kind: 'role', id: '售后客服', suggestion: 'aftersales-cs' } },
  'audience.unknown': {
    file: 'plans/annual-2026.yaml',
    line: 2,
    path: ['audience'],
    params: { id: 'managment', declared: ['staff', 'management'], suggestion: 'management' },
  },
  'audience.duplicate': { file: 'site.yaml', line: 9, path: ['audiences', 1, 'id'], params: { id: 'staff', other: 1 } },
  'audience.defaultTwice': {
    file: 'site.yaml',
    line: 12,
    path: ['audiences', 2, 'default', 0],
    params: { collection: 'plans', other: 'management', id: 'finance' },
  },
  'audience.hiddenReference': {
    file: 'sops/refund-check.md',
    line: 3,
    path: ['owner'],
    params: { kind: 'role', id: 'ops-director', from: '全体员工', fromId: 'staff', to: '管理层', toId: 'management', blind: ['全体员工'] },
  },
  'org.cycle': { file: 'roles/cs-lead.md', line: 4, path: ['reportsTo'], params: { cycle: ['cs-lead', 'aftersales-cs', 'cs-lead'] } },
  'plan.periodOrder': {
    file: 'plans/q3-2027.yaml',
    line: 3,
    path: ['period'],
    params: { start: '2027-09', end: '2027-07' },
  },
  'plan.monthDuplicate': {
    file: 'plans/q3-2027.yaml',
    line: 15,
    path: ['months', 1, 'month'],
    params: { month: '2027-07', first: 1 },
  },
  'plan.monthOutside': {
    file: 'plans/q3-2027.yaml',
    line: 21,
    path: ['months', 3, 'month'],
    params: { month: '2027-10', start: '2027-07', end: '2027-09' },
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
  },
  'plan.monthMissing': {
    file: 'plans/q3-2027.yaml',
    line: 10,
    path: ['months'],
    params: { months: ['2027-08', '2027-09'], count: 2 },
  },
  'stage.order': {
    file: 'plans/q3-2027.yaml',
    line: 44,
    path: ['stages', 1, 'start'],
    params: { stage: '冲刺期', start: '2027-09', end: '2027-08' },
  },
  'stage.outside': {
    file: 'plans/q3-2027.yaml',
    line: 23,
    path: ['stages', 0, 'start'],
    params: { stage: '预热期', start: '2026-07', end: '2026-08', periodStart: '2027-07', periodEnd: '2027-09', yearSlip: '2027-07 – 2027-08' },
  },
  'stage.duplicate': {
    file: 'plans/q3-2027.yaml',
    line: 41,
    path: ['stages', 1, 'id'],
    params: { id: 'warm-up', first: 1 },
  },
  'stage.milestoneOutside': {
    file: 'plans/q3-2027.yaml',
    line: 36,
    path: ['stages', 0, 'milestones', 0, 'month'],
    params: { stage: '预热期', month: '2027-09', start: '2027-07', end: '2027-08' },
  },
  'stage.overlap': {
    file: 'plans/q3-2027.yaml',
    line: 42,
    path: ['stages', 1, 'start'],
    params: { stage: '冲刺期', other: '预热期', months: ['2027-08'] },
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
  },
  'check.skipped': {
    file: 'plans/q3-2027.yaml',
    line: 10,
    path: ['months', 1, 'revenue'],
    params: { part: 'months[1].revenue', checks: ['plan.totals@totals.revenue', 'stage.target@stages[0]'] },
  },
  'sop.reviewOverdue': { file: 'sops/refund-check.md', line: 25, path: ['updated'], params: { updated: '2025-06-01', every: 6, due: '2025-12-01' } },
  'role.noSop': { file: 'roles/cs-lead.md', params: { role: '客服主管' } },
  ...ACTUALS_RULE_EXAMPLES,
  'text.pinyinAnnotation': {
    file: 'sops/refund-and-invoice.md',
    line: 12,
    path: ['body'],
    params: { found: ['(fā)'], written: '买家申请發(fā)票后当天处理', cleaned: '买家申请發票后当天处理' },
  },
  'glossary.unused': {
    file: 'glossary.yaml',
    line: 7,
    path: [1, 'term'],
    params: { term: '钻展' },
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
  /** How to fix it: the rule's general advice when it has one, else its hint. */
  readonly fix: string;
}

/** The example problem of a rule, as the checker would report it. */
export function exampleProblem(id: RuleId): Problem {
  const example: RuleExample = RULE_EXAMPLES[id];
  const problem: Problem = {
    severity: ruleOf(id).severity,
    rule: id,
    file: example.file,
    path: example.path ?? [],
    params: example.params,
    line: example.line,
  };
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
    const { advice } = RULES[id] as Rule;
    return {
      id,
      severity: problem.severity,
      title: convert(RULES[id].title[base]),
      output,
      message: rendered.message,
      hint: rendered.hint,
      fix: advice ? convert(advice[base]) : (rendered.hint ?? ''),
    };
  });
}
