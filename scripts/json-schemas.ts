/**
 * `npm run schemas`: writes schemas/<collection>.schema.json, the JSON Schemas
 * that editors validate content with, generated from the zod schemas
 * (src/schema/json-schemas.ts). Run it after changing src/schema/; commit the result.
 *   --check  write nothing; exit 1 when a file is missing or out of date
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderJsonSchemas } from '../src/schema/json-schemas.ts';

const checkOnly = process.argv.includes('--check');
const root = path.resolve(import.meta.dirname, '..');
let stale = 0;
for (const [file, text] of Object.entries(renderJsonSchemas())) {
  const full = path.join(root, file);
  const current = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  if (current === text) continue;
  stale++;
  if (checkOnly) {
    process.stderr.write(`${file} is out of date: run npm run schemas / ${file} 已过期：请运行 npm run schemas\n`);
    continue;
  }
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  process.stdout.write(`wrote ${file}\n`);
}
if (checkOnly && stale > 0) process.exitCode = 1;
else if (stale === 0) process.stdout.write('schemas/ is up to date / schemas/ 已是最新\n');
