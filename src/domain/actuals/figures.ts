/**
 * Derived figures of plan vs actual (actuals-format.md, "Derived figures"): per month, cumulative to asOf,
 * per stage, and the staffing the actual orders/day imply. Money in fen, counts as integers, every ratio
 * exact until it is shown.
 */
import { headcountAt } from '../org/staffing.ts';
import type { RoiBands } from '../plan/plan.ts';
import { daysInMonth, ordersPerDay } from '../plan/plan-view.ts';
import type { StaffedRole } from '../plan/staffing-plan.ts';
import { monthIndex, monthsBetween, type Month } from '../time.ts';
import type { Money } from '../money.ts';
import type { PlanData, StageData } from '../../schema/collections.ts';
import { lastDayOf, type ActualsModel, type MonthActual, type MonthStatus } from './model.ts';
import { ratio, ratioAtLeast, type Ratio } from './ratio.ts';

export type MonthState = 'notYet' | 'missing' | 'inProgress' | 'met' | 'missed' | 'targetTbd';

export interface ActualMonthFigures extends Sums, Rates {
  readonly month: Month;
  readonly status: MonthStatus;
  /** 状态 column: 未到 / 缺数据 / 进行中 / 已达成 / 未达成 / 目标待定. */
  readonly state: MonthState;
  readonly hasData: boolean;
  /** Target and budget in fen; null = 待定 or no row in the plan. */
  readonly target: number | null;
  readonly budget: number | null;
  readonly attainment: Ratio | null;
  readonly variance: number | null;
  readonly budgetUse: Ratio | null;
  readonly overBudget: boolean;
  readonly spendVariance: number | null;
  readonly plannedRoi: Ratio | null;
  readonly plannedGrade: string | null;
  /** Actual grade against the planned one. */
  readonly gradeDirection: 'up' | 'down' | null;
  readonly peak: { readonly date: string; readonly orders: number } | null;
  readonly monthOverMonth: Ratio | null;
  /** An unfinished month: asOf's day ÷ days in the month. */
  readonly timeProgress: Ratio | null;
  /** Figures built on incomplete days (※ 数据不全). */
  readonly partial: boolean;
  readonly partialFields: readonly string[];
  readonly missingDays: number;
  readonly channels: readonly { readonly label: string; readonly fen: number }[];
  /** Spend known only as a total (未分渠道). */
  readonly unallocated: number | null;
  /** Running totals for the chart: null where the month has no data yet (a gap, never 0). */
  readonly runningActual: number | null;
  readonly runningTarget: number | null;
  readonly actual: MonthActual;
}

export interface CumulativeFigures {
  readonly revenue: number;
  readonly attainment: Ratio | null;
  readonly periodProgress: Ratio | null;
  readonly timeProgress: Ratio | null;
  readonly spend: number;
  readonly budgetUse: Ratio | null;
  readonly periodBudgetUsed: Ratio | null;
  readonly roi: Ratio | null;
  readonly grade: string | null;
  readonly monthsWithData: number;
  readonly target: number | null;
  readonly budget: number | null;
}

export interface StageProgress {
  readonly stage: StageData;
  readonly status: 'notStarted' | 'ended' | 'ongoing';
  readonly monthsWithData: number;
  readonly months: number;
  readonly revenue: number;
  readonly target: number | null;
  readonly attainment: Ratio | null;
  readonly spend: number;
  readonly budget: number | null;
  readonly budgetUse: Ratio | null;
  readonly roi: Ratio | null;
  readonly grade: string | null;
}

export interface StaffingByActual {
  readonly role: StaffedRole & { readonly current: number | null };
  readonly months: readonly { readonly month: Month; readonly implied: number | null; readonly peakImplied: number | null; readonly planned: number | null }[];
}

export interface ActualsFigures {
  readonly asOf?: string;
  readonly months: ActualMonthFigures[];
  readonly cumulative: CumulativeFigures;
  readonly stages: StageProgress[];
  readonly reviewMonths: Month[];
}

/** The highest band whose minimum the ROI reaches, compared exactly. */
export function gradeOf(r: Ratio | null, bands: RoiBands): string | null {
  if (!r) return null;
  let label = bands.below;
  for (const band of [...bands.bands].sort((a, b) => a.min - b.min)) if (ratioAtLeast(r, band.min)) label = band.label;
  return label;
}

function bandRank(label: string | null, bands: RoiBands): number {
  if (label === null) return -1;
  const sorted = [...bands.bands].sort((a, b) => a.min - b.min);
  const index = sorted.findIndex((b) => b.label === label);
  return index === -1 ? 0 : index + 1;
}

/** Summed figures of some days (a month, a week): fen and counts, null when not recorded. */
export interface Sums {
  readonly revenue: number | null;
  readonly spend: number | null;
  readonly refunds: number | null;
  readonly orders: number | null;
  readonly visitors: number | null;
  readonly buyers: number | null;
}

/** What the sums give, with the month's definitions (rates recomputed from their parts, never summed). */
export interface Rates {
  readonly roi: Ratio | null;
  readonly grade: string | null;
  readonly ordersPerDay: Ratio | null;
  readonly conversion: Ratio | null;
  /** fen ÷ buyers. */
  readonly aov: Ratio | null;
  readonly refundShare: Ratio | null;
  readonly net: number | null;
  readonly spendShare: Ratio | null;
}

/** Rates from sums; `orderDays` is D of orders/day (the days that record orders). */
export function ratesOf(s: Sums, orderDays: number, bands: RoiBands): Rates {
  const roi = ratio(s.revenue, s.spend);
  return {
    roi,
    grade: gradeOf(roi, bands),
    ordersPerDay: s.orders !== null ? ratio(s.orders, orderDays) : null,
    conversion: s.visitors ? ratio(s.buyers, s.visitors) : null,
    aov: s.buyers ? ratio(s.revenue, s.buyers) : null,
    refundShare: s.revenue ? ratio(s.refunds, s.revenue) : null,
    net: s.revenue !== null && s.refunds !== null ? s.revenue - s.refunds : null,
    spendShare: s.revenue ? ratio(s.spend, s.revenue) : null,
  };
}

/** 时间进度 of a month at a day of it: that day's day-of-month ÷ the days in the month. */
export function timeProgressAt(date: string): Ratio {
  return { num: Number(date.slice(8, 10)), den: daysInMonth(date.slice(0, 7)) };
}

const amount = (m: Money | undefined) => (m && m.kind === 'amount' ? m.fen : null);
const dayCount = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

export function actualsFigures(plan: PlanData, model: ActualsModel, bands: RoiBands): ActualsFigures {
  const planRows = new Map(plan.months.map((m) => [m.month, m]));
  const months: ActualMonthFigures[] = [];
  let runningActual = 0;
  let runningTarget: number | null = 0;
  let previous: ActualMonthFigures | undefined;
  for (const actual of model.months) {
    const row = planRows.get(actual.month);
    const target = amount(row?.revenue);
    const budget = amount(row?.marketing);
    const hasData = actual.status === 'complete' || actual.status === 'inProgress';
    const get = (field: string) => (hasData ? (actual.amounts.get(field as never) ?? null) : null);
    const revenue = get('revenue');
    const spend = get('marketing');
    const refunds = get('refunds');
    const orders = get('orders');
    const visitors = get('visitors');
    const buyers = get('buyers');
    const attainment = target ? ratio(revenue, target) : null;
    const variance = revenue !== null && target !== null ? revenue - target : null;
    const budgetUse = budget ? ratio(spend, budget) : null;
    const spendVariance = spend !== null && budget !== null ? spend - budget : null;
    const rates = ratesOf({ revenue, spend, refunds, orders, visitors, buyers }, actual.orderDays, bands);
    const { grade } = rates;
    const plannedRoi = ratio(target, budget);
    const plannedGrade = gradeOf(plannedRoi, bands);
    const gradeDirection = grade && plannedGrade && grade !== plannedGrade ? (bandRank(grade, bands) > bandRank(plannedGrade, bands) ? 'up' : 'down') : null;
    let state: MonthState;
    if (actual.status === 'notYet') state = 'notYet';
    else if (actual.status === 'missing') state = 'missing';
    else if (target === null) state = 'targetTbd';
    else if (actual.status === 'inProgress') state = 'inProgress';
    else state = revenue !== null && revenue >= target ? 'met' : 'missed';
    if (hasData && revenue !== null) runningActual += revenue;
    if (runningTarget !== null) runningTarget = target === null ? null : runningTarget + target;
    const channels = hasData ? [...actual.amounts].filter(([f]) => f.startsWith('spend.')).map(([f, fen]) => ({ label: f.slice(6), fen })) : [];
    const channelSum = channels.reduce((s, c) => s + c.fen, 0);
    const prevRevenue = previous?.hasData ? previous.revenue : null;
    const figures: ActualMonthFigures = {
      month: actual.month,
      status: actual.status,
      state,
      hasData,
      target,
      budget,
      revenue,
      spend,
      refunds,
      orders,
      visitors,
      buyers,
      attainment,
      variance,
      budgetUse,
      overBudget: spend !== null && budget !== null && spend > budget,
      spendVariance,
      ...rates,
      plannedRoi,
      plannedGrade,
      gradeDirection,
      peak: hasData ? (actual.peak ?? null) : null,
      monthOverMonth: prevRevenue && revenue !== null ? ratio(revenue - prevRevenue, prevRevenue) : null,
      timeProgress: actual.status === 'inProgress' && model.asOf ? timeProgressAt(model.asOf) : null,
      partial: hasData && (actual.missingDays.length > 0 || actual.partialFields.size > 0),
      partialFields: [...actual.partialFields.keys()],
      missingDays: actual.missingDays.length,
      channels,
      unallocated: spend !== null && spend > channelSum ? spend - channelSum : null,
      runningActual: hasData || (actual.status === 'missing' && months.some((m) => m.hasData)) ? runningActual : null,
      runningTarget,
      actual,
    };
    months.push(figures);
    previous = figures;
  }
  const withData = months.filter((m) => m.hasData);
  const complete = withData.filter((m) => m.status === 'complete');
  const sum = (xs: readonly (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
  const allDecided = (xs: readonly (number | null)[]) => xs.every((x) => x !== null);
  const revenue = sum(withData.map((m) => m.revenue));
  const spend = sum(withData.map((m) => m.spend));
  const completeTargets = complete.map((m) => m.target);
  const completeBudgets = complete.map((m) => m.budget);
  const periodMonths = monthsBetween(plan.period.start, plan.period.end);
  const periodTargets = periodMonths.map((m) => amount(planRows.get(m)?.revenue));
  const periodBudgets = periodMonths.map((m) => amount(planRows.get(m)?.marketing));
  const bothRoi = withData.filter((m) => m.revenue !== null && m.spend !== null && m.spend > 0);
  const cumulativeRoi = ratio(sum(bothRoi.map((m) => m.revenue)), sum(bothRoi.map((m) => m.spend)));
  const periodStart = `${plan.period.start}-01`;
  const periodEnd = lastDayOf(plan.period.end);
  const cumulative: CumulativeFigures = {
    revenue,
    attainment: complete.length > 0 && allDecided(completeTargets) ? ratio(sum(complete.map((m) => m.revenue)), sum(completeTargets)) : null,
    periodProgress: allDecided(periodTargets) && withData.length > 0 ? ratio(revenue, sum(periodTargets)) : null,
    timeProgress: model.asOf && model.asOf >= periodStart ? ratio(dayCount(periodStart, model.asOf), dayCount(periodStart, periodEnd)) : null,
    spend,
    budgetUse: complete.length > 0 && allDecided(completeBudgets) ? ratio(sum(complete.map((m) => m.spend)), sum(completeBudgets)) : null,
    periodBudgetUsed: allDecided(periodBudgets) && withData.length > 0 ? ratio(spend, sum(periodBudgets)) : null,
    roi: cumulativeRoi,
    grade: gradeOf(cumulativeRoi, bands),
    monthsWithData: withData.length,
    target: allDecided(periodTargets) ? sum(periodTargets) : null,
    budget: allDecided(periodBudgets) ? sum(periodBudgets) : null,
  };
  return {
    asOf: model.asOf,
    months,
    cumulative,
    stages: plan.stages.map((stage) => stageProgress(stage, months, bands)),
    reviewMonths: withData.map((m) => m.month),
  };
}

/** A stage's progress, optionally only up to a month's end (the review page of that month). */
export function stageProgress(stage: StageData, months: readonly ActualMonthFigures[], bands: RoiBands, upTo?: Month): StageProgress {
  const inStage = months.filter((m) => monthIndex(m.month) >= monthIndex(stage.start) && monthIndex(m.month) <= monthIndex(stage.end));
  const counted = upTo ? inStage.filter((m) => monthIndex(m.month) <= monthIndex(upTo)) : inStage;
  const withData = counted.filter((m) => m.hasData);
  const revenue = withData.reduce((s, m) => s + (m.revenue ?? 0), 0);
  const spend = withData.reduce((s, m) => s + (m.spend ?? 0), 0);
  const stageTarget = stage.targets?.revenue;
  let target: number | null;
  if (stageTarget) target = amount(stageTarget);
  else target = inStage.every((m) => m.target !== null) ? inStage.reduce((s, m) => s + m.target!, 0) : null;
  let budget: number | null;
  if (stage.budget.length > 0)
    budget = stage.budget.every((b) => b.amount.kind === 'amount') ? stage.budget.reduce((s, b) => s + (amount(b.amount) ?? 0), 0) : null;
  else budget = inStage.every((m) => m.budget !== null) ? inStage.reduce((s, m) => s + m.budget!, 0) : null;
  const first = inStage[0];
  const last = inStage.at(-1);
  const lastCounted = upTo ? counted.at(-1) : last;
  const status = !first || first.status === 'notYet' ? 'notStarted' : lastCounted === last && last?.status === 'complete' ? 'ended' : 'ongoing';
  const withSpend = withData.filter((m) => m.revenue !== null && m.spend);
  const roi = ratio(
    withSpend.reduce((s, m) => s + m.revenue!, 0),
    withSpend.reduce((s, m) => s + m.spend!, 0),
  );
  return {
    stage,
    status,
    monthsWithData: withData.length,
    months: inStage.length,
    revenue,
    target,
    attainment: target ? ratio(revenue, target) : null,
    spend,
    budget,
    budgetUse: budget ? ratio(spend, budget) : null,
    roi,
    grade: gradeOf(roi, bands),
  };
}

/**
 * Headcount at an exact orders/day O ÷ D: a step applies when O ≥ step × D, compared in integers (no
 * rounding, and no binary floating point: a step of 1.1 at 33 orders in 30 days applies, where
 * 1.1 × 30 is 33.000000000000004 in a double).
 */
export function headcountAtRatio(staffing: Pick<StaffedRole, 'base' | 'steps'>, perDay: Ratio): number {
  const orders = BigInt(Math.round(perDay.num));
  const days = BigInt(Math.round(perDay.den));
  return staffing.steps.reduce((count, step) => {
    const [num, den] = decimalFraction(step.atOrdersPerDay);
    return orders * den >= num * days ? count + step.add : count;
  }, staffing.base);
}

/** A number as the decimal fraction it was written as (the shortest decimal that reads back to it): 1.1 → 11/10. */
export function decimalFraction(x: number): [bigint, bigint] {
  const [mantissa = '0', exponent = '0'] = String(x).split('e');
  const negative = mantissa.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? mantissa.slice(1) : mantissa).split('.');
  let num = BigInt(`${whole}${fraction}`) * (negative ? -1n : 1n);
  let den = 10n ** BigInt(fraction.length);
  const e = Number(exponent);
  if (e > 0) num *= 10n ** BigInt(e);
  else den *= 10n ** BigInt(-e);
  return [num, den];
}

/** Per staffed role and month with data: headcount implied by actual orders/day (and by the peak day), and the planned one. */
export function staffingByActual(roles: readonly (StaffedRole & { current: number | null })[], figures: ActualsFigures, plan: PlanData): StaffingByActual[] {
  const planRows = new Map(plan.months.map((m) => [m.month, m]));
  return roles.map((role) => ({
    role,
    months: figures.months
      .filter((m) => m.hasData)
      .map((m) => {
        const row = planRows.get(m.month);
        const plannedPerDay = row ? ordersPerDay(row.revenue, plan.averageOrderValue, m.month) : null;
        return {
          month: m.month,
          implied: m.ordersPerDay ? headcountAtRatio(role, m.ordersPerDay) : null,
          peakImplied: m.peak ? headcountAt(role, m.peak.orders) : null,
          planned: plannedPerDay === null ? null : headcountAt(role, plannedPerDay),
        };
      }),
  }));
}

/**
 * A stage's budget lines for one spend channel (an `item` that names it: 直通车广告 names 直通车) and the
 * channel's spend in the stage up to a month's end; undefined when no line names the channel.
 */
export function channelStageBudget(
  stage: StageData,
  channel: string,
  names: readonly string[],
  months: readonly ActualMonthFigures[],
  upTo: Month,
): { budget: number | null; used: number } | undefined {
  const lines = stage.budget.filter((line) => names.some((name) => line.item.includes(name)));
  if (lines.length === 0) return undefined;
  const budget = lines.every((l) => l.amount.kind === 'amount') ? lines.reduce((s, l) => s + (amount(l.amount) ?? 0), 0) : null;
  const used = months
    .filter((m) => m.hasData && monthIndex(m.month) >= monthIndex(stage.start) && monthIndex(m.month) <= monthIndex(upTo))
    .reduce((s, m) => s + (m.channels.find((c) => c.label === channel)?.fen ?? 0), 0);
  return { budget, used };
}
