/**
 * Astro content collections over content/ (not src/content/), validated by the
 * same zod schemas the checker uses.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import * as schemas from './schema/collections.ts';
import { contentDir } from './integrations/content-dir.ts';

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
      await loader.load(context);
    },
  };
}

const entries = (folder: string, pattern: string) =>
  ofThisFolder(glob({ base: path.join(root, folder), pattern, generateId: fileNameId }));

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
      await reload();
    },
  };
}

export const collections = {
  departments: defineCollection({ loader: entries('departments', '*.{yaml,yml}'), schema: schemas.department }),
  roles: defineCollection({ loader: entries('roles', '*.{md,mdx}'), schema: schemas.role }),
  sops: defineCollection({ loader: entries('sops', '*.{md,mdx}'), schema: schemas.sop }),
  plans: defineCollection({ loader: entries('plans', '*.{yaml,yml,md}'), schema: schemas.plan }),
  glossary: defineCollection({ loader: yamlFile('glossary.yaml'), schema: schemas.glossaryTerm }),
  cadence: defineCollection({ loader: yamlFile('cadence.yaml'), schema: schemas.cadenceItem }),
  site: defineCollection({ loader: yamlFile('site.yaml'), schema: schemas.site }),
};
