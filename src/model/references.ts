/**
 * Reverse references, derived from what authors wrote once: which SOPs a role
 * owns or takes part in, which SOPs point at an SOP as related, which roles and
 * SOPs belong to a department. Pure: takes parsed entries, returns entries.
 */
import type { Entry } from './handbook.ts';
import { sopDepartment } from './handbook.ts';
import type { RoleData, SopData } from '../schema/collections.ts';

type Sops = readonly Entry<SopData>[];
type Roles = readonly Entry<RoleData>[];

/** Entries by their reader-visible title (Chinese collation), then id, so lists are stable. */
export function byTitle<T extends { title: string }>(a: Entry<T>, b: Entry<T>): number {
  return a.data.title.localeCompare(b.data.title, 'zh') || a.id.localeCompare(b.id);
}

/** SOPs the role is accountable for (owner). */
export function sopsOwnedBy(roleId: string, sops: Sops): Entry<SopData>[] {
  return sops.filter((s) => s.data.owner === roleId).sort(byTitle);
}

/** SOPs the role takes part in without owning them: as a participant or as the role of a step. */
export function sopsTakingPart(roleId: string, sops: Sops): Entry<SopData>[] {
  return sops
    .filter((s) => s.data.owner !== roleId && (s.data.participants.includes(roleId) || s.data.steps.some((step) => step.by === roleId)))
    .sort(byTitle);
}

/** Step numbers (1-based) of an SOP done by the role. */
export function stepsBy(roleId: string, sop: SopData): number[] {
  return sop.steps.flatMap((step, i) => (step.by === roleId ? [i + 1] : []));
}

/** SOPs that list `sopId` among their related SOPs (the reverse of `related`), itself excluded. */
export function relatedFrom(sopId: string, sops: Sops): Entry<SopData>[] {
  return sops.filter((s) => s.id !== sopId && s.data.related.includes(sopId)).sort(byTitle);
}

/** Roles whose department is `departmentId`, by title. */
export function rolesOfDepartment(departmentId: string, roles: Roles): Entry<RoleData>[] {
  return roles.filter((r) => r.data.department === departmentId).sort(byTitle);
}

/** SOPs that belong to the department: their own `department`, or else their owner's. */
export function sopsOfDepartment(departmentId: string, sops: Sops, roles: Roles): Entry<SopData>[] {
  const rolesById = new Map(roles.map((r) => [r.id, r]));
  return sops.filter((s) => sopDepartment(s, rolesById) === departmentId).sort(byTitle);
}
