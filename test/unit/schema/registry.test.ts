import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, COLLECTION_NAMES, ENTRY_COLLECTIONS, FILE_COLLECTIONS, SCAFFOLD_KINDS, collectionPlace } from '../../../src/schema/registry.ts';
import { jsonSchemaWithHelp } from '../../../src/schema/json-schemas.ts';
import { schemaKeys } from '../../../src/guide/keys.ts';

describe('the collection registry', () => {
  it('declares each collection once, as a folder of entries or a single file', () => {
    expect(COLLECTION_NAMES.sort()).toEqual(['cadence', 'departments', 'glossary', 'plans', 'roles', 'site', 'sops']);
    expect([...ENTRY_COLLECTIONS, ...FILE_COLLECTIONS].sort()).toEqual([...COLLECTION_NAMES].sort());
  });

  it('gives every key of every collection its help in Chinese and English', () => {
    for (const name of COLLECTION_NAMES) {
      const keys = schemaKeys(jsonSchemaWithHelp(name));
      expect(keys.length, name).toBeGreaterThan(0);
      for (const { path, help } of keys) {
        expect(help?.zh, `${name}: ${path} (zh)`).toMatch(/\S/);
        expect(help?.en, `${name}: ${path} (en)`).toMatch(/\S/);
      }
    }
  });

  it('says where the files are, and the sample handbook has them there', () => {
    expect(collectionPlace('sops')).toBe('content/sops/<id>.md|.mdx');
    expect(collectionPlace('site')).toBe('content/site.yaml');
    for (const name of ENTRY_COLLECTIONS) expect(existsSync(`content/${COLLECTIONS[name].folder}`), name).toBe(true);
    for (const name of FILE_COLLECTIONS) expect(existsSync(`content/${COLLECTIONS[name].file}`), name).toBe(true);
  });

  it('scaffolds the four kinds of entry', () => {
    expect(SCAFFOLD_KINDS.map((k) => k.kind).sort()).toEqual(['department', 'plan', 'role', 'sop']);
  });
});
