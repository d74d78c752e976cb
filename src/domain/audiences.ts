/**
 * Who may read what (site.yaml `audiences`, `audience:` on entries): which audience an entry or list item
 * belongs to, and which audiences may read it. Pure: the checker, the build and the pages all ask here.
 *
 * An audience reads its own entries and, through `includes` (followed transitively), those of the
 * audiences it includes. The first audience is the widest: entries belong to it unless they name an
 * audience or their collection is in another audience's `default`.
 */
import type { AudienceCollection, AudienceData, SiteData } from '../schema/collections.ts';

export interface Audiences {
  /** As declared, the widest first. */
  readonly list: readonly AudienceData[];
  /** The audience an entry or item of `collection` belongs to, given the `audience:` it wrote (if any). */
  audienceOf(collection: AudienceCollection, written: string | undefined): string;
  /** The audiences whose content `reader` may read: itself and those it includes, transitively. */
  sees(reader: string): ReadonlySet<string>;
  /** Whether a reader of `reader` may read content belonging to `owner`. */
  canRead(reader: string, owner: string): boolean;
  /** The audiences that may read content belonging to `owner`, in declared order. */
  readersOf(owner: string): readonly string[];
  /** An audience's name (管理层), or its id when it is not declared. */
  nameOf(id: string): string;
}

/** The handbook's audiences, or undefined when site.yaml declares none (one site for everyone). */
export function audiencesOf(site: Pick<SiteData, 'audiences'>): Audiences | undefined {
  const list = site.audiences ?? [];
  if (list.length === 0) return undefined;
  const byId = new Map<string, AudienceData>();
  // The first declaration of an id counts (a second is a checker error).
  for (const audience of list) if (!byId.has(audience.id)) byId.set(audience.id, audience);
  const defaults = new Map<AudienceCollection, string>();
  for (const audience of byId.values()) for (const collection of audience.default) if (!defaults.has(collection)) defaults.set(collection, audience.id);
  const widest = list[0]!.id;

  const seen = new Map<string, ReadonlySet<string>>();
  const sees = (reader: string): ReadonlySet<string> => {
    let found = seen.get(reader);
    if (found) return found;
    const set = new Set<string>();
    const stack = [reader];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (set.has(id)) continue; // includes may loop: two audiences that include each other read the same
      set.add(id);
      for (const included of byId.get(id)?.includes ?? []) stack.push(included);
    }
    found = set;
    seen.set(reader, found);
    return found;
  };
  const canRead = (reader: string, owner: string) => sees(reader).has(owner);
  return {
    list,
    audienceOf: (collection, written) => written ?? defaults.get(collection) ?? widest,
    sees,
    canRead,
    readersOf: (owner) => [...byId.keys()].filter((reader) => canRead(reader, owner)),
    nameOf: (id) => byId.get(id)?.name ?? id,
  };
}
