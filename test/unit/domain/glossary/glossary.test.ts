import { describe, expect, it } from 'vitest';
import { findTerm, sortedTerms, termAnchor, termAnchors } from '../../../../src/domain/glossary/glossary.ts';
import * as schemas from '../../../../src/schema/collections.ts';

const glossary = schemas.glossary.parse([
  { term: '直通车', aliases: ['直通車', 'Taobao PPC ads'], definition: 'x' },
  { term: 'ROI', aliases: ['投入产出比'], definition: 'x', seeAlso: ['直通车'] },
  { term: 'Taobao SEO', definition: 'x' },
  { term: 'Taobao  SEO?', definition: 'x' },
]);

describe('termAnchor', () => {
  it('keeps the term, so /glossary/#直通车 works', () => {
    expect(termAnchor('直通车')).toBe('直通车');
    expect(termAnchor('ROI')).toBe('ROI');
  });

  it('turns white space into dashes and drops URL-significant characters', () => {
    expect(termAnchor(' Taobao  SEO ')).toBe('Taobao-SEO');
    expect(termAnchor('A/B #1?')).toBe('AB-1');
    expect(termAnchor('#?')).toBe('term');
  });
});

describe('termAnchors', () => {
  it('gives each term a unique anchor', () => {
    const anchors = termAnchors(glossary);
    expect(anchors.get('直通车')).toBe('直通车');
    expect(anchors.get('Taobao SEO')).toBe('Taobao-SEO');
    expect(anchors.get('Taobao  SEO?')).toBe('Taobao-SEO-2');
    expect(new Set(anchors.values()).size).toBe(anchors.size);
  });
});

describe('findTerm', () => {
  it('finds a term by itself or by an alias, ignoring case and spaces', () => {
    expect(findTerm('直通车', glossary)?.term).toBe('直通车');
    expect(findTerm('直通車', glossary)?.term).toBe('直通车');
    expect(findTerm(' taobao ppc ads ', glossary)?.term).toBe('直通车');
    expect(findTerm('roi', glossary)?.term).toBe('ROI');
    expect(findTerm('钻展', glossary)).toBeUndefined();
  });

  it('prefers a term over another term’s alias', () => {
    const g = schemas.glossary.parse([
      { term: 'A', aliases: ['B'], definition: 'x' },
      { term: 'B', definition: 'x' },
    ]);
    expect(findTerm('B', g)?.term).toBe('B');
  });

  it('takes an extra folding function', () => {
    const fold = (s: string) => s.replace('車', '车');
    expect(findTerm('淘宝直通車', schemas.glossary.parse([{ term: '淘宝直通车', definition: 'x' }]), fold)?.term).toBe('淘宝直通车');
  });
});

describe('sortedTerms', () => {
  const terms = schemas.glossary.parse([
    { term: '直通车', definition: 'x' },
    { term: '爆款', definition: 'x' },
    { term: 'ROI', definition: 'x' },
    { term: 'DSR', definition: 'x' },
  ]);

  it('sorts by pinyin in zh-CN (CLDR puts Han before Latin there)', () => {
    expect(sortedTerms(terms, 'zh-CN').map((t) => t.term)).toEqual(['爆款', '直通车', 'DSR', 'ROI']);
  });

  it('puts Latin first in en', () => {
    expect(
      sortedTerms(terms, 'en')
        .map((t) => t.term)
        .slice(0, 2),
    ).toEqual(['DSR', 'ROI']);
  });

  it('does not change its input', () => {
    sortedTerms(terms, 'en');
    expect(terms.map((t) => t.term)).toEqual(['直通车', '爆款', 'ROI', 'DSR']);
  });
});
