/**
 * Where a page sits in the handbook, for the layout: the sidebar (the current
 * department's roles and SOPs, every other department as one link, so a page
 * does not grow with the handbook), the breadcrumb trail (department → role →
 * SOP) and previous/next within the department. Pure: entries in, links out.
 */
import type { Handbook } from './handbook.ts';
import { byId, sopDepartment, sortedDepartments } from './handbook.ts';
import { rolesOfDepartment, sopsOfDepartment } from './references.ts';
import type { Link, Linker } from './urls.ts';

export type PageKind = 'department' | 'role' | 'sop';

/** The entry a page shows: its kind and id. */
export interface Here {
  readonly kind: PageKind;
  readonly id: string;
}

type NavHandbook = Pick<Handbook, 'departments' | 'roles' | 'sops'>;

export interface NavLink extends Link {
  readonly kind: PageKind;
  /** The page being shown. */
  readonly current: boolean;
}

export interface SidebarDepartment {
  readonly link: NavLink;
  /** The department the page belongs to: its roles and SOPs are listed under it. */
  readonly open: boolean;
  readonly roles: readonly NavLink[];
  /** At most SIDEBAR_SOPS of the department's SOPs, around the page's own. */
  readonly sops: readonly NavLink[];
  /** How many SOPs the department has: more than `sops` shows means a link to the department's full list. */
  readonly sopCount: number;
}

/**
 * The most SOPs the sidebar lists under a department. A department of 150 SOPs
 * would otherwise put 150 links into each of its 150 pages: pages would grow
 * with the handbook, and nobody scans such a list. The department page lists them all.
 */
export const SIDEBAR_SOPS = 25;

/** A window of `size` items around index `at` (the start when `at` is -1). */
export function windowAround<T>(items: readonly T[], at: number, size: number): readonly T[] {
  if (items.length <= size) return items;
  const start = Math.min(Math.max(0, at - Math.floor(size / 2)), items.length - size);
  return items.slice(start, start + size);
}

/** The department a page belongs to: the department itself, a role's, or an SOP's (its own, else its owner's). */
export function departmentOf(here: Here | undefined, handbook: NavHandbook): string | undefined {
  if (!here) return undefined;
  if (here.kind === 'department') return here.id;
  if (here.kind === 'role') return byId(handbook.roles).get(here.id)?.data.department;
  const sop = byId(handbook.sops).get(here.id);
  return sop ? sopDepartment(sop, byId(handbook.roles)) : undefined;
}

const same = (here: Here | undefined, kind: PageKind, id: string) => here?.kind === kind && here.id === id;

function navLink(links: Linker, kind: PageKind, id: string, here: Here | undefined): NavLink {
  const link = kind === 'department' ? links.department(id) : kind === 'role' ? links.role(id) : links.sop(id);
  return { ...link, kind, current: same(here, kind, id) };
}

/** A department's pages in reading order: the department, its roles, then its SOPs (each by title). */
export function departmentSequence(departmentId: string, handbook: NavHandbook): Here[] {
  return [
    { kind: 'department', id: departmentId },
    ...rolesOfDepartment(departmentId, handbook.roles).map((r): Here => ({ kind: 'role', id: r.id })),
    ...sopsOfDepartment(departmentId, handbook.sops, handbook.roles).map((s): Here => ({ kind: 'sop', id: s.id })),
  ];
}

/** Every department in order; only the page's own department lists its roles and SOPs. */
export function sidebar(handbook: NavHandbook, here: Here | undefined, links: Linker): SidebarDepartment[] {
  const current = departmentOf(here, handbook);
  return sortedDepartments(handbook.departments).map((d) => {
    const open = d.id === current;
    const sops = open ? sopsOfDepartment(d.id, handbook.sops, handbook.roles) : [];
    const at = here?.kind === 'sop' ? sops.findIndex((s) => s.id === here.id) : -1;
    return {
      link: navLink(links, 'department', d.id, here),
      open,
      roles: open ? rolesOfDepartment(d.id, handbook.roles).map((r) => navLink(links, 'role', r.id, here)) : [],
      sops: windowAround(sops, at, SIDEBAR_SOPS).map((s) => navLink(links, 'sop', s.id, here)),
      sopCount: sops.length,
    };
  });
}

/**
 * The trail to a page, the page itself last (current): department → role → SOP.
 * An SOP's owner is on its trail only when the owner works in the SOP's department.
 */
export function breadcrumbs(handbook: NavHandbook, here: Here | undefined, links: Linker): NavLink[] {
  if (!here) return [];
  const department = departmentOf(here, handbook);
  const known = department !== undefined && handbook.departments.some((d) => d.id === department);
  const trail: NavLink[] = [];
  if (known && here.kind !== 'department') trail.push(navLink(links, 'department', department, here));
  if (here.kind === 'sop') {
    const owner = byId(handbook.sops).get(here.id)?.data.owner;
    const ownerRole = owner === undefined ? undefined : byId(handbook.roles).get(owner);
    if (ownerRole && ownerRole.data.department === department) trail.push(navLink(links, 'role', ownerRole.id, here));
  }
  trail.push(navLink(links, here.kind, here.id, here));
  return trail;
}

export interface PrevNext {
  readonly prev?: NavLink;
  readonly next?: NavLink;
}

/** The pages before and after this one in its department's reading order (departmentSequence). */
export function prevNext(handbook: NavHandbook, here: Here | undefined, links: Linker): PrevNext {
  const department = departmentOf(here, handbook);
  if (!here || department === undefined || !handbook.departments.some((d) => d.id === department)) return {};
  const sequence = departmentSequence(department, handbook);
  const at = sequence.findIndex((p) => same(here, p.kind, p.id));
  if (at < 0) return {};
  const around = (p: Here | undefined) => (p ? navLink(links, p.kind, p.id, undefined) : undefined);
  const prev = around(sequence[at - 1]);
  const next = around(sequence[at + 1]);
  return { ...(prev && { prev }), ...(next && { next }) };
}
