/**
 * A plan's 待确认事项 (open items): the checker's problems about one plan file, put as a manager reads
 * them — the two amounts and their difference in words, and where on the plan page the row is. Pure:
 * the pages pass in the problems `loadContent` found, so the box and `npm run check` never disagree.
 */
import { inScriptOf } from '../domain/script.ts';
import { formatFen } from '../domain/money.ts';
import { sourceLocale, type Locale, type SourceLocale } from '../i18n/index.ts';
import type { FenParam, ParamValue, Problem } from './problems.ts';
import { makeSay, ruleOf } from './rules.ts';

export interface OpenItem {
  readonly severity: Problem['severity'];
  readonly rule: string;
  /** One sentence in the site's language, amounts included. */
  readonly text: string;
  /** The anchor on the plan page of the row or section it concerns (without '#'). */
  readonly anchor: string;
  readonly line?: number;
}

type Params = Problem['params'];

const fenOf = (value: ParamValue): number | undefined => (value && typeof value === 'object' && 'fen' in value ? (value as FenParam).fen : undefined);

const FIELD: Record<string, Record<SourceLocale, string>> = {
  revenue: { 'zh-CN': '目标成交额', en: 'Revenue target' },
  marketing: { 'zh-CN': '营销推广预算', en: 'Marketing budget' },
};

/**
 * Plain wording for the rules that compare two amounts: "A x，B y，相差 z". Other rules keep the
 * checker's own message, which already names its months and stages.
 */
const PLAIN: Record<string, Record<SourceLocale, (p: Params, money: (fen: number) => string) => string | undefined>> = {
  'stage.budget': {
    'zh-CN': (p, m) => pair(`${p.stage}预算明细`, p.budget, '各月合计', p.marketing, p.difference, m, 'zh-CN'),
    en: (p, m) => pair(`${p.stage}: budget lines`, p.budget, 'its months', p.marketing, p.difference, m, 'en'),
  },
  'stage.target': {
    'zh-CN': (p, m) => pair(`${p.stage}阶段目标`, p.target, '各月目标合计', p.revenue, p.difference, m, 'zh-CN'),
    en: (p, m) => pair(`${p.stage}: stage target`, p.target, 'its months', p.revenue, p.difference, m, 'en'),
  },
  'plan.totals': {
    'zh-CN': (p, m) => pair(`计划书所列${FIELD[String(p.field)]?.['zh-CN'] ?? ''}合计`, p.declared, '各月合计', p.computed, p.difference, m, 'zh-CN'),
    en: (p, m) => pair(`Declared ${FIELD[String(p.field)]?.en.toLowerCase() ?? ''} total`, p.declared, 'the months', p.computed, p.difference, m, 'en'),
  },
};

/** "A x，B y，相差 z" in each language of the checker. */
const PAIR: Record<SourceLocale, (a: string, x: string, b: string, y: string, d: string) => string> = {
  'zh-CN': (a, x, b, y, d) => `${a} ${x}，${b} ${y}，相差 ${d}`,
  en: (a, x, b, y, d) => `${a} ${x}, ${b} ${y}, a difference of ${d}`,
};

function pair(
  a: string,
  aFen: ParamValue,
  b: string,
  bFen: ParamValue,
  diff: ParamValue,
  money: (fen: number) => string,
  lang: SourceLocale,
): string | undefined {
  const [x, y, d] = [fenOf(aFen), fenOf(bFen), fenOf(diff)];
  if (x === undefined || y === undefined || d === undefined) return undefined;
  return PAIR[lang](a, money(x), b, money(y), money(Math.abs(d)));
}

/** Where a problem's field sits on the plan page (anchors of src/components: stage-<id>, month-<yyyy-mm>, …). */
export function anchorOf(problem: Problem, plan: PlanAnchors): string {
  const [head, index] = problem.path;
  if (head === 'stages' && typeof index === 'number') {
    const stage = plan.stages[index];
    if (stage) return problem.rule === 'stage.budget' ? `stage-${stage.id}-budget` : `stage-${stage.id}`;
    return 'stages';
  }
  if (head === 'months' && typeof index === 'number') {
    const month = plan.months[index];
    return month ? `month-${month.month}` : 'months';
  }
  if (head === 'totals') return 'declared';
  if (head === 'stages') return 'stages';
  if (head === 'months') return 'months';
  return 'summary';
}

export interface PlanAnchors {
  readonly stages: readonly { readonly id: string }[];
  readonly months: readonly { readonly month: string }[];
}

/**
 * The open items of the plan in `file` (relative to the content folder) and, when given, of its actuals
 * folder (`actuals/<plan-id>/`, linked to the 执行跟踪 table): errors first, then the plan file's, in file order.
 */
export function planOpenItems(problems: readonly Problem[], file: string, plan: PlanAnchors, locale: Locale, actualsDir?: string): OpenItem[] {
  const lang = sourceLocale(locale);
  const convert = inScriptOf(locale);
  const say = makeSay(lang);
  const money = (fen: number) => formatFen(fen, lang);
  const inActuals = (p: Problem) => actualsDir !== undefined && p.file.startsWith(`${actualsDir.replace(/\/$/, '')}/`);
  const mine = problems.filter((p) => p.file === file || inActuals(p));
  const rank = (p: Problem) => (p.severity === 'error' ? 0 : 2) + (inActuals(p) ? 1 : 0);
  const ordered = mine
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
  return ordered.map((problem) => {
    const plain = PLAIN[problem.rule]?.[lang](problem.params, money);
    const text = plain ?? ruleOf(problem.rule).message[lang](problem.params, say);
    const anchor = inActuals(problem) ? 'actuals-months' : anchorOf(problem, plan);
    return { severity: problem.severity, rule: problem.rule, text: convert(text), anchor, line: problem.line };
  });
}
