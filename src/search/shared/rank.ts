/**
 * A ranked list from the searches of a query's tokens, one search per token (src/search/client/engine.ts
 * runs them for its relaxed tier; this ranks, pure, so it is tested without a browser).
 *
 * - A page holds a word when it holds all the word's tokens (bigrams overlap, so a 3+ character
 *   word is spelt out), or uses the glossary term the word names in any spelling. Tokens found
 *   nowhere are dropped from their word (a joined character that made a non-word: 快递选 → 快递);
 *   a word no page holds falls back to its dictionary core (例会讲 → 例会).
 * - Each word weighs its inverse document frequency (BM25's idf): rare words count more.
 * - Tiers: pages holding every phrase of the query (its runs of words as typed) and every word;
 *   then every word in any order; then pages covering at least half the query's weight (the
 *   rarer words), by coverage. Within a tier, by the sum of Pagefind's scores of the held tokens,
 *   which carry the field weights (title > term and alias > steps > body) and term frequency.
 */
import type { Part } from './text.ts';
import type { QueryWord } from './text.ts';

/** A page needs at least this share of the query's weight (idf) to be listed. */
export const MIN_COVERAGE = 0.5;

/**
 * A word held only through another spelling (退款 for 退钱: QueryWord.alternatives) covers this share of its
 * weight and adds this share of its score: the typed word counts more than the lexicon's.
 */
export const ALTERNATIVE = { weight: 0.8, score: 0.5 } as const;

/** The token a record's title carries for each of its own tokens (src/search/shared/records.ts): 退款 → 退款題. */
export const TITLE_MARK = '題';
export const titleToken = (token: string) => token + TITLE_MARK;
/** After a title token, marks a glossary entry's (中差題詞): it sorts beside the title token, in its index chunk. */
export const TERM_TITLE_MARK = '詞';
/** The token every overview page carries (覽: folding turns a typed one into 览, so no query reaches it). */
export const OVERVIEW_TOKEN = '覽覽';
/** The token the overview of a whole collection carries besides (全部岗位, 全部 SOP). */
export const COLLECTION_TOKEN = '覽全';

/**
 * A question asking for a list has a list word and a word for what is listed (有哪些流程, 一共几个部门,
 * 所有岗位): the overview pages whose titles hold its words come first (src/search/client/engine.ts).
 * Checked on the folded query; 哪些数据 asks about data, not for a list of pages.
 */
export const LIST_WORDS = ['哪些', '所有', '全部', '列表', '清单', '一共', '总共', '几个', '多少个', '都有', '一览', '汇总'] as const;
export const LISTED_THINGS = ['流程', 'sop', '事', '工作', '任务', '岗位', '职位', '部门', '计划', '会'] as const;
/** List words that ask for the whole collection (所有岗位, 一共几个部门): its overview (全部岗位) first. */
export const WHOLE_WORDS = ['所有', '全部', '一共', '一览', '列表', '都有', '总共'] as const;

/** The things a question asks a list of (LISTED_THINGS it names), none when it does not ask for a list. */
export function listAsked(folded: string): { things: string[]; whole: boolean } {
  if (!LIST_WORDS.some((w) => folded.includes(w))) return { things: [], whole: false };
  const things = LISTED_THINGS.filter((w) => folded.includes(w));
  return { things, whole: things.length > 0 && WHOLE_WORDS.some((w) => folded.includes(w)) };
}

/** A month word of a query (monthWords in text.ts: 8月): it names what the query is about. */
export const isMonthWord = (word: QueryWord) => word.kind === 'word' && /^\d{1,2}月$/.test(word.text);

interface Scored {
  readonly id: string;
  readonly score: number;
}

export interface RankInput<R extends Scored> {
  readonly words: readonly QueryWord[];
  /** Per word, the glossary terms it names (their pages count as holding the word). */
  readonly wordTerms: readonly (readonly string[])[];
  /** Each token's results. */
  readonly byToken: ReadonlyMap<string, ReadonlyMap<string, R>>;
  /** Each named term's uses. */
  readonly byTerm: ReadonlyMap<string, ReadonlyMap<string, R>>;
  /** Each phrase's results. */
  readonly phrases: readonly ReadonlyMap<string, R>[];
  /** Records in the index (for idf); 0 when unknown. */
  readonly records: number;
  /** Each title token's results (titleToken): a page whose title holds more of the words ranks first among equals. */
  readonly byTitleToken?: ReadonlyMap<string, ReadonlyMap<string, R>>;
  /**
   * Whether a word is what the query is about (a word of some title, the lexicon or the glossary) rather than
   * how it is asked (急着, 弄快点, 最晚): coverage counts the topical words, the others only order equals.
   * Without it, or when no word is topical, every word counts.
   */
  readonly topical?: (word: QueryWord) => boolean;
  /** Each page's place by its title-token scores (higher for a shorter title): among equal titles, the shorter first. */
  readonly titleOrder?: ReadonlyMap<string, number>;
}

export interface Ranking<R extends Scored> {
  /** Listed results, best first. */
  readonly ranked: readonly R[];
  /**
   * Pages holding some topical word but less than MIN_COVERAGE of the weight, best first (title share, then
   * coverage): what a query that finds almost nothing else may still show (主推款搜索排名掉了: the page
   * titled 商品排序管理 holds 排序 for 排名 and nothing for 主推款).
   */
  readonly lesser: readonly R[];
  /** Every page holding a word, listed or not. */
  readonly found: ReadonlyMap<string, R>;
  /** What to mark in results: the words (or the tokens of them) that pages hold. */
  readonly marks: readonly string[];
}

export function idf(df: number, records: number): number {
  const n = Math.max(records, df);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Pages holding all of `tokens` (those found somewhere), with their summed score; `used` are the tokens kept. */
function holding<R extends Scored>(tokens: readonly string[], byToken: RankInput<R>['byToken']) {
  const used = tokens.filter((t) => (byToken.get(t)?.size ?? 0) > 0);
  const pages = new Map<string, number>();
  if (!used.length) return { used, pages };
  const [first, ...rest] = used.map((t) => byToken.get(t)!).sort((a, b) => a.size - b.size);
  for (const [id, r] of first!) {
    let score = r.score;
    let all = true;
    for (const m of rest) {
      const other = m.get(id);
      if (!other) {
        all = false;
        break;
      }
      score += other.score;
    }
    if (all) pages.set(id, score);
  }
  return { used, pages };
}

export function rankPages<R extends Scored>(input: RankInput<R>): Ranking<R> {
  const { byToken, byTerm } = input;
  const found = new Map<string, R>();
  for (const m of [...byToken.values(), ...byTerm.values()]) for (const [id, r] of m) if (!found.has(id)) found.set(id, r);

  const seenWords = new Set<string>();
  const words: { pages: Map<string, number>; alternative: Set<string>; weight: number; word: QueryWord; topical: boolean }[] = [];
  const marks: string[] = [];
  input.words.forEach((word, i) => {
    if (seenWords.has(word.text)) return;
    seenWords.add(word.text);
    let { used, pages } = holding(word.tokens, byToken);
    let mark = used.length === word.tokens.length ? [word.text] : used;
    if (!pages.size && word.core) {
      ({ used, pages } = holding(word.core, byToken));
      mark = used;
    }
    for (const term of input.wordTerms[i] ?? []) {
      for (const [id, r] of byTerm.get(term) ?? []) pages.set(id, Math.max(pages.get(id) ?? 0, r.score));
    }
    if (pages.size) marks.push(...(word.kind === 'cjk' ? mark : [word.text]));
    // Another spelling counts when a page holds all of it (a token of it found nowhere: not this spelling).
    const alternative = new Set<string>();
    for (const alt of word.alternatives ?? []) {
      const held = holding(alt.tokens, byToken);
      if (held.used.length !== alt.tokens.length || !held.pages.size) continue;
      marks.push(alt.text);
      for (const [id, score] of held.pages) {
        if (pages.has(id) && !alternative.has(id)) continue;
        pages.set(id, Math.max(pages.get(id) ?? 0, score * ALTERNATIVE.score));
        alternative.add(id);
      }
    }
    if (!pages.size) return; // a word found nowhere asks nothing of the pages
    words.push({ pages, alternative, weight: idf(pages.size, input.records), word, topical: input.topical?.(word) ?? true });
  });
  // The words that decide coverage: the topical ones, or all when none is.
  if (!words.some((w) => w.topical)) for (const w of words) w.topical = true;
  const total = words.reduce((n, w) => n + (w.topical ? w.weight : 0), 0);
  const asides = words.reduce((n, w) => n + (w.topical ? 0 : w.weight), 0);
  if (!total) return { ranked: [], lesser: [], found, marks };

  const scored: { r: R; exact: boolean; coverage: number; title: number; aside: number; score: number }[] = [];
  const lesser: { r: R; coverage: number; title: number; score: number }[] = [];
  const candidates = new Set<string>();
  for (const w of words) for (const id of w.pages.keys()) candidates.add(id);
  const titled = titleHolding(
    words.filter((w) => w.topical).map((w) => w.word),
    input.byTitleToken,
  );
  for (const id of candidates) {
    let weight = 0;
    let aside = 0;
    let score = 0;
    let all = true;
    for (const w of words) {
      const s = w.pages.get(id);
      if (s === undefined) all = false;
      else {
        const held = w.alternative.has(id) ? w.weight * ALTERNATIVE.weight : w.weight;
        if (w.topical) weight += held;
        else aside += held;
        score += s;
      }
    }
    const coverage = weight / total;
    if (coverage < MIN_COVERAGE) {
      if (weight > 0) lesser.push({ r: found.get(id)!, coverage, title: titled.get(id)?.share ?? 0, score });
      continue;
    }
    const exact = all && input.phrases.length > 0 && input.phrases.every((p) => p.has(id));
    scored.push({ r: found.get(id)!, exact, coverage, title: titled.get(id)?.share ?? 0, aside: asides ? aside / asides : 0, score });
  }
  const order = input.titleOrder;
  const shorter = (a: string, b: string) => (order ? (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || 0 : 0);
  // Coverage compared to a few places: equal weights summed in another order must tie.
  const level = (x: number) => Math.round(x * 1000);
  scored.sort(
    (a, b) =>
      Number(b.exact) - Number(a.exact) ||
      level(b.coverage) - level(a.coverage) ||
      level(b.title) - level(a.title) ||
      shorter(a.r.id, b.r.id) ||
      level(b.aside) - level(a.aside) ||
      b.score - a.score,
  );
  lesser.sort((a, b) => level(b.title) - level(a.title) || level(b.coverage) - level(a.coverage) || b.score - a.score);
  return { ranked: scored.map((s) => s.r), lesser: lesser.map((s) => s.r), found, marks };
}

/**
 * How much of the query each page's title holds, from the title-token searches: per word 1 when the title
 * holds all its tokens, ALTERNATIVE.weight when it holds another spelling of it; the share of the words.
 */
export function titleHolding<R extends Scored>(
  words: readonly QueryWord[],
  byTitleToken: RankInput<R>['byTitleToken'],
): Map<string, { share: number; all: boolean }> {
  const out = new Map<string, { share: number; all: boolean }>();
  if (!byTitleToken || !words.length) return out;
  const holders = (tokens: readonly string[]) => {
    const sets = tokens.map((t) => byTitleToken.get(titleToken(t)));
    if (!sets.length || sets.some((m) => !m?.size)) return new Set<string>();
    const [first, ...rest] = sets as ReadonlyMap<string, R>[];
    return new Set([...first!.keys()].filter((id) => rest.every((m) => m.has(id))));
  };
  const sum = new Map<string, { v: number; n: number }>();
  for (const word of words) {
    const held = new Map<string, number>();
    const own = holders(word.tokens);
    // A word a character was joined to (岗位还): its dictionary core, when no title holds the whole.
    for (const id of own.size || !word.core ? own : holders(word.core)) held.set(id, 1);
    for (const alt of word.alternatives ?? []) for (const id of holders(alt.tokens)) if (!held.has(id)) held.set(id, ALTERNATIVE.weight);
    for (const [id, v] of held) {
      const s = sum.get(id) ?? { v: 0, n: 0 };
      sum.set(id, { v: s.v + v, n: s.n + 1 });
    }
  }
  for (const [id, s] of sum) out.set(id, { share: s.v / words.length, all: s.n === words.length });
  return out;
}

/** Whether any one title holds a word (all its tokens, or its core's, or another spelling's), from the title-token searches. */
export function inSomeTitle<R extends Scored>(word: QueryWord, byTitleToken: RankInput<R>['byTitleToken']): boolean {
  return titleHolding([word], byTitleToken).size > 0;
}

/** A mark as highlight.ts takes it. */
export function markPart(text: string): Part {
  return /^[\p{L}\p{N}\p{M}]+$/u.test(text) && !/\p{Script=Han}/u.test(text) ? { kind: 'word', text } : { kind: 'cjk', text };
}
