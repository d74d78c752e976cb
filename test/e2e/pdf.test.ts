/**
 * `npm run pdf` on the sample: the plan report (page 1 an executive summary with the checker's open items,
 * at most 6 A4 pages, running header and page footer, metadata, outline), its one-page summary, and a
 * one-page A4 portrait PDF for each weekly review (周报).
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadContent } from '../../src/check/load.ts';
import { planFigures } from '../../src/domain/plan/plan.ts';
import { formatMoney } from '../../src/domain/money.ts';
import { readOutline } from '../../src/integrations/pdf-document.ts';
import { printedSample } from '../build/helpers.ts';

const { handbook } = await loadContent(path.resolve('content'), { today: '2026-11-25' });
const planOf = (id: string) => handbook.plans.find((p) => p.id === id)!;
let dist: string;
let run: ReturnType<typeof printedSample>;

beforeAll(() => {
  // A printed copy of the shared sample build, so other tests keep an untouched dist.
  run = printedSample(inject('sampleDist'));
  dist = run.dist;
}, 300_000);

const pdf = (name: string) => path.join(dist, 'pdf', name);

/** The text of a PDF (or one page); `layout: false` reads column by column (the landscape summary has two). */
function pdfText(file: string, page?: number, layout = true): string {
  const pages = page ? ['-f', String(page), '-l', String(page)] : [];
  const result = spawnSync('pdftotext', [...(layout ? ['-layout'] : []), ...pages, file, '-'], { encoding: 'utf8' });
  if (result.error) throw new Error('pdftotext is missing: apt-get install -y poppler-utils');
  // Extraction spaces glyph runs by their position on the page ("430 万元"): compare without spaces.
  return result.stdout.replace(/\s+/g, '');
}

function info(file: string): Record<string, string> {
  const out = spawnSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' }).stdout;
  return Object.fromEntries(out.split('\n').flatMap((line) => (/^([^:]+):\s*(.*)$/.exec(line) ? [[RegExp.$1.trim(), RegExp.$2.trim()]] : [])));
}

describe('npm run pdf: the plan report', () => {
  it('makes one report and one summary per plan', () => {
    expect(run.status, String(run.stderr)).toBe(0);
    for (const plan of handbook.plans) {
      expect(existsSync(pdf(`${plan.id}.pdf`)), plan.id).toBe(true);
      expect(existsSync(pdf(`${plan.id}-summary.pdf`)), plan.id).toBe(true);
    }
  });

  it('prints the 12-month sample plan on at most 6 A4 pages', () => {
    const meta = info(pdf('home-2014.pdf'));
    expect(Number(meta.Pages)).toBeLessThanOrEqual(6);
    expect(Number(meta.Pages)).toBeGreaterThanOrEqual(3);
    expect(meta['Page size']).toContain('A4');
  });

  it("has the totals, ROI, grade and the checker's open item with its amounts on page 1", () => {
    const page1 = pdfText(pdf('home-2014.pdf'), 1);
    for (const needle of ['430万元', '110万元', '3.91', '及格', '待确认事项', '巩固期预算明细16.25万元，各月合计18.75万元，相差2.5万元'])
      expect(page1).toContain(needle);
    // No generated "matches" claim next to a difference the checker found (the author's own prose may say 一致).
    expect(pdfText(pdf('home-2014.pdf'))).not.toContain('与各月合计一致');
  });

  it('finds every monthly amount, every stage and no internal stage id in the text', () => {
    const plan = planOf('home-2014');
    const text = pdfText(pdf('home-2014.pdf'));
    for (const month of planFigures(plan.data, 'zh-CN').months) {
      expect(text).toContain(month.month);
      expect(text).toContain(formatMoney(month.revenue).replace(/\s+/g, ''));
      expect(text).toContain(formatMoney(month.marketing).replace(/\s+/g, ''));
    }
    for (const stage of plan.data.stages) {
      expect(text).toContain(stage.name);
      expect(text, stage.id).not.toMatch(new RegExp(`(^|[^a-z-])${stage.id}([^a-z-]|$)`));
    }
  });

  it('runs a header and a "第 n 页 / 共 m 页" footer on every page', () => {
    const file = pdf('home-2014.pdf');
    const pages = Number(info(file).Pages);
    for (let n = 1; n <= pages; n++) {
      const text = pdfText(file, n);
      expect(text).toContain(`第${n}页/共${pages}页`);
      expect(text).toContain(planOf('home-2014').data.title.replace(/\s+/g, ''));
    }
  });

  it('lists its contents with page numbers (longer than 4 pages) and has an outline from the headings', async () => {
    const file = pdf('home-2014.pdf');
    const { pages, outline } = await readOutline(readFileSync(file));
    const titles = outline.map((entry) => entry.title);
    for (const heading of ['摘要', '月度目标', '阶段', '巩固期']) expect(titles).toContain(heading);
    const months = outline.find((entry) => entry.title === '月度目标')!;
    expect(pdfText(file, 1)).toContain(`目录`);
    expect(pdfText(file, 1)).toContain(`月度目标${months.page}`);
    expect(pages).toBeGreaterThan(4);
  });

  it('carries title, author (organization), subject and the build date as metadata, with embedded fonts', () => {
    const file = pdf('home-2014.pdf');
    const meta = info(file);
    expect(meta.Title).toBe(planOf('home-2014').data.title);
    expect(meta.Author).toBe(handbook.site.organization);
    expect(meta.Subject).toContain('2014-01');
    expect(meta.CreationDate).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00/);
    expect(meta.Tagged).toBe('yes');
    const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    // Column "emb" of pdffonts: every font is embedded.
    for (const line of fonts) expect(line, line).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
  });

  it('says in one line that a plan without problems has nothing to confirm, and prints no contents for a short one', () => {
    const file = pdf('launch-2017.pdf');
    const page1 = pdfText(file, 1);
    expect(page1).toContain('没有待确认事项');
    for (const needle of ['2,827.68元', '待定', '8.5万元']) expect(pdfText(file)).toContain(needle);
    if (Number(info(file).Pages) <= 4) expect(page1).not.toContain('目录');
  });

  it("shows the plan page's 下载 PDF link once the PDF is built, also when printing an existing build", () => {
    const unprinted = readFileSync(path.join(inject('sampleDist'), 'plans', 'home-2014', 'index.html'), 'utf8');
    const hidden = /<a[^>]*data-pdf-link[^>]*>/.exec(unprinted)![0];
    expect(hidden).toMatch(/\shidden/);
    expect(hidden).not.toMatch(/\shref=/);
    for (const route of ['', 'print/']) {
      const html = readFileSync(path.join(dist, 'plans', 'home-2014', route, 'index.html'), 'utf8');
      const link = /<a[^>]*data-pdf-link[^>]*>/.exec(html)![0];
      expect(link).toContain('href="/pdf/home-2014.pdf"');
      expect(link).not.toMatch(/\shidden/);
    }
  });

  it('says how to install Chromium when it is missing', () => {
    const missing = spawnSync(process.execPath, ['scripts/pdf.ts', '--no-build', '--dist', dist], {
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('apt-get install -y chromium');
  });
});

describe('npm run pdf: the one-page summary', () => {
  it('is exactly one A4 landscape page with the key figures, stages and open items', () => {
    const file = pdf('home-2014-summary.pdf');
    const meta = info(file);
    expect(Number(meta.Pages)).toBe(1);
    const [width, height] = /([\d.]+) x ([\d.]+)/.exec(meta['Page size']!)!.slice(1).map(Number);
    expect(width).toBeGreaterThan(height!);
    expect(Math.round(width!)).toBe(842);
    const text = pdfText(file, 1, false);
    for (const needle of ['430万元', '110万元', '3.91', '及格', '待确认事项', '相差2.5万元', '一页纸计划']) expect(text).toContain(needle);
    for (const stage of planOf('home-2014').data.stages) expect(text).toContain(stage.name);
  });
});

describe('npm run pdf: the weekly reviews (周报)', () => {
  it('prints each week with daily data to <id>-<YYYY>-W<ww>.pdf, one A4 portrait page holding its title, figures and sections', () => {
    const weeks = readdirSync(path.join(dist, 'plans', 'home-2014', 'week')).sort();
    expect(weeks).toHaveLength(14);
    for (const week of weeks) {
      const file = pdf(`home-2014-${week}.pdf`);
      expect(existsSync(file), file).toBe(true);
      const meta = info(file);
      expect(Number(meta.Pages), week).toBe(1);
      const [width, height] = /([\d.]+) x ([\d.]+)/.exec(meta['Page size']!)!.slice(1).map(Number);
      expect([Math.round(width!), Math.round(height!)], week).toEqual([595, 842]);
      const text = pdfText(file, 1, false);
      const number = Number(week.slice(6));
      for (const needle of [`推动力家居生活馆2014年第${number}周周报`, '本周概况', '核心指标', '每日明细', '月进度', '需关注', '合计'])
        expect(text, `${week}: ${needle}`).toContain(needle);
      // No site navigation or search on paper.
      expect(text, week).not.toContain('返回计划');
      expect(text, week).not.toContain('搜索');
    }
    // The week of 09-01 – 09-07 spent ahead of September: 需关注 says so on paper too.
    expect(pdfText(pdf('home-2014-2014-W36.pdf'), 1, false)).toMatch(/推广花费快于时间进度\d+\.\d个百分点/);
    expect(existsSync(pdf('launch-2017-2014-W27.pdf'))).toBe(false);
  });
});
