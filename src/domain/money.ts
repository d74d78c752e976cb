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

/**
 * Repairs for the usual slips in a written amount, applied in turn to the width-folded text:
 * a currency sign or word (¥15万, 人民币15万), 块 or 圆 for 元, 元整, 约 / 左右, a 。 typed as the
 * decimal point, the letter O for a zero, a unit typed twice (4.5万万), w or k for 万 or 千.
 */
const MONEY_REPAIRS: readonly ((text: string) => string)[] = [
  (t) => t.replace(/^(?:[¥￥]|rmb|cny|人民币|人民幣)/i, ''),
  (t) => t.replace(/^约|左右$/g, ''),
  (t) => t.replace(/(?:块钱|塊錢|块|塊|圆|圓)$/, '元').replace(/元整$/, '元'),
  (t) => t.replace(/(\d)。(?=\d)/g, '$1.'),
  (t) => t.replace(/(?<=\d)[oO]|[oO](?=\d)/g, '0'),
  (t) => t.replace(/([千万萬亿億元])\1+/g, '$1'),
  (t) => t.replace(/^(\d+(?:\.\d+)?)[wW](元?)$/, '$1万$2').replace(/^(\d+(?:\.\d+)?)[kK](元?)$/, '$1千$2'),
];

/** Units from the largest down, for amounts written in several parts (15万5千). */
const UNIT_RANK: Record<string, number> = { 亿: 0, 億: 0, 万: 1, 萬: 1, 千: 2, '': 3 };

/**
 * The readable amount a mistyped one most likely meant, as the author would write it: 4.5万万 → 4.5万,
 * ¥15万 → 15万, 15w → 15万, 1,2000 → 12000 (commas every four digits, as 万 groups), 12,34元 → 12.34元
 * (a decimal comma), 15万5千 → 15.5万元, 1e6 → 100万元. Undefined when no repair gives an amount.
 */
export function nearestAmount(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const written = toHalfWidth(input).trim().replace(/，/g, ',').replace(/\s+/g, '');
  if (written.startsWith('-')) return undefined;
  const text = MONEY_REPAIRS.reduce((t, repair) => repair(t), written);
  const candidates = [text];
  if (text.includes(',')) {
    // One comma before one or two digits is a decimal comma; other misplaced commas are grouping slips.
    candidates.push(/^\d+,\d{1,2}(?=\D*$)/.test(text) && text.split(',').length === 2 ? text.replace(',', '.') : text.replace(/,/g, ''));
  }
  candidates.push(...[mixedUnits(text), exponent(text)].filter((c): c is string => c !== undefined));
  return candidates.find((c) => c !== written && parseMoney(c).ok);
}

/** 15万5千 → 15.5万元, 1亿2000万 → 1.2亿元: parts in falling units, summed. */
function mixedUnits(text: string): string | undefined {
  const parts = [...text.replace(/元$/, '').matchAll(/(\d+(?:\.\d+)?)([亿億万萬千]?)/g)];
  if (parts.length < 2 || parts.map((p) => p[0]).join('') !== text.replace(/元$/, '')) return undefined;
  const ranks = parts.map((p) => UNIT_RANK[p[2] ?? '']!);
  if (ranks.some((rank, i) => i > 0 && rank <= ranks[i - 1]!)) return undefined;
  // 15万5 says 15.5万 as often as 150005: a bare last part counts only with three digits or more (15万500).
  const last = parts.at(-1)!;
  if (!last[2] && last[1]!.replace('.', '').length < 3) return undefined;
  let total = 0;
  for (const part of parts) {
    const read = parseMoney(part[0]);
    if (!read.ok || !isAmount(read.money)) return undefined;
    total += read.money.fen;
  }
  return formatFen(total, 'zh-CN');
}

/** 1e6 → 100万元. */
function exponent(text: string): string | undefined {
  if (!/^\d+(\.\d+)?e\+?\d+$/i.test(text)) return undefined;
  const fenValue = Math.round(Number(text) * 100);
  return Number.isSafeInteger(fenValue) ? formatFen(fenValue, 'zh-CN') : undefined;
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
