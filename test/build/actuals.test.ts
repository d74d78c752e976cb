/**
 * 执行跟踪 on the built sample (actuals-format.md, "What the site shows"): the section and its month table,
 * 未到 months never shown as 0, review pages for exactly the months with data, their PDFs holding the
 * month's 达成率, and no NaN/undefined/Infinity anywhere under dist/plans/.
 */
import { describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseHtml } from 'parse5';
import { loadContent } from '../../src/check/load.ts';
import { readActuals } from '../../src/domain/actuals/folder.ts';
import { actualsFigures } from '../../src/domain/actuals/figures.ts';
import { formatPercent } from '../../src/domain/actuals/ratio.ts';
import { roiBands } from '../../src/domain/plan/plan.ts';
import { FIELD_HEADERS, CHANNELS } from '../../src/domain/actuals/headers.ts';
import { encodeGbk } from '../../src/domain/actuals/decode.ts';
import { buildSite, htmlFiles, page, printedSample, textOf, type BuildResult } from './helpers.ts';

const build: BuildResult = { code: inject('sampleBuildCode'), output: inject('sampleBuildOutput'), outDir: inject('sampleDist') };
const { handbook } = await loadContent(path.resolve('content'), { today: '2026-11-25' });
const plan = handbook.plans.find((p) => p.id === 'home-2014')!;
const model = readActuals(path.resolve('content'), handbook.plans).models.get('home-2014')!;
const figures = actualsFigures(plan.data, model, roiBands(plan.data));

/** Rows of #actuals-months: attributes and cell texts. */
function monthRows(html: string) {
  const section = html.slice(html.indexOf('<table id="actuals-months"'), html.indexOf('</table>', html.indexOf('<table id="actuals-months"')));
  const body = section.slice(section.indexOf('<tbody'), section.indexOf('</tbody>'));
  return [...body.matchAll(/<tr([^>]*)>([\s\S]*?)<\/tr>/g)].map(([, attrs, inner]) => ({
    month: /data-month="([^"]+)"/.exec(attrs!)?.[1],
    status: /data-status="([^"]+)"/.exec(attrs!)?.[1],
    cells: [...inner!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => textOf(m[1]!).replace(/\s+/g, ' ').trim()),
    values: [...inner!.matchAll(/data-value="([^"]*)"/g)].map((m) => m[1]),
  }));
}

describe('the plan page', () => {
  const html = page(build.outDir, 'plans/home-2014');

  it('has the 执行跟踪 section right after the headline figures', () => {
    expect(build.code, build.output).toBe(0);
    expect(html).toMatch(/<section id="actuals"[^>]*>\s*<h2[^>]*>执行跟踪<\/h2>/);
    const order = ['id="summary"', 'id="actuals"', 'id="months"'].map((a) => html.indexOf(a));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(textOf(html).replace(/\s+/g, ' ')).toContain('数据截至 2014-11-30');
    for (const label of ['累计实际成交额', '累计达成率', '全期进度', '时间进度', '累计推广花费', '预算使用率', '累计 ROI'])
      expect(textOf(html)).toContain(label);
  });

  it('has no 执行跟踪 section on a plan without actuals', () => {
    expect(page(build.outDir, 'plans/launch-2017')).not.toContain('id="actuals"');
  });

  it('lists every month of the period once, in order, with its status', () => {
    const rows = monthRows(html);
    expect(rows.map((r) => r.month)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2014-${m}`));
    expect(rows.map((r) => r.status)).toEqual([...Array(11).fill('complete'), 'notYet']);
    expect(html).toMatch(/<caption[^>]*>计划与实际（按月）<\/caption>/);
    expect(html).toMatch(/<tfoot[^>]*>\s*<tr data-month="total"[^>]*>\s*<th scope="row"[^>]*>累计<\/th>/);
  });

  it("shows the contract's figures in each row: November over budget, July below 80 %", () => {
    const rows = monthRows(html);
    const nov = rows.find((r) => r.month === '2014-11')!;
    expect(nov.cells.slice(0, 8)).toEqual(['2014-11', '100万元', '96.5万元', '96.5%', '-3.5万元', '30万元', '33.5万元', '111.7% 超支']);
    const jul = rows.find((r) => r.month === '2014-07')!;
    expect(jul.cells[3]).toBe('75.3%');
    expect(jul.cells.at(-1)).toBe('未达成');
    expect(rows.find((r) => r.month === '2014-04')!.cells.at(-1)).toBe('已达成');
  });

  it('never shows 0 for a month not reached: 未到 in every actual cell and no data value', () => {
    const dec = monthRows(html).find((r) => r.month === '2014-12')!;
    expect(dec.cells[2]).toBe('未到');
    for (const i of [2, 3, 4, 6, 7, 9, 10, 11]) expect(dec.cells[i], `column ${i}`).toBe('未到');
    // The target has its value; the actual cell has none (a gap for the chart, not 0).
    expect(dec.values).toEqual(['600000']);
    expect(dec.cells.join(' ')).not.toMatch(/(^|\s)0(\.0+)?(%|元)?(\s|$)/);
    const chart = JSON.parse(/<figure[^>]*id="actuals-chart"[\s\S]*?<script type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]!) as {
      data: { actual: (number | null)[]; runningActual: (number | null)[] };
    };
    expect(chart.data.actual.at(-1)).toBeNull();
    expect(chart.data.runningActual.at(-1)).toBeNull();
    expect(chart.data.actual.slice(0, 11).every((v) => typeof v === 'number' && v > 0)).toBe(true);
  });

  it('links each month with data to its review', () => {
    for (const m of figures.reviewMonths) expect(html).toContain(`href="/plans/home-2014/review/${m}/"`);
    expect(html).not.toContain('review/2014-12/');
  });

  it('shows the staffing the actual orders/day imply, per role and month with data, beside the planned headcount and headcount.current', () => {
    const section = html.slice(html.indexOf('<section id="actuals-staffing"'), html.indexOf('</section>', html.indexOf('<section id="actuals-staffing"')));
    const staffed = handbook.roles.filter((r) => r.data.staffing);
    const rows = [...section.matchAll(/<tr data-role="([^"]+)" data-current="([^"]*)"[^>]*>([\s\S]*?)<\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual(staffed.map((r) => r.id));
    for (const [, id, current, row] of rows) {
      const role = staffed.find((r) => r.id === id)!;
      expect(current).toBe(String(role.data.headcount?.current ?? ''));
      expect(textOf(row!)).toContain(`现有 ${role.data.headcount!.current} 人`);
      const cells = [...row!.matchAll(/<td[^>]*data-month="([^"]+)" data-implied="([^"]*)" data-planned(?:="([^"]*)")?[ >]/g)];
      expect(cells.map((c) => c[1])).toEqual(figures.reviewMonths);
      // O ≥ step × D in integers: the step applies exactly at, never below, the actual orders/day.
      for (const [, month, implied] of cells) {
        const { num, den } = figures.months.find((m) => m.month === month)!.ordersPerDay!;
        const expected = role.data.staffing!.steps.reduce(
          (n, step) => (num * 10 >= Math.round(step.atOrdersPerDay * 10) * den ? n + step.add : n),
          role.data.staffing!.base,
        );
        expect(Number(implied), `${id} ${month}`).toBe(expected);
      }
      // home-2014 has no averageOrderValue, so no orders/day of its own: the planned headcount is "—", never 0.
      expect(cells.every((c) => !c[3])).toBe(true);
    }
    expect(textOf(section)).toContain('averageOrderValue');
    expect(textOf(section)).toContain('268.3 单/天');
    expect(section).toMatch(/<tr data-role="presales-cs"[\s\S]*?data-month="2014-11" data-implied="3"/);
  });

  it('sums that staffing for the whole team per month in 人员配置, beside the people there now', () => {
    const section = html.slice(html.indexOf('<section class="staffing-plan" id="staffing"'), html.indexOf('</section>', html.indexOf('data-staffing-actual')));
    expect(section).toContain('<h3 id="staffing-actual-title"');
    const current = handbook.roles.reduce((n, r) => n + (r.data.staffing ? (r.data.headcount?.current ?? 0) : 0), 0);
    expect(section).toMatch(new RegExp(`data-current="${current}"`));
    expect(textOf(section)).toContain(`比现有 ${current} 人`);
    const months = [...section.matchAll(/<tr data-month="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)];
    expect(months.map((m) => m[1])).toEqual(figures.reviewMonths);
    const perRole = (month: string) => [...html.matchAll(new RegExp(`data-month="${month}" data-implied="(\\d+)"`, 'g'))].reduce((n, m) => n + Number(m[1]), 0);
    for (const [, month, row] of months) {
      const implied = Number(/data-implied="(\d+)"/.exec(row!)![1]);
      expect(implied, month).toBe(perRole(month!));
      expect(textOf(row!)).toContain(`${implied - current > 0 ? '+' : ''}${implied - current}`);
    }
    expect(section).toContain('href="#actuals-staffing"');
  });

  it('is in the print view too (and so in the plan PDF)', () => {
    const print = page(build.outDir, 'plans/home-2014/print');
    expect(print).toContain('id="actuals-months"');
    expect(print).toContain('<a href="#actuals">执行跟踪</a>');
  });
});

describe('review pages (月报)', () => {
  const reviewDir = path.join(build.outDir, 'plans/home-2014/review');

  it('exist for exactly the months with data', () => {
    expect(readdirSync(reviewDir).sort()).toEqual(figures.reviewMonths);
    expect(figures.reviewMonths).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'].map((m) => `2014-${m}`));
    expect(existsSync(path.join(build.outDir, 'plans/launch-2017/review'))).toBe(false);
  });

  it('say what the contract asks, in order, with no JavaScript', () => {
    const html = page(build.outDir, 'plans/home-2014/review/2014-11');
    const text = textOf(html).replace(/\s+/g, ' ');
    expect(html).toMatch(/<h1[^>]*>推动力家居生活馆 2014-11 月报<\/h1>/);
    expect(text).toContain(
      '本月实际成交额 96.5万元，目标 100万元，达成率 96.5%（未达成，差 3.5万元）；推广花费 33.5万元，预算 30万元（使用 111.7%，超支 3.5万元）；ROI 2.88，评级 不及格（计划 及格）。',
    );
    const order = ['本月概况', '核心指标', '推广花费（按渠道）', '人员配置', '阶段进度', '需关注'].map((h) => text.indexOf(h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain('双十一当天 0 点爆单');
    expect(html).not.toMatch(/<script(?![^>]*type="application\/(ld\+)?json")/);
    expect(html).toContain('href="/plans/home-2014/review/2014-10/"');
    // A search record (a 月报 answers "how did November go"): its text is indexed like a page's.
    expect(html).toContain('data-pagefind-body');
  });

  it('give the 环比 (signed, one decimal) where the previous month has data, and none in the first month', () => {
    /** 差距 of each 核心指标 row, by data-metric, as read (its parts are spans with nothing between them). */
    const gaps = (month: string) =>
      Object.fromEntries(
        [...page(build.outDir, `plans/home-2014/review/${month}`).matchAll(/<tr data-metric="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)].map(([, key, row]) => [
          key,
          [...row!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)]
            .at(-1)![1]!
            .replace(/<[^>]+>/g, '')
            .replace(/\s+/g, ' ')
            .trim(),
        ]),
      );
    const nov = figures.months.find((m) => m.month === '2014-11')!;
    const oct = figures.months.find((m) => m.month === '2014-10')!;
    // 成交额 has a target: 达成率、差额, then the 环比 of (A − A of m−1) ÷ A of m−1.
    expect(formatPercent(nov.monthOverMonth, 1, true)).toBe('+150.0%');
    expect(gaps('2014-11').revenue).toBe('96.5%、-3.5万元、环比 +150.0%');
    expect(gaps('2014-11').visitors).toMatch(/^环比 [+-]\d+\.\d%$/);
    expect(gaps('2014-11').orders).toBe(`环比 ${formatPercent({ num: nov.orders! - oct.orders!, den: oct.orders! }, 1, true)}`);
    // Every row without a target has its 环比 (评级 aside).
    for (const [key, gap] of Object.entries(gaps('2014-11'))) if (key !== 'grade') expect(gap, key).toContain('环比');
    // January is the period's first month: no 上月, no 环比.
    for (const [key, gap] of Object.entries(gaps('2014-01'))) expect(gap, key).not.toContain('环比');
  });

  it('list the days of a daily-sourced month with the peak day and a 合计 row', () => {
    const html = page(build.outDir, 'plans/home-2014/review/2014-08');
    const days = [...html.matchAll(/<tr data-date="([^"]+)"/g)].map((m) => m[1]);
    expect(days).toHaveLength(31);
    expect(days[0]).toBe('2014-08-01');
    const aug = figures.months.find((m) => m.month === '2014-08')!;
    expect(html).toMatch(new RegExp(`<tr data-date="${aug.peak!.date}" class="peak"`));
    expect(textOf(html)).toContain('合计');
  });

  it("print to PDFs of at most two A4 pages that hold the month's 达成率", () => {
    // A printed copy: pdf.ts writes into the build (PDFs, links to them), and other tests read the shared one untouched.
    const { dist: outDir, ...run } = printedSample(build.outDir);
    expect(run.status, run.stderr).toBe(0);
    for (const m of figures.months.filter((f) => f.hasData)) {
      const file = path.join(outDir, 'pdf', `home-2014-${m.month}.pdf`);
      expect(existsSync(file), file).toBe(true);
      const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
      expect(text, m.month).toContain(`达成率 ${formatPercent(m.attainment)}`);
      const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)![1]);
      expect(pages, m.month).toBeLessThanOrEqual(2);
    }
    expect(existsSync(path.join(outDir, 'pdf', 'home-2014-2014-12.pdf'))).toBe(false);
    expect(spawnSync('pdftotext', [path.join(outDir, 'pdf', 'home-2014.pdf'), '-'], { encoding: 'utf8' }).stdout).toContain('计划与实际（按月）');
  });
});

describe('dist/plans/', () => {
  it('holds no NaN, undefined or Infinity anywhere, text or attributes', () => {
    const files = htmlFiles(path.join(build.outDir, 'plans'));
    expect(files.length).toBeGreaterThan(14);
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toMatch(/\bNaN\b|\bundefined\b|Infinity/);
  });
});

describe("the authors' guide", () => {
  it("lists every accepted header from the parser's own table", () => {
    const html = page(build.outDir, 'guide');
    const table = html.slice(html.indexOf('class="actuals-headers"'), html.indexOf('</table>', html.indexOf('class="actuals-headers"')));
    for (const name of [...Object.values(FIELD_HEADERS).flat(), ...CHANNELS.flatMap((c) => c.names)]) expect(table, name).toContain(`<code>${name}</code>`);
    expect(parseHtml(html)).toBeTruthy();
  });
});

describe('an unknown column in an export (直播观看人数)', () => {
  it("is the checker's warning and leaves the 执行跟踪 month table exactly as without it", () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'opsbook-actuals-'));
    cpSync('content', folder, { recursive: true });
    const csv = path.join(folder, 'actuals/home-2014/2014-Q3/【生意参谋平台】店铺_整体_2014-07-01_2014-09-30.csv');
    const lines = new TextDecoder('gb18030').decode(readFileSync(csv)).split('\r\n');
    const header = lines.findIndex((l) => l.startsWith('统计日期,'));
    // A column between known ones, with thousands separators and empty cells: every later column moves right.
    const withLive = lines.map((line, i) => {
      if (i < header || line === '') return line;
      const [date, ...rest] = line.split(',');
      return [date, i === header ? '直播观看人数' : i % 3 === 0 ? '-' : `"${(i * 137).toLocaleString('en')}"`, ...rest].join(',');
    });
    writeFileSync(csv, encodeGbk(withLive.join('\r\n'))!);
    const built = buildSite(folder);
    expect(built.code, built.output).toBe(0);
    expect(built.output).toMatch(
      new RegExp(`2014-Q3/【生意参谋平台】店铺_整体_2014-07-01_2014-09-30\\.csv:${header + 1}:2 .*直播观看人数.*\\[actuals\\.unknownColumn\\]`),
    );
    expect(built.output).toMatch(/0 个错误，4 个警告/);
    const table = (outDir: string, route: string, id: string) => {
      const html = page(outDir, route);
      const start = html.indexOf(`<table id="${id}"`) >= 0 ? html.indexOf(`<table id="${id}"`) : html.indexOf(`<table class="${id}"`);
      expect(start, `${route} ${id}`).toBeGreaterThan(0);
      return html.slice(start, html.indexOf('</table>', start));
    };
    expect(table(built.outDir, 'plans/home-2014', 'actuals-months')).toBe(table(build.outDir, 'plans/home-2014', 'actuals-months'));
    expect(table(built.outDir, 'plans/home-2014/print', 'actuals-months')).toBe(table(build.outDir, 'plans/home-2014/print', 'actuals-months'));
    // The 月报 of a month from that export too: its 核心指标 and its days.
    for (const id of ['review-metrics', 'review-daily'])
      expect(table(built.outDir, 'plans/home-2014/review/2014-08', id)).toBe(table(build.outDir, 'plans/home-2014/review/2014-08', id));
  });
});

describe('a broken export', () => {
  it("stops the build with the checker's file:line:column", () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'opsbook-actuals-'));
    cpSync('content', folder, { recursive: true });
    writeFileSync(path.join(folder, 'actuals/home-2014/2014-12.csv'), '日期,支付金额\n2014-12-01,十五万\n');
    const built = buildSite(folder);
    expect(built.code).not.toBe(0);
    expect(built.output).toContain('actuals/home-2014/2014-12.csv:2:2');
    expect(built.output).toContain('actuals.cell');
  });
});
