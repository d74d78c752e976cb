import { describe, expect, it } from 'vitest';
import { planSections } from '../../../../src/domain/plan/sections.ts';

const empty = { totals: undefined, months: [], stages: [], fixedCosts: [] };

describe('planSections', () => {
  it('lists only what a bare plan has: figures, ROI grades and staffing', () => {
    expect(planSections({ data: empty, hasBody: false }).map((s) => s.id)).toEqual(['figures', 'roi-bands', 'staffing']);
  });

  it('adds each section when its data is there, in page order', () => {
    const data = {
      totals: { revenue: { kind: 'amount', fen: 1 } },
      months: [{}],
      stages: [{}],
      fixedCosts: [{}],
    } as unknown as typeof empty;
    expect(planSections({ data, hasBody: true }).map((s) => s.id)).toEqual([
      'figures',
      'declared',
      'charts',
      'months',
      'timeline',
      'stages',
      'roi-bands',
      'fixed-costs',
      'staffing',
      'details',
    ]);
  });

  it('has no declared totals section for a totals mapping without amounts', () => {
    expect(planSections({ data: { ...empty, totals: {} }, hasBody: false }).map((s) => s.id)).not.toContain('declared');
  });
});
