/**
 * Weeks of a plan's actuals (actuals-format.md, "Weekly review page"): ISO 8601 weeks, Monday to Sunday,
 * clipped to the plan's period, with the month's definitions over the week's days with daily records,
 * the week before for 环比, and month-to-date pace for each month the week touches. No Astro here.
 */
import type { RoiBands } from '../plan/plan.ts';
import type { PlanData } from '../../schema/collections.ts';
import type { Month } from '../time.ts';
import { ratesOf, timeProgressAt, type ActualsFigures, type Rates, type Sums } from './figures.ts';
import { addDays, daysOf, lastDayOf, sumDays, type ActualsModel, type MergedRecord } from './model.ts';
import { ratio, type Ratio } from './ratio.ts';
import type { AmountField } from './records.ts';

export interface IsoWeek {
  /** The ISO week-numbering year: 2024-12-30 is in 2025-W01. */
  readonly year: number;
  readonly week: number;
}

/** Monday 1 … Sunday 7. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The ISO week of a day: the week's Thursday decides its year. */
export function isoWeekOf(date: string): IsoWeek {
  const thursday = addDays(date, 4 - weekdayOf(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / (7 * 86_400_000)) + 1;
  return { year, week };
}

/** 2025-W03. */
export function weekName(w: IsoWeek): string {
  return `${w.year}-W${String(w.week).padStart(2, '0')}`;
}

/** The seven days of an ISO week, Monday first (week 1 holds 4 January). */
export function weekDates(w: IsoWeek): string[] {
  const jan4 = `${w.year}-01-04`;
  const monday = addDays(jan4, 1 - weekdayOf(jan4) + (w.week - 1) * 7);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/**
 * A day of the week as the 周报 shows it: with a daily record; 仅有月度数据 (only a monthly record covers
 * it, so it adds nothing to the week); 缺数据 (on or before asOf, no record at all); 未到 (after asOf).
 */
export type WeekDayState = 'recorded' | 'monthlyOnly' | 'missing' | 'notYet';

export interface WeekDay {
  readonly date: string;
  /** Monday 1 … Sunday 7. */
  readonly weekday: number;
  readonly state: WeekDayState;
  readonly record?: MergedRecord;
}

/** Month-to-date pace of one month the week touches, to the week's last day with daily data in that month. */
export interface MonthPace {
  readonly month: Month;
  /** That day; null when the week has no daily record in this month. */
  readonly through: string | null;
  /** Why there is no pace: the month is known only by a monthly record, or not at all. */
  readonly without?: 'monthlyOnly' | 'noDaily';
  readonly revenue: number | null;
  readonly target: number | null;
  readonly attainment: Ratio | null;
  readonly timeProgress: Ratio | null;
  readonly spend: number | null;
  readonly budget: number | null;
  readonly budgetUse: Ratio | null;
  /** Days from the 1st to `through` without daily data. */
  readonly daysWithoutDaily: number;
  /** ※: days without daily data, or days that lack revenue or spend. */
  readonly partial: boolean;
  /** 时间进度 − 达成率, positive when revenue is behind; null when either is unknown. */
  readonly revenueBehind: Ratio | null;
  /** 预算使用率 − 时间进度, positive when spend is ahead. */
  readonly spendAhead: Ratio | null;
  /** More than 10 points behind (revenue) or ahead (spend): 需关注. */
  readonly behindPace: boolean;
  readonly aheadOfPace: boolean;
}

export interface WeekFigures extends Sums, Rates {
  readonly name: string;
  readonly iso: IsoWeek;
  /** First and last day, clipped to the plan's period. */
  readonly start: string;
  readonly end: string;
  readonly days: readonly WeekDay[];
  /** The week's sums, spend by channel included; a field absent is not recorded on any of its days. */
  readonly amounts: ReadonlyMap<AmountField, number>;
  /** Fields some of the week's daily records have and others lack: those days. */
  readonly partialFields: ReadonlyMap<AmountField, readonly string[]>;
  readonly missingDays: readonly string[];
  readonly monthlyOnlyDays: readonly string[];
  /** ※ 数据不全: days on or before asOf without daily data (missing or monthly only), or a partial field. */
  readonly partial: boolean;
  /** The week's last day with a daily record. */
  readonly lastDay: string;
  /** Highest revenue (the earliest day on a tie). */
  readonly peak: { readonly date: string; readonly revenue: number } | null;
  readonly months: readonly MonthPace[];
  readonly notes: readonly { readonly date: string; readonly text: string }[];
  /** The ISO week before, when it has daily data (else no 环比). */
  readonly previous: WeekFigures | null;
  /** asOf falls inside the week (its later days are 未到). */
  readonly inProgress: boolean;
}

const PACE_POINTS = 10;
const sumsOf = (amounts: ReadonlyMap<AmountField, number>): Sums => {
  const get = (field: AmountField) => amounts.get(field) ?? null;
  return {
    revenue: get('revenue'),
    spend: get('marketing'),
    refunds: get('refunds'),
    orders: get('orders'),
    visitors: get('visitors'),
    buyers: get('buyers'),
  };
};

/** a − b exactly (percentage points, when both are fractions). */
function difference(a: Ratio | null, b: Ratio | null): Ratio | null {
  return a && b ? { num: a.num * b.den - b.num * a.den, den: a.den * b.den } : null;
}
const beyondPoints = (d: Ratio | null) => d !== null && d.num * 100 > PACE_POINTS * d.den;

/**
 * Every week with at least one daily record on or before asOf, in order (monthly-only data makes no week).
 * `figures` gives each month's target and budget and its days.
 */
export function weeklyFigures(plan: PlanData, model: ActualsModel, figures: ActualsFigures, bands: RoiBands): WeekFigures[] {
  const asOf = model.asOf;
  if (!asOf) return [];
  const periodStart = `${plan.period.start}-01`;
  const periodEnd = lastDayOf(plan.period.end);
  const daily = new Map<string, MergedRecord>();
  const monthlyMonths = new Set<Month>();
  for (const m of figures.months) {
    for (const d of m.actual.days) if (d.key <= asOf) daily.set(d.key, d);
    if (m.actual.monthly) monthlyMonths.add(m.month);
  }
  const weeks = new Map<string, IsoWeek>();
  for (const date of [...daily.keys()].sort()) weeks.set(weekName(isoWeekOf(date)), isoWeekOf(date));

  const out: WeekFigures[] = [];
  for (const [name, iso] of weeks) {
    const dates = weekDates(iso).filter((d) => d >= periodStart && d <= periodEnd);
    const days: WeekDay[] = dates.map((date) => {
      const record = daily.get(date);
      const state: WeekDayState = date > asOf ? 'notYet' : record ? 'recorded' : monthlyMonths.has(date.slice(0, 7)) ? 'monthlyOnly' : 'missing';
      return { date, weekday: weekdayOf(date), state, ...(record ? { record } : {}) };
    });
    const records = days.flatMap((d) => (d.record ? [d.record] : []));
    const { amounts, without } = sumDays(records);
    const sums = sumsOf(amounts);
    const missingDays = days.filter((d) => d.state === 'missing').map((d) => d.date);
    const monthlyOnlyDays = days.filter((d) => d.state === 'monthlyOnly').map((d) => d.date);
    let peak: WeekFigures['peak'] = null;
    for (const r of records) {
      const revenue = r.amounts.get('revenue');
      if (revenue !== undefined && (!peak || revenue > peak.revenue)) peak = { date: r.key, revenue };
    }
    const lastDay = records.at(-1)!.key;
    const previousName = weekName(isoWeekOf(addDays(weekDates(iso)[0]!, -7)));
    out.push({
      name,
      iso,
      start: dates[0]!,
      end: dates.at(-1)!,
      days,
      amounts,
      ...sums,
      ...ratesOf(sums, records.filter((r) => r.amounts.has('orders')).length, bands),
      partialFields: without,
      missingDays,
      monthlyOnlyDays,
      partial: missingDays.length + monthlyOnlyDays.length > 0 || without.size > 0,
      lastDay,
      peak,
      months: [...new Set(dates.map((d) => d.slice(0, 7)))].map((month) => monthPace(month, records, figures, monthlyMonths)),
      notes: records.flatMap((r) => r.notes.map((n) => ({ date: r.key, text: n.text }))),
      previous: out.find((w) => w.name === previousName) ?? null,
      inProgress: dates.some((d) => d > asOf),
    });
  }
  return out;
}

/** Month-to-date revenue and spend of `month`, to the week's last daily record in it, against the full month. */
function monthPace(month: Month, weekRecords: readonly MergedRecord[], figures: ActualsFigures, monthlyMonths: ReadonlySet<Month>): MonthPace {
  const m = figures.months.find((x) => x.month === month)!;
  const through = weekRecords.filter((r) => r.key.startsWith(month)).at(-1)?.key ?? null;
  const base = { month, target: m.target, budget: m.budget };
  if (through === null) {
    const none = { revenue: null, attainment: null, timeProgress: null, spend: null, budgetUse: null, revenueBehind: null, spendAhead: null };
    return {
      ...base,
      ...none,
      through,
      without: monthlyMonths.has(month) ? 'monthlyOnly' : 'noDaily',
      daysWithoutDaily: 0,
      partial: false,
      behindPace: false,
      aheadOfPace: false,
    };
  }
  const toDate = m.actual.days.filter((d) => d.key <= through);
  const recorded = new Set(toDate.map((d) => d.key));
  const sums = sumDays(toDate);
  const { revenue, spend } = sumsOf(sums.amounts);
  const daysWithoutDaily = daysOf(month).filter((d) => d <= through && !recorded.has(d)).length;
  const timeProgress = timeProgressAt(through);
  const attainment = m.target ? ratio(revenue, m.target) : null;
  const budgetUse = m.budget ? ratio(spend, m.budget) : null;
  const revenueBehind = difference(timeProgress, attainment);
  const spendAhead = difference(budgetUse, timeProgress);
  return {
    ...base,
    through,
    revenue,
    attainment,
    timeProgress,
    spend,
    budgetUse,
    daysWithoutDaily,
    partial: daysWithoutDaily > 0 || sums.without.has('revenue') || sums.without.has('marketing'),
    revenueBehind,
    spendAhead,
    behindPace: beyondPoints(revenueBehind),
    aheadOfPace: beyondPoints(spendAhead),
  };
}

/** The page of a week, under the site's base. */
export function weekHref(base: string, planId: string, week: string): string {
  return `${base}plans/${planId}/week/${week}/`;
}

/**
 * Links to weekly reviews (the plan's 执行跟踪, a 月报): W27 … W40, or 2014-W52, 2015-W01 when the weeks
 * fall in more than one ISO year.
 */
export function weekLinks(weeks: readonly WeekFigures[], planId: string, base: string): { week: string; label: string; title: string; href: string }[] {
  const oneYear = new Set(weeks.map((w) => w.iso.year)).size <= 1;
  return weeks.map((w) => ({
    week: w.name,
    label: oneYear ? w.name.slice(5) : w.name,
    title: `${w.start} – ${w.end}`,
    href: weekHref(base, planId, w.name),
  }));
}
