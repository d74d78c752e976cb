/**
 * What an entry page shows of its history: the last change under its title ("3 天前：时限 24 小时 → 12 小时")
 * and the 变更记录 section, every version with its words. Days are counted to the build date, never the
 * clock, so the same commit builds the same page. Pure: no Astro.
 */
import type { Translate } from '../../i18n/index.ts';
import { changeWords } from './describe.ts';
import type { EntryHistory, VersionChange } from './history.ts';

/** Why a page has no history to show. */
export type HistoryState = 'ok' | 'no-git' | 'shallow';

export interface VersionView {
  /** YYYY-MM-DD (UTC, like the other dates of the site). */
  readonly date: string;
  /** "今天", "3 天前", or the date. */
  readonly when: string;
  readonly words: readonly string[];
  readonly note?: string;
}

export interface EntryChangesView {
  readonly state: HistoryState;
  /** One line for under the title: "3 天前：时限 24 小时 → 12 小时；新增第 3 步：…". */
  readonly last?: { readonly date: string; readonly text: string };
  /** Newest first. */
  readonly versions: readonly VersionView[];
}

const DAY = 86_400_000;

/** The day of a time in ms, YYYY-MM-DD (UTC). */
export function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** How long before the build a day was: 今天, 昨天, N 天前 up to a month, else the date itself. */
export function daysAgo(day: string, buildDay: string, t: Translate): string {
  const days = Math.round((Date.parse(buildDay) - Date.parse(day)) / DAY);
  if (!Number.isFinite(days) || days < 0 || days > 30) return day;
  if (days === 0) return t('changes.today');
  if (days === 1) return t('changes.yesterday');
  return t('changes.daysAgo', { n: days });
}

/** At most this many changes in the one-line summary; the rest are counted. */
const SUMMARY_CHANGES = 2;

/** The changes of one version in one line: the first few, and how many more. */
export function summary(version: VersionChange, t: Translate): string {
  const words = version.changes.map((change) => changeWords(change, t));
  const shown = words.slice(0, SUMMARY_CHANGES).join(t('changes.separator'));
  const more = words.length - SUMMARY_CHANGES;
  return more > 0 ? `${shown}${t('changes.more', { n: more })}` : shown;
}

export function entryChangesView(history: EntryHistory | undefined, state: HistoryState, buildDay: string, t: Translate): EntryChangesView {
  const versions = (history?.versions ?? []).map((version): VersionView => ({
    date: dayOf(version.time),
    when: daysAgo(dayOf(version.time), buildDay, t),
    words: version.changes.map((change) => changeWords(change, t)),
    ...(version.note ? { note: version.note } : {}),
  }));
  const newest = history?.versions[0];
  const last = newest ? { date: dayOf(newest.time), text: t('changes.last', { when: versions[0]!.when, what: summary(newest, t) }) } : undefined;
  return { state, versions, ...(last ? { last } : {}) };
}
