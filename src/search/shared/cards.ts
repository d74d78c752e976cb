/**
 * Result cards: what a search result shows before its excerpt (address,
 * title, type, department, owner, frequency and the filter values) for every
 * record of the index, in one small file beside Pagefind's bundle.
 *
 * Pagefind keeps this per result in a fragment file of its own, so showing 8
 * results costs 8 requests, and counting facets for a query that combines
 * several searches costs one request per result. With the cards in memory a
 * result list needs no request at all; only the excerpts (the text) still
 * come from the fragments, after the list is on screen.
 *
 * The cards are taken from Pagefind's own fragments after it has written them,
 * so they hold exactly what Pagefind stored, keyed by Pagefind's page id.
 */

/** One record as Pagefind stores it in its fragment (the fields Opsbook reads). */
export interface FragmentRecord {
  /** Pagefind's page id (the fragment's hash, e.g. en_13ff516): a result's `id`. */
  readonly id: string;
  readonly url: string;
  readonly meta: Readonly<Record<string, string | undefined>>;
  readonly filters: Readonly<Record<string, readonly string[]>>;
}

/** A card: a fragment less its text. */
export interface Card {
  readonly url: string;
  /** The title's pinyin syllables, space-separated (for the closest titles when nothing matches). */
  readonly pinyin?: string;
  readonly meta: Readonly<Record<string, string>>;
  readonly filters: Readonly<Record<string, readonly string[]>>;
}

/**
 * The cards file. Every string but ids, addresses and titles is written once
 * in `strings`; what cards share besides their title (type, department, owner,
 * frequency and the filter values, the same for many SOPs) is written once in
 * `profiles` as key/value index pairs, metadata first, then filters after a -1.
 * A card is [id, url, title, profile, pinyin of the title (when it has Chinese)].
 */
export interface CardsFile {
  readonly version: 3;
  readonly strings: readonly string[];
  readonly profiles: readonly (readonly number[])[];
  readonly cards: readonly (readonly [id: string, url: string, title: string, profile: number, pinyin?: string])[];
}

/** Metadata left out of cards: the text, which the excerpt is cut from, stays in the fragment. */
export const TEXT_FIELD = 'text';
const TITLE_FIELD = 'title';
/** The title's syllables: on the card itself, as no two titles share them. */
export const PINYIN_FIELD = 'py';

function interner<T>(key: (value: T) => string = String): { list: T[]; add: (value: T) => number } {
  const list: T[] = [];
  const index = new Map<string, number>();
  return {
    list,
    add(value) {
      const k = key(value);
      let i = index.get(k);
      if (i === undefined) {
        i = list.length;
        list.push(value);
        index.set(k, i);
      }
      return i;
    },
  };
}

/** The cards of these fragments, in id order (so the same index gives the same file). */
export function packCards(records: Iterable<FragmentRecord>): CardsFile {
  const strings = interner<string>();
  const profiles = interner<number[]>((p) => p.join(','));
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const cards = sorted.map((r) => {
    const profile: number[] = [];
    for (const key of Object.keys(r.meta).sort()) {
      const value = r.meta[key];
      if (key === TEXT_FIELD || key === TITLE_FIELD || key === PINYIN_FIELD || value === undefined) continue;
      profile.push(strings.add(key), strings.add(value));
    }
    profile.push(-1);
    for (const name of Object.keys(r.filters).sort()) for (const value of r.filters[name]!) profile.push(strings.add(name), strings.add(value));
    const pinyin = r.meta[PINYIN_FIELD];
    const card = [r.id, r.url, r.meta[TITLE_FIELD] ?? '', profiles.add(profile)] as const;
    return pinyin ? ([...card, pinyin] as const) : card;
  });
  return { version: 3, strings: strings.list, profiles: profiles.list, cards };
}

/** The cards by Pagefind page id. Throws on a file this version cannot read. */
export function unpackCards(file: CardsFile): Map<string, Card> {
  if (file?.version !== 3 || !Array.isArray(file.strings) || !Array.isArray(file.profiles) || !Array.isArray(file.cards)) {
    throw new Error('Unknown search cards file');
  }
  const s = file.strings;
  // Each profile is decoded once; its cards share the filter arrays (never mutated).
  const decoded = file.profiles.map((pairs) => {
    const meta: Record<string, string> = {};
    const filters: Record<string, string[]> = {};
    const split = pairs.indexOf(-1);
    for (let i = 0; i + 1 < split; i += 2) meta[s[pairs[i]!]!] = s[pairs[i + 1]!]!;
    for (let i = split + 1; i + 1 < pairs.length; i += 2) (filters[s[pairs[i]!]!] ??= []).push(s[pairs[i + 1]!]!);
    return { meta, filters };
  });
  const out = new Map<string, Card>();
  for (const [id, url, title, profile, pinyin] of file.cards) {
    const p = decoded[profile]!;
    out.set(id, { url, meta: { ...p.meta, [TITLE_FIELD]: title }, filters: p.filters, ...(pinyin ? { pinyin } : {}) });
  }
  return out;
}
