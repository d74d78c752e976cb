/**
 * The plan checks of src/check/cross-checks.ts on a plan read part by part (src/check/parts.ts): whatever
 * one part's schema error, every check that does not read it gives the same problems as on the valid plan,
 * and a check that does read it is listed in a check.skipped notice at that part. Never a crash.
 */
import { describe, expect, it } from 'vitest';
import { checkHandbook } from '../../../src/check/cross-checks.ts';
import { readParts } from '../../../src/check/parts.ts';
import { formatPath, type PathSegment, type Problem } from '../../../src/check/problems.ts';
import { RULES } from '../../../src/check/rules.ts';
import { plan, site } from '../../../src/schema/collections.ts';
import type { Handbook } from '../../../src/domain/handbook.ts';

const FILE = 'plans/y.yaml';

/** A plan with one problem of each kind the checks find: a totals gap, a month missing, a stage budget gap, an overlap. */
const PLAN = {
  title: '年度计划',
  store: '测试店',
  period: { start: '2014-01', end: '2014-04' },
  totals: { revenue: '62.5万', marketing: '13.5万' },
  months: [
    { month: '2014-01', revenue: '20万', marketing: '4.5万' },
    { month: '2014-02', revenue: '20万', marketing: '4.5万' },
    { month: '2014-03', revenue: '20万', marketing: '4.5万' },
  ],
  stages: [
    { id: 'build', name: '建设期', start: '2014-01', end: '2014-02', budget: [{ item: '直通车', amount: '8万' }], targets: { revenue: '40万' } },
    { id: 'sale', name: '销售期', start: '2014-02', end: '2014-04', milestones: [{ month: '2014-03', title: '大促' }] },
  ],
  fixedCosts: [{ item: '生意参谋', amount: '3096元', per: 'year' }],
  roi: { below: '差', bands: [{ min: 3, label: '好' }] },
  tracking: { lowAttainment: '80%', channels: ['抖音'] },
};

const handbook: Handbook = { site: site.parse({ name: 'x' }), departments: [], roles: [], sops: [], plans: [], glossary: [], cadence: [] };

function check(raw: unknown): Problem[] {
  const parts = readParts(plan, raw);
  return checkHandbook(handbook, { today: '2026-11-25', references: [], partial: { plans: [{ id: 'y', file: FILE, parts }] } });
}

const row = (p: Problem) => `${p.rule} ${formatPath(p.path)}`;
/** A problem with its facts: a check run on parts must not report other amounts or months than on the whole plan. */
const full = (p: Problem) => `${row(p)} ${JSON.stringify(p.params)}`;

/** Every path of a value: each mapping key and list item, at any depth. */
function pathsOf(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...path, i], ...pathsOf(item, [...path, i])]);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, v]) => [[...path, key], ...pathsOf(v, [...path, key])]);
  return [];
}

function withValue(root: unknown, path: readonly PathSegment[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<PropertyKey, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key as string] as Record<PropertyKey, unknown>;
  node[path.at(-1) as string] = value;
  return copy;
}

const VALID = check(PLAN);

describe('plan checks on a plan read part by part', () => {
  it('the valid plan gives one problem of each kind', () => {
    expect(VALID.map(row)).toEqual([
      'plan.monthMissing months',
      'plan.totals totals.revenue',
      'stage.budget stages[0].budget',
      'stage.overlap stages[1].start',
    ]);
  });

  it('an empty store, an unknown ROI grade or a bad fixed cost hides nothing', () => {
    for (const [path, value] of [
      [['store'], ''],
      [['title'], ['a']],
      [['roi'], '高'],
      [['fixedCosts', 0, 'per'], 'yearly'],
      [['tracking', 'channels'], 3],
      [['stages', 1, 'milestones', 0, 'title'], ''],
    ] as const) {
      expect(check(withValue(PLAN, path, value)).map(row), formatPath(path)).toEqual(VALID.map(row));
    }
  });

  const GARBAGE: unknown[] = ['', '坏的', 42, [], {}, null, ['x'], { x: 1 }];
  const PATHS = pathsOf(PLAN);

  it.each(PATHS.map((p) => [formatPath(p), p] as const))('%s broken: no crash, nothing new, and what is not reported is listed as skipped', (_, path) => {
    for (const value of GARBAGE) {
      const raw = withValue(PLAN, path, value);
      const parts = readParts(plan, raw);
      if (parts.broken.length === 0) continue;
      const problems = check(raw);
      for (const p of problems) {
        expect(Object.keys(RULES)).toContain(p.rule);
        expect(p.file).toBe(FILE);
      }
      const skipped = problems.filter((p) => p.rule === 'check.skipped');
      for (const p of skipped) {
        expect(parts.broken.map((b) => formatPath(b))).toContain(formatPath(p.path));
        expect((p.params.checks as string[]).length).toBeGreaterThan(0);
      }
      // A problem of the valid plan that is gone had a check that read the broken part: then a notice says so,
      // unless the broken part is the very field the problem is about (its own schema error says it).
      // Nothing but the notices is new: a part that cannot be read never shows as a wrong amount or a missing month.
      const before = new Set(VALID.map(full));
      expect(problems.filter((p) => p.rule !== 'check.skipped' && !before.has(full(p))).map(full), `${JSON.stringify(value)} at ${formatPath(path)}`).toEqual(
        [],
      );
      const now = new Set(problems.map(full));
      const gone = VALID.filter((p) => !now.has(full(p)));
      for (const p of gone) {
        const own = parts.broken.some((b) => formatPath(p.path).startsWith(formatPath(b)) || formatPath(b).startsWith(formatPath(p.path)));
        expect(own || skipped.length > 0, `${row(p)} hidden by ${JSON.stringify(value)} at ${formatPath(path)}`).toBe(true);
      }
    }
  });
});
