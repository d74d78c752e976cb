/**
 * The search engine in the browser: Pagefind's JS API over Opsbook's index
 * (src/search/build-index.ts), with the query cut the way the index was cut
 * (src/model/search-text.ts). Loaded only when search is first opened.
 *
 * One query is a few Pagefind searches over the same index chunks:
 * - the query's tokens (bigrams and words), AND: ranks the results;
 * - each Chinese run of 3+ characters as an exact phrase of its bigrams:
 *   keeps only pages holding the run contiguously;
 * - the query as an exact name (an SOP title, a term or an alias): that entry first;
 * - for a query naming a glossary term (直通車, PPC, "Taobao ads"): the term's
 *   entry first, then every page that uses the term in any spelling.
 *
 * What a result shows comes from the result cards (src/model/search-cards.ts),
 * fetched once in the background after the first query; until they are in,
 * and for the excerpt's text always, from the result's Pagefind fragment.
 */
import { nameToken, planQuery, termUseToken, type QueryPlan } from '../../model/search-text.ts';
import { namedTerms, suggestTerms, type TermEntry } from '../../model/search-aliases.ts';
import { FILTERS, type FilterName, type RecordKind } from '../../model/search-records.ts';
import { unpackCards, type Card, type CardsFile } from '../../model/search-cards.ts';

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

/** The language Opsbook's index is built as (PAGEFIND_CONFIG.forceLanguage in src/search/build-index.ts). */
const INDEX_LANGUAGE = 'en';

/** The order of results whose name is the query. */
const EXACT_ORDER: readonly RecordKind[] = ['sop', 'role', 'department', 'plan', 'term'];

interface TermsFile {
  readonly terms: TermEntry[];
  /** The result cards' file name, beside the terms file (none in an index built before cards). */
  readonly cards?: string;
}

export class SearchEngine {
  readonly #pagefind: PagefindApi;
  readonly terms: readonly TermEntry[];
  readonly #data = new Map<string, Promise<HitData>>();
  readonly #base: string;
  readonly #cardsUrl: string | undefined;
  #cards: Map<string, Card> | undefined;
  #cardsLoading: Promise<Map<string, Card> | undefined> | undefined;

  private constructor(pagefind: PagefindApi, terms: readonly TermEntry[], base: string, cardsUrl: string | undefined) {
    this.#pagefind = pagefind;
    this.terms = terms;
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
    return new SearchEngine(pagefind, terms.terms.map((t) => ({ ...t, url: joinPath(base, t.url) })), base, cards);
  }

  /** The result cards, fetched once (a failed fetch is tried again next time); undefined when the index has none. */
  cards(): Promise<Map<string, Card> | undefined> {
    if (!this.#cardsUrl) return Promise.resolve(undefined);
    this.#cardsLoading ??= fetch(this.#cardsUrl)
      .then((r) => {
        if (!r.ok) throw new Error(`${r.status} fetching ${this.#cardsUrl}`);
        return r.json() as Promise<CardsFile>;
      })
      .then((file) => (this.#cards = unpackCards(file)))
      .catch((error: unknown) => {
        this.#cardsLoading = undefined;
        console.warn('Search: result cards unavailable, results are read one by one', error);
        return undefined;
      });
    return this.#cardsLoading;
  }

  /** A result: its summary from the cards when they are in, its data (its fragment file) fetched on first use only, once. */
  #hit(result: PagefindResult, exact: boolean, score = result.score): Hit {
    const data = () => {
      let loaded = this.#data.get(result.id);
      if (!loaded) {
        loaded = result.data().then(toData);
        this.#data.set(result.id, loaded);
      }
      return loaded;
    };
    const summary = async (): Promise<HitSummary> => {
      const card = this.#cards?.get(result.id);
      return card ? toSummary({ ...card, url: joinPath(this.#base, card.url) }) : data();
    };
    return { id: result.id, score, exact, summary, data };
  }

  async search(query: string, filters: Filters = {}): Promise<Outcome> {
    try {
      return await this.#search(query, filters);
    } finally {
      if (!this.#cardsLoading && this.#cardsUrl) whenIdle(() => void this.cards());
    }
  }

  async #search(query: string, filters: Filters): Promise<Outcome> {
    const plan = planQuery(query);
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
    // The query's own matches; for a named term also the term's own matches (ranked alike), then the pages
    // that use it under another spelling only.
    const plans = [plan, ...named.map((t) => planQuery(t.term)).filter((p) => p.main && p.main !== plan.main)];
    const [byName, literals, uses] = await Promise.all([
      Promise.all(nameTokens.map((token) => pf.search(`"${token}"`, options))),
      Promise.all(plans.map((p) => this.#literal(p, options))),
      Promise.all(named.map((t) => pf.search(`"${termUseToken(t.term)}"`, options))),
    ]);

    const hits: Hit[] = [];
    const seen = new Set<string>();
    for (const response of byName) {
      for (const r of response.results) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        hits.push(this.#hit(r, true));
      }
    }
    // Entries named exactly: an SOP before a role, a department, a plan, a glossary entry of the same name.
    if (hits.length > 1) {
      const kinds = await Promise.all(hits.map(async (h) => EXACT_ORDER.indexOf((await h.summary()).kind)));
      const order = new Map(hits.map((h, i) => [h, kinds[i]!]));
      hits.sort((a, b) => order.get(a)! - order.get(b)!);
    }
    const ranked = (results: readonly PagefindResult[]) => {
      const best = new Map<string, PagefindResult>();
      for (const r of results) if (!seen.has(r.id) && (best.get(r.id)?.score ?? -1) < r.score) best.set(r.id, r);
      const sorted = [...best.values()].sort((a, b) => b.score - a.score);
      for (const r of sorted) {
        seen.add(r.id);
        hits.push(this.#hit(r, false));
      }
    };
    ranked(literals.flatMap((l) => l.results));
    ranked(uses.flatMap((u) => u.results));

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
