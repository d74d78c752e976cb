/**
 * Builds the search index of a built site with Pagefind's Node API: one
 * record per department, role, SOP and plan page (text read from the built
 * page) and per glossary term, each added as tokenised HTML (see
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
import { existsSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Handbook } from '../../domain/handbook.ts';
import { routes } from '../../domain/urls.ts';
import { termMatcher } from '../../domain/glossary/term-links.ts';
import { commonBigrams, fold } from '../shared/text.ts';
import {
  RECORD_KINDS,
  indexedTokens,
  pageRecords,
  recordHtml,
  termEntries,
  termRecords,
  termUses,
  type RecordLabels,
  type SearchRecord,
} from '../shared/records.ts';
import { useTranslations } from '../../i18n/index.ts';
import { extractPage } from './extract.ts';
import { writeCards } from './read-cards.ts';
import { nameSyllables } from './pinyin.ts';

/** The file beside Pagefind's bundle with the glossary's spellings. */
export const TERMS_FILE = 'opsbook-terms.json';

/** The Pagefind options Opsbook indexes with (one language, no segmentation: tokens come ready). */
export const PAGEFIND_CONFIG = { forceLanguage: 'en', writePlayground: false } as const;

export function recordLabels(locale: Handbook['site']['locale']): RecordLabels {
  const t = useTranslations(locale);
  const s = useTranslations(locale);
  return {
    kind: Object.fromEntries(RECORD_KINDS.map((k) => [k, s(`type.${k}`)])) as RecordLabels['kind'],
    frequency: (f) => t(`frequency.${f}`),
  };
}

/** Every record of a built site, one at a time: pages (text read from <site>), then glossary terms. */
export function* searchRecords(handbook: Handbook, site: string): Generator<SearchRecord> {
  const labels = recordLabels(handbook.site.locale);
  const r = routes('/');
  for (const record of pageRecords(handbook, labels, r)) {
    const file = path.join(site, decodeURIComponent(record.url), 'index.html');
    if (!existsSync(file)) throw new Error(`Search index: ${record.url} was not built (${file} is missing).`);
    const page = extractPage(readFileSync(file, 'utf8'));
    if (page) yield { ...record, sections: page.sections };
  }
  yield* termRecords(handbook, r, useTranslations(handbook.site.locale)('list.separator'));
}

/** Records handed to Pagefind before the earlier ones are indexed: its process works while this one reads the next pages. */
const IN_FLIGHT = 64;

export interface IndexSummary {
  readonly records: number;
  readonly byKind: Record<string, number>;
}

export async function buildSearchIndex(handbook: Handbook, site: string): Promise<IndexSummary> {
  const pagefind = await import('pagefind');
  const labels = recordLabels(handbook.site.locale);
  // Uses of glossary terms, matched on folded text against folded spellings (either script finds the other).
  const matcher = termMatcher(handbook.glossary.map((t) => ({ ...t, term: fold(t.term), aliases: t.aliases.map(fold) })));
  const output = path.join(site, 'pagefind');
  await rm(output, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ ...PAGEFIND_CONFIG });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const byKind: Record<string, number> = {};
  let records = 0;
  // How many records hold each token: the common bigrams are left out of ranking searches (planQuery).
  const recordsHolding = new Map<string, number>();
  try {
    // Pagefind indexes in its own process, one file after another in the order sent: reading and
    // tokenising the next pages here overlaps with it, on the second core.
    let inFlight: Promise<void>[] = [];
    for (const record of searchRecords(handbook, site)) {
      records++;
      byKind[record.kind] = (byKind[record.kind] ?? 0) + 1;
      const content = recordHtml(record, labels, termUses(record, matcher, fold), nameSyllables);
      for (const token of indexedTokens(content)) recordsHolding.set(token, (recordsHolding.get(token) ?? 0) + 1);
      const added = index.addHTMLFile({ url: record.url, content }).then((result) => {
        if (result.errors.length) throw new Error(`Pagefind could not index ${record.url}: ${result.errors.join('; ')}`);
      });
      added.catch(() => undefined); // handled by the Promise.all below; not an unhandled rejection meanwhile
      inFlight.push(added);
      if (inFlight.length >= IN_FLIGHT) {
        await Promise.all(inFlight);
        inFlight = [];
      }
    }
    await Promise.all(inFlight);
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  const cards = await writeCards(output);
  const common = commonBigrams(recordsHolding, records);
  await writeFile(
    path.join(output, TERMS_FILE),
    JSON.stringify({ terms: termEntries(handbook, routes('/'), nameSyllables), cards: cards.file, common, records }),
  );
  return { records, byKind };
}
