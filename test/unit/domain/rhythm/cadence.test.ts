import { describe, expect, it } from 'vitest';
import { cadenceOfSop, cadenceOwnedBy, cadenceSchedule, cadenceWhen } from '../../../../src/domain/rhythm/cadence.ts';
import { useTranslations } from '../../../../src/i18n/index.ts';
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
  { title: '周复盘', every: 'week', at: '16:00', owner: 'director' },
  { title: '仓库大扫除', every: 'week' },
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

  it('keeps weekly items without a day (once a week, any day) apart from the weekdays, by time', () => {
    expect(schedule.weeklyAnyDay.map((i) => i.title)).toEqual(['仓库大扫除', '周复盘']);
    expect(schedule.weekly.flatMap((g) => g.items).map((i) => i.title)).not.toContain('周复盘');
  });

  it('orders monthly items by day of month, items without a day last', () => {
    expect(schedule.monthly.map((i) => i.title)).toEqual(['月度核算', '团队活动', '月中检查']);
  });

  it('is empty for an empty cadence', () => {
    expect(cadenceSchedule([])).toEqual({ daily: [], weekly: [], weeklyAnyDay: [], monthly: [] });
  });
});

describe('cadenceOwnedBy / cadenceOfSop', () => {
  it("lists a role's items in schedule order", () => {
    expect(cadenceOwnedBy('director', items).map((i) => i.title)).toEqual(['首页巡检', '复盘会', '周一例会', '周复盘', '团队活动']);
    expect(cadenceOwnedBy('nobody', items)).toEqual([]);
  });

  it("lists an SOP's items", () => {
    expect(cadenceOfSop('review', items).map((i) => i.title)).toEqual(['复盘会']);
    expect(cadenceOfSop('none', items)).toEqual([]);
  });
});

describe('cadenceWhen', () => {
  const t = useTranslations('zh-CN');
  const when = (title: string, time = false) =>
    cadenceWhen(
      items.find((i) => i.title === title)!,
      t,
      { time },
    );

  it('says the weekday or the day of month, else how often', () => {
    expect(when('周一例会')).toBe('周一');
    expect(when('周一例会', true)).toBe('周一 10:00');
    expect(when('团队活动')).toBe('每月 25 日');
    expect(when('月中检查')).toBe('每月');
    expect(when('周复盘', true)).toBe('每周 16:00');
    expect(when('复盘会')).toBe('工作日');
  });
});
