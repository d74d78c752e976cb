/** The YAML reader and the merge rules of actuals-format.md ("From records to months"). */
import { describe, expect, it } from 'vitest';
import { readYamlActuals } from '../../../../src/domain/actuals/yaml.ts';
import { readCsvActuals } from '../../../../src/domain/actuals/csv.ts';
import { buildActuals, type PlanForActuals } from '../../../../src/domain/actuals/model.ts';

const yaml = (text: string, file = 'actuals/p/a.yaml') => readYamlActuals(file, Buffer.from(text));
const csv = (text: string, file = 'actuals/p/a.csv') => readCsvActuals(file, Buffer.from(text));
const PLAN: PlanForActuals = {
  id: 'p',
  period: { start: '2014-10', end: '2014-12' },
  targets: new Map([
    ['2014-10', { revenue: 1_000_000, marketing: 200_000 }],
    ['2014-11', { revenue: 1_000_000, marketing: 200_000 }],
    ['2014-12', { revenue: 1_000_000, marketing: 200_000 }],
  ]),
  lowAttainment: 0.8,
};
const rules = (problems: { rule: string }[]) => problems.map((p) => p.rule);

describe('YAML actuals', () => {
  it('reads money, counts, percents and channels; null is not recorded, 0 is 0', () => {
    const f = yaml(
      'rows:\n  - { month: 2014-11, revenue: 96.5万, refunds: null, orders: "12,400", conversionRate: 3.81%, spend: { 直通车花费: 14万, 钻石展位: 0 } }\n',
    );
    expect(f.problems).toEqual([]);
    const r = f.records[0]!;
    expect(Object.fromEntries(r.amounts)).toEqual({ revenue: 96_500_000, orders: 12_400, 'spend.直通车': 14_000_000, 'spend.钻展': 0 });
    expect(r.conversionRate!.value).toBeCloseTo(0.0381);
  });
  it('names each slip at its path: 待定, negatives, unknown keys and channels', () => {
    const f = yaml('rows:\n  - month: 2014-11\n    revenue: 待定\n    refunds: -5\n    revnue: 1\n    spend: { 抖音: 1万 }\n');
    expect(f.problems.map((p) => [p.rule, p.path.join('.'), p.line])).toEqual([
      ['schema.unknownKey', 'rows.0.revnue', 5],
      ['actuals.cell', 'rows.0.revenue', 3],
      ['actuals.negative', 'rows.0.refunds', 4],
      ['actuals.unknownColumn', 'rows.0.spend.抖音', 6],
    ]);
    expect(f.problems.find((p) => p.rule === 'schema.unknownKey')!.params.suggestion).toBe('revenue');
  });
  it("accepts the plan's own channels in spend", () => {
    const f = readYamlActuals('actuals/p/a.yaml', Buffer.from('rows:\n  - { month: 2014-11, spend: { 抖音: 1万 } }\n'), { channels: ['抖音'] });
    expect(f.problems).toEqual([]);
    expect(f.records[0]!.amounts.get('spend.抖音')).toBe(1_000_000);
  });
  it('refuses a file that is not UTF-8 with the existing file.encoding rule', () => {
    expect(rules(readYamlActuals('actuals/p/a.yaml', new Uint8Array([0xc8, 0xd5, 0xc6, 0xda, 0x3a])).problems)).toEqual(['file.encoding']);
  });
});

describe('merging and months', () => {
  it('merges a 生意参谋 file and an 阿里妈妈 file field by field, day by day', () => {
    const store = csv('日期,支付金额,支付订单数\n2014-10-01,100,1\n2014-10-02,200,2\n', 'actuals/p/store.csv');
    const ads = csv('日期,直通车花费\n2014-10-01,10\n2014-10-02,20\n', 'actuals/p/ads.csv');
    const model = buildActuals({ ...PLAN, period: { start: '2014-10', end: '2014-10' } }, 'actuals/p', [store, ads]);
    const oct = model.months[0]!;
    expect(Object.fromEntries(oct.amounts)).toEqual({ revenue: 30_000, orders: 3, 'spend.直通车': 3_000, marketing: 3_000 });
    expect(model.asOf).toBe('2014-10-02');
    expect(oct.status).toBe('inProgress');
    expect(rules(model.problems)).toEqual([]);
  });
  it('checks rows in order: outsidePeriod before afterAsOf before duplicateDate, one each', () => {
    const f = yaml(
      'asOf: 2014-10-31\nrows:\n  - { month: 2013-10, revenue: 1 }\n  - { month: 2014-11, revenue: 1 }\n  - { month: 2014-10, revenue: 1 }\n  - { month: 2014-10, revenue: 1 }\n',
    );
    const model = buildActuals(PLAN, 'actuals/p', [f]);
    expect(model.problems.map((p) => [p.rule, p.line])).toEqual([
      ['actuals.outsidePeriod', 3],
      ['actuals.afterAsOf', 4],
      ['actuals.duplicateDate', 6],
    ]);
    expect(model.problems[0]!.params.yearSlip).toBe('2014-10');
  });
  it('a monthly record with fewer days than the month: the days may not exceed it; when covered they must equal it', () => {
    const month = yaml('rows:\n  - { month: 2014-10, revenue: 10 }\n', 'actuals/p/m.yaml');
    const days = csv('日期,支付金额\n2014-10-01,4\n2014-10-02,4\n', 'actuals/p/d.csv');
    expect(rules(buildActuals({ ...PLAN, lowAttainment: 0 }, 'actuals/p', [days, month]).problems)).toEqual([]);
    const over = csv('日期,支付金额\n2014-10-01,6\n2014-10-02,6\n', 'actuals/p/d.csv');
    const model = buildActuals({ ...PLAN, lowAttainment: 0 }, 'actuals/p', [over, month]);
    expect(rules(model.problems)).toContain('actuals.rollup');
  });
  it('takes asOf from the data when undeclared, clamps it to the period, and leaves later months 未到', () => {
    const f = yaml('rows:\n  - { date: 2015-01-05, revenue: 1 }\n  - { month: 2014-10, revenue: 1 }\n');
    const model = buildActuals(PLAN, 'actuals/p', [f]);
    expect(model.asOf).toBe('2014-10-31');
    expect(model.months.map((m) => m.status)).toEqual(['complete', 'notYet', 'notYet']);
  });
  it('skips month-level checks when a file cannot be read, and monthMissing too', () => {
    const broken = csv('no header here\n', 'actuals/p/x.csv');
    const f = yaml('asOf: 2014-11-30\nrows:\n  - { month: 2014-11, revenue: 1, marketing: 99万 }\n');
    expect(rules(buildActuals(PLAN, 'actuals/p', [broken, f]).problems)).toEqual(['actuals.noHeader']);
  });
});
