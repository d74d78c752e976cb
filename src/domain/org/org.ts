/** The reports-to graph: roots, children, chains and cycles. */
import type { Entry } from '../handbook.ts';
import type { RoleData } from '../../schema/collections.ts';

type Roles = readonly Entry<RoleData>[];

/** Each reportsTo cycle once, as the list of role ids in order (a → b → a is ['a', 'b']). */
export function reportingCycles(roles: Roles): string[][] {
  const parent = new Map(roles.map((r) => [r.id, r.data.reportsTo]));
  const cycles: string[][] = [];
  const done = new Set<string>();
  for (const role of roles) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | undefined = role.id;
    while (current !== undefined && parent.has(current) && !done.has(current)) {
      if (onPath.has(current)) {
        cycles.push(path.slice(onPath.get(current)));
        break;
      }
      onPath.set(current, path.length);
      path.push(current);
      current = parent.get(current);
    }
    for (const id of path) done.add(id);
  }
  return cycles;
}

export interface OrgNode {
  readonly role: Entry<RoleData>;
  readonly reports: OrgNode[];
}

/**
 * The org tree. Roots are roles without a (resolvable) manager; roles caught in a
 * cycle are attached at the top so that none is lost from the chart.
 */
export function orgTree(roles: Roles): OrgNode[] {
  const ids = new Set(roles.map((r) => r.id));
  const children = new Map<string, Entry<RoleData>[]>();
  const inCycle = new Set(reportingCycles(roles).flat());
  const roots: Entry<RoleData>[] = [];
  for (const role of roles) {
    const manager = role.data.reportsTo;
    if (manager === undefined || !ids.has(manager) || inCycle.has(role.id)) roots.push(role);
    else children.set(manager, [...(children.get(manager) ?? []), role]);
  }
  const build = (role: Entry<RoleData>): OrgNode => ({ role, reports: (children.get(role.id) ?? []).map(build) });
  return roots.map(build);
}

/** Managers from the direct one up to the root, stopping at a cycle. */
export function reportingChain(roleId: string, roles: Roles): Entry<RoleData>[] {
  const byId = new Map(roles.map((r) => [r.id, r]));
  const chain: Entry<RoleData>[] = [];
  const seen = new Set([roleId]);
  let manager = byId.get(roleId)?.data.reportsTo;
  while (manager !== undefined && !seen.has(manager) && byId.has(manager)) {
    seen.add(manager);
    chain.push(byId.get(manager)!);
    manager = byId.get(manager)!.data.reportsTo;
  }
  return chain;
}

export function directReports(roleId: string, roles: Roles): Entry<RoleData>[] {
  return roles.filter((r) => r.data.reportsTo === roleId && r.id !== roleId);
}
