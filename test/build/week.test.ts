/**
 * 周报 on the built sample (actuals-format.md, "Weekly review page"): a page for exactly the weeks with daily
 * data, whose figures equal sums this test computes itself from the sample's CSV exports, in the contract's
 * order, with no script; the plan's 执行跟踪 and the 月报 link them.
 */
import { describe, expect, inject, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatFen } from '../../src/domain/money.ts';
import { page, textOf } from './helpers.ts';

const dist = inject('sampleDist');
const folder = path.resolve('content/actuals/home-2014/2014-Q3');

/**
 * The sample's daily CSV rows, read plainly: cells split on commas outside quotes, numbers without their
 * thousands separators, yuan to fen. Every export of the folder is GBK, as 生意参谋 and 阿里妈妈 save it.
 */
function readDays(): Map<string, Record<string, number>> {
  const days = new Map<string, Record<string, number>>();
  for (const name of readdirSync(folder).filter((f) => f.endsWith('.csv'))) {
    const lines = new TextDecoder('gb18030').decode(readFileSync(path.join(folder, name))).split(/\r?\n/);
    const at = lines.findIndex((l) => /^(统计日期|日期),/.test(l));
    const header = lines[at]!.split(',');
    for (const line of lines.slice(at + 1)) {
      if (!/^\d{4}-\d{2}-\d{2},/.test(line)) continue;
      const cells = [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => m[2] ?? m[1]!).slice(0, header.length);
      const row = days.get(cells[0]!) ?? {};
      header.forEach((h, i) => {
        const value = Number(cells[i]!.replace(/,/g, ''));
        if (i === 0 || cells[i] === '' || Number.isNaN(value)) return;
        const yuan = /金额|花费|佣金/.test(h);
        row[h] = yuan ? Math.round(value * 100) : value;
      });
      days.set(cells[0]!, row);
    }
  }
  return days;
}
const days = readDays();
const spendOf = (row: Record<string, number>) => Object.entries(row).reduce((s, [h, v]) => (/花费|佣金/.test(h) ? s + v : s), 0);

/** Monday of the ISO week a day falls in, and the week's name (the year of its Thursday). */
function isoWeek(date: string): { name: string; monday: string } {
  const t = Date.parse(`${date}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7;
  const monday = t - weekday * 86_400_000;
  const thursday = new Date(monday + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.ceil(((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return { name: `${year}-W${String(week).padStart(2, '0')}`, monday: new Date(monday).toISOString().slice(0, 10) };
}
const weeks = new Map<string, string[]>();
for (const date of [...days.keys()].sort()) weeks.set(isoWeek(date).name, [...(weeks.get(isoWeek(date).name) ?? []), date]);

/** 核心指标 of a 周报: label → [本周, 上周, 环比], ※ left out. */
function metrics(html: string): Record<string, string[]> {
  const table = html.slice(html.indexOf('<table class="review-metrics"'), html.indexOf('</table>', html.indexOf('<table class="review-metrics"')));
  return Object.fromEntries(
    [...table.matchAll(/<tr data-metric="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)].map(([, key, row]) => [
      key,
      [...row!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => textOf(m[1]!.replace(/<abbr[\s\S]*?<\/abbr>/g, '')).trim()),
    ]),
  );
}

describe('weekly review pages (周报)', () => {
  it('exist for exactly the weeks with daily data: 2014-W27 (from Monday 06-30, a June day known monthly only) to 2014-W40', () => {
    const built = readdirSync(path.join(dist, 'plans/home-2014/week')).sort();
    expect(built).toEqual([...weeks.keys()]);
    expect(built[0]).toBe('2014-W27');
    expect(built.at(-1)).toBe('2014-W40');
    expect(built).toHaveLength(14);
    expect(existsSync(path.join(dist, 'plans/launch-2017/week'))).toBe(false);
  });

  it.each([...weeks.keys()])('%s: its figures equal the sums of its days in the CSV exports', (name) => {
    const html = page(dist, `plans/home-2014/week/${name}`);
    const rows = weeks.get(name)!.map((d) => days.get(d)!);
    const sum = (header: string) => rows.reduce((s, r) => s + (r[header] ?? 0), 0);
    const revenue = sum('支付金额');
    const spend = rows.reduce((s, r) => s + spendOf(r), 0);
    const m = metrics(html);
    expect(m.revenue![0]).toBe(formatFen(revenue));
    expect(m.visitors![0]).toBe(sum('访客数').toLocaleString('zh-CN'));
    expect(m.buyers![0]).toBe(sum('支付买家数').toLocaleString('zh-CN'));
    // Parent orders win over 支付子订单数 (the contract's orders rule).
    expect(m.orders![0]).toBe(sum('支付父订单数').toLocaleString('zh-CN'));
    expect(m.refunds![0]).toBe(formatFen(sum('成功退款金额')));
    expect(m.spend![0]).toBe(formatFen(spend));
    // ROI to two decimals, half away from zero, from the sums.
    expect(m.roi![0]).toBe((Math.round((revenue / spend) * 100) / 100).toFixed(2));
    expect(m.ordersPerDay![0]).toBe((Math.round((sum('支付父订单数') / rows.length) * 10) / 10).toFixed(1));
    // Each day of the week has its row; a day with a record shows its own revenue.
    const dayRows = [...html.matchAll(/<tr data-date="([^"]+)" data-state="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)];
    expect(dayRows).toHaveLength(7);
    for (const [, date, state, row] of dayRows) {
      const record = days.get(date!);
      if (record) expect(textOf(row!)).toContain(formatFen(record['支付金额']!));
      else expect(state, date).toBe('monthlyOnly');
    }
    // The 合计 row is the week's sums again.
    const total = html.slice(html.indexOf('<tfoot'), html.indexOf('</tfoot>'));
    expect(textOf(total).replace(/\s+/g, ' ')).toContain(`${formatFen(revenue)} ${sum('访客数').toLocaleString('zh-CN')}`);
  });

  it('give the 环比 against the week before, and none for the first week', () => {
    const first = metrics(page(dist, 'plans/home-2014/week/2014-W27'));
    expect(Object.values(first).every(([, last, change]) => last === '—' && change === '—')).toBe(true);
    const names = [...weeks.keys()];
    for (const [i, name] of names.entries()) {
      if (i === 0) continue;
      const revenueOf = (n: string) => weeks.get(n)!.reduce((s, d) => s + days.get(d)!['支付金额']!, 0);
      const [now, last] = [revenueOf(name), revenueOf(names[i - 1]!)];
      const change = Math.round(((now - last) / last) * 1000) / 10;
      expect(metrics(page(dist, `plans/home-2014/week/${name}`)).revenue![2], name).toBe(`${change > 0 ? '+' : ''}${change.toFixed(1)}%`);
    }
  });

  it('say what the contract asks, in order, with no JavaScript; partial weeks carry ※ and the monthly-only days', () => {
    const html = page(dist, 'plans/home-2014/week/2014-W40');
    const text = textOf(html).replace(/\s+/g, ' ');
    expect(html).toMatch(/<h1[^>]*>推动力家居生活馆 2014 年第 40 周 周报<\/h1>/);
    expect(text).toContain('2014 年第 40 周（09-29 – 10-05）');
    const order = ['本周概况', '核心指标', '每日明细', '月进度', '需关注'].map((h) => text.indexOf(h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain('※ 数据不全（缺 5 天）');
    expect(text).toContain('2014-10-01 – 2014-10-05 仅有月度数据');
    expect(html).not.toMatch(/<script/);
    // The months it falls in, each linked to its 月报; the week before, and back to the plan.
    expect(html).toContain('href="/plans/home-2014/review/2014-09/"');
    expect(html).toContain('href="/plans/home-2014/review/2014-10/"');
    expect(html).toMatch(/<a rel="prev" href="\/plans\/home-2014\/week\/2014-W39\/"/);
    expect(html).not.toContain('rel="next"');
    expect(html).toContain('href="/plans/home-2014/#actuals"');
  });

  it('list spend ahead of the month and the notes of the week under 需关注', () => {
    const text = textOf(page(dist, 'plans/home-2014/week/2014-W36')).replace(/\s+/g, ' ');
    expect(text).toMatch(/2014-09 推广花费快于时间进度 \d+\.\d 个百分点/);
    expect(text).toContain('淘宝硬广');
    // July ended at 75.3% of its target: by its last full week revenue is far behind time.
    expect(textOf(page(dist, 'plans/home-2014/week/2014-W31'))).toMatch(/2014-07 成交落后时间进度 \d+\.\d 个百分点/);
  });

  it("are listed under the plan's month table (周报：W27 … W40) and linked from each 月报", () => {
    const plan = page(dist, 'plans/home-2014');
    const start = plan.indexOf('>', plan.indexOf('id="actuals-weeks"')) + 1;
    const list = plan.slice(start, plan.indexOf('</p>', start));
    expect(plan.indexOf('id="actuals-weeks"')).toBeGreaterThan(plan.indexOf('id="actuals-months"'));
    expect(textOf(list).replace(/\s+/g, ' ').trim()).toMatch(/^周报：\s?W27 W28 .* W40$/);
    expect([...list.matchAll(/href="\/plans\/home-2014\/week\/([^/]+)\/"/g)].map((m) => m[1])).toEqual([...weeks.keys()]);
    const august = page(dist, 'plans/home-2014/review/2014-08');
    expect([...august.matchAll(/href="\/plans\/home-2014\/week\/([^/]+)\/"/g)].map((m) => m[1])).toEqual([
      '2014-W31',
      '2014-W32',
      '2014-W33',
      '2014-W34',
      '2014-W35',
    ]);
    expect(page(dist, 'plans/home-2014/review/2014-11')).not.toContain('/week/');
  });
});
