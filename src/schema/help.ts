/**
 * A field's help, written once on its zod schema (as Starlight documents its config): the JSON Schemas
 * for editors, the templates of `npm run new` and the authors' guide's annotated examples all read it.
 */
import { z } from 'zod';
import type { Bilingual } from '../i18n/index.ts';

declare module 'zod' {
  interface GlobalMeta {
    /** What the field means, in both source languages. */
    help?: Bilingual;
    /** A value as an author would write it (YAML), for templates and the guide where they have none of their own. */
    example?: string;
  }
}

/** `.meta(help('中文说明', 'English help'))` on a field's schema; a third argument gives an example value. */
export function help(zh: string, en: string, example?: string): { help: Bilingual; example?: string } {
  return example === undefined ? { help: { zh, en } } : { help: { zh, en }, example };
}

/** The help a schema carries (its own, not its inner type's). */
export function helpOf(schema: z.ZodType): Bilingual | undefined {
  return z.globalRegistry.get(schema)?.help;
}

/** The example value a schema carries, if any. */
export function exampleOf(schema: z.ZodType): string | undefined {
  return z.globalRegistry.get(schema)?.example;
}
