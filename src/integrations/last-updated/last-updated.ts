/**
 * "Last updated" for an entry page: the entry's own `updated` date when it has
 * one, else the date of the last git commit touching its file (or, for a file
 * with uncommitted changes or not yet in git, its modification time, as the
 * build date does). The git output is read once per build (src/integrations/last-updated/git-dates.ts)
 * and parsed here: pure functions, no git, no file system, no clock.
 */

/** What git knows about one content file. Times are milliseconds since the epoch. */
export interface FileDates {
  /** The newest commit touching the file (committer time). */
  readonly commit?: number;
  /** The file has uncommitted changes or is untracked: its modification time. */
  readonly edit?: number;
}

/** YYYY-MM-DD in UTC, like the footer's build date. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A path from git (relative to the repository's top level) made relative to the content folder, or undefined when outside it. */
function underPrefix(file: string, prefix: string): string | undefined {
  if (!file || !file.startsWith(prefix)) return undefined;
  const rest = file.slice(prefix.length);
  return rest === '' ? undefined : rest;
}

/** The folder's path from the top level as `git rev-parse --show-prefix` prints it: `handbook/` or `` at the top, with a slash at the end. */
export function normalisePrefix(output: string): string {
  const prefix = output.replace(/\r?\n$/, '');
  return prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
}

/**
 * The output of `git log -z --no-renames --name-only --format=%x01%ct -- .`: each
 * commit is `\x01<committer time, seconds>` then NUL, then (after one newline) the
 * paths it touched, each ending in NUL; merges list no path. Paths are relative to
 * the top level, unquoted (-z), so Chinese names and spaces come through as they
 * are. Returns file (relative to the content folder, `prefix` removed) → newest
 * commit time in ms. A renamed file counts from its rename (--no-renames lists the
 * old path as deleted, the new one as added); deleted files keep their last date,
 * which only matters to the build date (a deletion is a content change too).
 */
export function parseGitLog(output: string, prefix = ''): Map<string, number> {
  const dates = new Map<string, number>();
  let time: number | undefined;
  let first = false;
  for (const field of output.split('\0')) {
    if (field.startsWith('\x01')) {
      const seconds = field.slice(1).trim();
      time = /^\d+$/.test(seconds) ? Number(seconds) * 1000 : undefined;
      first = true;
      continue;
    }
    // The newline between a commit's header and its first path.
    const name = first && field.startsWith('\n') ? field.slice(1) : field;
    first = false;
    if (time === undefined) continue;
    const file = underPrefix(name, prefix);
    if (file === undefined) continue;
    const known = dates.get(file);
    if (known === undefined || time > known) dates.set(file, time);
  }
  return dates;
}

/**
 * The output of `git status --porcelain -z --untracked-files=all -- .`: entries
 * `XY <path>` ending in NUL, a rename or copy followed by its original path (skipped).
 * Returns the files (relative to the content folder) with uncommitted changes
 * (staged or not, deletions included: the caller finds no file to date) or untracked.
 */
export function parseGitStatus(output: string, prefix = ''): string[] {
  const files: string[] = [];
  const fields = output.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i]!;
    if (entry.length < 4) continue;
    const code = entry.slice(0, 2);
    if (/[RC]/.test(code)) i++; // the original path follows
    if (code === '!!') continue;
    const file = underPrefix(entry.slice(3), prefix);
    if (file !== undefined) files.push(file);
  }
  return files;
}

/**
 * The date a page shows as last updated, YYYY-MM-DD: `updated` when the entry has
 * one (the author's word beats git, whose dates move with mass edits, renames and
 * shallow clones), else the newer of its last commit and, when it has uncommitted
 * changes, its modification time; never after `notAfter` (the build date), so a
 * page is never updated after it was built. Undefined when there is nothing to
 * go by (outside git, git missing, a file git ignores): the page then says nothing.
 */
export function lastUpdated(updated: string | undefined, dates: FileDates | undefined, notAfter?: string): string | undefined {
  if (updated) return updated;
  const times = [dates?.commit, dates?.edit].filter((t): t is number => t !== undefined && Number.isFinite(t));
  if (times.length === 0) return undefined;
  const day = isoDay(Math.max(...times));
  return notAfter && day > notAfter ? notAfter : day;
}
