/**
 * "Staffing implied" (actuals-format.md): per staffed role and month with data, the headcount the actual
 * orders/day imply (compared exactly, figures.ts: headcountAtRatio), beside the planned headcount (at the
 * plan's orders/day, as the plan page's 人员配置 computes it) and the role's `headcount.current`; and the
 * team's totals per month for the 人员配置 section. No Astro here.
 */
import type { PlanData } from '../../schema/collections.ts';
import type { StaffedRole } from '../plan/staffing-plan.ts';
import type { Month } from '../time.ts';
import { staffingByActual, type ActualsFigures } from './figures.ts';
import { formatRatio } from './ratio.ts';

export interface ActualStaffingCell {
  readonly month: Month;
  /** By the month's actual orders/day; null when orders are not recorded. */
  readonly implied: number | null;
  /** By the plan's orders/day for the month; null when the plan cannot say it (no averageOrderValue, a 待定 target). */
  readonly planned: number | null;
  /** By the peak day's orders (daily-sourced months only). */
  readonly peakImplied: number | null;
  /** Implied and planned are both known and differ. */
  readonly differs: boolean;
}

export interface ActualStaffing {
  /** The months with data, with their actual orders/day (1 decimal, "—" when not recorded). */
  readonly months: readonly { readonly month: Month; readonly ordersPerDay: string }[];
  readonly roles: readonly {
    readonly id: string;
    readonly title: string;
    readonly current: number | null;
    readonly cells: readonly ActualStaffingCell[];
  }[];
  /** The whole team per month: sums over the staffed roles (null where a role's figure is unknown). */
  readonly totals: readonly {
    readonly month: Month;
    readonly ordersPerDay: string;
    readonly implied: number | null;
    readonly planned: number | null;
    readonly differs: boolean;
  }[];
  /** The sum of `headcount.current` over the staffed roles; null when a role does not say it. */
  readonly current: number | null;
  /** Some month has a planned headcount (false: the plan has no orders/day of its own, e.g. no averageOrderValue). */
  readonly hasPlanned: boolean;
}

const sumOrNull = (xs: readonly (number | null)[]) => (xs.every((x) => x !== null) ? xs.reduce<number>((s, x) => s + x!, 0) : null);

export function actualStaffing(roles: readonly (StaffedRole & { readonly current: number | null })[], figures: ActualsFigures, plan: PlanData): ActualStaffing {
  const withData = figures.months.filter((m) => m.hasData);
  const months = withData.map((m) => ({ month: m.month, ordersPerDay: formatRatio(m.ordersPerDay, 1) }));
  const rows = staffingByActual(roles, figures, plan).map((row) => ({
    id: row.role.id,
    title: row.role.title,
    current: row.role.current,
    cells: row.months.map((c) => ({ ...c, differs: c.implied !== null && c.planned !== null && c.implied !== c.planned })),
  }));
  const totals = months.map((m, i) => {
    const implied = rows.length > 0 ? sumOrNull(rows.map((r) => r.cells[i]!.implied)) : null;
    const planned = rows.length > 0 ? sumOrNull(rows.map((r) => r.cells[i]!.planned)) : null;
    return { ...m, implied, planned, differs: implied !== null && planned !== null && implied !== planned };
  });
  return {
    months,
    roles: rows,
    totals,
    current: rows.length > 0 ? sumOrNull(rows.map((r) => r.current)) : null,
    hasPlanned: rows.some((r) => r.cells.some((c) => c.planned !== null)),
  };
}
