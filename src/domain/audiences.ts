/**
 * Who may read what (site.yaml `audiences`, `audience:` on entries): which audience an entry or list item
 * belongs to, and which audiences may read it. Pure: the checker, the build and the pages all ask here.
 *
 * An audience reads its own entries and, through `includes` (followed transitively), those of the
 * audiences it includes. The first audience is the widest: entries belong to it unless they name an
 * audience or their collection is in another audience's `default`.
 */
import type { AudienceCollection, AudienceData, SiteData } from '../schema/collections.ts';
import type { Entry, Handbook } from './handbook.ts';

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

/** The kinds of entry a page links to, as the linker names them. */
export type LinkedKind = 'department' | 'role' | 'sop' | 'plan' | 'term';

/** What one audience's site holds: the handbook cut to what its readers may read. */
export interface AudienceView {
  readonly reader: string;
  /** Only the entries, glossary terms and cadence items the reader may read; everything else as it was. */
  readonly handbook: Handbook;
  /**
   * For an entry the reader may not read, the name of the audience it belongs to (管理层): a reference
   * to it is shown as plain text naming that audience. Undefined for an entry it may read, or none.
   */
  hiddenFor(kind: LinkedKind, id: string): string | undefined;
  /** Whether the reader may read a <Restricted to="…"> block. */
  readsBlock(to: string): boolean;
}

const COLLECTION_OF: Record<Exclude<LinkedKind, 'term'>, AudienceCollection & keyof Handbook> = {
  department: 'departments',
  role: 'roles',
  sop: 'sops',
  plan: 'plans',
};

/**
 * The handbook as `reader` may read it. Lists built from `view.handbook` (indexes, counts, prev/next,
 * the org chart, the search index) then hold nothing else; references kept in the entries it holds (a
 * SOP's related, a role's reportsTo) still name hidden ids, for the pages to show as `hiddenFor` says.
 * A plan's actuals follow their plan: they are read for the plans of the view only.
 */
export function audienceView(handbook: Handbook, audiences: Audiences, reader: string): AudienceView {
  const readable = <T extends { audience?: string }>(collection: AudienceCollection, data: T) =>
    audiences.canRead(reader, audiences.audienceOf(collection, data.audience));
  const keep = <T extends { audience?: string }>(collection: AudienceCollection, entries: readonly Entry<T>[]) =>
    entries.filter((entry) => readable(collection, entry.data));
  const view: Handbook = {
    ...handbook,
    departments: keep('departments', handbook.departments),
    roles: keep('roles', handbook.roles),
    sops: keep('sops', handbook.sops),
    plans: keep('plans', handbook.plans),
    glossary: handbook.glossary.filter((term) => readable('glossary', term)),
    cadence: handbook.cadence.filter((item) => readable('cadence', item)),
  };
  const hidden = new Map<string, string>();
  for (const kind of Object.keys(COLLECTION_OF) as Exclude<LinkedKind, 'term'>[]) {
    const collection = COLLECTION_OF[kind];
    for (const entry of handbook[collection] as readonly Entry<{ audience?: string }>[]) {
      const owner = audiences.audienceOf(collection, entry.data.audience);
      if (!audiences.canRead(reader, owner)) hidden.set(`${kind}:${entry.id}`, audiences.nameOf(owner));
    }
  }
  for (const term of handbook.glossary) {
    const owner = audiences.audienceOf('glossary', term.audience);
    if (!audiences.canRead(reader, owner)) hidden.set(`term:${term.term}`, audiences.nameOf(owner));
  }
  return {
    reader,
    handbook: view,
    hiddenFor: (kind, id) => hidden.get(`${kind}:${id}`),
    readsBlock: (to) => audiences.canRead(reader, to.trim()),
  };
}
