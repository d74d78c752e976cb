/**
 * The browser editor's configuration (Sveltia CMS, served at /admin/config.yml), derived from the
 * collection registry and the zod schemas: every collection and field, labelled and explained from
 * the field help, enums as selects named by the site's dictionary, references as relation fields
 * (titles shown, ids stored), value types with the checker's own patterns and messages. Nothing here
 * names a field of the content format: a new field in src/schema/ appears in the editor by itself.
 */
import { z } from 'zod';
import { stringify } from 'yaml';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName, type EntryCollection, type FileCollection } from '../schema/registry.ts';
import { helpOf } from '../schema/help.ts';
import { REF_KINDS, type RefKind } from '../schema/values.ts';
import type { SiteData } from '../schema/collections.ts';
import { inLanguage, useTranslations, type Bilingual, type Locale, type Translate, type UiKey } from '../i18n/index.ts';
import { inScriptOf } from '../domain/script.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import type { FileKind, Shorthand } from './round-trip.ts';

export type CmsField = Record<string, unknown> & { name: string; label: string; widget: string };
export type CmsCollection = Record<string, unknown> & { name: string; label: string };
export interface CmsConfig {
  readonly [key: string]: unknown;
  readonly collections: CmsCollection[];
}

export interface ReferenceTarget {
  readonly id: string;
  readonly title: string;
  /** `.md`, `.mdx` … */
  readonly extension: string;
}

export type EditorSettings = Exclude<SiteData['editor'], false | undefined>;

export interface CmsConfigOptions {
  readonly locale: Locale;
  /** site.yaml's `editor` (a Git host), or nothing: local-folder mode only. */
  readonly editor?: EditorSettings | undefined;
  /**
   * The handbook's roles and SOPs (id, title, file extension). Sveltia reads one file extension per
   * collection, so a relation field cannot list an `.mdx` role beside the `.md` ones: when the handbook
   * has entries of a kind in more than one extension, that kind's references become selects of every
   * entry by title (ids stored), built with this configuration. Without them, relations throughout.
   */
  readonly entries?: Partial<Record<'role' | 'sop', readonly ReferenceTarget[]>> | undefined;
  /** The site's base path (OPSBOOK_BASE), default `/`. */
  readonly base?: string | undefined;
  /** The site's public address, for the CMS's "view on site" links. */
  readonly siteUrl?: string | undefined;
}

/** The name of the one list field that holds a list file's items (glossary.yaml, cadence.yaml). */
const LIST_FIELD = 'items';

/** The CMS collection each kind of reference picks from: its name, the field shown and the value stored. */
const REF_TARGETS: Record<RefKind, { collection: CollectionName; display: string; value: string; file?: string }> = {
  role: { collection: 'roles', display: 'title', value: '{{slug}}' },
  sop: { collection: 'sops', display: 'title', value: '{{slug}}' },
  department: { collection: 'departments', display: 'name', value: '{{slug}}' },
  term: { collection: 'glossary', file: 'glossary', display: `${LIST_FIELD}.*.term`, value: `${LIST_FIELD}.*.term` },
  audience: { collection: 'site', file: 'site', display: 'audiences.*.name', value: 'audiences.*.id' },
};

/** Enum values are named by these dictionary namespaces: `frequency.daily` → 每日. */
const ENUM_NAMESPACES = ['frequency', 'level', 'every', 'weekday', 'per', 'status', 'better', 'locale', 'currency'] as const;

/** Sveltia's UI language for the site's locale (it has zh-CN, zh-TW and en-US): the admin page sets it. */
export const CMS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', en: 'en-US' };

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def; bag?: Record<string, unknown> } })._zod.def;
type Check = { check: string } & Record<string, unknown>;
const checksOf = (schema: z.ZodType): Check[] => ((defOf(schema).checks as { _zod: { def: Check } }[] | undefined) ?? []).map((check) => check._zod.def);

/** A number field's bounds as the form takes them (a positive whole number starts at 1). */
function numberRange(schema: z.ZodType): { min?: number; max?: number; integer: boolean } {
  let min: number | undefined;
  let max: number | undefined;
  let integer = false;
  for (const check of checksOf(schema)) {
    if (check.check === 'number_format' && (check.format === 'safeint' || check.format === 'int32')) integer = true;
  }
  for (const check of checksOf(schema)) {
    const value = check.value as number;
    if (check.check === 'greater_than') min = check.inclusive ? value : integer ? value + 1 : value;
    if (check.check === 'less_than') max = check.inclusive ? value : integer ? value - 1 : value;
  }
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), integer };
}

interface Context {
  /** Kinds of reference picked from a list of the handbook's entries instead of a relation. */
  readonly choices: Partial<Record<RefKind, readonly ReferenceTarget[]>>;
  readonly locale: Locale;
  readonly t: Translate;
  readonly script: (text: string) => string;
}

/** A value type of the content format (money, month, date, duration, time, percent, text): its input pattern. */
interface ValueMeta {
  readonly pattern?: string;
  readonly patternErrorMessage?: string;
  readonly description?: string;
}

function valueMeta(schema: z.ZodType): ValueMeta | undefined {
  const meta = z.globalRegistry.get(schema) as (ValueMeta & { anyOf?: ValueMeta[] }) | undefined;
  if (!meta) return undefined;
  const pattern = meta.pattern !== undefined ? meta : meta.anyOf?.find((option) => option.pattern !== undefined);
  if (!pattern?.pattern) return undefined;
  return { pattern: pattern.pattern, patternErrorMessage: pattern.patternErrorMessage ?? '', description: meta.description ?? '' };
}

/** The part of a bilingual pattern message in the site's language (`中文 / English`). */
function messageIn(message: string, ctx: Context): string {
  const [zh, en] = message.split(' / ');
  return ctx.script(inLanguage({ zh: zh ?? message, en: en ?? message }, ctx.locale));
}

/** A field's short name: its help up to the first pause (流程名称，如 … → 流程名称). */
export function shortLabel(help: string): string {
  const head = help.split(/[：，（；。;(]|: |, | – /)[0]!.trim();
  return head || help;
}

function helpText(help: Bilingual | undefined, ctx: Context): string | undefined {
  return help ? ctx.script(inLanguage(help, ctx.locale)) : undefined;
}

/** Wrappers that make a field optional or give it a default: the field is then not required. */
const OPTIONAL_WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable']);
const TRANSPARENT_WRAPPERS = new Set(['nonoptional', 'readonly', 'catch']);

interface Unwrapped {
  readonly schema: z.ZodType;
  readonly required: boolean;
  readonly help: Bilingual | undefined;
  readonly ref: RefKind | undefined;
}

/** Peels optional/default wrappers, keeping the outermost help and any reference kind on the way. */
function unwrap(schema: z.ZodType): Unwrapped {
  let current = schema;
  let required = true;
  let help = helpOf(current);
  let ref = REF_KINDS.get(current)?.kind;
  for (;;) {
    const def = defOf(current);
    if (OPTIONAL_WRAPPERS.has(def.type)) required = false;
    else if (!TRANSPARENT_WRAPPERS.has(def.type)) break;
    current = def.innerType as z.ZodType;
    help ??= helpOf(current);
    ref ??= REF_KINDS.get(current)?.kind;
  }
  return { schema: current, required, help, ref };
}

function enumOptions(values: readonly (string | number)[], key: string, ctx: Context): { label: string; value: string | number }[] {
  return values.map((value) => ({ label: enumLabel(value, key, ctx), value }));
}

/** A value's name from the dictionary: the first namespace that has it (daily → 每日); else the value. */
export function enumLabel(value: string | number, key: string, ctx: Pick<Context, 't'>): string {
  if (typeof value === 'number') return ctx.t('day.of-month', { n: value });
  const own = `${key}.${value}`;
  const keys = [own, ...ENUM_NAMESPACES.map((namespace) => `${namespace}.${value}`)];
  for (const candidate of keys) {
    if (isUiKey(candidate)) return `${ctx.t(candidate)}（${value}）`;
  }
  return value;
}

const DICTIONARY_KEYS = new Set<string>(Object.keys(zhCN));
function isUiKey(key: string): key is UiKey {
  return DICTIONARY_KEYS.has(key);
}

function relation(kind: RefKind, multiple: boolean, ctx: Context): Record<string, unknown> {
  const choices = ctx.choices[kind];
  if (choices) {
    return {
      widget: 'select',
      options: choices.map((entry) => ({ label: `${entry.title}（${entry.id}）`, value: entry.id })),
      ...(multiple ? { multiple: true } : {}),
    };
  }
  const target = REF_TARGETS[kind];
  return {
    widget: 'relation',
    collection: target.collection,
    ...(target.file ? { file: target.file } : {}),
    value_field: target.value,
    search_fields: [target.display],
    display_fields: [target.display],
    ...(multiple ? { multiple: true } : {}),
  };
}

/** The widget and its options for a schema (already unwrapped). */
function widgetFor(schema: z.ZodType, key: string, ctx: Context, ref: RefKind | undefined): Record<string, unknown> {
  if (ref) return relation(ref, false, ctx);
  const meta = valueMeta(schema);
  const def = defOf(schema);
  if (meta && def.type === 'pipe' && defOf(def.in as z.ZodType).type === 'unknown') {
    // A value type read by the checker's parsers (money, month, date, duration, time, percent).
    return {
      widget: 'string',
      pattern: [meta.pattern, messageIn(meta.patternErrorMessage ?? '', ctx)],
    };
  }
  switch (def.type) {
    case 'string': {
      const regex = checksOf(schema).find((check) => check.check === 'string_format' && check.format === 'regex');
      const pattern = regex?.pattern instanceof RegExp ? regex.pattern : undefined;
      const message = typeof regex?.error === 'function' ? (regex.error as (issue: object) => unknown)({}) : undefined;
      return { widget: 'string', ...(pattern ? { pattern: [pattern.source, messageIn(typeof message === 'string' ? message : '', ctx)] } : {}) };
    }
    case 'number': {
      const { min, max, integer } = numberRange(schema);
      return { widget: 'number', value_type: integer ? 'int' : 'float', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    }
    case 'boolean':
      return { widget: 'boolean' };
    case 'enum':
      return { widget: 'select', options: enumOptions(Object.values(def.entries as Record<string, string>), key, ctx) };
    case 'literal':
      return {
        widget: 'select',
        options: enumOptions(
          (def.values as (string | number)[]).filter((v) => typeof v !== 'boolean'),
          key,
          ctx,
        ),
      };
    case 'pipe': {
      const out = def.out as z.ZodType;
      // text (a string or a number, kept as written), a preprocessed enum (level: 初级 → junior)
      if (defOf(out).type !== 'transform') return widgetFor(out, key, ctx, undefined);
      return widgetFor(def.in as z.ZodType, key, ctx, undefined);
    }
    case 'union': {
      const options = (def.options as z.ZodType[]).map((option) => unwrap(option).schema);
      // A step is a text or { do, by, note }: the form edits the mapping.
      const object = options.find((option) => defOf(option).type === 'object');
      if (object) return widgetFor(object, key, ctx, undefined);
      // cadence `on`: a weekday or a day of the month.
      const enumOption = options.find((option) => defOf(option).type === 'enum');
      const numberOption = options.find((option) => defOf(option).type === 'number');
      if (enumOption && numberOption) {
        const { min, max } = numberRange(numberOption);
        const days = min !== undefined && max !== undefined ? range(min, max) : [];
        const values = [...Object.values(defOf(enumOption).entries as Record<string, string>), ...days];
        return { widget: 'select', options: enumOptions(values, key, ctx) };
      }
      // kpi target: a number or a text.
      return { widget: 'string' };
    }
    case 'object':
      return { widget: 'object', fields: objectFields(schema, ctx) };
    case 'array':
      return listWidget(def.element as z.ZodType, key, ctx);
    default:
      return { widget: 'string' };
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function listWidget(element: z.ZodType, key: string, ctx: Context): Record<string, unknown> {
  const item = unwrap(element);
  if (item.ref) return relation(item.ref, true, ctx);
  const widget = widgetFor(item.schema, key, ctx, undefined);
  if (widget.widget === 'object') {
    const fields = widget.fields as CmsField[];
    const first = fields.find((field) => field.widget === 'string' || field.widget === 'relation') ?? fields[0];
    // Items open: an SOP's steps are read and edited together.
    return { widget: 'list', fields, collapsed: false, ...(first ? { summary: `{{fields.${first.name}}}` } : {}) };
  }
  return { widget: 'list', field: { name: key, label: item.help ? shortLabel(helpText(item.help, ctx)!) : ctx.t('editor.item'), ...widget } };
}

function field(key: string, schema: z.ZodType, ctx: Context): CmsField {
  const { schema: inner, required, help, ref } = unwrap(schema);
  const text = helpText(help, ctx) ?? key;
  const label = shortLabel(text);
  return {
    name: key,
    // A relation shows titles: "负责到底的岗位 id" reads "负责到底的岗位" there.
    label: ref || unwrap(listElement(inner) ?? inner).ref ? label.replace(/\s*(?:的\s*)?(?:\(|（)?\bids?\b(?:\)|）)?$/i, '') : label,
    hint: ctx.t('editor.hint', { help: text, key }),
    required,
    ...(widgetFor(inner, key, ctx, ref) as { widget: string }),
  };
}

function listElement(schema: z.ZodType): z.ZodType | undefined {
  const def = defOf(schema);
  return def.type === 'array' ? (def.element as z.ZodType) : undefined;
}

function objectFields(schema: z.ZodType, ctx: Context): CmsField[] {
  const def = defOf(schema);
  const shape = def.shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([key, child]) => field(key, child, ctx));
}

/** The object schema of a file or an entry (a list file: of one item). */
function objectOf(schema: z.ZodType): z.ZodType {
  let current = unwrap(schema).schema;
  // cadenceItem is an object with a refinement; zod 4 keeps it an object.
  if (defOf(current).type === 'pipe') current = defOf(current).in as z.ZodType;
  return current;
}

function body(ctx: Context, mdx: boolean): CmsField {
  return mdx
    ? { name: 'body', label: ctx.t('editor.body'), widget: 'text', hint: ctx.t('editor.mdxBodyHint'), required: false }
    : { name: 'body', label: ctx.t('editor.body'), widget: 'markdown', hint: ctx.t('editor.bodyHint'), required: false };
}

function collectionName(name: CollectionName, ctx: Context): string {
  return ctx.script(inLanguage(COLLECTIONS[name].name, ctx.locale));
}

/** The collections of one registry entry: a folder gives one CMS collection per kind of file it holds. */
function collectionsOf(name: CollectionName, contentPath: string, ctx: Context): CmsCollection[] {
  const collection: EntryCollection | FileCollection = COLLECTIONS[name];
  const label = collectionName(name, ctx);
  if (collection.source === 'file') {
    const file = `${contentPath}/${collection.file}`;
    const itemFields = objectFields(objectOf(collection.item), ctx);
    const fields: CmsField[] =
      collection.shape === 'list'
        ? [
            {
              name: LIST_FIELD,
              label: ctx.t('editor.items'),
              label_singular: ctx.t('editor.item'),
              widget: 'list',
              root: true,
              fields: itemFields,
              summary: `{{fields.${itemFields[0]!.name}}}`,
            },
          ]
        : itemFields;
    return [
      {
        name,
        label,
        description: ctx.t('editor.fileHint', { file: `content/${collection.file}` }),
        files: [{ name, label, file, format: formatName(name), fields }],
      },
    ];
  }
  const fields = objectFields(objectOf(collection.schema), ctx);
  const identifier = fields.find((f) => f.name === 'title' || f.name === 'name')?.name ?? fields[0]!.name;
  const folder = `${contentPath}/${collection.folder}`;
  const base = {
    folder,
    description: ctx.t('editor.folderHint', { folder: `content/${collection.folder}/` }),
    identifier_field: identifier,
    summary: `{{${identifier}}}`,
    sortable_fields: [identifier],
    slug: { template: '{{slug}}', editable: true },
  };
  // One CMS collection per extension the folder reads (Sveltia reads one extension per collection);
  // .yml, which the checker also reads, has none: the editor shows .yaml files only (README).
  const kinds = collection.extensions.filter((extension) => extension !== '.yml');
  const primary = collection.scaffold?.extension ?? kinds[0]!;
  return kinds.map((extension) => {
    const isPrimary = extension === primary;
    const withFrontMatter = collection.frontMatter === true || (collection.frontMatter === 'by-extension' && extension === '.md');
    const mdx = extension === '.mdx';
    const cmsName = isPrimary ? name : `${name}-${extension.slice(1)}`;
    const cmsLabel = isPrimary ? label : ctx.t(mdx ? 'editor.mdxCollection' : withFrontMatter ? 'editor.withBody' : 'editor.yamlCollection', { name: label });
    return {
      name: cmsName,
      label: cmsLabel,
      label_singular: label,
      ...base,
      // The file extension comes with the format (registered with it by src/editor/client/admin.ts).
      format: formatName(cmsName),
      create: true,
      fields: withFrontMatter ? [...fields, body(ctx, mdx)] : fields,
    };
  });
}

/** The file format Opsbook registers for a CMS collection (src/editor/client/admin.ts, round-trip.ts). */
export function formatName(cmsCollection: string): string {
  return `opsbook-${cmsCollection}`;
}

/** Lists whose items may be a text standing for a mapping (an SOP step `- 打招呼` for `- do: 打招呼`). */
export function shorthandsOf(schema: z.ZodType, path: readonly string[] = []): Shorthand[] {
  const object = objectOf(schema);
  if (defOf(object).type !== 'object') return [];
  return Object.entries(defOf(object).shape as Record<string, z.ZodType>).flatMap(([key, child]) => {
    const inner = unwrap(child).schema;
    const def = defOf(inner);
    if (def.type === 'object') return shorthandsOf(inner, [...path, key]);
    if (def.type !== 'array') return [];
    const element = unwrap(def.element as z.ZodType).schema;
    if (defOf(element).type !== 'union') return [];
    const options = (defOf(element).options as z.ZodType[]).map((option) => unwrap(option).schema);
    const mapping = options.find((option) => defOf(option).type === 'object');
    if (!mapping || options.every((option) => defOf(option).type === 'object')) return [];
    const first = Object.keys(defOf(mapping).shape as Record<string, z.ZodType>)[0]!;
    return [{ path: [...path, key], key: first }];
  });
}

export interface EditorFormat {
  readonly extension: string;
  readonly kind: FileKind;
}

/** The file formats the admin page registers before the CMS starts: one per CMS collection. */
export function editorFormats(): Record<string, EditorFormat> {
  const formats: Record<string, EditorFormat> = {};
  for (const name of COLLECTION_NAMES) {
    const collection: EntryCollection | FileCollection = COLLECTIONS[name];
    if (collection.source === 'file') {
      formats[formatName(name)] = {
        extension: collection.file.split('.').pop()!,
        kind: {
          frontMatter: false,
          single: true,
          ...(collection.shape === 'list' ? { listField: LIST_FIELD } : {}),
          shorthands: shorthandsOf(collection.item),
        },
      };
      continue;
    }
    const shorthands = shorthandsOf(collection.schema);
    const primary = collection.scaffold?.extension ?? collection.extensions[0]!;
    for (const extension of collection.extensions.filter((e) => e !== '.yml')) {
      const frontMatter = collection.frontMatter === true || (collection.frontMatter === 'by-extension' && extension === '.md');
      formats[formatName(extension === primary ? name : `${name}-${extension.slice(1)}`)] = {
        extension: extension.slice(1),
        kind: { frontMatter, shorthands },
      };
    }
  }
  return formats;
}

function backendOf(editor: EditorSettings | undefined): Record<string, unknown> {
  // Without a Git host the editor works on a local folder only (npm run dev, File System Access API).
  // Sveltia still needs a backend: a Gitea on this machine, which no sign-in reaches beyond it.
  if (!editor) return { name: 'gitea', repo: 'local/handbook', branch: 'main', base_url: 'http://localhost', api_root: 'http://localhost/api/v1' };
  const name = editor.backend === 'forgejo' ? 'gitea' : editor.backend;
  const baseUrl = editor.baseUrl?.replace(/\/+$/, '');
  return {
    name,
    repo: editor.repo,
    branch: editor.branch,
    ...(baseUrl ? { base_url: baseUrl, api_root: name === 'gitlab' ? `${baseUrl}/api/v4` : name === 'gitea' ? `${baseUrl}/api/v1` : `${baseUrl}/api/v3` } : {}),
    ...(editor.appId ? { app_id: editor.appId } : {}),
    ...(name === 'gitlab' && editor.appId ? { auth_type: 'pkce' } : {}),
    commit_messages: {
      create: 'Create {{collection}} “{{slug}}” (browser editor)',
      update: 'Update {{collection}} “{{slug}}” (browser editor)',
      delete: 'Delete {{collection}} “{{slug}}” (browser editor)',
    },
  };
}

/** The whole configuration, as an object. */
export function cmsConfig(options: CmsConfigOptions): CmsConfig {
  const choices: Partial<Record<RefKind, readonly ReferenceTarget[]>> = {};
  for (const [kind, entries] of Object.entries(options.entries ?? {}) as ['role' | 'sop', readonly ReferenceTarget[]][]) {
    if (new Set(entries.map((entry) => entry.extension)).size > 1) choices[kind] = [...entries].sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
  }
  const ctx: Context = { choices, locale: options.locale, t: useTranslations(options.locale), script: inScriptOf(options.locale) };
  const contentPath = (options.editor?.contentPath ?? 'content').replace(/^\/+|\/+$/g, '') || '.';
  return {
    app_title: ctx.t('editor.title'),
    backend: backendOf(options.editor),
    ...(options.siteUrl ? { site_url: options.siteUrl } : {}),
    // Pictures a body shows (<img> from the site): the project's public/ folder, served at the site's root.
    media_folder: 'public/images',
    public_folder: `${(options.base ?? '/').replace(/\/?$/, '/')}images`,
    // Keep what authors wrote: no empty optional keys added, YAML lists indented as in the sample.
    output: { omit_empty_optional_fields: true, yaml: { indent_sequences: true } },
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: COLLECTION_NAMES.flatMap((name) => collectionsOf(name, contentPath, ctx)),
  };
}

/** The configuration as /admin/config.yml. */
export function cmsConfigYaml(options: CmsConfigOptions): string {
  return `# Generated by Opsbook from src/schema/ (registry and field help): do not edit.\n${stringify(cmsConfig(options), { lineWidth: 0 })}`;
}
