import { describe, expect, it } from 'vitest';
import { cleanPasted, pastedNoise, pinyinAnnotations, withoutPinyinAnnotations } from '../../../src/domain/pasted-text.ts';

describe('pinyin annotations from flattened ruby text', () => {
  it.each([
    ['運(yùn)營總監', '運營總監'],
    ['發(fā)票', '發票'],
    ['预（yù）警', '预警'],
    ['執( zhí )行', '執行'],
    ['用(yong4)法', '用法'],
    ['關(guān)於 發(fā)貨', '關於 發貨'],
  ])('%s reads as %s', (pasted, clean) => {
    expect(cleanPasted(pasted)).toBe(clean);
    expect(withoutPinyinAnnotations(pasted)).toBe(clean);
  });

  it.each(['直通车(ztc)', 'ROI(投资回报率)', '聚划算(jhs)', 'A (b)', '的(de)', '客单价(元)', '(yùn)开头没有汉字'])(
    'keeps %s: a bracket that is not a toned syllable after a character',
    (text) => {
      expect(cleanPasted(text)).toBe(text);
      expect(pinyinAnnotations(text)).toEqual([]);
    },
  );

  it('finds every annotation with where it stands', () => {
    expect(pinyinAnnotations('運(yùn)營和發(fā)票')).toEqual([
      { index: 1, text: '(yùn)' },
      { index: 9, text: '(fā)' },
    ]);
  });
});

describe('invisible characters and letter-spaced Chinese', () => {
  it('drops zero-width characters and soft hyphens', () => {
    expect(cleanPasted('運\u200b營\ufeff總\u00ad監\u2060')).toBe('運營總監');
  });

  it('joins single characters separated by spaces, ideographic spaces included', () => {
    expect(cleanPasted('客 服 主 管 负责')).toBe('客服主管 负责');
    expect(cleanPasted('售\u3000后')).toBe('售后');
  });

  it('keeps spaces between words of two or more characters, and around Latin words', () => {
    expect(cleanPasted('售前 售后 客服')).toBe('售前 售后 客服');
    expect(cleanPasted('ROI 目标 3')).toBe('ROI 目标 3');
    expect(cleanPasted('第 1 步')).toBe('第 1 步');
  });

  it('gives the noise as ordered ranges, none for clean text', () => {
    expect(pastedNoise('运营总监')).toEqual([]);
    expect(pastedNoise('運(yùn)營 客 服')).toEqual([
      [1, 6],
      [9, 10],
    ]);
  });
});
