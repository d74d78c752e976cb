/** The 周报 (actuals-format.md, "Weekly review page"): ISO weeks, weekly figures, 环比, month-to-date pace, and the view model. */
import { describe, expect, it } from 'vitest';
import { readCsvActuals } from '../../../../src/domain/actuals/csv.ts';
import { readYamlActuals } from '../../../../src/domain/actuals/yaml.ts';
import { buildActuals } from '../../../../src/domain/actuals/model.ts';
import { planForActuals } from '../../../../src/domain/actuals/folder.ts';
import { actualsFigures } from '../../../../src/domain/actuals/figures.ts';
import { isoWeekOf, weekDates, weekLinks, weekName, weekdayOf, weeklyFigures, type WeekFigures } from '../../../../src/domain/actuals/week.ts';
import { weekReview, type WeekReview } from '../../../../src/domain/actuals/week-review.ts';
import { monthReview } from '../../../../src/domain/actuals/review.ts';
import { DEFAULT_ROI, plan as planSchema, type PlanData } from '../../../../src/schema/collections.ts';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** One CSV row a day: revenue, visitors, buyers, orders, refunds, 直通车 spend (yuan), note. */
type Day = [date: string, revenue: number, visitors: number, buyers: number, orders: number, refunds: number, spend: number, note?: string];
const csv = (days: readonly Day[]) =>
  ['日期,支付金额,访客数,支付买家数,支付订单数,成功退款金额,直通车花费,备注', ...days.map((d) => [...d.slice(0, 7), d[7] ?? ''].join(','))].join('\n');
const range = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

function setUp(data: PlanData, days: readonly Day[], yaml?: string) {
  const files = [readCsvActuals('actuals/p/days.csv', bytes(csv(days))), ...(yaml ? [readYamlActuals('actuals/p/months.yaml', bytes(yaml))] : [])];
  const model = buildActuals(planForActuals({ id: 'p', data }), 'actuals/p', files);
  const figures = actualsFigures(data, model, DEFAULT_ROI);
  const weeks = weeklyFigures(data, model, figures, DEFAULT_ROI);
  const review = (week: string, locale: 'zh-CN' | 'en' = 'zh-CN'): WeekReview =>
    weekReview({ plan: { id: 'p', data }, model, figures, weeks, week, locale, base: '/' });
  const week = (name: string): WeekFigures => weeks.find((w) => w.name === name)!;
  return { model, figures, weeks, review, week };
}

describe('ISO weeks', () => {
  it('start on Monday and take their year from their Thursday, across month and year ends', () => {
    expect(weekdayOf('2024-12-30')).toBe(1);
    expect(weekdayOf('2025-01-05')).toBe(7);
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf('2025-01-05')).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf('2025-01-06')).toEqual({ year: 2025, week: 2 });
    expect(isoWeekOf('2025-01-13')).toEqual({ year: 2025, week: 3 });
    expect(isoWeekOf('2025-01-19')).toEqual({ year: 2025, week: 3 });
    // 2020 has 53 weeks: its last week holds 2021-01-03.
    expect(isoWeekOf('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf('2014-06-30')).toEqual({ year: 2014, week: 27 });
    expect(isoWeekOf('2014-12-29')).toEqual({ year: 2015, week: 1 });
  });

  it('are named 2025-W03 and hold seven days, Monday first', () => {
    expect(weekName({ year: 2025, week: 3 })).toBe('2025-W03');
    expect(weekName({ year: 2014, week: 40 })).toBe('2014-W40');
    expect(weekDates({ year: 2025, week: 1 })).toEqual(range('2024-12-30', '2025-01-05'));
    expect(weekDates({ year: 2025, week: 3 })).toEqual(range('2025-01-13', '2025-01-19'));
    expect(weekDates({ year: 2020, week: 53 })).toEqual(range('2020-12-28', '2021-01-03'));
    for (const date of range('2024-12-01', '2026-01-31')) expect(weekDates(isoWeekOf(date)), date).toContain(date);
  });
});

// A plan that starts in 2025-01: January and February daily (with gaps), March monthly only.
const PLAN = planSchema.parse({
  title: '测试计划',
  store: '测试店',
  period: { start: '2025-01', end: '2025-03' },
  months: [
    { month: '2025-01', revenue: '31万', marketing: '2万' },
    { month: '2025-02', revenue: '28万', marketing: '2.8万' },
    { month: '2025-03', revenue: '10万', marketing: '1万' },
  ],
});
const DAYS: Day[] = [
  ...range('2025-01-01', '2025-01-05').map((d): Day => [d, 10000, 1000, 30, 32, 100, 1000]),
  // 01-08 has no record (a missing day).
  ...range('2025-01-06', '2025-01-12')
    .filter((d) => d !== '2025-01-08')
    .map((d): Day => [d, 12000, 1100, 40, 41, 200, 1500, d === '2025-01-10' ? '年货节报名成功' : undefined]),
  // A week across two months, 01-27 – 02-02.
  ...range('2025-01-27', '2025-02-02').map((d): Day => [d, 5000, 600, 20, 20, 0, 2000]),
  // The week 02-24 – 03-02 ends in March, which only a monthly record covers.
  ...range('2025-02-24', '2025-02-28').map((d): Day => [d, 8000, 800, 25, 26, 50, 1000]),
];
const MARCH = `asOf: 2025-03-31
rows:
  - { month: 2025-03, revenue: 9万, marketing: 1万, orders: 300 }
`;
const sample = setUp(PLAN, DAYS, MARCH);

/** A plan of a few months, each with its revenue target and marketing budget. */
const planOf = (months: Record<string, [revenue: string, marketing: string]>) => {
  const names = Object.keys(months).sort();
  return planSchema.parse({
    title: 't',
    store: 's',
    period: { start: names[0], end: names.at(-1) },
    months: names.map((month) => ({ month, revenue: months[month]![0], marketing: months[month]![1] })),
  });
};

describe('weekly figures', () => {
  it('exist for exactly the weeks with a daily record, clipped to the period: 2024-12-30 – 2025-01-05 is 2025-W01, from 01-01', () => {
    expect(sample.weeks.map((w) => w.name)).toEqual(['2025-W01', '2025-W02', '2025-W05', '2025-W09']);
    const w01 = sample.week('2025-W01');
    expect([w01.start, w01.end]).toEqual(['2025-01-01', '2025-01-05']);
    expect(w01.days.map((d) => d.date)).toEqual(range('2025-01-01', '2025-01-05'));
    expect(sample.review('2025-W01').range).toBe('2025 年第 1 周（01-01 – 01-05）');
    expect(sample.review('2025-W01').title).toBe('测试店 2025 年第 1 周 周报');
    // Every day of a clipped week is in the period, so none is missing.
    expect(w01.partial).toBe(false);
  });

  it("use the month's definitions: sums, day-sums of visitors and buyers, rates recomputed, orders/day over days with orders, ROI graded", () => {
    const w = sample.week('2025-W02');
    expect(w.revenue).toBe(6 * 12000_00);
    expect(w.spend).toBe(6 * 1500_00);
    expect(w.visitors).toBe(6 * 1100);
    expect(w.buyers).toBe(6 * 40);
    expect(w.orders).toBe(6 * 41);
    expect(w.refunds).toBe(6 * 200_00);
    expect(w.conversion).toEqual({ num: 240, den: 6600 });
    expect(w.aov).toEqual({ num: 72000_00, den: 240 });
    expect(w.ordersPerDay).toEqual({ num: 246, den: 6 });
    expect(w.roi).toEqual({ num: 72000_00, den: 9000_00 });
    expect(w.grade).toBe('优秀');
    expect(w.amounts.get('spend.直通车')).toBe(9000_00);
    expect(w.peak).toEqual({ date: '2025-01-06', revenue: 12000_00 });
  });

  it('mark a week with a missing day partial: ※ 数据不全（缺 1 天）, the day 缺数据 in the daily table, and 需关注', () => {
    const w = sample.week('2025-W02');
    expect(w.missingDays).toEqual(['2025-01-08']);
    expect(w.partial).toBe(true);
    const review = sample.review('2025-W02');
    expect(review.partialNote).toBe('※ 数据不全（缺 1 天）：2025-01-08 没有记录');
    expect(review.metrics.find((m) => m.key === 'revenue')!.partial).toBe(true);
    const day = review.daily.rows.find((d) => d.date === '2025-01-08')!;
    expect(day.cells).toBeUndefined();
    expect(day.stateText).toBe('缺数据');
    expect(review.daily.rows.map((d) => d.weekday)).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    expect(review.attention[0]).toBe('缺 1 天的数据：2025-01-08。');
    expect(review.notes).toEqual(['01-10：年货节报名成功']);
    expect(review.daily.total).toEqual(['7.2万元', '6,600', '246', '9,000元', '8.00']);
  });

  it('count days only a monthly record covers as without daily data (仅有月度数据), adding nothing to the week', () => {
    const w = sample.week('2025-W09');
    expect(w.days.map((d) => d.state)).toEqual(['recorded', 'recorded', 'recorded', 'recorded', 'recorded', 'monthlyOnly', 'monthlyOnly']);
    expect(w.missingDays).toEqual([]);
    expect(w.revenue).toBe(5 * 8000_00);
    expect(w.orders).toBe(5 * 26);
    const review = sample.review('2025-W09');
    expect(review.partialNote).toBe('※ 数据不全（缺 2 天）：2025-03-01 – 2025-03-02 仅有月度数据，不计入本周数字');
    expect(review.daily.rows.at(-1)!.stateText).toBe('仅有月度数据');
    expect(review.sentence).toContain('本周成交额 4万元（只有 5 天的按日数据；上周没有按日数据，无环比）');
    // March has no daily record this week: no pace, and why.
    const march = review.pace.find((p) => p.month === '2025-03')!;
    expect(march.cells).toBeUndefined();
    expect(march.note).toBe('本周在这个月只有月度数据，见该月月报');
    expect(march.href).toBe('/plans/p/review/2025-03/');
  });
});

describe('环比', () => {
  it('is "—" in every row when the week before has no daily data', () => {
    const review = sample.review('2025-W01');
    expect(sample.week('2025-W01').previous).toBeNull();
    expect(review.metrics.every((m) => m.last === '—' && m.change === '—')).toBe(true);
    expect(review.sentence.startsWith('本周成交额 5万元（上周没有按日数据，无环比）')).toBe(true);
    // 2025-W05 follows two weeks without data: no 环比 either.
    expect(sample.review('2025-W05').metrics.every((m) => m.change === '—')).toBe(true);
  });

  it('is (this week − last week) ÷ last week, signed, one decimal, for every row, rates from their parts', () => {
    const review = sample.review('2025-W02');
    const change = Object.fromEntries(review.metrics.map((m) => [m.key, m.change]));
    expect(change).toEqual({
      revenue: '+44.0%', // 72,000 against 50,000
      visitors: '+32.0%', // 6,600 against 5,000
      buyers: '+60.0%', // 240 against 150
      conversion: '+21.2%', // 240/6600 against 150/5000: 3.6364% ÷ 3% − 1
      aov: '-10.0%', // 300 against 333.33
      orders: '+53.8%', // 246 against 160
      ordersPerDay: '+28.1%', // 41 against 32
      refunds: '+140.0%', // 1,200 against 500
      spend: '+80.0%', // 9,000 against 5,000
      roi: '-20.0%', // 8 against 10
      grade: '—',
    });
    expect(review.metrics.find((m) => m.key === 'revenue')!.last).toBe('5万元');
    expect(review.sentence.startsWith('本周成交额 7.2万元（只有 6 天的按日数据；环比 +44.0%）；推广花费 9,000元，ROI 8.00（优秀）')).toBe(true);
    // W01 was complete, W02 lacks a day: ※ on this week, none on last.
    expect(review.metrics.every((m) => m.partial && !m.lastPartial)).toBe(true);
  });
});

describe('month-to-date pace', () => {
  it("sets revenue and spend to the week's last day against the full month, beside 时间进度 (day ÷ days in the month)", () => {
    const [jan] = sample.week('2025-W02').months;
    expect(jan!.through).toBe('2025-01-12');
    expect(jan!.revenue).toBe(122000_00);
    expect(jan!.attainment).toEqual({ num: 122000_00, den: 310000_00 });
    expect(jan!.timeProgress).toEqual({ num: 12, den: 31 });
    expect(jan!.spend).toBe(14000_00);
    expect(jan!.budgetUse).toEqual({ num: 14000_00, den: 20000_00 });
    expect(jan!.behindPace).toBe(false);
    expect(jan!.aheadOfPace).toBe(true);
    const review = sample.review('2025-W02');
    expect(review.pace[0]!.cells).toEqual(['12.2万元', '31万元', '39.4%', '38.7%', '1.4万元', '2万元', '70.0%']);
    // 01-08 is missing before the 12th: the month to date is partial too.
    expect(review.pace[0]!.note).toBe('※ 数据不全（缺 1 天）');
    // 39.4% of the target by 38.7% of the month: ahead by 0.6 points (exactly 0.645…).
    expect(review.sentence).toContain('2025-01 截至 01-12 累计成交 12.2万元，占全月目标 31万元 的 39.4%，时间进度 38.7%，领先 0.6 个百分点。');
    expect(review.attention).toContain('2025-01 推广花费快于时间进度 31.3 个百分点（截至 01-12 预算使用率 70.0%，时间进度 38.7%）。');
    expect(review.attention.some((a) => a.includes('成交落后'))).toBe(false);
  });

  it('covers each month of a week that spans two, to its own last day with data', () => {
    const w = sample.week('2025-W05');
    expect([w.start, w.end]).toEqual(['2025-01-27', '2025-02-02']);
    expect(w.revenue).toBe(7 * 5000_00);
    expect(w.months.map((p) => [p.month, p.through, p.revenue])).toEqual([
      ['2025-01', '2025-01-31', 147000_00],
      ['2025-02', '2025-02-02', 10000_00],
    ]);
    const [jan, feb] = w.months;
    // January: 47.4% of the target with the month over: 52.6 points behind.
    expect(jan!.behindPace).toBe(true);
    expect(feb!.revenueBehind).toEqual({ num: 2 * 280000_00 - 10000_00 * 28, den: 28 * 280000_00 });
    expect(feb!.behindPace).toBe(false);
    const review = sample.review('2025-W05');
    expect(review.months.map((m) => m.month)).toEqual(['2025-01', '2025-02']);
    // January's spend, 2.4万 of 2万 by its last day, is 20 points ahead.
    expect(review.attention).toEqual([
      '2025-01 成交落后时间进度 52.6 个百分点（截至 01-31 达成率 47.4%，时间进度 100.0%）。',
      '2025-01 推广花费快于时间进度 20.0 个百分点（截至 01-31 预算使用率 120.0%，时间进度 100.0%）。',
    ]);
    // The sentence speaks of the month of the week's last day with data: February.
    expect(review.sentence).toContain('2025-02 截至 02-02 累计成交 1万元，占全月目标 28万元 的 3.6%，时间进度 7.1%，落后 3.6 个百分点。');
  });

  it('flags more than 10 points only: exactly 10 is not behind', () => {
    const data = planOf({ '2025-02': ['10万', '1万'] });
    // By 02-14, half the month: 40% of the target (10 points behind) and 60% of the budget (10 points ahead).
    const even = setUp(data, [['2025-02-14', 40000, 100, 10, 10, 0, 6000]]).weeks[0]!.months[0]!;
    expect(even.timeProgress).toEqual({ num: 14, den: 28 });
    expect([even.behindPace, even.aheadOfPace]).toEqual([false, false]);
    const behind = setUp(data, [['2025-02-14', 39999.99, 100, 10, 10, 0, 6000.01]]).weeks[0]!.months[0]!;
    expect([behind.behindPace, behind.aheadOfPace]).toEqual([true, true]);
  });
});

describe('a week in progress and a plan across a year end', () => {
  it('shows days after asOf as 未到 (not missing) and says 截至 asOf', () => {
    const data = planOf({ '2025-01': ['31万', '3万'] });
    const { weeks, review } = setUp(
      data,
      range('2025-01-06', '2025-01-08').map((d): Day => [d, 10000, 1000, 30, 30, 0, 1000]),
    );
    expect(weeks.map((w) => w.name)).toEqual(['2025-W02']);
    const w = weeks[0]!;
    expect(w.inProgress).toBe(true);
    expect(w.days.map((d) => d.state)).toEqual(['recorded', 'recorded', 'recorded', 'notYet', 'notYet', 'notYet', 'notYet']);
    expect(w.partial).toBe(false);
    const r = review('2025-W02');
    expect(r.sentence.startsWith('截至 2025-01-08，本周成交额 3万元')).toBe(true);
    expect(r.daily.rows[3]!.stateText).toBe('未到');
    expect(r.partialNote).toBeUndefined();
  });

  it('names weeks with their year when they fall in two ISO years, and links them from the 月报', () => {
    const data = planOf({ '2024-12': ['31万', '3万'], '2025-01': ['31万', '3万'] });
    const days = ['2024-12-23', '2024-12-30', '2024-12-31', '2025-01-02'].map((d): Day => [d, 10000, 1000, 30, 30, 0, 1000]);
    const { weeks, review, model, figures } = setUp(data, days);
    expect(weeks.map((w) => w.name)).toEqual(['2024-W52', '2025-W01']);
    // Not clipped: the period holds the whole week, December days included.
    expect([weeks[1]!.start, weeks[1]!.end]).toEqual(['2024-12-30', '2025-01-05']);
    expect(weeks[1]!.previous?.name).toBe('2024-W52');
    expect(weekLinks(weeks, 'p', '/').map((l) => l.label)).toEqual(['2024-W52', '2025-W01']);
    expect(review('2025-W01').prev).toEqual({ week: '2024-W52', href: '/plans/p/week/2024-W52/' });
    // 2025-01-03 … 05 come after asOf (the last day with data): 未到.
    expect(weeks[1]!.days.filter((d) => d.state === 'notYet').map((d) => d.date)).toEqual(['2025-01-03', '2025-01-04', '2025-01-05']);
    const december = monthReview({
      plan: { id: 'p', data },
      model,
      figures,
      bands: DEFAULT_ROI,
      roles: [],
      month: '2024-12',
      locale: 'zh-CN',
      base: '/',
      weeks,
    });
    expect(december.weeks.map((w) => w.href)).toEqual(['/plans/p/week/2024-W52/', '/plans/p/week/2025-W01/']);
  });

  it('makes no week from monthly records alone', () => {
    const { weeks } = setUp(PLAN, [], MARCH);
    expect(weeks).toEqual([]);
  });
});

describe('the view model in English', () => {
  it('says the same in the dictionary’s words', () => {
    const review = sample.review('2025-W02', 'en');
    expect(review.range).toBe('week 2 of 2025 (01-06 – 01-12)');
    expect(review.sentence).toContain('+44.0% on last week');
    expect(review.daily.rows[0]!.weekday).toBe('Monday');
  });
});
