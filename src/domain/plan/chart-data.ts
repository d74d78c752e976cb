/**
 * The numbers behind a plan's charts, in one serialisable shape: the charts
 * (Chart.js, client side) and the tables beside them (HTML, build time) both
 * read this, so they can never show different figures. Amounts are in fen.
 */
import type { PlanFigures } from './plan.ts';
import { isAmount, type Money } from '../money.ts';

/** Fen, or null for 待定. Money stays in fen here; the chart scales it to 万元 only to draw the axis. */
function fenOf(money: Money): number | null {
  return isAmount(money) ? money.fen : null;
}

export interface MonthlySeries {
  readonly labels: string[];
  readonly revenue: (number | null)[];
  readonly marketing: (number | null)[];
  /** revenue ÷ marketing per month, two decimals; null where undefined (no spend, 待定). */
  readonly roi: (number | null)[];
}

export interface CumulativeSeries {
  readonly labels: string[];
  /** Running revenue target; null from the first undecided month on (the sum is unknown from there). */
  readonly cumulative: (number | null)[];
  /** The plan's total revenue target: the sum of the months, or null while any is undecided. */
  readonly target: number | null;
}

export interface StageSpendSeries {
  readonly labels: string[];
  readonly ids: string[];
  /** Marketing budget of each stage's months; null when one of them is undecided. */
  readonly marketing: (number | null)[];
  /** The stage's own budget lines; null when it has none or one is undecided. */
  readonly budgetLines: (number | null)[];
}

export interface RoiBandShade {
  readonly from: number;
  readonly to: number | null;
  readonly label: string;
}

export interface PlanChartData {
  readonly monthly: MonthlySeries;
  readonly cumulative: CumulativeSeries;
  readonly stages: StageSpendSeries;
  readonly bands: RoiBandShade[];
}

const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

export function planChartData(figures: PlanFigures): PlanChartData {
  const labels = figures.months.map((m) => m.month);
  let running = 0;
  let known = true;
  const cumulative = figures.months.map((m) => {
    if (!isAmount(m.revenue)) known = false;
    if (!known) return null;
    running += (m.revenue as { fen: number }).fen;
    return running;
  });
  const sorted = [...figures.bands.bands].sort((a, b) => a.min - b.min);
  const bands: RoiBandShade[] = [
    { from: 0, to: sorted[0]?.min ?? null, label: figures.bands.below },
    ...sorted.map((band, i) => ({ from: band.min, to: sorted[i + 1]?.min ?? null, label: band.label })),
  ];
  return {
    monthly: {
      labels,
      revenue: figures.months.map((m) => fenOf(m.revenue)),
      marketing: figures.months.map((m) => fenOf(m.marketing)),
      roi: figures.months.map((m) => round2(m.roi)),
    },
    cumulative: { labels, cumulative, target: figures.revenue.undecided === 0 && figures.revenue.parts > 0 ? figures.revenue.fen : null },
    stages: {
      labels: figures.stages.map((s) => s.stage.name),
      ids: figures.stages.map((s) => s.stage.id),
      marketing: figures.stages.map((s) => (s.marketing.undecided === 0 ? s.marketing.fen : null)),
      budgetLines: figures.stages.map((s) => (s.stage.budget.length > 0 && s.budget.undecided === 0 ? s.budget.fen : null)),
    },
    bands,
  };
}

export interface MonthlyHighlights {
  readonly top?: { readonly month: string; readonly revenue: number };
  readonly lowestRoi?: { readonly month: string; readonly roi: number };
}

/** What a text summary of the monthly chart should say: the biggest month and the weakest ROI. */
export function monthlyHighlights(monthly: MonthlySeries): MonthlyHighlights {
  let top: MonthlyHighlights['top'];
  let lowestRoi: MonthlyHighlights['lowestRoi'];
  monthly.labels.forEach((month, i) => {
    const revenue = monthly.revenue[i];
    const roi = monthly.roi[i];
    if (revenue !== null && revenue !== undefined && (!top || revenue > top.revenue)) top = { month, revenue };
    if (roi !== null && roi !== undefined && (!lowestRoi || roi < lowestRoi.roi)) lowestRoi = { month, roi };
  });
  return { top, lowestRoi };
}

/** The last month the running revenue total is known for. */
export function lastKnownCumulative(series: CumulativeSeries): { month: string; fen: number } | undefined {
  for (let i = series.cumulative.length - 1; i >= 0; i--) {
    const value = series.cumulative[i];
    if (value !== null && value !== undefined) return { month: series.labels[i]!, fen: value };
  }
  return undefined;
}
