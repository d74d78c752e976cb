import { describe, expect, it } from 'vitest';
import { sectionsOf, slugFor } from '../../../../src/components/layout/toc.ts';

describe('sectionsOf', () => {
  it('lists every h2, keeps existing ids and gives the others unique ones from their text', () => {
    const { html, toc } = sectionsOf(
      '<h1>售前客服</h1><section><h2 id="onboarding-title">入职路径</h2></section><h2 class="x">KPI &amp; 目标</h2><h2>职责</h2><h2>职责</h2><p id="职责-2">x</p><h2><span>负责的 SOP</span></h2><h3>不算</h3>',
    );
    expect(toc).toEqual([
      { id: 'onboarding-title', html: '入职路径' },
      { id: 'kpi-目标', html: 'KPI &amp; 目标' },
      { id: '职责', html: '职责' },
      { id: '职责-3', html: '职责' },
      { id: '负责的-sop', html: '负责的 SOP' },
    ]);
    expect(html).toContain('<h2 class="x" id="kpi-目标">KPI &amp; 目标</h2>');
    expect(html).toContain('<h2 id="职责-3">职责</h2>');
    expect(html).toContain('<h2 id="onboarding-title">入职路径</h2>');
    expect(html).toContain('<h3>不算</h3>');
  });

  it('leaves a page without h2 alone', () => {
    expect(sectionsOf('<p>正文</p>')).toEqual({ html: '<p>正文</p>', toc: [] });
  });

  it('makes fragment-safe ids', () => {
    expect(slugFor('新人提示（必读）')).toBe('新人提示必读');
    expect(slugFor('"<>')).toBe('section');
  });
});
