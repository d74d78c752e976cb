/**
 * What git knows about the content folder's files, read once per build (and
 * memoised): one `git rev-parse` for where the folder sits in its repository,
 * one `git log` listing every commit's files, one `git status` for uncommitted
 * and untracked files. Pages then look their file up in a Map: with 5,000 SOPs
 * there are still three git processes, not one per page. The output is parsed by
 * ./last-updated.ts. Outside git, or without git installed, there is no
 * history (undefined) and pages show no date.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { normalisePrefix, parseGitLog, parseGitStatus, type FileDates } from './last-updated.ts';
import { contentDir } from '../content-dir.ts';

export interface ContentHistory {
  /** File (relative to the content folder, forward slashes) → its newest commit's time in ms; deleted files too. */
  readonly commits: ReadonlyMap<string, number>;
  /** Files with uncommitted changes or untracked → their modification time in ms (files no longer there are left out). */
  readonly edits: ReadonlyMap<string, number>;
}

export type Env = Readonly<Record<string, string | undefined>>;

function git(dir: string, args: string[], env: Env): string | undefined {
  return gitBytes(dir, args, env)?.toString('utf8');
}

/** Runs git in `dir` (its output as bytes, `input` on its standard input), or undefined when it fails or is missing. */
export function gitBytes(dir: string, args: string[], env: Env, input?: string): Buffer | undefined {
  try {
    return execFileSync('git', ['-C', dir, '-c', 'core.quotepath=false', '-c', 'log.showSignature=false', ...args], {
      input,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'ignore'],
      env: { ...env, GIT_OPTIONAL_LOCKS: '0' },
      // The log of a large handbook's whole history: far beyond the default 1 MiB.
      maxBuffer: 1024 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

/** Reads the history of `dir` now (no cache): for tests, and for contentHistory(). */
export function readContentHistory(dir: string, env: Env = process.env): ContentHistory | undefined {
  const prefixOutput = git(dir, ['rev-parse', '--show-prefix'], env);
  if (prefixOutput === undefined) return undefined; // not a git work tree, or no git
  const prefix = normalisePrefix(prefixOutput);
  // A repository without commits yet has no log (exit 128): its files can still be untracked.
  const log = git(dir, ['log', '-z', '--no-renames', '--name-only', '--no-color', '--format=%x01%ct', '--', '.'], env) ?? '';
  const status = git(dir, ['status', '--porcelain', '-z', '--untracked-files=all', '--no-renames', '--', '.'], env) ?? '';
  const edits = new Map<string, number>();
  for (const file of parseGitStatus(status, prefix)) {
    try {
      const info = statSync(path.join(dir, file));
      if (info.isFile()) edits.set(file, info.mtimeMs);
    } catch {
      // deleted: no page to date
    }
  }
  return { commits: parseGitLog(log, prefix), edits };
}

const cache = new Map<string, ContentHistory | undefined>();

/** The content folder's history, read on first use and kept for the rest of the build. */
export function contentHistory(dir: string = contentDir()): ContentHistory | undefined {
  if (!cache.has(dir)) cache.set(dir, readContentHistory(dir));
  return cache.get(dir);
}

/** What the history says about one file (path relative to the content folder), or undefined when it says nothing. */
export function fileDates(history: ContentHistory | undefined, file: string): FileDates | undefined {
  if (!history) return undefined;
  const commit = history.commits.get(file);
  const edit = history.edits.get(file);
  return commit === undefined && edit === undefined ? undefined : { commit, edit };
}
