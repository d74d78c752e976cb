/**
 * Money is held as whole fen (分, 1/100 yuan) in a safe integer, so sums and
 * comparisons are exact: 3096.00 + 2827.68 is 5923.68, never 5923.679999.
 */
import { FORMATS, type Locale } from '../i18n/index.ts';
import { toHalfWidth } from './text.ts';

export type Money = { readonly kind: 'amount'; readonly fen: number } | { readonly kind: 'tbd' };

export const TBD: Money = Object.freeze({ kind: 'tbd' });

export function fen(value: number): Money {
  return { kind: 'amount', fen: value };
}

/** Units, in both scripts: a Traditional-script handbook writes 15萬 and 1億. */
const UNIT_MULTIPLIER: Record<string, bigint> = { '': 1n, 元: 1n, 千: 1_000n, 万: 10_000n, 萬: 10_000n, 亿: 100_000_000n, 億: 100_000_000n };
/** Words for "not decided yet" (compared lower-cased, after width folding); also describes money for editors (schema/values.ts). */
export const TBD_WORDS = new Set(['待定', 'tbd', '未定']);
const MONEY_PATTERN = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(千|万|萬|亿|億)?\s*元?$/;

export type MoneyParseFailure = { ok: false; reason: 'format' | 'negative' | 'precision' | 'too-large' | 'chinese-numerals' | 'latin-unit' | 'exponent' };
export type MoneyParseResult = { ok: true; money: Money } | MoneyParseFailure;

/** Parses the money forms of the content format: numbers (yuan) or strings like 15万, 4.5万元, 1,188元, １５万, 待定. */
export function parseMoney(input: unknown): MoneyParseResult {
  if (input === null) return { ok: true, money: TBD };
  if (typeof input === 'number') return fromYuanNumber(input);
  if (typeof input !== 'string') return { ok: false, reason: 'format' };
  const text = toHalfWidth(input).trim().replace(/，/g, ',').replace(/\s+/g, '');
  if (TBD_WORDS.has(text.toLowerCase())) return { ok: true, money: TBD };
  if (text.startsWith('-')) return { ok: false, reason: 'negative' };
  const match = MONEY_PATTERN.exec(text);
  if (!match) {
    if (/[一二三四五六七八九十百零两壹贰叁肆伍陆柒捌玖拾佰仟]/.test(text)) return { ok: false, reason: 'chinese-numerals' };
    if (/^\d+(\.\d+)?\s*(w|k|W|K)$/.test(text)) return { ok: false, reason: 'latin-unit' };
    if (/^\d+(\.\d+)?e[-+]?\d+$/i.test(text)) return { ok: false, reason: 'exponent' };
    return { ok: false, reason: 'format' };
  }
  const [, whole = '', fraction = '', unit = ''] = match;
  const digits = BigInt(whole.replace(/,/g, '') + fraction);
  const scale = 10n ** BigInt(fraction.length);
  const numerator = digits * UNIT_MULTIPLIER[unit]! * 100n;
  if (numerator % scale !== 0n) return { ok: false, reason: 'precision' };
  const value = numerator / scale;
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'too-large' };
  return { ok: true, money: fen(Number(value)) };
}

function fromYuanNumber(yuan: number): MoneyParseResult {
  if (!Number.isFinite(yuan)) return { ok: false, reason: 'format' };
  if (yuan < 0) return { ok: false, reason: 'negative' };
  const value = Math.round(yuan * 100);
  // A YAML number such as 2827.68 is a binary float; accept it when it is a whole number of fen.
  if (Math.abs(value - yuan * 100) > 1e-6 * Math.max(1, yuan)) return { ok: false, reason: 'precision' };
  if (!Number.isSafeInteger(value)) return { ok: false, reason: 'too-large' };
  return { ok: true, money: fen(value) };
}

/** A sum that remembers how many parts were undecided (待定): the total is then a lower bound. */
export interface MoneySum {
  readonly fen: number;
  readonly undecided: number;
  readonly parts: number;
}

export function sumMoney(values: Iterable<Money | undefined>): MoneySum {
  let total = 0;
  let undecided = 0;
  let parts = 0;
  for (const value of values) {
    if (!value) continue;
    parts++;
    if (value.kind === 'tbd') undecided++;
    else total += value.fen;
  }
  return { fen: total, undecided, parts };
}

export function isAmount(value: Money | undefined): value is { kind: 'amount'; fen: number } {
  return value?.kind === 'amount';
}



/**
 * Formats fen for people: 430万元 / 6.25万元 / 1,188元 in Chinese, ¥4,300,000 in English.
 * 万 is used from 10,000 yuan on when it needs at most four decimals (so no amount is rounded), 亿 from
 * 100,000,000 yuan on likewise (1.2亿元, not 12000万元).
 */
export function formatFen(value: number, locale: Locale = 'zh-CN'): string {
  const negative = value < 0;
  const absolute = Math.abs(value);
  const sign = negative ? '-' : '';
  const { currencyPrefix, currencySuffix, myriad } = FORMATS[locale];
  const yiFen = 10_000_000_000;
  if (myriad && absolute >= yiFen && absolute % 1_000_000 === 0) {
    const text = trimDecimals((absolute / yiFen).toFixed(4));
    return `${sign}${text}${myriad.yi}${currencySuffix}`;
  }
  const wanFen = 1_000_000;
  if (myriad && absolute >= wanFen && absolute % 100 === 0) {
    const wan = absolute / wanFen;
    const text = trimDecimals(wan.toFixed(4));
    return `${sign}${text}${myriad.wan}${currencySuffix}`;
  }
  return `${sign}${currencyPrefix}${groupYuan(absolute)}${currencySuffix}`;
}

export function formatMoney(value: Money | undefined, locale: Locale = 'zh-CN'): string {
  if (!value) return '—';
  if (value.kind === 'tbd') return FORMATS[locale].undecided;
  return formatFen(value.fen, locale);
}

function groupYuan(fenValue: number): string {
  const yuan = Math.floor(fenValue / 100);
  const cents = fenValue % 100;
  const grouped = yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return cents === 0 ? grouped : `${grouped}.${cents.toString().padStart(2, '0')}`;
}

function trimDecimals(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * Headline amounts: 430万元 in Chinese (万 already makes them short), ¥4.3M / ¥85K
 * in English, at most three significant digits.
 */
export function formatFenCompact(value: number, locale: Locale = 'zh-CN'): string {
  const { compactSuffixes, currencyPrefix } = FORMATS[locale];
  if (!compactSuffixes) return formatFen(value, locale);
  const yuan = value / 100;
  const sign = yuan < 0 ? '-' : '';
  const abs = Math.abs(yuan);
  for (const [size, suffix] of compactSuffixes) {
    if (abs >= size && abs >= 10_000) return `${sign}${currencyPrefix}${trimDecimals(Number((abs / size).toPrecision(3)).toString())}${suffix}`;
  }
  return formatFen(value, locale);
}
