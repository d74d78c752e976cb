/**
 * The MDX components in the built sample (sops/standard-answers.mdx and
 * roles/cs-lead.mdx use every one of them): links land on existing pages with
 * the entry's title, callouts carry their label, steps are numbered, checklists
 * have real checkboxes, terms link to their glossary entry with a tooltip.
 */
import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { loadContent } from '../../src/check/load.ts';
import { page } from './helpers.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const dist = inject('sampleDist');
const { handbook } = await loadContent(path.resolve('content'), { today: '2026-11-25' });

const isElement = (node: Node): node is Element => 'tagName' in node;
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const classes = (el: Element) => (attr(el, 'class') ?? '').split(/\s+/);

function all(root: Node, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    if (isElement(node) && test(node)) out.push(node);
    for (const child of 'childNodes' in node ? node.childNodes : []) walk(child as Node);
  };
  walk(root);
  return out;
}

function text(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  return ('childNodes' in node ? node.childNodes : []).map((c) => text(c as Node)).join('');
}

/** The rendered body (section.body) of a page. */
function body(route: string): Element {
  const [section] = all(parse(page(dist, route)), (el) => el.tagName === 'section' && classes(el).includes('body'));
  expect(section, `${route} has a body`).toBeDefined();
  return section!;
}

const ROUTES = ['sops/standard-answers', 'roles/cs-lead'];
const bodies = ROUTES.map((route) => ({ route, body: body(route), doc: parse(page(dist, route)) }));

describe('MDX components in the built sample', () => {
  it('are all used by the sample', () => {
    const found = new Set<string>();
    for (const { body } of bodies) {
      if (all(body, (el) => classes(el).includes('callout')).length) found.add('Callout');
      if (all(body, (el) => classes(el).includes('steps-list')).length) found.add('Steps');
      if (all(body, (el) => classes(el).includes('checklist')).length) found.add('Checklist');
      if (all(body, (el) => el.tagName === 'a' && /^\/roles\//.test(attr(el, 'href') ?? '')).length) found.add('RoleLink');
      if (all(body, (el) => el.tagName === 'a' && /^\/sops\//.test(attr(el, 'href') ?? '')).length) found.add('SopLink');
      if (all(body, (el) => el.tagName === 'a' && classes(el).includes('term') && /-mdx-/.test(attr(el, 'aria-describedby') ?? '')).length) found.add('Term');
    }
    expect([...found].sort()).toEqual(['Callout', 'Checklist', 'RoleLink', 'SopLink', 'Steps', 'Term']);
  });

  it('<RoleLink> and <SopLink> land on existing pages, titled with the entry unless the author gave words', () => {
    const titles = new Map<string, string>([
      ...handbook.roles.map((r) => [`/roles/${r.id}/`, r.data.title] as const),
      ...handbook.sops.map((s) => [`/sops/${s.id}/`, s.data.title] as const),
    ]);
    const links = bodies.flatMap(({ body }) => all(body, (el) => el.tagName === 'a' && /^\/(roles|sops)\//.test(attr(el, 'href') ?? '')));
    expect(links.length).toBeGreaterThanOrEqual(6);
    for (const link of links) {
      const href = decodeURIComponent(attr(link, 'href')!);
      expect(existsSync(path.join(dist, href, 'index.html')), href).toBe(true);
      expect(titles.has(href), href).toBe(true);
    }
    const textOf = (href: string) => links.filter((l) => attr(l, 'href') === href).map((l) => text(l));
    expect(textOf('/roles/cs-lead/')).toEqual(['客服主管']);
    expect(textOf('/sops/first-reply-20s/')).toEqual([titles.get('/sops/first-reply-20s/')]);
    expect(textOf('/roles/copywriter/')).toEqual(['文案']);
    expect(textOf('/sops/problem-orders-24h/')).toEqual(['问题订单处理流程']);
  });

  it('<Callout> is a note named by its label in the site language, with its title', () => {
    const callouts = bodies.flatMap(({ body, doc }) => all(body, (el) => classes(el).includes('callout')).map((el) => ({ el, doc })));
    const labels = callouts.map(({ el, doc }) => {
      expect(attr(el, 'role')).toBe('note');
      const [label] = all(doc, (x) => attr(x, 'id') === attr(el, 'aria-labelledby'));
      expect(label, 'the label the note is named by').toBeDefined();
      expect(classes(label!)).toContain('callout-label');
      return [classes(el).find((c) => c !== 'callout' && c.startsWith('callout-')), text(label!)];
    });
    expect(labels).toEqual([
      ['callout-tip', '提示'],
      ['callout-danger', '危险：不许乱承诺'],
      ['callout-warning', '注意：问题订单'],
    ]);
  });

  it('<Steps> is a numbered list', () => {
    for (const { route, body } of bodies) {
      const lists = all(body, (el) => classes(el).includes('steps-list'));
      expect(
        lists.map((l) => l.tagName),
        route,
      ).toEqual(['ol']);
      expect(all(lists[0]!, (el) => el.tagName === 'li').length, route).toBe(3);
    }
  });

  it('<Checklist> has a live checkbox in a label on every item, which prints as a box', () => {
    for (const { route, body } of bodies) {
      const [list] = all(body, (el) => classes(el).includes('checklist'));
      const items = all(list!, (el) => el.tagName === 'li');
      expect(items.length, route).toBe(3);
      for (const item of items) {
        const [label] = all(item, (el) => el.tagName === 'label');
        const boxes = all(label!, (el) => el.tagName === 'input');
        expect(
          boxes.map((b) => [attr(b, 'type'), attr(b, 'disabled')]),
          route,
        ).toEqual([['checkbox', undefined]]);
        expect(text(label!).trim().length).toBeGreaterThan(2);
      }
    }
    // On paper every checkbox is an empty box with a black border (src/styles/print.css).
    const html = page(dist, 'sops/standard-answers');
    const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(path.join(dist, m[1]!), 'utf8')).join('\n');
    expect(css).toMatch(/@media print\{[\s\S]*input\[type=["']?checkbox["']?\]\{[^}]*appearance:none[^}]*border:[^}]*#000/);
  });

  it('<Term> links to its glossary entry, with the tooltip of the automatic links, resolving aliases', () => {
    const glossaryIds = new Set(all(parse(page(dist, 'glossary')), (el) => attr(el, 'id') !== undefined).map((el) => attr(el, 'id')!));
    const terms = bodies.flatMap(({ route, body, doc }) =>
      all(body, (el) => el.tagName === 'a' && classes(el).includes('term') && /-mdx-/.test(attr(el, 'aria-describedby') ?? '')).map((a) => ({ route, a, doc })),
    );
    expect(terms.map(({ a }) => [decodeURIComponent(attr(a, 'href')!), text(a)])).toEqual([
      ['/glossary/#旺旺', '旺旺'],
      ['/glossary/#千牛', '千牛的快捷短语'],
      ['/glossary/#标准话术', '快捷短语'],
    ]);
    for (const { route, a, doc } of terms) {
      expect(glossaryIds.has(decodeURIComponent(attr(a, 'href')!.split('#')[1]!)), route).toBe(true);
      const [tip] = all(doc, (el) => attr(el, 'id') === attr(a, 'aria-describedby'));
      expect(attr(tip!, 'role')).toBe('tooltip');
      expect(tip!.attrs.some((x) => x.name === 'data-pagefind-ignore')).toBe(true);
    }
    // An alias leads the tooltip with the term's own name.
    const [alias] = all(bodies[1]!.doc, (el) => attr(el, 'id') === attr(terms[2]!.a, 'aria-describedby'));
    expect(text(alias!)).toMatch(/^标准话术：/);
  });

  it('list the pages that use a term with <Term> on the glossary page', () => {
    const glossary = parse(page(dist, 'glossary'));
    const [entry] = all(glossary, (el) => attr(el, 'id') === '千牛');
    const usedIn = all(entry!, (el) => classes(el).includes('used-in')).flatMap((p) => all(p, (el) => el.tagName === 'a').map((a) => attr(a, 'href')));
    expect(usedIn).toContain('/sops/standard-answers/');
  });
});
