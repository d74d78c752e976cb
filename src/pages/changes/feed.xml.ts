/**
 * /changes/feed.xml: the handbook's changes as an Atom feed (the `feed` library), for 飞书 / 钉钉 bots and feed
 * readers. Dated by the changes themselves (the newest, else the build date), never the clock. Links are
 * absolute when the site's address is configured (OPSBOOK_SITE), else relative to the site.
 */
import type { APIRoute } from 'astro';
import { Feed } from 'feed';
import { feedEntries } from '../../domain/changes/list.ts';
import { entryHref } from '../../domain/changes/links.ts';
import { buildDate } from '../../integrations/build-date.ts';
import { changesPage } from '../../page/changes.ts';
import { pageContext } from '../../page/context.ts';

/**
 * `feed` takes absolute addresses only. Without the site's address the links are written against this
 * placeholder and then made relative to the site's root, which Atom allows (readers resolve them against
 * the feed's own address); ids are URNs, never addresses.
 */
const PLACEHOLDER = 'https://opsbook.invalid';

export const GET: APIRoute = async ({ site }) => {
  const { handbook, t, routes, locale } = await pageContext();
  const { items } = await changesPage();
  const absolute = (href: string) => new URL(href, site ?? PLACEHOLDER).href;
  const entries = feedEntries(items, t);
  const feed = new Feed({
    id: site ? absolute(routes.changes) : 'urn:opsbook:changes',
    title: t('changes.feedTitle', { site: handbook.site.name }),
    link: absolute(routes.changes),
    language: locale,
    updated: new Date(entries[0]?.time ?? Date.parse(`${buildDate()}T00:00:00Z`)),
    generator: 'Opsbook',
    feedLinks: { atom: absolute(routes.changesFeed) },
    copyright: handbook.site.organization ?? handbook.site.name,
  });
  for (const [i, entry] of entries.entries()) {
    const item = items[i]!;
    feed.addItem({
      id: entry.id,
      title: entry.title,
      link: absolute(item.removed ? routes.changes : entryHref(item, routes)),
      date: new Date(entry.time),
      content: entry.html,
    });
  }
  const xml = site ? feed.atom1() : feed.atom1().replaceAll(`${PLACEHOLDER}/`, '/');
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
