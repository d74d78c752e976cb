/**
 * The sections of a plan page, in order: the page body, its print contents and anything else that lists
 * them read this one list, so an anchor or a condition is never typed twice.
 */
import type { PlanData } from '../../schema/collections.ts';

export type PlanSectionId =
  'summary' | 'actuals' | 'declared' | 'charts' | 'months' | 'timeline' | 'stages' | 'roi-bands' | 'fixed-costs' | 'staffing' | 'details';

export interface PlanSection {
  /** The section's anchor on the page. */
  readonly id: PlanSectionId;
  /** Its heading: a key of the UI dictionary. */
  readonly label:
    | 'report.summary'
    | 'actuals.title'
    | 'plan.declared'
    | 'charts.title'
    | 'plan.months'
    | 'timeline.title'
    | 'plan.stages'
    | 'plan.roiBands'
    | 'plan.fixedCosts'
    | 'staffing.title'
    | 'plan.details';
}

interface PlanShape {
  readonly data: Pick<PlanData, 'totals' | 'months' | 'stages' | 'fixedCosts'>;
  /** The plan file has a Markdown body (its analysis). */
  readonly hasBody: boolean;
  /** The plan has actuals (content/actuals/<id>/): the 执行跟踪 section follows the headline figures. */
  readonly hasActuals?: boolean;
  /**
   * Every declared total equals its months: the summary's figures already say it, so the section would
   * only repeat them (and a "matches" line reads as all clear next to the stage problems).
   */
  readonly declaredMatches?: boolean;
}

const SECTIONS: readonly (PlanSection & { readonly shown: (plan: PlanShape) => boolean })[] = [
  { id: 'summary', label: 'report.summary', shown: () => true },
  { id: 'actuals', label: 'actuals.title', shown: ({ hasActuals }) => Boolean(hasActuals) },
  { id: 'declared', label: 'plan.declared', shown: ({ data, declaredMatches }) => Boolean(data.totals?.revenue || data.totals?.marketing) && !declaredMatches },
  { id: 'charts', label: 'charts.title', shown: ({ data }) => data.months.length > 0 },
  { id: 'months', label: 'plan.months', shown: ({ data }) => data.months.length > 0 },
  { id: 'timeline', label: 'timeline.title', shown: ({ data }) => data.stages.length > 0 },
  { id: 'stages', label: 'plan.stages', shown: ({ data }) => data.stages.length > 0 },
  { id: 'roi-bands', label: 'plan.roiBands', shown: () => true },
  { id: 'fixed-costs', label: 'plan.fixedCosts', shown: ({ data }) => data.fixedCosts.length > 0 },
  { id: 'staffing', label: 'staffing.title', shown: () => true },
  { id: 'details', label: 'plan.details', shown: ({ hasBody }) => hasBody },
];

/** The sections this plan's page shows, in page order. */
export function planSections(plan: PlanShape): PlanSection[] {
  return SECTIONS.filter((section) => section.shown(plan)).map(({ id, label }) => ({ id, label }));
}

/** The print version's contents: its sections after page 1 (the summary is page 1 itself, with its static chart). */
export function printContents(plan: PlanShape): PlanSection[] {
  return planSections(plan).filter((section) => section.id !== 'summary' && section.id !== 'charts');
}
