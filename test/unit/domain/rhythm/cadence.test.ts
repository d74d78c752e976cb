import { describe, expect, it } from 'vitest';
import { cadenceOfSop, cadenceOwnedBy, cadenceSchedule } from '../../../../src/domain/rhythm/cadence.ts';
import * as schemas from '../../../../src/schema/collections.ts';

const items = schemas.cadence.parse([
  { title: '月度核算', every: 'month', on: 1, owner: 'finance', sop: 'monthly-report' },
  { title: '周一例会', every: 'week', on: 'mon', at: '10:00', owner: 'director' },
  { title: '团队活动', every: 'month', on: 25, owner: 'director' },
  { title: '周日盘点', every: 'week', on: 'sun', owner: 'keeper' },
  { title: '复盘会', every: 'weekday', at: '17:30', owner: 'director', sop: 'review' },
  { title: '首页巡检', every: 'day', at: '09:00', owner: 'director', sop: 'homepage' },
  { title: '周一团购', every: 'week', on: 'mon', owner: 'promoter' },
  { title: '周报', every: 'week', on: 'mon', at: '9:30', owner: 'analyst' },
  { title: '月中检查', every: 'month', at: '08:00' },
  { title: '值班', every: 'day' },
]);

describe('cadenceSchedule', () => {
  const schedule = cadenceSchedule(items);

  it('puts daily and weekday items together, untimed first, then by time', () => {
    expect(schedule.daily.map((i) => i.title)).toEqual(['值班', '首页巡检', '复盘会']);
  });

  it('groups weekly items by weekday in week order, each by time (9:30 before 10:00)', () => {
    expect(schedule.weekly.map((g) => g.day)).toEqual(['mon', 'sun']);
    expect(schedule.weekly[0]!.items.map((i) => i.title)).toEqual(['周一团购', '周报', '周一例会']);
  });

  it('orders monthly items by day of month, items without a day last', () => {
    expect(schedule.monthly.map((i) => i.title)).toEqual(['月度核算', '团队活动', '月中检查']);
  });

  it('is empty for an empty cadence', () => {
    expect(cadenceSchedule([])).toEqual({ daily: [], weekly: [], monthly: [] });
  });
});

describe('cadenceOwnedBy / cadenceOfSop', () => {
  it("lists a role's items in schedule order", () => {
    expect(cadenceOwnedBy('director', items).map((i) => i.title)).toEqual(['首页巡检', '复盘会', '周一例会', '团队活动']);
    expect(cadenceOwnedBy('nobody', items)).toEqual([]);
  });

  it("lists an SOP's items", () => {
    expect(cadenceOfSop('review', items).map((i) => i.title)).toEqual(['复盘会']);
    expect(cadenceOfSop('none', items)).toEqual([]);
  });
});
