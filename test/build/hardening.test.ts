/** Nothing lost: a failed build keeps the previous dist/, content/ is never written, builds are reproducible, robots. */
import { describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildEnv, buildSite, fingerprint, htmlFiles, page, withAstroLane } from './helpers.ts';

function copyOf(folder: string): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'opsbook-content-'));
  cpSync(folder, copy, { recursive: true, preserveTimestamps: true });
  return copy;
}

/** `npm run build` of a copy of the sample into a dist/ that held a stale page; no OPSBOOK_BUILD_DATE, so it is dated by the content. */
const npmRunBuild = (() => {
  let done: { content: string; before: string; parent: string; dist: string; result: ReturnType<typeof spawnSync> } | undefined;
  return () => {
    if (done) return done;
    const content = copyOf('content');
    const before = fingerprint(content);
    const parent = mkdtempSync(path.join(os.tmpdir(), 'opsbook-next-'));
    const dist = path.join(parent, 'dist');
    mkdirSync(dist);
    writeFileSync(path.join(dist, 'stale.html'), 'old');
    const result = withAstroLane((root) =>
      spawnSync(process.execPath, ['scripts/build.ts'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...buildEnv(content, { OPSBOOK_BUILD_DATE: '' }), OPSBOOK_DIST: dist },
      }),
    );
    done = { content, before, parent, dist, result };
    return done;
  };
})();

describe('npm run build', () => {
  it('leaves the previous dist/ untouched when the check fails', () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'opsbook-prev-'));
    const dist = path.join(parent, 'dist');
    mkdirSync(dist);
    writeFileSync(path.join(dist, 'index.html'), 'the previous build');
    const result = withAstroLane((root) =>
      spawnSync(process.execPath, ['scripts/build.ts'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, OPSBOOK_DIST: dist, OPSBOOK_CONTENT: path.resolve('test/fixtures/broken'), NO_COLOR: '1' },
      }),
    );
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('roles/cycle-a.md:4');
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('the previous build');
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('replaces dist/ on success and never writes into the content folder', () => {
    const { content, before, parent, dist, result } = npmRunBuild();
    expect(result.status, String(result.stderr)).toBe(0);
    expect(existsSync(path.join(dist, 'stale.html'))).toBe(false);
    expect(existsSync(path.join(dist, 'index.html'))).toBe(true);
    expect(readdirSync(parent)).toEqual(['dist']);
    expect(fingerprint(content)).toBe(before);
  });
});

describe('reproducible builds', () => {
  it('makes byte-identical HTML from the same content, dated by the content, not the clock', () => {
    // No OPSBOOK_BUILD_DATE: the date must come from the newest content file. The first build is `npm run build`'s above.
    const { content, dist, result } = npmRunBuild();
    const first = { code: result.status, output: `${result.stdout}\n${result.stderr}`, outDir: dist };
    const second = buildSite(content, { OPSBOOK_BUILD_DATE: '' });
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);
    const files = htmlFiles(first.outDir).map((file) => path.relative(first.outDir, file));
    expect(htmlFiles(second.outDir).map((file) => path.relative(second.outDir, file))).toEqual(files);
    for (const file of files) {
      expect(readFileSync(path.join(second.outDir, file), 'utf8'), file).toBe(readFileSync(path.join(first.outDir, file), 'utf8'));
    }
    // Files only, as the build reads them: the copy's folders are dated by the copy, not by the content.
    const newest = Math.max(
      ...readdirSync(content, { recursive: true })
        .map((f) => statSync(path.join(content, String(f))))
        .filter((stat) => stat.isFile())
        .map((stat) => stat.mtimeMs),
    );
    expect(page(first.outDir, '')).toContain(new Date(newest).toISOString().slice(0, 10));
  });
});

describe('robots', () => {
  it('keeps internal handbooks out of search engines by default, and lets public ones in', () => {
    // The shared sample build is built as by default.
    const hidden = { outDir: inject('sampleDist') };
    expect(readFileSync(path.join(hidden.outDir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
    expect(page(hidden.outDir, '')).toMatch(/<meta name="robots" content="noindex/);
    expect(existsSync(path.join(hidden.outDir, 'admin/index.html'))).toBe(true);
    const content = copyOf('test/fixtures/base');
    writeFileSync(path.join(content, 'site.yaml'), `${readFileSync(path.join(content, 'site.yaml'), 'utf8')}\nrobots: true\neditor: false\n`);
    const open = buildSite(content);
    expect(open.code, open.output).toBe(0);
    // The browser editor is never for crawlers, even on a public handbook.
    expect(readFileSync(path.join(open.outDir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /admin/\nAllow: /\n');
    expect(page(open.outDir, '')).not.toMatch(/<meta name="robots"/);
    // editor: false builds no editor.
    expect(existsSync(path.join(open.outDir, 'admin'))).toBe(false);
  });
});
