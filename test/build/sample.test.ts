/** Builds the sample handbook and inspects dist/: every entry has its page, and no page shows raw data. */
import { describe, expect, inject, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadContent } from '../../src/check/load.ts';
import { buildSite, htmlFiles, page, textOf, type BuildResult } from './helpers.ts';

const { handbook } = await loadContent(path.resolve('content'), { today: '2026-11-25' });
// Built once for all build and browser tests by test/global-setup.ts.
const build: BuildResult = { code: inject('sampleBuildCode'), output: inject('sampleBuildOutput'), outDir: inject('sampleDist') };

describe('building the sample handbook', () => {
  it('succeeds and prints the checker report first', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toContain('16.25万元');
    expect(build.output.indexOf('16.25万元')).toBeLessThan(build.output.indexOf('Complete!'));
  });

  it('writes a page for every department, role, SOP and plan, and the glossary and rhythm', () => {
    const routes = [
      ...handbook.departments.map((d) => `departments/${d.id}`),
      ...handbook.roles.map((r) => `roles/${r.id}`),
      ...handbook.sops.map((s) => `sops/${s.id}`),
      ...handbook.plans.map((p) => `plans/${p.id}`),
      'glossary',
      'rhythm',
      '',
    ];
    for (const route of routes) expect(existsSync(path.join(build.outDir, route, 'index.html')), route).toBe(true);
  });

  it("lists a weekly item without a day under 每周 on its own, on the rhythm page and on its owner's page", () => {
    const rhythm = textOf(page(build.outDir, 'rhythm'));
    expect(rhythm).toMatch(/每周一次（不定哪天）\s+每周\s+查看平台新活动并报名/);
    expect(textOf(page(build.outDir, 'roles/promoter'))).toMatch(/每周\s+查看平台新活动并报名|查看平台新活动并报名\s+每周/);
  });

  it('shows no undefined, [object Object], NaN or raw money strings', () => {
    for (const file of htmlFiles(build.outDir)) {
      const text = textOf(readFileSync(file, 'utf8'));
      expect(text, file).not.toMatch(/undefined|\[object Object\]|\bNaN\b|Infinity/);
    }
  });

  it('formats the 2014 plan figures for Chinese readers', () => {
    const text = textOf(page(build.outDir, 'plans/home-2014'));
    expect(text).toContain('430万元');
    expect(text).toContain('110万元');
    expect(text).toContain('3.91');
    expect(text).toContain('及格');
    expect(text).toContain('16.25万元');
    expect(text).toContain('18.75万元');
  });

  it('shows fixed costs as written, undecided ones as 待定', () => {
    const text = textOf(page(build.outDir, 'plans/launch-2017'));
    expect(text).toContain('2,827.68元');
    expect(text).toContain('待定');
  });

  it('bundles Chart.js only into plan pages', () => {
    for (const file of htmlFiles(build.outDir)) {
      const rel = path.relative(build.outDir, file).split(path.sep).join('/');
      const charts = /<script[^>]+src="[^"]*\/_astro\/PlanCharts[^"]+"/.test(readFileSync(file, 'utf8'));
      // The print report and one-page summary draw a static SVG chart instead.
      expect(charts, rel).toBe(/^plans\/[^/]+\/index\.html$/.test(rel));
    }
  });

  it('writes the Pagefind search index', () => {
    expect(existsSync(path.join(build.outDir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(path.join(build.outDir, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  });
});

describe('building an English handbook', () => {
  it('formats money as ¥ amounts and labels callouts in English', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'opsbook-en-'));
    cpSync('content', folder, { recursive: true });
    const site = readFileSync(path.join(folder, 'site.yaml'), 'utf8').replace(/^locale:.*$/m, 'locale: en');
    writeFileSync(path.join(folder, 'site.yaml'), site);
    const english = buildSite(folder);
    expect(english.code, english.output).toBe(0);
    const text = textOf(page(english.outDir, 'plans/home-2014'));
    expect(text).toContain('¥4,300,000');
    expect(text).toContain('¥1,100,000');
    expect(text).not.toContain('430万元');
    // MDX callouts are labelled in the site's language.
    const callouts = [...page(english.outDir, 'sops/standard-answers').matchAll(/<p class="callout-label"[^>]*>([^<]+)/g)].map((m) => m[1]);
    expect(callouts).toEqual(['Tip', 'Danger']);
    // The footer leads English readers to the English authors' guide.
    expect(page(english.outDir, '')).toMatch(/<a href="\/guide\/en\/">Authors(?:'|&#39;) guide<\/a>/);
  });
});

describe('building broken content', () => {
  it('stops before Astro renders anything, with the checker report', () => {
    const broken = buildSite('test/fixtures/broken');
    expect(broken.code).not.toBe(0);
    expect(broken.output).toContain('roles/cycle-a.md:4');
    expect(broken.output).toContain('内容检查未通过');
    expect(existsSync(path.join(broken.outDir, 'index.html'))).toBe(false);
  });
});
