import { describe, expect, it } from 'vitest';
import { excerpt, highlight, matchRanges, pinyinSpans } from '../../../../src/search/shared/highlight.ts';
import { planQuery } from '../../../../src/search/shared/text.ts';

const q = (query: string) => planQuery(query).parts;

describe('highlight', () => {
  it('marks the text as written when the query is in the other script', () => {
    expect(highlight('每天查看直通車花费', q('直通车'))).toEqual([
      { text: '每天查看', mark: false },
      { text: '直通車', mark: true },
      { text: '花费', mark: false },
    ]);
    expect(highlight('运营总监', q('運營'))).toEqual([
      { text: '运营', mark: true },
      { text: '总监', mark: false },
    ]);
  });

  it('marks Latin words at a word start only, in any case', () => {
    expect(matchRanges('Taobao PPC ads, adsl', q('ads'))).toEqual([
      [11, 14],
      [16, 19],
    ]);
    expect(matchRanges('roads', q('ads'))).toEqual([]);
  });

  it('keeps alignment when folding changes the length (full-width letters)', () => {
    expect(highlight('用ＰＰＣ推广', q('ppc'))).toEqual([
      { text: '用', mark: false },
      { text: 'ＰＰＣ', mark: true },
      { text: '推广', mark: false },
    ]);
  });

  it('marks a word broken by a pinyin annotation, the annotation inside the mark (運(yùn)營 for 运营)', () => {
    expect(highlight('天貓運(yùn)營主管', q('运营'))).toEqual([
      { text: '天貓', mark: false },
      { text: '運(yùn)營', mark: true },
      { text: '主管', mark: false },
    ]);
    expect(highlight('客 服 主 管', q('客服'))).toEqual([
      { text: '客 服', mark: true },
      { text: ' 主 管', mark: false },
    ]);
  });
});

describe('excerpt', () => {
  const text = `${'前'.repeat(200)}关键词出价${'后'.repeat(200)}`;

  it('cuts around the match, with … where it cut', () => {
    const parts = excerpt(text, q('出价'), 40);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts.at(-1)).toEqual({ text: '…', mark: false });
    expect(parts.find((p) => p.mark)?.text).toBe('出价');
    expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(42);
  });

  it('starts at the beginning without a match, and collapses white space', () => {
    expect(excerpt('第一行\n\n  第二行', q('无关'), 40)).toEqual([{ text: '第一行 第二行', mark: false }]);
  });
});

describe('pinyinSpans', () => {
  it('finds the stretch of a title a word spells in pinyin or initials', () => {
    const py = 'ji tui kuan yu fa piao chu li'.split(' ');
    expect(pinyinSpans('tuikuan', '急退款与发票处理', py)).toEqual(['退款']);
    expect(pinyinSpans('tuiku', '急退款与发票处理', py)).toEqual(['退款']);
    expect(pinyinSpans('tk', '急退款与发票处理', py)).toEqual(['退款']);
    expect(pinyinSpans('ztc', '直通車日常优化', 'zhi tong che ri chang you hua'.split(' '))).toEqual(['直通车']);
    expect(pinyinSpans('qq', '急退款与发票处理', py)).toEqual([]);
  });
});
