/**
 * Reverse references, derived from what authors wrote once: which SOPs a role
 * owns or takes part in, which SOPs point at an SOP as related, which roles and
 * SOPs belong to a department. Pure: takes parsed entries, returns entries.
 */
import type { Entry } from './handbook.ts';
import { byId, sopDepartment } from './handbook.ts';
import { defaultCollator, memoByRef, zhCollator } from './memo.ts';
import type { RoleData, SopData } from '../schema/collections.ts';

type Sops = readonly Entry<SopData>[];
type Roles = readonly Entry<RoleData>[];

/** Entries by their reader-visible title (Chinese collation), then id, so lists are stable. */
export function byTitle<T extends { title: string }>(a: Entry<T>, b: Entry<T>): number {
  return zhCollator.compare(a.data.title, b.data.title) || defaultCollator.compare(a.id, b.id);
}

/** SOPs the role is accountable for (owner). */
export function sopsOwnedBy(roleId: string, sops: Sops): Entry<SopData>[] {
  return [...(rolesInSops(sops).get(roleId)?.owned ?? [])];
}

/** SOPs the role takes part in without owning them: as a participant or as the role of a step. */
export function sopsTakingPart(roleId: string, sops: Sops): Entry<SopData>[] {
  return [...(rolesInSops(sops).get(roleId)?.takingPart ?? [])];
}

/** Role id → the SOPs it owns and those it takes part in, each by title: one pass over the SOPs per handbook. */
const rolesInSops = memoByRef((sops: Sops) => {
  const out = new Map<string, { owned: Entry<SopData>[]; takingPart: Entry<SopData>[] }>();
  const of = (roleId: string) => {
    let lists = out.get(roleId);
    if (!lists) out.set(roleId, (lists = { owned: [], takingPart: [] }));
    return lists;
  };
  for (const s of sops) {
    of(s.data.owner).owned.push(s);
    const others = new Set([...s.data.participants, ...s.data.steps.flatMap((step) => (step.by ? [step.by] : []))]);
    others.delete(s.data.owner);
    for (const roleId of others) of(roleId).takingPart.push(s);
  }
  for (const lists of out.values()) {
    lists.owned.sort(byTitle);
    lists.takingPart.sort(byTitle);
  }
  return out;
});

/** Step numbers (1-based) of an SOP done by the role. */
export function stepsBy(roleId: string, sop: SopData): number[] {
  return sop.steps.flatMap((step, i) => (step.by === roleId ? [i + 1] : []));
}

/** SOPs that list `sopId` among their related SOPs (the reverse of `related`), itself excluded. */
export function relatedFrom(sopId: string, sops: Sops): Entry<SopData>[] {
  return [...(referrers(sops).get(sopId) ?? [])];
}

/** SOP id → the SOPs that list it as related, by title: one pass over the SOPs per handbook. */
const referrers = memoByRef((sops: Sops) => {
  const out = new Map<string, Entry<SopData>[]>();
  for (const s of sops) {
    for (const target of new Set(s.data.related)) {
      if (target === s.id) continue;
      let list = out.get(target);
      if (!list) out.set(target, (list = []));
      list.push(s);
    }
  }
  for (const list of out.values()) list.sort(byTitle);
  return out;
});

/** Roles whose department is `departmentId`, by title. */
export function rolesOfDepartment(departmentId: string, roles: Roles): Entry<RoleData>[] {
  return [...(rolesByDepartment(roles).get(departmentId) ?? [])];
}

const rolesByDepartment = memoByRef((roles: Roles) => groupSorted(roles, (r) => r.data.department));

/** SOPs that belong to the department: their own `department`, or else their owner's. */
export function sopsOfDepartment(departmentId: string, sops: Sops, roles: Roles): Entry<SopData>[] {
  return [...(sopsByDepartment(sops)(roles).get(departmentId) ?? [])];
}

const sopsByDepartment = memoByRef((sops: Sops) =>
  memoByRef((roles: Roles) => {
    const rolesById = byId(roles);
    return groupSorted(sops, (s) => sopDepartment(s, rolesById));
  }),
);

/** Entries grouped by a key, each group by title. */
function groupSorted<T extends { title: string }>(entries: readonly Entry<T>[], keyOf: (entry: Entry<T>) => string | undefined): Map<string, Entry<T>[]> {
  const out = new Map<string, Entry<T>[]>();
  for (const entry of entries) {
    const key = keyOf(entry);
    if (key === undefined) continue;
    let list = out.get(key);
    if (!list) out.set(key, (list = []));
    list.push(entry);
  }
  for (const list of out.values()) list.sort(byTitle);
  return out;
}
