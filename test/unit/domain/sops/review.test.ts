import { describe, expect, it } from 'vitest';
import { reviewStatus } from '../../../../src/domain/sops/review.ts';

describe('reviewStatus', () => {
  it('is due reviewEvery months after the last review', () => {
    expect(reviewStatus({ updated: '2026-03-12', reviewEvery: 12 }, '2026-11-25')).toEqual({
      updated: '2026-03-12',
      every: 12,
      due: '2027-03-12',
      overdue: false,
    });
  });

  it('is overdue from the due day on (the SOP should be reviewed before that day)', () => {
    expect(reviewStatus({ updated: '2026-03-12', reviewEvery: 12 }, '2027-03-11').overdue).toBe(false);
    expect(reviewStatus({ updated: '2026-03-12', reviewEvery: 12 }, '2027-03-12').overdue).toBe(true);
    expect(reviewStatus({ updated: '2020-01-15', reviewEvery: 6 }, '2026-11-25')).toMatchObject({ due: '2020-07-15', overdue: true });
  });

  it('clamps the due day to the end of a shorter month', () => {
    expect(reviewStatus({ updated: '2026-08-31', reviewEvery: 6 }, '2027-02-27')).toMatchObject({ due: '2027-02-28', overdue: false });
    expect(reviewStatus({ updated: '2026-08-31', reviewEvery: 6 }, '2027-02-28').overdue).toBe(true);
  });

  it('has no due date and is never overdue without a last review date', () => {
    expect(reviewStatus({ reviewEvery: 12 }, '2099-01-01')).toEqual({ every: 12, overdue: false });
  });
});
