/**
 * The guide's list of checker rules (src/guide/rules.ts) against the rule
 * table: every rule has an example and a fix, renders without holes in every
 * language, and its example uses the parameters the checker really produces.
 */
import type { Locale } from '../../../src/i18n/index.ts';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { exampleProblem, RULE_EXAMPLES, ruleGuide } from '../../../src/guide/rules.ts';
import { RULES, type RuleId } from '../../../src/check/rules.ts';
import { loadContent } from '../../../src/check/load.ts';
import { renderProblem } from '../../../src/check/report.ts';
import { guideRuleLink } from '../../../src/domain/urls.ts';
import { simplifiedToTraditional } from '../../../src/domain/script.ts';

const LANGS: readonly Locale[] = ['zh-CN', 'zh-TW', 'en'];
const HOLES = /undefined|NaN|\[object Object\]|Infinity|\$\{/;
const ids = Object.keys(RULES) as RuleId[];

describe('RULE_EXAMPLES', () => {
  it('has an example for every rule of the rule table, and for nothing else', () => {
    expect(Object.keys(RULE_EXAMPLES).sort()).toEqual([...ids].sort());
  });

  it('renders every rule in rule-table order', () => {
    for (const lang of LANGS) expect(ruleGuide(lang).map((e) => e.id)).toEqual(ids);
  });
});

describe.each(LANGS)('the guide entries in %s', (lang) => {
  const entries = ruleGuide(lang);

  it.each(entries.map((e) => [e.id, e] as const))('%s: title, message, output and fix have no holes', (id, entry) => {
    for (const text of [entry.title, entry.message, entry.output, entry.fix, entry.hint ?? '']) expect(text, id).not.toMatch(HOLES);
    expect(entry.title.length).toBeGreaterThan(1);
    expect(entry.message.length).toBeGreaterThan(3);
    expect(entry.fix.length, `${id} needs a hint or a fix`).toBeGreaterThan(5);
  });

  it.each(entries.map((e) => [e.id, e] as const))('%s: the output is what `npm run check` prints', (id, entry) => {
    const [first, hint] = entry.output.split('\n');
    expect(first).toMatch(new RegExp(`^content/${RULE_EXAMPLES[id].file.replace(/\./g, '\\.')}(:\\d+){0,2}  `));
    expect(first).toContain(entry.message);
    expect(first!.endsWith(`[${id}]`)).toBe(true);
    expect(entry.severity).toBe(RULES[id].severity);
    if (entry.hint) expect(hint).toContain(entry.hint);
    else expect(hint).toBeUndefined();
  });
});

describe('the examples', () => {
  it('are Traditional for zh-TW, like the checker itself', () => {
    const cycle = ruleGuide('zh-TW').find((e) => e.id === 'org.cycle')!;
    expect(cycle.message).toContain('形成了環');
    expect(cycle.title).toBe(simplifiedToTraditional(RULES['org.cycle'].title['zh-CN']));
    expect(cycle.output).toContain('錯誤');
  });

  it('use the parameter names the checker really reports (checked on the broken fixtures)', async () => {
    const { problems } = await loadContent(path.resolve('test/fixtures/broken'), { today: '2026-11-25' });
    const real = new Map<string, Set<string>>();
    for (const p of problems) for (const key of Object.keys(p.params)) real.set(p.rule, (real.get(p.rule) ?? new Set()).add(key));
    const seen = ids.filter((id) => real.has(id));
    // Most rules appear in the fixtures; their examples may not invent parameters.
    expect(seen.length).toBeGreaterThan(30);
    for (const id of seen) {
      const invented = Object.keys(RULE_EXAMPLES[id].params).filter((key) => !real.get(id)!.has(key));
      expect(invented, id).toEqual([]);
    }
  });

  it('render through the same code as the checker report', () => {
    const problem = exampleProblem('plan.totals');
    expect(ruleGuide('en').find((e) => e.id === 'plan.totals')!.message).toBe(renderProblem(problem, 'en').message);
    expect(renderProblem(problem, 'zh-CN').message).toBe('目标成交额合计写的是 65万元，各月之和为 60万元：合计多 5万元');
  });

  it('can be linked from a checker report: the anchor is the rule id', () => {
    expect(guideRuleLink('/', 'plan.totals', 'zh-CN')).toBe('/guide/#plan.totals');
    expect(guideRuleLink('/handbook/', 'schema.required', 'en')).toBe('/handbook/guide/en/#schema.required');
  });
});
