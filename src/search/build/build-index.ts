/**
 * Builds the search index with Pagefind's Node API while the site is built: one
 * record per department, role, SOP and plan page (text read from the built
 * page as it is rendered) and per glossary term, each added as tokenised HTML (see
 * src/search/shared/records.ts). Writes <site>/pagefind/ (Pagefind's bundle)
 * and, for the UI, <site>/pagefind/opsbook-terms.json: the glossary's spellings, the
 * name of the result cards file (src/search/build/read-cards.ts) and the bigrams common
 * enough to leave out of ranking searches (commonBigrams in src/search/shared/text.ts).
 *
 * The index is built as one language without segmentation (forceLanguage
 * 'en'): Chinese is already cut into bigrams here, the same way the browser
 * cuts the query (src/search/shared/text.ts), so Pagefind's own Chinese
 * segmentation (ICU4X in pagefind_extended at index time, Intl.Segmenter in
 * the browser) never has to agree with itself.
 */
import { existsSync } from 'node:fs';
import type * as PagefindModule from 'pagefind';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Handbook } from '../../domain/handbook.ts';
import { decodedPath, linker, routes } from '../../domain/urls.ts';
import { facetLabel, facetTitle } from '../../components/sops/facet-label.ts';
import { termMatcher, type TermMatcher } from '../../domain/glossary/term-links.ts';
import { commonBigrams, fold } from '../shared/text.ts';
import {
  RECORD_KINDS,
  indexedTokens,
  pageRecords,
  overviewRecords,
  recordHtml,
  REVIEW_PATH,
  reviewRecord,
  type OverviewTitles,
  termEntries,
  termRecords,
  termUses,
  listExcerpt,
  type PageRecord,
  type RecordLabels,
  type SearchRecord,
} from '../shared/records.ts';
import { useTranslations } from '../../i18n/index.ts';
import { extractPage } from './extract.ts';
import { writeCards } from './read-cards.ts';
import { nameSyllables } from './pinyin.ts';
import { lexiconGroups, readLexicon } from './lexicon.ts';

/** The file beside Pagefind's bundle with the glossary's spellings. */
export const TERMS_FILE = 'opsbook-terms.json';

/** The Pagefind options Opsbook indexes with (one language, no segmentation: tokens come ready). */
export const PAGEFIND_CONFIG = { forceLanguage: 'en', writePlayground: false } as const;

/** The overview pages' names (overviewRecords) from the site's dictionary: the title as the page and the menu say it. */
function overviewTitles(handbook: Handbook): OverviewTitles {
  const t = useTranslations(handbook.site.locale);
  const links = linker(handbook, '/');
  return {
    start: [t('nav.start'), t('start.title')],
    rhythm: [t('nav.rhythm')],
    org: [t('nav.org'), t('org.title')],
    roles: [t('index.roles'), t('nav.roles')],
    departments: [t('index.departments'), t('nav.departments')],
    sops: [t('index.sops'), t('nav.sops')],
    plans: [t('index.plans'), t('nav.plans')],
    facet: (facet, value) => [facetTitle(facet, value, links, t), `${facetLabel(facet, value, links, t)} ${t('nav.sops')}`],
  };
}

export function recordLabels(locale: Handbook['site']['locale']): RecordLabels {
  const t = useTranslations(locale);
  return {
    kind: Object.fromEntries(RECORD_KINDS.map((k) => [k, t(`type.${k}`)])) as RecordLabels['kind'],
    planFigures: [t('plan.revenue'), t('plan.marketing')],
    frequency: (f) => t(`frequency.${f}`),
  };
}

export interface IndexSummary {
  readonly records: number;
  readonly byKind: Record<string, number>;
}

type Pagefind = typeof PagefindModule;
type PagefindIndex = NonNullable<Awaited<ReturnType<Pagefind['createIndex']>>['index']>;

/**
 * The search index, built while Astro renders: each built page is handed to `addPage` as it is written
 * (src/integrations/built-pages.ts), its text read from that HTML and sent to Pagefind at once. Pagefind
 * indexes in its own process, so it works on the second core while this one renders the next pages;
 * `finish` adds the glossary terms and any page not handed over (read from disk) and writes the bundle.
 */
export class SearchIndexer {
  private readonly labels: RecordLabels;
  private readonly matcher: TermMatcher;
  /** The records whose page has not been seen yet, by URL path without the site's base. */
  private readonly waiting = new Map<string, PageRecord>();
  private readonly pending: Promise<void>[] = [];
  /** How many records hold each token: the common bigrams are left out of ranking searches (planQuery). */
  private readonly recordsHolding = new Map<string, number>();
  private readonly byKind: Record<string, number> = {};
  private records = 0;
  private readonly handbook: Handbook;
  private readonly pagefind: Pagefind;
  private readonly index: PagefindIndex;

  private constructor(handbook: Handbook, pagefind: Pagefind, index: PagefindIndex) {
    this.handbook = handbook;
    this.pagefind = pagefind;
    this.index = index;
    this.labels = recordLabels(handbook.site.locale);
    // Uses of glossary terms, matched on folded text against folded spellings (either script finds the other).
    this.matcher = termMatcher(handbook.glossary.map((t) => ({ ...t, term: fold(t.term), aliases: t.aliases.map(fold) })));
    for (const record of [...pageRecords(handbook, this.labels, routes('/')), ...overviewRecords(handbook, overviewTitles(handbook), routes('/'))])
      this.waiting.set(decodedPath(record.url), record);
  }

  static async start(handbook: Handbook): Promise<SearchIndexer> {
    const pagefind = await import('pagefind');
    const { index, errors } = await pagefind.createIndex({ ...PAGEFIND_CONFIG });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    return new SearchIndexer(handbook, pagefind, index);
  }

  /** A built page (its URL path without the site's base): indexed when it is a record's page or a 月报. */
  addPage(url: string, html: string): void {
    const key = decodedPath(url);
    const record = this.waiting.get(key);
    if (!record) {
      if (REVIEW_PATH.test(key)) {
        const page = extractPage(html);
        const review = page && reviewRecord(key, page);
        if (review) this.add(review);
      }
      return;
    }
    this.waiting.delete(key);
    const page = extractPage(html);
    if (page) this.add({ ...record, sections: record.namesOnly ? listExcerpt(page.sections) : page.sections });
  }

  private add(record: SearchRecord): void {
    this.records++;
    this.byKind[record.kind] = (this.byKind[record.kind] ?? 0) + 1;
    const content = recordHtml(record, this.labels, termUses(record, this.matcher, fold), nameSyllables);
    for (const token of indexedTokens(content)) this.recordsHolding.set(token, (this.recordsHolding.get(token) ?? 0) + 1);
    const added = this.index.addHTMLFile({ url: record.url, content }).then((result) => {
      if (result.errors.length) throw new Error(`Pagefind could not index ${record.url}: ${result.errors.join('; ')}`);
    });
    added.catch(() => undefined); // awaited in finish(); not an unhandled rejection meanwhile
    this.pending.push(added);
  }

  /** Indexes what is left (pages not handed over, read from <site>; the glossary terms) and writes <site>/pagefind/. */
  async finish(site: string): Promise<IndexSummary> {
    try {
      for (const [key, record] of this.waiting) {
        const file = path.join(site, key, 'index.html');
        if (!existsSync(file)) throw new Error(`Search index: ${record.url} was not built (${file} is missing).`);
        const page = extractPage(await readFile(file, 'utf8'));
        if (page) this.add({ ...record, sections: record.namesOnly ? listExcerpt(page.sections) : page.sections });
      }
      this.waiting.clear();
      for (const term of termRecords(this.handbook, routes('/'), useTranslations(this.handbook.site.locale)('list.separator'))) this.add(term);
      await Promise.all(this.pending);
      const output = path.join(site, 'pagefind');
      await rm(output, { recursive: true, force: true });
      const written = await this.index.writeFiles({ outputPath: output });
      if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
      const cards = await writeCards(output);
      const common = commonBigrams(this.recordsHolding, this.records);
      await writeFile(
        path.join(output, TERMS_FILE),
        JSON.stringify({
          terms: termEntries(this.handbook, routes('/'), nameSyllables),
          cards: cards.file,
          common,
          records: this.records,
          lexicon: lexiconGroups(readLexicon(), { enabled: this.handbook.site.search.lexicon, off: this.handbook.site.search.lexiconOff }),
        }),
      );
      return { records: this.records, byKind: { ...this.byKind } };
    } finally {
      await this.close();
    }
  }

  /** Stops Pagefind's process (finish does; a failed build calls it). */
  async close(): Promise<void> {
    await this.pagefind.close();
  }
}
