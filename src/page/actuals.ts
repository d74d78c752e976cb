/**
 * Actuals for pages: the same reader the checker runs (src/domain/actuals/folder.ts) over the same
 * content folder, once per build. The build's check has already stopped on any error, so pages only
 * ever see data the checker accepted.
 */
import type { Entry } from '../domain/handbook.ts';
import type { PlanData } from '../schema/collections.ts';
import { readActuals } from '../domain/actuals/folder.ts';
import type { ActualsModel } from '../domain/actuals/model.ts';
import { actualsFigures, type ActualsFigures } from '../domain/actuals/figures.ts';
import { roiBands, type RoiBands } from '../domain/plan/plan.ts';
import { weeklyFigures, type WeekFigures } from '../domain/actuals/week.ts';
import { contentDir } from '../integrations/content-dir.ts';
import { loadHandbook } from './handbook.ts';

export interface PlanActuals {
  readonly plan: Entry<PlanData>;
  readonly model: ActualsModel;
  readonly figures: ActualsFigures;
  readonly bands: RoiBands;
  /** The weeks with daily data (周报), in order. */
  readonly weeks: readonly WeekFigures[];
}

let cached: Promise<Map<string, PlanActuals>> | undefined;

export function loadActuals(): Promise<Map<string, PlanActuals>> {
  // In `astro dev` a CSV edit reaches no module graph: read the folder again for each page then.
  if (import.meta.env?.DEV) cached = undefined;
  cached ??= (async () => {
    const handbook = await loadHandbook();
    const locale = handbook.site.locale;
    const { models } = readActuals(contentDir(), handbook.plans, { locale });
    const out = new Map<string, PlanActuals>();
    for (const plan of handbook.plans) {
      const model = models.get(plan.id);
      if (!model) continue;
      const bands = roiBands(plan.data, locale);
      const figures = actualsFigures(plan.data, model, bands);
      out.set(plan.id, { plan, model, figures, bands, weeks: weeklyFigures(plan.data, model, figures, bands) });
    }
    return out;
  })();
  return cached;
}

export async function actualsOf(planId: string): Promise<PlanActuals | undefined> {
  return (await loadActuals()).get(planId);
}

/**
 * The getStaticPaths of a plan's reviews (月报, 周报): one page per plan and key (a month, a week), with its view
 * model as the page's props.
 */
export async function reviewPaths<P extends string, R>(param: P, pages: (a: PlanActuals) => readonly { key: string; review: R }[]) {
  return [...(await loadActuals()).values()].flatMap((a) =>
    pages(a).map((page) => ({ params: { id: a.plan.id, [param]: page.key } as { id: string } & Record<P, string>, props: { review: page.review } })),
  );
}
