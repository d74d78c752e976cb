import { describe, expect, it } from 'vitest';
import { styleScope, withoutScope } from '../../../src/components/style-scope.ts';

describe('styleScope', () => {
  it("keeps only the page's style scope, as a bare attribute", () => {
    expect(styleScope({ 'data-astro-cid-svijbk6l': true, 'data-role-section': 'about' })).toEqual({ 'data-astro-cid-svijbk6l': '' });
  });

  it('is empty for a page without a scoped style', () => {
    expect(styleScope({ 'data-role-section': 'about' })).toEqual({});
  });
});

describe('withoutScope', () => {
  it('keeps the other attributes, in their order', () => {
    expect(Object.keys(withoutScope({ 'data-a': 1, 'data-astro-cid-x': true, 'data-b': 2 }))).toEqual(['data-a', 'data-b']);
  });
});
