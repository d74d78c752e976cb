/**
 * The one place pages get content from: Astro's collections, turned into the
 * model's Handbook (built once per build, then shared by every page).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import path from 'node:path';
import type { Entry, Handbook } from '../model/handbook.ts';
import { contentDir } from '../paths.ts';
import * as schemas from '../schema/collections.ts';

type EntryCollection = 'departments' | 'roles' | 'sops' | 'plans';

function toEntry<C extends EntryCollection>(entry: CollectionEntry<C>): Entry<CollectionEntry<C>['data']> {
  const file = entry.filePath ? path.relative(contentDir(), path.resolve(entry.filePath)).split(path.sep).join('/') : `${entry.collection}/${entry.id}`;
  return { id: entry.id, file, data: entry.data, body: entry.body };
}

let cached: Promise<Handbook> | undefined;

export function loadHandbook(): Promise<Handbook> {
  cached ??= (async () => {
    const [site] = await getCollection('site');
    return {
      site: site?.data ?? schemas.site.parse({ name: 'Opsbook' }),
      departments: (await getCollection('departments')).map(toEntry),
      roles: (await getCollection('roles')).map(toEntry),
      sops: (await getCollection('sops')).map(toEntry),
      plans: (await getCollection('plans')).map(toEntry),
      glossary: (await getCollection('glossary')).map((e) => e.data),
      cadence: (await getCollection('cadence')).map((e) => e.data),
    };
  })();
  return cached;
}

/** The Astro entry itself, for render(). */
export async function getEntry<C extends EntryCollection>(collection: C, id: string): Promise<CollectionEntry<C>> {
  const found = (await getCollection(collection)).find((e) => e.id === id);
  if (!found) throw new Error(`${collection}/${id} not found`);
  return found as CollectionEntry<C>;
}
