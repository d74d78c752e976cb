/**
 * Cross-entry checks of the content format (references, cycles, plan arithmetic,
 * coverage, reviews, usage). Pure: takes the parsed handbook, returns problems.
 */
import type { Entry, Handbook } from '../domain/handbook.ts';
import { GLOSSARY_FILE } from '../domain/handbook.ts';
import { formatPath, type PathSegment, type Problem, type Severity, type ParamValue } from './problems.ts';
import { isAmount, TBD, type Money } from '../domain/money.ts';
import { monthIndex } from '../domain/time.ts';
import { reviewStatus } from '../domain/sops/review.ts';
import { planFigures, stageOverlaps } from '../domain/plan/plan.ts';
import { reportingCycles } from '../domain/org/org.ts';
import { nearest, splitJoinedItems } from '../domain/text.ts';
import type { PlanData, StageData } from '../schema/collections.ts';
import type { RefKind } from '../schema/values.ts';
import type { FileReference } from './references.ts';
import type { ActualsPlanEntry } from '../domain/actuals/folder.ts';
import { brokenUnder, type PartPath, type Parts } from './parts.ts';

export interface CheckOptions {
  /** Today's date (YYYY-MM-DD) for review deadlines. */
  readonly today: string;
  /** Folds Traditional/Simplified spelling, for "did you mean" on references and term usage. */
  readonly fold?: (text: string) => string;
  /** Ids of entries that exist but failed their schema: references to them are not reported again. */
  readonly alsoKnown?: Partial<Record<Exclude<RefKind, 'audience'>, readonly string[]>>;
  /**
   * Every reference field that parsed, from every file, those that failed their schema included
   * (check/references.ts): the reference checks run on these, not on the entries that parsed whole.
   */
  readonly references: readonly FileReference[];
  /** Entries that failed their schema, read part by part (check/parts.ts): their checks run on the parts that parsed. */
  readonly partial?: {
    readonly plans?: readonly PartialEntry<PlanData>[];
    /** Plan id → its actuals folder (actuals/<id>/), for plans that have one. */
    readonly actualsFolders?: ReadonlyMap<string, string>;
  };
}

export interface PartialEntry<T> {
  readonly id: string;
  readonly file: string;
  readonly parts: Parts<T>;
}

class Collector {
  readonly problems: Problem[] = [];
  add(severity: Severity, rule: string, file: string, path: readonly PathSegment[], params: Record<string, ParamValue> = {}) {
    this.problems.push({ severity, rule, file, path, params });
  }
}

export function checkHandbook(handbook: Handbook, options: CheckOptions): Problem[] {
  const out = new Collector();
  const fold = options.fold ?? ((s: string) => s);
  checkDuplicateIds(handbook, out);

  // Audience ids are declared in site.yaml, not entries: check/audiences.ts checks them.
  const known: Record<Exclude<RefKind, 'audience'>, Map<string, string>> = {
    role: new Map(handbook.roles.map((r) => [r.id, r.data.title])),
    sop: new Map(handbook.sops.map((s) => [s.id, s.data.title])),
    department: new Map(handbook.departments.map((d) => [d.id, d.data.name])),
    term: new Map(handbook.glossary.map((t) => [t.term, t.term])),
  };
  for (const [kind, ids] of Object.entries(options.alsoKnown ?? {})) for (const id of ids) known[kind as keyof typeof known].set(id, id);
  const missing = (kind: keyof typeof known, id: string, file: string, path: readonly PathSegment[]) => {
    if (!known[kind].has(id)) out.add('error', 'ref.missing', file, path, { kind, id, suggestion: suggestId(id, known[kind], fold) });
  };
  for (const { kind, id, file, path, inList } of options.references) {
    if (kind === 'audience' || known[kind].has(id)) continue;
    // [cs-lead，presales-cs]: one item to YAML. Say so, and check each id it holds in the same run.
    const joined = inList ? splitJoinedItems(id) : undefined;
    if (joined) {
      out.add('error', 'list.separator', file, path, { found: id, separator: joined.separator, items: joined.items, inList: true });
      for (const item of joined.items) missing(kind, item, file, path);
    } else {
      missing(kind, id, file, path);
    }
  }
  for (const cycle of reportingCycles(handbook.roles)) {
    const first = handbook.roles.find((r) => r.id === cycle[0])!;
    out.add('error', 'org.cycle', first.file, ['reportsTo'], { cycle: [...cycle, cycle[0]!] });
  }
  for (const sop of handbook.sops) checkReview(sop, options.today, out);
  for (const plan of handbook.plans) checkPlan(plan.file, plan.data, [], out);
  // Plans that failed their schema: every check whose parts parsed still runs.
  for (const plan of options.partial?.plans ?? []) {
    const actualsFolder = options.partial?.actualsFolders?.get(plan.id);
    checkPlan(plan.file, plan.parts.value, plan.parts.broken, out, actualsFolder);
  }

  checkRolesWithoutSop(handbook, options.references, out);
  checkUnusedTerms(handbook, fold, out);
  return out.problems;
}

function suggestId(id: string, known: Map<string, string>, fold: (s: string) => string): string | undefined {
  return idSuggestion(id, known, fold).suggestion;
}

/**
 * "Did you mean" for an unknown id among known ids (id → title). `byName` says the
 * author wrote the title (運營總監) instead of the id, or the id or title in the other script.
 */
export function idSuggestion(id: string, known: ReadonlyMap<string, string>, fold: (s: string) => string): { suggestion?: string; byName: boolean } {
  const folded = fold(id);
  for (const [knownId, title] of known) if (fold(title) === folded || fold(knownId) === folded) return { suggestion: knownId, byName: true };
  const suggestion = nearest(id, known.keys());
  return suggestion === undefined ? { byName: false } : { suggestion, byName: false };
}

function checkDuplicateIds(handbook: Handbook, out: Collector) {
  const groups: [string, readonly Entry<unknown>[]][] = [
    ['departments', handbook.departments],
    ['roles', handbook.roles],
    ['sops', handbook.sops],
    ['plans', handbook.plans],
  ];
  for (const [, entries] of groups) {
    const seen = new Map<string, string>();
    for (const entry of entries) {
      const first = seen.get(entry.id);
      if (first !== undefined) out.add('error', 'id.duplicate', entry.file, [], { id: entry.id, other: first });
      else seen.set(entry.id, entry.file);
    }
  }
  const terms = new Map<string, number>();
  handbook.glossary.forEach((term, i) => {
    const first = terms.get(term.term);
    if (first !== undefined) out.add('error', 'id.duplicate', GLOSSARY_FILE, [i, 'term'], { id: term.term, other: `${GLOSSARY_FILE} [${first}]` });
    else terms.set(term.term, i);
  });
}

function checkReview(sop: Entry<{ updated?: string; reviewEvery: number }>, today: string, out: Collector) {
  // The same rule as the overdue badge on the SOP page (domain/sops/review.ts).
  const status = reviewStatus(sop.data, today);
  if (status.overdue) {
    out.add('warning', 'sop.reviewOverdue', sop.file, ['updated'], { updated: status.updated, due: status.due, every: status.every });
  }
}

const fenOf = (money: Money | undefined) => (isAmount(money) ? { fen: money.fen } : undefined);

/**
 * The checks of one file that failed its schema, run part by part: a check runs when none of the parts
 * it reads is broken (check/parts.ts). The checks it cannot run are listed, per broken part, in one
 * `check.skipped` notice at that part, so the report says what was not checked and why.
 */
class Gate {
  private readonly skipped = new Map<string, { path: PartPath; checks: string[] }>();
  readonly file: string;
  private readonly broken: readonly PartPath[];
  constructor(file: string, broken: readonly PartPath[]) {
    this.file = file;
    this.broken = broken;
  }

  /** True when the list or mapping at `path` was read, though some of its parts may be broken. */
  present(path: readonly PathSegment[]): boolean {
    return isPresent(this.broken, path);
  }

  /** True when nothing `reads` names is broken (patterns as in brokenUnder). */
  readable(...reads: readonly PathSegment[][]): boolean {
    return reads.every((pattern) => !brokenUnder(this.broken, pattern));
  }

  /**
   * As `readable`, but a check that cannot run is noted under each broken part it reads (`check`: an id
   * of SKIPPED_CHECK in check/rules.ts, with `@subject` when it names one).
   */
  can(check: string, ...reads: readonly PathSegment[][]): boolean {
    const parts = this.broken.filter((b) => reads.some((pattern) => brokenUnder([b], pattern)));
    for (const part of parts) {
      const key = formatPath(part);
      const entry = this.skipped.get(key) ?? { path: part, checks: [] };
      if (!entry.checks.includes(check)) entry.checks.push(check);
      this.skipped.set(key, entry);
    }
    return parts.length === 0;
  }

  report(out: Collector) {
    for (const { path, checks } of this.skipped.values()) out.add('warning', 'check.skipped', this.file, path, { part: formatPath(path), checks });
  }
}

/**
 * The month items whose month parsed, for figures: an amount that cannot be read stands as 待定, and a
 * check whose total it would change does not run (it is noted as skipped).
 */
export function monthsThatParsed(months: PlanData['months'], broken: readonly PartPath[]): PlanData['months'] {
  const readable = (path: PathSegment[]) => !brokenUnder(broken, path);
  return months.flatMap((row, i) =>
    readable(['months', i, 'month'])
      ? [
          {
            month: row.month,
            revenue: readable(['months', i, 'revenue']) ? row.revenue : TBD,
            marketing: readable(['months', i, 'marketing']) ? row.marketing : TBD,
          },
        ]
      : [],
  );
}

/**
 * What the actuals of a plan that failed its schema are read against (domain/actuals/folder.ts), or
 * undefined when its period, its tracking settings or its list of months cannot be read. A month item
 * that cannot be read whole leaves that month without a target (as 待定): the others are compared.
 */
export function actualsPlanOf(plan: PartialEntry<PlanData>): ActualsPlanEntry | undefined {
  const { value, broken } = plan.parts;
  if (ACTUALS_NEEDS.some((part) => brokenUnder(broken, part)) || !isPresent(broken, ['months'])) return undefined;
  return { id: plan.id, data: { period: value.period, tracking: value.tracking, months: monthsThatParsed(value.months, broken) } };
}

const ACTUALS_NEEDS: readonly PathSegment[][] = [['period'], ['tracking']];

/** True when the list or mapping at `path` was read, though some of its parts may be broken. */
function isPresent(broken: readonly PartPath[], path: readonly PathSegment[]): boolean {
  return !broken.some((b) => b.length <= path.length && b.every((segment, i) => segment === path[i]));
}

/** A plan's checks; `broken` lists the parts of a plan that failed its schema (none for a valid plan). */
function checkPlan(file: string, data: PlanData, broken: readonly PartPath[], out: Collector, actualsFolder?: string) {
  const gate = new Gate(file, broken);
  // Its actuals are read (check/load.ts, actualsPlanOf) when the parts they are compared with parsed.
  if (actualsFolder !== undefined && gate.can(`actuals@${actualsFolder}`, ...ACTUALS_NEEDS)) {
    if (!gate.present(['months'])) gate.can(`actuals@${actualsFolder}`, ['months']);
    else gate.can(`actualsMonth@${actualsFolder}`, ['months', '*']);
  }
  const periodRead = gate.readable(['period']);
  const start = periodRead ? monthIndex(data.period.start) : NaN;
  const end = periodRead ? monthIndex(data.period.end) : NaN;
  const periodOk = periodRead && start <= end;
  if (periodRead && !periodOk) out.add('error', 'plan.periodOrder', file, ['period'], { start: data.period.start, end: data.period.end });

  // Each month item on its own: one that cannot be read is its own schema error.
  const months = gate.present(['months']) ? data.months : [];
  const seen = new Map<string, number>();
  months.forEach((row, i) => {
    if (!gate.readable(['months', i, 'month'])) return;
    const first = seen.get(row.month);
    if (first !== undefined) out.add('error', 'plan.monthDuplicate', file, ['months', i, 'month'], { month: row.month, first: first + 1 });
    else seen.set(row.month, i);
    const index = monthIndex(row.month);
    if (gate.can('plan.monthOutside', ['period']) && periodOk && (index < start || index > end)) {
      out.add('error', 'plan.monthOutside', file, ['months', i, 'month'], { month: row.month, start: data.period.start, end: data.period.end });
    }
  });

  const monthRows = monthsThatParsed(months, broken);
  const stageParts = ['id', 'name', 'start', 'end'];
  const stageIndexes = (gate.present(['stages']) ? data.stages : []).flatMap((_, i) =>
    gate.can(`stage@${formatPath(['stages', i])}`, ...stageParts.map((key) => ['stages', i, key])) ? [i] : [],
  );
  const stages = stageIndexes.map((i) => {
    const stage = data.stages[i]!;
    const has = (key: string) => gate.readable(['stages', i, key]);
    const filled: StageData = { ...stage, budget: has('budget') ? stage.budget : [], milestones: has('milestones') ? stage.milestones : [] };
    if (!has('targets')) delete filled.targets;
    return filled;
  });
  const figures = planFigures({
    ...data,
    period: periodRead ? data.period : { start: '0000-01', end: '0000-01' },
    months: monthRows,
    stages,
    roi: undefined,
    fixedCosts: [],
  });
  const allMonths = ['months', '*', 'month'];

  if (gate.can('plan.monthMissing', ['period'], allMonths) && periodOk && figures.missingMonths.length > 0) {
    out.add('warning', 'plan.monthMissing', file, data.months.length ? ['months'] : ['period'], {
      months: figures.missingMonths,
      count: figures.missingMonths.length,
    });
  }

  for (const field of ['revenue', 'marketing'] as const) {
    if (!gate.readable(['totals', field])) continue;
    const declared = data.totals?.[field];
    const path = ['totals', field];
    if (!declared || !gate.can(`plan.totals@${formatPath(path)}`, allMonths, ['months', '*', field])) continue;
    const computed = figures[field];
    if (!isAmount(declared)) {
      out.add('warning', 'plan.totalsUndecided', file, path, { field, declaredUndecided: true, known: { fen: computed.fen }, count: computed.undecided });
      continue;
    }
    if (computed.undecided > 0) {
      // The months' sum is only a lower bound: it may not exceed the declared total.
      if (computed.fen > declared.fen) {
        out.add('error', 'plan.totals', file, path, {
          field,
          declared: { fen: declared.fen },
          computed: { fen: computed.fen },
          difference: { fen: declared.fen - computed.fen },
          lowerBound: true,
        });
      }
      out.add('warning', 'plan.totalsUndecided', file, path, { field, declaredUndecided: false, known: { fen: computed.fen }, count: computed.undecided });
    } else if (computed.fen !== declared.fen) {
      out.add('error', 'plan.totals', file, path, {
        field,
        declared: { fen: declared.fen },
        computed: { fen: computed.fen },
        difference: { fen: declared.fen - computed.fen },
        lowerBound: false,
      });
    }
  }

  const stageIds = new Map<string, number>();
  stages.forEach((stage, k) => {
    const i = stageIndexes[k]!;
    const base: PathSegment[] = ['stages', i];
    const subject = formatPath(base);
    const first = stageIds.get(stage.id);
    if (first !== undefined) out.add('error', 'stage.duplicate', file, [...base, 'id'], { id: stage.id, first: first + 1 });
    else stageIds.set(stage.id, i);
    const s = monthIndex(stage.start);
    const e = monthIndex(stage.end);
    if (s > e) {
      out.add('error', 'stage.order', file, [...base, 'start'], { stage: stage.name, start: stage.start, end: stage.end });
      return;
    }
    if (!gate.can(`stage@${subject}`, ['period'])) return;
    if (periodOk && (s < start || e > end)) {
      out.add('error', 'stage.outside', file, [...base, s < start ? 'start' : 'end'], {
        stage: stage.name,
        start: stage.start,
        end: stage.end,
        periodStart: data.period.start,
        periodEnd: data.period.end,
        yearSlip: yearSlip(stage.start, stage.end, data.period.start, data.period.end),
      });
      return;
    }
    stage.milestones.forEach((milestone, j) => {
      const m = monthIndex(milestone.month);
      if (m < s || m > e)
        out.add('warning', 'stage.milestoneOutside', file, [...base, 'milestones', j, 'month'], {
          stage: stage.name,
          month: milestone.month,
          start: stage.start,
          end: stage.end,
        });
    });
    const stageFig = figures.stages[k]!;
    const budgetRead = stage.budget.length > 0 && gate.can(`stage.budget@${subject}`, allMonths, ['months', '*', 'marketing']);
    if (budgetRead && stageFig.budgetDifference !== null && stageFig.budgetDifference !== 0) {
      out.add('warning', 'stage.budget', file, [...base, 'budget'], {
        stage: stage.name,
        start: stage.start,
        end: stage.end,
        budget: { fen: stageFig.budget.fen },
        marketing: { fen: stageFig.marketing.fen },
        difference: { fen: stageFig.budgetDifference },
      });
    }
    const targetRead = stage.targets?.revenue !== undefined && gate.can(`stage.target@${subject}`, allMonths, ['months', '*', 'revenue']);
    if (targetRead && stageFig.targetDifference !== null && stageFig.targetDifference !== 0) {
      out.add('warning', 'stage.target', file, [...base, 'targets', 'revenue'], {
        stage: stage.name,
        target: fenOf(stage.targets?.revenue),
        revenue: { fen: stageFig.revenue.fen },
        difference: { fen: stageFig.targetDifference },
      });
    }
  });

  // Across stages: every stage's months must be read.
  if (gate.can('stages', ...stageParts.map((key) => ['stages', '*', key]))) {
    const validStages = stages.filter((st) => monthIndex(st.start) <= monthIndex(st.end));
    for (const overlap of stageOverlaps(validStages)) {
      const index = stageIndexes[stages.indexOf(overlap.b)]!;
      out.add('warning', 'stage.overlap', file, ['stages', index, 'start'], { stage: overlap.b.name, other: overlap.a.name, months: overlap.months });
    }
    if (stages.length > 0 && gate.can('stages', ['period']) && periodOk && figures.uncoveredMonths.length > 0) {
      out.add('warning', 'stage.uncovered', file, ['stages'], { months: figures.uncoveredMonths, count: figures.uncoveredMonths.length });
    }
  }
  gate.report(out);
}

/** When a stage falls outside the period only by its year (2012-07 in a 2014 plan), the year is the likely slip. */
function yearSlip(start: string, end: string, periodStart: string, periodEnd: string): string | undefined {
  const year = periodStart.slice(0, 4);
  if (year !== periodEnd.slice(0, 4) || start.slice(0, 4) !== end.slice(0, 4) || start.slice(0, 4) === year) return undefined;
  const fixedStart = `${year}${start.slice(4)}`;
  const fixedEnd = `${year}${end.slice(4)}`;
  return `${fixedStart} – ${fixedEnd}`;
}

function checkRolesWithoutSop(handbook: Handbook, references: readonly FileReference[], out: Collector) {
  // The roles SOPs name, read from every SOP file: one that failed its schema still names its roles.
  const named = new Set(references.filter((r) => r.kind === 'role' && r.file.startsWith('sops/')).map((r) => r.id));
  for (const role of handbook.roles) if (!named.has(role.id)) out.add('warning', 'role.noSop', role.file, [], { role: role.data.title });
}

/** All the words of roles and SOPs a reader sees, for glossary usage. */
function handbookText(handbook: Handbook): string {
  const parts: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === 'string') parts.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const entry of [...handbook.roles, ...handbook.sops]) {
    collect(entry.data);
    if (entry.body) parts.push(entry.body);
  }
  for (const plan of handbook.plans) {
    collect(plan.data);
    if (plan.body) parts.push(plan.body);
  }
  return parts.join('\n');
}

function checkUnusedTerms(handbook: Handbook, fold: (s: string) => string, out: Collector) {
  if (handbook.glossary.length === 0) return;
  const raw = handbookText(handbook).toLowerCase();
  // Script folding (opencc) of the whole handbook is the checker's slowest step: most terms stand in the
  // text as written, so fold it only when a term is not found that way.
  let folded: string | undefined;
  handbook.glossary.forEach((term, i) => {
    const spellings = [term.term, ...term.aliases];
    if (spellings.some((s) => raw.includes(s.toLowerCase()))) return;
    folded ??= fold(raw).toLowerCase();
    if (!spellings.some((s) => folded!.includes(fold(s).toLowerCase()))) out.add('warning', 'glossary.unused', GLOSSARY_FILE, [i, 'term'], { term: term.term });
  });
}
