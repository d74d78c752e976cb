/**
 * The search engine in the browser: Pagefind's JS API over Opsbook's index
 * (src/search/build/build-index.ts), with the query cut the way the index was cut
 * (src/search/shared/text.ts). Loaded only when search is first opened.
 *
 * One query is a few Pagefind searches over the same index chunks:
 * - the query's tokens (bigrams and words), AND: ranks the results;
 * - each Chinese run of 3+ characters as an exact phrase of its bigrams:
 *   keeps only pages holding the run contiguously;
 * - the query as an exact name (an SOP title, a term or an alias): that entry first;
 * - for a query naming a glossary term (直通車, PPC, "Taobao ads"): the term's
 *   entry first, then every page that uses the term in any spelling.
 *
 * What a result shows comes from the result cards (src/search/shared/cards.ts),
 * fetched once in the background after the first query; until they are in,
 * and for the excerpt's text always, from the result's Pagefind fragment.
 * With the cards in, the entries a query names exactly are found from their
 * titles and spellings there, instead of by a Pagefind search for the name's key.
 */
import { nameKey, nameToken, planQuery, termUseToken, type QueryPlan } from '../shared/text.ts';
import { namedTerms, suggestTerms, type TermEntry } from '../shared/aliases.ts';
import { FILTERS, type FilterName, type RecordKind } from '../shared/records.ts';
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
  search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindResponse>;
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
const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 500 }) : setTimeout(run, 0);

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

/** The language Opsbook's index is built as (PAGEFIND_CONFIG.forceLanguage in src/search/build/build-index.ts). */
const INDEX_LANGUAGE = 'en';

/** The order of results whose name is the query. */
const EXACT_ORDER: readonly RecordKind[] = ['sop', 'role', 'department', 'plan', 'term'];

interface TermsFile {
  readonly terms: TermEntry[];
  /** The result cards' file name, beside the terms file (none in an index built before cards). */
  readonly cards?: string;
  /** Bigrams left out of ranking searches inside a phrase (commonBigrams). */
  readonly common?: string[];
}

export class SearchEngine {
  readonly #pagefind: PagefindApi;
  readonly terms: readonly TermEntry[];
  readonly #data = new Map<string, Promise<HitData>>();
  readonly #base: string;
  readonly #cardsUrl: string | undefined;
  readonly #common: ReadonlySet<string>;
  #cards: Map<string, Card> | undefined;
  /** Record ids by name key (titles; a term's every spelling), from the cards. */
  #named: Map<string, string[]> | undefined;
  #cardsLoading: Promise<Map<string, Card> | undefined> | undefined;

  private constructor(pagefind: PagefindApi, file: TermsFile, base: string, cardsUrl: string | undefined) {
    this.#pagefind = pagefind;
    this.terms = file.terms.map((t) => ({ ...t, url: joinPath(base, t.url) }));
    this.#common = new Set(Array.isArray(file.common) ? file.common : []);
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

  /** Every record's name keys: its title's, and for a glossary entry each spelling's. */
  #nameIndex(cards: ReadonlyMap<string, Card>): Map<string, string[]> {
    const spellings = new Map(this.terms.map((t) => [t.url, t.spellings]));
    const index = new Map<string, string[]>();
    for (const [id, card] of cards) {
      const names = (card.meta.kind === 'term' && spellings.get(joinPath(this.#base, card.url))) || [card.meta.title ?? ''];
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
    const plan = planQuery(query, this.#common);
    const pf = this.#pagefind;
    const options = { filters: pagefindFilters(filters) };
    const filtered = Object.keys(options.filters).length > 0;
    if (!plan.main) {
      // No words: with filters, everything they select (browsing); without, nothing.
      const all = filtered ? await pf.search(null, options) : { results: [], filters: {} };
      const hits = all.results.map((r) => this.#hit(r, false));
      return { query, filters, plan, hits, named: [], counts: async () => all.filters };
    }
    const named = namedTerms(query, this.terms);
    const nameTokens = unique([plan.nameToken, ...named.map((t) => nameToken(t.term))].filter((t): t is string => Boolean(t)));
    const byName = () => Promise.all(nameTokens.map((token) => pf.search(`"${token}"`, options)));
    // With the cards in, the named entries are known without a search (their key's index chunk is not fetched).
    const namedIds = this.#namedIds(query, named, filters);
    // The query's own matches; for a named term also the term's own matches (ranked alike), then the pages
    // that use it under another spelling only.
    const plans = [plan, ...named.map((t) => planQuery(t.term, this.#common)).filter((p) => p.main && p.main !== plan.main)];
    const [searchedByName, literals, uses] = await Promise.all([
      namedIds ? undefined : byName(),
      Promise.all(plans.map((p) => this.#literal(p, options))),
      Promise.all(named.map((t) => pf.search(`"${termUseToken(t.term)}"`, options))),
    ]);
    let exact = searchedByName?.flatMap((response) => response.results);
    if (namedIds) {
      // A named entry holds the query's words, so its result is among these; if not (it should not happen), ask by key.
      const found = new Map([...literals, ...uses].flatMap((l) => l.results).filter((r) => namedIds.includes(r.id)).map((r) => [r.id, r]));
      exact = found.size === namedIds.length ? namedIds.map((id) => found.get(id)!) : (await byName()).flatMap((response) => response.results);
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
    const ranked = (sources: readonly { results: readonly PagefindResult[] }[]) => {
      // One search's results come sorted by score already; several are merged, each page at its best score.
      let sorted: readonly PagefindResult[];
      if (sources.length === 1) sorted = sources[0]!.results;
      else {
        const best = new Map<string, PagefindResult>();
        for (const { results } of sources) for (const r of results) if ((best.get(r.id)?.score ?? -1) < r.score) best.set(r.id, r);
        sorted = [...best.values()].sort((a, b) => b.score - a.score);
      }
      for (const r of sorted) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        hits.push(this.#hit(r, false));
      }
    };
    ranked(literals);
    ranked(uses);

    // Facet counts: Pagefind's own when one search gave exactly these results, else counted from the results.
    const sources = [...literals, ...uses];
    const same = sources.find((s) => s.filters && s.results.length === hits.length && s.results.every((r) => seen.has(r.id)));
    const counts = async (): Promise<Counts> => same?.filters ?? this.#count(hits);
    return { query, filters, plan, hits, named, counts };
  }

  /** A plan's literal matches: Pagefind's AND over its tokens, less the pages lacking one of its phrases. */
  async #literal(plan: QueryPlan, options: { filters: Record<string, unknown> }): Promise<{ results: PagefindResult[]; filters?: Counts }> {
    const pf = this.#pagefind;
    const [main, ...phrases] = await Promise.all([pf.search(plan.main, options), ...plan.phrases.map((p) => pf.search(p, options))]);
    if (!phrases.length) return main!;
    // With a single phrase as the whole query, the phrase search holds exactly the results, counts included.
    if (phrases.length === 1 && plan.parts.length === 1) {
      const ids = new Set(phrases[0]!.results.map((r) => r.id));
      return { results: main!.results.filter((r) => ids.has(r.id)), filters: phrases[0]!.filters };
    }
    const sets = phrases.map((r) => new Set(r.results.map((x) => x.id)));
    const results = main!.results.filter((r) => sets.every((s) => s.has(r.id)));
    return { results, filters: results.length === main!.results.length ? main!.filters : undefined };
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

  /** Glossary terms to offer when nothing was found. */
  suggest(query: string, count?: number): TermEntry[] {
    return suggestTerms(query, this.terms, count);
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
