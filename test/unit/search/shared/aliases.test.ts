import { describe, expect, it } from 'vitest';
import { MAX_NAMED, namedTerms, type TermEntry } from '../../../../src/search/shared/aliases.ts';

const terms: TermEntry[] = [
  { term: '直通车', url: '/glossary/#直通车', spellings: ['直通车', '直通車', '淘宝直通车', 'Taobao PPC ads'] },
  { term: '钻展', url: '/glossary/#钻展', spellings: ['钻展', '钻石展位', 'Diamond Booth ads'] },
  { term: '硬广', url: '/glossary/#硬广', spellings: ['硬广', 'banner ads'] },
  { term: '淘宝客', url: '/glossary/#淘宝客', spellings: ['淘宝客', 'Taobao affiliate'] },
  { term: '淘宝搜索优化', url: '/glossary/#淘宝搜索优化', spellings: ['淘宝搜索优化', 'SEO', 'Taobao SEO'] },
  { term: '中差评', url: '/glossary/#中差评', spellings: ['中差评', '中評', '差評'] },
];
const names = (q: string) => namedTerms(q, terms).map((t) => t.term);

describe('namedTerms', () => {
  it('finds a term by its name or an alias, in either script, any case', () => {
    expect(names('直通車')).toEqual(['直通车']);
    expect(names('淘寶直通車')).toEqual(['直通车']);
    expect(names('taobao ppc ads')).toEqual(['直通车']);
    expect(names('中评')).toEqual(['中差评']);
  });

  it('takes English words that all stand in one alias (PPC, "Taobao ads")', () => {
    expect(names('PPC')).toEqual(['直通车']);
    expect(names('Taobao ads')).toEqual(['直通车']);
    expect(names('taobao aff')).toEqual(['淘宝客']);
  });

  it(`names nothing when a word fits more than ${MAX_NAMED} terms, or for part of a Chinese name`, () => {
    expect(names('ads')).toEqual(['直通车', '钻展', '硬广']);
    expect(namedTerms('taobao', [...terms, { term: 'x', url: '', spellings: ['Taobao x'] }])).toEqual([]);
    expect(names('直通')).toEqual([]);
    expect(names('')).toEqual([]);
  });
});
