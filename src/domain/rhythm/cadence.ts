/** The team's recurring rhythm (cadence.yaml), grouped for reading: every day, by weekday, by day of month. */
import { WEEKDAYS, type CadenceItemData } from '../../schema/collections.ts';
import type { Translate } from '../../i18n/index.ts';

export type Weekday = (typeof WEEKDAYS)[number];

export interface CadenceSchedule {
  /** Items done every day or every working day, by time. */
  readonly daily: CadenceItemData[];
  /** Days mon..sun that have items, in week order, each with its items by time. */
  readonly weekly: { readonly day: Weekday; readonly items: CadenceItemData[] }[];
  /** Weekly items without a day (once a week, any day), by time. */
  readonly weeklyAnyDay: CadenceItemData[];
  /** Monthly items by day of month (items without a day last), then time. */
  readonly monthly: CadenceItemData[];
}

/** Untimed items first (they span the day), then by HH:MM; ties keep the file's order. */
function byTime(a: CadenceItemData, b: CadenceItemData): number {
  return minutes(a.at) - minutes(b.at);
}

function minutes(at: string | undefined): number {
  if (at === undefined) return -1;
  const [h, m] = at.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function cadenceSchedule(items: readonly CadenceItemData[]): CadenceSchedule {
  const daily = items.filter((i) => i.every === 'day' || i.every === 'weekday').sort(byTime);
  const weekly = WEEKDAYS.map((day) => ({
    day,
    items: items.filter((i) => i.every === 'week' && i.on === day).sort(byTime),
  })).filter((group) => group.items.length > 0);
  const weeklyAnyDay = items.filter((i) => i.every === 'week' && i.on === undefined).sort(byTime);
  const dayOf = (i: CadenceItemData) => (typeof i.on === 'number' ? i.on : Infinity);
  const monthly = items.filter((i) => i.every === 'month').sort((a, b) => dayOf(a) - dayOf(b) || byTime(a, b));
  return { daily, weekly, weeklyAnyDay, monthly };
}

/**
 * When an item happens, in words: its weekday or day of month, else how often (每周 for a weekly item
 * without a day), then its time. One wording for the rhythm page, role and SOP pages and the onboarding path.
 */
export function cadenceWhen(item: CadenceItemData, t: Translate, options: { time?: boolean } = {}): string {
  const day =
    item.every === 'week' && typeof item.on === 'string'
      ? t(`weekday.${item.on}`)
      : item.every === 'month' && typeof item.on === 'number'
        ? t('rhythm.dayOfMonth', { n: item.on })
        : t(`every.${item.every}`);
  return options.time && item.at ? `${day} ${item.at}` : day;
}

/** Cadence items a role owns, in schedule order (daily, weekly, monthly). */
export function cadenceOwnedBy(roleId: string, items: readonly CadenceItemData[]): CadenceItemData[] {
  return scheduleOrder(items).filter((i) => i.owner === roleId);
}

/** Cadence items that run an SOP, in schedule order. */
export function cadenceOfSop(sopId: string, items: readonly CadenceItemData[]): CadenceItemData[] {
  return scheduleOrder(items).filter((i) => i.sop === sopId);
}

function scheduleOrder(items: readonly CadenceItemData[]): CadenceItemData[] {
  const schedule = cadenceSchedule(items);
  return [...schedule.daily, ...schedule.weekly.flatMap((g) => g.items), ...schedule.weeklyAnyDay, ...schedule.monthly];
}
