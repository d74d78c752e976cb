/**
 * Exact ratios of integers (fen, counts, days) and their display, rounded half away from zero on the exact
 * value: 9625/10000 shows as 96.3%, 9624/10000 as 96.2% (no binary floating point in between).
 */
import { formatFen } from '../money.ts';
import { FORMATS, type Locale } from '../../i18n/index.ts';

export interface Ratio {
  readonly num: number;
  readonly den: number;
}

export function ratio(num: number | null | undefined, den: number | null | undefined): Ratio | null {
  if (num === null || num === undefined || den === null || den === undefined || den === 0) return null;
  return { num, den };
}

/** round(num × scale ÷ den), half away from zero, exactly. */
export function roundRatio(r: Ratio, scale: number): bigint {
  let num = BigInt(Math.round(r.num)) * BigInt(scale);
  let den = BigInt(Math.round(r.den));
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const rounded = (2n * abs + den) / (2n * den);
  return negative ? -rounded : rounded;
}

function fixed(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const text = abs.toString().padStart(decimals + 1, '0');
  const whole = decimals === 0 ? text : text.slice(0, -decimals);
  const fraction = decimals === 0 ? '' : `.${text.slice(-decimals)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** 96.3% (1 decimal by default); "—" for null; `signed` adds + to positive values (环比). */
export function formatPercent(r: Ratio | null, decimals = 1, signed = false): string {
  if (!r) return '—';
  const value = roundRatio(r, 100 * 10 ** decimals);
  const text = `${fixed(value, decimals)}%`;
  return signed && value > 0n ? `+${text}` : text;
}

/** A plain ratio with fixed decimals: ROI 3.22, orders/day 415.3; "—" for null. */
export function formatRatio(r: Ratio | null, decimals = 2): string {
  if (!r) return '—';
  return fixed(roundRatio(r, 10 ** decimals), decimals);
}

/** The ratio as a number, for charts and comparisons that need no exactness. */
export function ratioValue(r: Ratio | null): number | null {
  return r ? r.num / r.den : null;
}

/** A signed amount: +1.25万元 / -3,500.50元 (the site's money format, with an explicit +). */
export function formatSignedFen(fen: number | null, locale: Locale = 'zh-CN'): string {
  if (fen === null) return '—';
  return fen > 0 ? `+${formatFen(fen, locale)}` : formatFen(fen, locale);
}

/** Yuan from fen ÷ count, two decimals: 客单价 81.78元. */
export function formatYuanRatio(r: Ratio | null, locale: Locale = 'zh-CN'): string {
  if (!r) return '—';
  const text = fixed(roundRatio({ num: r.num, den: r.den * 100 }, 100), 2);
  return `${FORMATS[locale].currencyPrefix}${text}${FORMATS[locale].currencySuffix}`;
}

/** Compares a ratio with a number exactly enough for grade bands (num ≥ min × den). */
export function ratioAtLeast(r: Ratio, min: number): boolean {
  return r.num >= min * r.den;
}
