/**
 * Opsbook's lexicon of e-commerce operations (src/search/lexicon/lexicon.yaml) as the search UI gets it:
 * groups of folded spellings, less the entries the site switched off (site.yaml `search`), written into
 * opsbook-terms.json beside the index. The glossary's spellings join it in the browser
 * (src/search/client/engine.ts): they are there already.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { z } from 'zod';
import { lexiconKey } from '../shared/text.ts';

export const LEXICON_FILE = fileURLToPath(new URL('../lexicon/lexicon.yaml', import.meta.url));

export const LEXICON_KINDS = ['tool', 'programme', 'metric', 'role', 'process', 'everyday', 'shorthand', 'platform'] as const;

export const lexiconEntry = z.strictObject({
  /** The word a handbook page most likely uses. */
  word: z.string().trim().min(1),
  /** Other ways people type or say it. */
  also: z.array(z.string().trim().min(1)).default([]),
  kind: z.enum(LEXICON_KINDS),
  /** Where the equivalence comes from. */
  source: z.string().trim().min(1),
});
export type LexiconEntry = z.output<typeof lexiconEntry>;

/** The lexicon's entries, validated (a broken entry is a bug in Opsbook: it throws, naming the entry). */
export function readLexicon(text: string = readFileSync(LEXICON_FILE, 'utf8')): LexiconEntry[] {
  const raw = yaml.load(text);
  if (!Array.isArray(raw)) throw new Error(`${LEXICON_FILE}: expected a list of entries`);
  return raw.map((item, i) => {
    const parsed = lexiconEntry.safeParse(item);
    if (!parsed.success)
      throw new Error(
        `${LEXICON_FILE}: entry ${i + 1} (${JSON.stringify(item)}): ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`,
      );
    return parsed.data;
  });
}

export interface LexiconOptions {
  /** false: no lexicon at all. */
  readonly enabled: boolean;
  /** Spellings whose entries are switched off (any spelling of the entry, either script). */
  readonly off: readonly string[];
}

/** The groups of folded spellings the search UI gets: one per entry, less the entries switched off. */
export function lexiconGroups(entries: readonly LexiconEntry[], options: LexiconOptions): string[][] {
  if (!options.enabled) return [];
  const off = new Set(options.off.map(lexiconKey));
  return entries
    .map((e) => [...new Set([e.word, ...e.also].map(lexiconKey).filter(Boolean))])
    .filter((group) => group.length > 1 && !group.some((s) => off.has(s)));
}
