/**
 * Cells of actuals files: money, counts, percents, decimals, days and months in the forms the
 * exports and hand-kept sheets write (see "Shared value types" in actuals-format.md).
 */
import { parseMoney, TBD_WORDS } from '../money.ts';
import { toHalfWidth } from '../text.ts';
import type { HeaderUnit } from './headers.ts';

export type CellReason =
  'format' | 'chinese-numerals' | 'exponent' | 'precision' | 'integer' | 'percentAmbiguous' | 'range' | 'serial' | 'tbd' | 'missing' | 'negative';

export type CellResult<T> = { ok: true; value: T | undefined } | { ok: false; reason: CellReason; dayFirst?: string; latin?: boolean };

/** A written rate or value, with half a unit of its last written decimal (for actuals.derivedMismatch). */
export interface Written {
  readonly value: number;
  readonly halfUnit: number;
}

const EMPTY = new Set(['', '-', '--', '—', '/', '－', '——']);

/** 生意参谋 writes `-` for "no data"; Excel leaves cells empty. */
export function isEmptyCell(text: string): boolean {
  return EMPTY.has(text.trim());
}

/** Excel's text-protect form ="0123" holds the text 0123. */
export function unwrapCell(text: string): string {
  const trimmed = text.trim();
  const match = /^="(.*)"$/s.exec(trimmed);
  return (match ? match[1]! : trimmed).trim();
}

const CHINESE_NUMERALS = /[一二三四五六七八九十百千零两壹贰叁肆伍陆柒捌玖拾佰仟]/;

function fold(text: string): string {
  return toHalfWidth(text).trim().replace(/，/g, ',').replace(/\s+/g, '');
}

function decimalsOf(numberText: string): number {
  const dot = numberText.indexOf('.');
  return dot === -1 ? 0 : numberText.length - dot - 1;
}

/**
 * Money in an actuals cell, in fen. `¥`/`￥`/`RMB` may lead; a header unit (万元)/(万) scales plain
 * numbers. 待定 is refused (an actual is a fact), so are negatives and accounting brackets.
 */
export function parseActualMoney(input: unknown, unit?: HeaderUnit, emptyIsZero = true): CellResult<number> {
  if (input === null || input === undefined) return { ok: true, value: undefined };
  if (typeof input === 'number') {
    if (input < 0) return { ok: false, reason: 'negative' };
    const result = parseMoney(input);
    return result.ok && result.money.kind === 'amount'
      ? { ok: true, value: result.money.fen }
      : { ok: false, reason: result.ok ? 'format' : (result.reason as CellReason) };
  }
  if (typeof input !== 'string') return { ok: false, reason: 'format' };
  if (isEmptyCell(input)) return { ok: true, value: emptyIsZero ? 0 : undefined };
  let text = fold(input).replace(/^(?:¥|￥|RMB)/i, '');
  if (TBD_WORDS.has(text.toLowerCase())) return { ok: false, reason: 'tbd' };
  if (/^\(.*\)$/.test(text) || text.startsWith('-')) return { ok: false, reason: 'negative' };
  if (/^\d+(\.\d+)?e[-+]?\d+$/i.test(text)) return { ok: false, reason: 'exponent' };
  const plain = /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text);
  if (plain && (unit === '万' || unit === '万元')) text += '万';
  const result = parseMoney(text);
  if (result.ok) {
    if (result.money.kind !== 'amount') return { ok: false, reason: 'tbd' };
    return { ok: true, value: result.money.fen };
  }
  if (result.reason === 'latin-unit') return { ok: false, reason: 'format', latin: true };
  if (result.reason === 'too-large') return { ok: false, reason: 'range' };
  if (CHINESE_NUMERALS.test(text)) return { ok: false, reason: 'chinese-numerals' };
  return { ok: false, reason: result.reason as CellReason };
}

/** A whole number ≥ 0: thousands separators, full-width digits, 万 when the result is whole (1.2万). */
export function parseCount(input: unknown, emptyIsZero = true): CellResult<number> {
  if (input === null || input === undefined) return { ok: true, value: undefined };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: 'format' };
    if (input < 0) return { ok: false, reason: 'negative' };
    if (!Number.isInteger(input)) return { ok: false, reason: 'integer' };
    if (!Number.isSafeInteger(input)) return { ok: false, reason: 'range' };
    return { ok: true, value: input };
  }
  if (typeof input !== 'string') return { ok: false, reason: 'format' };
  if (isEmptyCell(input)) return { ok: true, value: emptyIsZero ? 0 : undefined };
  const text = fold(input);
  if (text.startsWith('-') || /^\(.*\)$/.test(text)) return { ok: false, reason: 'negative' };
  if (/^\d+(\.\d+)?e[-+]?\d+$/i.test(text)) return { ok: false, reason: 'exponent' };
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万|萬)?$/.exec(text);
  if (!match) return { ok: false, reason: CHINESE_NUMERALS.test(text) ? 'chinese-numerals' : 'format' };
  const [, whole = '', fraction = '', wan] = match;
  const digits = BigInt(whole.replace(/,/g, '') + fraction);
  const scaled = digits * (wan ? 10_000n : 1n);
  const divisor = 10n ** BigInt(fraction.length);
  if (scaled % divisor !== 0n) return { ok: false, reason: 'integer' };
  const value = scaled / divisor;
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'range' };
  return { ok: true, value: Number(value) };
}

/**
 * A percent as a fraction: 3.52%, ３.５２％, or a plain fraction 0.0352. Under a (%) header plain numbers are
 * percentage points; a plain number above 1 elsewhere is ambiguous.
 */
export function parsePercent(input: unknown, unit?: HeaderUnit, options: { allowAbove100?: boolean } = {}): CellResult<Written> {
  if (input === null || input === undefined) return { ok: true, value: undefined };
  let text: string;
  if (typeof input === 'number') text = String(input);
  else if (typeof input === 'string') {
    if (isEmptyCell(input)) return { ok: true, value: undefined };
    text = fold(input);
  } else return { ok: false, reason: 'format' };
  if (text.startsWith('-')) return { ok: false, reason: 'negative' };
  if (/^\d+(\.\d+)?e[-+]?\d+$/i.test(text)) return { ok: false, reason: 'exponent' };
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(%)?$/.exec(text);
  if (!match || (match[1] === undefined && match[2] === undefined)) return { ok: false, reason: CHINESE_NUMERALS.test(text) ? 'chinese-numerals' : 'format' };
  const numberText = `${(match[1] ?? '0').replace(/,/g, '')}${match[2] ?? ''}`;
  const number = Number(numberText);
  const decimals = decimalsOf(numberText);
  let value: number;
  let halfUnit: number;
  if (match[3] || unit === '%') {
    value = number / 100;
    halfUnit = (0.5 * 10 ** -decimals) / 100;
  } else {
    if (number > 1 && !options.allowAbove100) return { ok: false, reason: 'percentAmbiguous' };
    value = number;
    halfUnit = 0.5 * 10 ** -decimals;
  }
  if (value > 1 && !options.allowAbove100) return { ok: false, reason: 'range' };
  return { ok: true, value: { value, halfUnit } };
}

/** A number ≥ 0 with any decimals (客单价), `¥` and `元` allowed. */
export function parseDecimal(input: unknown): CellResult<Written> {
  if (input === null || input === undefined) return { ok: true, value: undefined };
  let text: string;
  if (typeof input === 'number') text = String(input);
  else if (typeof input === 'string') {
    if (isEmptyCell(input)) return { ok: true, value: undefined };
    text = fold(input)
      .replace(/^(?:¥|￥|RMB)/i, '')
      .replace(/元$/, '');
  } else return { ok: false, reason: 'format' };
  if (text.startsWith('-')) return { ok: false, reason: 'negative' };
  if (/^\d+(\.\d+)?e[-+]?\d+$/i.test(text)) return { ok: false, reason: 'exponent' };
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(text);
  if (!match) return { ok: false, reason: CHINESE_NUMERALS.test(text) ? 'chinese-numerals' : 'format' };
  const numberText = `${match[1]!.replace(/,/g, '')}${match[2] ?? ''}`;
  return { ok: true, value: { value: Number(numberText), halfUnit: 0.5 * 10 ** -decimalsOf(numberText) } };
}

export function isValidDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number) => n.toString().padStart(2, '0');
export const dayText = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

export type DayCell =
  | { readonly ok: true; readonly kind: 'day'; readonly date: string }
  | { readonly ok: true; readonly kind: 'month'; readonly month: string }
  | { readonly ok: false; readonly reason: CellReason | 'granularity'; readonly dayFirst?: string };

function readOneDay(text: string): { ok: true; date: string } | { ok: false; reason: CellReason; dayFirst?: string } {
  const t = text
    .trim()
    .replace(/(?:\s+|T)0{1,2}:00(?::00)?$/, '')
    .replace(/\s+/g, '');
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (!isValidDay(y, m, d)) return { ok: false, reason: 'range' };
    return { ok: true, date: dayText(y, m, d) };
  }
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (match) {
    // Day-first (5/10/2014) or US (10/05/2014): refused, the order cannot be told apart.
    return { ok: false, reason: 'format', dayFirst: `${match[3]}/${Number(match[2])}/${Number(match[1])}` };
  }
  if (/^\d{5}(\.\d+)?$/.test(t) && Number(t) >= 20_000 && Number(t) <= 80_000) return { ok: false, reason: 'serial' };
  if (/^\d+(\.\d+)?e[-+]?\d+$/i.test(t)) return { ok: false, reason: 'exponent' };
  return { ok: false, reason: 'format' };
}

/** A date cell: one day, or (monthly 生意参谋 exports) a range covering exactly one calendar month. */
export function parseDayCell(input: unknown): DayCell {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { ok: false, reason: 'range' };
    return { ok: true, kind: 'day', date: input.toISOString().slice(0, 10) };
  }
  if (typeof input !== 'string' && typeof input !== 'number') return { ok: false, reason: 'format' };
  const text = toHalfWidth(String(input)).trim();
  const range = /^(.+?)\s*(?:~|至)\s*(.+)$/.exec(text);
  if (range) {
    const from = readOneDay(range[1]!);
    const to = readOneDay(range[2]!);
    if (!from.ok) return from;
    if (!to.ok) return to;
    const month = from.date.slice(0, 7);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const last = dayText(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
    if (from.date === `${month}-01` && to.date === last) return { ok: true, kind: 'month', month };
    return { ok: false, reason: 'granularity' };
  }
  const day = readOneDay(text);
  return day.ok ? { ok: true, kind: 'day', date: day.date } : day;
}

/** A month cell: 2014-10, 2014/9, 2014.10, 2014年10月, 201410, full-width digits. */
export function parseMonthCell(input: unknown): { ok: true; month: string } | { ok: false; reason: CellReason } {
  if (typeof input !== 'string' && typeof input !== 'number') return { ok: false, reason: 'format' };
  const text = fold(String(input));
  const match = /^(\d{4})[-/.](\d{1,2})$/.exec(text) ?? /^(\d{4})年(\d{1,2})月$/.exec(text) ?? /^(\d{4})(\d{2})$/.exec(text);
  if (!match) return { ok: false, reason: /^\d{5}(\.\d+)?$/.test(text) ? 'serial' : 'format' };
  const m = Number(match[2]);
  if (m < 1 || m > 12) return { ok: false, reason: 'range' };
  return { ok: true, month: `${match[1]}-${pad(m)}` };
}
