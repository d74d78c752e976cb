/**
 * The search engine in the browser: Pagefind's JS API over Opsbook's index
 * (src/search/build/build-index.ts), with the query cut the way the index was cut
 * (src/search/shared/text.ts). Loaded only when search is first opened.
 *
 * One query is a few Pagefind searches over the same index chunks, one ranked list:
 * - the query as an exact name (a title, a term or an alias, their pinyin or initials, an id): that entry first;
 * - each run of words of 3+ characters as an exact phrase, ranked by its rarer bigrams;
 * - all the words (filler words left out) in any order, AND;
 * - each word alone, pages ranked by the share of the query's idf weight they hold (src/search/shared/rank.ts);
 * - for a query naming a glossary term (直通車, PPC, "Taobao ads"): the term's
 *   entry first, then every page that uses the term in any spelling.
 * A tier is searched only while the list is shorter than a page of results.
 *
 * What a result shows comes from the result cards (src/search/shared/cards.ts),
 * fetched once in the background after the first query; until they are in,
 * and for the excerpt's text always, from the result's Pagefind fragment.
 * With the cards in, the entries a query names exactly are found from their
 * titles and spellings there, instead of by a Pagefind search for the name's key.
 */
import { fold, lexiconKey, nameKey, nameToken, pinyinKeys, planQuery, termUseToken, type Part, type QueryPlan, type QueryWord } from '../shared/text.ts';
import {
  COLLECTION_TOKEN,
  TERM_TITLE_MARK,
  inSomeTitle,
  isMonthWord,
  listAsked,
  markPart,
  OVERVIEW_TOKEN,
  rankPages,
  titleHolding,
  titleToken,
} from '../shared/rank.ts';
import { Lexicon } from '../shared/lexicon.ts';
import { closestTitles } from '../shared/closest.ts';
import { pinyinSpans } from '../shared/highlight.ts';
import { namedTerms, type TermEntry } from '../shared/aliases.ts';
import { FILTERS, type FilterName, type RecordKind } from '../shared/kinds.ts';
import { unpackCards, type Card, type CardsFile } from '../shared/cards.ts';

export type Filters = Partial<Record<FilterName, readonly string[]>>;
export type Counts = Partial<Record<FilterName, Record<string, number>>>;

interface PagefindData {
  readonly url: string;
  readonly meta: Record<string, string | undefined>;
  readonly filters: Record<string, string[]>;
}
interface PagefindResult {
  readonly id: string;
  readonly score: number;
  data(): Promise<PagefindData>;
}
interface PagefindResponse {
  readonly results: PagefindResult[];
  readonly filters: Counts;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindResponse>;
  filters(): Promise<Counts>;
}

/** What a result shows above its excerpt. */
export interface HitSummary {
  readonly url: string;
  readonly kind: RecordKind;
  readonly title: string;
  readonly department?: string;
  readonly owner?: string;
  readonly frequency?: string;
  readonly filters: Readonly<Record<string, readonly string[]>>;
}

/** What a result shows, with the text its excerpt is cut from. */
export interface HitData extends HitSummary {
  /** The record's text as written. */
  readonly text: string;
}

export interface Hit {
  readonly id: string;
  readonly score: number;
  /** Its name is the query, or it is the entry of a term the query names: shown first. */
  readonly exact: boolean;
  /** Without a request once the result cards are in. */
  summary(): Promise<HitSummary>;
  /** The summary and the text: one request (the result's fragment) the first time. */
  data(): Promise<HitData>;
}

export interface Outcome {
  readonly query: string;
  readonly filters: Filters;
  readonly plan: QueryPlan;
  readonly hits: readonly Hit[];
  /** Glossary terms the query names. */
  readonly named: readonly TermEntry[];
  /** What results mark: the words pages hold, and the terms named. */
  readonly marks: readonly Part[];
  /** Results per filter value (with the filters applied). */
  counts(): Promise<Counts>;
}

/** A fragment (its url already under the site's base) or a card (url joined with the base by the caller) as shown. */
const toSummary = (d: Pick<PagefindData, 'url' | 'meta'> & { filters: Card['filters'] }): HitSummary => ({
  url: d.url,
  kind: (d.meta.kind ?? 'sop') as RecordKind,
  title: d.meta.title ?? d.url,
  department: d.meta.department,
  owner: d.meta.owner,
  frequency: d.meta.frequency,
  filters: d.filters,
});
const toData = (d: PagefindData): HitData => ({ ...toSummary(d), text: d.meta.text ?? '' });

/** After the first query, when the page is idle: the cards are for the queries after it. */
const whenIdle = (run: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 500 }) : setTimeout(run, 0));

/** Pagefind's filter object: any of the values within a filter, all filters together. */
function pagefindFilters(filters: Filters): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of FILTERS) {
    const values = filters[name];
    if (values?.length) out[name] = { any: [...values] };
  }
  return out;
}

const unique = <T>(items: readonly T[]) => [...new Set(items)];
const toPart = markPart;

/** The language Opsbook's index is built as (PAGEFIND_CONFIG.forceLanguage in src/search/build/build-index.ts). */
const INDEX_LANGUAGE = 'en';

/** The relaxed tiers are searched only while the list is shorter than this: a page of results. */
const RELAX_BELOW = 20;
/** Filler words that ask how to do something: the answer is a procedure rather than a definition. */
const HOW_WORDS: ReadonlySet<string> = new Set(['怎么', '怎样', '怎么样', '怎么办', '如何', 'zenme', 'zenmeban', 'zenmeyang', 'ruhe']);

/** A list shorter than this takes pages holding less than half the query's weight too (Ranking.lesser). */
const FEW = 5;

/** The order of results whose name is the query. */
const EXACT_ORDER: readonly RecordKind[] = ['sop', 'role', 'department', 'plan', 'page', 'review', 'term'];

interface TermsFile {
  readonly terms: TermEntry[];
  /** The result cards' file name, beside the terms file (none in an index built before cards). */
  readonly cards?: string;
  /** Bigrams left out of ranking searches inside a phrase (commonBigrams). */
  readonly common?: string[];
  /** Records in the index (idf). */
  readonly records?: number;
  /** Groups of folded spellings meaning the same (src/search/build/lexicon.ts): Opsbook's lexicon less what the site switched off. */
  readonly lexicon?: string[][];
}

export class SearchEngine {
  readonly #pagefind: PagefindApi;
  readonly terms: readonly TermEntry[];
  readonly #data = new Map<string, Promise<HitData>>();
  readonly #base: string;
  readonly #cardsUrl: string | undefined;
  readonly #common: ReadonlySet<string>;
  readonly #records: number;
  readonly #lexicon: Lexicon;
  #cards: Map<string, Card> | undefined;
  /** Record ids by name key (titles; a term's every spelling), from the cards. */
  #named: Map<string, string[]> | undefined;
  #cardsLoading: Promise<Map<string, Card> | undefined> | undefined;

  private constructor(pagefind: PagefindApi, file: TermsFile, base: string, cardsUrl: string | undefined) {
    this.#pagefind = pagefind;
    this.terms = file.terms.map((t) => ({ ...t, url: joinPath(base, t.url) }));
    this.#common = new Set(Array.isArray(file.common) ? file.common : []);
    this.#records = typeof file.records === 'number' ? file.records : 0;
    // The glossary's spellings join the lexicon: a term and its aliases mean the same.
    const glossary = this.terms.map((t) => t.spellings.map(lexiconKey).filter(Boolean));
    this.#lexicon = new Lexicon([...(Array.isArray(file.lexicon) ? file.lexicon : []), ...glossary]);
    this.#base = base;
    this.#cardsUrl = cardsUrl;
  }

  /** Loads Pagefind and the glossary's spellings from `bundle` (…/pagefind/); result URLs start with `base`. */
  static async load(bundle: string, base: string): Promise<SearchEngine> {
    const [pagefind, terms] = await Promise.all([
      import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<PagefindApi>,
      fetch(`${bundle}opsbook-terms.json`).then((r): Promise<TermsFile> | TermsFile => (r.ok ? r.json() : { terms: [] })),
    ]);
    // The index is already tokenised: Pagefind's excerpts are not shown (ours come from the text as written).
    await pagefind.options({ baseUrl: base, excerptLength: 0, noWorker: true, ranking: { pageLength: 0.5 } });
    // Pagefind takes the query's language from <html lang> when it starts, and for zh/ja/th it cuts the
    // query with Intl.Segmenter. Opsbook's queries arrive already cut (bigrams, quoted phrases, name keys):
    // start Pagefind as the language the index was built in, so it leaves them whole.
    const html = document.documentElement;
    const lang = html.getAttribute('lang');
    html.setAttribute('lang', INDEX_LANGUAGE);
    const started = pagefind.init(); // reads the language synchronously
    if (lang === null) html.removeAttribute('lang');
    else html.setAttribute('lang', lang);
    await started;
    const cards = typeof terms.cards === 'string' && /^[\w.-]+$/.test(terms.cards) ? `${bundle}${terms.cards}` : undefined;
    return new SearchEngine(pagefind, terms, base, cards);
  }

  /** The result cards, fetched once (a failed fetch is tried again next time); undefined when the index has none. */
  cards(): Promise<Map<string, Card> | undefined> {
    if (!this.#cardsUrl) return Promise.resolve(undefined);
    this.#cardsLoading ??= fetch(this.#cardsUrl)
      .then((r) => {
        if (!r.ok) throw new Error(`${r.status} fetching ${this.#cardsUrl}`);
        return r.json() as Promise<CardsFile>;
      })
      .then((file) => {
        const cards = unpackCards(file);
        this.#named = this.#nameIndex(cards);
        return (this.#cards = cards);
      })
      .catch((error: unknown) => {
        this.#cardsLoading = undefined;
        console.warn('Search: result cards unavailable, results are read one by one', error);
        return undefined;
      });
    return this.#cardsLoading;
  }

  /** Every record's name keys: its title's, its id's, its title's pinyin and initials; for a glossary entry each spelling's. */
  #nameIndex(cards: ReadonlyMap<string, Card>): Map<string, string[]> {
    const terms = new Map(this.terms.map((t) => [t.url, t]));
    const index = new Map<string, string[]>();
    for (const [id, card] of cards) {
      const term = card.meta.kind === 'term' ? terms.get(joinPath(this.#base, card.url)) : undefined;
      const names = term
        ? [...term.spellings, ...(term.keys ?? [])]
        : [card.meta.title ?? '', idOfUrl(card.url), ...pinyinKeys(card.pinyin ? [card.pinyin.split(' ')] : [])];
      for (const key of new Set(names.map(nameKey))) if (key) (index.get(key) ?? index.set(key, []).get(key)!).push(id);
    }
    return index;
  }

  /** The records named exactly by the query or by a term it names, that the filters let through (needs the cards). */
  #namedIds(query: string, named: readonly TermEntry[], filters: Filters): string[] | undefined {
    const cards = this.#cards;
    const index = this.#named;
    if (!cards || !index) return undefined;
    const keys = unique([nameKey(query), ...named.map((t) => nameKey(t.term))].filter(Boolean));
    const passes = (card: Card) => FILTERS.every((f) => !filters[f]?.length || filters[f]!.some((v) => card.filters[f]?.includes(v)));
    return unique(keys.flatMap((k) => index.get(k) ?? [])).filter((id) => passes(cards.get(id)!));
  }

  /** A result: its summary from the cards when they are in, its data (its fragment file) fetched on first use only, once. */
  #hit(result: PagefindResult, exact: boolean): Hit {
    return new ResultHit(result, exact, this.#shown);
  }

  /** What results show, for ResultHit: from the cards, or each result's fragment once. */
  readonly #shown: HitSource = {
    card: (id) => {
      const card = this.#cards?.get(id);
      return card && toSummary({ ...card, url: joinPath(this.#base, card.url) });
    },
    data: (result) => {
      let loaded = this.#data.get(result.id);
      if (!loaded) {
        loaded = result.data().then(toData);
        this.#data.set(result.id, loaded);
      }
      return loaded;
    },
  };

  async search(query: string, filters: Filters = {}): Promise<Outcome> {
    try {
      return await this.#search(query, filters);
    } finally {
      if (!this.#cardsLoading && this.#cardsUrl) whenIdle(() => void this.cards());
    }
  }

  async #search(query: string, filters: Filters): Promise<Outcome> {
    const plan = planQuery(query, this.#common, this.#lexicon);
    const pf = this.#pagefind;
    const options = { filters: pagefindFilters(filters) };
    const filtered = Object.keys(options.filters).length > 0;
    if (!plan.main) {
      // No words: with filters, everything they select (browsing); without, nothing.
      const all = filtered ? await pf.search(null, options) : { results: [], filters: {} };
      const hits = all.results.map((r) => this.#hit(r, false));
      return { query, filters, plan, hits, named: [], marks: [], counts: async () => all.filters };
    }
    const named = namedTerms(query, this.terms);
    // A word naming a glossary term (COD in "COD怎么确认") is also held by a page using the term in any spelling.
    const termsOf = (w: QueryWord) => namedTerms(w.text, this.terms).filter((t) => t.spellings.some((s) => nameKey(s) === nameKey(w.text)));
    const wordTerms = plan.words.map(termsOf);
    const useTerms = unique([...named, ...wordTerms.flat()].map((t) => t.term));
    const nameTokens = unique([plan.nameToken, ...named.map((t) => nameToken(t.term))].filter((t): t is string => Boolean(t)));
    const byName = () => Promise.all(nameTokens.map((token) => pf.search(`"${token}"`, options)));
    // With the cards in, the named entries are known without a search (their key's index chunk is not fetched).
    const namedIds = this.#namedIds(query, named, filters);
    // A query naming a term in another spelling (PPC, "Taobao ads") also lists the pages holding the term as written.
    const termPlans = named.map((t) => planQuery(t.term, this.#common, this.#lexicon)).filter((p) => p.main && p.main !== plan.main);
    const asked = listAsked(plan.parts.map((p) => p.text).join(' '));
    // What is listed, as words with their other spellings (流程 → sop): an overview titled so answers the list.
    const listedWords = asked.things.map((w) => planQuery(w, this.#common, this.#lexicon).words[0]).filter((w): w is QueryWord => Boolean(w));
    // The words' own tokens (and their cores') as title tokens: pages whose title holds the query come first.
    // Other spellings' are searched only when the words as typed find little (below): each may cost a chunk.
    // A question asking for a list reads the other spellings' titles at once: the lists are named in the
    // handbook's words (每日 SOP for 每天要做哪些流程).
    const otherSpellings = (w: QueryWord) => (w.alternatives ?? []).flatMap((a) => a.tokens);
    const ownTitleTokens = unique(
      [...plan.words, ...listedWords].flatMap((w) => [...w.tokens, ...(w.core ?? []), ...(asked.things.length ? otherSpellings(w) : [])]),
    ).map(titleToken);
    const allWords = (p: QueryPlan) => unique(p.words.flatMap((w) => w.tokens)).join(' ');

    // Every result seen, for the named entries below.
    const found = new Map<string, PagefindResult>();
    const seenAll = (rs: readonly PagefindResult[]) => {
      for (const r of rs) if (!found.has(r.id)) found.set(r.id, r);
      return rs;
    };
    // The list, tier after tier. The searches all read the index chunks of the query's tokens, which
    // Pagefind loads once: a relaxed tier costs time (scoring), never a request; so a tier is only
    // searched while the list is shorter than a page of results.
    const listed: PagefindResult[] = [];
    const ids = new Set<string>();
    const list = (rs: readonly PagefindResult[]) => {
      for (const r of rs) {
        if (ids.has(r.id)) continue;
        ids.add(r.id);
        listed.push(r);
      }
    };
    // The same search asked twice in one query (a token in the title tier and the relaxed tier) runs once.
    const searched = new Map<string, Promise<PagefindResponse>>();
    const search = (q: string) => {
      let response = searched.get(q);
      if (!response) searched.set(q, (response = pf.search(q, options)));
      return response;
    };

    // Title tokens: a quoted search says which titles hold one (unquoted, Pagefind would read a title token
    // found nowhere as a shorter word: 急着題 as 急着); where several do, the unquoted search scores them,
    // higher for a shorter title (titleSpecificity in records.ts).
    const byTitleToken = new Map<string, ReadonlyMap<string, PagefindResult>>();
    const titleScore = new Map<string, number>();
    /** The glossary entries among the title holders. */
    const glossaryEntries = new Set<string>();
    const searchTitles = async (tokens: readonly string[]) => {
      const fresh = tokens.filter((t) => !byTitleToken.has(t));
      const holders = await Promise.all(fresh.map((t) => search(`"${t}"`)));
      const [scored, terms] = await Promise.all([
        Promise.all(fresh.map((t, i) => (holders[i]!.results.length > 1 ? search(t) : undefined))),
        Promise.all(fresh.map((t, i) => (holders[i]!.results.length ? search(`"${t}${TERM_TITLE_MARK}"`) : undefined))),
      ]);
      fresh.forEach((t, i) => {
        const held = new Map(seenAll(holders[i]!.results).map((r) => [r.id, r] as const));
        byTitleToken.set(t, held);
        for (const r of scored[i]?.results ?? []) if (held.has(r.id)) titleScore.set(r.id, (titleScore.get(r.id) ?? 0) + r.score);
        for (const r of terms[i]?.results ?? []) glossaryEntries.add(r.id);
      });
    };
    const byTitle = (a: string, b: string) => (titleScore.get(b) ?? 0) - (titleScore.get(a) ?? 0);

    // The searches every query makes, at once: the named entries, the exact phrase(s) and what ranks them,
    // the terms' uses, the title tokens, and the overview pages for a question asking for a list.
    const [searchedByName, phraseResults, ranker, useResults, termResults, , overviews, collections] = await Promise.all([
      namedIds ? undefined : byName(),
      Promise.all(plan.phrases.map((p) => pf.search(p, options))),
      plan.ranker ? pf.search(plan.ranker, options) : undefined,
      Promise.all(useTerms.map((term) => pf.search(`"${termUseToken(term)}"`, options))),
      Promise.all(termPlans.map((p) => pf.search(allWords(p), options))),
      searchTitles(ownTitleTokens),
      asked.things.length ? search(`"${OVERVIEW_TOKEN}"`) : undefined,
      asked.things.length ? search(`"${COLLECTION_TOKEN}"`) : undefined,
    ]);
    // What the query is about: its words found in titles, the lexicon or the glossary (not 急着, 弄快点).
    const topical = (w: QueryWord) => isMonthWord(w) || Boolean(w.alternatives?.length) || this.#lexicon.has(w.text) || inSomeTitle(w, byTitleToken);
    const topicalWords = plan.words.some(topical) ? plan.words.filter(topical) : plan.words;
    const titleTier = () =>
      [...titleHolding(topicalWords, byTitleToken)]
        .filter(([, held]) => held.all)
        .sort(([a, x], [b, y]) => y.share - x.share || byTitle(a, b))
        .map(([id]) => found.get(id)!);

    // 0. A question asking for a list (有哪些流程, 一共几个部门): the overview of the whole collection first when
    //    it asks for all of it (所有岗位 → 全部岗位), the overview pages whose titles hold its topical words
    //    (每天要做哪些事 → 每日 SOP), then the whole collection's overview.
    if (overviews?.results.length) {
      const wholes = new Set(collections?.results.map((r) => r.id));
      const collectionOf = () =>
        listedWords.flatMap((w) => [...titleHolding([w], byTitleToken).keys()].filter((id) => wholes.has(id)).map((id) => found.get(id)!));
      if (asked.whole) list(collectionOf());
      const pages = new Set(overviews.results.map((r) => r.id));
      list(
        [...titleHolding(topicalWords, byTitleToken)]
          .filter(([id, h]) => pages.has(id) && h.share > 0)
          .sort(([a, x], [b, y]) => y.share - x.share || byTitle(a, b))
          .map(([id]) => found.get(id)!),
      );
      list(collectionOf());
    }
    const listIntentCount = listed.length;
    // 1. Pages whose title (or name) holds every topical word of the query.
    list(titleTier());
    // 2. The exact phrase(s), ranked by their rarer bigrams (a phrase search scores every page alike).
    const phraseSets = phraseResults.map((r) => new Set(seenAll(r.results).map((x) => x.id)));
    if (ranker) list(seenAll(ranker.results).filter((r) => phraseSets.every((s) => s.has(r.id))));
    // 3. Every word, in any order.
    if (listed.length < RELAX_BELOW) {
      const words = allWords(plan);
      list(ranker && words === plan.ranker ? ranker.results : seenAll((await search(words)).results));
    }
    // A term named in another spelling: the pages holding it as written.
    for (const r of termResults) list(seenAll(r.results));

    // 4. Still short of a page of results: the words' other spellings too (退钱 → 退款): titles holding them,
    //    then most words, each searched alone, ranked by how much of the query's weight (idf) a page holds.
    //    Words in a quarter of the records or more (see commonBigrams) weigh almost nothing and are slow to
    //    score: searched only when nothing else is found.
    let marks = plan.marks.map((m) => m.text);
    const useMap = (term: string) => new Map(seenAll(useResults[useTerms.indexOf(term)]?.results ?? []).map((r) => [r.id, r] as const));
    // A word the segmenter's single character was joined to may have been joined the wrong way (开发+票 for
    // 开+发票 in 怎么开发票): here its bigrams count as words of their own, the rarer weighing more.
    const loose = unique(plan.words.flatMap((w) => (w.core && !termsOf(w).length ? w.tokens : [w.text])));
    const looseWords = loose.map((text) => plan.words.find((w) => w.text === text) ?? { kind: 'cjk' as const, text, tokens: [text] });
    const spelledOtherwise = plan.words.some((w) => w.alternatives?.length);
    if (listed.length < RELAX_BELOW && (looseWords.length > 1 || !listed.length || spelledOtherwise)) {
      if (spelledOtherwise) {
        await searchTitles(unique(plan.words.flatMap(otherSpellings)).map(titleToken));
        list(titleTier());
      }
      const common = (w: QueryWord) => w.kind === 'cjk' && w.tokens.every((t) => this.#common.has(t));
      const titleOrder = new Map([...titleScore].sort(([a], [b]) => byTitle(a, b)).map(([id], i) => [id, i] as const));
      const relaxed = async (words: readonly QueryWord[]) => {
        const tokens = unique(words.flatMap((w) => [...w.tokens, ...(w.core ?? []), ...(w.alternatives ?? []).flatMap((a) => a.tokens)]));
        const results = await Promise.all(tokens.map(search));
        return rankPages<PagefindResult>({
          words,
          wordTerms: words.map((w) => termsOf(w).map((t) => t.term)),
          byToken: new Map(tokens.map((t, i) => [t, new Map(seenAll(results[i]!.results).map((r) => [r.id, r] as const))] as const)),
          byTerm: new Map(useTerms.map((t) => [t, useMap(t)] as const)),
          phrases: [],
          records: this.#records,
          byTitleToken,
          topical,
          titleOrder,
        });
      };
      const rare = looseWords.filter((w) => !common(w));
      let ranking = rare.length ? await relaxed(rare) : undefined;
      if (!ranking?.ranked.length && !listed.length) ranking = await relaxed(looseWords);
      if (ranking) {
        list(ranking.ranked);
        // Next to nothing found: the pages holding less of the query, so a question is not left with no answer.
        if (listed.length < FEW) list(ranking.lesser.slice(0, FEW));
        marks = unique([...marks, ...ranking.marks]);
      }
    }
    // Whatever tier found them, pages whose title holds at least half the topical words go before those
    // whose title holds fewer (产品开发 for 产品开发平时做什么工作), keeping the tiers' order otherwise; not for a
    // query naming a glossary term (Taobao ads): the handbook's own word says what it is about.
    const titled = titleHolding(topicalWords, byTitleToken);
    const leading = !named.length && listIntentCount < listed.length ? listed.slice(listIntentCount) : [];
    // A question asking how (中差评怎么回复) wants a procedure: a glossary entry moves only when its title holds
    // the whole query; asking what (鑽展跟直通車有什麼不同) it moves like any page.
    const asksHow = plan.dropped.some((w) => HOW_WORDS.has(w));
    const titleHalf = (r: PagefindResult) => (titled.get(r.id)?.share ?? 0) >= (asksHow && glossaryEntries.has(r.id) ? 1 : 0.5);
    listed.splice(listIntentCount, leading.length, ...leading.filter(titleHalf), ...leading.filter((r) => !titleHalf(r)));
    // Then the pages using a term the whole query names (PPC → every page about 直通车), best first.
    list(named.flatMap((t) => [...useMap(t.term).values()]).sort((a, b) => b.score - a.score));

    let exact = searchedByName?.flatMap((response) => response.results);
    if (namedIds) {
      // A named entry holds the query's words, so its result is among these; if not, ask by key.
      const named = namedIds.map((id) => found.get(id)).filter((r): r is PagefindResult => Boolean(r));
      exact = named.length === namedIds.length ? named : (await byName()).flatMap((response) => response.results);
    }
    const hits: Hit[] = [];
    const seen = new Set<string>();
    for (const r of exact ?? []) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      hits.push(this.#hit(r, true));
    }
    // Entries named exactly: an SOP before a role, a department, a plan, a glossary entry of the same name.
    if (hits.length > 1) {
      const kinds = await Promise.all(hits.map(async (h) => EXACT_ORDER.indexOf((await h.summary()).kind)));
      const order = new Map(hits.map((h, i) => [h, kinds[i]!]));
      hits.sort((a, b) => order.get(a)! - order.get(b)!);
    }
    for (const r of listed) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      hits.push(this.#hit(r, false));
    }
    // A word typed in pinyin marks the characters it spells in the titles shown (from the cards, once in).
    const latin = plan.words.filter((w) => w.kind === 'word').map((w) => w.text);
    const spelt =
      !latin.length || !this.#cards
        ? []
        : hits.slice(0, 20).flatMap((h) => {
            const card = this.#cards!.get(h.id);
            return card?.pinyin ? latin.flatMap((w) => pinyinSpans(w, card.meta.title ?? '', card.pinyin!.split(' '))) : [];
          });
    const allMarks = unique([...marks, ...named.map((t) => t.term), ...wordTerms.flat().map((t) => t.term), ...spelt].map(fold)).map(toPart);
    return { query, filters, plan, hits, named, marks: allMarks, counts: () => this.#count(hits) };
  }

  /** Facet counts of these results: from the cards (one request at most, not one per result). */
  async #count(hits: readonly Hit[]): Promise<Counts> {
    if (hits.length > 8) await this.cards();
    const out: Counts = {};
    for (const data of await Promise.all(hits.map((h) => h.summary()))) {
      for (const name of FILTERS) {
        for (const value of data.filters[name] ?? []) {
          const counts = (out[name] ??= {});
          counts[value] = (counts[value] ?? 0) + 1;
        }
      }
    }
    return out;
  }

  /** Every filter value with its number of records. */
  allFilters(): Promise<Counts> {
    return this.#pagefind.filters();
  }

  /** The titles closest to a query that found nothing (shared characters or pinyin), from the cards; none without them. */
  async closest(query: string, count = 6): Promise<HitSummary[]> {
    const cards = await this.cards();
    if (!cards) return [];
    const titled = [...cards.values()].map((card) => ({ title: card.meta.title ?? '', pinyin: card.pinyin, card }));
    return closestTitles(query, titled, count).map(({ card }) => toSummary({ ...card, url: joinPath(this.#base, card.url) }));
  }

  /** Every record in the index, as its results show it (for tests and scripts). */
  async everything(): Promise<HitData[]> {
    const all = await this.#pagefind.search(null);
    return Promise.all(all.results.map((r) => this.#hit(r, false).data()));
  }

  /** The URL of every result of a query, in order (for tests and scripts). */
  async urls(query: string, filters: Filters = {}): Promise<string[]> {
    const { hits } = await this.search(query, filters);
    return Promise.all(hits.map(async (h) => (await h.data()).url));
  }
}

interface HitSource {
  card(id: string): HitSummary | undefined;
  data(result: PagefindResult): Promise<HitData>;
}

/** A result (a class, not closures: a common word has thousands). */
class ResultHit implements Hit {
  readonly id: string;
  readonly score: number;
  readonly exact: boolean;
  readonly #result: PagefindResult;
  readonly #source: HitSource;

  constructor(result: PagefindResult, exact: boolean, source: HitSource) {
    this.id = result.id;
    this.score = result.score;
    this.exact = exact;
    this.#result = result;
    this.#source = source;
  }

  summary(): Promise<HitSummary> {
    const card = this.#source.card(this.id);
    return card ? Promise.resolve(card) : this.data();
  }

  data(): Promise<HitData> {
    return this.#source.data(this.#result);
  }
}

/** The id in a page's address (/sops/ztc-daily/ → ztc-daily); none for a glossary entry. */
function idOfUrl(url: string): string {
  if (url.includes('#')) return '';
  return decodeURIComponent(url.split('/').filter(Boolean).pop() ?? '');
}

function joinPath(base: string, path: string): string {
  return (base.endsWith('/') ? base : `${base}/`) + path.replace(/^\/+/, '');
}

declare global {
  interface Window {
    /** The loaded search engine, for scripts and tests (set once search has been opened). */
    opsbookSearch?: SearchEngine;
  }
}

let loading: Promise<SearchEngine> | undefined;

/** The page's engine, loaded once. */
export function loadEngine(bundle: string, base: string): Promise<SearchEngine> {
  loading ??= SearchEngine.load(bundle, base).then((engine) => {
    window.opsbookSearch = engine;
    return engine;
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
