/**
 * The SOP index's filters, without client JavaScript: each value of each facet
 * (a department, an owner role, a frequency) gets its own static page listing
 * the SOPs that have it. This module says which values exist, which SOPs each
 * one holds, and in what order to offer them. Pure: entries in, ids out.
 */
import type { Entry, Handbook } from '../handbook.ts';
import { byId, sopDepartment, sortedDepartments } from '../handbook.ts';
import { byTitle } from '../references.ts';
import { defaultCollator, memoByRef } from '../memo.ts';
import { FREQUENCIES, type SopData } from '../../schema/collections.ts';

export const FACETS = ['department', 'owner', 'frequency'] as const;
export type Facet = (typeof FACETS)[number];

/** The frequency value of SOPs that do not say how often they run. */
export const NO_FREQUENCY = 'unspecified';

export interface FacetValue {
  readonly facet: Facet;
  /** A department id, a role id, a frequency or NO_FREQUENCY: the last segment of the facet page's URL. */
  readonly value: string;
  /** The SOPs with this value, by title. */
  readonly sops: readonly Entry<SopData>[];
}

type FacetHandbook = Pick<Handbook, 'departments' | 'roles' | 'sops'>;

/** The value an SOP has for a facet (undefined: a department that cannot be worked out). */
export function facetValueOf(facet: Facet, sop: Entry<SopData>, handbook: Pick<Handbook, 'roles'>): string | undefined {
  if (facet === 'owner') return sop.data.owner;
  if (facet === 'frequency') return sop.data.frequency ?? NO_FREQUENCY;
  return sopDepartment(sop, byId(handbook.roles));
}

function order(facet: Facet, handbook: FacetHandbook): (a: string, b: string) => number {
  const rank = (ids: readonly string[]) => {
    const at = new Map(ids.map((id, i) => [id, i]));
    return (a: string, b: string) => (at.get(a) ?? Infinity) - (at.get(b) ?? Infinity) || defaultCollator.compare(a, b);
  };
  if (facet === 'department') return rank(sortedDepartments(handbook.departments).map((d) => d.id));
  if (facet === 'frequency') return rank([...FREQUENCIES, NO_FREQUENCY]);
  // Owners in department order, then by title within a department.
  const departments = sortedDepartments(handbook.departments).map((d) => d.id);
  const owners = [...handbook.roles]
    .sort((a, b) => {
      const da = departments.indexOf(a.data.department);
      const db = departments.indexOf(b.data.department);
      return (da < 0 ? Infinity : da) - (db < 0 ? Infinity : db) || byTitle(a, b);
    })
    .map((r) => r.id);
  return rank(owners);
}

/** The values of one facet that at least one SOP has, in reading order, each with its SOPs. */
export function facetValues(facet: Facet, handbook: FacetHandbook): FacetValue[] {
  const groups = new Map<string, Entry<SopData>[]>();
  for (const sop of handbook.sops) {
    const value = facetValueOf(facet, sop, handbook);
    if (value === undefined) continue;
    let group = groups.get(value);
    if (!group) groups.set(value, (group = []));
    group.push(sop);
  }
  return [...groups.keys()].sort(order(facet, handbook)).map((value) => ({ facet, value, sops: groups.get(value)!.sort(byTitle) }));
}

/** Every facet's values: the static pages of the SOP index. */
export function sopFacets(handbook: FacetHandbook): Record<Facet, FacetValue[]> {
  return allFacets(handbook);
}

/** Every facet page and the SOP index ask for the same answer: worked out once per handbook. */
const allFacets = memoByRef((handbook: FacetHandbook): Record<Facet, FacetValue[]> => ({
  department: facetValues('department', handbook),
  owner: facetValues('owner', handbook),
  frequency: facetValues('frequency', handbook),
}));
