/**
 * Reads a content folder the way the site does, collecting every problem
 * instead of stopping at the first. Never writes anything.
 */
import { readdir, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import * as schemas from '../schema/collections.ts';
import { COLLECTIONS, type EntryCollection, type EntryCollectionName, type FileCollectionName } from '../schema/registry.ts';
import type { Entry, Handbook } from '../domain/handbook.ts';
import { actualsPlanOf, checkHandbook, type PartialEntry } from './cross-checks.ts';
import { readParts, type Parts } from './parts.ts';
import type { PathSegment, Problem } from './problems.ts';
import { SLUG_PATTERN } from '../domain/text.ts';
import { foldScript, SCRIPT_FOLDING } from '../domain/script.ts';
import { componentTagsInHtml, componentUses, declaredNames, MDX_COMPONENT_NAMES, type MdxNode } from '../mdx/components.ts';
import { checkMarkdownBodies, checkMdxBodies, type BodyUses, type MarkdownTag } from '../mdx/checks.ts';
import { termMatcher } from '../domain/glossary/term-links.ts';
import { ruleOf } from './rules.ts';
import { markdownToMdast, mdxToJs, mdxToMdast } from 'satteri';
import { bodySafety, excerpt, MAYBE_UNSAFE_MARKDOWN } from '../mdx/safety.ts';
import { decode, lineOf, parseYaml, readYaml, splitFrontMatter, type YamlSource } from './source.ts';
import { unknownKeys, zodIssuesToProblems, type RawProblem } from './zod-issues.ts';
import { ACTUALS_FOLDER, readActuals } from '../domain/actuals/folder.ts';
import { referencesIn, type FileReference } from './references.ts';
import { annotatedLines, annotatedValues, type AnnotatedText } from './pasted.ts';
import { checkAudiences } from './audiences.ts';

export interface LoadResult {
  readonly handbook: Handbook;
  readonly problems: Problem[];
}

interface ParsedFile<T> {
  data?: T;
  body?: string;
  raw?: unknown;
  /** When the schema refused the file: what it holds, read part by part (check/parts.ts). */
  parts?: Parts<T>;
}

class ContentReader {
  readonly problems: Problem[] = [];
  /**
   * Each file's YAML text, to find a problem's line when one is reported. Parsed again then: keeping
   * thousands of parsed documents alive made the garbage collector the check's second-largest cost.
   */
  readonly yamlTexts = new Map<string, { text: string; firstLine: number }>();
  /** The components each compiled .mdx body uses, checked once the whole handbook is read. */
  readonly mdxBodies: BodyUses[] = [];
  /** Component tags written in .md role and SOP bodies (they only work in .mdx). */
  readonly markdownTags: { file: string; bodyLine: number; tags: MarkdownTag[] }[] = [];
  /** Every reference field that parsed, in every file: checked even where another field failed its schema. */
  readonly references: FileReference[] = [];

  readonly root: string;
  /** site.yaml `mdx: { code: true }`: imports and expressions in .mdx bodies are the site's choice, not reported. */
  allowCode = false;

  constructor(root: string) {
    this.root = root;
  }

  report(rule: string, file: string, pathInFile: readonly PathSegment[], params: Problem['params'], line?: number) {
    this.problems.push({ severity: ruleOf(rule).severity, rule, file, path: pathInFile, params, line });
  }

  /** Pinyin annotations pasted in with web text (運(yùn)營): a warning with the text as it should read. */
  reportAnnotation(file: string, found: AnnotatedText, line?: number) {
    this.report('text.pinyinAnnotation', file, found.path, { found: [...found.found], written: found.written, cleaned: found.cleaned }, line);
  }

  async text(file: string): Promise<string | undefined> {
    // Synchronous: thousands of small files read faster without a trip through the thread pool per file.
    const bytes = readFileSync(path.join(this.root, file));
    const decoded = decode(bytes);
    if (!decoded.ok) {
      this.report('file.encoding', file, [], { encoding: decoded.encoding }, 1);
      return undefined;
    }
    if (decoded.text.trim() === '') {
      this.report('file.empty', file, [], {}, 1);
      return undefined;
    }
    return decoded.text;
  }

  /** Parses YAML text and validates it; returns the data when the schema accepts it. */
  validate<S extends z.ZodType>(file: string, yamlText: string, firstLine: number, schema: S, shape: 'mapping' | 'list'): ParsedFile<z.output<S>> {
    const read = readYaml(yamlText, firstLine);
    this.yamlTexts.set(file, { text: yamlText, firstLine });
    for (const p of read.problems) this.report(p.rule, file, [], p.params, p.line);
    if (!read.ok) return {};
    const raw = read.value;
    const isList = Array.isArray(raw);
    const isMapping = raw !== null && typeof raw === 'object' && !isList;
    if ((shape === 'list' && !isList) || (shape === 'mapping' && !isMapping)) {
      if (raw === null || raw === undefined) {
        if (shape === 'list') return { raw, data: schema.parse([]) as z.output<S> };
        this.report('file.empty', file, [], {}, firstLine);
      } else {
        this.report('yaml.notMapping', file, [], { expected: shape, found: isList ? 'list' : isMapping ? 'mapping' : 'text', value: String(raw) }, firstLine);
      }
      return { raw };
    }
    for (const reference of referencesIn(schema, raw)) this.references.push({ ...reference, file });
    for (const found of annotatedValues(raw)) this.reportAnnotation(file, found);
    const raws: RawProblem[] = [...unknownKeys(schema, raw)];
    const result = schema.safeParse(raw, { reportInput: true });
    if (!result.success) raws.push(...zodIssuesToProblems(result.error.issues, raw));
    for (const p of raws) this.report(p.rule, file, p.path, p.params);
    return result.success ? { raw, data: result.data } : { raw, parts: readParts(schema, raw) };
  }

  async entries<S extends z.ZodType>(
    name: EntryCollectionName,
  ): Promise<{ entries: Entry<z.output<S>>[]; invalidIds: string[]; partial: PartialEntry<z.output<S>>[]; unreadable: { id: string; file: string }[] }> {
    const spec: EntryCollection = COLLECTIONS[name];
    const { folder } = spec;
    const entries: Entry<z.output<S>>[] = [];
    const invalidIds: string[] = [];
    const partial: PartialEntry<z.output<S>>[] = [];
    /** Files that cannot be read at all (encoding, YAML, no front matter): no part of them is known. */
    const unreadable: { id: string; file: string }[] = [];
    for (const name of await listFiles(path.join(this.root, folder))) {
      const file = `${folder}/${name}`;
      const extension = path.extname(name).toLowerCase();
      if (!(spec.extensions as readonly string[]).includes(extension)) {
        this.report('file.ignored', file, [], { folder, expected: spec.extensions.join(' / ') }, undefined);
        continue;
      }
      const id = name.slice(0, -extension.length);
      if (!SLUG_PATTERN.test(id)) this.report('id.slug', file, [], { id, suggestion: slugSuggestion(id) });
      const text = await this.text(file);
      if (text === undefined) {
        invalidIds.push(id);
        unreadable.push({ id, file });
        continue;
      }
      const usesFrontMatter = spec.frontMatter === true || (spec.frontMatter === 'by-extension' && extension === '.md');
      let parsed: ParsedFile<z.output<S>>;
      if (usesFrontMatter) {
        const split = splitFrontMatter(text);
        if (!split) {
          this.report('file.frontmatter', file, [], {}, 1);
          invalidIds.push(id);
          unreadable.push({ id, file });
          continue;
        }
        parsed = { ...this.validate(file, split.yaml, split.firstLine, spec.schema as unknown as S, 'mapping'), body: split.body };
        // @astrojs/mdx imports the module a front matter `layout:` names: code, like an import in the body.
        const raw = parsed.raw;
        if (extension === '.mdx' && !this.allowCode && raw && typeof raw === 'object' && Object.hasOwn(raw, 'layout')) {
          const layout = (raw as Record<string, unknown>).layout;
          // Not "ignored", as the unknown-key warning would say: it is imported.
          const unknown = this.problems.findIndex((p) => p.file === file && p.rule === 'schema.unknownKey' && p.path.join('.') === 'layout');
          if (unknown >= 0) this.problems.splice(unknown, 1);
          this.report('mdx.code', file, ['layout'], {
            kind: 'layout',
            code: excerpt(`layout: ${typeof layout === 'string' ? layout : JSON.stringify(layout)}`),
            components: MDX_COMPONENT_NAMES.map((c) => `<${c}>`),
          });
        }
        for (const found of annotatedLines(split.body)) this.reportAnnotation(file, found, split.bodyLine + found.line! - 1);
        if (extension === '.mdx') this.readMdx(file, split.body, split.bodyLine);
        else this.readMarkdown(file, split.body, split.bodyLine, spec.body);
      } else {
        parsed = this.validate(file, text, 1, spec.schema as unknown as S, 'mapping');
      }
      if (parsed.data === undefined) {
        invalidIds.push(id);
        if (parsed.parts) partial.push({ id, file, parts: parsed.parts });
        else unreadable.push({ id, file });
      } else entries.push({ id, file, data: parsed.data, body: parsed.body });
    }
    return { entries, invalidIds, partial, unreadable };
  }

  /** MDX that does not compile would stop the build with a stack trace: report it here, with its line. */
  compileMdx(file: string, body: string, bodyLine: number): boolean {
    try {
      mdxToJs(body);
      return true;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const match = /^(\d+):(\d+):\s*(.*?)(?:\s*\(\d+:\d+\))?(?:\s*\([\w:-]+\))?$/s.exec(text);
      const line = match ? bodyLine + Number(match[1]) - 1 : bodyLine;
      this.report('mdx.compile', file, [], { detail: (match?.[3] ?? text).split('\n')[0] }, line);
      return false;
    }
  }

  /** Compiles an MDX body, then keeps the components it uses (src/mdx/components.ts) and reports code and HTML it may not hold. */
  readMdx(file: string, body: string, bodyLine: number) {
    if (!this.compileMdx(file, body, bodyLine)) return;
    const tree = mdxToMdast(body) as MdxNode;
    this.mdxBodies.push({ file, bodyLine, uses: componentUses(tree), declared: declaredNames(tree) });
    this.reportSafety(file, bodyLine, tree, 'mdx');
  }

  /**
   * A .md body: HTML outside the allowlist and refused link addresses, and (roles, SOPs) component names,
   * which only .mdx understands. Parsed only when it holds a tag, a link or an image.
   */
  readMarkdown(file: string, body: string, bodyLine: number, components: boolean) {
    const tags = components && MAYBE_COMPONENT.test(body);
    if (!tags && !MAYBE_UNSAFE_MARKDOWN.test(body)) return;
    const tree = markdownToMdast(body) as MdxNode;
    this.reportSafety(file, bodyLine, tree, 'markdown');
    if (!tags) return;
    const found = componentTagsInHtml(tree);
    if (found.length > 0) this.markdownTags.push({ file, bodyLine, tags: found });
  }

  reportSafety(file: string, bodyLine: number, tree: MdxNode, format: 'markdown' | 'mdx') {
    for (const { rule, line, ...facts } of bodySafety(tree, { format, allowCode: this.allowCode })) {
      const params = rule === 'mdx.code' ? { ...facts, components: MDX_COMPONENT_NAMES.map((c) => `<${c}>`) } : facts;
      this.report(rule, file, ['body'], params, bodyLine + line - 1);
    }
  }

  async single<N extends FileCollectionName>(name: N): Promise<ParsedFile<z.output<(typeof COLLECTIONS)[N]['schema']>>> {
    const { file, schema, shape, required } = COLLECTIONS[name];
    if (!(await exists(path.join(this.root, file)))) {
      if (required) this.report('file.missing', file, [], { file });
      return {};
    }
    const text = await this.text(file);
    if (text === undefined) return {};
    return this.validate(file, text, 1, schema, shape) as ParsedFile<z.output<(typeof COLLECTIONS)[N]['schema']>>;
  }
}

const MAYBE_COMPONENT = new RegExp(`<(?:${MDX_COMPONENT_NAMES.join('|')})\\b`);

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function listFiles(folder: string): Promise<string[]> {
  try {
    const dirents = await readdir(folder, { withFileTypes: true });
    return dirents
      .filter((d) => d.isFile() && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

function slugSuggestion(id: string): string | undefined {
  const slug = id
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug && slug !== id ? slug : undefined;
}

export interface LoadOptions {
  /** YYYY-MM-DD used for review deadlines; defaults to OPSBOOK_TODAY or the clock. */
  readonly today?: string;
}

export function today(): string {
  return process.env.OPSBOOK_TODAY ?? new Date().toISOString().slice(0, 10);
}

export async function loadContent(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const reader = new ContentReader(root);
  if (!(await exists(root))) {
    reader.report('file.missing', '.', [], { file: root });
    return { handbook: emptyHandbook(), problems: reader.problems };
  }
  const siteFile = await reader.single('site');
  const site = siteFile.data;
  reader.allowCode = site?.mdx.code ?? false;
  const departments = await reader.entries<typeof schemas.department>('departments');
  const roles = await reader.entries<typeof schemas.role>('roles');
  const sops = await reader.entries<typeof schemas.sop>('sops');
  const plans = await reader.entries<typeof schemas.plan>('plans');
  const glossaryFile = await reader.single('glossary');
  const glossary = glossaryFile.data ?? [];
  const cadence = (await reader.single('cadence')).data ?? [];
  const handbook: Handbook = {
    site: site ?? schemas.site.parse({ name: 'Opsbook' }),
    departments: departments.entries,
    roles: roles.entries,
    sops: sops.entries,
    plans: plans.entries,
    glossary,
    cadence,
  };
  const crossProblems = checkHandbook(handbook, {
    today: options.today ?? today(),
    fold: foldScript,
    references: reader.references,
    partial: { plans: plans.partial, actualsFolders: await actualsFolders(root, plans.partial) },
    // Entries that failed their schema still exist: references to them are not "missing".
    alsoKnown: { role: roles.invalidIds, sop: sops.invalidIds, department: departments.invalidIds, term: glossaryFile.data ? [] : rawTerms(glossaryFile.raw) },
  });
  // A site.yaml that failed its schema still declares its audiences: entries naming them are not reported.
  const rawAudiences = site ? [] : rawAudienceIds(siteFile.raw);
  const audienceProblems = checkAudiences(handbook, { references: reader.references, alsoKnown: rawAudiences });
  const mdxProblems = [
    ...checkMdxBodies(reader.mdxBodies, handbook, {
      audiences: site ? undefined : rawAudiences,
      terms: termMatcher(handbook.glossary, SCRIPT_FOLDING),
      fold: foldScript,
      alsoKnown: { role: roles.invalidIds, sop: sops.invalidIds },
    }),
    ...checkMarkdownBodies(reader.markdownTags),
  ];
  const sources = new Map<string, YamlSource | undefined>();
  const sourceOf = (file: string) => {
    if (!sources.has(file)) {
      const yaml = reader.yamlTexts.get(file);
      sources.set(file, yaml && parseYaml(yaml.text, yaml.firstLine));
    }
    return sources.get(file);
  };
  // Actuals (执行跟踪): CSV exports and YAML beside the plans, read by the same reader the site uses.
  // A plan that failed its schema elsewhere still has its actuals checked against the parts they need.
  const partialPlans = plans.partial.flatMap((plan) => actualsPlanOf(plan) ?? []);
  const actuals = readActuals(root, [...handbook.plans, ...partialPlans], { invalidPlanIds: plans.invalidIds, locale: handbook.site.locale });
  // A plan file that cannot be read at all: its actuals are not read either, and the report says so.
  for (const [id, folder] of await actualsFolders(root, plans.unreadable)) {
    const { file } = plans.unreadable.find((p) => p.id === id)!;
    reader.report('check.skipped', file, [], { part: file, checks: [`actuals@${folder}`] });
  }
  const problems = [...reader.problems, ...crossProblems, ...audienceProblems, ...mdxProblems, ...actuals.problems].map((p) => {
    if (p.line !== undefined) return p;
    const source = sourceOf(p.file);
    return source ? { ...p, line: lineOf(source, p.path) } : p;
  });
  return { handbook, problems: sortProblems(problems) };
}

/** The actuals folders (actuals/<id>/) of the plans that have one. */
async function actualsFolders(root: string, plans: readonly { id: string }[]): Promise<Map<string, string>> {
  const folders = new Map<string, string>();
  for (const { id } of plans) if (await exists(path.join(root, ACTUALS_FOLDER, id))) folders.set(id, `${ACTUALS_FOLDER}/${id}/`);
  return folders;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i))
    .map(({ p }) => p);
}

/** The audience ids of a site.yaml that failed its schema, as written. */
function rawAudienceIds(raw: unknown): string[] {
  const audiences = raw !== null && typeof raw === 'object' ? (raw as { audiences?: unknown }).audiences : undefined;
  if (!Array.isArray(audiences)) return [];
  return audiences.flatMap((item) => {
    const id = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? [id.trim()] : [];
  });
}

/** The terms of a glossary that failed its schema, as written: seeAlso naming them is not "missing". */
function rawTerms(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const term = item !== null && typeof item === 'object' ? (item as { term?: unknown }).term : undefined;
    return typeof term === 'string' || typeof term === 'number' ? [String(term).trim()] : [];
  });
}

function emptyHandbook(): Handbook {
  return { site: schemas.site.parse({ name: 'Opsbook' }), departments: [], roles: [], sops: [], plans: [], glossary: [], cadence: [] };
}
