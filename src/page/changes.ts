/**
 * The change history an entry page shows (its last change, its 变更记录) and /changes/ with its feed, from the history read once per
 * build (src/integrations/changes/read.ts) and the build date, never the clock.
 */
import { buildDate } from '../integrations/build-date.ts';
import { contentChanges } from '../integrations/changes/read.ts';
import { entryChangesView, type EntryChangesView, type HistoryState } from '../domain/changes/view.ts';
import { changeItems, weekGroups, type ChangeItem, type WeekGroup } from '../domain/changes/list.ts';
import type { ChangeEntryKind } from '../domain/changes/describe.ts';
import { sortedDepartments } from '../domain/handbook.ts';
import { pageContext } from './context.ts';

export async function entryChanges(file: string): Promise<EntryChangesView> {
  const { locale, t } = await pageContext();
  const changes = contentChanges(locale);
  const state = !changes ? 'no-git' : changes.shallow ? 'shallow' : 'ok';
  return entryChangesView(changes?.entries.get(file), state, buildDate(), t);
}

export interface ChangesPage {
  readonly state: HistoryState;
  readonly groups: readonly WeekGroup[];
  /** Newest first, for the feed. */
  readonly items: readonly ChangeItem[];
  /** Departments that have changes, in the handbook's order, for the filter. */
  readonly departments: readonly { readonly id: string; readonly name: string }[];
  readonly kinds: readonly ChangeEntryKind[];
}

let page: Promise<ChangesPage> | undefined;

/** /changes/ and its feed: every change, computed once per build. */
export function changesPage(): Promise<ChangesPage> {
  page ??= pageContext().then(({ handbook, locale, t }) => {
    const changes = contentChanges(locale);
    const state: HistoryState = !changes ? 'no-git' : changes.shallow ? 'shallow' : 'ok';
    const items = changeItems(changes?.entries.values() ?? [], t);
    const used = new Set(items.map((item) => item.department));
    const departments = sortedDepartments(handbook.departments)
      .filter((d) => used.has(d.id))
      .map((d) => ({ id: d.id, name: d.data.name }));
    const kinds = (['sop', 'role', 'plan', 'department'] as const).filter((kind) => items.some((item) => item.kind === kind));
    return { state, groups: weekGroups(items, buildDate(), t), items, departments, kinds };
  });
  return page;
}
