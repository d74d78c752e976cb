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
  return roundBig(BigInt(Math.round(r.num)) * BigInt(scale), BigInt(Math.round(r.den)));
}

/** round(num ÷ den), half away from zero, in integers. */
function roundBig(numerator: bigint, denominator: bigint): bigint {
  const num = denominator < 0n ? -numerator : numerator;
  const den = denominator < 0n ? -denominator : denominator;
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

type Figure = Ratio | number | null | undefined;
const asFraction = (x: Ratio | number): [bigint, bigint] => (typeof x === 'number' ? [BigInt(x), 1n] : [BigInt(Math.round(x.num)), BigInt(Math.round(x.den))]);

/**
 * 环比 (month over month): (now − last) ÷ last, computed exactly in integers (also for rates and ratios,
 * a/b against c/d), as a signed percent with one decimal: +12.3%, -5.0%, 0.0%. "—" when either figure is
 * unknown or last is 0.
 */
export function formatChange(now: Figure, last: Figure, decimals = 1): string {
  if (now === null || now === undefined || last === null || last === undefined) return '—';
  const [a, b] = asFraction(now);
  const [c, d] = asFraction(last);
  if (c === 0n || b === 0n || d === 0n) return '—';
  const value = roundBig((a * d - c * b) * 10n ** BigInt(2 + decimals), c * b);
  const text = `${fixed(value, decimals)}%`;
  return value > 0n ? `+${text}` : text;
}

/** now − planned of two ratios (ROI against the planned ROI), exactly, signed, with fixed decimals: +0.35, -1.20. */
export function formatRatioDifference(now: Ratio | null, planned: Ratio | null, decimals = 2): string {
  if (!now || !planned) return '—';
  const [a, b] = asFraction(now);
  const [c, d] = asFraction(planned);
  const value = roundBig((a * d - c * b) * 10n ** BigInt(decimals), b * d);
  return `${value > 0n ? '+' : ''}${fixed(value, decimals)}`;
}
