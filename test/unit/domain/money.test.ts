import { describe, expect, it } from 'vitest';
import { formatFen, formatMoney, nearestAmount, parseMoney, sumMoney, TBD, type Money } from '../../../src/domain/money.ts';

const fenOf = (input: unknown) => {
  const result = parseMoney(input);
  if (!result.ok) throw new Error(`not parsed: ${String(input)} (${result.reason})`);
  return result.money.kind === 'amount' ? result.money.fen : 'tbd';
};

describe('parseMoney', () => {
  it.each([
    ['15万', 15_000_000],
    ['4.5万元', 4_500_000],
    ['6.25万', 6_250_000],
    ['1,188元', 118_800],
    ['3096.00', 309_600],
    ['１５万', 15_000_000],
    ['１，１８８元', 118_800],
    ['2千', 200_000],
    ['1.5亿', 15_000_000_000],
    ['15萬', 15_000_000],
    ['1.2億元', 12_000_000_000],
    [' 500 ', 50_000],
    [1188, 118_800],
    [2827.68, 282_768],
    [0, 0],
  ])('%s is %d fen', (input, fen) => {
    expect(fenOf(input)).toBe(fen);
  });

  it.each(['待定', 'TBD', 'tbd', null])('%s means undecided', (input) => {
    expect(fenOf(input)).toBe('tbd');
  });

  it.each([
    ['十五万', 'chinese-numerals'],
    ['15w', 'latin-unit'],
    ['-3万', 'negative'],
    [-5, 'negative'],
    ['1e9', 'exponent'],
    ['1.234元', 'precision'],
    ['12,34元', 'format'],
    ['abc', 'format'],
    [true, 'format'],
  ])('rejects %s (%s)', (input, reason) => {
    expect(parseMoney(input)).toEqual({ ok: false, reason });
  });

  it('sums exactly in fen', () => {
    const parts = ['3096.00', 2827.68].map((v) => (parseMoney(v) as { money: Money }).money);
    expect(sumMoney(parts)).toEqual({ fen: 592_368, undecided: 0, parts: 2 });
    expect(formatFen(592_368)).toBe('5,923.68元');
  });

  it('counts undecided parts instead of treating them as zero', () => {
    expect(sumMoney([{ kind: 'amount', fen: 100 }, TBD, undefined])).toEqual({ fen: 100, undecided: 1, parts: 2 });
  });
});

describe('formatFen', () => {
  it.each([
    [430_000_000, 'zh-CN', '430万元'],
    [16_250_000, 'zh-CN', '16.25万元'],
    [118_800, 'zh-CN', '1,188元'],
    [2_500_000, 'zh-CN', '2.5万元'],
    [2_500_000, 'zh-TW', '2.5萬元'],
    [430_000_000, 'en', '¥4,300,000'],
    [282_768, 'en', '¥2,827.68'],
    [1_000_001, 'zh-CN', '10,000.01元'],
    [12_000_000_000, 'zh-CN', '1.2亿元'],
    [12_000_000_000, 'zh-TW', '1.2億元'],
    [12_345_600_000_000, 'zh-CN', '1234.56亿元'],
    [10_000_100_000_000, 'zh-CN', '1000.01亿元'],
    [10_000_100_000, 'zh-CN', '10000.1万元'], // 1.00001亿 would need five decimals
  ] as const)('%d fen in %s is %s', (fen, locale, text) => {
    expect(formatFen(fen, locale)).toBe(text);
  });

  it('shows undecided amounts as such', () => {
    expect(formatMoney(TBD)).toBe('待定');
    expect(formatMoney(TBD, 'en')).toBe('TBD');
  });
});

describe('nearestAmount: the readable amount a typo most likely meant', () => {
  it.each([
    ['4.5万万', '4.5万'],
    ['15万元元', '15万元'],
    ['1,2000', '12000'],
    ['1,2345,6789', '123456789'],
    ['12,34元', '12.34元'],
    ['¥15万', '15万'],
    ['人民币 15万元', '15万元'],
    ['15块', '15元'],
    ['15万元整', '15万元'],
    ['4。5万', '4.5万'],
    ['１O万', '10万'],
    ['15w', '15万'],
    ['8k', '8千'],
    ['15万5千', '15.5万元'],
    ['1亿2000万', '1.2亿元'],
    ['15万500', '15.05万元'],
    ['1e6', '100万元'],
  ])('%s → %s', (written, meant) => {
    expect(parseMoney(written).ok).toBe(false);
    expect(nearestAmount(written)).toBe(meant);
    expect(parseMoney(meant).ok).toBe(true);
  });

  it.each(['15万5', '-5万', '十五万', 'abc', '1.234元', '15万 ', 42])('gives nothing it cannot tell for %s', (written) => {
    expect(nearestAmount(written)).toBeUndefined();
  });
});
