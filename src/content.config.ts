/**
 * Astro content collections over content/ (not src/content/), one per entry of the
 * collection registry (src/schema/registry.ts), validated by the same zod schemas
 * the checker uses.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { COLLECTIONS, type EntryCollection, type FileCollection } from './schema/registry.ts';
import { contentDir } from './integrations/content-dir.ts';
import { withCheckVerdict } from './integrations/check-verdict.ts';

const root = contentDir();

/** The id is the file name without extension, exactly as the checker sees it. */
const fileNameId = ({ entry }: { entry: string }) => entry.replace(/\.[^.]+$/, '');

/**
 * Astro keeps entries between builds (node_modules/.astro/data-store.json) and
 * reuses one whose text is unchanged, file path included: after a build of
 * another folder ($OPSBOOK_CONTENT, a copy of the same handbook) that path would
 * point into the other folder, and edit links and last-updated dates with it.
 * A collection forgets its entries when the content folder is not the last one's.
 */
function ofThisFolder(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      if (context.meta.get('content-dir') !== root) {
        context.store.clear();
        context.meta.set('content-dir', root);
      }
      // A file Astro cannot read: the check's report comes first (src/integrations/check-verdict.ts).
      await withCheckVerdict(() => loader.load(context));
    },
  };
}

const entries = (folder: string, pattern: string) => ofThisFolder(glob({ base: path.join(root, folder), pattern, generateId: fileNameId }));

/**
 * One YAML file holding a list (glossary, cadence) or a single mapping (site),
 * parsed by the same yaml library as the checker. A missing file is an empty list.
 */
function yamlFile(file: string): Loader {
  return {
    name: `opsbook-yaml:${file}`,
    load: async ({ store, parseData, watcher }) => {
      const full = path.join(root, file);
      const reload = async () => {
        store.clear();
        if (!existsSync(full)) return;
        const parsed: unknown = parse(readFileSync(full, 'utf8').replace(/^\uFEFF/, ''));
        const items = Array.isArray(parsed) ? parsed : parsed ? [parsed] : [];
        for (const [index, item] of items.entries()) {
          // Astro's store sorts by id: a zero-padded position keeps the author's order.
          const id = String(index).padStart(6, '0');
          const data = await parseData({ id, data: item as Record<string, unknown> });
          store.set({ id, data });
        }
      };
      watcher?.add(full);
      watcher?.on('change', (changed) => {
        if (path.resolve(changed) === full) void reload();
      });
      await withCheckVerdict(reload);
    },
  };
}

/** A folder's glob: `*.{md,mdx}` from the registry's extensions. */
const patternOf = (extensions: readonly string[]) => `*.{${extensions.map((e) => e.slice(1)).join(',')}}`;

function folderCollection<S extends z.ZodType>(collection: EntryCollection<S>) {
  return defineCollection({ loader: entries(collection.folder, patternOf(collection.extensions)), schema: collection.schema });
}

function fileCollection<S extends z.ZodType>(collection: FileCollection & { readonly item: S }) {
  return defineCollection({ loader: yamlFile(collection.file), schema: collection.item });
}

type CollectionOf<C> =
  C extends EntryCollection<infer S>
    ? ReturnType<typeof folderCollection<S>>
    : C extends { readonly item: infer S extends z.ZodType }
      ? ReturnType<typeof fileCollection<S>>
      : never;

const collectionOf = (collection: EntryCollection | FileCollection) =>
  collection.source === 'folder' ? folderCollection(collection) : fileCollection(collection);

export const collections = Object.fromEntries(Object.entries(COLLECTIONS).map(([name, collection]) => [name, collectionOf(collection)])) as {
  [K in keyof typeof COLLECTIONS]: CollectionOf<(typeof COLLECTIONS)[K]>;
};
