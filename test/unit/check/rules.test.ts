/**
 * The rule table (src/check/rules.ts) is the one place for a rule's wording:
 * every rule must print a hint in the CLI, in Chinese and English, whatever
 * facts it was reported with (a hint that depends on the facts falls back to
 * the rule's general advice).
 */
import { describe, expect, it } from 'vitest';
import { hintFor, RULES, type Rule, type RuleId } from '../../../src/check/rules.ts';
import type { SourceLocale } from '../../../src/i18n/index.ts';
import { exampleProblem, RULE_EXAMPLES } from '../../../src/guide/rules.ts';
import { renderProblem } from '../../../src/check/report.ts';

const ids = Object.keys(RULES) as RuleId[];
const LANGS: readonly SourceLocale[] = ['zh-CN', 'en'];
const HOLES = /undefined|NaN|\[object Object\]|\$\{/;

describe.each(LANGS)('every rule has a hint in %s', (lang) => {
  it.each(ids)('%s', (id) => {
    const rule: Rule = RULES[id];
    const hint = hintFor(rule, RULE_EXAMPLES[id].params, lang);
    expect(hint!.trim().length, id).toBeGreaterThan(5);
    expect(hint).not.toMatch(HOLES);
    // Without the facts a hint may depend on ("did you mean …"), the rule still says what to do.
    expect(hintFor(rule, {}, lang)?.trim(), `${id} without facts`).toBeTruthy();
  });
});

it('the CLI prints that hint for every rule', () => {
  for (const id of ids) {
    const problem = exampleProblem(id);
    for (const lang of [...LANGS, 'zh-TW' as const]) expect(renderProblem(problem, lang).hint, `${id} ${lang}`).toBeTruthy();
  }
});

it('Chinese hints read as Chinese and English ones as English', () => {
  for (const id of ids) {
    expect(hintFor(RULES[id], RULE_EXAMPLES[id].params, 'zh-CN'), id).toMatch(/[\u4e00-\u9fff]/);
    expect(hintFor(RULES[id], RULE_EXAMPLES[id].params, 'en'), id).toMatch(/[A-Za-z]{3}/);
  }
});
