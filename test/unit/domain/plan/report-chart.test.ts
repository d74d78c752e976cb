import { describe, expect, it } from 'vitest';
import { niceAxis, reportChart } from '../../../../src/domain/plan/report-chart.ts';
import { planFigures } from '../../../../src/domain/plan/plan.ts';
import { fen, TBD } from '../../../../src/domain/money.ts';

describe('niceAxis', () => {
  it('rounds the top up to a 1/2/2.5/5 step', () => {
    expect(niceAxis(45)).toEqual({ step: 20, top: 60 });
    expect(niceAxis(120)).toEqual({ step: 50, top: 150 });
    expect(niceAxis(5.75, 3)).toEqual({ step: 2, top: 6 });
    expect(niceAxis(0)).toEqual({ step: 1, top: 4 });
  });
});

describe('reportChart', () => {
  const plan = {
    title: 't',
    store: 's',
    period: { start: '2020-01', end: '2020-02' },
    stages: [],
    fixedCosts: [],
    months: [
      { month: '2020-01', revenue: fen(45_000_000), marketing: fen(10_000_000) },
      { month: '2020-02', revenue: TBD, marketing: fen(5_000_000) },
    ],
  } as never;
  const chart = reportChart(planFigures(plan, 'zh-CN'), 'zh-CN');

  it('labels the money axis in 万元 with a nice top and draws 待定 as no bar', () => {
    expect(chart.money.ticks.map((t) => t.label)).toEqual(['0', '20', '40', '60']);
    expect(chart.months[1]!.revenue).toBeNull();
    const [first] = chart.months;
    // 45万元 of a 60万元 axis: three quarters of the panel.
    expect(first!.revenue!.height / (chart.money.bottom - chart.money.top)).toBeCloseTo(0.75);
  });

  it('puts ROI and its grade thresholds on the ROI panel only, below the money panel', () => {
    expect(chart.roi.top).toBeGreaterThan(chart.money.bottom);
    for (const t of chart.roi.thresholds) expect(t.y).toBeGreaterThanOrEqual(chart.roi.top);
    expect(chart.months[0]!.roi).toMatchObject({ value: '4.50' });
    expect(chart.months[1]!.roi).toBeNull();
  });
});
