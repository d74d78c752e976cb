/**
 * How each locale writes amounts and durations: the facts money.ts and time.ts format with, kept here so
 * no formatter branches on a locale.
 */
import type { Locale } from './locales.ts';

type Unit = 's' | 'm' | 'h' | 'd';

export interface LocaleFormats {
  /** Before the amount: ¥ in English. */
  readonly currencyPrefix: string;
  /** After the amount: 元 in Chinese. */
  readonly currencySuffix: string;
  /** 万 / 亿 units (Chinese), or none: digits are grouped by thousands. */
  readonly myriad?: { readonly wan: string; readonly yi: string };
  /** An amount not decided yet. */
  readonly undecided: string;
  /** Headline amounts shortened to K / M / B (English); Chinese ones are already short with 万. */
  readonly compactSuffixes?: readonly (readonly [number, string])[];
  /** Fen per step of a chart's money axis: 万元 (1 000 000 fen) in Chinese, thousand yuan in English. */
  readonly chartUnitFen: number;
  /** A unit's word, singular and plural. */
  readonly durationWords: Readonly<Record<Unit, readonly [string, string]>>;
  /** "24 小时内" / "within 24 hours". */
  readonly within: (amount: number, word: string) => string;
}

export const FORMATS: Readonly<Record<Locale, LocaleFormats>> = {
  'zh-CN': {
    currencyPrefix: '',
    currencySuffix: '元',
    myriad: { wan: '万', yi: '亿' },
    undecided: '待定',
    chartUnitFen: 1_000_000,
    durationWords: { s: ['秒', '秒'], m: ['分钟', '分钟'], h: ['小时', '小时'], d: ['天', '天'] },
    within: (amount, word) => `${amount} ${word}内`,
  },
  'zh-TW': {
    currencyPrefix: '',
    currencySuffix: '元',
    myriad: { wan: '萬', yi: '億' },
    undecided: '待定',
    chartUnitFen: 1_000_000,
    durationWords: { s: ['秒', '秒'], m: ['分鐘', '分鐘'], h: ['小時', '小時'], d: ['天', '天'] },
    within: (amount, word) => `${amount} ${word}內`,
  },
  en: {
    currencyPrefix: '¥',
    currencySuffix: '',
    undecided: 'TBD',
    chartUnitFen: 100_000,
    compactSuffixes: [
      [1e9, 'B'],
      [1e6, 'M'],
      [1e3, 'K'],
    ],
    durationWords: { s: ['second', 'seconds'], m: ['minute', 'minutes'], h: ['hour', 'hours'], d: ['day', 'days'] },
    within: (amount, word) => `within ${amount} ${word}`,
  },
};
