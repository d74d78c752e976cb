/** The 待确认事项 of a plan come from the checker's run over the handbook, not from retyped text. */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadContent } from '../../../src/check/load.ts';
import { planOpenItems } from '../../../src/check/plan-items.ts';
import type { Problem } from '../../../src/check/problems.ts';

const { handbook, problems } = await loadContent(path.resolve('content'), { today: '2026-11-25' });
const plan = (id: string) => handbook.plans.find((p) => p.id === id)!;
const items = (id: string, locale: 'zh-CN' | 'zh-TW' | 'en' = 'zh-CN') => planOpenItems(problems, plan(id).file, plan(id).data, locale, `actuals/${id}`);

describe('planOpenItems on the sample handbook', () => {
  it('lists the 巩固期 budget warning of home-2014 with both amounts and the difference, linked to its row', () => {
    const [item, ...actuals] = items('home-2014');
    expect(item).toMatchObject({ severity: 'warning', rule: 'stage.budget', anchor: 'stage-consolidate-budget' });
    expect(item!.text).toBe('巩固期预算明细 16.25万元，各月合计 18.75万元，相差 2.5万元');
    // Then the warnings about its actuals (content/actuals/home-2014/), linked to the 执行跟踪 table.
    const fromActuals = problems.filter((p) => p.file.startsWith('actuals/home-2014/'));
    expect(actuals.map((a) => a.rule).sort()).toEqual(fromActuals.map((p) => p.rule).sort());
    expect(actuals.length).toBeGreaterThan(0);
    for (const a of actuals) expect(a.anchor).toBe('actuals-months');
    expect(actuals.map((a) => a.text).join('\n')).toContain('超支 3.5万元');
  });

  it('has nothing for a plan the checker passes', () => {
    expect(problems.some((p) => p.file === plan('launch-2017').file)).toBe(false);
    expect(items('launch-2017')).toEqual([]);
  });

  it('speaks Traditional Chinese and English', () => {
    expect(items('home-2014', 'zh-TW')[0]!.text).toContain('預算明細');
    expect(items('home-2014', 'en')[0]!.text).toBe('巩固期: budget lines ¥162,500, its months ¥187,500, a difference of ¥25,000');
  });
});

describe('planOpenItems wording', () => {
  const data = { stages: [{ id: 'warmup' }], months: [{ month: '2020-01' }, { month: '2020-02' }] };
  const at = (rule: string, pathInFile: Problem['path'], params: Problem['params'], severity: Problem['severity'] = 'error'): Problem => ({
    severity,
    rule,
    file: 'plans/p.md',
    path: pathInFile,
    params,
  });

  it('puts errors first, keeps other rules in the checker words and links months and totals', () => {
    const list = planOpenItems(
      [
        at('plan.monthMissing', ['months'], { count: 1, months: ['2020-03'] }, 'warning'),
        at('plan.totals', ['totals', 'revenue'], {
          field: 'revenue',
          declared: { fen: 100_000_00 },
          computed: { fen: 90_000_00 },
          difference: { fen: 10_000_00 },
          lowerBound: false,
        }),
        at('plan.monthOutside', ['months', 1, 'month'], { month: '2020-02', start: '2020-01', end: '2020-01' }),
        { ...at('stage.budget', ['stages', 0, 'budget'], {}), file: 'plans/other.md' },
      ],
      'plans/p.md',
      data,
      'zh-CN',
    );
    expect(list.map((i) => [i.rule, i.anchor])).toEqual([
      ['plan.totals', 'declared'],
      ['plan.monthOutside', 'month-2020-02'],
      ['plan.monthMissing', 'months'],
    ]);
    expect(list[0]!.text).toBe('计划书所列目标成交额合计 10万元，各月合计 9万元，相差 1万元');
    expect(list[2]!.text).toContain('2020-03');
  });
});
