import { describe, expect, it } from 'vitest';
import { expectedPages, measureWords, pageOf, scoreQuery, summarise } from '../../../../src/search/shared/measure.ts';
import { fold } from '../../../../src/search/shared/text.ts';

describe('the recall measure', () => {
  it('takes the distinct 2–4-character Chinese words of the text and the glossary terms', () => {
    const words = measureWords(['运营总监每天查看直通车的花费和ROI。'], ['直通车', 'ROI', '淘宝直通车']);
    expect(words).toContain('直通车');
    expect(words).toContain('淘宝直通车'.length <= 4 ? '淘宝直通车' : '直通车');
    expect(words).not.toContain('ROI');
    expect(words.every((w) => /^\p{Script=Han}{2,4}$/u.test(w))).toBe(true);
    expect(new Set(words).size).toBe(words.length);
  });

  it('expects the pages whose text holds the word, after folding', () => {
    const pages = [
      { page: '/a/', text: '直通車推广' },
      { page: '/b/', text: '直通车' },
      { page: '/c/', text: '钻展' },
    ];
    expect(expectedPages('直通车', pages)).toEqual(new Set(['/b/']));
    expect(expectedPages('直通车', pages, fold)).toEqual(new Set(['/a/', '/b/']));
    expect(pageOf('/glossary/#%E7%9B%B4')).toBe('/glossary/');
  });

  it('adds up recall and precision over all queries', () => {
    const s = summarise([
      scoreQuery('甲', new Set(['/a/', '/b/']), new Set(['/a/'])),
      scoreQuery('乙', new Set(['/a/']), new Set(['/a/', '/c/'])),
      scoreQuery('丙', new Set(['/a/']), new Set(['/a/'])),
    ]);
    expect(s.recall).toBeCloseTo(3 / 4);
    expect(s.precision).toBeCloseTo(3 / 4);
    expect(s.exact).toBe(1);
    expect(s.worst[0]!.word).toBe('甲');
  });
});
