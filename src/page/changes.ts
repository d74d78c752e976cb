/**
 * The change history an entry page shows (its last change, its 变更记录), from the history read once per
 * build (src/integrations/changes/read.ts) and the build date, never the clock.
 */
import { buildDate } from '../integrations/build-date.ts';
import { contentChanges } from '../integrations/changes/read.ts';
import { entryChangesView, type EntryChangesView } from '../domain/changes/view.ts';
import { pageContext } from './context.ts';

export async function entryChanges(file: string): Promise<EntryChangesView> {
  const { locale, t } = await pageContext();
  const changes = contentChanges(locale);
  const state = !changes ? 'no-git' : changes.shallow ? 'shallow' : 'ok';
  return entryChangesView(changes?.entries.get(file), state, buildDate(), t);
}
