import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadContent } from '../../../../src/check/load.ts';
import { planFigures } from '../../../../src/domain/plan/plan.ts';
import { planChartData } from '../../../../src/domain/plan/chart-data.ts';
import { planTimeline } from '../../../../src/domain/plan/timeline.ts';
import { formatFenCompact } from '../../../../src/domain/money.ts';
import { staffedRoles, staffingGrid, teamAt } from '../../../../src/domain/plan/staffing-plan.ts';
import { plan as planSchema } from '../../../../src/schema/collections.ts';

const { handbook } = await loadContent(path.resolve('content'), { today: '2026-11-25' });
const home = handbook.plans.find((p) => p.id === 'home-2014')!.data;

describe('chart data of the 2014 plan', () => {
  const data = planChartData(planFigures(home));
  it('holds the months in yuan with ROI per month', () => {
    expect(data.monthly.labels).toHaveLength(12);
    expect(data.monthly.revenue[10]).toBe(1_000_000);
    expect(data.monthly.marketing[10]).toBe(300_000);
    expect(data.monthly.roi[10]).toBe(3.33);
  });
  it('runs the cumulative revenue up to the 430万 target', () => {
    expect(data.cumulative.cumulative.at(-1)).toBe(4_300_000);
    expect(data.cumulative.target).toBe(4_300_000);
  });
  it('adds marketing per stage and keeps the stage budget lines beside it', () => {
    expect(data.stages.labels).toEqual(['建设期', '巩固期', '发展期', '完善期']);
    expect(data.stages.marketing).toEqual([150_000, 187_500, 262_500, 500_000]);
    expect(data.stages.budgetLines).toEqual([150_000, 162_500, 262_500, null]);
  });
  it('shades the default ROI bands from 0 up', () => {
    expect(data.bands).toEqual([
      { from: 0, to: 3, label: '不及格' },
      { from: 3, to: 4, label: '及格' },
      { from: 4, to: 5, label: '良好' },
      { from: 5, to: null, label: '优秀' },
    ]);
  });
});

describe('chart data with undecided and zero amounts', () => {
  const plan = planSchema.parse({
    title: 't',
    store: 's',
    period: { start: '2017-03', end: '2017-05' },
    months: [
      { month: '2017-03', revenue: 0, marketing: 0 },
      { month: '2017-04', revenue: '待定', marketing: 1000 },
      { month: '2017-05', revenue: 60000, marketing: '待定' },
    ],
  });
  const data = planChartData(planFigures(plan, 'en'));
  it('uses null, never Infinity or 0, for what cannot be stated', () => {
    expect(data.monthly.roi).toEqual([null, null, null]);
    expect(data.monthly.revenue).toEqual([0, null, 60000]);
    expect(data.cumulative.cumulative).toEqual([0, null, null]);
    expect(data.cumulative.target).toBeNull();
    expect(data.bands[0]!.label).toBe('fail');
  });
});

describe('stage timeline', () => {
  it('places the 2014 stages on the month grid and marks 双十一', () => {
    const timeline = planTimeline(home);
    expect(timeline.months).toHaveLength(12);
    expect(timeline.months[10]).toMatchObject({ month: '2014-11', promotion: '双十一', column: 11 });
    expect(timeline.rows.map((r) => [r.id, r.startColumn, r.endColumn])).toEqual([
      ['build', 1, 4],
      ['consolidate', 4, 7],
      ['growth', 7, 10],
      ['mature', 10, 13],
    ]);
    expect(timeline.rows[3]!.milestones).toEqual([{ month: '2014-11', title: '双十一', column: 11 }]);
  });
  it('clips stages that run past the period and drops reversed ones', () => {
    const plan = planSchema.parse({
      title: 't',
      store: 's',
      period: { start: '2014-01', end: '2014-03' },
      stages: [
        { id: 'a', name: 'A', start: '2013-11', end: '2014-02' },
        { id: 'b', name: 'B', start: '2014-03', end: '2014-02' },
        { id: 'c', name: 'C', start: '2012-07', end: '2012-09' },
      ],
    });
    const timeline = planTimeline(plan);
    expect(timeline.rows).toEqual([{ id: 'a', name: 'A', startColumn: 1, endColumn: 3, clipped: true, milestones: [] }]);
  });
});

describe('team headcount by daily orders', () => {
  const roles = staffedRoles(handbook.roles);
  it('follows the sample steps: agents and packers at 50 and 150, a promoter at 50, an analyst at 250', () => {
    expect(teamAt(roles, 0).perRole).toMatchObject({ 'presales-cs': 1, 'warehouse-keeper': 1, promoter: 0, 'data-analyst': 0 });
    expect(teamAt(roles, 150).perRole).toMatchObject({ 'presales-cs': 3, 'warehouse-keeper': 3, promoter: 1, 'data-analyst': 0 });
    expect(teamAt(roles, 250).perRole).toMatchObject({ 'data-analyst': 1 });
    expect(staffingGrid(roles).map((r) => r.ordersPerDay)).toEqual([50, 100, 150, 250, 350]);
  });
});

describe('compact amounts for headlines', () => {
  it.each([
    [430_000_000, 'en', '¥4.3M'],
    [8_500_000, 'en', '¥85K'],
    [118_800, 'en', '¥1,188'],
    [430_000_000, 'zh-CN', '430万元'],
  ] as const)('%d fen → %s', (fen, locale, text) => {
    expect(formatFenCompact(fen, locale)).toBe(text);
  });
});
