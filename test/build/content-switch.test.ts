/**
 * Astro keeps content entries between builds and reuses an entry whose text is
 * unchanged, with the file path it was first read from. Building another
 * content folder in the same project must neither show the previous folder's
 * entries nor point at its files (ofThisFolder in src/content.config.ts).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, page } from './helpers.ts';

function handbookCopy(name: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), `opsbook-${name}-`));
  cpSync('test/fixtures/base', folder, { recursive: true });
  const sop = readFileSync(path.join(folder, 'sops/first-reply.md'), 'utf8');
  writeFileSync(path.join(folder, 'sops/shared.mdx'), sop.replace(/^title: .*$/m, 'title: 两个手册都有'));
  return folder;
}

describe('switching content folders', () => {
  it("a build of another folder shows none of the previous folder's entries and reads only its own files", () => {
    const first = handbookCopy('first');
    const sop = readFileSync(path.join(first, 'sops/first-reply.md'), 'utf8');
    writeFileSync(path.join(first, 'sops/only-in-first.md'), sop.replace(/^title: .*$/m, 'title: 只在第一个手册里'));
    const a = buildSite(first);
    expect(a.code, a.output).toBe(0);
    expect(existsSync(path.join(a.outDir, 'sops/only-in-first/index.html'))).toBe(true);

    // The first folder is gone (a temporary checkout, a bench run): nothing may still read from it.
    rmSync(first, { recursive: true, force: true });
    const second = handbookCopy('second');
    const b = buildSite(second, { OPSBOOK_EDIT_URL: '' });
    expect(b.code, b.output).toBe(0);
    expect(b.output).not.toMatch(/multiple entries with the same slug/);
    expect(existsSync(path.join(b.outDir, 'sops/only-in-first/index.html'))).toBe(false);
    expect(page(b.outDir, 'sops/shared')).toContain('两个手册都有');
  });
});
