/** Months (YYYY-MM), dates (YYYY-MM-DD) and SLA durations (20s, 24h, 3天), as the content format writes them. */
import { FORMATS, type Locale } from '../i18n/index.ts';
import { toHalfWidth } from './text.ts';

export type Month = string; // always normalised to YYYY-MM

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export type MonthParseResult = { ok: true; month: Month } | { ok: false; reason: 'format' | 'range' | 'separator' };

export function parseMonth(input: unknown): MonthParseResult {
  if (typeof input !== 'string') return { ok: false, reason: 'format' };
  const text = toHalfWidth(input).trim();
  const match = MONTH_PATTERN.exec(text);
  if (!match) {
    if (/^\d{4}[/.年]\d{1,2}月?$/.test(text) || /^\d{4}-\d$/.test(text)) return { ok: false, reason: 'separator' };
    return { ok: false, reason: 'format' };
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) return { ok: false, reason: 'range' };
  return { ok: true, month: text };
}

/** Months since year 0: makes month arithmetic and comparison plain integer work. */
export function monthIndex(month: Month): number {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return year * 12 + (mon - 1);
}

export function monthFromIndex(index: number): Month {
  const year = Math.floor(index / 12);
  const mon = (index % 12) + 1;
  return `${year.toString().padStart(4, '0')}-${mon.toString().padStart(2, '0')}`;
}

/** Every month from start to end inclusive (empty when end is before start). */
export function monthsBetween(start: Month, end: Month): Month[] {
  const out: Month[] = [];
  for (let i = monthIndex(start); i <= monthIndex(end); i++) out.push(monthFromIndex(i));
  return out;
}

export type DateParseResult = { ok: true; date: string } | { ok: false; reason: 'format' | 'range' };

/** Accepts 'YYYY-MM-DD' and the Date objects some YAML parsers make of such scalars. */
export function parseDate(input: unknown): DateParseResult {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { ok: false, reason: 'range' };
    return { ok: true, date: input.toISOString().slice(0, 10) };
  }
  if (typeof input !== 'string') return { ok: false, reason: 'format' };
  const text = toHalfWidth(input).trim();
  const match = DATE_PATTERN.exec(text);
  if (!match) return { ok: false, reason: 'format' };
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return { ok: false, reason: 'range' };
  return { ok: true, date: text };
}

/** Whole months from one date to another, counting a month only once its day is reached. */
export function monthsElapsed(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

export function addMonthsToDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export type DurationUnit = 's' | 'm' | 'h' | 'd';

export interface Duration {
  readonly seconds: number;
  readonly amount: number;
  readonly unit: DurationUnit;
}

const UNIT_SECONDS: Record<DurationUnit, number> = { s: 1, m: 60, h: 3600, d: 86400 };
/** Unit words of a duration (after width folding and lower-casing); also describes durations for editors (schema/values.ts). */
export const UNIT_ALIASES: Record<string, DurationUnit> = {
  s: 's',
  sec: 's',
  秒: 's',
  秒钟: 's',
  秒鐘: 's',
  m: 'm',
  min: 'm',
  分: 'm',
  分钟: 'm',
  分鐘: 'm',
  h: 'h',
  hr: 'h',
  时: 'h',
  小时: 'h',
  小時: 'h',
  个小时: 'h',
  個小時: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  天: 'd',
  日: 'd',
};

export type DurationParseResult = { ok: true; duration: Duration } | { ok: false; reason: 'format' | 'unit' | 'zero' };

export function parseDuration(input: unknown): DurationParseResult {
  if (typeof input !== 'string') return { ok: false, reason: 'format' };
  const text = toHalfWidth(input).trim().toLowerCase().replace(/\s+/g, '');
  const match = /^(\d+(?:\.\d+)?)(\D+)$/.exec(text);
  if (!match) return { ok: false, reason: 'format' };
  const unit = UNIT_ALIASES[match[2]!];
  if (!unit) return { ok: false, reason: 'unit' };
  const amount = Number(match[1]);
  if (amount <= 0) return { ok: false, reason: 'zero' };
  return { ok: true, duration: { amount, unit, seconds: Math.round(amount * UNIT_SECONDS[unit]) } };
}

/** "24 小时内" / "within 24 hours". */
export function formatDuration(duration: Duration, locale: Locale = 'zh-CN'): string {
  const { durationWords, within } = FORMATS[locale];
  const [one, many] = durationWords[duration.unit];
  return within(duration.amount, duration.amount === 1 ? one : many);
}
