/** "Staffing implied" (actuals-format.md): by the actual orders/day, compared exactly, beside the planned headcount and headcount.current. */
import { describe, expect, it } from 'vitest';
import { readYamlActuals } from '../../../../src/domain/actuals/yaml.ts';
import { buildActuals } from '../../../../src/domain/actuals/model.ts';
import { planForActuals } from '../../../../src/domain/actuals/folder.ts';
import { actualsFigures } from '../../../../src/domain/actuals/figures.ts';
import { actualStaffing } from '../../../../src/domain/actuals/staffing.ts';
import { DEFAULT_ROI, plan as planSchema, type PlanData } from '../../../../src/schema/collections.ts';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const plan = (averageOrderValue?: string): PlanData =>
  planSchema.parse({
    title: '测试计划',
    store: '测试店',
    period: { start: '2014-04', end: '2014-07' },
    ...(averageOrderValue ? { averageOrderValue } : {}),
    months: ['2014-04', '2014-05', '2014-06', '2014-07'].map((month) => ({ month, revenue: '9.66万', marketing: '1万' })),
  });
const forActuals = (data: PlanData) => planForActuals({ id: 'p', data });
// April: 483 orders in 30 days = exactly 16.1 a day. May: 499 in 31 days = 16.09… a day. June: days, with a peak of 40.
const june = Array.from({ length: 30 }, (_, i) => `  - { date: 2014-06-${String(i + 1).padStart(2, '0')}, revenue: 3000, orders: ${i === 14 ? 40 : 10} }`).join(
  '\n',
);
const file = readYamlActuals(
  'actuals/p/a.yaml',
  bytes(`asOf: 2014-06-30\nrows:\n  - { month: 2014-04, revenue: 9万, orders: 483 }\n  - { month: 2014-05, revenue: 9万, orders: 499 }\n${june}\n`),
);
const roles = [
  { id: 'cs', title: '客服', base: 1, steps: [{ atOrdersPerDay: 16.1, add: 1 }], current: 1 },
  { id: 'wh', title: '仓储', base: 1, steps: [{ atOrdersPerDay: 20, add: 2 }], current: 2 },
];
const staffingOf = (data: PlanData) => actualStaffing(roles, actualsFigures(data, buildActuals(forActuals(data), 'actuals/p', [file]), DEFAULT_ROI), data);

describe('staffing implied by the actual orders/day', () => {
  const withAov = staffingOf(plan('100元'));

  it('has one column per month with data, with its orders/day', () => {
    expect(withAov.months).toEqual([
      { month: '2014-04', ordersPerDay: '16.1' },
      { month: '2014-05', ordersPerDay: '16.1' }, // 16.0967… shows as 16.1 but stays below the step
      { month: '2014-06', ordersPerDay: '11.0' },
    ]);
  });

  it('compares O ≥ step × D exactly, with no rounding of orders/day', () => {
    const cs = withAov.roles.find((r) => r.id === 'cs')!;
    expect(cs.cells.map((c) => [c.month, c.implied])).toEqual([
      ['2014-04', 2], // 483 ≥ 16.1 × 30
      ['2014-05', 1], // 499 < 16.1 × 31 = 499.1, although it shows as 16.1
      ['2014-06', 1],
    ]);
    // The peak day (June 15th, 40 orders) by the same steps.
    expect(cs.cells[2]!.peakImplied).toBe(2);
    expect(cs.cells[0]!.peakImplied).toBeNull();
  });

  it("sets the plan's headcount beside it (at the plan's orders/day, rounded up as the plan page does) and flags where they differ", () => {
    // 9.66万 ÷ 100元 ÷ 30 = 32.2 → 33 a day in April and June; ÷ 31 = 31.16 → 32 in May: the step at 16.1 applies.
    const cs = withAov.roles.find((r) => r.id === 'cs')!;
    expect(cs.cells.map((c) => [c.planned, c.differs])).toEqual([
      [2, false],
      [2, true],
      [2, true],
    ]);
    const wh = withAov.roles.find((r) => r.id === 'wh')!;
    expect(wh.cells.map((c) => [c.implied, c.planned, c.differs])).toEqual([
      [1, 3, true],
      [1, 3, true],
      [1, 3, true],
    ]);
    expect(withAov.hasPlanned).toBe(true);
  });

  it("carries each role's headcount.current and the team's totals per month", () => {
    expect(withAov.roles.map((r) => [r.id, r.current])).toEqual([
      ['cs', 1],
      ['wh', 2],
    ]);
    expect(withAov.current).toBe(3);
    expect(withAov.totals.map((m) => [m.month, m.ordersPerDay, m.implied, m.planned, m.differs])).toEqual([
      ['2014-04', '16.1', 3, 5, true],
      ['2014-05', '16.1', 2, 5, true],
      ['2014-06', '11.0', 2, 5, true],
    ]);
  });

  it('leaves the planned headcount unknown ("—", never 0) when the plan states no orders/day', () => {
    const without = staffingOf(plan());
    expect(without.hasPlanned).toBe(false);
    expect(without.roles.flatMap((r) => r.cells.map((c) => [c.planned, c.differs]))).toEqual(Array(6).fill([null, false]));
    expect(without.totals.map((m) => m.planned)).toEqual([null, null, null]);
    expect(without.totals.map((m) => m.implied)).toEqual([3, 2, 2]);
  });

  it('has no current total when a role does not say its headcount, and nothing without staffed roles', () => {
    const figures = actualsFigures(plan(), buildActuals(forActuals(plan()), 'actuals/p', [file]), DEFAULT_ROI);
    expect(actualStaffing([{ ...roles[0]!, current: null }, roles[1]!], figures, plan()).current).toBeNull();
    expect(actualStaffing([], figures, plan())).toMatchObject({ roles: [], current: null, hasPlanned: false });
  });
});
