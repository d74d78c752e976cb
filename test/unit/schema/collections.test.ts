import { describe, expect, it } from 'vitest';
import { site } from '../../../src/schema/collections.ts';

describe('site.yaml search settings', () => {
  it('use the lexicon, with no entry switched off, when not given', () => {
    expect(site.parse({ name: 'x' }).search).toEqual({ lexicon: true, lexiconOff: [] });
    expect(site.parse({ name: 'x', search: {} }).search).toEqual({ lexicon: true, lexiconOff: [] });
  });

  it('take the lexicon switched off, and the entries switched off', () => {
    expect(site.parse({ name: 'x', search: { lexicon: false } }).search).toEqual({ lexicon: false, lexiconOff: [] });
    expect(site.parse({ name: 'x', search: { lexiconOff: ['亲', 'ztc'] } }).search).toEqual({ lexicon: true, lexiconOff: ['亲', 'ztc'] });
  });

  it('reject a lexicon setting that is not true or false', () => {
    for (const lexicon of ['no', 0, 'false', null]) {
      const parsed = site.safeParse({ name: 'x', search: { lexicon } });
      expect(parsed.success, String(lexicon)).toBe(false);
      expect(parsed.error?.issues[0]?.path, String(lexicon)).toEqual(['search', 'lexicon']);
    }
    expect(site.safeParse({ name: 'x', search: { lexiconOff: '亲' } }).success).toBe(false);
  });
});
