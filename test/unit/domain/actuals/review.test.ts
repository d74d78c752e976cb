/** The 月报's view model (actuals-format.md, "Monthly review page"): rows, figures and sentences, 环比 included. */
import { describe, expect, it } from 'vitest';
import { readYamlActuals } from '../../../../src/domain/actuals/yaml.ts';
import { buildActuals } from '../../../../src/domain/actuals/model.ts';
import { planForActuals } from '../../../../src/domain/actuals/folder.ts';
import { actualsFigures } from '../../../../src/domain/actuals/figures.ts';
import { monthReview, type MonthReview, type ReviewInput } from '../../../../src/domain/actuals/review.ts';
import { DEFAULT_ROI, plan as planSchema } from '../../../../src/schema/collections.ts';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

const PLAN = planSchema.parse({
  title: '测试计划',
  store: '测试店',
  period: { start: '2014-01', end: '2014-06' },
  averageOrderValue: '200元',
  months: [
    { month: '2014-01', revenue: '10万', marketing: '2万' },
    { month: '2014-02', revenue: '10万', marketing: '2万' },
    { month: '2014-03', revenue: '12万', marketing: '2.5万' },
    { month: '2014-04', revenue: '待定', marketing: '3万' },
    { month: '2014-05', revenue: '10万', marketing: '2.5万' },
    { month: '2014-06', revenue: '10万', marketing: '2.5万' },
  ],
  stages: [{ id: 'a', name: '起步期', start: '2014-03', end: '2014-05' }],
});
// January has data, February none (缺数据), March follows a month without data, April has no target (目标待定),
// May follows April with a target; June is not reached.
const file = readYamlActuals(
  'actuals/p/2014.yaml',
  bytes(`asOf: 2014-05-31
source: 生意参谋月报
rows:
  - { month: 2014-01, revenue: 8万, marketing: 2万, visitors: 10000, buyers: 400, orders: 400, refunds: 4000 }
  - { month: 2014-03, revenue: 10万, spend: { 直通车: 2万, 钻展: 0.5万 }, visitors: 12000, buyers: 500, orders: 465, refunds: 5000 }
  - { month: 2014-04, revenue: 12万, marketing: 3万, visitors: 12000, buyers: 540, orders: 483, refunds: 5000, note: 四月上新 }
  - { month: 2014-05, revenue: 9万, marketing: 3万, visitors: 10000, buyers: 450, orders: 310, refunds: 0 }
`),
);
const model = buildActuals(planForActuals({ id: 'p', data: PLAN }), 'actuals/p', [file]);
const figures = actualsFigures(PLAN, model, DEFAULT_ROI);
const roles = [
  { id: 'cs', title: '客服', base: 1, steps: [{ atOrdersPerDay: 16.1, add: 1 }], current: 3 },
  { id: 'wh', title: '仓储', base: 2, steps: [], current: null },
];
const input = (month: string, over: Partial<ReviewInput> = {}): ReviewInput => ({
  plan: { id: 'p', data: PLAN },
  model,
  figures,
  bands: DEFAULT_ROI,
  roles,
  month,
  locale: 'zh-CN',
  base: '/',
  ...over,
});
const metric = (review: MonthReview, key: string) => [...review.basics, ...review.profit].find((r) => r.key === key)!;
const gaps = (review: MonthReview) => Object.fromEntries([...review.basics, ...review.profit].map((r) => [r.key, r.gap]));

describe('核心指标 and 环比 (signed, one decimal, where the previous month has data)', () => {
  it('has no 环比 in the first month of the period: 上月实际 and every 环比 are "—"', () => {
    const jan = monthReview(input('2014-01'));
    expect([...jan.basics, ...jan.profit].every((r) => r.last === '—')).toBe(true);
    expect(metric(jan, 'visitors').gap).toBe('—');
    // A row with a target keeps its 达成率 and 差额, with no 环比 after them.
    expect(metric(jan, 'revenue').gap).toBe('80.0%、-2万元');
    expect(metric(jan, 'spend').gap).toBe('100.0%、0元');
  });

  it('has no 环比 after a month without data (缺数据)', () => {
    expect(figures.months[1]!.status).toBe('missing');
    const mar = monthReview(input('2014-03'));
    expect(metric(mar, 'revenue').last).toBe('—');
    expect(metric(mar, 'revenue').gap).toBe('83.3%、-2万元');
    expect(Object.values(gaps(mar)).filter((g) => g.includes('环比'))).toEqual([]);
  });

  it('puts the 环比 in 差距 where there is no target, for every row, rates computed from their parts', () => {
    const apr = monthReview(input('2014-04'));
    expect(apr.status).toBe('complete');
    expect(gaps(apr)).toEqual({
      visitors: '环比 0.0%', // 12,000 → 12,000: zero has no sign
      buyers: '环比 +8.0%', // 500 → 540
      conversion: '环比 +8.0%', // 500/12,000 → 540/12,000
      aov: '环比 +11.1%', // 10万/500 → 12万/540
      orders: '环比 +3.9%', // 465 → 483
      ordersPerDay: '环比 +7.3%', // 465/31 = 15 → 483/30 = 16.1
      refunds: '环比 0.0%',
      refundShare: '环比 -16.7%', // 5% → 4.17%
      revenue: '环比 +20.0%', // 目标待定: the 环比 alone
      net: '环比 +21.1%', // 9.5万 → 11.5万
      spend: '100.0%、0元、环比 +20.0%', // a budget: 使用率 and 差额, then the 环比
      spendShare: '环比 0.0%', // 25% → 25%
      roi: '环比 0.0%', // no planned ROI without a target
    });
    expect(metric(apr, 'revenue')).toMatchObject({ now: '12万元', last: '10万元', target: '—' });
  });

  it('adds the 环比 after 达成率 and 差额 where there is a target', () => {
    const may = monthReview(input('2014-05'));
    expect(gaps(may)).toEqual({
      visitors: '环比 -16.7%',
      buyers: '环比 -16.7%',
      conversion: '环比 0.0%',
      aov: '环比 -10.0%',
      orders: '环比 -35.8%',
      ordersPerDay: '环比 -37.9%',
      refunds: '环比 -100.0%',
      refundShare: '环比 -100.0%',
      revenue: '90.0%、-1万元、环比 -25.0%',
      net: '环比 -21.7%',
      spend: '120.0%、+5,000元、环比 0.0%',
      spendShare: '环比 +33.3%',
      roi: '-1.00、环比 -25.0%', // 3.00 against the planned 4.00
    });
    expect(metric(may, 'roi')).toMatchObject({ now: '3.00', last: '4.00', target: '4.00' });
    expect(may.grade.planned).not.toBe('—');
  });

  it('speaks the site language: 环比 is a dictionary word', () => {
    const may = monthReview(input('2014-05', { locale: 'en' }));
    expect(metric(may, 'revenue').gap).toMatch(/-25\.0% on last month$/);
    expect(metric(may, 'visitors').label).toBe('Visitors');
    const tw = monthReview(input('2014-05', { locale: 'zh-TW' }));
    expect(metric(tw, 'visitors').gap).toBe('環比 -16.7%');
  });
});

describe('the rest of the 月报', () => {
  const apr = monthReview(input('2014-04'));
  const may = monthReview(input('2014-05'));

  it('has a title, the plan, its stage and the status word', () => {
    expect(may).toMatchObject({
      title: '测试店 2014-05 月报',
      planTitle: '测试计划',
      planHref: '/plans/p/',
      asOf: '2014-05-31',
      stageName: '起步期',
      statusWord: '未达成',
    });
    expect(apr.statusWord).toBe('目标待定');
    expect(monthReview(input('2014-01')).stageName).toBeUndefined();
  });

  it('says 本月概况 in one sentence', () => {
    expect(may.sentence).toMatch(
      /^本月实际成交额 9万元，目标 10万元，达成率 90\.0%（未达成，差 1万元）；推广花费 3万元，预算 2\.5万元（使用 120\.0%，超支 5,000元）；ROI 3\.00，评级 .+（计划 .+）。$/,
    );
  });

  it('lists spend by channel, and 未分渠道 when only the total is known', () => {
    const mar = monthReview(input('2014-03'));
    expect(mar.channels.rows.map((r) => [r.label, r.spend, r.share])).toEqual([
      ['直通车', '2万元', '80.0%'],
      ['钻展', '5,000元', '20.0%'],
    ]);
    expect(may.channels.rows.map((r) => [r.label, r.spend, r.share])).toEqual([['未分渠道', '3万元', '100.0%']]);
    expect(may.daily).toBeUndefined();
  });

  it('states the staffing of each role: by actual orders/day (compared exactly), planned, current', () => {
    // April: 483 orders in 30 days is exactly 16.1 a day, so the step at 16.1 applies (16.1 × 30 is 483.00000000000006 in a double).
    expect(apr.staffing).toEqual([
      { roleId: 'cs', title: '客服', line: '按实际日均订单 2 人（峰值日 — 人）/ 按计划 — 人 / 现有 3 人' },
      { roleId: 'wh', title: '仓储', line: '按实际日均订单 2 人（峰值日 — 人）/ 按计划 — 人 / 现有 — 人' },
    ]);
    // May: 10 a day; the plan's 10万 at 200元 in 31 days is 17 a day.
    expect(may.staffing[0]!.line).toBe('按实际日均订单 1 人（峰值日 — 人）/ 按计划 2 人 / 现有 3 人');
  });

  it('has the stage to this month, 需关注, notes, sources and the links', () => {
    expect(apr.stage).toMatchObject({ name: '起步期' });
    expect(apr.stage!.parts.slice(0, 2)).toEqual(['进行中', '有数据的月份 2/3']);
    expect(may.attention).toEqual(['推广花费超出预算 5,000元（预算使用率 120.0%）。']);
    expect(apr.attention).toEqual([]);
    expect(apr.notes).toEqual(['四月上新']);
    expect(apr.sources).toEqual([{ file: '2014.yaml', source: '生意参谋月报' }]);
    expect(apr.prev).toEqual({ month: '2014-03', href: '/plans/p/review/2014-03/' });
    expect(apr.next).toEqual({ month: '2014-05', href: '/plans/p/review/2014-05/' });
    expect(may.next).toBeUndefined();
    expect(monthReview(input('2014-04', { base: '/handbook/' })).backHref).toBe('/handbook/plans/p/#actuals');
  });

  it('exists only for a month with data', () => {
    expect(() => monthReview(input('2014-02'))).toThrow(/no data/);
    expect(() => monthReview(input('2014-06'))).toThrow(/no data/);
  });
});
