import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dataKeyPaths, defaultOf, keyInfo, schemaKeys, valuesAt, withoutKey, type ParseResult } from '../../../src/guide/keys.ts';

const schema = z.object({
  title: z.string(),
  every: z.number().default(12),
  tags: z.array(z.string()).default([]),
  box: z.object({ inner: z.string(), extra: z.boolean().default(false) }).optional(),
  steps: z.array(z.union([z.string(), z.object({ do: z.string(), by: z.string().optional() })])),
});
const json = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
const parse = (data: unknown): ParseResult => {
  const result = schema.safeParse(data);
  return result.success ? { ok: true, value: result.data } : { ok: false };
};
const example = { title: 't', every: 6, tags: ['a'], box: { inner: 'i', extra: true }, steps: ['s', { do: 'd', by: 'b' }] };

describe('schemaKeys', () => {
  it('lists every key with its path, nested ones through objects, lists and unions', () => {
    expect(schemaKeys(json)).toEqual([
      { path: 'title', required: true },
      { path: 'every', required: false },
      { path: 'tags', required: false },
      { path: 'box', required: false },
      { path: 'box.inner', required: true },
      { path: 'box.extra', required: false },
      { path: 'steps', required: true },
      { path: 'steps[].do', required: true },
      { path: 'steps[].by', required: false },
    ]);
  });

  it('gives the items of a list file their keys at the top', () => {
    const list = z.toJSONSchema(z.array(z.object({ term: z.string(), aliases: z.array(z.string()).optional() })), { io: 'input' }) as Record<string, unknown>;
    expect(schemaKeys(list).map((k) => k.path)).toEqual(['term', 'aliases']);
  });
});

describe('dataKeyPaths / valuesAt / withoutKey', () => {
  it('lists the keys data uses, in the same notation', () => {
    expect(dataKeyPaths(example)).toEqual(['title', 'every', 'tags', 'box', 'box.inner', 'box.extra', 'steps', 'steps[].do', 'steps[].by']);
    expect(dataKeyPaths([{ term: 'x', aliases: ['y'] }])).toEqual(['term', 'aliases']);
  });

  it('reads and drops a key wherever it stands, leaving the data untouched', () => {
    expect(valuesAt(example, 'steps[].do')).toEqual(['d']);
    expect(valuesAt([{ a: 1 }, { a: 2 }], 'a')).toEqual([1, 2]);
    expect(withoutKey(example, 'box.extra')).toEqual({ ...example, box: { inner: 'i' } });
    expect(withoutKey(example, 'steps[].by')).toEqual({ ...example, steps: ['s', { do: 'd' }] });
    expect(example.box.extra).toBe(true);
  });
});

describe('defaultOf / keyInfo', () => {
  it('finds the default the schema puts in place of a missing key, by parsing without it', () => {
    expect(defaultOf(example, 'every', parse)).toEqual({ value: 12 });
    expect(defaultOf(example, 'tags', parse)).toEqual({ value: [] });
    expect(defaultOf(example, 'box.extra', parse)).toEqual({ value: false });
    expect(defaultOf(example, 'box', parse)).toBeUndefined();
    expect(defaultOf(example, 'title', parse)).toBeUndefined();
  });

  it('says for every key whether it is required and what it defaults to', () => {
    const info = keyInfo(json, example, parse);
    expect(info.get('title')).toEqual({ required: true });
    expect(info.get('every')).toEqual({ required: false, default: { value: 12 } });
    expect(info.get('steps[].by')).toEqual({ required: false });
  });
});
