/**
 * The guide's example files with their comments: which keys are required and
 * what the others default to comes from the collection's schema (its JSON
 * Schema for "required", a parse without the key for the default), so the
 * comments cannot drift from the format. See ./example-files.ts.
 */
import { sourceLocale, type Locale } from '../i18n/index.ts';
import { JSON_SCHEMA_COLLECTIONS, jsonSchemaWithHelp } from '../schema/json-schemas.ts';
import { keyInfo, schemaKeys, type KeyInfo, type ParseResult, type SchemaKey } from './keys.ts';
import { annotate, exampleData, type GuideCollection, type GuideExample } from './example-files.ts';
import { inScriptOf } from '../domain/script.ts';

export function parserOf(collection: GuideCollection): (data: unknown) => ParseResult {
  const { schema } = JSON_SCHEMA_COLLECTIONS[collection];
  return (data) => {
    const result = schema.safeParse(data);
    return result.success ? { ok: true, value: result.data } : { ok: false };
  };
}

/** Every key of a collection with its help, from its JSON Schema. */
export function collectionKeys(collection: GuideCollection): SchemaKey[] {
  return schemaKeys(jsonSchemaWithHelp(collection));
}

/** Required and default of every key of the example's collection. */
export function exampleKeyInfo(example: GuideExample): Map<string, KeyInfo> {
  return keyInfo(jsonSchemaWithHelp(example.collection), exampleData(example), parserOf(example.collection));
}

/**
 * The example file with its comments in the reader's language. A complete example
 * also says, key by key, what is required and what the defaults are.
 */
export function annotatedExample(example: GuideExample, lang: Locale): string {
  return annotate(example, {
    lang: sourceLocale(lang),
    convert: inScriptOf(lang),
    keys: example.complete ? exampleKeyInfo(example) : undefined,
  });
}
