/**
 * The one place pages get content from: Astro's collections, turned into the
 * model's Handbook (built once per build, then shared by every page).
 */
import { getCollection, getEntry as getAstroEntry, type CollectionEntry } from 'astro:content';
import path from 'node:path';
import type { Entry, Handbook } from '../domain/handbook.ts';
import { contentDir } from '../integrations/content-dir.ts';
import * as schemas from '../schema/collections.ts';

type EntryCollection = 'departments' | 'roles' | 'sops' | 'plans';

function toEntry<C extends EntryCollection>(entry: CollectionEntry<C>): Entry<CollectionEntry<C>['data']> {
  const file = entry.filePath ? path.relative(contentDir(), path.resolve(entry.filePath)).split(path.sep).join('/') : `${entry.collection}/${entry.id}`;
  return { id: entry.id, file, data: entry.data, body: entry.body };
}

/** List files get zero-padded positions as ids (see content.config.ts): sorting them restores the file's order. */
function inFileOrder<T extends { id: string; data: unknown }>(entries: T[]): T['data'][] {
  return [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((e) => e.data);
}

let cached: Promise<Handbook> | undefined;

export function loadHandbook(): Promise<Handbook> {
  cached ??= (async (): Promise<Handbook> => {
    const [site] = await getCollection('site');
    return {
      site: site?.data ?? schemas.site.parse({ name: 'Opsbook' }),
      departments: (await getCollection('departments')).map((e) => toEntry<'departments'>(e)),
      roles: (await getCollection('roles')).map((e) => toEntry<'roles'>(e)),
      sops: (await getCollection('sops')).map((e) => toEntry<'sops'>(e)),
      plans: (await getCollection('plans')).map((e) => toEntry<'plans'>(e)),
      glossary: inFileOrder(await getCollection('glossary')),
      cadence: inFileOrder(await getCollection('cadence')),
    };
  })();
  return cached!;
}

/** The Astro entry itself, for render(). */
export async function getEntry<C extends EntryCollection>(collection: C, id: string): Promise<CollectionEntry<C>> {
  // A lookup in the content store: getCollection() here would copy every entry for every page.
  const found = await getAstroEntry(collection, id);
  if (!found) throw new Error(`${collection}/${id} not found`);
  return found as CollectionEntry<C>;
}
