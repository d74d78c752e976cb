import { describe, expect, it } from 'vitest';
import { compareDeclared, daysInMonth, monthsCovered, ordersPerDay, sumState } from '../../../../src/domain/plan/plan-view.ts';
import { fen, sumMoney, TBD } from '../../../../src/domain/money.ts';
import { planFigures } from '../../../../src/domain/plan/plan.ts';
import * as schemas from '../../../../src/schema/collections.ts';

const yuan = (n: number) => fen(n * 100);

describe('sumState', () => {
  it('tells nothing, all undecided, a lower bound and an exact sum apart', () => {
    expect(sumState(sumMoney([]))).toEqual({ kind: 'none' });
    expect(sumState(sumMoney([TBD, TBD]))).toEqual({ kind: 'tbd' });
    expect(sumState(sumMoney([yuan(100), TBD]))).toEqual({ kind: 'lowerBound', fen: 10000, undecided: 1 });
    expect(sumState(sumMoney([yuan(100), yuan(0)]))).toEqual({ kind: 'exact', fen: 10000 });
  });
});

describe('monthsCovered', () => {
  it('counts the months of the period that have figures', () => {
    const plan = schemas.plan.parse({
      title: 't',
      store: 's',
      period: { start: '2017-03', end: '2017-06' },
      months: [
        { month: '2017-03', revenue: 0, marketing: '待定' },
        { month: '2017-05', revenue: '6万', marketing: '1万' },
      ],
    });
    expect(monthsCovered(planFigures(plan))).toEqual({ covered: 2, total: 4 });
  });
});

describe('daysInMonth / ordersPerDay', () => {
  it('knows month lengths, leap years included', () => {
    expect(daysInMonth('2014-01')).toBe(31);
    expect(daysInMonth('2014-04')).toBe(30);
    expect(daysInMonth('2014-02')).toBe(28);
    expect(daysInMonth('2016-02')).toBe(29);
  });

  it('turns a revenue target into whole orders per day, rounded up', () => {
    // 15万 in a 30-day month at 125 yuan per order: exactly 40 a day
    expect(ordersPerDay(yuan(150000), yuan(125), '2014-04')).toBe(40);
    // 15万 in January (31 days): 38.7… → 39
    expect(ordersPerDay(yuan(150000), yuan(125), '2014-01')).toBe(39);
    expect(ordersPerDay(yuan(0), yuan(125), '2014-01')).toBe(0);
  });

  it('is null while an amount is undecided or missing', () => {
    expect(ordersPerDay(TBD, yuan(125), '2014-01')).toBeNull();
    expect(ordersPerDay(yuan(1000), TBD, '2014-01')).toBeNull();
    expect(ordersPerDay(yuan(1000), undefined, '2014-01')).toBeNull();
    expect(ordersPerDay(yuan(1000), yuan(0), '2014-01')).toBeNull();
  });
});

describe('compareDeclared', () => {
  it('matches, differs (declared − months) or cannot tell', () => {
    expect(compareDeclared(yuan(300), sumMoney([yuan(100), yuan(200)]))).toEqual({ kind: 'match' });
    expect(compareDeclared(yuan(250), sumMoney([yuan(100), yuan(200)]))).toEqual({ kind: 'differs', differenceFen: -5000 });
    expect(compareDeclared(TBD, sumMoney([yuan(100)]))).toEqual({ kind: 'undecided' });
    expect(compareDeclared(yuan(300), sumMoney([yuan(100), TBD]))).toEqual({ kind: 'undecided' });
  });
});
