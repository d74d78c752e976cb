/**
 * opencc-js's Simplified → Traditional converter (its s2tw chain), from only the dictionaries that chain uses.
 * It holds STPhrases, some 50,000 phrases: building its tries cost about 1 s of CPU in every build, check and
 * test process, although most of them convert only a few glossary names. So a text is converted with tries
 * built from the entries whose characters all occur in it (no other entry can match inside it: the result is
 * the same), and after many texts the whole tries are built once. test/unit/domain/script.test.ts holds the
 * two ways equal.
 */
import { ConverterBuilder, type LocalePreset } from 'opencc-js/core';
import fromCn from 'opencc-js/from/cn';
import toTw from 'opencc-js/to/tw';
import CJKCompatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import STPhrasesRegional from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import type { ChainConfig } from './to-simplified.ts';

/** opencc-js's s2tw chain exactly as its preset writes it, from the given Simplified → Traditional dictionaries. */
function s2twConverter(phrases: string, regional: string, characters: string): (text: string) => string {
  const preset: LocalePreset = {
    from: { cn: fromCn },
    to: { tw: toTw },
    configs: {
      s2tw: {
        normalizationChain: [[CJKCompatibility]],
        segmentation: [phrases, regional],
        conversionChain: [
          [phrases, regional, characters],
          [TWVariantsPhrases, TWVariants],
        ],
      } as ChainConfig,
    },
  };
  return ConverterBuilder(preset)({ from: 'cn', to: 'tw' });
}

/** A dictionary ("key value|key value") cut into its entries, grouped by the key's first character, in order. */
function byFirstCharacter(dictionary: string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const entry of dictionary.split('|')) {
    const first = String.fromCodePoint(entry.codePointAt(0)!);
    let group = groups.get(first);
    if (!group) groups.set(first, (group = []));
    group.push(entry);
  }
  return groups;
}

/** The entries whose keys hold only characters of `characters`, in the dictionary's order. */
function entriesWithin(groups: Map<string, string[]>, characters: Set<string>): string {
  const kept: string[] = [];
  for (const character of characters) {
    for (const entry of groups.get(character) ?? []) {
      const key = entry.slice(0, entry.indexOf(' '));
      if ([...key].every((c) => characters.has(c))) kept.push(entry);
    }
  }
  // A dictionary needs at least one entry to be read as one; this key holds a character no text contains.
  return kept.length > 0 ? kept.join('|') : '\u{F0000} \u{F0000}';
}

/** What each CJK compatibility ideograph becomes in opencc's normalisation step. */
const CJK_COMPATIBILITY_TARGETS = new Map<string, string[]>(
  CJKCompatibility.split('|').map((entry) => {
    const [key, value] = entry.split(' ') as [string, string];
    return [key, [...value]];
  }),
);

/** After this many texts converted one by one, building the whole tries once costs less. */
const WHOLE_AFTER = 300;

function simplifiedToTraditionalConverter(): (text: string) => string {
  let whole: ((text: string) => string) | undefined;
  let groups: [Map<string, string[]>, Map<string, string[]>, Map<string, string[]>] | undefined;
  let converted = 0;
  return (text) => {
    if (whole) return whole(text);
    if (++converted > WHOLE_AFTER) {
      whole = s2twConverter(STPhrases, STPhrasesRegional, STCharacters);
      groups = undefined;
      return whole(text);
    }
    groups ??= [byFirstCharacter(STPhrases), byFirstCharacter(STPhrasesRegional), byFirstCharacter(STCharacters)];
    // Normalisation (CJK compatibility ideographs) runs first and may bring characters the text does not hold.
    const characters = new Set(text);
    for (const character of text) for (const target of CJK_COMPATIBILITY_TARGETS.get(character) ?? []) characters.add(target);
    const [phrases, regional, single] = groups;
    return s2twConverter(entriesWithin(phrases, characters), entriesWithin(regional, characters), entriesWithin(single, characters))(text);
  };
}

export const simplifiedToTraditional: (text: string) => string = simplifiedToTraditionalConverter();

/** The converter with the whole tries, for the test that holds both ways equal. */
export const wholeSimplifiedToTraditional = (): ((text: string) => string) => s2twConverter(STPhrases, STPhrasesRegional, STCharacters);
