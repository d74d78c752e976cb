/**
 * A file that failed its schema, read part by part: each field of a mapping and each item of a list
 * with its own sub-schema (zod `safeParse` on the schema's shape), down to the part that fails, keeping
 * every part that parsed. The cross-checks (check/cross-checks.ts) then run on the parts they read when
 * none of those is broken, so one field's schema error (an empty `store`) hides no other check, and a
 * check that needs a broken part is skipped and says so. Nothing here names a field: the schema's shape
 * decides what a part is.
 */
import type { z } from 'zod';
import type { PathSegment } from './problems.ts';

export type PartPath = readonly PathSegment[];

export interface Parts<T = unknown> {
  /**
   * The value with every part that parsed in its place (defaults applied); a broken part is absent, and
   * a broken list item is a hole. Typed as the schema's output, but read a part only when `brokenUnder`
   * says nothing it reads is broken.
   */
  readonly value: T;
  /** The parts that did not parse, each at the deepest path that fails: ['store'], ['months', 1, 'revenue']. */
  readonly broken: readonly PartPath[];
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);

/** Reads `raw` part by part with `schema`. A value that parses whole has no broken part. */
export function readParts<S extends z.ZodType>(schema: S, raw: unknown): Parts<z.output<S>> {
  const broken: PartPath[] = [];
  const value = read(schema, raw, [], broken);
  return { value: value as z.output<S>, broken };
}

function read(schema: z.ZodType, raw: unknown, path: PartPath, broken: PartPath[]): unknown {
  const whole = schema.safeParse(raw);
  if (whole.success) return whole.data;
  const before = broken.length;
  let value: unknown;
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) && raw !== undefined && raw !== null) {
    value = read(def.innerType as z.ZodType, raw, path, broken);
  } else if (def.type === 'object' && isMapping(raw)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      const part = read(child, raw[key], [...path, key], broken);
      if (part !== undefined) out[key] = part;
    }
    value = out;
  } else if (def.type === 'array' && Array.isArray(raw)) {
    value = raw.map((item, i) => read(def.element as z.ZodType, item, [...path, i], broken));
  }
  // Nothing below failed on its own (a leaf, a list that is too short, a check across fields): this part is broken whole.
  if (broken.length === before) {
    broken.push(path);
    return undefined;
  }
  return value;
}

/**
 * The first broken part that a check reading `pattern` depends on, or undefined when it may run.
 * `'*'` in a pattern stands for every item of a list: ['months', '*', 'revenue'] reads each month's
 * revenue, so it depends on ['months'] (not a list), ['months', 2] (an item that is not a mapping)
 * and ['months', 2, 'revenue'], not on ['months', 2, 'marketing'].
 */
export function brokenUnder(broken: readonly PartPath[], pattern: readonly PathSegment[]): PartPath | undefined {
  return broken.find((b) => {
    const n = Math.min(b.length, pattern.length);
    for (let i = 0; i < n; i++) if (pattern[i] !== '*' && pattern[i] !== b[i]) return false;
    return true;
  });
}
