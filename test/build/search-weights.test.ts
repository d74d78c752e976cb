/**
 * The field weights search reads from the built sample: a role's responsibilities and its KPI table weigh
 * like an SOP's steps (data-pagefind-weight on the page), above body text.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractPage } from '../../src/search/build/extract.ts';
import { WEIGHT } from '../../src/search/shared/records.ts';

describe('search weights in the built sample', () => {
  it("weigh a role's responsibilities and its KPI table like steps", () => {
    const html = readFileSync(path.join(inject('sampleDist'), 'roles', 'cs-lead', 'index.html'), 'utf8');
    const sections = extractPage(html)!.sections;
    expect(sections.find((x) => x.text.includes('安排客服排班'))?.weight).toBe(WEIGHT.steps);
    expect(sections.find((x) => x.text.includes('每日聊天记录抽查'))?.weight).toBe(WEIGHT.steps);
    expect(sections.some((x) => x.weight === WEIGHT.body)).toBe(true);
  });
});
