/**
 * Astro keeps the content layer's entries between runs (data-store.json) and
 * clears them only when its own or the content config changes. Opsbook's
 * content folder comes from $OPSBOOK_CONTENT, which neither covers: building
 * another handbook in the same project would mix in the previous one's
 * entries. So the store is stamped with the folder it was filled from and
 * dropped when the folder differs.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const STAMP = 'opsbook-content-dir.txt';
const STORE = 'data-store.json';

/** Drops Astro's content store in `cacheDir` and `.astro/` when it was filled from another content folder. Returns whether it did. */
export function dropStoreOfOtherContent(options: { cacheDir: URL; dotAstroDir: URL; contentDir: string }): boolean {
  const cacheDir = fileURLToPath(options.cacheDir);
  const stamp = path.join(cacheDir, STAMP);
  const previous = existsSync(stamp) ? readFileSync(stamp, 'utf8') : undefined;
  const changed = previous !== options.contentDir;
  if (changed) {
    for (const dir of [cacheDir, fileURLToPath(options.dotAstroDir)]) rmSync(path.join(dir, STORE), { force: true });
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(stamp, options.contentDir);
  }
  return changed;
}
