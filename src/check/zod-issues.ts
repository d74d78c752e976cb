/** Turns zod issues into checker problems: one rule per kind of slip, with what was found and expected. */
import type { z } from 'zod';
import type { PathSegment, ParamValue } from './problems.ts';
import { hasFullWidthDigits, nearest, splitJoinedItems } from '../domain/text.ts';
import { enumValueNamed } from './enum-names.ts';

export interface RawProblem {
  readonly rule: string;
  readonly path: readonly PathSegment[];
  readonly params: Record<string, ParamValue>;
}

const EXPECTED_ZH: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表（每项以 - 开头）',
  object: '键值对（key: value）',
  text: '文字',
};

/** What the author wrote, shown in the message ({…} and […] stand for a mapping and a list). */
function describeFound(value: unknown): ParamValue {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return '[…]';
  if (value !== null && typeof value === 'object') return '{…}';
  return value as ParamValue;
}

export function zodIssuesToProblems(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: readonly PathSegment[] = []): RawProblem[] {
  return issues.flatMap((issue) => convert(issue, input, prefix));
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key as string];
  }
  return node;
}

function convert(issue: z.core.$ZodIssue, root: unknown, prefix: readonly PathSegment[]): RawProblem[] {
  const path = [...prefix, ...(issue.path as PathSegment[])];
  const input = 'input' in issue ? issue.input : valueAt(root, issue.path);
  const field = String(path.at(-1) ?? '');
  switch (issue.code) {
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, ParamValue>;
      const rule = String(params.rule ?? 'schema.invalid');
      if (rule === 'schema.required') return [{ rule, path, params: { field } }];
      return [{ rule, path, params: { ...params, found: describeFound(input), detail: issue.message } }];
    }
    case 'invalid_type': {
      if (input === undefined) return [{ rule: 'schema.required', path, params: { field } }];
      const expected = issue.expected as string;
      const joined = expected === 'array' && typeof input === 'string' ? splitJoinedItems(input, true) : undefined;
      if (joined)
        return [{ rule: 'list.separator', path, params: { found: input as string, separator: joined.separator, items: joined.items, inList: false } }];
      return [
        {
          rule: 'schema.type',
          path,
          params: {
            expected: EXPECTED_ZH[expected] ?? expected,
            expectedEn: expected === 'object' ? 'a mapping (key: value)' : expected === 'array' ? 'a list' : expected,
            found: describeFound(input),
            fullWidthDigits: typeof input === 'string' && hasFullWidthDigits(input),
          },
        },
      ];
    }
    case 'invalid_value':
      return [enumProblem(path, input, issue.values.map(String))];
    case 'invalid_format':
      // A pattern with a message of its own (not zod's "Invalid string: …") says what is expected in words.
      if (issue.format === 'regex' && issue.message && !issue.message.startsWith('Invalid')) {
        return [{ rule: 'schema.invalid', path, params: { found: describeFound(input), detail: issue.message } }];
      }
      return [
        {
          rule: 'schema.invalid',
          path,
          params: {
            found: describeFound(input),
            detail: issue.format === 'regex' ? `格式 / format ${String((issue as { pattern?: string }).pattern ?? '')}` : issue.format,
          },
        },
      ];
    case 'too_small': {
      const isArray = issue.origin === 'array';
      if (issue.origin === 'string' && input === '') return [{ rule: 'schema.tooSmall', path, params: { minimum: 1, isArray: false } }];
      return [
        {
          rule: isArray ? 'schema.tooSmall' : 'schema.invalid',
          path,
          params: {
            minimum: Number(issue.minimum),
            isArray,
            count: Array.isArray(input) ? input.length : undefined,
            found: describeFound(input),
            detail: `≥ ${issue.minimum}`,
          },
        },
      ];
    }
    case 'too_big':
      return [{ rule: 'schema.invalid', path, params: { found: describeFound(input), detail: `≤ ${issue.maximum}` } }];
    case 'invalid_union': {
      if (input === undefined) return [{ rule: 'schema.required', path, params: { field } }];
      // Report the branch that got furthest: the one whose problems are not just "wrong type here".
      const branches = issue.errors.filter((branch) => branch.length > 0);
      const deeper = branches.find((branch) => branch.every((i) => i.path.length > 0 || (i.code !== 'invalid_type' && i.code !== 'invalid_union')));
      if (deeper && input !== null && typeof input === 'object') return deeper.flatMap((i) => convert(i, input, path));
      // A text where the text branch is an enum (on: mon…sun or a day number): the enum's values are what was meant.
      const values = typeof input === 'string' ? branches.flat().find((i) => i.code === 'invalid_value' && i.path.length === 0) : undefined;
      if (values?.code === 'invalid_value') return [enumProblem(path, input, values.values.map(String))];
      const expected = branches.flatMap((b) => b.filter((i) => i.code === 'invalid_type').map((i) => (i as { expected: string }).expected));
      const unique = [...new Set(expected)];
      return [
        {
          rule: 'schema.type',
          path,
          params: {
            expected: unique.map((e) => EXPECTED_ZH[e] ?? e).join(' 或 '),
            expectedEn: unique.join(' or '),
            found: describeFound(input),
            fullWidthDigits: typeof input === 'string' && hasFullWidthDigits(input),
          },
        },
      ];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ rule: 'schema.unknownKey', path: [...path, key], params: { key } }));
    default:
      return [{ rule: 'schema.invalid', path, params: { found: describeFound(input), detail: issue.message } }];
  }
}

/** A value outside an enum, with the value meant: its id when written by name (每天 → daily), else the nearest id. */
function enumProblem(path: readonly PathSegment[], input: unknown, allowed: string[]): RawProblem {
  const named = typeof input === 'string' ? enumValueNamed(input, allowed) : undefined;
  const suggestion = named ?? (typeof input === 'string' ? nearest(input, allowed) : undefined);
  return { rule: 'schema.enum', path, params: { found: describeFound(input), allowed, suggestion, byName: named !== undefined } };
}

/**
 * Keys the schema does not know, as warnings (likely typos). Zod strips them
 * silently, so we walk the schema's shape beside the data.
 */
export function unknownKeys(schema: z.ZodType, data: unknown, path: PathSegment[] = []): RawProblem[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'object': {
      if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
      const shape = def.shape as Record<string, z.ZodType>;
      const known = Object.keys(shape);
      return Object.entries(data as Record<string, unknown>).flatMap(([key, value]) => {
        const child = shape[key];
        if (!child) return [{ rule: 'schema.unknownKey', path: [...path, key], params: { key, suggestion: nearest(key, known) } }];
        return unknownKeys(child, value, [...path, key]);
      });
    }
    case 'array':
      return Array.isArray(data) ? data.flatMap((item, i) => unknownKeys(def.element as z.ZodType, item, [...path, i])) : [];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return unknownKeys(def.innerType as z.ZodType, data, path);
    case 'pipe': {
      const inner = def.in as z.ZodType;
      const innerType = (inner as unknown as { _zod: { def: { type: string } } })._zod.def.type;
      return unknownKeys(innerType === 'transform' ? (def.out as z.ZodType) : inner, data, path);
    }
    case 'union': {
      if (data === null || typeof data !== 'object') return [];
      const objects = (def.options as z.ZodType[]).filter((o) =>
        ['object', 'pipe'].includes((o as unknown as { _zod: { def: { type: string } } })._zod.def.type),
      );
      const results = objects.map((o) => unknownKeys(o, data, path));
      return results.length ? results.reduce((best, r) => (r.length < best.length ? r : best)) : [];
    }
    default:
      return [];
  }
}
