import { describe, expect, it } from 'vitest';
import { planSections, printContents } from '../../../../src/domain/plan/sections.ts';

const empty = { totals: undefined, months: [], stages: [], fixedCosts: [] };

describe('planSections', () => {
  it('lists only what a bare plan has: figures, ROI grades and staffing', () => {
    expect(planSections({ data: empty, hasBody: false }).map((s) => s.id)).toEqual(['summary', 'roi-bands', 'staffing']);
  });

  it('adds each section when its data is there, in page order', () => {
    const data = {
      totals: { revenue: { kind: 'amount', fen: 1 } },
      months: [{}],
      stages: [{}],
      fixedCosts: [{}],
    } as unknown as typeof empty;
    expect(planSections({ data, hasBody: true }).map((s) => s.id)).toEqual([
      'summary',
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

describe('planSections: declared totals', () => {
  it('leaves out the declared totals when they equal the months (the summary shows them once)', () => {
    const data = { ...empty, totals: { revenue: { kind: 'amount', fen: 1 } } } as unknown as typeof empty;
    expect(planSections({ data, hasBody: false, declaredMatches: true }).map((s) => s.id)).not.toContain('declared');
    expect(planSections({ data, hasBody: false, declaredMatches: false }).map((s) => s.id)).toContain('declared');
  });
});

describe('printContents', () => {
  it('lists the sections after page 1: no summary (page 1 itself) and no interactive charts', () => {
    const data = { ...empty, months: [{}], stages: [{}] } as unknown as typeof empty;
    expect(printContents({ data, hasBody: true, hasActuals: true }).map((s) => s.id)).toEqual([
      'actuals',
      'months',
      'timeline',
      'stages',
      'roi-bands',
      'staffing',
      'details',
    ]);
  });
});
