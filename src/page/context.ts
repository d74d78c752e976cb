/**
 * What every page starts from, computed once per build (as Starlight's route data): the handbook, the
 * site's locale, its translations, the link maker and the routes under the site's base. A page writes
 * `const { handbook, t, links } = await pageContext();` and nothing else to set itself up.
 */
import type { Handbook } from '../domain/handbook.ts';
import { linker, type Linker, type Routes } from '../domain/urls.ts';
import { useTranslations, type Locale, type Translate } from '../i18n/index.ts';
import { getEntry, loadHandbook } from './handbook.ts';

export interface PageContext {
  readonly handbook: Handbook;
  readonly site: Handbook['site'];
  readonly locale: Locale;
  readonly t: Translate;
  /** Links to entries by id (title, href), under the site's base. */
  readonly links: Linker;
  readonly routes: Routes;
  /** The list separator of the site's language (、 or , ). */
  readonly sep: string;
}

let cached: Promise<PageContext> | undefined;

export function pageContext(): Promise<PageContext> {
  cached ??= loadHandbook().then((handbook) => {
    const locale = handbook.site.locale;
    const t = useTranslations(locale);
    const links = linker(handbook, import.meta.env.BASE_URL);
    return { handbook, site: handbook.site, locale, t, links, routes: links.routes, sep: t('list.separator') };
  });
  return cached;
}

export { getEntry };

type EntryCollectionName = 'departments' | 'roles' | 'sops' | 'plans';

/** getStaticPaths of an entry page: one page per entry of the collection, at its id. */
export async function entryPaths(collection: EntryCollectionName): Promise<{ params: { id: string } }[]> {
  const { handbook } = await pageContext();
  return handbook[collection].map((entry) => ({ params: { id: entry.id } }));
}
