import { describe, expect, it } from 'vitest';
import { idf, MIN_COVERAGE, rankPages } from '../../../../src/search/shared/rank.ts';
import { planQuery } from '../../../../src/search/shared/text.ts';

type R = { id: string; score: number };
const results = (entries: Record<string, number>) => new Map(Object.entries(entries).map(([id, score]) => [id, { id, score }] as const));

/** Ranks a query against token results given as page → score. */
function rank(
  query: string,
  tokens: Record<string, Record<string, number>>,
  opts: { phrases?: Record<string, number>[]; terms?: Record<string, Record<string, number>>; records?: number } = {},
) {
  const plan = planQuery(query);
  return rankPages<R>({
    words: plan.words,
    wordTerms: plan.words.map((w) => (opts.terms?.[w.text] ? [w.text] : [])),
    byToken: new Map(Object.entries(tokens).map(([t, r]) => [t, results(r)])),
    byTerm: new Map(Object.entries(opts.terms ?? {}).map(([t, r]) => [t, results(r)])),
    phrases: (opts.phrases ?? []).map(results),
    records: opts.records ?? 100,
  });
}
const ids = (r: { ranked: readonly R[] }) => r.ranked.map((x) => x.id);

describe('rankPages', () => {
  it('puts the exact phrase first, then all words in any order, then the pages covering most of the query’s weight', () => {
    const r = rank('售后退款', { 售后: { a: 1, b: 1, c: 5, d: 9 }, 退款: { a: 1, b: 1, e: 9 } }, { phrases: [{ a: 1 }] });
    // a: phrase; b: both words; e: the rarer word only (退款, 3 pages against 4); d: the commoner only — below half the weight.
    expect(ids(r)).toEqual(['a', 'b', 'e']);
    expect(idf(3, 100)).toBeGreaterThan(idf(4, 100));
  });

  it('ranks within a tier by the summed scores (field weights and term frequency)', () => {
    expect(ids(rank('退款', { 退款: { body: 1, title: 10, steps: 5 } }))).toEqual(['title', 'steps', 'body']);
  });

  it('drops tokens found nowhere from their word (a joined character), and falls back to the dictionary word', () => {
    // 快递选: 递选 is in no page, so 快递 is the word.
    expect(ids(rank('快递选哪家', { 快递: { a: 1 }, 递选: {} }))).toEqual(['a']);
    // 例会讲: no page holds 例会 and 会讲 both: 例会 alone.
    const r = rank('例会讲什么', { 例会: { a: 1 }, 会讲: { b: 1 } });
    expect(ids(r)).toEqual(['a']);
    expect(r.marks).toEqual(['例会']);
  });

  it('lists a page with half the weight (two equally rare words, one held)', () => {
    expect(MIN_COVERAGE).toBe(0.5);
  });

  it('counts a page using the glossary term a word names as holding the word', () => {
    expect(ids(rank('cod确认', { cod: { term: 10 }, 确认: { sop: 2, other: 1 } }, { terms: { cod: { sop: 1 } } }))).toEqual(['sop', 'term', 'other']);
  });

  it('returns nothing when no word of the query is in any page', () => {
    expect(rank('火箭', { 火箭: {} }).ranked).toEqual([]);
  });
});
