/** Every accepted header form of the contract's table, through the same normalisation the parser uses. */
import { describe, expect, it } from 'vitest';
import {
  CHANNEL_SUFFIXES,
  CHANNELS,
  classifyHeader,
  FIELD_HEADERS,
  normaliseHeader,
  RECOGNISED_NOT_USED,
  TOTAL_SPEND_HEADERS,
} from '../../../../src/domain/actuals/headers.ts';

const fullWidth = (s: string) => [...s].map((ch) => (ch >= '!' && ch <= '~' ? String.fromCodePoint(ch.codePointAt(0)! + 0xfee0) : ch)).join('');

describe('field headers', () => {
  const cases = Object.entries(FIELD_HEADERS).flatMap(([field, names]) => names.map((name) => [name, field] as const));
  it.each(cases)('%s → %s', (name, field) => {
    const expected = field === 'marketing' ? { kind: 'field', field: 'marketing' } : { kind: 'field', field };
    expect(classifyHeader(name)).toMatchObject(expected);
    // The forms exports write: units in brackets (full width too), spaces, quotes, BOM, Latin case.
    expect(classifyHeader(` "${name}（元）" `)).toMatchObject({ ...expected, unit: '元' });
    expect(classifyHeader(`\uFEFF${name} (万元)`)).toMatchObject({ ...expected, unit: '万元' });
    expect(classifyHeader(name.toUpperCase())).toMatchObject(expected);
    expect(classifyHeader(fullWidth(name))).toMatchObject(expected);
  });

  it('folds Traditional script: 支付金額, 訪客數, 統計日期', () => {
    expect(classifyHeader('支付金額')).toMatchObject({ kind: 'field', field: 'revenue' });
    expect(classifyHeader('訪客數')).toMatchObject({ kind: 'field', field: 'visitors' });
    expect(classifyHeader('統計日期')).toMatchObject({ kind: 'field', field: 'date' });
  });

  it('remembers one trailing unit: (%) (人) (个) (笔) (件) (单)', () => {
    for (const unit of ['%', '人', '个', '笔', '件', '单']) expect(normaliseHeader(`访客数(${unit})`).unit).toBe(unit);
    expect(classifyHeader('支付转化率（％）')).toMatchObject({ field: 'conversionRate', unit: '%' });
  });

  it('marks 支付子订单数 as the child-order column', () => {
    expect(classifyHeader('支付子订单数')).toMatchObject({ field: 'orders', child: true });
    expect(classifyHeader('支付订单数')).toMatchObject({ field: 'orders' });
    expect(classifyHeader('支付订单数')).not.toHaveProperty('child', true);
  });

  it('does no substring guessing', () => {
    expect(classifyHeader('支付金额（含运费）').kind).toBe('unknown');
    expect(classifyHeader('本店支付金额').kind).toBe('unknown');
  });
});

describe('channel headers', () => {
  const cases = CHANNELS.flatMap((c) => c.names.flatMap((n) => ['', ...CHANNEL_SUFFIXES].map((s) => [n + s, c.label] as const)));
  it.each(cases)('%s → %s', (name, label) => {
    expect(classifyHeader(name)).toMatchObject({ kind: 'channel', channel: label });
    expect(classifyHeader(`${name}(元)`)).toMatchObject({ kind: 'channel', channel: label, unit: '元' });
  });
  it("accepts the plan's own channels with suffixes", () => {
    expect(classifyHeader('抖音花费（万元）', ['抖音'])).toMatchObject({ kind: 'channel', channel: '抖音', unit: '万元' });
    expect(classifyHeader('抖音花费').kind).toBe('unknown');
  });
  it('reads the total names as marketing, not a channel', () => {
    for (const name of TOTAL_SPEND_HEADERS) expect(classifyHeader(name)).toMatchObject({ kind: 'field', field: 'marketing' });
  });
});

describe('other headers', () => {
  it.each([...RECOGNISED_NOT_USED])('%s is recognised, not used', (name) => expect(classifyHeader(name).kind).toBe('ignored'));
  it('suggests the name within one edit', () => {
    expect(classifyHeader('钻展花废')).toEqual({ kind: 'unknown', suggestion: '钻展花费' });
    expect(classifyHeader('支付金')).toMatchObject({ kind: 'unknown', suggestion: '支付金额' });
    expect(classifyHeader('完全不相干的列')).toEqual({ kind: 'unknown', suggestion: undefined });
  });
  it('leaves an empty header empty', () => expect(classifyHeader('  ').kind).toBe('empty'));
});
