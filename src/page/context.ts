/**
 * What every page starts from, computed once per build (as Starlight's route data): the handbook, the
 * site's locale, its translations, the link maker and the routes under the site's base. A page writes
 * `const { handbook, t, links } = await pageContext();` and nothing else to set itself up; an entry page
 * gets its entry as props from entryPaths().
 */
import { render } from 'astro:content';
import type { Entry, Handbook } from '../domain/handbook.ts';
import { FACETS, sopFacets, type Facet } from '../domain/sops/facets.ts';
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

export type EntryCollectionName = 'departments' | 'roles' | 'sops' | 'plans';

/**
 * What an entry page receives from getStaticPaths: its entry, looked up once per build (as Starlight's route
 * data). A type, not an interface: Astro's props are a record, which an interface is not.
 */
export type EntryProps<C extends EntryCollectionName> = {
  readonly entry: Handbook[C][number];
};

/**
 * getStaticPaths of an entry page: one page per entry of the collection, at its id, with the entry as its
 * props. A page writes `type Props = EntryProps<'roles'>;` and `const { entry } = Astro.props;`.
 */
export async function entryPaths<C extends EntryCollectionName>(collection: C): Promise<{ params: { id: string }; props: EntryProps<C> }[]> {
  const { handbook } = await pageContext();
  const entries: Handbook[C] = handbook[collection];
  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}

/** What a filtered SOP list (/sops/<facet>/<value>/) receives from getStaticPaths: the filter it shows. */
export type FacetProps = {
  readonly selected: { readonly facet: Facet; readonly value: string };
};

/** getStaticPaths of the filtered SOP lists: one page per value of each facet, with the filter as its props. */
export async function facetPaths(): Promise<{ params: { facet: Facet; value: string }; props: FacetProps }[]> {
  const facets = sopFacets((await pageContext()).handbook);
  return FACETS.flatMap((facet) => facets[facet].map(({ value }) => ({ params: { facet, value }, props: { selected: { facet, value } } })));
}

/** A rendered body: the component a page writes as `<Content />`. */
export type BodyContent = Awaited<ReturnType<typeof render>>['Content'];

/** An entry's Markdown body as a component to render, or undefined when the file has no body. */
export async function entryContent(collection: EntryCollectionName, entry: Entry<unknown>): Promise<BodyContent | undefined> {
  return entry.body?.trim() ? (await render(await getEntry(collection, entry.id))).Content : undefined;
}
