/** 环比 and ROI differences (actuals-format.md, "Derived figures"): exact, rounded half away from zero. */
import { describe, expect, it } from 'vitest';
import { formatChange, formatRatioDifference } from '../../../../src/domain/actuals/ratio.ts';

describe('环比: (now − last) ÷ last, signed, one decimal', () => {
  it('signs a rise with +, a fall with -, and leaves zero unsigned', () => {
    expect(formatChange(120, 100)).toBe('+20.0%');
    expect(formatChange(75, 100)).toBe('-25.0%');
    expect(formatChange(100, 100)).toBe('0.0%');
    expect(formatChange(0, 100)).toBe('-100.0%');
    expect(formatChange(250, 100)).toBe('+150.0%');
  });
  it('rounds half away from zero on the exact value (no binary drift)', () => {
    expect(formatChange(40_100, 40_000)).toBe('+0.3%'); // +0.25%
    expect(formatChange(39_900, 40_000)).toBe('-0.3%'); // -0.25%
    expect(formatChange(40_099, 40_000)).toBe('+0.2%'); // +0.2475%
    expect(formatChange(1, 3)).toBe('-66.7%');
    expect(formatChange(100_000_001, 100_000_000)).toBe('0.0%'); // a rounded 0 has no sign
  });
  it('compares rates and ratios from their parts: a/b against c/d', () => {
    expect(formatChange({ num: 540, den: 12_000 }, { num: 500, den: 12_000 })).toBe('+8.0%');
    expect(formatChange({ num: 12_000_000, den: 540 }, { num: 10_000_000, den: 500 })).toBe('+11.1%');
    // Large fen and counts stay exact (products beyond 2^53 are computed as BigInt).
    expect(formatChange({ num: 9_999_999_999, den: 999_999 }, { num: 9_999_999_999, den: 999_999 })).toBe('0.0%');
  });
  it('is "—" when either figure is unknown or last is 0', () => {
    expect(formatChange(100, null)).toBe('—');
    expect(formatChange(null, 100)).toBe('—');
    expect(formatChange(100, undefined)).toBe('—');
    expect(formatChange(100, 0)).toBe('—');
    expect(formatChange({ num: 1, den: 2 }, { num: 0, den: 5 })).toBe('—');
  });
});

describe('ROI against the planned ROI', () => {
  it('is the signed difference, two decimals, exact', () => {
    expect(formatRatioDifference({ num: 3, den: 1 }, { num: 4, den: 1 })).toBe('-1.00');
    expect(formatRatioDifference({ num: 4_350, den: 1_000 }, { num: 4, den: 1 })).toBe('+0.35');
    expect(formatRatioDifference({ num: 4_005, den: 1_000 }, { num: 4, den: 1 })).toBe('+0.01'); // 0.005 away from zero
    expect(formatRatioDifference({ num: 4, den: 1 }, { num: 4, den: 1 })).toBe('0.00');
    expect(formatRatioDifference(null, { num: 4, den: 1 })).toBe('—');
  });
});
