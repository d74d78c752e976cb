/** Enum values written by their UI names (每天, 每週, 星期一) → the ids they mean, from the i18n labels. */
import { describe, expect, it } from 'vitest';
import { enumValueNamed, foldName } from '../../../src/check/enum-names.ts';
import { FREQUENCIES, WEEKDAYS } from '../../../src/schema/collections.ts';
import { useTranslations } from '../../../src/i18n/index.ts';

describe('enumValueNamed', () => {
  it.each([
    ['每天', 'daily'],
    ['每日', 'daily'],
    ['每週', 'weekly'],
    ['每星期', 'weekly'],
    ['每个月', 'monthly'],
    ['每季', 'quarterly'],
    ['每季度', 'quarterly'],
    ['按需', 'on-event'],
    ['Weekly', 'weekly'],
  ])('frequency %s → %s', (written, id) => {
    expect(enumValueNamed(written, FREQUENCIES)).toBe(id);
  });

  it.each([
    ['周一', 'mon'],
    ['星期一', 'mon'],
    ['礼拜天', 'sun'],
    ['週日', 'sun'],
  ])('weekday %s → %s', (written, id) => {
    expect(enumValueNamed(written, WEEKDAYS)).toBe(id);
  });

  it('reads the other enums from their labels too', () => {
    expect(enumValueNamed('每天', ['day', 'weekday', 'week', 'month'])).toBe('day');
    expect(enumValueNamed('工作日', ['day', 'weekday', 'week', 'month'])).toBe('weekday');
    expect(enumValueNamed('一次性', ['year', 'month', 'once'])).toBe('once');
    expect(enumValueNamed('已訂購', ['ordered', 'planned'])).toBe('ordered');
  });

  it('takes every name from the UI labels of the values', () => {
    const t = useTranslations('zh-CN');
    for (const id of FREQUENCIES) expect(enumValueNamed(t(`frequency.${id}`), FREQUENCIES)).toBe(id);
    for (const id of WEEKDAYS) expect(enumValueNamed(useTranslations('zh-TW')(`weekday.${id}`), WEEKDAYS)).toBe(id);
  });

  it('names nothing it cannot tell', () => {
    expect(enumValueNamed('每两周', FREQUENCIES)).toBeUndefined();
    expect(enumValueNamed('daily', FREQUENCIES)).toBeUndefined();
    expect(enumValueNamed('每天', ['higher', 'lower'])).toBeUndefined();
  });

  it('folds script, 天/日, 星期/周 and 每个', () => {
    expect(foldName('每個星期')).toBe('每周');
    expect(foldName(' 每 天 ')).toBe('每日');
  });
});
