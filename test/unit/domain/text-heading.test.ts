import { describe, expect, it } from 'vitest';
import { bodyOpensWithHeading } from '../../../src/domain/text.ts';

describe('bodyOpensWithHeading', () => {
  it('sees a heading first, after blank and import lines', () => {
    expect(bodyOpensWithHeading('\n## 职责\n\n文字')).toBe(true);
    expect(bodyOpensWithHeading("import X from './x';\n\n# 概述")).toBe(true);
    expect(bodyOpensWithHeading('<h2>概述</h2>')).toBe(true);
  });
  it('does not when text or nothing comes first', () => {
    expect(bodyOpensWithHeading('先说明。\n\n## 职责')).toBe(false);
    expect(bodyOpensWithHeading('#hashtag')).toBe(false);
    expect(bodyOpensWithHeading('')).toBe(false);
    expect(bodyOpensWithHeading(undefined)).toBe(false);
  });
});
