/**
 * Records of every file of a plan → one record per day or month (merged field by field across files)
 * → the plan's months with their status and figures, with the row-, month- and plan-level checks of
 * actuals-format.md ("From records to months", "Checks").
 */
import type { Problem } from '../../check/problems.ts';
import { monthIndex, monthsBetween, type Month } from '../time.ts';
import { ADDITIVE_FIELDS, COUNT_FIELDS, problem, type ActualRecord, type ActualsFile, type AmountField, type FieldSource } from './records.ts';
import type { Written } from './values.ts';

export type MonthStatus = 'notYet' | 'inProgress' | 'complete' | 'missing';

export interface MergedRecord {
  readonly kind: 'day' | 'month';
  readonly key: string;
  readonly amounts: Map<AmountField, number>;
  /** Where each field came from (file, line, column). */
  readonly origins: Map<string, { file: string; line: number; source: FieldSource }>;
  conversionRate?: Written;
  averageOrderValue?: Written;
  readonly notes: { text: string; file: string; line: number }[];
  readonly files: string[];
  /** First file and line it was read from. */
  readonly file: string;
  readonly line: number;
  /** `marketing` was not written: it is the sum of the channels. */
  marketingFromChannels?: boolean;
}

export interface MonthActual {
  readonly month: Month;
  readonly status: MonthStatus;
  /** Where the month's figures come from. */
  readonly sourcedFrom: 'monthly' | 'daily' | 'none';
  /** The month's figures: additive fields, visitors/buyers, spend by channel. Absent = not recorded. */
  readonly amounts: Map<AmountField, number>;
  /** Fields some days record and others do not: the days without them. */
  readonly partialFields: Map<AmountField, string[]>;
  /** Days ≤ asOf without a record in a daily-sourced month. */
  readonly missingDays: string[];
  readonly days: MergedRecord[];
  readonly monthly?: MergedRecord;
  /** D of orders/day; 0 when orders are not recorded. */
  readonly orderDays: number;
  readonly peak?: { readonly date: string; readonly orders: number };
  readonly notes: { text: string; file: string; line: number }[];
  readonly files: string[];
  readonly hasRowError: boolean;
  /** The file (and line) of the month's figures: its monthly record, else its first daily record. */
  readonly at?: { readonly file: string; readonly line: number };
}

export interface PlanForActuals {
  readonly id: string;
  readonly period: { readonly start: Month; readonly end: Month };
  /** The plan's months: targets and budgets in fen, null when 待定. */
  readonly targets: ReadonlyMap<Month, { revenue: number | null; marketing: number | null }>;
  /** A fraction; 0 turns the warning off. */
  readonly lowAttainment: number;
}

export interface ActualsModel {
  readonly planId: string;
  readonly folder: string;
  readonly files: readonly ActualsFile[];
  readonly asOf?: string;
  readonly asOfDeclared: boolean;
  readonly months: MonthActual[];
  readonly problems: Problem[];
  readonly hasFileError: boolean;
}

const pad = (n: number) => n.toString().padStart(2, '0');
export function lastDayOf(month: Month): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}
export function daysOf(month: Month): string[] {
  const last = Number(lastDayOf(month).slice(8));
  return Array.from({ length: last }, (_, i) => `${month}-${pad(i + 1)}`);
}
const monthOf = (key: string) => key.slice(0, 7);

/**
 * Daily records summed field by field (a month's or a week's days): additive fields and the day-sums of
 * visitors and buyers alike. A field some days record and others do not is summed over the days that
 * record it, and `without` lists the others (the figure is then partial, never complete).
 */
export function sumDays(days: readonly MergedRecord[]): { amounts: Map<AmountField, number>; without: Map<AmountField, string[]> } {
  const amounts = new Map<AmountField, number>();
  const without = new Map<AmountField, string[]>();
  for (const field of new Set(days.flatMap((d) => [...d.amounts.keys()]))) {
    let sum = 0;
    const missing: string[] = [];
    for (const d of days) {
      const v = d.amounts.get(field);
      if (v === undefined) missing.push(d.key);
      else sum += v;
    }
    amounts.set(field, sum);
    if (missing.length > 0) without.set(field, missing);
  }
  return { amounts, without };
}

/** The day after (or n days after) a YYYY-MM-DD date. */
export function addDays(date: string, n = 1): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Dates as ranges: 2014-10-03、2014-10-10 – 2014-10-12. */
export function dateRanges(dates: readonly string[]): string[] {
  const sorted = [...new Set(dates)].sort();
  const out: string[] = [];
  let start: string | undefined;
  let prev: string | undefined;
  for (const d of sorted) {
    if (prev !== undefined && addDays(prev) === d) {
      prev = d;
      continue;
    }
    if (start !== undefined) out.push(start === prev ? start : `${start} – ${prev}`);
    start = d;
    prev = d;
  }
  if (start !== undefined) out.push(start === prev ? start : `${start} – ${prev}`);
  return out;
}

/** A year slip: the same month and day in a year of the period (2013-11-11 → 2014-11-11). */
function yearSlip(key: string, period: PlanForActuals['period']): string | undefined {
  const startYear = Number(period.start.slice(0, 4));
  const endYear = Number(period.end.slice(0, 4));
  for (let y = startYear; y <= endYear; y++) {
    const candidate = `${y}${key.slice(4)}`;
    const m = monthOf(candidate);
    if (monthIndex(m) >= monthIndex(period.start) && monthIndex(m) <= monthIndex(period.end)) return candidate;
  }
  return undefined;
}

function sameFigure(a: number, b: number) {
  return a === b;
}

export function buildActuals(plan: PlanForActuals, folder: string, files: readonly ActualsFile[]): ActualsModel {
  const problems: Problem[] = files.flatMap((f) => f.problems);
  const hasFileError = files.some((f) => f.fileError);
  const erroneousMonths = new Set<Month>(files.flatMap((f) => f.erroneousKeys.map(monthOf)));
  const inPeriod = (m: Month) => monthIndex(m) >= monthIndex(plan.period.start) && monthIndex(m) <= monthIndex(plan.period.end);

  // asOf: declared in YAML (all declarations equal), else the last day with data.
  let declared: { date: string; file: string; line?: number } | undefined;
  for (const f of files) {
    if (!f.asOf) continue;
    if (!declared) declared = { date: f.asOf.date, file: f.file, line: f.asOf.line };
    else if (declared.date !== f.asOf.date) {
      problems.push(problem('actuals.asOf', f.file, ['asOf'], { first: declared.date, firstFile: declared.file, second: f.asOf.date }, f.asOf.line));
    }
  }
  const asOfConflict = files.some((f) => f.asOf && declared && f.asOf.date !== declared.date);

  // Row checks in the contract's order: outsidePeriod, afterAsOf, duplicateDate (same file).
  const accepted: ActualRecord[] = [];
  for (const f of files) {
    const seen = new Map<string, ActualRecord>();
    for (const r of f.records) {
      const m = monthOf(r.key);
      if (!inPeriod(m)) {
        problems.push(
          problem(
            'actuals.outsidePeriod',
            f.file,
            r.dateSource.path,
            { date: r.key, start: plan.period.start, end: plan.period.end, yearSlip: yearSlip(r.key, plan.period) },
            r.line,
            r.dateSource.column,
          ),
        );
        continue;
      }
      if (declared) {
        const first = r.kind === 'day' ? r.key : `${r.key}-01`;
        if (first > declared.date) {
          problems.push(problem('actuals.afterAsOf', f.file, r.dateSource.path, { date: r.key, asOf: declared.date }, r.line, r.dateSource.column));
          erroneousMonths.add(m);
          continue;
        }
      }
      const key = `${r.kind}:${r.key}`;
      const earlier = seen.get(key);
      if (earlier) {
        problems.push(
          problem(
            'actuals.duplicateDate',
            f.file,
            r.dateSource.path,
            { date: r.key, earlierFile: f.file, earlierLine: earlier.line, sameFile: true, itemExport: f.itemExport },
            r.line,
            r.dateSource.column,
          ),
        );
        erroneousMonths.add(m);
        continue;
      }
      seen.set(key, r);
      accepted.push(r);
    }
  }

  // Merge across files, field by field.
  const merged = new Map<string, MergedRecord>();
  const repeated = new Map<string, { later: string; earlier: string; line: number; dates: string[] }>();
  const fileOf = new Map(files.map((f) => [f.file, f]));
  for (const r of accepted) {
    const key = `${r.kind}:${r.key}`;
    let into = merged.get(key);
    if (!into) {
      into = { kind: r.kind, key: r.key, amounts: new Map(), origins: new Map(), notes: [], files: [], file: r.file, line: r.line };
      merged.set(key, into);
    }
    into.files.push(r.file);
    if (r.note) into.notes.push({ text: r.note, file: r.file, line: r.line });
    let conflict = false;
    for (const [field, value] of r.amounts) {
      const previous = into.amounts.get(field);
      const origin = into.origins.get(field);
      if (previous === undefined || !origin) {
        into.amounts.set(field, value);
        into.origins.set(field, { file: r.file, line: r.line, source: r.sources.get(field) ?? r.dateSource });
        continue;
      }
      if (sameFigure(previous, value)) {
        const bucketKey = `${origin.file}\u0000${r.file}\u0000${monthOf(r.key)}`;
        const bucket = repeated.get(bucketKey) ?? { later: r.file, earlier: origin.file, line: r.line, dates: [] };
        bucket.dates.push(r.key);
        repeated.set(bucketKey, bucket);
      } else if (!conflict) {
        // One error per date: the first field that differs names the conflict.
        const source = r.sources.get(field) ?? r.dateSource;
        const adRevenue = field === 'revenue' && (fileOf.get(r.file)?.adRevenue || fileOf.get(origin.file)?.adRevenue);
        problems.push(
          problem(
            'actuals.duplicateDate',
            r.file,
            source.path,
            {
              date: r.key,
              field,
              earlierFile: origin.file,
              earlierLine: origin.line,
              first: valueParam(field, previous),
              second: valueParam(field, value),
              sameFile: false,
              adRevenue,
              itemExport: fileOf.get(r.file)?.itemExport,
            },
            r.line,
            source.column,
          ),
        );
        conflict = true;
      }
    }
    if (conflict) erroneousMonths.add(monthOf(r.key));
    for (const rate of ['conversionRate', 'averageOrderValue'] as const) if (r[rate]) into[rate] ??= r[rate];
  }
  for (const bucket of repeated.values()) {
    problems.push(problem('actuals.repeatedDate', bucket.later, [], { earlierFile: bucket.earlier, dates: dateRanges(bucket.dates) }, bucket.line));
  }

  // Spend: the total must equal the channels; without a total it is their sum.
  for (const r of merged.values()) {
    const channels = [...r.amounts].filter(([f]) => f.startsWith('spend.'));
    if (channels.length === 0) continue;
    const sum = channels.reduce((s, [, v]) => s + v, 0);
    const total = r.amounts.get('marketing');
    if (total === undefined) {
      r.amounts.set('marketing', sum);
      r.marketingFromChannels = true;
    } else if (total !== sum) {
      const origin = r.origins.get('marketing')!;
      problems.push(
        problem(
          'actuals.spendTotal',
          origin.file,
          origin.source.path,
          {
            date: r.key,
            header: String(origin.source.path.at(-1) ?? 'marketing'),
            total: { fen: total },
            channels: { fen: sum },
            difference: { fen: total - sum },
          },
          origin.line,
          origin.source.column,
        ),
      );
      erroneousMonths.add(monthOf(r.key));
    }
  }
  // Written rates are checked, not used: the site recomputes them.
  for (const r of accepted) checkDerived(r, problems);

  // asOf when not declared: the last day with data, clamped to the period's end.
  let asOf = declared?.date;
  if (!asOf) {
    for (const r of merged.values()) {
      const last = r.kind === 'day' ? r.key : lastDayOf(r.key);
      if (!asOf || last > asOf) asOf = last;
    }
  }
  const periodEnd = lastDayOf(plan.period.end);
  if (asOf && asOf > periodEnd) asOf = periodEnd;

  const byMonth = new Map<Month, { monthly?: MergedRecord; days: MergedRecord[] }>();
  for (const r of merged.values()) {
    const m = monthOf(r.key);
    const slot = byMonth.get(m) ?? { days: [] };
    if (r.kind === 'month') slot.monthly = r;
    else slot.days.push(r);
    byMonth.set(m, slot);
  }
  const months: MonthActual[] = [];
  for (const m of monthsBetween(plan.period.start, plan.period.end)) {
    const slot = byMonth.get(m) ?? { days: [] };
    slot.days.sort((a, b) => (a.key < b.key ? -1 : 1));
    const hasRecord = slot.monthly !== undefined || slot.days.length > 0;
    let status: MonthStatus;
    if (!asOf || `${m}-01` > asOf) status = 'notYet';
    else if (!hasRecord && !erroneousMonths.has(m)) status = 'missing';
    else if (asOf < lastDayOf(m)) status = 'inProgress';
    else status = 'complete';
    const until = asOf && asOf < lastDayOf(m) ? asOf : lastDayOf(m);
    const daysDue = daysOf(m).filter((d) => d <= until);
    const recordedDays = new Set(slot.days.map((d) => d.key));
    const amounts = new Map<AmountField, number>();
    const partialFields = new Map<AmountField, string[]>();
    const daySums = sumDays(slot.days);
    for (const [field, sum] of daySums.amounts) amounts.set(field, sum);
    if (!slot.monthly) for (const [field, without] of daySums.without) partialFields.set(field, without);
    if (slot.monthly) for (const [field, v] of slot.monthly.amounts) amounts.set(field, v);
    // A monthly record with spend channels only from days would mix: the record's own total wins (set above).
    const sourcedFrom = slot.monthly ? 'monthly' : slot.days.length > 0 ? 'daily' : 'none';
    const missingDays = sourcedFrom === 'daily' && status !== 'notYet' ? daysDue.filter((d) => !recordedDays.has(d)) : [];
    let orderDays = 0;
    if (amounts.has('orders')) {
      if (slot.monthly?.amounts.has('orders')) orderDays = daysDue.length;
      else orderDays = slot.days.filter((d) => d.amounts.has('orders')).length;
    }
    let peak: MonthActual['peak'];
    if (!slot.monthly?.amounts.has('orders')) {
      for (const d of slot.days) {
        const o = d.amounts.get('orders');
        if (o !== undefined && (!peak || o > peak.orders)) peak = { date: d.key, orders: o };
      }
    }
    const first = slot.monthly ?? slot.days[0];
    months.push({
      month: m,
      status,
      sourcedFrom,
      amounts,
      partialFields,
      missingDays,
      days: slot.days,
      monthly: slot.monthly,
      orderDays,
      peak,
      notes: [...(slot.monthly?.notes ?? []), ...slot.days.flatMap((d) => d.notes)],
      files: [...new Set([...(slot.monthly?.files ?? []), ...slot.days.flatMap((d) => d.files)])],
      hasRowError: erroneousMonths.has(m),
      at: first ? { file: first.file, line: first.line } : undefined,
    });

    // Month-level checks: skipped on a row error in the month or a file-level error anywhere.
    if (status === 'notYet' || status === 'missing' || erroneousMonths.has(m) || hasFileError || asOfConflict) continue;
    const at = first!;
    if (slot.monthly && slot.days.length > 0) {
      const covered = daysDue.every((d) => recordedDays.has(d));
      for (const [field, monthly] of slot.monthly.amounts) {
        const daysWith = slot.days.filter((d) => d.amounts.has(field));
        if (daysWith.length === 0) continue;
        const sum = daysWith.reduce((s, d) => s + d.amounts.get(field)!, 0);
        const isCount = (COUNT_FIELDS as readonly string[]).includes(field);
        const bad = isCount ? covered && monthly > sum : covered ? sum !== monthly : sum > monthly;
        if (bad) {
          const money = !isCount && field !== 'orders';
          problems.push(
            problem(
              'actuals.rollup',
              slot.monthly.file,
              [],
              {
                month: m,
                field,
                monthly: valueParam(field, monthly),
                days: valueParam(field, sum),
                dayCount: daysWith.length,
                difference: money ? { fen: sum - monthly } : sum - monthly,
                covered,
                count: isCount,
              },
              slot.monthly.line,
            ),
          );
        }
      }
    }
    const target = plan.targets.get(m);
    const spend = amounts.get('marketing');
    const revenue = amounts.get('revenue');
    if (spend !== undefined && target?.marketing != null && spend > target.marketing) {
      problems.push(
        problem(
          'actuals.overBudget',
          at.file,
          [],
          {
            month: m,
            spend: { fen: spend },
            budget: { fen: target.marketing },
            excess: { fen: spend - target.marketing },
            use: percentText(spend, target.marketing),
          },
          at.line,
        ),
      );
    }
    if (status === 'complete' && revenue !== undefined && target?.revenue && plan.lowAttainment > 0 && revenue < plan.lowAttainment * target.revenue) {
      problems.push(
        problem(
          'actuals.lowAttainment',
          at.file,
          [],
          {
            month: m,
            revenue: { fen: revenue },
            target: { fen: target.revenue },
            attainment: percentText(revenue, target.revenue),
            threshold: `${Math.round(plan.lowAttainment * 1000) / 10}%`,
          },
          at.line,
        ),
      );
    }
    if (missingDays.length > 0)
      problems.push(problem('actuals.dayMissing', at.file, [], { month: m, days: dateRanges(missingDays), count: missingDays.length }, at.line));
    for (const [field, without] of partialFields) {
      problems.push(problem('actuals.fieldMissing', at.file, [], { month: m, field, days: dateRanges(without), count: without.length }, at.line));
    }
  }
  const missingMonths = months.filter((m) => m.status === 'missing').map((m) => m.month);
  if (missingMonths.length > 0 && !hasFileError) problems.push(problem('actuals.monthMissing', `${folder}/`, [], { months: missingMonths }));
  return { planId: plan.id, folder, files, asOf, asOfDeclared: declared !== undefined, months, problems, hasFileError };
}

function valueParam(field: string, value: number) {
  return field === 'orders' || (COUNT_FIELDS as readonly string[]).includes(field) ? value : { fen: value };
}

/** 96.25% → "96.3%": half away from zero on the exact ratio. */
function percentText(num: number, den: number): string {
  const tenths = (BigInt(num) * 2000n + BigInt(den)) / (2n * BigInt(den));
  return `${tenths / 10n}.${tenths % 10n}%`;
}

function checkDerived(r: ActualRecord, problems: Problem[]) {
  const visitors = r.amounts.get('visitors');
  const buyers = r.amounts.get('buyers');
  const revenue = r.amounts.get('revenue');
  if (r.conversionRate && visitors && buyers !== undefined) {
    const computed = buyers / visitors;
    if (Math.abs(r.conversionRate.value - computed) > r.conversionRate.halfUnit + 1e-12) {
      const source = r.sources.get('conversionRate')!;
      problems.push(
        problem(
          'actuals.derivedMismatch',
          r.file,
          source.path,
          {
            date: r.key,
            header: String(source.path.at(-1)),
            field: 'conversionRate',
            written: `${round(r.conversionRate.value * 100, 4)}%`,
            computed: `${round(computed * 100, 2)}%`,
          },
          r.line,
          source.column,
        ),
      );
    }
  }
  if (r.averageOrderValue && buyers && revenue !== undefined) {
    const computed = revenue / 100 / buyers;
    if (Math.abs(r.averageOrderValue.value - computed) > r.averageOrderValue.halfUnit + 1e-9) {
      const source = r.sources.get('averageOrderValue')!;
      problems.push(
        problem(
          'actuals.derivedMismatch',
          r.file,
          source.path,
          {
            date: r.key,
            header: String(source.path.at(-1)),
            field: 'averageOrderValue',
            written: String(r.averageOrderValue.value),
            computed: round(computed, 2).toFixed(2),
          },
          r.line,
          source.column,
        ),
      );
    }
  }
}

function round(value: number, decimals: number) {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export const MONTH_FIELDS_ADDITIVE = ADDITIVE_FIELDS;
