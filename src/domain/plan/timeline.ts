/**
 * A month-by-month Gantt of a plan's stages: one column per month of the
 * period, one row per stage, milestones and big-promotion months marked.
 */
import type { PlanData } from '../../schema/collections.ts';
import { monthIndex, monthsBetween, type Month } from '../time.ts';

/** Platform-wide promotions a store plans around, by calendar month. */
export const PROMOTION_MONTHS: Readonly<Record<number, string>> = { 6: '618', 11: '双十一', 12: '双十二' };

export interface TimelineRow {
  readonly id: string;
  readonly name: string;
  /** 1-based grid columns: the stage spans [startColumn, endColumn) of the months. */
  readonly startColumn: number;
  readonly endColumn: number;
  /** Parts outside the period are cut off; this says so. */
  readonly clipped: boolean;
  readonly milestones: { readonly month: Month; readonly title: string; readonly column: number }[];
}

export interface Timeline {
  readonly months: { readonly month: Month; readonly label: string; readonly promotion?: string; readonly column: number }[];
  readonly rows: TimelineRow[];
}

export function planTimeline(plan: Pick<PlanData, 'period' | 'stages'>): Timeline {
  const months = monthsBetween(plan.period.start, plan.period.end);
  const first = monthIndex(plan.period.start);
  const last = monthIndex(plan.period.end);
  const column = (m: Month) => monthIndex(m) - first + 1;
  const rows = plan.stages
    .filter((stage) => monthIndex(stage.start) <= monthIndex(stage.end))
    .filter((stage) => monthIndex(stage.end) >= first && monthIndex(stage.start) <= last)
    .map((stage) => {
      const start = Math.max(monthIndex(stage.start), first);
      const end = Math.min(monthIndex(stage.end), last);
      return {
        id: stage.id,
        name: stage.name,
        startColumn: start - first + 1,
        endColumn: end - first + 2,
        clipped: start !== monthIndex(stage.start) || end !== monthIndex(stage.end),
        milestones: stage.milestones
          .filter((m) => monthIndex(m.month) >= first && monthIndex(m.month) <= last)
          .map((m) => ({ month: m.month, title: m.title, column: column(m.month) })),
      };
    });
  return {
    months: months.map((month) => {
      const mon = Number(month.slice(5));
      return { month, label: `${mon}`, promotion: PROMOTION_MONTHS[mon], column: column(month) };
    }),
    rows,
  };
}
