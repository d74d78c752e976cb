/**
 * How the browser editor reads and writes the handbook's files (registered with the CMS as its file
 * formats, src/editor/client/admin.ts). A saved file keeps what the author wrote wherever the form did
 * not change it: the YAML is edited in place (yaml's Document), so comments, key order, quoting, flow
 * lists (`aliases: [a, b]`) and the body stay byte for byte; only changed values are rewritten, new
 * keys go after the existing ones, a new list item or entry is written in yaml's block style. yaml lays
 * a changed file out again; every line whose only change is that layout (spaces inside `{ }`, before a
 * comment) is put back as written. A new file is written whole, keys in the form's order.
 *
 * Two things the form cannot show as written are mapped both ways:
 * - a list item written as a text where the schema also takes a mapping (an SOP step `- 打招呼`
 *   for `- do: 打招呼`): the form edits `{ do: 打招呼 }`, and an unchanged one is written back as the text;
 * - a value the form shows as text but the file holds as a number (a KPI `target: 20`, `revenue: 1200000`):
 *   unchanged, it stays the number.
 * Pure: runs in the browser and in vitest.
 */
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document } from 'yaml';

/** Where a list's items may be a text standing for a mapping: the list's path (`steps`) and the key (`do`). */
export interface Shorthand {
  readonly path: readonly string[];
  readonly key: string;
}

export interface FileKind {
  /** YAML front matter and a body, or a YAML file. */
  readonly frontMatter: boolean;
  /** A YAML file that is one list (the CMS hands it over as the list itself): the form's field holding its items. */
  readonly listField?: string | undefined;
  /** One file of its own (site.yaml, glossary.yaml, cadence.yaml): the admin page keeps its text between read and write. */
  readonly single?: boolean | undefined;
  readonly shorthands?: readonly Shorthand[];
}

/** The key under which an entry read by readEntry keeps its file's text, for writeEntry. */
export const SOURCE_KEY = '__opsbook_source';

type Obj = { [key: string]: unknown };

const isObj = (value: unknown): value is Obj => value !== null && typeof value === 'object' && !Array.isArray(value);

interface Split {
  readonly yaml: string;
  readonly body: string;
  /** The text between the YAML and the body, as written (`---\n`). */
  readonly close: string;
}

function splitFile(text: string): Split | undefined {
  const match = /^---[ \t]*\r?\n([\s\S]*?)^(---|\.\.\.)[ \t]*(?:\r?\n|$)/m.exec(text);
  if (!match || match.index !== 0) return undefined;
  return { yaml: match[1]!, body: text.slice(match[0].length), close: match[0].slice(match[0].lastIndexOf(match[2]!)) };
}

function parse(yaml: string): Document {
  return parseDocument(yaml, { uniqueKeys: false, keepSourceTokens: false });
}

function atPath(data: unknown, path: readonly string[]): unknown {
  let current = data;
  for (const key of path) current = isObj(current) ? current[key] : undefined;
  return current;
}

/** Texts standing for mappings, read as the mappings the form edits. */
function expand(data: Obj, shorthands: readonly Shorthand[]): Obj {
  for (const { path, key } of shorthands) {
    const list = atPath(data, path);
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      if (typeof item === 'string' || typeof item === 'number') list[i] = { [key]: item };
    });
  }
  return data;
}

/**
 * The entry the form shows: the front matter's values (and `body`), a YAML file's mapping, or a list
 * file's items (the CMS puts a whole-file list into its field itself). A mapping keeps the file's text
 * under SOURCE_KEY for writeEntry; a list cannot carry it, so the caller keeps it (single files).
 */
export function readEntry(text: string, kind: FileKind): Obj | unknown[] {
  if (kind.listField) {
    const value = parse(text).toJS() as unknown;
    return Array.isArray(value) ? value : [];
  }
  let data: Obj;
  if (kind.frontMatter) {
    const split = splitFile(text);
    const yaml = split ? split.yaml : '';
    const value = parse(yaml).toJS() as unknown;
    data = { ...(isObj(value) ? value : {}), body: split ? split.body.replace(/^\r?\n/, '') : text };
  } else {
    const value = parse(text).toJS() as unknown;
    data = isObj(value) ? value : {};
  }
  expand(data, kind.shorthands ?? []);
  return { ...data, [SOURCE_KEY]: text };
}

/** Two values the same for the file: equal, a number and the text the form made of it, or empty and absent. */
function same(before: unknown, after: unknown): boolean {
  if (before === after) return true;
  if (typeof before === 'number' && typeof after === 'string' && after.trim() === String(before)) return true;
  if (isEmpty(before) && isEmpty(after)) return true;
  if (Array.isArray(before) && Array.isArray(after)) return before.length === after.length && before.every((item, i) => same(item, after[i]));
  if (isObj(before) && isObj(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].every((key) => same(before[key], after[key]));
  }
  if (before instanceof Date && typeof after === 'string') return before.toISOString().startsWith(after);
  return false;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) || (isObj(value) && Object.keys(value).length === 0)
  );
}

/** Drops what the form adds and the file never holds: empty optional values (the CMS omits most itself). */
function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (isObj(value)) {
    const out: Obj = {};
    for (const [key, child] of Object.entries(value)) {
      if (key === SOURCE_KEY) continue;
      const cleaned = clean(child);
      if (isEmpty(cleaned)) continue;
      out[key] = cleaned;
    }
    return out;
  }
  return value;
}

/** A mapping written back as its text where the list takes the shorthand and nothing else was set. */
function contract(data: Obj, shorthands: readonly Shorthand[]): Obj {
  for (const { path, key } of shorthands) {
    const list = atPath(data, path);
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      if (isObj(item) && Object.keys(item).length === 1 && (typeof item[key] === 'string' || typeof item[key] === 'number')) list[i] = item[key];
    });
  }
  return data;
}

type Path = (string | number)[];

/** Edits `doc` so it holds `after`, touching only what differs from `before`. */
function apply(doc: Document, path: Path, before: unknown, after: unknown): void {
  if (same(before, after)) return;
  if (after === undefined) {
    doc.deleteIn(path);
    return;
  }
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  if (isObj(before) && isObj(after) && isMap(node)) {
    for (const key of Object.keys(before)) if (!(key in after) && !isEmpty(before[key])) doc.deleteIn([...path, key]);
    for (const [key, value] of Object.entries(after)) {
      if (key in before) apply(doc, [...path, key], before[key], value);
      else if (!isEmpty(value)) doc.setIn([...path, key], doc.createNode(value));
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && isSeq(node)) {
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) apply(doc, [...path, i], before[i], after[i]);
    for (let i = before.length - 1; i >= after.length; i--) doc.deleteIn([...path, i]);
    for (let i = common; i < after.length; i++) node.items.push(doc.createNode(after[i]));
    // New items of a flow list ([a, b]) stay in the flow list.
    return;
  }
  if (isScalar(node) && (typeof after === 'string' || typeof after === 'number' || typeof after === 'boolean')) {
    node.value = after;
    return;
  }
  doc.setIn(path, doc.createNode(after));
}

// As the sample writes YAML: no line folding, flow lists without inner padding ([a, b]).
const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * A line as yaml may lay it out again: without the spaces inside flow brackets (`{ a: 1 }` / `{a: 1}`),
 * runs of spaces before an end-of-line comment, or trailing spaces. Lines holding quotes are not compared
 * (a space inside a quoted text is the text), nor are lines that differ in anything else.
 */
function layoutKey(line: string): string | undefined {
  if (/["']/.test(line)) return undefined;
  return line
    .replace(/\s+$/, '')
    .replace(/([[{])\s+/g, '$1')
    .replace(/\s+([\]}])/g, '$1')
    .replace(/\s{2,}#/g, ' #');
}

/** yaml's new layout, with every line that only changed its layout put back as the author wrote it. */
function keepLayout(original: string, rendered: string): string {
  const written = new Map<string, string>();
  for (const line of original.split('\n')) {
    const key = layoutKey(line);
    if (key !== undefined && !written.has(key)) written.set(key, line);
  }
  return rendered
    .split('\n')
    .map((line) => {
      const key = layoutKey(line);
      return key !== undefined ? (written.get(key) ?? line) : line;
    })
    .join('\n');
}

function yamlText(doc: Document, original: string): string {
  return keepLayout(original, doc.toString(STRINGIFY));
}

/**
 * The file for the form's entry: the original text edited in place, or a new file. `source` is the
 * file's text as read (default: the entry's SOURCE_KEY); without one the file is written whole.
 */
export function writeEntry(entry: Obj | unknown[], kind: FileKind, source?: string): string {
  if (kind.listField || Array.isArray(entry)) {
    const items = clean(structuredClone(Array.isArray(entry) ? entry : ((entry[kind.listField ?? ''] as unknown[] | undefined) ?? []))) as unknown[];
    if (source === undefined) return stringify(items, STRINGIFY);
    const doc = parse(source);
    const before = clean(doc.toJS());
    if (same(before, items)) return source;
    apply(doc, [], before, items);
    return yamlText(doc, source);
  }
  const text = source ?? (typeof entry[SOURCE_KEY] === 'string' ? (entry[SOURCE_KEY] as string) : undefined);
  const shorthands = kind.shorthands ?? [];
  const data = contract(clean(structuredClone({ ...entry, [SOURCE_KEY]: undefined })) as Obj, shorthands);
  if (kind.frontMatter) {
    const { body: newBody, ...fields } = data;
    const body = typeof newBody === 'string' ? newBody : '';
    const split = text === undefined ? undefined : splitFile(text);
    if (!split) return `---\n${stringify(fields, STRINGIFY)}---\n${body ? `\n${body.replace(/\n*$/, '\n')}` : ''}`;
    const doc = parse(split.yaml);
    const before = contract(clean(doc.toJS()) as Obj, shorthands);
    apply(doc, [], before, fields);
    const oldBody = split.body.replace(/^\r?\n/, '');
    const yaml = same(before, fields) ? split.yaml : yamlText(doc, split.yaml);
    const bodyText = body.replace(/\s+$/, '') === oldBody.replace(/\s+$/, '') ? split.body : `\n${body.replace(/\n*$/, '\n')}`;
    return `---\n${yaml}${split.close}${bodyText}`;
  }
  if (text === undefined) return stringify(data, STRINGIFY);
  const doc = parse(text);
  const before = contract(clean(doc.toJS()) as Obj, shorthands);
  if (same(before, data)) return text;
  apply(doc, [], before, data);
  return yamlText(doc, text);
}
