import { describe, expect, it } from 'vitest';
import { memoByRef, zhCollator } from '../../../src/domain/memo.ts';

describe('memoByRef', () => {
  it('derives once per input object and again for a new object', () => {
    let calls = 0;
    const size = memoByRef((xs: readonly number[]) => {
      calls++;
      return xs.length;
    });
    const a = [1, 2, 3];
    expect(size(a)).toBe(3);
    expect(size(a)).toBe(3);
    expect(calls).toBe(1);
    expect(size([1])).toBe(1);
    expect(calls).toBe(2);
  });

  it('caches undefined results too', () => {
    let calls = 0;
    const nothing = memoByRef((_: object) => {
      calls++;
      return undefined;
    });
    const key = {};
    nothing(key);
    nothing(key);
    expect(calls).toBe(1);
  });
});

describe('zhCollator', () => {
  it('orders as localeCompare with zh does', () => {
    const words = ['售后', '仓储', '运营', '美工', 'ROI', '财务', '产品', '客服', '10', '2'];
    expect([...words].sort(zhCollator.compare)).toEqual([...words].sort((a, b) => a.localeCompare(b, 'zh')));
  });
});
