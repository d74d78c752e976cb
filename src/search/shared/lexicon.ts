/**
 * The words a query may mean besides the ones typed: groups of spellings that mean the same to someone
 * searching an operations handbook (退钱 · 退款, 顾客 · 买家 · 亲, ztc · 直通车), from Opsbook's e-commerce
 * lexicon (src/search/lexicon/lexicon.yaml) and the handbook's own glossary (a term and its aliases).
 *
 * Two uses at query time, both in src/search/shared/text.ts:
 * - a user dictionary for segmentation: a run is cut at the longest lexicon word first, so trade words
 *   stay whole (直通车花多少钱 → 直通车 / 花多少钱, not 直通 / 车花);
 * - alternatives: a page holding another spelling of a typed word holds the word, with less weight.
 *
 * Pure: the spellings arrive folded (src/search/shared/text.ts fold) from opsbook-terms.json.
 */

/** Dictionary words are at most this long (characters): the longest match is looked for up to it. */
const LONGEST = 12;

export class Lexicon {
  /** Spelling → the indexes of its groups. */
  readonly #groups = new Map<string, number[]>();
  readonly #spellings: readonly (readonly string[])[];
  /** The longest dictionary word in characters. */
  readonly #longest: number;

  /** `groups`: each a list of folded spellings meaning the same. */
  constructor(groups: readonly (readonly string[])[]) {
    this.#spellings = groups;
    let longest = 0;
    groups.forEach((group, i) => {
      for (const spelling of group) {
        const at = this.#groups.get(spelling);
        if (at) {
          if (!at.includes(i)) at.push(i);
        } else this.#groups.set(spelling, [i]);
        longest = Math.max(longest, [...spelling].length);
      }
    });
    this.#longest = Math.min(longest, LONGEST);
  }

  static readonly EMPTY = new Lexicon([]);

  get size(): number {
    return this.#spellings.length;
  }

  /** Whether a folded word is a spelling of the lexicon. */
  has(word: string): boolean {
    return this.#groups.has(word);
  }

  /**
   * The other spellings of a folded word, as a page might write it: Chinese words of two characters or
   * more and Latin words of two letters or more (a single character or letter would match everywhere).
   */
  alternatives(word: string): string[] {
    const out = new Set<string>();
    for (const i of this.#groups.get(word) ?? []) {
      for (const spelling of this.#spellings[i]!) {
        if (spelling !== word && [...spelling].length >= 2) out.add(spelling);
      }
    }
    return [...out];
  }

  /**
   * A Chinese run cut at its dictionary words (and the words of `also`: the query's filler words, so that
   * 一共有 is 一共 + 有, not 一 + 共有), longest match first from the left; the text between them is left
   * for the general segmenter. Only words of two characters or more count.
   */
  cut(run: string, also: ReadonlySet<string> = new Set()): { text: string; known: boolean }[] {
    if (!this.#groups.size && !also.size) return [{ text: run, known: false }];
    const longest = Math.max(this.#longest, also.size ? 4 : 0);
    const chars = [...run];
    const out: { text: string; known: boolean }[] = [];
    let gap = '';
    for (let i = 0; i < chars.length;) {
      let found = '';
      for (let n = Math.min(longest, chars.length - i); n >= 2; n--) {
        const candidate = chars.slice(i, i + n).join('');
        if (this.#groups.has(candidate) || also.has(candidate)) {
          found = candidate;
          break;
        }
      }
      if (found) {
        if (gap) out.push({ text: gap, known: false });
        gap = '';
        out.push({ text: found, known: true });
        i += [...found].length;
      } else {
        gap += chars[i];
        i++;
      }
    }
    if (gap) out.push({ text: gap, known: false });
    return out;
  }
}
