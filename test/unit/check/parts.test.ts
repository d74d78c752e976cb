/** Reading a file part by part (src/check/parts.ts): what parsed is kept, what failed is named at its deepest path. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { brokenUnder, readParts } from '../../../src/check/parts.ts';
import { plan } from '../../../src/schema/collections.ts';

const PLAN = {
  title: '年度计划',
  store: '',
  period: { start: '2014-01', end: '2014-02' },
  totals: { revenue: '30万' },
  months: [
    { month: '2014-01', revenue: '15万', marketing: '4.5万' },
    { month: '2014-13', revenue: '15w', marketing: '4.5万' },
  ],
};

describe('readParts', () => {
  it('keeps every part of a plan that parsed, and names the parts that did not', () => {
    const { value, broken } = readParts(plan, PLAN);
    expect(broken).toEqual([['store'], ['months', 1, 'month'], ['months', 1, 'revenue']]);
    expect(value.title).toBe('年度计划');
    expect(value.store).toBeUndefined();
    expect(value.period).toEqual({ start: '2014-01', end: '2014-02' });
    expect(value.totals?.revenue).toEqual({ kind: 'amount', fen: 30_000_000 });
    expect(value.months[0]).toEqual({ month: '2014-01', revenue: { kind: 'amount', fen: 15_000_000 }, marketing: { kind: 'amount', fen: 4_500_000 } });
    // The broken item keeps its readable fields; the schema's defaults stand for absent fields.
    expect(value.months[1]).toEqual({ marketing: { kind: 'amount', fen: 4_500_000 } });
    expect(value.stages).toEqual([]);
  });

  it('names a part of the wrong shape whole', () => {
    expect(readParts(plan, { ...PLAN, store: '店', months: { '2014-01': {} } }).broken).toEqual([['months']]);
    expect(readParts(plan, { ...PLAN, store: '店', period: '2014年' }).broken).toEqual([['period'], ['months', 1, 'month'], ['months', 1, 'revenue']]);
  });

  it('has no broken part when the value parses whole', () => {
    const { value, broken } = readParts(plan, { ...PLAN, store: '店', months: [PLAN.months[0]] });
    expect(broken).toEqual([]);
    expect(value).toEqual(plan.parse({ ...PLAN, store: '店', months: [PLAN.months[0]] }));
  });

  it('names a part that fails a check across its items (a list too short) at the list', () => {
    const schema = z.object({ steps: z.array(z.string()).min(1), title: z.string() });
    expect(readParts(schema, { steps: [], title: 't' })).toEqual({ value: { title: 't' }, broken: [['steps']] });
    expect(readParts(schema, { steps: ['a', 2], title: 't' })).toEqual({ value: { steps: ['a', undefined], title: 't' }, broken: [['steps', 1]] });
  });

  it('reads a top-level list item by item', () => {
    const schema = z.array(z.object({ term: z.string(), definition: z.string() }));
    expect(readParts(schema, [{ term: 'a', definition: 'b' }, { term: 'c' }])).toEqual({
      value: [{ term: 'a', definition: 'b' }, { term: 'c' }],
      broken: [[1, 'definition']],
    });
  });
});

describe('brokenUnder', () => {
  const broken = [['store'], ['months', 1, 'revenue']];
  it('finds the broken part a check reads, with * for every item', () => {
    expect(brokenUnder(broken, ['months', '*', 'revenue'])).toEqual(['months', 1, 'revenue']);
    expect(brokenUnder(broken, ['months', 1])).toEqual(['months', 1, 'revenue']);
    expect(brokenUnder(broken, ['months'])).toEqual(['months', 1, 'revenue']);
  });
  it('ignores broken parts the check does not read', () => {
    expect(brokenUnder(broken, ['months', '*', 'marketing'])).toBeUndefined();
    expect(brokenUnder(broken, ['months', 0, 'revenue'])).toBeUndefined();
    expect(brokenUnder(broken, ['totals'])).toBeUndefined();
  });
  it('a broken list or item stops every check reading inside it', () => {
    expect(brokenUnder([['months']], ['months', '*', 'month'])).toEqual(['months']);
    expect(brokenUnder([['months', 2]], ['months', '*', 'marketing'])).toEqual(['months', 2]);
  });
});
