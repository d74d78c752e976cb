/** Headcount for a whole team at a given daily order volume, from the roles' staffing steps. */
import type { Entry } from '../handbook.ts';
import type { RoleData } from '../../schema/collections.ts';
import { headcountAt } from '../org/staffing.ts';

export const STANDARD_ORDER_VOLUMES = [50, 100, 150, 250, 350] as const;

export interface StaffedRole {
  readonly id: string;
  readonly title: string;
  readonly base: number;
  readonly steps: readonly { readonly atOrdersPerDay: number; readonly add: number }[];
}

/** Roles that declare staffing steps, in the given order. */
export function staffedRoles(roles: readonly Entry<RoleData>[]): StaffedRole[] {
  return roles.flatMap((r) => (r.data.staffing ? [{ id: r.id, title: r.data.title, base: r.data.staffing.base, steps: r.data.staffing.steps }] : []));
}

export interface StaffingRow {
  readonly ordersPerDay: number;
  readonly perRole: Record<string, number>;
  readonly total: number;
}

export function teamAt(roles: readonly StaffedRole[], ordersPerDay: number): StaffingRow {
  const perRole: Record<string, number> = {};
  let total = 0;
  for (const role of roles) {
    const count = headcountAt(role, ordersPerDay);
    perRole[role.id] = count;
    total += count;
  }
  return { ordersPerDay, perRole, total };
}

export function staffingGrid(roles: readonly StaffedRole[], volumes: readonly number[] = STANDARD_ORDER_VOLUMES): StaffingRow[] {
  return volumes.map((v) => teamAt(roles, v));
}

/** The staffed roles with the people they have now (`headcount.current`, null when not written). */
export function staffedRolesWithCurrent(roles: readonly Entry<RoleData>[]): (StaffedRole & { readonly current: number | null })[] {
  const current = new Map(roles.map((r) => [r.id, r.data.headcount?.current ?? null]));
  return staffedRoles(roles).map((r) => ({ ...r, current: current.get(r.id) ?? null }));
}
