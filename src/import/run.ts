/**
 * `npm run import`, end to end but without the process: read the file (limits first), make drafts, render
 * them with the `npm run new` templates, refuse ids already taken, write all files or none, and say what
 * was filled in, guessed and left, in the site's language. scripts/import.ts is the command line around it.
 */
import { isLocale, type Locale } from '../i18n/index.ts';
import { closeSync, existsSync, readFileSync, mkdirSync, openSync, readdirSync, readSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadContent } from '../check/load.ts';
import { COLLECTIONS } from '../schema/registry.ts';
import type { Problem } from '../check/problems.ts';
import { toText } from '../check/report.ts';
import type { Handbook } from '../domain/handbook.ts';
import { SLUG_PATTERN } from '../domain/text.ts';
import { KIND_FILE, existingFileFor, renderTemplate, suggestSlug, type KnownIds } from '../scaffold/scaffold.ts';
import { readWordDocument, type WordDocument } from './docx.ts';
import type { Draft, Known } from './draft.ts';
import { matchName } from './match.ts';
import { ImportError, ImportErrors, inLang, type Say } from './messages.ts';
import { importPlan, type Sheet } from './plan.ts';
import { importRoles } from './role.ts';
import { LIMITS } from './safety.ts';
import { readCsv, readXlsx } from './sheet.ts';
import { importSops, type SplitLevel } from './sop.ts';

export type ImportKind = 'sop' | 'role' | 'plan';

export interface ImportOptions {
  readonly kind: ImportKind;
  /** The file to import, as given (relative to cwd). */
  readonly file: string;
  readonly id?: string;
  readonly split?: SplitLevel;
  readonly year?: number;
  /** The content folder (absolute or relative to cwd). */
  readonly content: string;
  readonly today: string;
  readonly cwd?: string;
}

export interface PlannedFile {
  readonly path: string;
  /** Path as printed: relative to cwd, with forward slashes. */
  readonly display: string;
  /** Path inside the content folder (sops/x.md), as the checker names it. */
  readonly relative: string;
  readonly text: string;
  readonly draft: Draft;
  readonly placeholders: readonly string[];
}

export interface ImportPlan {
  readonly files: readonly PlannedFile[];
  /** Notes about the whole file (pictures left out, text before the first heading). */
  readonly notes: readonly Say[];
  readonly lang: Locale;
  readonly root: string;
  /** The imported file as printed. */
  readonly source: string;
}

const EXTENSIONS: Record<ImportKind, readonly string[]> = { sop: ['.docx'], role: ['.docx'], plan: ['.xlsx', '.csv'] };

function display(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (relative && !relative.startsWith('..') ? relative : file).split(path.sep).join('/');
}

/** Reads at most `limit + 1` bytes: a 1 GB file is refused without reading it. */
function readBounded(file: string, shown: string, limit: number): Uint8Array {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new ImportError('not-a-file', shown);
    size = stat.size;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError('missing-file', shown);
  }
  if (size > limit) throw new ImportError('too-large', shown, { size, limit });
  const buffer = Buffer.alloc(Math.min(size, limit) + 1);
  const fd = openSync(file, 'r');
  try {
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    if (read > limit) throw new ImportError('too-large', shown, { size: read, limit });
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function known(handbook: Handbook): Known {
  return {
    roles: handbook.roles.map((r) => ({ id: r.id, name: r.data.title })),
    departments: handbook.departments.map((d) => ({ id: d.id, name: d.data.name })),
    roleDepartments: new Map(handbook.roles.map((r) => [r.id, r.data.department])),
  };
}

function filesIn(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => d.name);
  } catch {
    return [];
  }
}

export function siteLang(locale: string | undefined): Locale {
  return isLocale(locale) ? locale : 'zh-CN';
}

/** The site's language from site.yaml, for messages printed before (or without) reading the handbook; zh-CN by default. */
export function siteLangOf(root: string): Locale {
  try {
    const site = parseYaml(readFileSync(path.join(root, 'site.yaml'), 'utf8')) as { locale?: string } | null;
    return siteLang(site?.locale);
  } catch {
    return 'zh-CN';
  }
}

/** Everything short of writing: throws ImportError on bad input, an id already taken, or a bad --id. */
export interface Batch {
  /** The handbook, read once for a batch of files. */
  readonly handbook?: Handbook;
  /** Ids given to files earlier in the batch. */
  readonly used?: Set<string>;
}

export async function planImport(options: ImportOptions, batch: Batch = {}): Promise<ImportPlan> {
  const cwd = options.cwd ?? process.cwd();
  const source = path.resolve(cwd, options.file);
  const shown = display(source, cwd);
  const root = path.resolve(cwd, options.content);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new ImportError('no-content', shown, { target: display(root, cwd) });
  const extension = path.extname(source).toLowerCase();
  const allowed = EXTENSIONS[options.kind];
  if (!allowed.includes(extension)) {
    if (extension === '.xls') throw new ImportError('legacy-xls', shown);
    if (extension === '.doc' || extension === '.wps') throw new ImportError('legacy-doc', shown);
    throw new ImportError('wrong-extension', shown, {
      extension,
      expected:
        options.kind === 'plan'
          ? 'plan 只导入 .xlsx 或 .csv / plan takes .xlsx or .csv'
          : `${options.kind} 只导入 Word 的 .docx / ${options.kind} takes a Word .docx`,
    });
  }
  if (options.id !== undefined && !SLUG_PATTERN.test(options.id))
    throw new ImportError('bad-id', shown, { detail: options.id, target: suggestSlug(options.id) });

  // The file first: bad input is refused before the handbook is read.
  const fileTitle = path.basename(source, path.extname(source));
  const input: { sheets: Sheet[] } | { doc: WordDocument } =
    options.kind === 'plan'
      ? {
          sheets:
            extension === '.csv'
              ? readCsv(readBounded(source, shown, LIMITS.csv.fileBytes), shown)
              : await readXlsx(readBounded(source, shown, LIMITS.xlsx.fileBytes), shown),
        }
      : { doc: await readWordDocument(readBounded(source, shown, LIMITS.docx.fileBytes), shown) };

  const handbook = batch.handbook ?? (await loadContent(root, { today: options.today })).handbook;
  const lang = siteLang(handbook.site.locale);
  const context = { known: known(handbook), fileTitle, split: options.split };
  const notes: Say[] = [];
  let drafts: Draft[];
  if ('sheets' in input) {
    drafts = [importPlan(input.sheets, { file: shown, fileTitle, year: options.year })];
  } else {
    const doc = input.doc;
    const result = options.kind === 'sop' ? importSops(doc, context) : importRoles(doc, context);
    drafts = result.drafts;
    if (doc.images > 0) {
      notes.push({
        zh: `文中 ${doc.images} 张图片没有导入：需要的话把图片放进 public/ 目录，再在正文里用 ![说明](/图片文件名) 引用`,
        en: `${doc.images} pictures were not imported: put the ones you need into public/ and link them from the body with ![text](/file-name)`,
      });
    }
    if (doc.annotations) {
      notes.push({
        zh: `删掉了文中 ${doc.annotations} 处夹在字中间的拼音注音（如 運(yùn)營 → 運營），多半是从网页复制时带进来的`,
        en: `${doc.annotations} pinyin annotations inside words were removed (運(yùn)營 → 運營), most likely copied in from a web page`,
      });
    }
    if (result.preamble) {
      notes.push({
        zh: `第一个拆分标题之前的内容没有导入：\n${result.preamble}`,
        en: `Text before the first split heading was not imported:\n${result.preamble}`,
      });
    }
    if (options.split && drafts.length === 1 && !result.preamble) {
      notes.push({
        zh: `--split h${options.split}：文中没有这一级的标题，整篇导入为一个条目`,
        en: `--split h${options.split}: no headings of that level; imported as one entry`,
      });
    }
  }

  // Ids: --id (a prefix when a document holds several), else the title's pinyin; never a taken one.
  const { collection, folder, extension: newExtension } = KIND_FILE[options.kind];
  const existing = filesIn(path.join(root, folder));
  const used = batch.used ?? new Set<string>();
  const knownIds: KnownIds = {
    departments: handbook.departments.map((d) => d.id),
    roles: handbook.roles.map((r) => r.id),
    sops: handbook.sops.map((s) => s.id),
  };
  const files: PlannedFile[] = drafts.map((draft, index) => {
    let id = options.id ? (drafts.length > 1 ? `${options.id}-${index + 1}` : options.id) : draft.id;
    for (let n = 2; used.has(id); n++) id = `${options.id ?? draft.id}-${n}`;
    used.add(id);
    const relative = `${folder}/${id}${newExtension}`;
    const target = path.join(root, folder, `${id}${newExtension}`);
    const taken = existingFileFor(id, existing, COLLECTIONS[collection].extensions);
    if (taken) throw new ImportError('exists', shown, { target: display(path.join(root, folder, taken), cwd) });
    if (draft.title && options.kind !== 'plan') {
      const entries = options.kind === 'role' ? context.known.roles : handbook.sops.map((s) => ({ id: s.id, name: s.data.title }));
      const same = matchName(draft.title, entries);
      if (same.found === 'exact') {
        draft.left.push({
          zh: `已有同名条目 ${folder}/${same.id}（${same.name}）：如果是同一个，请合并后删掉一个`,
          en: `${folder}/${same.id} (${same.name}) has the same title: if they are the same, merge them and delete one`,
        });
      }
    }
    const template = renderTemplate({
      kind: options.kind,
      id,
      title: draft.title,
      today: options.today,
      known: knownIds,
      values: draft.values,
      body: draft.body,
    });
    return { path: target, display: display(target, cwd), relative, text: template.text, draft, placeholders: template.placeholders };
  });
  return { files, notes, lang, root, source: shown };
}

/** Writes every planned file or none: a file that appears meanwhile (flag wx) undoes the ones already written. */
export function writePlanned(files: readonly PlannedFile[], source: string): void {
  const written: string[] = [];
  try {
    for (const file of files) {
      mkdirSync(path.dirname(file.path), { recursive: true });
      writeFileSync(file.path, file.text, { encoding: 'utf8', flag: 'wx' });
      written.push(file.path);
    }
  } catch (error) {
    for (const file of written) unlinkSync(file);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const taken = files.find((f) => !written.includes(f.path));
      throw new ImportError('exists', source, { target: taken?.display });
    }
    throw error;
  }
}

/** The report of one imported entry: what was filled in, guessed, and is left. */
export function describe(file: PlannedFile, source: string, dryRun: boolean): Say {
  const { draft, placeholders } = file;
  const left = [...draft.left];
  for (const field of placeholders) {
    if (!left.some((note) => note.zh.startsWith(`${field}：`) || note.zh.startsWith(`${field.replace(/\[0\].*$/, '')}：`))) {
      left.push({ zh: `${field}`, en: `${field}` });
    }
  }
  const section = (title: string, notes: readonly string[]) =>
    notes.length > 0 ? [`  ${title}`, ...notes.map((n) => `    - ${n.replace(/\n/g, '\n      ')}`)] : [];
  const zh = [
    `${dryRun ? '将创建' : '已创建'} ${file.display}（来自 ${source}）`,
    ...section(
      '已填写：',
      draft.filled.map((n) => n.zh),
    ),
    ...section(
      '推测的，请核对：',
      draft.guessed.map((n) => n.zh),
    ),
    ...section(
      '还没填写或要处理的（“必填”的占位内容 npm run check 会报“还没填写”）：',
      left.map((n) => n.zh),
    ),
  ];
  const en = [
    `${dryRun ? 'Would create' : 'Created'} ${file.display} (from ${source})`,
    ...section(
      'Filled in:',
      draft.filled.map((n) => n.en),
    ),
    ...section(
      'Guessed, please check:',
      draft.guessed.map((n) => n.en),
    ),
    ...section(
      'Still to fill in or to sort out (npm run check names the 必填 placeholders):',
      left.map((n) => n.en),
    ),
  ];
  return { zh: zh.join('\n'), en: en.join('\n') };
}

export interface ImportOutcome {
  /** One plan per imported file. */
  readonly plans: readonly ImportPlan[];
  /** The first plan (the only one for a single file). */
  readonly plan: ImportPlan;
  readonly text: string;
  /** Problems the checker found in the written files (none on a dry run). */
  readonly problems: readonly Problem[];
}

/** Word leaves ~$name.docx lock files beside open documents; hidden files are no one's content either. */
const isCandidate = (name: string) => !name.startsWith('~$') && !name.startsWith('.');
const IMPORTABLE = ['.docx', '.doc', '.wps', '.xlsx', '.xls', '.et', '.csv'];

/** The files to import: files as given, and the importable files of a folder (not its subfolders), in name order. */
export function expandInputs(inputs: readonly string[], kind: ImportKind, cwd: string): string[] {
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return inputs.flatMap((input) => {
    const full = path.resolve(cwd, input);
    let isDirectory = false;
    try {
      isDirectory = statSync(full).isDirectory();
    } catch {
      return [input]; // reported as missing by planImport
    }
    if (!isDirectory) return [input];
    const wanted = kind === 'plan' ? ['.xlsx', '.xls', '.et', '.csv'] : ['.docx', '.doc', '.wps'];
    const names = readdirSync(full)
      .filter((name) => isCandidate(name) && wanted.includes(path.extname(name).toLowerCase()) && IMPORTABLE.includes(path.extname(name).toLowerCase()))
      .sort(collator.compare);
    if (names.length === 0) throw new ImportError('no-files', display(full, cwd), { kind: kind === 'plan' ? 'xlsx' : 'docx' });
    return names.map((name) => path.join(input, name));
  });
}

/** Import, write (unless dry), check what was written; the text is what the command prints. */
export async function runImport(options: ImportOptions & { readonly dryRun?: boolean }): Promise<ImportOutcome> {
  return runImportFiles({ ...options, files: [options.file] });
}

/**
 * Several files (or folders) in one go: every file is read and planned first; one refused file means none
 * is written (every refusal is reported), so a batch never lands half-way.
 */
export async function runImportFiles(
  options: Omit<ImportOptions, 'file'> & { readonly files: readonly string[]; readonly dryRun?: boolean },
): Promise<ImportOutcome> {
  const cwd = options.cwd ?? process.cwd();
  const root = path.resolve(cwd, options.content);
  const files = expandInputs(options.files, options.kind, cwd);
  if (options.id !== undefined && files.length > 1) throw new ImportError('id-with-many', display(path.resolve(cwd, options.files[0]!), cwd));
  const batch: Batch = {
    used: new Set<string>(),
    handbook: files.length > 1 && existsSync(root) ? (await loadContent(root, { today: options.today })).handbook : undefined,
  };
  const plans: ImportPlan[] = [];
  const errors: ImportError[] = [];
  for (const file of files) {
    try {
      plans.push(await planImport({ ...options, file }, batch));
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      if (files.length === 1) throw error;
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new ImportErrors(errors, files.length);
  const lang = plans[0]!.lang;
  const say = (message: Say) =>
    inLang(
      message,
      lang,
      plans.map((p) => p.source),
    );
  const lines: string[] = [];
  for (const plan of plans) {
    lines.push(...plan.files.map((file) => say(describe(file, plan.source, Boolean(options.dryRun)))));
    for (const note of plan.notes) lines.push(say(note));
  }
  if (options.dryRun) {
    lines.push(
      say({
        zh: '（--dry-run：没有写入任何文件。去掉 --dry-run 再运行一次即可写入。）',
        en: '(--dry-run: nothing was written. Run again without --dry-run to write.)',
      }),
    );
    return { plans, plan: plans[0]!, text: lines.join('\n'), problems: [] };
  }
  const planned = plans.flatMap((plan) => plan.files);
  writePlanned(planned, plans[0]!.source);
  const { problems } = await loadContent(root, { today: options.today });
  const mine = problems.filter((p) => planned.some((f) => f.relative === p.file));
  const checkCommand = path.resolve(cwd, 'content') === root ? 'npm run check' : `npm run check -- --content ${display(root, cwd)}`;
  lines.push(say({ zh: `检查新文件（${checkCommand}）：`, en: `Checking the new files (${checkCommand}):` }));
  lines.push(toText(mine, { lang, displayRoot: display(root, cwd), color: false }));
  lines.push(
    say({
      zh: `下一步：打开${planned.length > 1 ? '这些文件' : '文件'}，核对推测的内容，补上还没填写的，再运行 ${checkCommand}。`,
      en: `Next: open the file${planned.length > 1 ? 's' : ''}, check what was guessed, fill in what is left, then run ${checkCommand}.`,
    }),
  );
  return { plans, plan: plans[0]!, text: lines.join('\n'), problems: mine };
}
