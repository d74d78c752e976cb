/**
 * Zod schemas for the shared value types of the content format, built on the
 * pure parsers of src/domain/. A failed parse adds a custom issue whose
 * `params.rule` names the checker rule, so messages come from one rule table.
 */
import { z } from 'zod';
import { nearestAmount, parseMoney, TBD_WORDS, type Money } from '../domain/money.ts';
import { parseMonth, parseDate, parseDuration, UNIT_ALIASES, type Duration, type Month } from '../domain/time.ts';
import { SLUG_PATTERN } from '../domain/text.ts';
import { parsePercent } from '../domain/actuals/values.ts';
import { help } from './help.ts';

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

/*
 * What each value type accepts, for editors. The parsers below take unknown input, which JSON Schema
 * cannot see through (z.toJSONSchema({ io: 'input' }) would say nothing), so each one carries a
 * .meta() describing the input it accepts: the patterns below mirror the parsers in src/domain/
 * (width folding included: authors' keyboards switch to full-width digits) and
 * test/unit/schema/json-schemas.test.ts checks that both agree. Metadata never changes parsing.
 * `patternErrorMessage` is the message VS Code's YAML extension shows instead of "does not match".
 */

/** ASCII printable → its full-width twin (Ａ, １, －); other characters stay as they are. */
const fullWidth = (ch: string) => (ch >= '!' && ch <= '~' ? String.fromCodePoint(ch.codePointAt(0)! + 0xfee0) : ch);
const escapeClass = (ch: string) => (/[\\\]^-]/.test(ch) ? `\\${ch}` : ch);

/** A regex source matching `word` typed in either width (and either case when `caseless`), as the parsers fold it. */
function anyWidth(word: string, caseless = false): string {
  return [...word]
    .map((ch) => {
      const forms = [...new Set((caseless ? [ch.toLowerCase(), ch.toUpperCase()] : [ch]).flatMap((c) => [c, fullWidth(c)]))];
      return forms.length === 1 ? forms[0]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : `[${forms.map(escapeClass).join('')}]`;
    })
    .join('');
}

const DIGIT = '[0-9０-９]';
const DOT = '[.．]';
const DASH = '[-－]';
const MONTH_NUMBER = '(?:[0０][1-9１-９]|[1１][0-2０-２])';
const DAY_NUMBER = `(?:[0０][1-9１-９]|[12１２]${DIGIT}|[3３][01０１])`;
const trimmed = (source: string) => `^\\s*(?:${source})\\s*$`;

export const MONEY_INPUT_PATTERN = trimmed(
  `(?:${DIGIT}{1,3}(?:[,，]${DIGIT}{3})+|${DIGIT}+)(?:${DOT}${DIGIT}+)?\\s*[千万萬亿億]?\\s*元?|${[...TBD_WORDS].map((w) => anyWidth(w, true)).join('|')}`,
);
export const MONTH_INPUT_PATTERN = trimmed(`${DIGIT}{4}${DASH}${MONTH_NUMBER}`);
export const DATE_INPUT_PATTERN = trimmed(`${DIGIT}{4}${DASH}${MONTH_NUMBER}${DASH}${DAY_NUMBER}`);
export const DURATION_INPUT_PATTERN = trimmed(
  `${DIGIT}+(?:${DOT}${DIGIT}+)?\\s*(?:${Object.keys(UNIT_ALIASES)
    .sort((a, b) => b.length - a.length)
    .map((u) => anyWidth(u, true))
    .join('|')})`,
);
/** A time of day on a 24-hour clock; the parser below uses it as well. */
const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;
export const CLOCK_INPUT_PATTERN = trimmed(CLOCK.source.slice(1, -1));

export const money = z
  .unknown()
  .transform((input, ctx): Money => {
    if (required(ctx, input)) return z.NEVER;
    const result = parseMoney(input);
    if (result.ok) return result.money;
    return fail(ctx, 'value.money', input, `Invalid money (${result.reason})`, { reason: result.reason, suggestion: nearestAmount(input) });
  })
  .meta({
    description:
      '金额：数字（元），或 15万、4.5万元、1,188元、3096.00；没定下来写 待定 / Money: yuan as a number, or 15万, 4.5万元, 1,188元; 待定 or TBD when not decided',
    anyOf: [
      { type: 'number', minimum: 0 },
      {
        type: 'string',
        pattern: MONEY_INPUT_PATTERN,
        patternErrorMessage: '金额写法无法识别：应为数字或如 15万、4.5万元、1,188元、待定 / Unreadable amount: e.g. 15万, 4.5万元, 1,188元, 待定',
      },
      { type: 'null' },
    ],
  });

export const month = z
  .unknown()
  .transform((input, ctx): Month => {
    if (required(ctx, input)) return z.NEVER;
    const result = parseMonth(input);
    if (result.ok) return result.month;
    return fail(ctx, 'value.month', input, `Invalid month (${result.reason}), expected YYYY-MM`, { reason: result.reason });
  })
  .meta({
    description: '月份 YYYY-MM，如 2014-01 / Month YYYY-MM, e.g. 2014-01',
    type: 'string',
    pattern: MONTH_INPUT_PATTERN,
    patternErrorMessage: '月份应为 YYYY-MM（如 2014-01，月份 01–12）/ Month: YYYY-MM (e.g. 2014-01, months 01–12)',
  });

export const date = z
  .unknown()
  .transform((input, ctx): string => {
    if (required(ctx, input)) return z.NEVER;
    const result = parseDate(input);
    if (result.ok) return result.date;
    return fail(ctx, 'value.date', input, `Invalid date (${result.reason}), expected YYYY-MM-DD`, { reason: result.reason });
  })
  .meta({
    description: '日期 YYYY-MM-DD，如 2026-03-01 / Date YYYY-MM-DD, e.g. 2026-03-01',
    type: 'string',
    pattern: DATE_INPUT_PATTERN,
    patternErrorMessage: '日期应为 YYYY-MM-DD（如 2026-03-01）/ Date: YYYY-MM-DD (e.g. 2026-03-01)',
  });

export const duration = z
  .unknown()
  .transform((input, ctx): Duration => {
    if (required(ctx, input)) return z.NEVER;
    const result = parseDuration(input);
    if (result.ok) return result.duration;
    return fail(ctx, 'value.duration', input, `Invalid duration (${result.reason}), expected e.g. 20s, 24h, 3天`, { reason: result.reason });
  })
  .meta({
    description: '时限：20s、30m、24h、3d，或 20秒、24小时、3天 / Duration: 20s, 30m, 24h, 3d (or 20秒, 24小时, 3天)',
    type: 'string',
    pattern: DURATION_INPUT_PATTERN,
    patternErrorMessage: '时限应如 20s、30m、24h、3d，或 20秒、24小时、3天 / Duration: e.g. 20s, 30m, 24h, 3d, 24小时',
  });

export const PERCENT_INPUT_PATTERN = trimmed(`${DIGIT}+(?:${DOT}${DIGIT}+)?\\s*[%％]|${DIGIT}*(?:${DOT}${DIGIT}+)?`);

/** A percent as a fraction: 80% or 0.8 (tracking.lowAttainment; above 100% allowed there). */
export const percent = z
  .unknown()
  .transform((input, ctx): number => {
    if (required(ctx, input)) return z.NEVER;
    const result = parsePercent(input, undefined, { allowAbove100: true });
    if (result.ok && result.value) return result.value.value;
    return fail(ctx, 'schema.type', input, 'Invalid percent, expected 80% or 0.8', {
      expected: '百分比（如 80% 或 0.8）',
      expectedEn: 'a percent (80% or 0.8)',
    });
  })
  .meta({
    description: '百分比：80% 或 0.8 / Percent: 80% or 0.8',
    anyOf: [
      { type: 'number', minimum: 0 },
      { type: 'string', pattern: PERCENT_INPUT_PATTERN, patternErrorMessage: '百分比应如 80% 或 0.8 / Percent: e.g. 80% or 0.8' },
    ],
  });

/** A time of day, "HH:MM" on a 24-hour clock (quoted in YAML). */
export const clock = z
  .unknown()
  .transform((input, ctx): string => {
    if (required(ctx, input)) return z.NEVER;
    const match = typeof input === 'string' ? CLOCK.exec(input.trim()) : null;
    if (match) return `${match[1]!.padStart(2, '0')}:${match[2]}`;
    return fail(ctx, 'value.time', input, 'Invalid time, expected HH:MM');
  })
  .meta({
    description: '时刻 "HH:MM"，24 小时制，如 "17:30" / Time of day "HH:MM", 24-hour clock',
    type: 'string',
    pattern: CLOCK_INPUT_PATTERN,
    patternErrorMessage: '时刻应为 24 小时制的 "HH:MM"（如 "17:30"）/ Time: 24-hour "HH:MM" (e.g. "17:30")',
  });

/** A non-empty line of text; numbers are accepted and kept as written (a title such as 2024). */
const makeText = () =>
  z
    .union([z.string(), z.number()])
    .transform((value) => String(value).trim())
    .pipe(z.string().min(1))
    // JSON Schema applies `pattern` to strings only: a number (a title such as 2024) stays valid.
    .meta({ pattern: '\\S', patternErrorMessage: '不能为空 / Must not be empty' });

export const text = makeText();

export const textList = z.array(text);

/** An id (of a stage in its plan); a reference to another entry is one of the *Ref schemas below. */
export const ref = z.string().trim().min(1);

export type RefKind = 'role' | 'sop' | 'department' | 'term' | 'audience';

/**
 * Which kind of entry each reference field names. The checker walks a file's schema beside its data
 * to find them (check/references.ts), so a new reference field is declared here and nowhere else.
 * A registry of its own, not .meta(): it stays out of the JSON Schemas.
 */
export const REF_KINDS = z.registry<{ kind: RefKind }>();

function refTo<S extends z.ZodType>(schema: S, kind: RefKind): S {
  REF_KINDS.add(schema, { kind });
  return schema;
}

export const roleRef = refTo(z.string().trim().min(1), 'role');
export const sopRef = refTo(z.string().trim().min(1), 'sop');
export const departmentRef = refTo(z.string().trim().min(1), 'department');
/** A glossary term named by its text (seeAlso). */
export const termRef = refTo(makeText(), 'term');
/** An audience declared in site.yaml `audiences` (its id). */
export const audienceRef = refTo(z.string().trim().min(1), 'audience');

export const slug = z.string().regex(SLUG_PATTERN);

export const kpi = z.object({
  name: text.meta(help('指标名称', 'what is measured')),
  target: z.union([z.number(), z.string().trim().min(1)]).meta(help('目标值，数字或文字', 'the target, a number or text')),
  unit: text.optional().meta(help('单位，如 %、小时、元', 'unit, such as %, 小时 (hours), 元')),
  better: z.enum(['higher', 'lower']).meta(help('方向：higher 越高越好，lower 越低越好', 'direction: higher or lower is better')),
});

export type Kpi = z.output<typeof kpi>;
