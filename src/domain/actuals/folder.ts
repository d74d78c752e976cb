/**
 * content/actuals/<plan-id>/ → one ActualsModel per plan. The checker and the site both call this,
 * so the figures a page shows are the ones the checker checked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../../check/problems.ts';
import type { PlanData } from '../../schema/collections.ts';
import { foldScript } from '../script.ts';
import { nearest } from '../text.ts';
import { isTraditional, type Locale } from '../../i18n/index.ts';
import { readCsvActuals } from './csv.ts';
import { buildActuals, type ActualsModel, type PlanForActuals } from './model.ts';
import { problem, type ActualsFile } from './records.ts';
import { readYamlActuals } from './yaml.ts';

export const ACTUALS_FOLDER = 'actuals';
const SPREADSHEET_EXTENSIONS = ['.xls', '.xlsx', '.xlsm', '.et', '.ods', '.numbers', '.tsv', '.txt'];
export const DEFAULT_LOW_ATTAINMENT = 0.8;

function walk(root: string, relative = ''): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(root, relative), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const rel = relative ? `${relative}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(root, rel));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

/** Code-point order of the path relative to the plan folder ("first" in messages). */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What the actuals of a plan are read against: its period, months and tracking settings. A plan that
 * failed its schema elsewhere (an empty `store`) still has these when they parsed (check/load.ts).
 */
export interface ActualsPlanEntry {
  readonly id: string;
  readonly data: Pick<PlanData, 'period' | 'months' | 'tracking'> & Partial<Pick<PlanData, 'title' | 'store'>>;
}

export function planForActuals(plan: ActualsPlanEntry): PlanForActuals {
  const targets = new Map<string, { revenue: number | null; marketing: number | null }>();
  for (const row of plan.data.months) {
    targets.set(row.month, {
      revenue: row.revenue.kind === 'amount' ? row.revenue.fen : null,
      marketing: row.marketing.kind === 'amount' ? row.marketing.fen : null,
    });
  }
  return { id: plan.id, period: plan.data.period, targets, lowAttainment: plan.data.tracking?.lowAttainment ?? DEFAULT_LOW_ATTAINMENT };
}

export interface ActualsRead {
  readonly models: Map<string, ActualsModel>;
  readonly problems: Problem[];
}

export interface ReadActualsOptions {
  /** Plans that exist but failed their schema: their folders are not "unknown". */
  readonly invalidPlanIds?: readonly string[];
  readonly locale?: Locale;
}

/** Reads every plan's actuals folder under `contentRoot`; `files` lets tests pass bytes directly. */
export function readActuals(contentRoot: string, plans: readonly ActualsPlanEntry[], options: ReadActualsOptions = {}): ActualsRead {
  const base = path.join(contentRoot, ACTUALS_FOLDER);
  const problems: Problem[] = [];
  const models = new Map<string, ActualsModel>();
  try {
    if (!statSync(base).isDirectory()) return { models, problems };
  } catch {
    return { models, problems };
  }
  const byPlan = new Map<string, string[]>();
  const planIds = plans.map((p) => p.id);
  const known = new Set([...planIds, ...(options.invalidPlanIds ?? [])]);
  for (const rel of walk(base).sort(byCodePoint)) {
    const file = `${ACTUALS_FOLDER}/${rel}`;
    const slash = rel.indexOf('/');
    const folder = slash === -1 ? undefined : rel.slice(0, slash);
    if (folder === undefined || !known.has(folder)) {
      problems.push(problem('actuals.unknownPlan', file, [], { folder, plans: planIds, suggestion: folder ? suggestPlan(folder, plans) : undefined }));
      continue;
    }
    const list = byPlan.get(folder) ?? [];
    list.push(rel.slice(slash + 1));
    byPlan.set(folder, list);
  }
  for (const plan of plans) {
    const names = byPlan.get(plan.id);
    if (!names) continue;
    const channels = plan.data.tracking?.channels ?? [];
    const files: ActualsFile[] = [];
    for (const name of names) {
      const file = `${ACTUALS_FOLDER}/${plan.id}/${name}`;
      const extension = path.extname(name).toLowerCase();
      if (extension === '.csv')
        files.push(
          readCsvActuals(file, readFileSync(path.join(contentRoot, file)), {
            channels,
            big5First: options.locale !== undefined && isTraditional(options.locale),
          }),
        );
      else if (extension === '.yaml' || extension === '.yml') files.push(readYamlActuals(file, readFileSync(path.join(contentRoot, file)), { channels }));
      else if (SPREADSHEET_EXTENSIONS.includes(extension)) {
        files.push({
          file,
          format: 'csv',
          records: [],
          erroneousKeys: [],
          problems: [problem('actuals.spreadsheet', file, [], { extension })],
          fileError: true,
        });
      } else problems.push(problem('file.ignored', file, [], { folder: `${ACTUALS_FOLDER}/${plan.id}`, expected: '.csv / .yaml / .yml' }));
    }
    const model = buildActuals(planForActuals(plan), `${ACTUALS_FOLDER}/${plan.id}`, files);
    problems.push(...model.problems);
    models.set(plan.id, model);
  }
  return { models, problems };
}

/** The nearest plan id, or a plan whose title or store the folder names. */
function suggestPlan(folder: string, plans: readonly ActualsPlanEntry[]): string | undefined {
  const near = nearest(
    folder,
    plans.map((p) => p.id),
  );
  if (near) return near;
  const key = foldScript(folder);
  return plans.find((p) => foldScript(p.data.title ?? '').includes(key) || (p.data.store !== undefined && key.includes(foldScript(p.data.store))))?.id;
}
