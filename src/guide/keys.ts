/**
 * The keys of a collection, for the authors' guide: read from the JSON Schema
 * that `npm run schemas` generates from the zod schemas (src/schema/json-schemas.ts),
 * and from example data, so the guide's examples can be checked against the
 * format key by key.
 *
 * A key path names a key wherever it stands: 'title', 'headcount.current',
 * 'steps[].do', 'stages[].budget[].amount'. The items of a file that is a list
 * (glossary.yaml, cadence.yaml) have their keys at the top: 'term', 'aliases'.
 */

import type { Bilingual } from '../i18n/index.ts';

type Json = Readonly<Record<string, unknown>>;

export interface SchemaKey {
  readonly path: string;
  /** The field's help, when the JSON Schema carries it (jsonSchemaWithHelp). */
  readonly help?: Bilingual;
  /** An example value from the schema (YAML text). */
  readonly example?: string;
  /** Required in the object that holds it (a nested key: whenever its parent is written). */
  readonly required: boolean;
}

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Every key a JSON Schema describes, parents before their children, in the schema's order. */
export function schemaKeys(schema: Json): SchemaKey[] {
  const found = new Map<string, SchemaKey>();
  const walk = (node: unknown, prefix: string) => {
    if (!isObject(node)) return;
    const properties = node.properties;
    if (isObject(properties)) {
      const required = new Set(Array.isArray(node.required) ? node.required.map(String) : []);
      for (const [key, child] of Object.entries(properties)) {
        const path = prefix ? `${prefix}.${key}` : key;
        const known = found.get(path);
        const help = (isObject(child) && isObject(child.help) ? child.help : undefined) as Bilingual | undefined;
        const example = isObject(child) && typeof child.example === 'string' ? child.example : known?.example;
        found.set(path, {
          path,
          required: (known?.required ?? false) || required.has(key),
          ...((help ?? known?.help) ? { help: help ?? known?.help } : {}),
          ...(example === undefined ? {} : { example }),
        });
        walk(child, path);
      }
    }
    if (node.items !== undefined) {
      const itemPrefix = prefix ? `${prefix}[]` : '';
      for (const item of Array.isArray(node.items) ? node.items : [node.items]) walk(item, itemPrefix);
    }
    for (const combinator of ['anyOf', 'oneOf', 'allOf'] as const) {
      const branches = node[combinator];
      if (Array.isArray(branches)) for (const branch of branches) walk(branch, prefix);
    }
  };
  walk(schema, '');
  return [...found.values()];
}

/** Every key path used in some data (parsed YAML), in the order they first appear. */
export function dataKeyPaths(data: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown, prefix: string) => {
    if (Array.isArray(node)) {
      const itemPrefix = prefix ? `${prefix}[]` : '';
      for (const item of node) walk(item, itemPrefix);
    } else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        const path = prefix ? `${prefix}.${key}` : key;
        found.add(path);
        walk(value, path);
      }
    }
  };
  walk(data, '');
  return [...found];
}

const keyNames = (path: string) => path.split('.').map((part) => part.replace(/\[\]$/, ''));

/** The values at a key path (lists are entered item by item, at any depth). */
export function valuesAt(data: unknown, path: string): unknown[] {
  let nodes: unknown[] = [data];
  for (const key of keyNames(path)) {
    nodes = nodes.flatMap(function expand(node): unknown[] {
      if (Array.isArray(node)) return node.flatMap(expand);
      return isObject(node) && key in node ? [node[key]] : [];
    });
  }
  return nodes;
}

/** A deep copy of `data` without the key at `path`, wherever it stands. */
export function withoutKey(data: unknown, path: string): unknown {
  const names = keyNames(path);
  const drop = (node: unknown, depth: number): unknown => {
    if (Array.isArray(node)) return node.map((item) => drop(item, depth));
    if (!isObject(node)) return node;
    const name = names[depth]!;
    const last = depth === names.length - 1;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key]) => !(last && key === name))
        .map(([key, value]) => [key, key === name && !last ? drop(value, depth + 1) : value]),
    );
  };
  return drop(data, 0);
}

export type ParseResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

/**
 * The value the schema puts in place of an optional key the author leaves out,
 * found the honest way: parse the example without that key and look at what
 * comes out. Undefined when nothing does (an optional key without default).
 */
export function defaultOf(data: unknown, path: string, parse: (data: unknown) => ParseResult): { readonly value: unknown } | undefined {
  const result = parse(withoutKey(data, path));
  if (!result.ok) return undefined;
  const value = valuesAt(result.value, path).find((v) => v !== undefined);
  return value === undefined ? undefined : { value };
}

export interface KeyInfo {
  readonly required: boolean;
  /** What the key means, from its schema. */
  readonly help?: Bilingual;
  /** An example value from its schema. */
  readonly example?: string;
  /** Present when the schema fills the key in (reviewEvery: 12, participants: []). */
  readonly default?: { readonly value: unknown };
}

/** Required and default of every key of a schema, against a complete example of it. */
export function keyInfo(schema: Json, example: unknown, parse: (data: unknown) => ParseResult): Map<string, KeyInfo> {
  return new Map(
    schemaKeys(schema).map(({ path, required, help, example: value }) => {
      const fallback = required ? undefined : defaultOf(example, path, parse);
      return [path, { required, ...(help ? { help } : {}), ...(value === undefined ? {} : { example: value }), ...(fallback ? { default: fallback } : {}) }];
    }),
  );
}
