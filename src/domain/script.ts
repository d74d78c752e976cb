/**
 * Simplified ⇄ Traditional folding. Uses opencc-js (a maintained port of OpenCC,
 * with phrase-level tables) rather than a hand-written character map.
 */
import { isTraditional, type Locale } from '../i18n/locales.ts';
import { traditionalToSimplified as toSimplified } from './to-simplified.ts';
import { simplifiedToTraditional as toTraditional } from './to-traditional.ts';

/**
 * Folded texts, kept: a build folds the same SOP text for every role whose onboarding path holds it, and
 * opencc's phrase matching is the costly part. Bounded so a long dev session cannot grow it without end.
 */
const folded = new Map<string, string>();
const FOLDED_MAX = 50_000;

/** A spelling-insensitive key: Simplified script, lower case, trimmed. */
export function foldScript(text: string): string {
  let result = folded.get(text);
  if (result === undefined) {
    if (folded.size >= FOLDED_MAX) folded.clear();
    result = toSimplified(text).toLowerCase().trim();
    folded.set(text, result);
  }
  return result;
}

export function simplifiedToTraditional(text: string): string {
  return toTraditional(text);
}

/** The Simplified and Traditional spellings of a name, so 直通車 in a body finds 直通车 and back. */
export function scriptVariants(name: string): string[] {
  return [foldScript(name), simplifiedToTraditional(name)];
}

/**
 * How glossary spellings are matched across scripts: every name's Simplified and
 * Traditional spellings, and a folded lookup for a name written in mixed script.
 * The options of termMatcher (src/domain/glossary/term-links.ts) wherever a term is resolved:
 * the automatic links, <Term> in MDX bodies, and the checker.
 */
export const SCRIPT_FOLDING = { variants: scriptVariants, fold: foldScript } as const;

const unchanged = (text: string) => text;

/** Texts written in Simplified Chinese, made ready for a locale: converted to Traditional for zh-TW. */
export function inScriptOf(locale: Locale): (text: string) => string {
  return isTraditional(locale) ? simplifiedToTraditional : unchanged;
}
