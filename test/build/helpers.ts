/** Building a handbook folder with the real Astro CLI into a temporary dist/, as a user would. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BuildResult {
  readonly code: number | null;
  readonly output: string;
  readonly outDir: string;
}

export function buildSite(contentDir: string, env: Record<string, string> = {}, options: { config?: string } = {}): BuildResult {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'opsbook-dist-'));
  const config = options.config ? ['--config', options.config] : [];
  const result = spawnSync(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir, ...config], {
    encoding: 'utf8',
    env: { ...process.env, OPSBOOK_CONTENT: path.resolve(contentDir), OPSBOOK_TODAY: '2026-11-25', OPSBOOK_BUILD_DATE: '2026-11-25', NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

export function page(outDir: string, route: string): string {
  return readFileSync(path.join(outDir, route, 'index.html'), 'utf8');
}

/** The visible text of a page, tags removed, entities left as they are. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ');
}

/** A hash of every file's path, time, size and bytes below a folder: equal before and after means nothing was written. */
export function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      const info = statSync(full);
      if (info.isDirectory()) walk(full);
      else hash.update(`${path.relative(dir, full)}:${info.mtimeMs}:${info.size}:`).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}
