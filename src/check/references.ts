/**
 * The references a file makes (owner, participants, steps[].by, department, reportsTo, related,
 * seeAlso, cadence owner/sop…), found by walking the file's schema beside what the author wrote.
 * Each reference field is read on its own, so a file that failed its schema elsewhere (a bad
 * `frequency`) still has its references checked in the same run. The schema says which fields are
 * references (REF_KINDS in schema/values.ts); nothing here names a field.
 */
import type { z } from 'zod';
import { REF_KINDS, type RefKind } from '../schema/values.ts';
import type { PathSegment } from './problems.ts';
import { splitJoinedItems } from '../domain/text.ts';

export interface Reference {
  readonly kind: RefKind;
  /** The id as the schema reads it (trimmed). */
  readonly id: string;
  readonly path: readonly PathSegment[];
  /** An item of a list of references (participants, related…), not a field holding one id. */
  readonly inList: boolean;
  /**
   * The schema requires it (sop `owner`, role `department`): no optional or default wrapper and no list
   * on its way. A page cannot leave such a reference out, so it must point to something its readers may read.
   */
  readonly required: boolean;
}

export interface FileReference extends Reference {
  readonly file: string;
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export function referencesIn(schema: z.ZodType, data: unknown, path: readonly PathSegment[] = [], inList = false, optional = false): Reference[] {
  const kind = REF_KINDS.get(schema)?.kind;
  if (kind) {
    if (data === undefined) return [];
    const read = schema.safeParse(data);
    return read.success ? [{ kind, id: String(read.data), path, inList, required: !optional && !inList }] : [];
  }
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      if (!isObject(data)) return [];
      const shape = def.shape as Record<string, z.ZodType>;
      return Object.entries(shape).flatMap(([key, child]) => (key in data ? referencesIn(child, data[key], [...path, key], false, optional) : []));
    }
    case 'array': {
      const element = def.element as z.ZodType;
      // A list's items are never required one by one (a page can leave one out); a list file's items (glossary.yaml) neither.
      if (Array.isArray(data)) return data.flatMap((item, i) => referencesIn(element, item, [...path, i], true, true));
      // A list written as one text (participants: cs-lead、presales-cs) fails its schema, but its ids are
      // still checked in the same run, at the field itself.
      if (typeof data === 'string') return (splitJoinedItems(data, true)?.items ?? [data]).flatMap((item) => referencesIn(element, item, path, true, true));
      return [];
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return referencesIn(def.innerType as z.ZodType, data, path, inList, true);
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return referencesIn(def.innerType as z.ZodType, data, path, inList, optional);
    case 'pipe':
      return referencesIn(def.in as z.ZodType, data, path, inList, optional);
    case 'union':
      // A step is a text or a mapping: the first option that finds references in the data is the one written.
      for (const option of def.options as z.ZodType[]) {
        const found = referencesIn(option, data, path, inList, optional);
        if (found.length > 0) return found;
      }
      return [];
    default:
      return [];
  }
}
