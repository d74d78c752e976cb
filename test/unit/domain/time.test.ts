import { describe, expect, it } from 'vitest';
import { addMonthsToDate, formatDuration, monthsBetween, monthsElapsed, parseDate, parseDuration, parseMonth } from '../../../src/domain/time.ts';

describe('parseMonth', () => {
  it('accepts YYYY-MM, also in full-width digits', () => {
    expect(parseMonth('2014-01')).toEqual({ ok: true, month: '2014-01' });
    expect(parseMonth('２０１４-０２')).toEqual({ ok: true, month: '2014-02' });
  });
  it.each([
    ['2014-13', 'range'],
    ['2014-00', 'range'],
    ['2014/1', 'separator'],
    ['2014-1', 'separator'],
    ['2014年1月', 'separator'],
    ['January', 'format'],
    [201401, 'format'],
  ])('rejects %s (%s)', (input, reason) => {
    expect(parseMonth(input)).toEqual({ ok: false, reason });
  });
  it('lists the months between two months across a year', () => {
    expect(monthsBetween('2014-11', '2015-02')).toEqual(['2014-11', '2014-12', '2015-01', '2015-02']);
    expect(monthsBetween('2014-03', '2014-02')).toEqual([]);
  });
});

describe('parseDate', () => {
  it('accepts strings and the Date objects of YAML timestamps', () => {
    expect(parseDate('2026-03-01')).toEqual({ ok: true, date: '2026-03-01' });
    expect(parseDate(new Date(Date.UTC(2026, 2, 1)))).toEqual({ ok: true, date: '2026-03-01' });
  });
  it('rejects impossible dates', () => {
    expect(parseDate('2026-02-30')).toEqual({ ok: false, reason: 'range' });
    expect(parseDate('2026/02/01')).toEqual({ ok: false, reason: 'format' });
  });
  it('counts whole months elapsed', () => {
    expect(monthsElapsed('2025-11-25', '2026-11-25')).toBe(12);
    expect(monthsElapsed('2025-11-26', '2026-11-25')).toBe(11);
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
  });
});

describe('parseDuration', () => {
  it.each([
    ['20s', 20],
    ['30m', 1800],
    ['24h', 86400],
    ['3d', 259200],
    ['24小时', 86400],
    ['72小時', 259200],
    ['3天', 259200],
    ['20秒', 20],
    ['２０秒', 20],
  ])('%s is %d seconds', (input, seconds) => {
    const result = parseDuration(input);
    expect(result.ok && result.duration.seconds).toBe(seconds);
  });
  it.each(['三天', '24', 'h24', '5 fortnights', '0h'])('rejects %s', (input) => {
    expect(parseDuration(input).ok).toBe(false);
  });
  it('says a duration in words', () => {
    const result = parseDuration('24h');
    if (!result.ok) throw new Error('not parsed');
    expect(formatDuration(result.duration)).toBe('24 小时内');
    expect(formatDuration(result.duration, 'zh-TW')).toBe('24 小時內');
    expect(formatDuration(result.duration, 'en')).toBe('within 24 hours');
  });
});
