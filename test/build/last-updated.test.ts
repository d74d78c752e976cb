/**
 * "Last updated" and "edit this page" on every entry page: dates from `updated` or git
 * (a fresh repository with commits at fixed dates), nothing at all outside git or
 * without git, edit links from site.yaml's editUrl.
 */
import { describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite, htmlFiles, page, textOf } from './helpers.ts';
import { git } from '../git.ts';

const EDIT_URL = 'https://git.example.com/team/handbook/-/edit/main/handbook/{file}';

/** The base fixture plus an SOP without `updated` (an .mdx) and an editUrl, in `dir`. */
function handbook(dir: string): string {
  cpSync('test/fixtures/base', dir, { recursive: true });
  writeFileSync(path.join(dir, 'sops/refund.mdx'), '---\ntitle: 退款审核\nowner: agent\nsteps:\n  - 核对订单\n---\n\n先看订单状态。\n');
  appendFileSync(path.join(dir, 'site.yaml'), `editUrl: "${EDIT_URL}"\n`);
  return dir;
}

/** The page's "last updated" line: its datetime and its text, or undefined. */
function updatedLine(html: string): { datetime: string; text: string } | undefined {
  const m = html.match(/<p class="page-updated" data-pagefind-ignore>([^<]*)<time datetime="([^"]+)">([^<]*)<\/time><\/p>/);
  return m ? { datetime: m[2]!, text: `${m[1]}${m[3]}` } : undefined;
}

function editHref(html: string): string | undefined {
  return html.match(/<p class="edit-link" data-pagefind-ignore><a href="([^"]+)">编辑此页<\/a><\/p>/)?.[1]?.replace(/&amp;/g, '&');
}

const ENTRY_PAGES = {
  'departments/ops': 'departments/ops.yaml',
  'departments/service': 'departments/service.yaml',
  'roles/agent': 'roles/agent.md',
  'roles/boss': 'roles/boss.md',
  'sops/first-reply': 'sops/first-reply.md',
  'sops/refund': 'sops/refund.mdx',
  'plans/year': 'plans/year.yaml',
  glossary: 'glossary.yaml',
  rhythm: 'cadence.yaml',
} as const;

/**
 * A repository whose sub-folder handbook/ is the content: commits on 2026-11-20 (all),
 * 2026-11-21 (departments/ops.yaml) and 2026-11-23 (outside the handbook), and
 * roles/boss.md changed since, not committed (modified on 2026-11-22).
 */
function repository(): string {
  const top = mkdtempSync(path.join(os.tmpdir(), 'opsbook-repo-'));
  const content = handbook(path.join(top, 'handbook'));
  writeFileSync(path.join(top, 'README.md'), 'not content\n');
  git(top, ['init', '-q', '-b', 'main']);
  git(top, ['add', '-A']);
  git(top, ['commit', '-q', '-m', 'handbook'], '2026-11-20T10:00:00Z');
  appendFileSync(path.join(content, 'departments/ops.yaml'), 'summary: 店铺运营\n');
  git(top, ['commit', '-q', '-a', '-m', 'ops summary'], '2026-11-21T10:00:00Z');
  writeFileSync(path.join(top, 'README.md'), 'a later commit outside the handbook\n');
  git(top, ['commit', '-q', '-a', '-m', 'readme'], '2026-11-23T10:00:00Z');
  // Uncommitted: dated by the file's modification time, as the build date does.
  appendFileSync(path.join(content, 'roles/boss.md'), '\n还没提交的修改。\n');
  utimesSync(path.join(content, 'roles/boss.md'), new Date('2026-11-22T09:00:00Z'), new Date('2026-11-22T09:00:00Z'));
  return content;
}

describe('in a git repository', () => {
  const content = repository();
  const build = buildSite(content);

  it('builds', () => expect(build.code, build.output).toBe(0));

  it('dates each entry page by `updated`, else its last commit, else its uncommitted edit', () => {
    const dates = Object.fromEntries(Object.keys(ENTRY_PAGES).map((route) => [route, updatedLine(page(build.outDir, route))?.datetime]));
    expect(dates).toEqual({
      'departments/ops': '2026-11-21',
      'departments/service': '2026-11-20',
      'roles/agent': '2026-11-20',
      'roles/boss': '2026-11-22',
      'sops/first-reply': '2026-06-01', // its `updated`
      'sops/refund': '2026-11-20',
      'plans/year': '2026-11-20',
      glossary: '2026-11-20',
      rhythm: '2026-11-20',
    });
    expect(updatedLine(page(build.outDir, 'sops/refund'))!.text).toBe('最后更新 2026-11-20');
  });

  it('puts the date on the plan’s print cover', () => {
    expect(page(build.outDir, 'plans/year/print')).toMatch(
      /<p class="print-updated" data-pagefind-ignore>最后更新：<time datetime="2026-11-20">2026-11-20<\/time><\/p>/,
    );
  });

  it('links every entry page to its file through editUrl’s {file}', () => {
    const hrefs = Object.fromEntries(Object.keys(ENTRY_PAGES).map((route) => [route, editHref(page(build.outDir, route))]));
    expect(hrefs).toEqual(Object.fromEntries(Object.entries(ENTRY_PAGES).map(([route, file]) => [route, EDIT_URL.replace('{file}', file)])));
  });

  it('gives lists and the home page neither a date nor an edit link', () => {
    for (const route of ['', 'departments', 'roles', 'sops', 'plans', 'org', 'start', 'search']) {
      const html = page(build.outDir, route);
      expect(updatedLine(html), route).toBeUndefined();
      expect(editHref(html), route).toBeUndefined();
    }
  });

  it('keeps the date and the edit link out of the search index', () => {
    const html = page(build.outDir, 'roles/agent');
    expect(html).toMatch(/<p class="page-updated" data-pagefind-ignore>/);
    expect(html).toMatch(/<p class="edit-link" data-pagefind-ignore>/);
  });
});

/** Only the SOP with `updated` has a date; every entry page keeps its edit link; no "undefined" anywhere. */
function expectNoGitDates(outDir: string): void {
  for (const [route, file] of Object.entries(ENTRY_PAGES)) {
    const html = page(outDir, route);
    if (route === 'sops/first-reply') expect(updatedLine(html)?.datetime, route).toBe('2026-06-01');
    else expect(html, route).not.toContain('最后更新');
    expect(editHref(html), route).toBe(EDIT_URL.replace('{file}', file));
  }
  expect(page(outDir, 'plans/year/print')).not.toContain('最后更新');
  for (const file of htmlFiles(outDir)) expect(textOf(readFileSync(file, 'utf8')), file).not.toMatch(/\bundefined\b|\bNaN\b|Invalid Date/);
}

// These builds also hold the same files as the repository's above, in other folders: Astro's content cache must not
// hand them the other folder's file paths (src/content.config.ts), or edit links would point there.
describe('no history', () => {
  it('outside git: no date but `updated`, no error', () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'opsbook-nogit-'));
    const content = handbook(path.join(parent, 'handbook'));
    const build = buildSite(content, { GIT_CEILING_DIRECTORIES: parent });
    expect(build.code, build.output).toBe(0);
    expectNoGitDates(build.outDir);
  });

  it('without git installed: the same, in a repository', () => {
    const noGit = mkdtempSync(path.join(os.tmpdir(), 'opsbook-bin-'));
    const build = buildSite(repository(), { PATH: noGit });
    expect(build.code, build.output).toBe(0);
    expectNoGitDates(build.outDir);
  });
});
