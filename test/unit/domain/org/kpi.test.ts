import { describe, expect, it } from 'vitest';
import { kpiTarget } from '../../../../src/domain/org/kpi.ts';

describe('kpiTarget', () => {
  it('uses ≤ when lower is better and ≥ when higher is better', () => {
    expect(kpiTarget({ target: 3, unit: '%', better: 'lower' })).toBe('≤ 3%');
    expect(kpiTarget({ target: 40, unit: '%', better: 'higher' })).toBe('≥ 40%');
  });

  it('puts a space before word units and none before %', () => {
    expect(kpiTarget({ target: 20, unit: '秒', better: 'lower' })).toBe('≤ 20 秒');
    expect(kpiTarget({ target: 10, unit: '条', better: 'higher' })).toBe('≥ 10 条');
    expect(kpiTarget({ target: 3, unit: '％', better: 'lower' })).toBe('≤ 3％');
  });

  it('works without a unit and with a text target', () => {
    expect(kpiTarget({ target: 3, better: 'higher' })).toBe('≥ 3');
    expect(kpiTarget({ target: '1:3', better: 'higher' })).toBe('≥ 1:3');
    expect(kpiTarget({ target: 4.8, unit: ' 分 ', better: 'higher' })).toBe('≥ 4.8 分');
  });
});
