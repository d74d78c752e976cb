/**
 * The build date shown in footers and on print covers, and each entry page's
 * "last updated" date. Neither comes from the clock, so that two builds of the
 * same content are byte-identical. The build date: $OPSBOOK_BUILD_DATE, else
 * $SOURCE_DATE_EPOCH, else the newest content change (the last git commit
 * touching the content folder, or a newer uncommitted edit; outside git, the
 * newest file). Git is read once per build (./git-dates.ts).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isoDay, lastUpdated } from './last-updated/last-updated.ts';
import { contentDir } from './content-dir.ts';
import { contentHistory, fileDates } from './last-updated/git-dates.ts';

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

/**
 * The newest change in the content folder, in ms: its last commit, or a newer
 * uncommitted or untracked file; outside git (or in a folder with no commit yet),
 * the newest file.
 */
export function newestContentChange(dir: string): number {
  const history = contentHistory(dir);
  if (history && history.commits.size > 0) {
    let latest = 0;
    for (const time of history.commits.values()) latest = Math.max(latest, time);
    for (const time of history.edits.values()) latest = Math.max(latest, time);
    return latest;
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

/**
 * "Last updated" for the page of a content file (relative to the content folder):
 * the entry's `updated` when given, else its last commit or uncommitted edit, never
 * after the build date; undefined outside git (see last-updated/last-updated.ts).
 */
export function pageUpdated(file: string | undefined, updated?: string): string | undefined {
  if (updated) return lastUpdated(updated, undefined);
  if (!file) return undefined;
  return lastUpdated(undefined, fileDates(contentHistory(), file), buildDate());
}
