/**
 * What a plan's three pages (the page, its print version, its one-page summary) start from: the page
 * context, the plan handed in by getStaticPaths, its figures and the addresses of its versions. Each page
 * writes `const { data, hrefs, … } = await planPage(Astro.props.entry);` and nothing else to set itself up.
 */
import type { Entry } from '../domain/handbook.ts';
import { planFigures, type PlanFigures } from '../domain/plan/plan.ts';
import { declaredTotalsMatch } from '../domain/plan/plan-view.ts';
import { printContents, type PlanSectionId } from '../domain/plan/sections.ts';
import { planOpenItems, type OpenItem } from '../check/plan-items.ts';
import { actualsOf } from './actuals.ts';
import { checkerProblems } from './problems.ts';
import type { PlanData } from '../schema/collections.ts';
import { pageContext, type PageContext } from './context.ts';

export interface PlanPage extends PageContext {
  readonly plan: Entry<PlanData>;
  readonly data: PlanData;
  /** The site's base (import.meta.env.BASE_URL). */
  readonly base: string;
  readonly colon: string;
  /** Who the plan's documents come from (PDF author, report headings): the organization, else the site's name. */
  readonly organization: string;
  readonly figures: PlanFigures;
  /** The plan's page, its print version, its one-page summary and its PDF (made by `npm run pdf`). */
  readonly hrefs: { readonly page: string; readonly print: string; readonly summary: string; readonly pdf: string };
}

export async function planPage(plan: Entry<PlanData>): Promise<PlanPage> {
  const context = await pageContext();
  const base = import.meta.env.BASE_URL;
  const page = `${base}plans/${plan.id}/`;
  return {
    ...context,
    plan,
    data: plan.data,
    base,
    colon: context.t('punct.colon'),
    organization: context.site.organization ?? context.site.name,
    figures: planFigures(plan.data, context.locale),
    hrefs: { page, print: `${page}print/`, summary: `${page}summary/`, pdf: `${base}pdf/${plan.id}.pdf` },
  };
}

/**
 * The print version's contents: the sections after page 1 (the summary is page 1 itself), with their
 * headings; scripts/pdf.ts fills in their pages.
 */
export async function planPrintContents(page: PlanPage, hasBody: boolean): Promise<{ id: PlanSectionId; label: string }[]> {
  const { plan, data, figures, t } = page;
  const hasActuals = Boolean(await actualsOf(plan.id));
  const declaredMatches = declaredTotalsMatch(data.totals, figures);
  return printContents({ data, hasBody, hasActuals, declaredMatches }).map((section) => ({ id: section.id, label: t(section.label) }));
}

/** The plan's open items (待确认事项): what the build's own check found in its file and its actuals. */
export async function planItems(page: PlanPage): Promise<OpenItem[]> {
  const { plan, data, locale } = page;
  return planOpenItems(await checkerProblems(), plan.file, data, locale, `actuals/${plan.id}`);
}
