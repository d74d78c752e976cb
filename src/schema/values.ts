/**
 * Zod schemas for the shared value types of the content format, built on the
 * pure parsers of src/model/. A failed parse adds a custom issue whose
 * `params.rule` names the checker rule, so messages come from one rule table.
 */
import { z } from 'zod';
import { parseMoney, type Money } from '../model/money.ts';
import { parseMonth, parseDate, parseDuration, type Duration, type Month } from '../model/time.ts';
import { SLUG_PATTERN } from '../model/text.ts';

type Ctx = z.RefinementCtx;

function fail(ctx: Ctx, rule: string, input: unknown, message: string, extra: Record<string, unknown> = {}): never {
  ctx.addIssue({ code: 'custom', message, input, params: { rule, ...extra } });
  return z.NEVER;
}

function required(ctx: Ctx, input: unknown): boolean {
  if (input !== undefined) return false;
  ctx.addIssue({ code: 'custom', message: 'Required', input, params: { rule: 'schema.required' } });
  return true;
}

export const money = z.unknown().transform((input, ctx): Money => {
  if (required(ctx, input)) return z.NEVER;
  const result = parseMoney(input);
  if (result.ok) return result.money;
  return fail(ctx, 'value.money', input, `Invalid money (${result.reason})`, { reason: result.reason });
});

export const month = z.unknown().transform((input, ctx): Month => {
  if (required(ctx, input)) return z.NEVER;
  const result = parseMonth(input);
  if (result.ok) return result.month;
  return fail(ctx, 'value.month', input, `Invalid month (${result.reason}), expected YYYY-MM`, { reason: result.reason });
});

export const date = z.unknown().transform((input, ctx): string => {
  if (required(ctx, input)) return z.NEVER;
  const result = parseDate(input);
  if (result.ok) return result.date;
  return fail(ctx, 'value.date', input, `Invalid date (${result.reason}), expected YYYY-MM-DD`, { reason: result.reason });
});

export const duration = z.unknown().transform((input, ctx): Duration => {
  if (required(ctx, input)) return z.NEVER;
  const result = parseDuration(input);
  if (result.ok) return result.duration;
  return fail(ctx, 'value.duration', input, `Invalid duration (${result.reason}), expected e.g. 20s, 24h, 3天`, { reason: result.reason });
});

/** A time of day, "HH:MM" on a 24-hour clock (quoted in YAML). */
export const clock = z.unknown().transform((input, ctx): string => {
  if (required(ctx, input)) return z.NEVER;
  const match = typeof input === 'string' ? /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(input.trim()) : null;
  if (match) return `${match[1]!.padStart(2, '0')}:${match[2]}`;
  return fail(ctx, 'value.time', input, 'Invalid time, expected HH:MM');
});

/** A non-empty line of text; numbers are accepted and kept as written (a title such as 2024). */
export const text = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1));

export const textList = z.array(text);

/** An id reference (role, SOP, department). Existence is a cross-entry check in model/checks.ts. */
export const ref = z.string().trim().min(1);

export const slug = z.string().regex(SLUG_PATTERN);

export const kpi = z.object({
  name: text,
  target: z.union([z.number(), z.string().trim().min(1)]),
  unit: text.optional(),
  better: z.enum(['higher', 'lower']),
});

export type Kpi = z.output<typeof kpi>;
