/** Headcount by daily order volume, from a role's staffing steps. */
import type { RoleData } from '../../schema/collections.ts';

type Staffing = Pick<NonNullable<RoleData['staffing']>, 'base'> & { readonly steps: readonly { readonly atOrdersPerDay: number; readonly add: number }[] };

export function headcountAt(staffing: Staffing, ordersPerDay: number): number {
  return staffing.steps.reduce((count, step) => (ordersPerDay >= step.atOrdersPerDay ? count + step.add : count), staffing.base);
}

/** Rows of the staffing table: the base and each threshold with the headcount from there on. */
export function staffingTable(staffing: Staffing): { fromOrdersPerDay: number; headcount: number }[] {
  const thresholds = [...new Set(staffing.steps.map((s) => s.atOrdersPerDay))].sort((a, b) => a - b);
  return [0, ...thresholds].map((at) => ({ fromOrdersPerDay: at, headcount: headcountAt(staffing, at) }));
}
