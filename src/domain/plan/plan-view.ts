/** What a plan page states beyond planFigures(): how a sum reads, months covered, orders per day. */
import { isAmount, type Money, type MoneySum } from '../money.ts';
import type { PlanFigures } from './plan.ts';
import type { Month } from '../time.ts';

/**
 * How to state a sum honestly: nothing to sum, every part undecided (待定),
 * a lower bound (some parts undecided), or exact.
 */
export type SumState =
  | { readonly kind: 'none' }
  | { readonly kind: 'tbd' }
  | { readonly kind: 'lowerBound'; readonly fen: number; readonly undecided: number }
  | { readonly kind: 'exact'; readonly fen: number };

export function sumState(sum: MoneySum): SumState {
  if (sum.parts === 0) return { kind: 'none' };
  if (sum.undecided === sum.parts) return { kind: 'tbd' };
  if (sum.undecided > 0) return { kind: 'lowerBound', fen: sum.fen, undecided: sum.undecided };
  return { kind: 'exact', fen: sum.fen };
}

/** Months of the period that have a row in `months`, out of all months of the period. */
export function monthsCovered(figures: Pick<PlanFigures, 'periodMonths' | 'missingMonths'>): { covered: number; total: number } {
  return { covered: figures.periodMonths.length - figures.missingMonths.length, total: figures.periodMonths.length };
}

export function daysInMonth(month: Month): number {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, mon, 0)).getUTCDate();
}

/**
 * Orders per day a month's revenue target needs at the plan's average order value,
 * rounded up (a part order is still an order to pack); null when either amount is undecided.
 */
export function ordersPerDay(revenue: Money, averageOrderValue: Money | undefined, month: Month): number | null {
  if (!isAmount(revenue) || !isAmount(averageOrderValue) || averageOrderValue.fen === 0) return null;
  const exact = revenue.fen / averageOrderValue.fen / daysInMonth(month);
  // Tolerate binary rounding so that exactly 40 orders a day is 40, not 41.
  return Math.max(0, Math.ceil(exact - 1e-9));
}

/**
 * A declared total (plan.totals) against the sum of the months: equal, different
 * (by declared − months, in fen), or not comparable while either side has 待定.
 */
export type DeclaredComparison = { readonly kind: 'match' } | { readonly kind: 'differs'; readonly differenceFen: number } | { readonly kind: 'undecided' };

export function compareDeclared(declared: Money, months: MoneySum): DeclaredComparison {
  if (!isAmount(declared) || months.undecided > 0) return { kind: 'undecided' };
  const difference = declared.fen - months.fen;
  return difference === 0 ? { kind: 'match' } : { kind: 'differs', differenceFen: difference };
}
