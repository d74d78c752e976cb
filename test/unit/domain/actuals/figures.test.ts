/** Derived figures and rounding (actuals-format.md, "Derived figures"), and the months they are built from. */
import { describe, expect, it } from 'vitest';
import { readCsvActuals } from '../../../../src/domain/actuals/csv.ts';
import { readYamlActuals } from '../../../../src/domain/actuals/yaml.ts';
import { buildActuals, dateRanges, type PlanForActuals } from '../../../../src/domain/actuals/model.ts';
import { actualsFigures, decimalFraction, headcountAtRatio, stageProgress, staffingByActual } from '../../../../src/domain/actuals/figures.ts';
import { formatPercent, formatRatio, formatSignedFen, formatYuanRatio, roundRatio } from '../../../../src/domain/actuals/ratio.ts';
import { plan as planSchema } from '../../../../src/schema/collections.ts';
import { DEFAULT_ROI } from '../../../../src/schema/collections.ts';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('rounding: half away from zero on the exact ratio', () => {
  it('96.25% → 96.3%, 96.24% → 96.2%, 96.35% → 96.4% (no binary drift)', () => {
    expect(formatPercent({ num: 9625, den: 10000 })).toBe('96.3%');
    expect(formatPercent({ num: 9624, den: 10000 })).toBe('96.2%');
    expect(formatPercent({ num: 9635, den: 10000 })).toBe('96.4%');
    expect(formatPercent({ num: 1, den: 3 })).toBe('33.3%');
    expect(formatPercent({ num: 2, den: 3 })).toBe('66.7%');
  });
  it('rounds negatives away from zero and signs 环比', () => {
    expect(formatPercent({ num: -9625, den: 10000 }, 1, true)).toBe('-96.3%');
    expect(formatPercent({ num: 5, den: 1000 }, 1, true)).toBe('+0.5%');
    expect(formatPercent({ num: 0, den: 1000 }, 1, true)).toBe('0.0%');
    expect(roundRatio({ num: -5, den: 10 }, 1)).toBe(-1n);
  });
  it('ROI to 2 decimals: 3.225 → 3.23 (toFixed gives 3.22)', () => {
    expect(formatRatio({ num: 3225, den: 1000 })).toBe('3.23');
    expect(formatRatio({ num: 1_000_000, den: 310_000 })).toBe('3.23');
    expect(formatRatio(null)).toBe('—');
  });
  it('orders/day to 1 decimal, 客单价 in yuan to 2 decimals, variance with an explicit +', () => {
    expect(formatRatio({ num: 12_875, den: 31 }, 1)).toBe('415.3');
    expect(formatYuanRatio({ num: 817_800, den: 100 })).toBe('81.78元');
    expect(formatYuanRatio({ num: 100, den: 8 })).toBe('0.13元');
    expect(formatSignedFen(125_000_0)).toBe('+1.25万元');
    expect(formatSignedFen(-350_050)).toBe('-3,500.50元');
    expect(formatSignedFen(0)).toBe('0元');
  });
  it('dates as ranges', () => expect(dateRanges(['2014-10-03', '2014-10-11', '2014-10-10', '2014-10-12'])).toEqual(['2014-10-03', '2014-10-10 – 2014-10-12']));
});

const PLAN = planSchema.parse({
  title: '测试计划',
  store: '测试店',
  period: { start: '2014-01', end: '2014-06' },
  averageOrderValue: '100元',
  months: [
    { month: '2014-01', revenue: '10万', marketing: '2万' },
    { month: '2014-02', revenue: '10万', marketing: '2万' },
    { month: '2014-03', revenue: '8万', marketing: '2万' },
    { month: '2014-04', revenue: '待定', marketing: '2万' },
    { month: '2014-05', revenue: '10万', marketing: '2万' },
    { month: '2014-06', revenue: '10万', marketing: '2万' },
  ],
  stages: [
    { id: 'a', name: '一', start: '2014-01', end: '2014-03', targets: { revenue: '30万' } },
    { id: 'b', name: '二', start: '2014-04', end: '2014-06' },
  ],
});
const forActuals: PlanForActuals = {
  id: 'p',
  period: PLAN.period,
  targets: new Map(
    PLAN.months.map((m) => [
      m.month,
      { revenue: m.revenue.kind === 'amount' ? m.revenue.fen : null, marketing: m.marketing.kind === 'amount' ? m.marketing.fen : null },
    ]),
  ),
  lowAttainment: 0.8,
};

// January: by month, 96.25% attained, ROI 4.8125. February: by day (every day), 2 days of spend missing none.
// March: by month, below 80% and over budget. April: 目标待定. May: in progress to the 10th. June: 未到.
const monthly = readYamlActuals(
  'actuals/p/m.yaml',
  bytes(`asOf: 2014-05-10
rows:
  - { month: 2014-01, revenue: 9.625万, marketing: 2万, refunds: 5000, visitors: 10000, buyers: 962, orders: 1000 }
  - { month: 2014-03, revenue: 6万, spend: { 直通车: 2万, 钻展: 0.5万 }, orders: 600 }
  - { month: 2014-04, revenue: 9万, marketing: 1万 }
  - { month: 2014-05, revenue: 2万, marketing: 0.5万, orders: 210 }
`),
);
const days = Array.from({ length: 28 }, (_, i) => `2014-02-${String(i + 1).padStart(2, '0')},${i === 9 ? 10000 : 3000},${i === 9 ? 120 : 30},1000`).join('\n');
const daily = readCsvActuals('actuals/p/feb.csv', bytes(`日期,支付金额,支付订单数,直通车花费\n${days}\n`));

describe('months and figures', () => {
  const model = buildActuals(forActuals, 'actuals/p', [daily, monthly]);
  const figures = actualsFigures(PLAN, model, DEFAULT_ROI);
  const by = (m: string) => figures.months.find((f) => f.month === m)!;

  it("sets each month's status from asOf", () => {
    expect(model.asOf).toBe('2014-05-10');
    expect(figures.months.map((m) => [m.month, m.status, m.state])).toEqual([
      ['2014-01', 'complete', 'missed'],
      ['2014-02', 'complete', 'missed'],
      ['2014-03', 'complete', 'missed'],
      ['2014-04', 'complete', 'targetTbd'],
      ['2014-05', 'inProgress', 'inProgress'],
      ['2014-06', 'notYet', 'notYet'],
    ]);
  });

  it('attainment, variance, budget use, ROI and grades of a month', () => {
    const jan = by('2014-01');
    expect(formatPercent(jan.attainment)).toBe('96.3%');
    expect(jan.variance).toBe(-375_000);
    expect(formatPercent(jan.budgetUse)).toBe('100.0%');
    expect(jan.overBudget).toBe(false);
    expect(formatRatio(jan.roi)).toBe('4.81');
    expect(jan.grade).toBe('良好');
    expect(jan.plannedGrade).toBe('优秀');
    expect(jan.gradeDirection).toBe('down');
    expect(formatPercent(jan.conversion, 2)).toBe('9.62%');
    expect(formatYuanRatio(jan.aov)).toBe('100.05元');
    expect(formatPercent(jan.refundShare)).toBe('5.2%');
    expect(jan.net).toBe(9_625_000 - 500_000);
    expect(formatPercent(jan.spendShare)).toBe('20.8%');
    expect(formatRatio(jan.ordersPerDay, 1)).toBe('32.3');
    expect(jan.peak).toBeNull();
    expect(jan.monthOverMonth).toBeNull();
  });

  it('rolls days up: sums, orders/day over days with orders, the peak day, 环比', () => {
    const feb = by('2014-02');
    expect(feb.revenue).toBe(27 * 300_000 + 1_000_000);
    expect(feb.orders).toBe(27 * 30 + 120);
    expect(formatRatio(feb.ordersPerDay, 1)).toBe('33.2');
    expect(feb.peak).toEqual({ date: '2014-02-10', orders: 120 });
    expect(feb.spend).toBe(28 * 100_000);
    expect(feb.channels).toEqual([{ label: '直通车', fen: 2_800_000 }]);
    expect(formatPercent(feb.monthOverMonth, 1, true)).toBe('-5.5%');
    expect(feb.overBudget).toBe(true);
    expect(feb.partial).toBe(false);
  });

  it('spend from channels, and 目标待定 makes the ratios "—", never 0', () => {
    const mar = by('2014-03');
    expect(mar.spend).toBe(2_500_000);
    expect(mar.unallocated).toBeNull();
    const apr = by('2014-04');
    expect(apr.attainment).toBeNull();
    expect(apr.variance).toBeNull();
    expect(apr.runningTarget).toBeNull();
  });

  it('an unfinished month: time progress, orders/day over the days to asOf', () => {
    const may = by('2014-05');
    expect(formatPercent(may.timeProgress)).toBe('32.3%');
    expect(formatRatio(may.ordersPerDay, 1)).toBe('21.0');
    expect(formatPercent(may.attainment)).toBe('20.0%');
  });

  it('未到 months are gaps in the running totals, never 0', () => {
    const jun = by('2014-06');
    expect(jun.revenue).toBeNull();
    expect(jun.runningActual).toBeNull();
    expect(by('2014-01').runningActual).toBe(9_625_000);
    expect(by('2014-02').runningTarget).toBe(20_000_000);
  });

  it('cumulative figures to asOf', () => {
    const c = figures.cumulative;
    expect(c.revenue).toBe(9_625_000 + 9_100_000 + 6_000_000 + 9_000_000 + 2_000_000);
    // 累计达成率 counts complete months only, and 2014-04 has an undecided target: "—".
    expect(c.attainment).toBeNull();
    expect(c.periodProgress).toBeNull();
    expect(formatPercent(c.timeProgress)).toBe(formatPercent({ num: 130, den: 181 }));
    expect(formatPercent(c.budgetUse)).toBe(formatPercent({ num: 2_000_000 + 2_800_000 + 2_500_000 + 1_000_000, den: 8_000_000 }));
    expect(c.grade).not.toBeNull();
  });

  it("stage progress against the stage target, and to a month's end", () => {
    const [a, b] = figures.stages;
    expect(a!.status).toBe('ended');
    expect(a!.monthsWithData).toBe(3);
    expect(a!.target).toBe(30_000_000);
    expect(formatPercent(a!.attainment)).toBe('82.4%');
    expect(b!.status).toBe('ongoing');
    expect(b!.target).toBeNull();
    const upToJan = stageProgress(PLAN.stages[0]!, figures.months, DEFAULT_ROI, '2014-01');
    expect(upToJan.monthsWithData).toBe(1);
    expect(upToJan.status).toBe('ongoing');
  });

  it('staffing by actual orders/day compares exactly (O ≥ step × D)', () => {
    const role = {
      id: 'cs',
      title: '客服',
      base: 1,
      steps: [
        { atOrdersPerDay: 33.2, add: 1 },
        { atOrdersPerDay: 50, add: 2 },
      ],
      current: 2,
    };
    expect(headcountAtRatio(role, { num: 930, den: 28 })).toBe(2); // 33.214… ≥ 33.2
    expect(headcountAtRatio(role, { num: 1000, den: 31 })).toBe(1); // 32.26 < 33.2
    expect(headcountAtRatio({ base: 1, steps: [{ atOrdersPerDay: 50, add: 1 }] }, { num: 1550, den: 31 })).toBe(2); // exactly 50
    // Exactly at a decimal step, where step × D in a double lands above O: 2.2 × 25 = 55.00000000000001, 16.1 × 30 = 483.00000000000006.
    expect(headcountAtRatio({ base: 0, steps: [{ atOrdersPerDay: 2.2, add: 1 }] }, { num: 55, den: 25 })).toBe(1);
    expect(headcountAtRatio({ base: 0, steps: [{ atOrdersPerDay: 16.1, add: 1 }] }, { num: 483, den: 30 })).toBe(1);
    expect(headcountAtRatio({ base: 0, steps: [{ atOrdersPerDay: 16.1, add: 1 }] }, { num: 482, den: 30 })).toBe(0);
    expect(decimalFraction(16.1)).toEqual([161n, 10n]);
    expect(decimalFraction(1e-7)).toEqual([1n, 10_000_000n]);
    expect(decimalFraction(50)).toEqual([50n, 1n]);
    const rows = staffingByActual([role], figures, PLAN);
    expect(rows[0]!.months.map((m) => [m.month, m.implied, m.planned])).toEqual([
      ['2014-01', 1, 1],
      ['2014-02', 2, 2],
      ['2014-03', 1, 1],
      ['2014-04', null, null],
      ['2014-05', 1, 1],
    ]);
  });

  it('reports the month-level warnings', () => {
    expect(model.problems.map((p) => [p.rule, p.params.month])).toEqual([
      ['actuals.overBudget', '2014-02'],
      ['actuals.overBudget', '2014-03'],
      ['actuals.lowAttainment', '2014-03'],
    ]);
  });
});
