/**
 * When an SOP is due for review, and whether that day has come. "Today" is
 * passed in (the build date), never read from the clock, so pages and the
 * checker agree and two builds of the same content are the same.
 */
import { addMonthsToDate } from '../time.ts';

export interface ReviewStatus {
  /** Date of the last review, when the SOP gives one. */
  readonly updated?: string;
  /** Months between reviews. */
  readonly every: number;
  /** The review is due on this day: `updated` + `every` months (clamped to the month's last day). */
  readonly due?: string;
  /** `today` is on or after `due`: the SOP should have been reviewed before that day. */
  readonly overdue: boolean;
}

/** An SOP without `updated` has no due date and is never overdue. Dates are YYYY-MM-DD. */
export function reviewStatus(sop: { readonly updated?: string; readonly reviewEvery: number }, today: string): ReviewStatus {
  if (!sop.updated) return { every: sop.reviewEvery, overdue: false };
  const due = addMonthsToDate(sop.updated, sop.reviewEvery);
  return { updated: sop.updated, every: sop.reviewEvery, due, overdue: today >= due };
}
