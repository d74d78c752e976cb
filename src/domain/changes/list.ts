/**
 * The handbook's changes as one list (content-format.md, "Change history"): every version of every entry,
 * newest first, grouped by week for /changes/, and the same list as Markdown for a group chat
 * (`npm run changes`). Weeks and "since" are counted from a given day (the build date, or the CLI's today),
 * never the clock. Pure: no Astro.
 */
import type { Translate } from '../../i18n/index.ts';
import { changeWords, clip, type ChangeEntryKind } from './describe.ts';
import type { EntryHistory } from './history.ts';
import { dayOf } from './view.ts';

export interface ChangeItem {
  /** Commit time, ms. */
  readonly time: number;
  /** YYYY-MM-DD (UTC). */
  readonly date: string;
  readonly kind: ChangeEntryKind;
  readonly id: string;
  readonly title: string;
  /** The entry's file, relative to the content folder (its last path). */
  readonly file: string;
  readonly department?: string;
  /** The entry is gone: no page to link to. */
  readonly removed: boolean;
  readonly words: readonly string[];
  readonly note?: string;
  /** A stable id of the change (entry file and commit), for feed entries. */
  readonly key: string;
}

/** Every version of every entry, newest first; same-time changes by file, so the order never depends on reading order. */
export function changeItems(histories: Iterable<EntryHistory>, t: Translate): ChangeItem[] {
  const items: ChangeItem[] = [];
  for (const history of histories) {
    for (const version of history.versions) {
      items.push({
        time: version.time,
        date: dayOf(version.time),
        kind: history.kind,
        id: history.id,
        title: history.title,
        file: history.file,
        ...(history.department ? { department: history.department } : {}),
        removed: history.removed,
        words: version.changes.map((change) => changeWords(change, t)),
        ...(version.note ? { note: version.note } : {}),
        key: `${history.file}@${version.hash}`,
      });
    }
  }
  return items.sort((a, b) => b.time - a.time || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

const DAY = 86_400_000;

/** The Monday of a day's week (weeks start on Monday, as 周报 weeks do), YYYY-MM-DD. */
export function weekStart(day: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(time).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return dayOf(time - weekday * DAY);
}

export interface WeekGroup {
  /** The week's Monday. */
  readonly start: string;
  /** 本周, 上周, or "2026-11-02 – 2026-11-08". */
  readonly label: string;
  readonly items: readonly ChangeItem[];
}

/** Items (newest first) in weeks, newest first, labelled from `today`'s week. */
export function weekGroups(items: readonly ChangeItem[], today: string, t: Translate): WeekGroup[] {
  const thisWeek = weekStart(today);
  const lastWeek = dayOf(Date.parse(`${thisWeek}T00:00:00Z`) - 7 * DAY);
  const groups: { start: string; label: string; items: ChangeItem[] }[] = [];
  for (const item of items) {
    const start = weekStart(item.date);
    let group = groups[groups.length - 1];
    if (!group || group.start !== start) {
      const end = dayOf(Date.parse(`${start}T00:00:00Z`) + 6 * DAY);
      const label = start === thisWeek ? t('changes.thisWeek') : start === lastWeek ? t('changes.lastWeek') : t('changes.week', { start, end });
      group = { start, label, items: [] };
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}

/** "7d", "2w", "30" (days) or a date YYYY-MM-DD: the first day to include, counted back from `today`. */
export function sinceDay(since: string, today: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(since)) return since;
  const match = /^(\d+)\s*([dw天周]?)$/i.exec(since.trim());
  if (!match) return undefined;
  const days = Number(match[1]) * (/[w周]/i.test(match[2] ?? '') ? 7 : 1);
  // "7d" is the last seven days, today included.
  return dayOf(Date.parse(`${today}T00:00:00Z`) - Math.max(days - 1, 0) * DAY);
}

/** At most this many changes of one version in a chat line, and this many characters of its note. */
const CHAT_CHANGES = 3;
const NOTE_CHARS = 80;

function wordsInLine(words: readonly string[], t: Translate): string {
  const shown = words.slice(0, CHAT_CHANGES).join(t('changes.separator'));
  return words.length > CHAT_CHANGES ? `${shown}${t('changes.more', { n: words.length - CHAT_CHANGES })}` : shown;
}

/**
 * The changes since a day as Markdown to paste into a group chat: a heading per week, a bullet per entry
 * change with its date, its words and the commit's note; links when the site's address is known.
 */
export function changesMarkdown(
  items: readonly ChangeItem[],
  options: { from: string; today: string; t: Translate; href?: (item: ChangeItem) => string | undefined },
): string {
  const { from, today, t, href } = options;
  const recent = items.filter((item) => item.date >= from);
  if (recent.length === 0) return `${t('changes.noneSince', { from })}\n`;
  const lines: string[] = [`## ${t('changes.markdownTitle', { from, to: today })}`, ''];
  for (const group of weekGroups(recent, today, t)) {
    lines.push(`### ${group.label}`, '');
    for (const item of group.items) {
      const link = item.removed ? undefined : href?.(item);
      const name = link ? `[${item.title}](${link})` : `**${item.title}**`;
      lines.push(`- ${t('changes.markdownItem', { date: item.date, name, words: wordsInLine(item.words, t) })}`);
      if (item.note) lines.push(`  - ${t('changes.note', { note: clip(item.note, NOTE_CHARS) })}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** One change as a feed entry: a title to read in a chat bot's card, the words as HTML, a stable id. */
export interface FeedEntry {
  readonly id: string;
  readonly title: string;
  readonly time: number;
  readonly html: string;
  readonly key: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** The newest `limit` changes as feed entries; ids are tag-like URNs from the entry's file and the commit, so they never change. */
export function feedEntries(items: readonly ChangeItem[], t: Translate, limit = 100): FeedEntry[] {
  return items.slice(0, limit).map((item) => {
    const list = `<ul>${item.words.map((words) => `<li>${escapeHtml(words)}</li>`).join('')}</ul>`;
    const note = item.note ? `<p>${escapeHtml(t('changes.note', { note: item.note }))}</p>` : '';
    return {
      id: `urn:opsbook:change:${encodeURIComponent(item.key)}`,
      title: t('changes.feedItem', { title: item.title, words: wordsInLine(item.words, t) }),
      time: item.time,
      html: list + note,
      key: item.key,
    };
  });
}
