/**
 * The collections of the content format, each declared once: where its files live, which extensions it
 * reads, its zod schema (with every field's help, see help.ts) and its name in both languages. Astro's
 * content config, the checker, the JSON Schemas for editors, `npm run new` and the authors' guide all read
 * this table; none of them lists the collections again.
 */
import type { z } from 'zod';
import type { Bilingual } from '../i18n/index.ts';
import * as schemas from './collections.ts';

/** A folder of entries: one file each, its name the entry's id. */
export interface EntryCollection<S extends z.ZodType = z.ZodType> {
  readonly source: 'folder';
  readonly folder: string;
  /** Extensions read, in the order `x.md` beside `x.yaml` is reported. */
  readonly extensions: readonly string[];
  /** YAML front matter and a Markdown body: always, or only for `.md` (a plan may be plain YAML). */
  readonly frontMatter: boolean | 'by-extension';
  /** Markdown bodies may hold MDX components (roles and SOPs). */
  readonly body: boolean;
  readonly schema: S;
  readonly name: Bilingual;
  /** `npm run new -- <kind> <id>`: the kind's name on the command line, and the new file's extension. */
  readonly scaffold?: { readonly kind: string; readonly extension: string };
}

/** One YAML file: a mapping (site.yaml) or a list of items (glossary.yaml, cadence.yaml). */
export interface FileCollection<S extends z.ZodType = z.ZodType> {
  readonly source: 'file';
  readonly file: string;
  readonly shape: 'mapping' | 'list';
  readonly required: boolean;
  /** The whole file's schema (for a list: an array of `item`). */
  readonly schema: S;
  /** One item's schema (for a mapping: the file's own). */
  readonly item: z.ZodType;
  readonly name: Bilingual;
}

export const COLLECTIONS = {
  site: {
    source: 'file',
    file: 'site.yaml',
    shape: 'mapping',
    required: true,
    schema: schemas.site,
    item: schemas.site,
    name: { zh: '站点', en: 'site' },
  },
  departments: {
    source: 'folder',
    folder: 'departments',
    extensions: ['.yaml', '.yml'],
    frontMatter: false,
    body: false,
    schema: schemas.department,
    name: { zh: '部门', en: 'department' },
    scaffold: { kind: 'department', extension: '.yaml' },
  },
  roles: {
    source: 'folder',
    folder: 'roles',
    extensions: ['.md', '.mdx'],
    frontMatter: true,
    body: true,
    schema: schemas.role,
    name: { zh: '岗位', en: 'role' },
    scaffold: { kind: 'role', extension: '.md' },
  },
  sops: {
    source: 'folder',
    folder: 'sops',
    extensions: ['.md', '.mdx'],
    frontMatter: true,
    body: true,
    schema: schemas.sop,
    name: { zh: 'SOP', en: 'SOP' },
    scaffold: { kind: 'sop', extension: '.md' },
  },
  plans: {
    source: 'folder',
    folder: 'plans',
    extensions: ['.yaml', '.yml', '.md'],
    frontMatter: 'by-extension',
    body: false,
    schema: schemas.plan,
    name: { zh: '运营计划', en: 'plan' },
    // A new plan is Markdown: its body holds the analysis.
    scaffold: { kind: 'plan', extension: '.md' },
  },
  glossary: {
    source: 'file',
    file: 'glossary.yaml',
    shape: 'list',
    required: false,
    schema: schemas.glossary,
    item: schemas.glossaryTerm,
    name: { zh: '术语表', en: 'glossary' },
  },
  cadence: {
    source: 'file',
    file: 'cadence.yaml',
    shape: 'list',
    required: false,
    schema: schemas.cadence,
    item: schemas.cadenceItem,
    name: { zh: '工作节奏', en: 'cadence' },
  },
} as const satisfies Record<string, EntryCollection | FileCollection>;

export type CollectionName = keyof typeof COLLECTIONS;
export type EntryCollectionName = { [K in CollectionName]: (typeof COLLECTIONS)[K] extends { source: 'folder' } ? K : never }[CollectionName];
export type FileCollectionName = Exclude<CollectionName, EntryCollectionName>;

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
export const ENTRY_COLLECTIONS = COLLECTION_NAMES.filter((name): name is EntryCollectionName => COLLECTIONS[name].source === 'folder');
export const FILE_COLLECTIONS = COLLECTION_NAMES.filter((name): name is FileCollectionName => COLLECTIONS[name].source === 'file');

/** Where a collection's files are, as a person would say it: `content/sops/<id>.md|.mdx`, `content/site.yaml`. */
export function collectionPlace(name: CollectionName): string {
  const collection: EntryCollection | FileCollection = COLLECTIONS[name];
  if (collection.source === 'file') return `content/${collection.file}`;
  const extensions = collection.extensions.filter((e) => e !== '.yml').join('|');
  return `content/${collection.folder}/<id>${extensions}`;
}

/** The collections `npm run new` scaffolds, by their kind on the command line. */
export const SCAFFOLD_KINDS = ENTRY_COLLECTIONS.flatMap((name) => {
  const collection: EntryCollection = COLLECTIONS[name];
  return collection.scaffold ? [{ collection: name, ...collection.scaffold }] : [];
});
