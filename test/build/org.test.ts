/**
 * The org chart, the start page and the onboarding paths in the built sample:
 * every role exactly once under its manager, a way in for newcomers, and a
 * small checklist script as the role pages' own JavaScript.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadContent } from '../../src/check/load.ts';
import { onboardingPath } from '../../src/domain/org/onboarding.ts';
import { foldScript } from '../../src/domain/script.ts';
import { page } from './helpers.ts';

const dist = inject('sampleDist');
const { handbook } = await loadContent(path.resolve('content'), { today: '2026-11-25' });

interface Box {
  role: string;
  manager: string;
  /** data-role of the nearest enclosing <li> (the DOM parent node), '' at the top. */
  parent: string;
  href: string | undefined;
}

/** The chart's <li data-role> boxes with their DOM parent, read with a small tag walker over the chart's own markup. */
function chartBoxes(html: string): Box[] {
  const start = html.indexOf('<ul class="org-forest"');
  expect(start, 'org chart markup').toBeGreaterThan(-1);
  const boxes: Box[] = [];
  const open: (Box | undefined)[] = [];
  for (const match of html.slice(start).matchAll(/<(\/?)(li|ul)\b([^>]*)>/g)) {
    const [, closing, tag, attrs = ''] = match;
    if (tag === 'ul') {
      if (closing && open.length === 0) break; // end of the forest
      continue;
    }
    if (closing) {
      open.pop();
      continue;
    }
    const role = /\sdata-role="([^"]*)"/.exec(attrs)?.[1];
    if (role === undefined) {
      open.push(undefined);
      continue;
    }
    const rest = html.slice(start + match.index! + match[0].length);
    const href = /^\s*<div class="org-box"[^>]*>\s*<a[^>]*href="([^"]*)"/.exec(rest)?.[1];
    const parent = [...open].reverse().find((b) => b !== undefined)?.role ?? '';
    // An empty data-manager may be written as a bare attribute.
    const manager = /\sdata-manager(?:="([^"]*)")?(?=[\s>]|$)/.exec(attrs);
    const box = { role, manager: manager ? (manager[1] ?? '') : 'missing', parent, href };
    boxes.push(box);
    open.push(box);
  }
  return boxes;
}

describe('the org chart of the sample', () => {
  const html = page(dist, 'org');
  const boxes = chartBoxes(html);

  it('shows every role exactly once', () => {
    expect(boxes.map((b) => b.role).sort()).toEqual(handbook.roles.map((r) => r.id).sort());
  });

  it('puts every role under its manager (DOM parent and data-manager), roots at the top', () => {
    for (const role of handbook.roles) {
      const box = boxes.find((b) => b.role === role.id)!;
      expect(box.parent, role.id).toBe(role.data.reportsTo ?? '');
      expect(box.manager, role.id).toBe(role.data.reportsTo ?? '');
    }
  });

  it('links each box to its role and shows headcount and holders', () => {
    for (const box of boxes) expect(box.href, box.role).toBe(`/roles/${box.role}/`);
    expect(html).toContain('1 / 3 人');
    expect(html).toContain('缺 2 人');
    expect(html).toContain('小张');
  });

  it('has a department legend and a landscape print page', () => {
    for (const d of handbook.departments) expect(html, d.id).toContain(`href="/departments/${d.id}/"`);
    expect(html).toMatch(/class="org-scroll"[^>]*role="region"|role="region"[^>]*class="org-scroll"/);
  });

  it('ships no JavaScript of its own (only what every page has)', () => {
    const scripts = (source: string) => [...source.matchAll(/<script\b[^>]*>[\s\S]*?<\/script>/g)].map((m) => m[0]).sort();
    expect(scripts(html)).toEqual(scripts(page(dist, 'glossary')));
  });
});

describe('onboarding', () => {
  it('lists every role on the start page, grouped by department, each linking to its onboarding path', () => {
    const html = page(dist, 'start');
    for (const role of handbook.roles) expect(html, role.id).toContain(`href="/roles/${role.id}/#onboarding"`);
    for (const d of handbook.departments) expect(html).toContain(d.data.name);
  });

  it('shows the onboarding path on every role page as checkboxes keyed by item', () => {
    for (const role of handbook.roles) {
      const html = page(dist, `roles/${role.id}`);
      expect(html, role.id).toContain('id="onboarding"');
      expect(html).toContain(`data-onboarding="opsbook:onboarding:${role.id}"`);
      const keys = [...html.matchAll(/<input type="checkbox" data-key="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
      const expected = onboardingPath(role.id, handbook, { fold: foldScript }).items.map((i) => i.key);
      expect(keys, role.id).toEqual(expected);
    }
  });

  it('gives the presales agent its own SOPs first and a progress count', () => {
    const html = page(dist, 'roles/presales-cs');
    const section = html.slice(html.indexOf('id="onboarding"'));
    expect(section.indexOf('data-key="sop:ship-notice-and-payment-reminder"')).toBeLessThan(section.indexOf('data-key="sop:problem-orders-24h"'));
    expect(section).toMatch(/已完成\s*<span data-done[^>]*>0<\/span>\s*\/ \d+/);
  });

  // A file of the site, not inline: the CSP allows only Opsbook's two known inline scripts (src/integrations/html-hardening.ts).
  it('keeps the checklist script one small file of the site, under 1 KB', () => {
    const html = page(dist, 'roles/presales-cs');
    const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]*OnboardingPath[^"]*)"[^>]*><\/script>/g)].map((m) => m[1]!);
    expect(sources).toHaveLength(1);
    const code = readFileSync(path.join(dist, sources[0]!), 'utf8');
    expect(code).toContain('data-onboarding');
    expect(Buffer.byteLength(code, 'utf8')).toBeLessThan(1024);
  });
});
