import { describe, expect, it } from 'vitest';
import { parseActualMoney, parseCount, parseDayCell, parseDecimal, parseMonthCell, parsePercent } from '../../../../src/domain/actuals/values.ts';

const ok = <T>(r: { ok: boolean; value?: T; reason?: string }) => {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.value;
};

describe('money (actual)', () => {
  it.each([
    ['15万', 15_000_000],
    ['4.5万元', 4_500_000],
    ['1,188元', 118_800],
    ['3096.00', 309_600],
    ['１５万', 15_000_000],
    ['1，188', 118_800],
    ['¥350', 35_000],
    ['￥350.5', 35_050],
    ['RMB 1,000', 100_000],
    ['2,807.13', 280_713],
  ])('%s → %i fen', (text, fen) => expect(ok(parseActualMoney(text))).toBe(fen));

  it('scales plain numbers under a (万元) or (万) header, and not under (元)', () => {
    expect(ok(parseActualMoney('1.25', '万元'))).toBe(1_250_000);
    expect(ok(parseActualMoney('3', '万'))).toBe(3_000_000);
    expect(ok(parseActualMoney('3', '元'))).toBe(300);
    expect(ok(parseActualMoney('3万', '万元'))).toBe(3_000_000);
  });

  it('reads empty cells as 0 in CSV and as not recorded in YAML', () => {
    for (const empty of ['', ' ', '-', '--', '—', '/']) expect(ok(parseActualMoney(empty))).toBe(0);
    expect(ok(parseActualMoney(null, undefined, false))).toBeUndefined();
  });

  it.each([
    ['待定', 'tbd'],
    ['TBD', 'tbd'],
    ['-350', 'negative'],
    ['(350.00)', 'negative'],
    ['1.234', 'precision'],
    ['1e5', 'exponent'],
    ['十五万', 'chinese-numerals'],
    ['abc', 'format'],
  ])('refuses %s (%s)', (text, reason) => expect(parseActualMoney(text)).toMatchObject({ ok: false, reason }));

  it('says w/k units are the slip', () => expect(parseActualMoney('15w')).toMatchObject({ ok: false, reason: 'format', latin: true }));
  it('reads YAML numbers as yuan', () => expect(ok(parseActualMoney(2827.68))).toBe(282_768));
});

describe('count', () => {
  it.each([
    ['1200', 1200],
    ['1,200', 1200],
    ['１２００', 1200],
    ['1.2万', 12_000],
    ['-', 0],
  ])('%s → %i', (text, n) => expect(ok(parseCount(text))).toBe(n));
  it.each([
    ['35.5', 'integer'],
    ['1.23456万', 'integer'],
    ['-3', 'negative'],
    ['1e3', 'exponent'],
    ['三十', 'chinese-numerals'],
  ])('refuses %s (%s)', (text, reason) => expect(parseCount(text)).toMatchObject({ ok: false, reason }));
  it('refuses fractional YAML numbers', () => expect(parseCount(35.5)).toMatchObject({ ok: false, reason: 'integer' }));
});

describe('percent', () => {
  it.each([
    ['3.52%', 0.0352],
    ['3.52 %', 0.0352],
    ['３.５２％', 0.0352],
    ['0.0352', 0.0352],
  ])('%s → %f', (text, value) => expect(ok(parsePercent(text))!.value).toBeCloseTo(value, 12));
  it('reads plain numbers as points under a (%) header', () => expect(ok(parsePercent('3.52', '%'))!.value).toBeCloseTo(0.0352, 12));
  it('refuses a plain number above 1 without (%)', () => expect(parsePercent('3.52')).toMatchObject({ ok: false, reason: 'percentAmbiguous' }));
  it('refuses more than 100%', () => expect(parsePercent('120%')).toMatchObject({ ok: false, reason: 'range' }));
  it('allows more than 100% for tracking.lowAttainment', () => expect(ok(parsePercent('120%', undefined, { allowAbove100: true }))!.value).toBeCloseTo(1.2));
  it('has no value for an empty cell (a rate is never 0 by omission)', () => expect(ok(parsePercent('-'))).toBeUndefined());
  it('keeps half a unit of the last written decimal', () => {
    expect(ok(parsePercent('3.52%'))!.halfUnit).toBeCloseTo(0.00005, 12);
    expect(ok(parsePercent('0.035'))!.halfUnit).toBeCloseTo(0.0005, 12);
  });
});

describe('decimal', () => {
  it('reads 客单价 with separators, ¥ and 元', () => {
    expect(ok(parseDecimal('1,081.785'))!.value).toBe(1081.785);
    expect(ok(parseDecimal('¥81.78'))!.value).toBe(81.78);
    expect(ok(parseDecimal('81.78元'))!.value).toBe(81.78);
    expect(ok(parseDecimal('-'))).toBeUndefined();
  });
});

describe('day cells', () => {
  it.each([
    '2014-10-05',
    '2014/10/5',
    '2014/10/05',
    '2014.10.5',
    '2014年10月5日',
    '20141005',
    '２０１４－１０－０５',
    '2014/10/5 0:00',
    '2014-10-05 00:00:00',
    '2014/10/05 00:00',
  ])('%s is 2014-10-05', (text) => {
    expect(parseDayCell(text)).toEqual({ ok: true, kind: 'day', date: '2014-10-05' });
  });
  it('reads a range covering exactly one calendar month as a month', () => {
    for (const text of ['2014-10-01~2014-10-31', '2014-10-01～2014-10-31', '2014-10-01至2014-10-31'])
      expect(parseDayCell(text)).toEqual({ ok: true, kind: 'month', month: '2014-10' });
    expect(parseDayCell('2014-10-01~2014-10-15')).toMatchObject({ ok: false, reason: 'granularity' });
  });
  it('refuses day-first and US orders with the year-first form', () => {
    expect(parseDayCell('5/10/2014')).toMatchObject({ ok: false, reason: 'format', dayFirst: '2014/10/5' });
    expect(parseDayCell('10/05/2014')).toMatchObject({ ok: false, reason: 'format' });
  });
  it('refuses Excel serial numbers and impossible dates', () => {
    expect(parseDayCell('41917')).toMatchObject({ ok: false, reason: 'serial' });
    expect(parseDayCell('2014-02-30')).toMatchObject({ ok: false, reason: 'range' });
  });
});

describe('month cells', () => {
  it.each(['2014-10', '2014/10', '2014.10', '2014年10月', '201410', '２０１４－１０'])('%s is 2014-10', (text) =>
    expect(parseMonthCell(text)).toEqual({ ok: true, month: '2014-10' }),
  );
  it('reads 2014/9 as 2014-09', () => expect(parseMonthCell('2014/9')).toEqual({ ok: true, month: '2014-09' }));
  it('refuses month 13', () => expect(parseMonthCell('2014-13')).toMatchObject({ ok: false, reason: 'range' }));
});
