/** The value formats of the guide (src/guide/values.ts): every example is read by the real parsers. */
import { describe, expect, it } from 'vitest';
import { readValue, VALUE_EXAMPLES, valueRows, type ValueKind } from '../../../src/guide/values.ts';
import { parseMoney } from '../../../src/domain/money.ts';
import { parseDuration, parseMonth } from '../../../src/domain/time.ts';

const KINDS = Object.keys(VALUE_EXAMPLES) as ValueKind[];
const HOLES = /undefined|NaN|\[object Object\]|Infinity/;

describe.each(KINDS)('%s examples', (kind) => {
  it('are valid or invalid as the guide sorts them', () => {
    for (const written of VALUE_EXAMPLES[kind].valid) expect(readValue(kind, written, 'zh-CN', 'zh-CN').ok, written).toBe(true);
    for (const written of VALUE_EXAMPLES[kind].invalid) expect(readValue(kind, written, 'zh-CN', 'zh-CN').ok, written).toBe(false);
  });

  it.each(['zh-CN', 'zh-TW', 'en'] as const)('render in %s with no holes, invalid ones with the checker message', (lang) => {
    for (const row of valueRows(kind, lang, lang)) {
      expect(JSON.stringify(row)).not.toMatch(HOLES);
      if (row.ok) {
        expect(row.value, row.written).toBeTruthy();
        expect(row.shown, row.written).toBeTruthy();
      } else {
        expect(row.message, row.written).toBeTruthy();
      }
    }
  });
});

describe('what the guide shows', () => {
  const row = (kind: ValueKind, written: string, lang: 'zh-CN' | 'en' = 'zh-CN') => readValue(kind, written, lang, lang);

  it('covers what the content format lists', () => {
    for (const written of ['15万', '4.5万元', '1,188元', '3096.00', '１５万', '待定', 'TBD', 'null']) expect(VALUE_EXAMPLES.money.valid).toContain(written);
    for (const written of ['20s', '30m', '24h', '3d', '24小时', '3天', '20秒']) expect(VALUE_EXAMPLES.duration.valid).toContain(written);
  });

  it('is what the parsers make of each value', () => {
    expect(row('money', '15万')).toMatchObject({ value: '150,000 元', shown: '15万元' });
    expect(row('money', '1,188元', 'en')).toMatchObject({ value: '¥1,188', shown: '¥1,188' });
    expect(row('money', '１５万').value).toBe(row('money', '15万').value);
    expect(parseMoney('4.5万元')).toEqual({ ok: true, money: { kind: 'amount', fen: 4_500_000 } });
    expect(row('money', 'null')).toMatchObject({ ok: true, shown: '待定' });
    expect(row('month', '２０２７-０７').value).toBe((parseMonth('２０２７-０７') as { month: string }).month);
    expect(row('duration', '24小时')).toMatchObject({ value: '86,400 秒', shown: '24 小时内' });
    expect(row('duration', '3d', 'en')).toMatchObject({ value: '259,200 s', shown: 'within 3 days' });
    expect((parseDuration('3天') as { duration: { seconds: number } }).duration.seconds).toBe(259_200);
    expect(row('time', '"9:00"').value).toBe('09:00');
  });

  it('reads a value as YAML first, as the checker does (1e6 stays text; 24 is a number)', () => {
    expect(row('money', '1e6')).toMatchObject({ ok: false, hint: '是不是 100万元？不要用 1e9 这样的写法：写成 10亿 或 1000000000。' });
    expect(row('duration', '24').message).toBe('时限 24 无法识别；应如 20s、30m、24h、3d，或 20秒、24小时、3天');
  });

  it('gives the checker message and hint of each invalid value', () => {
    expect(row('money', '15w')).toMatchObject({ message: expect.stringContaining('用了 w/k 作单位'), hint: '是不是 15万？用“万”“千”代替 w、k：15w → 15万。' });
    expect(row('month', '2027/7').hint).toBe('用连字符并补零：2014/1 → 2014-01。');
    expect(row('month', '2027-13').hint).toBe('月份只能是 01 到 12。');
    expect(row('date', '2026-02-30').message).toContain('日期 “2026-02-30” 无效');
  });
});
