/**
 * `npm run build`: astro build (the integration checks content/ first and
 * indexes the result) into a fresh temporary folder beside dist/, swapped in
 * only on success, so a failed check or build leaves the previous dist/ as it was.
 * Extra arguments go to `astro build`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const dist = path.resolve(process.env.OPSBOOK_DIST ?? 'dist');
const staging = mkdtempSync(path.join(path.dirname(dist), '.dist-'));
const astro = path.resolve('node_modules/astro/bin/astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', '--outDir', staging, ...process.argv.slice(2)], { stdio: 'inherit' });

if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  process.stderr.write(`\nBuild failed: ${path.relative(process.cwd(), dist) || dist}/ was left as it was. / 构建失败，原来的 dist/ 保持不变。\n`);
  process.exit(result.status ?? 1);
}

chmodSync(staging, 0o755); // mkdtemp makes it private; a web server must read it
const previous = `${staging}-previous`;
if (existsSync(dist)) renameSync(dist, previous);
renameSync(staging, dist);
rmSync(previous, { recursive: true, force: true });
