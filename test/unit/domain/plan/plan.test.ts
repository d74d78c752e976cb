import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadContent } from '../../../../src/check/load.ts';
import { formatRoi, planFigures, roi, roiGrade } from '../../../../src/domain/plan/plan.ts';
import { fen, TBD, formatFen } from '../../../../src/domain/money.ts';
import { plan as planSchema, DEFAULT_ROI } from '../../../../src/schema/collections.ts';

const sample = await loadContent(path.resolve('content'), { today: '2026-11-25' });
const home2014 = sample.handbook.plans.find((p) => p.id === 'home-2014')!;
const wan = (n: number) => n * 1_000_000;

describe('the 2014 plan of the sample', () => {
  const figures = planFigures(home2014.data);

  it('adds the months to 430万 revenue and 110万 marketing', () => {
    expect(figures.revenue).toEqual({ fen: wan(430), undecided: 0, parts: 12 });
    expect(figures.marketing).toEqual({ fen: wan(110), undecided: 0, parts: 12 });
    expect(formatFen(figures.revenue.fen)).toBe('430万元');
  });

  it('has an overall ROI of 3.91, graded 及格', () => {
    expect(formatRoi(figures.roi)).toBe('3.91');
    expect(figures.grade).toBe('及格');
  });

  it('gives November (100万 / 30万) an ROI of 3.33', () => {
    const november = figures.months.find((m) => m.month === '2014-11')!;
    expect(formatRoi(november.roi)).toBe('3.33');
    expect(november.grade).toBe('及格');
  });

  it('rolls up the second quarter: lines 16.25万 against months 18.75万', () => {
    const q2 = figures.stages.find((s) => s.stage.start === '2014-04')!;
    expect(q2.budget.fen).toBe(wan(16.25));
    expect(q2.marketing.fen).toBe(wan(18.75));
    expect(q2.budgetDifference).toBe(-wan(2.5));
  });

  it('covers every month with a stage and misses none', () => {
    expect(figures.missingMonths).toEqual([]);
    expect(figures.uncoveredMonths).toEqual([]);
  });
});

describe('ROI edge cases', () => {
  it('is undefined, not Infinity, when nothing is spent', () => {
    expect(roi(fen(100), fen(0))).toBeNull();
    expect(formatRoi(roi(fen(100), fen(0)))).toBe('—');
    expect(roiGrade(null, DEFAULT_ROI)).toBeNull();
  });

  it('is undefined while an amount is 待定', () => {
    expect(roi(TBD, fen(100))).toBeNull();
    expect(roi(fen(100), TBD)).toBeNull();
  });

  it('grades by the highest band reached', () => {
    expect(roiGrade(2.99, DEFAULT_ROI)).toBe('不及格');
    expect(roiGrade(3, DEFAULT_ROI)).toBe('及格');
    expect(roiGrade(4.5, DEFAULT_ROI)).toBe('良好');
    expect(roiGrade(5, DEFAULT_ROI)).toBe('优秀');
  });

  it('handles a plan of one month with undecided marketing', () => {
    const plan = planSchema.parse({
      title: '单月计划',
      store: '测试店',
      period: { start: '2017-04', end: '2017-04' },
      months: [{ month: '2017-04', revenue: 25000, marketing: '待定' }],
      fixedCosts: [
        { item: '生意参谋', amount: '3096.00', per: 'year' },
        { item: '竞争情报', amount: 2827.68, per: 'year' },
        { item: '小礼品', amount: '待定', per: 'month' },
        { item: '快递单软件', amount: '25', per: 'month' },
      ],
    });
    const figures = planFigures(plan);
    expect(figures.revenue.fen).toBe(2_500_000);
    expect(figures.marketing).toEqual({ fen: 0, undecided: 1, parts: 1 });
    expect(figures.roi).toBeNull();
    expect(figures.months[0]!.roi).toBeNull();
    expect(figures.fixedCosts).toEqual({ annualFen: 309_600 + 282_768 + 25 * 12 * 100, undecided: 1 });
  });

  it('handles a plan of zero months', () => {
    const plan = planSchema.parse({ title: '空计划', store: '测试店', period: { start: '2017-01', end: '2017-02' } });
    const figures = planFigures(plan);
    expect(figures.revenue.fen).toBe(0);
    expect(figures.roi).toBeNull();
    expect(figures.missingMonths).toEqual(['2017-01', '2017-02']);
  });
});
