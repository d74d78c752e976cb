/**
 * The authors' guide in the built sample (/guide/ and /guide/en/), and the
 * guide's own example files built as a handbook: for a zh-TW site, under a
 * sub-path (OPSBOOK_BASE), so links must all carry the base.
 */
import { describe, expect, inject, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite, htmlFiles, page, textOf } from './helpers.ts';
import { RULES } from '../../src/check/rules.ts';
import { guideAnchors } from '../../src/guide/guide.ts';
import { exampleFile, GUIDE_EXAMPLES } from '../../src/guide/example-files.ts';

const dist = inject('sampleDist');
const ruleIds = Object.keys(RULES);
const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
/** The opening tags of the links to `href`. */
const linksTo = (html: string, href: string) => [...html.matchAll(/<a\s[^>]*>/g)].map((m) => m[0]).filter((tag) => tag.includes(` href="${href}"`));

describe('the guide in the sample', () => {
  const zh = page(dist, 'guide');
  const en = page(dist, 'guide/en');

  it('has a Chinese and an English page, each with every section and every checker rule as an anchor', () => {
    for (const [name, html] of [
      ['zh', zh],
      ['en', en],
    ] as const) {
      const found = ids(html);
      expect(
        ruleIds.filter((id) => !found.has(id)),
        `${name}: rules without an entry`,
      ).toEqual([]);
      expect(
        guideAnchors().filter((id) => !found.has(id)),
        `${name}: sections missing`,
      ).toEqual([]);
      for (const id of ruleIds) expect(html, id).toContain(`[${id}]`);
    }
  });

  it('links each language to the other, with hreflang, lang and alternate links', () => {
    expect(linksTo(zh, '/guide/en/').some((tag) => /hreflang="en"/.test(tag) && /lang="en"/.test(tag))).toBe(true);
    expect(linksTo(en, '/guide/').some((tag) => /hreflang="zh-Hans"/.test(tag) && /lang="zh-Hans"/.test(tag))).toBe(true);
    for (const html of [zh, en]) {
      expect(html).toContain('<link rel="alternate" hreflang="zh-Hans" href="/guide/">');
      expect(html).toContain('<link rel="alternate" hreflang="en" href="/guide/en/">');
    }
    expect(zh).toMatch(/<article class="guide" lang="zh-Hans">/);
    expect(en).toMatch(/<article class="guide" lang="en">/);
  });

  it('shows the examples with their comments, and the value tables', () => {
    for (const example of GUIDE_EXAMPLES) {
      expect(zh).toContain(`content/${example.file}`);
      expect(en).toContain(`content/${example.file}`);
    }
    expect(zh).toMatch(/reviewEvery: 6 +# 可选，默认 12：/);
    expect(en).toMatch(/reviewEvery: 6 +# optional, default 12: /);
    expect(textOf(zh)).toContain('150,000 元');
    expect(textOf(en)).toContain('within 24 hours');
  });

  it('gives every element its own id', () => {
    for (const html of [zh, en]) {
      const all = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
      expect(all.filter((id, i) => all.indexOf(id) !== i)).toEqual([]);
    }
  });

  it('is kept out of the search index, and linked from every page footer', () => {
    for (const html of [zh, en]) expect(html).not.toContain('data-pagefind-body');
    const home = page(dist, '');
    expect(home).toMatch(/<footer class="site-footer">[\s\S]*<a href="\/guide\/">编写指南<\/a>[\s\S]*<\/footer>/);
    expect(zh).toMatch(/<a href="\/guide\/" aria-current="page">编写指南<\/a>/);
  });
});

describe('the guide examples built as a zh-TW handbook under /handbook/', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'opsbook-guide-site-'));
  for (const example of GUIDE_EXAMPLES) {
    mkdirSync(path.dirname(path.join(dir, example.file)), { recursive: true });
    const text = exampleFile(example);
    // Without the example's audiences (the last keys of its site.yaml): a handbook that declares them is not built as one site.
    const site = (yaml: string) => yaml.replace(/^locale: .*$/m, 'locale: zh-TW').replace(/^audiences:[\s\S]*$/m, '');
    writeFileSync(path.join(dir, example.file), example.file === 'site.yaml' ? site(text) : text);
  }
  const built = buildSite(dir, { OPSBOOK_BASE: '/handbook', OPSBOOK_SITE: 'https://handbook.example.com' });
  const pages = built.code === 0 ? htmlFiles(built.outDir).filter((f) => !f.includes(`${path.sep}pagefind${path.sep}`)) : [];

  it('builds, with a page for every example entry', () => {
    expect(built.code, built.output).toBe(0);
    for (const route of ['roles/aftersales-cs', 'sops/refund-check', 'sops/standard-replies', 'plans/q3-2027', 'plans/double-11-2027', 'guide', 'guide/en']) {
      expect(existsSync(path.join(built.outDir, route, 'index.html')), route).toBe(true);
    }
    expect(page(built.outDir, 'sops/standard-replies')).toMatch(/<details>\s*<summary>/);
    // The example's components render: links to the handbook's own entries, the callout's label, the checklist.
    const replies = page(built.outDir, 'sops/standard-replies');
    expect(replies).toMatch(/<a href="\/handbook\/roles\/aftersales-cs\/"[^>]*>售后客服<\/a>/);
    expect(replies).toMatch(/<a href="\/handbook\/sops\/refund-check\/"[^>]*>退款审核<\/a>/);
    expect(replies).toMatch(/class="callout-label"[^>]*>注意/);
    const checklist = /<div class="mdx-checklist"[^>]*>([\s\S]*?)<\/div>/.exec(replies)?.[1] ?? '';
    expect(checklist.match(/type="checkbox"/g)).toHaveLength(2);
  });

  it('gives every link, script, stylesheet and image of every page the base, and each resolves', () => {
    expect(pages.length).toBeGreaterThan(15);
    const wrong: string[] = [];
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const where = path.relative(built.outDir, file);
      for (const [, attribute, value] of html.matchAll(/\s(href|src|action|data-search-base)="([^"#]*)[^"]*"/g)) {
        if (!value || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) continue;
        const absolute = new URL(value, `http://x/handbook/${where.split(path.sep).join('/')}`).pathname;
        if (!absolute.startsWith('/handbook/')) {
          wrong.push(`${where}: ${attribute}="${value}" (no base)`);
          continue;
        }
        let target = path.join(built.outDir, decodeURIComponent(absolute.slice('/handbook/'.length)));
        if (existsSync(target) && statSync(target).isDirectory()) target = path.join(target, 'index.html');
        if (!existsSync(target)) wrong.push(`${where}: ${attribute}="${value}" (no such file)`);
      }
    }
    expect(wrong).toEqual([]);
    expect(page(built.outDir, 'search')).toContain('data-search-base="/handbook/"');
    expect(page(built.outDir, '')).toContain("--site-origin: 'https://handbook.example.com'");
  });

  it('shows the Chinese guide in Traditional, with code and values as typed', () => {
    const zh = page(built.outDir, 'guide');
    expect(zh).toMatch(/<article class="guide" lang="zh-Hant">/);
    expect(zh).toContain('<h1 id="top">編寫指南</h1>');
    expect(zh).toContain('<title>編寫指南 · ');
    expect(textOf(zh)).toContain('金額');
    // Code stays what the parsers read; its comments and the checker's output are Traditional.
    expect(zh).toMatch(/revenue: 60万 +# 可選：目標成交額合計/);
    expect(zh).toContain('content/plans/q3-2027.yaml:8  錯誤  totals.revenue');
    // Pages of a zh-TW site show 萬.
    expect(textOf(zh)).toContain('15萬元');
    expect(zh).toContain('<link rel="alternate" hreflang="zh-Hant" href="https://handbook.example.com/handbook/guide/">');
    const en = page(built.outDir, 'guide/en');
    expect(linksTo(en, '/handbook/guide/').some((tag) => /hreflang="zh-Hant"/.test(tag))).toBe(true);
  });
});
