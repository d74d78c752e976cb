/** The whole handbook after schema parsing: what domain/ derives from and pages render. */
import type { CadenceItemData, DepartmentData, GlossaryTermData, PlanData, RoleData, SiteData, SopData } from '../schema/collections.ts';
import { memoByRef, zhCollator } from './memo.ts';
import { COLLECTIONS } from '../schema/registry.ts';

export interface Entry<T> {
  readonly id: string;
  /** Path relative to the content folder, with forward slashes (roles/ops-director.md). */
  readonly file: string;
  readonly data: T;
  /** Markdown body for .md/.mdx entries. */
  readonly body?: string;
}

export interface Handbook {
  readonly site: SiteData;
  readonly departments: readonly Entry<DepartmentData>[];
  readonly roles: readonly Entry<RoleData>[];
  readonly sops: readonly Entry<SopData>[];
  readonly plans: readonly Entry<PlanData>[];
  readonly glossary: readonly GlossaryTermData[];
  readonly cadence: readonly CadenceItemData[];
}

export const GLOSSARY_FILE = COLLECTIONS.glossary.file;
export const CADENCE_FILE = COLLECTIONS.cadence.file;
export const SITE_FILE = COLLECTIONS.site.file;

/** Entries by id; built once per list (pages ask for it again and again). */
export function byId<T>(entries: readonly Entry<T>[]): ReadonlyMap<string, Entry<T>> {
  return entryMap(entries) as ReadonlyMap<string, Entry<T>>;
}
const entryMap = memoByRef((entries: readonly Entry<unknown>[]) => new Map(entries.map((entry) => [entry.id, entry])));

/** Departments in their declared order, then by name. */
export function sortedDepartments(departments: readonly Entry<DepartmentData>[]): Entry<DepartmentData>[] {
  return [...departments].sort((a, b) => (a.data.order ?? Infinity) - (b.data.order ?? Infinity) || zhCollator.compare(a.data.name, b.data.name));
}

/** The department an SOP belongs to: its own, or else its owner's. */
export function sopDepartment(sop: Entry<SopData>, roles: ReadonlyMap<string, Entry<RoleData>>): string | undefined {
  return sop.data.department ?? roles.get(sop.data.owner)?.data.department;
}

/** Every role an SOP names: owner, participants and step roles, owner first. */
export function sopRoles(sop: SopData): string[] {
  const ids = [sop.owner, ...sop.participants, ...sop.steps.flatMap((s) => (s.by ? [s.by] : []))];
  return [...new Set(ids)];
}
