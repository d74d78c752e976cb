/**
 * The build date shown in footers and on print covers. It must not come from
 * the clock, so that two builds of the same content are byte-identical:
 * $OPSBOOK_BUILD_DATE, else $SOURCE_DATE_EPOCH, else the newest content change
 * (the last git commit touching the content folder, or a newer uncommitted
 * edit; outside git, the newest file).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { contentDir } from '../paths.ts';

let cached: string | undefined;

export function buildDate(): string {
  cached ??= resolveBuildDate();
  return cached;
}

function resolveBuildDate(): string {
  if (process.env.OPSBOOK_BUILD_DATE) return process.env.OPSBOOK_BUILD_DATE;
  if (process.env.SOURCE_DATE_EPOCH) return isoDay(Number(process.env.SOURCE_DATE_EPOCH) * 1000);
  return isoDay(newestContentChange(contentDir()));
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function git(dir: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

export function newestContentChange(dir: string): number {
  const committed = git(dir, ['log', '-1', '--format=%ct', '--', '.']);
  if (committed) {
    // Files edited since the last commit count as changes too.
    const dirty = (git(dir, ['status', '--porcelain', '--untracked-files=all', '--', '.']) ?? '')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3).replace(/^"|"$/g, ''));
    const top = git(dir, ['rev-parse', '--show-toplevel']) ?? dir;
    const dirtyTimes = dirty.flatMap((file) => {
      try {
        return [statSync(path.join(top, file)).mtimeMs];
      } catch {
        return [];
      }
    });
    return Math.max(Number(committed) * 1000, ...dirtyTimes);
  }
  let newest = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  try {
    walk(dir);
  } catch {
    return Date.now();
  }
  return newest || Date.now();
}
