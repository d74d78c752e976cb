import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../../../src/search/shared/lexicon.ts';

const lexicon = new Lexicon([
  ['直通', '直通渠道'],
  ['直通车', 'ztc', '淘宝直通车'],
  ['钻展', '钻石展位'],
  ['买家', '亲', '顾客'],
  ['vip', 'v', '会员'],
]);

describe('Lexicon.cut', () => {
  it('cuts at the longest lexicon word first, from the left', () => {
    expect(lexicon.cut('直通车花钱')).toEqual([
      { text: '直通车', known: true },
      { text: '花钱', known: false },
    ]);
    // 淘宝直通车 is longer than the 直通车 inside it.
    expect(lexicon.cut('淘宝直通车')).toEqual([{ text: '淘宝直通车', known: true }]);
  });

  it('leaves the text between lexicon words as gaps for the general segmenter', () => {
    expect(lexicon.cut('开直通车和钻展')).toEqual([
      { text: '开', known: false },
      { text: '直通车', known: true },
      { text: '和', known: false },
      { text: '钻展', known: true },
    ]);
    expect(lexicon.cut('钻展钻石展位')).toEqual([
      { text: '钻展', known: true },
      { text: '钻石展位', known: true },
    ]);
    expect(lexicon.cut('没有词')).toEqual([{ text: '没有词', known: false }]);
  });

  it('cuts only words of two characters or more: a single character of the lexicon stays in the gap', () => {
    expect(lexicon.has('亲')).toBe(true);
    expect(lexicon.cut('亲买家')).toEqual([
      { text: '亲', known: false },
      { text: '买家', known: true },
    ]);
    expect(lexicon.cut('亲')).toEqual([{ text: '亲', known: false }]);
  });

  it('with an empty lexicon, returns the run as one unknown piece', () => {
    expect(Lexicon.EMPTY.size).toBe(0);
    expect(Lexicon.EMPTY.cut('直通车花钱')).toEqual([{ text: '直通车花钱', known: false }]);
    expect(new Lexicon([]).cut('钻展')).toEqual([{ text: '钻展', known: false }]);
  });
});

describe('Lexicon.alternatives', () => {
  it('gives the other spellings of a group, from any of its spellings, never the word itself', () => {
    expect(lexicon.alternatives('直通车').sort()).toEqual(['ztc', '淘宝直通车'].sort());
    expect(lexicon.alternatives('ztc').sort()).toEqual(['淘宝直通车', '直通车'].sort());
    expect(lexicon.alternatives('钻石展位')).toEqual(['钻展']);
    expect(lexicon.alternatives('钻展')).toEqual(['钻石展位']);
  });

  it('does not offer single characters or one-letter words (they would match everywhere), but a single character has alternatives', () => {
    expect(lexicon.alternatives('买家')).toEqual(['顾客']);
    expect(lexicon.alternatives('亲').sort()).toEqual(['买家', '顾客'].sort());
    expect(lexicon.alternatives('vip')).toEqual(['会员']);
    expect(lexicon.alternatives('会员')).toEqual(['vip']);
    expect(lexicon.alternatives('v')).toEqual(['vip', '会员']);
  });

  it('gives the spellings of every group a spelling is in, once each', () => {
    const two = new Lexicon([
      ['直通车', 'ztc'],
      ['直通车', '淘宝直通车', 'ztc'],
    ]);
    expect(two.size).toBe(2);
    expect(two.alternatives('直通车').sort()).toEqual(['ztc', '淘宝直通车'].sort());
    expect(two.alternatives('淘宝直通车').sort()).toEqual(['ztc', '直通车'].sort());
  });

  it('gives none for a word outside the lexicon, and says which words it has', () => {
    expect(lexicon.alternatives('退款')).toEqual([]);
    expect(lexicon.has('直通车')).toBe(true);
    expect(lexicon.has('直')).toBe(false);
    expect(lexicon.size).toBe(5);
  });
});
