/** Plan arithmetic: sums, ROI and its grade, stage roll-ups. Everything a plan page shows is derived here. */
import type { Locale } from '../../i18n/index.ts';
import { isAmount, sumMoney, type Money, type MoneySum } from '../money.ts';
import { monthIndex, monthsBetween, type Month } from '../time.ts';
import { DEFAULT_ROI_BY_LOCALE, type PlanData, type StageData } from '../../schema/collections.ts';

export interface RoiBands {
  readonly below: string;
  readonly bands: readonly { readonly min: number; readonly label: string }[];
}

/** revenue ÷ marketing, or null when it cannot be stated (no spend, or an undecided amount). */
export function roi(revenue: MoneySum | Money | undefined, marketing: MoneySum | Money | undefined): number | null {
  const r = asSum(revenue);
  const m = asSum(marketing);
  if (!r || !m || r.undecided > 0 || m.undecided > 0 || m.fen === 0) return null;
  return r.fen / m.fen;
}

function asSum(value: MoneySum | Money | undefined): MoneySum | undefined {
  if (!value) return undefined;
  if ('parts' in value) return value;
  return sumMoney([value]);
}

/** The plan's own ROI grades, or the default ones in the reader's language. */
export function roiBands(plan: Pick<PlanData, 'roi'>, locale: Locale = 'zh-CN'): RoiBands {
  return plan.roi ?? DEFAULT_ROI_BY_LOCALE[locale];
}

/** The label of the highest band whose minimum the ROI reaches. */
export function roiGrade(value: number | null, bands: RoiBands): string | null {
  if (value === null) return null;
  let label = bands.below;
  for (const band of [...bands.bands].sort((a, b) => a.min - b.min)) if (value >= band.min) label = band.label;
  return label;
}

/** ROI for display: two decimals, "—" when undefined. */
export function formatRoi(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

export interface MonthFigures {
  readonly month: Month;
  readonly revenue: Money;
  readonly marketing: Money;
  readonly roi: number | null;
  readonly grade: string | null;
}

export interface StageFigures {
  readonly stage: StageData;
  readonly months: Month[];
  readonly revenue: MoneySum;
  readonly marketing: MoneySum;
  readonly budget: MoneySum;
  /** budget − months' marketing, in fen; null when there are no budget lines or an amount is undecided. */
  readonly budgetDifference: number | null;
  readonly targetDifference: number | null;
}

export interface PlanFigures {
  readonly months: MonthFigures[];
  readonly revenue: MoneySum;
  readonly marketing: MoneySum;
  readonly roi: number | null;
  readonly grade: string | null;
  /** The grades used: the plan's own or the default ones. */
  readonly bands: RoiBands;
  readonly periodMonths: Month[];
  readonly missingMonths: Month[];
  readonly stages: StageFigures[];
  readonly uncoveredMonths: Month[];
  readonly fixedCosts: FixedCostFigures;
}

export interface FixedCostFigures {
  /** Yearly cost of the decided lines: per month × 12, per year × 1, once × 1. */
  readonly annualFen: number;
  readonly undecided: number;
}

const ANNUAL_FACTOR = { year: 1, month: 12, once: 1 } as const;

export function fixedCostFigures(costs: PlanData['fixedCosts']): FixedCostFigures {
  let annualFen = 0;
  let undecided = 0;
  for (const cost of costs) {
    if (isAmount(cost.amount)) annualFen += cost.amount.fen * ANNUAL_FACTOR[cost.per];
    else undecided++;
  }
  return { annualFen, undecided };
}

export function planFigures(plan: PlanData, locale: Locale = 'zh-CN'): PlanFigures {
  const bands = roiBands(plan, locale);
  const months = [...plan.months]
    .sort((a, b) => monthIndex(a.month) - monthIndex(b.month))
    .map((row) => {
      const value = roi(row.revenue, row.marketing);
      return { month: row.month, revenue: row.revenue, marketing: row.marketing, roi: value, grade: roiGrade(value, bands) };
    });
  const revenue = sumMoney(months.map((m) => m.revenue));
  const marketing = sumMoney(months.map((m) => m.marketing));
  const overall = roi(revenue, marketing);
  const periodMonths = monthsBetween(plan.period.start, plan.period.end);
  const present = new Set(months.map((m) => m.month));
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const stages = plan.stages.map((stage) => stageFigures(stage, byMonth));
  const covered = new Set(stages.flatMap((s) => s.months));
  return {
    months,
    revenue,
    marketing,
    roi: overall,
    grade: roiGrade(overall, bands),
    bands,
    periodMonths,
    missingMonths: periodMonths.filter((m) => !present.has(m)),
    stages,
    uncoveredMonths: plan.stages.length === 0 ? [] : periodMonths.filter((m) => !covered.has(m)),
    fixedCosts: fixedCostFigures(plan.fixedCosts),
  };
}

function stageFigures(stage: StageData, byMonth: Map<Month, MonthFigures>): StageFigures {
  const months = monthsBetween(stage.start, stage.end);
  const rows = months.flatMap((m) => byMonth.get(m) ?? []);
  const revenue = sumMoney(rows.map((r) => r.revenue));
  const marketing = sumMoney(rows.map((r) => r.marketing));
  const budget = sumMoney(stage.budget.map((line) => line.amount));
  const budgetDifference = stage.budget.length === 0 || budget.undecided > 0 || marketing.undecided > 0 ? null : budget.fen - marketing.fen;
  const target = stage.targets?.revenue;
  const targetDifference = isAmount(target) && revenue.undecided === 0 ? target.fen - revenue.fen : null;
  return { stage, months, revenue, marketing, budget, budgetDifference, targetDifference };
}

/** Pairs of stages that share months, with the shared months. */
export function stageOverlaps(stages: readonly StageData[]): { a: StageData; b: StageData; months: Month[] }[] {
  const out: { a: StageData; b: StageData; months: Month[] }[] = [];
  for (let i = 0; i < stages.length; i++) {
    for (let j = i + 1; j < stages.length; j++) {
      const a = stages[i]!;
      const b = stages[j]!;
      const start = Math.max(monthIndex(a.start), monthIndex(b.start));
      const end = Math.min(monthIndex(a.end), monthIndex(b.end));
      if (start <= end) {
        const shared = monthsBetween(a.start, a.end).filter((m) => monthIndex(m) >= start && monthIndex(m) <= end);
        out.push({ a, b, months: shared });
      }
    }
  }
  return out;
}
