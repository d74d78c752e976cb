/**
 * The rhythm page's week: seven columns, Monday to Sunday, each with that day's
 * weekly items by time (untimed ones first: they span the day). Days without
 * an item are kept, so the grid always shows the whole week.
 */
import { WEEKDAYS, type CadenceItemData } from '../../schema/collections.ts';
import { cadenceSchedule, type Weekday } from './cadence.ts';

export interface WeekDay {
  readonly day: Weekday;
  /** Saturday and Sunday. */
  readonly weekend: boolean;
  readonly items: readonly CadenceItemData[];
}

export function weekGrid(items: readonly CadenceItemData[]): WeekDay[] {
  const byDay = new Map(cadenceSchedule(items).weekly.map((g) => [g.day, g.items]));
  return WEEKDAYS.map((day) => ({ day, weekend: day === 'sat' || day === 'sun', items: byDay.get(day) ?? [] }));
}
