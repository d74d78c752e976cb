import { describe, expect, it } from 'vitest';
import { ALTERNATIVE, idf, inSomeTitle, listAsked, MIN_COVERAGE, rankPages, titleHolding, titleToken } from '../../../../src/search/shared/rank.ts';
import { planQuery, type QueryWord } from '../../../../src/search/shared/text.ts';
import { Lexicon } from '../../../../src/search/shared/lexicon.ts';

type R = { id: string; score: number };
const results = (entries: Record<string, number>) => new Map(Object.entries(entries).map(([id, score]) => [id, { id, score }] as const));
/** Title-token results given as token → pages (titleToken is applied here). */
const titles = (tokens: Record<string, string[]>) =>
  new Map(Object.entries(tokens).map(([t, pages]) => [titleToken(t), results(Object.fromEntries(pages.map((id) => [id, 1])))]));

/** Ranks a query against token results given as page → score. */
function rank(
  query: string,
  tokens: Record<string, Record<string, number>>,
  opts: {
    phrases?: Record<string, number>[];
    terms?: Record<string, Record<string, number>>;
    records?: number;
    lexicon?: Lexicon;
    topical?: (word: QueryWord) => boolean;
    titles?: Record<string, string[]>;
    titleOrder?: string[];
  } = {},
) {
  const plan = planQuery(query, new Set(), opts.lexicon);
  return rankPages<R>({
    words: plan.words,
    wordTerms: plan.words.map((w) => (opts.terms?.[w.text] ? [w.text] : [])),
    byToken: new Map(Object.entries(tokens).map(([t, r]) => [t, results(r)])),
    byTerm: new Map(Object.entries(opts.terms ?? {}).map(([t, r]) => [t, results(r)])),
    phrases: (opts.phrases ?? []).map(results),
    records: opts.records ?? 100,
    ...(opts.topical ? { topical: opts.topical } : {}),
    ...(opts.titles ? { byTitleToken: titles(opts.titles) } : {}),
    ...(opts.titleOrder ? { titleOrder: new Map(opts.titleOrder.map((id, i) => [id, i])) } : {}),
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

  it('keeps the pages below half the weight apart, best title first, for a query that finds almost nothing', () => {
    // d holds only 售后, the commoner word: not ranked, but the first of the lesser pages; c holds it too, not in its title.
    const r = rank('售后退款', { 售后: { a: 1, b: 1, c: 5, d: 9 }, 退款: { a: 1, b: 1, e: 9 } }, { titles: { 售后: ['d'] } });
    expect(ids(r)).toEqual(['a', 'b', 'e']);
    expect(r.lesser.map((x) => x.id)).toEqual(['d', 'c']);
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

  it('ranks a page holding a word only through another spelling below one holding the typed word', () => {
    const lexicon = new Lexicon([['退款', '退钱']]);
    // a: the typed 退钱; b: only 退款, with a higher score; c: both (counts as the typed word).
    const r = rank('退钱', { 退钱: { a: 1, c: 2 }, 退款: { b: 5, c: 1 } }, { lexicon });
    expect(ids(r)).toEqual(['c', 'a', 'b']);
    expect(r.marks).toEqual(['退钱', '退款']);
    // All else equal, the alternative alone still lists the page.
    expect(ids(rank('退钱', { 退钱: { a: 1 }, 退款: { b: 1 } }, { lexicon }))).toEqual(['a', 'b']);
    expect(ALTERNATIVE.weight).toBeGreaterThanOrEqual(MIN_COVERAGE);
    expect(ALTERNATIVE.weight).toBeLessThan(1);
  });

  it('counts only the topical words for coverage; the other words order the pages that cover equally', () => {
    const tokens = { 退款: { a: 10, c: 1, d: 2, e: 1 }, 加急: { c: 1, f: 5 } };
    // Without: 加急 is rarer, so a page with 退款 alone (a) has less than half the weight.
    expect(ids(rank('退款 加急', tokens))).toEqual(['c', 'f']);
    // 退款 topical: every page holding it is listed, f (加急 only) is not; c holds 加急 too, so it leads a (higher score).
    expect(ids(rank('退款 加急', tokens, { topical: (w) => w.text === '退款' }))).toEqual(['c', 'a', 'd', 'e']);
    // No topical word: every word counts.
    expect(ids(rank('退款 加急', tokens, { topical: () => false }))).toEqual(['c', 'f']);
  });

  it('puts the pages whose title holds the words first among equal coverage, then the shorter titles (titleOrder)', () => {
    expect(ids(rank('退款', { 退款: { c: 1, d: 10 } }, { titles: { 退款: ['c'] } }))).toEqual(['c', 'd']);
    const tokens = { 退款: { a: 10, b: 1 } };
    expect(ids(rank('退款', tokens, { titles: { 退款: ['a', 'b'] } }))).toEqual(['a', 'b']);
    expect(ids(rank('退款', tokens, { titles: { 退款: ['a', 'b'] }, titleOrder: ['b', 'a'] }))).toEqual(['b', 'a']);
    // A page outside the title searches comes after those in it.
    expect(ids(rank('退款', { 退款: { a: 10, b: 1, x: 20 } }, { titleOrder: ['b', 'a'] }))).toEqual(['b', 'a', 'x']);
  });
});

describe('titleHolding', () => {
  const words = (q: string, lexicon?: Lexicon) => planQuery(q, new Set(), lexicon).words;

  it('gives each page the share of the words its title holds, and whether it holds all', () => {
    const held = titleHolding(words('退款 发票'), titles({ 退款: ['a', 'b'], 发票: ['a'] }));
    expect(held.get('a')).toEqual({ share: 1, all: true });
    expect(held.get('b')).toEqual({ share: 0.5, all: false });
    expect(held.has('c')).toBe(false);
    // A 3-character word (kept whole by the lexicon: no core) needs all its tokens in the title.
    const ztc = words('直通车', new Lexicon([['直通车', 'ztc']]));
    expect(titleHolding(ztc, titles({ 直通: ['a'] })).size).toBe(0);
    expect(titleHolding(ztc, titles({ 直通: ['a'], 通车: ['a'] })).get('a')).toEqual({ share: 1, all: true });
  });

  it('falls back to the dictionary core of a word a character was joined to, only when no title holds the whole', () => {
    const w = words('岗位还');
    expect(w[0]).toMatchObject({ text: '岗位还', core: ['岗位'] });
    expect(titleHolding(w, titles({ 岗位: ['a'] })).get('a')).toEqual({ share: 1, all: true });
    const whole = titleHolding(w, titles({ 岗位: ['a', 'b'], 位还: ['b'] }));
    expect([...whole.keys()]).toEqual(['b']);
  });

  it('counts a title holding another spelling at ALTERNATIVE.weight', () => {
    const w = words('退钱', new Lexicon([['退款', '退钱']]));
    const held = titleHolding(w, titles({ 退钱: ['a', 'c'], 退款: ['b', 'c'] }));
    expect(held.get('a')).toEqual({ share: 1, all: true });
    expect(held.get('b')).toEqual({ share: ALTERNATIVE.weight, all: true });
    expect(held.get('c')).toEqual({ share: 1, all: true });
  });

  it('is empty without title searches or words', () => {
    expect(titleHolding(words('退款'), undefined).size).toBe(0);
    expect(titleHolding([], titles({ 退款: ['a'] })).size).toBe(0);
  });
});

describe('inSomeTitle', () => {
  const word = (q: string, lexicon?: Lexicon) => planQuery(q, new Set(), lexicon).words[0]!;

  it('says whether some title holds a word: all its tokens, its dictionary core or another spelling', () => {
    expect(inSomeTitle(word('退款'), titles({ 退款: ['a'] }))).toBe(true);
    expect(inSomeTitle(word('退款'), titles({ 发票: ['a'], 退款: [] }))).toBe(false);
    const ztc = word('直通车', new Lexicon([['直通车', 'ztc']]));
    expect(inSomeTitle(ztc, titles({ 直通: ['a'] }))).toBe(false);
    expect(inSomeTitle(ztc, titles({ 直通: ['a'], 通车: ['a'] }))).toBe(true);
    expect(inSomeTitle(word('岗位还'), titles({ 岗位: ['a'] }))).toBe(true);
    const lexicon = new Lexicon([['退款', '退钱']]);
    expect(inSomeTitle(word('退钱', lexicon), titles({ 退款: ['a'] }))).toBe(true);
    expect(inSomeTitle(word('退钱'), titles({ 退款: ['a'] }))).toBe(false);
    expect(inSomeTitle(word('退款'), undefined)).toBe(false);
  });

  it('finds a lexicon single character (亲, no tokens of its own) only through its other spellings', () => {
    const qin = word('亲', new Lexicon([['买家', '亲']]));
    expect(qin.tokens).toEqual([]);
    expect(inSomeTitle(qin, titles({ 买家: ['a'] }))).toBe(true);
    expect(inSomeTitle(qin, titles({ 亲: ['a'] }))).toBe(false);
  });
});

describe('listAsked', () => {
  it('gives the things a question asks a list of', () => {
    expect(listAsked('有哪些流程')).toEqual({ things: ['流程'], whole: false });
    expect(listAsked('一共几个部门')).toEqual({ things: ['部门'], whole: true });
    expect(listAsked('所有岗位')).toEqual({ things: ['岗位'], whole: true });
  });

  it('gives none when the question asks for no list, or a list of nothing it can list', () => {
    const none = { things: [], whole: false };
    expect(listAsked('哪些数据')).toEqual(none);
    expect(listAsked('部门')).toEqual(none);
    expect(listAsked('怎么退款')).toEqual(none);
  });
});
