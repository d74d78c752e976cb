import { describe, expect, it } from 'vitest';
import { weekGrid } from '../../../../src/domain/rhythm/week-grid.ts';
import * as schemas from '../../../../src/schema/collections.ts';

const items = schemas.cadence.parse([
  { title: '周一例会', every: 'week', on: 'mon', at: '10:00' },
  { title: '首页巡检', every: 'day', at: '09:00' },
  { title: '周一团购', every: 'week', on: 'mon' },
  { title: '周报', every: 'week', on: 'mon', at: '9:30' },
  { title: '周日盘点', every: 'week', on: 'sun' },
  { title: '月度核算', every: 'month', on: 1 },
]);

describe('weekGrid', () => {
  const grid = weekGrid(items);

  it('always has the seven days Monday to Sunday, weekend marked', () => {
    expect(grid.map((d) => d.day)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(grid.filter((d) => d.weekend).map((d) => d.day)).toEqual(['sat', 'sun']);
  });

  it('puts each weekly item on its day, untimed first, then by time', () => {
    expect(grid[0]!.items.map((i) => i.title)).toEqual(['周一团购', '周报', '周一例会']);
    expect(grid[6]!.items.map((i) => i.title)).toEqual(['周日盘点']);
    expect(grid[1]!.items).toEqual([]);
  });

  it('leaves daily and monthly items to their own lists', () => {
    expect(grid.flatMap((d) => d.items).map((i) => i.title)).not.toContain('首页巡检');
    expect(grid.flatMap((d) => d.items).map((i) => i.title)).not.toContain('月度核算');
  });

  it('is an empty week without items', () => {
    expect(weekGrid([]).every((d) => d.items.length === 0)).toBe(true);
  });
});
