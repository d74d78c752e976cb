/**
 * opencc-js's Traditional → Simplified converter (its tw2s chain), built from only the dictionaries that chain
 * uses, not from its full preset (which holds the Hong Kong, Japanese and the large Simplified → Traditional
 * ones): search folds every query with it in the browser, and the checker and the build fold names with it.
 */
import { ConverterBuilder, type LocalePreset } from 'opencc-js/core';
import fromTw from 'opencc-js/from/tw';
import toCn from 'opencc-js/to/cn';
import CJKCompatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';

export type ChainConfig = NonNullable<LocalePreset['configs']>[string];

/** opencc-js's tw2s chain exactly as its preset writes it. */
const TW_TO_CN: LocalePreset = {
  from: { tw: fromTw },
  to: { cn: toCn },
  configs: {
    tw2s: {
      normalizationChain: [[CJKCompatibility]],
      segmentation: [TSPhrases],
      conversionChain: [
        [TWVariantsRevPhrases, TWVariantsRev],
        [TSPhrases, TSCharacters],
      ],
    } as ChainConfig,
  },
};

export const traditionalToSimplified: (text: string) => string = ConverterBuilder(TW_TO_CN)({ from: 'tw', to: 'cn' });
