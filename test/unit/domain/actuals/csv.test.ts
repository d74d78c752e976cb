/** The CSV reader: encodings, the header under metadata lines, dialect, lines and columns. */
import { describe, expect, it } from 'vitest';
import { readCsvActuals } from '../../../../src/domain/actuals/csv.ts';
import { encodeGbk } from '../../../../src/domain/actuals/decode.ts';
import { buildActuals, type PlanForActuals } from '../../../../src/domain/actuals/model.ts';
import { actualsFigures } from '../../../../src/domain/actuals/figures.ts';
import { DEFAULT_ROI, plan as planSchema } from '../../../../src/schema/collections.ts';

const SHENGYI = [
  '【生意参谋平台】店铺_整体_2014-10-01_2014-10-31',
  '统计时间,2014-10-01~2014-10-31',
  '终端,所有终端',
  '',
  '统计日期,访客数,浏览量,支付金额,支付买家数,支付转化率,客单价,支付子订单数,跳失率',
  '2014-10-01,"1,000",3000,"8,178.00",100,10.00%,81.78,110,45.2%',
  '2014-10-02,900,-,"7,000.50",90,10%,77.78,95,-',
].join('\r\n');

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const gbk = (text: string) => encodeGbk(text)!;
const read = (bytes: Uint8Array, options = {}) => readCsvActuals('actuals/home-2014/x.csv', bytes, options);
const rules = (f: ReturnType<typeof read>) => f.problems.map((p) => [p.rule, p.line, p.column ?? null]);

describe('encodings', () => {
  it('reads UTF-8', () => {
    const f = read(utf8(SHENGYI));
    expect(f.encoding).toBe('UTF-8');
    expect(f.records).toHaveLength(2);
    expect(f.problems).toEqual([]);
  });
  it('reads UTF-8 with a BOM and drops it', () => {
    const f = read(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SHENGYI)]));
    expect(f.encoding).toBe('UTF-8 BOM');
    expect(f.source).toBe('【生意参谋平台】店铺_整体_2014-10-01_2014-10-31');
    expect(f.records).toHaveLength(2);
  });
  it('reads GBK (what 生意参谋 saves) without a message', () => {
    const f = read(gbk(SHENGYI));
    expect(f.encoding).toBe('GB18030');
    expect(f.problems).toEqual([]);
    expect(f.records.map((r) => r.amounts.get('revenue'))).toEqual([817_800, 700_050]);
  });
  it('refuses UTF-16 LE and BE (Excel "Unicode 文本") with its hint', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(SHENGYI, 'utf16le')]);
    expect(read(le).problems).toMatchObject([{ rule: 'actuals.encoding', line: 1, params: { reason: 'utf16', encoding: 'UTF-16 LE' } }]);
    const be = Buffer.from(SHENGYI, 'utf16le').swap16();
    expect(read(new Uint8Array([0xfe, 0xff, ...be])).problems).toMatchObject([{ rule: 'actuals.encoding', params: { reason: 'utf16' } }]);
    // Without a BOM: the NUL bytes give it away.
    expect(read(new Uint8Array(Buffer.from(SHENGYI, 'utf16le'))).problems).toMatchObject([{ rule: 'actuals.encoding', params: { reason: 'utf16' } }]);
  });
  it('refuses an .xls saved with a .csv name (D0 CF 11 E0) as noHeader with the .xls hint', () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect(read(xls).problems).toMatchObject([{ rule: 'actuals.noHeader', line: 1, params: { cause: 'xls' } }]);
  });
  it('names the line of the first byte that no encoding reads', () => {
    const bytes = new Uint8Array([...utf8('统计日期,支付金额\n2014-10-01,1\n'), 0xff, 0x0a]);
    expect(read(bytes).problems).toMatchObject([{ rule: 'actuals.encoding', line: 3, params: { reason: 'undecodable' } }]);
  });
  it('tells mojibake from a missing header (鏃ユ湡 was 日期)', () => {
    const garbled = new TextDecoder('gb18030').decode(utf8('日期,支付金额\n2014-10-01,1\n'));
    const f = read(utf8(garbled));
    expect(f.problems).toMatchObject([{ rule: 'actuals.encoding', params: { reason: 'mojibake' } }]);
  });
  it('reads Big5 when GB18030 yields no header, and first on a zh-TW site', () => {
    const big5 = new Uint8Array([...Buffer.from('\xa4\xe9\xb4\xc1,', 'latin1')]); // 日期 in Big5
    const text = Buffer.concat([Buffer.from(big5), Buffer.from('GMV\n2014-10-01,5\n')]);
    const f = read(new Uint8Array(text), { big5First: true });
    expect(f.encoding).toBe('Big5');
    expect(f.records).toHaveLength(1);
  });
});

describe('header and dialect', () => {
  it('finds the header under metadata lines and keeps lines physical', () => {
    const f = read(utf8(SHENGYI));
    expect(f.records.map((r) => [r.key, r.line])).toEqual([
      ['2014-10-01', 6],
      ['2014-10-02', 7],
    ]);
  });
  it('takes the parent-order column when both exist, else the child one and says so', () => {
    expect(read(utf8(SHENGYI)).ordersHeader).toBe('支付子订单数');
    const both = read(utf8('日期,支付订单数,支付子订单数,支付金额\n2014-10-01,5,7,100\n'));
    expect(both.records[0]!.amounts.get('orders')).toBe(5);
    expect(both.ordersHeader).toBeUndefined();
    expect(both.problems).toEqual([]);
  });
  it('accepts CRLF, LF and CR line endings', () => {
    for (const eol of ['\r\n', '\n', '\r']) expect(read(utf8(['日期,支付金额', '2014-10-01,1', '2014-10-02,2'].join(eol))).records).toHaveLength(2);
  });
  it('reads quoted commas and line breaks, and counts the lines a record spans', () => {
    const f = read(utf8('日期,支付金额,备注\n2014-10-01,"1,200","第一行\n第二行"\n2014-10-02,5,\n'));
    expect(f.records.map((r) => [r.line, r.note])).toEqual([
      [2, '第一行\n第二行'],
      [4, undefined],
    ]);
  });
  it('unwraps Excel\'s ="0123" and skips blank, all-comma and summary rows', () => {
    const f = read(utf8('日期,支付金额,访客数\n="2014-10-01",="100",1\n\n,,\n合计,100,1\n总计,100,1\n'));
    expect(f.records).toHaveLength(1);
    expect(f.problems).toEqual([]);
  });
  it('reports tab-separated text as noHeader with the tab hint', () => {
    expect(read(utf8('日期\t支付金额\n2014-10-01\t1\n')).problems).toMatchObject([{ rule: 'actuals.noHeader', params: { cause: 'tab' } }]);
    expect(read(utf8('日期;支付金额\n2014-10-01;1\n')).problems).toMatchObject([{ rule: 'actuals.noHeader', params: { cause: 'semicolon' } }]);
  });
  it('looks for the header only in the first 20 non-blank lines', () => {
    const meta = Array.from({ length: 20 }, (_, i) => `说明第${i}行`).join('\n');
    expect(read(utf8(`${meta}\n日期,支付金额\n2014-10-01,1\n`)).problems).toMatchObject([{ rule: 'actuals.noHeader', line: 1 }]);
  });
  it('reports an unquoted thousands separator as rowShape with the hint', () => {
    const f = read(utf8('日期,支付金额,访客数\n2014-10-01,2,807.13,5\n2014-10-02,1,1,\n'));
    expect(rules(f)).toEqual([['actuals.rowShape', 2, null]]);
    expect(f.problems[0]!.params.thousands).toBe(true);
    expect(f.records).toHaveLength(1);
  });
  it('reports cells at line and column with the header as written', () => {
    const f = read(utf8('统计日期,支付金额(元),访客数\n2014-10-01,-350,1\n2014/10/02,abc,1.5\n41917,1,1\n'));
    expect(rules(f)).toEqual([
      ['actuals.negative', 2, 2],
      ['actuals.cell', 3, 2],
      ['actuals.cell', 3, 3],
      ['actuals.cell', 4, 1],
    ]);
    expect(f.problems[0]!.path).toEqual(['支付金额(元)']);
    expect(f.problems[0]!.params.letter).toBe('B');
  });
  it('reports conflicting columns and both date and month', () => {
    expect(rules(read(utf8('日期,支付金额,成交金额\n2014-10-01,1,1\n')))).toEqual([['actuals.columnConflict', 1, 3]]);
    expect(rules(read(utf8('日期,月份,支付金额\n2014-10-01,2014-10,1\n')))).toEqual([['actuals.columnConflict', 1, 2]]);
  });
  it('warns on unknown columns with a suggestion', () => {
    const f = read(utf8('日期,支付金额,钻展花废\n2014-10-01,1,5\n'));
    expect(f.problems).toMatchObject([{ rule: 'actuals.unknownColumn', line: 1, column: 3, params: { suggestion: '钻展花费' } }]);
    expect(f.records[0]!.amounts.has('spend.钻展')).toBe(false);
  });
  it('leaves every record and month figure as without an unknown column (直播观看人数, between known ones)', () => {
    const withLive = SHENGYI.replace('统计日期,访客数,', '统计日期,访客数,直播观看人数,')
      .replace('2014-10-01,"1,000",', '2014-10-01,"1,000","12,000",')
      .replace('2014-10-02,900,', '2014-10-02,900,350,');
    const plain = read(gbk(SHENGYI));
    const live = read(gbk(withLive));
    expect(live.problems).toMatchObject([{ rule: 'actuals.unknownColumn', severity: 'warning', line: 5, column: 3, path: ['直播观看人数'] }]);
    expect(live.records.map((r) => [r.key, [...r.amounts]])).toEqual(plain.records.map((r) => [r.key, [...r.amounts]]));
    const PLAN: PlanForActuals = {
      id: 'home-2014',
      period: { start: '2014-10', end: '2014-10' },
      targets: new Map([['2014-10', { revenue: 1_000_000, marketing: null }]]),
      lowAttainment: 0.8,
    };
    const DATA = planSchema.parse({
      title: 't',
      store: 's',
      period: { start: '2014-10', end: '2014-10' },
      months: [{ month: '2014-10', revenue: '1万', marketing: '待定' }],
    });
    const figures = (f: typeof plain) =>
      actualsFigures(DATA, buildActuals(PLAN, 'actuals/home-2014', [f]), DEFAULT_ROI).months.map(({ actual, ...figures }) => ({
        ...figures,
        amounts: [...actual.amounts],
      }));
    expect(figures(live)).toEqual(figures(plain));
  });
  it('reads a monthly 生意参谋 export whose date cell is a month range', () => {
    const f = read(utf8('统计日期,支付金额\n2014-10-01~2014-10-31,100\n'));
    expect(f.records[0]).toMatchObject({ kind: 'month', key: '2014-10' });
    const mixed = read(utf8('统计日期,支付金额\n2014-10-01~2014-10-31,100\n2014-11-02,1\n'));
    expect(rules(mixed)).toEqual([['actuals.granularity', 3, 1]]);
  });
  it('reads empty money and counts as 0, empty rates as no value', () => {
    const f = read(utf8('日期,支付金额,访客数,支付转化率\n2014-10-01,-,-,-\n'));
    expect(Object.fromEntries(f.records[0]!.amounts)).toEqual({ revenue: 0, visitors: 0 });
    expect(f.records[0]!.conversionRate).toBeUndefined();
  });
  it('scales 万元 columns and reads (%) columns as points', () => {
    const f = read(utf8('月份,成交额(万元),支付转化率(%)\n2014-10,1.25,3.52\n'));
    expect(f.records[0]!.amounts.get('revenue')).toBe(1_250_000);
    expect(f.records[0]!.conversionRate!.value).toBeCloseTo(0.0352);
  });
});
