/**
 * The content folder's change history, read from git once per build (and memoised): one `git rev-parse` for
 * where the folder sits and whether the clone is shallow, one `git log --raw` for every commit's files and
 * their blobs (renames followed), one `git cat-file --batch` for every version's text by blob id. Each version is parsed with the site's own
 * schemas and described against the one before (src/domain/changes/). Outside git there is no history.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as collections from '../../schema/collections.ts';
import { COLLECTIONS } from '../../schema/registry.ts';
import { decode, readYaml, splitFrontMatter } from '../../check/source.ts';
import type { Locale } from '../../i18n/index.ts';
import type { AnyVersion, ChangeEntryKind } from '../../domain/changes/describe.ts';
import { entryHistory, namesFromVersions, type EntryHistory, type ParsedEvent } from '../../domain/changes/history.ts';
import { gitBytes, type Env } from '../last-updated/git-dates.ts';
import { normalisePrefix } from '../last-updated/last-updated.ts';
import { contentDir } from '../content-dir.ts';
import { CHANGE_LOG_ARGS, followFiles, parseCatFile, parseChangeLog, type CommitRecord } from './log.ts';

export interface ContentChanges {
  /** The clone holds only the latest commits (CI's default): older changes are missing. */
  readonly shallow: boolean;
  /** Every entry that has a history, by its (last) file relative to the content folder. */
  readonly entries: ReadonlyMap<string, EntryHistory>;
}

const KINDS: Record<string, { kind: ChangeEntryKind; collection: 'sops' | 'roles' | 'plans' | 'departments' }> = {
  [COLLECTIONS.sops.folder]: { kind: 'sop', collection: 'sops' },
  [COLLECTIONS.roles.folder]: { kind: 'role', collection: 'roles' },
  [COLLECTIONS.plans.folder]: { kind: 'plan', collection: 'plans' },
  [COLLECTIONS.departments.folder]: { kind: 'department', collection: 'departments' },
};

const SCHEMAS = { sop: collections.sop, role: collections.role, plan: collections.plan, department: collections.department };

/** Is this file an entry whose versions are described (an SOP, role, plan or department file)? */
export function entryKindOf(file: string): ChangeEntryKind | undefined {
  const [folder, name, ...rest] = file.split('/');
  if (!folder || !name || rest.length > 0) return undefined;
  const known = KINDS[folder];
  if (!known) return undefined;
  const extensions: readonly string[] = COLLECTIONS[known.collection].extensions;
  return extensions.includes(path.extname(name)) ? known.kind : undefined;
}

/** One version of an entry file as the site would read it, or undefined when the schema refuses it. */
export function parseVersion(file: string, bytes: Uint8Array): AnyVersion | undefined {
  const kind = entryKindOf(file);
  if (!kind) return undefined;
  const decoded = decode(bytes);
  if (!decoded.ok) return undefined;
  const extension = path.extname(file);
  const id = path.basename(file, extension);
  const split = extension === '.md' || extension === '.mdx' ? splitFrontMatter(decoded.text) : undefined;
  if ((extension === '.md' || extension === '.mdx') && !split) return undefined;
  const read = readYaml(split ? split.yaml : decoded.text);
  if (!read.ok) return undefined;
  const parsed = SCHEMAS[kind].safeParse(read.value);
  if (!parsed.success) return undefined;
  const body = split && kind !== 'plan' ? split.body : undefined;
  return { kind, version: { id, data: parsed.data, ...(body !== undefined ? { body } : {}) } } as AnyVersion;
}

/** Reads the history of `dir` now (no cache): for tests, and for contentChanges(). */
export function readContentChanges(dir: string, locale: Locale, env: Env = process.env): ContentChanges | undefined {
  const revParse = gitBytes(dir, ['rev-parse', '--show-prefix', '--is-shallow-repository', '--git-path', 'shallow'], env)?.toString('utf8');
  if (revParse === undefined) return undefined; // not a git work tree, or no git
  const [prefixLine = '', shallowLine = '', shallowFile = ''] = revParse.split('\n');
  const prefix = normalisePrefix(prefixLine);
  const shallow = shallowLine.trim() === 'true';
  const log = gitBytes(dir, CHANGE_LOG_ARGS, env)?.toString('utf8') ?? '';
  const commits = withoutBoundaryAdditions(parseChangeLog(log, prefix), shallow ? boundaryCommits(path.resolve(dir, shallowFile)) : new Set());
  const lives = followFiles(commits).filter((life) => life.some((event) => entryKindOf(event.change.path)));

  // Every version's text in one process, by blob id; a deletion has none.
  const wanted = lives.flatMap((life) => life.filter((event) => event.change.blob !== undefined));
  const input = wanted.map((event) => `${event.change.blob}\n`).join('');
  const blobs = wanted.length ? parseCatFile(gitBytes(dir, ['cat-file', '--batch'], env, input) ?? Buffer.alloc(0)) : [];
  const texts = new Map(wanted.map((event, i) => [event, blobs[i]]));

  const parsed: ParsedEvent[][] = lives.map((life) =>
    life.map((event) => {
      const bytes = texts.get(event);
      return {
        hash: event.commit.hash,
        time: event.commit.time,
        subject: event.commit.subject,
        file: event.change.path,
        status: event.change.status,
        version: bytes ? parseVersion(event.change.path, bytes) : undefined,
      };
    }),
  );
  const names = namesFromVersions(parsed);
  const entries = new Map<string, EntryHistory>();
  for (const life of parsed) {
    const history = entryHistory(life, locale, names);
    // A path used again after a deletion: the living entry wins over the removed one.
    if (history && (!entries.has(history.file) || !history.removed)) entries.set(history.file, history);
  }
  return { shallow, entries };
}

/** The commits where a shallow clone's history is cut off (git lists them in .git/shallow). */
function boundaryCommits(file: string): Set<string> {
  try {
    return new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean));
  } catch {
    return new Set();
  }
}

/**
 * A commit whose parents the clone lacks shows every file as added (git compares it with nothing): those files
 * existed before, so they are versions with nothing known before them, not new entries.
 */
export function withoutBoundaryAdditions(commits: readonly CommitRecord[], boundary: ReadonlySet<string>): CommitRecord[] {
  return commits.map((commit) =>
    boundary.has(commit.hash) ? { ...commit, files: commit.files.map((file) => (file.status === 'A' ? { ...file, status: 'M' as const } : file)) } : commit,
  );
}

const cache = new Map<string, ContentChanges | undefined>();

/** The content folder's change history, read on first use and kept for the rest of the build. */
export function contentChanges(locale: Locale, dir: string = contentDir()): ContentChanges | undefined {
  const key = `${locale}\0${dir}`;
  if (!cache.has(key)) cache.set(key, readContentChanges(dir, locale));
  return cache.get(key);
}

/**
 * The build's warning when pages cannot show the whole change history (one `git rev-parse`): outside git,
 * or a shallow clone (CI checks out one commit unless told otherwise).
 */
export function historyWarning(dir: string = contentDir(), env: Env = process.env): string | undefined {
  const output = gitBytes(dir, ['rev-parse', '--is-shallow-repository'], env)?.toString('utf8');
  if (output === undefined) return `${dir} is not in a git repository: entry pages and /changes/ show no change history.`;
  if (output.trim() === 'true')
    return 'The repository is a shallow clone: the change history (/changes/, 变更记录) starts at its oldest commit. Fetch the whole history (in CI: fetch-depth: 0).';
  return undefined;
}
