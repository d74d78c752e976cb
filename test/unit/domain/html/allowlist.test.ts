/**
 * The body HTML allowlist (src/domain/html/allowlist.ts) and the sanitizer derived from it
 * (src/domain/html/guard.ts): URL rules against the tricks browsers accept, and the checker's verdict
 * and hast-util-sanitize's agreeing on every case, since both come from the one table.
 */
import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import {
  BODY_HTML,
  IMAGE_URL,
  LINK_URL,
  REMOVED_WITH_CONTENT,
  attributeFinding,
  isAllowedElement,
  markdownUrlFinding,
} from '../../../../src/domain/html/allowlist.ts';
import { guardTree, isCommentExpression, MAY_NEED_GUARD, SANITIZE_SCHEMA } from '../../../../src/domain/html/guard.ts';
import { MDX_COMPONENTS } from '../../../../src/mdx/components.ts';

describe('URL rules', () => {
  it.each([
    'https://example.com/a',
    'http://example.com',
    'mailto:ops@example.com',
    'tel:+86 10 0000',
    '/sops/x/',
    'x/y.html',
    '#step-2',
    '?q=1',
    '../up/',
    'a:b/'.replace('a:b/', 'page#a:b'),
  ])('a link may go to %s', (url) => expect(LINK_URL.test(url)).toBe(true));

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:x',
    '\u0001javascript:x',
    'vbscript:x',
    'data:text/html,<script>',
    'file:///etc/passwd',
    '//evil.example/x',
    '/\\evil.example',
    'ftp://x',
  ])('a link may not go to %j', (url) => expect(LINK_URL.test(url)).toBe(false));

  it('images: the site, https, small raster data pictures; not http, svg data, or script', () => {
    for (const ok of ['/img/a.png', 'a.png', 'https://cdn.example.com/a.png', 'data:image/png;base64,iVBOR', 'data:image/webp;base64,UklG'])
      expect(IMAGE_URL.test(ok), ok).toBe(true);
    for (const no of ['http://x/a.png', 'data:image/svg+xml;base64,PHN2Zz4=', 'data:text/html;base64,x', 'javascript:x', '//cdn.example.com/a.png'])
      expect(IMAGE_URL.test(no), no).toBe(false);
  });

  it('says why a URL is refused', () => {
    expect(markdownUrlFinding('javascript:alert(1)', false)).toBe('script');
    expect(markdownUrlFinding('java\tscript:alert(1)', false)).toBe('script');
    expect(markdownUrlFinding('data:text/html,x', false)).toBe('data');
    expect(markdownUrlFinding('http://x/a.png', true)).toBe('http-image');
    expect(markdownUrlFinding('//x/a.png', true)).toBe('other-host');
    expect(markdownUrlFinding('ftp://x', false)).toBe('scheme');
    expect(markdownUrlFinding('https://x', false)).toBeUndefined();
  });
});

/** hast-util-sanitize's verdict on one attribute of one element. */
function sanitizerKeeps(tag: string, attribute: string, value: string): boolean {
  const info = find(html, attribute);
  const parsed = info.spaceSeparated ? value.split(/\s+/) : info.boolean ? true : value;
  const element: Element = { type: 'element', tagName: tag, properties: { [info.property]: parsed }, children: [] };
  const out = sanitize({ type: 'root', children: [element] }, SANITIZE_SCHEMA) as Root;
  const kept = out.children[0];
  const value_ = kept?.type === 'element' ? kept.properties[info.property] : undefined;
  // A list property (class) whose every item was refused comes back empty: nothing is written.
  return value_ !== undefined && !(Array.isArray(value_) && value_.length === 0);
}

describe('one allowlist: the checker and the sanitizer agree', () => {
  const cases: [tag: string, attribute: string, value: string][] = [
    ['a', 'href', 'https://x'],
    ['a', 'href', 'javascript:alert(1)'],
    ['a', 'href', 'java\tscript:x'],
    ['a', 'href', '/p/'],
    ['a', 'href', 'data:text/html,x'],
    ['a', 'onclick', 'x()'],
    ['a', 'title', 't'],
    ['a', 'style', 'color:red'],
    ['a', 'class', 'btn'],
    ['a', 'id', 'x'],
    ['a', 'target', '_blank'],
    ['img', 'src', 'https://x/a.png'],
    ['img', 'src', 'http://x/a.png'],
    ['img', 'src', 'a.png'],
    ['img', 'src', 'data:image/png;base64,AA'],
    ['img', 'src', 'data:image/svg+xml,x'],
    ['img', 'onerror', 'x()'],
    ['img', 'alt', 'a'],
    ['img', 'width', '20'],
    ['img', 'srcset', 'a.png 2x'],
    ['td', 'colspan', '2'],
    ['td', 'style', 'text-align: left'],
    ['td', 'style', 'text-align: left; position: fixed'],
    ['th', 'scope', 'col'],
    ['details', 'open', ''],
    ['code', 'class', 'language-js'],
    ['code', 'class', 'evil'],
    ['div', 'style', 'position:fixed'],
    ['div', 'onmouseover', 'x'],
    ['input', 'type', 'checkbox'],
    ['input', 'type', 'text'],
    ['ol', 'start', '3'],
    ['li', 'id', 'user-content-fn-1'],
    ['li', 'id', 'hijack'],
  ];
  it.each(cases)('<%s %s=%j>', (tag, attribute, value) => {
    expect(sanitizerKeeps(tag, attribute, value)).toBe(attributeFinding(tag, attribute, value) === undefined);
  });

  it('keeps and drops the same elements', () => {
    for (const tag of [...Object.keys(BODY_HTML), ...REMOVED_WITH_CONTENT, 'font', 'center', 'marquee', 'x-widget']) {
      const out = sanitize(
        { type: 'root', children: [{ type: 'element', tagName: tag, properties: {}, children: [{ type: 'text', value: 't' }] }] },
        SANITIZE_SCHEMA,
      ) as Root;
      const keptElement = out.children[0]?.type === 'element';
      expect(keptElement, tag).toBe(isAllowedElement(tag));
      // Removed elements lose their content; unknown ones keep it.
      if (!keptElement) expect(out.children.length, tag).toBe(REMOVED_WITH_CONTENT.includes(tag) ? 0 : 1);
    }
  });
});

describe('guardTree', () => {
  const mdx = (children: unknown[]): Root => ({ type: 'root', children }) as Root;
  const options = { format: 'mdx' as const, allowCode: false, components: MDX_COMPONENTS };

  it('drops MDX code and keeps comments and literal attributes', () => {
    const { tree, changed } = guardTree(
      mdx([
        { type: 'mdxjsEsm', value: "import fs from 'node:fs'" },
        { type: 'mdxFlowExpression', value: 'fs.readFileSync("/etc/hostname")' },
        { type: 'mdxFlowExpression', value: '/* a note */' },
        {
          type: 'mdxJsxFlowElement',
          name: 'Callout',
          attributes: [
            { type: 'mdxJsxAttribute', name: 'type', value: 'tip' },
            { type: 'mdxJsxAttribute', name: 'title', value: { type: 'mdxJsxAttributeValueExpression', value: '"字面"' } },
            { type: 'mdxJsxAttribute', name: 'id', value: { type: 'mdxJsxAttributeValueExpression', value: 'process.env.TOKEN' } },
            { type: 'mdxJsxExpressionAttribute', value: '...props' },
            { type: 'mdxJsxAttribute', name: 'onClick', value: 'x()' },
          ],
          children: [{ type: 'text', value: '保留' }],
        },
        { type: 'mdxJsxFlowElement', name: 'Foo.Bar', attributes: [], children: [{ type: 'text', value: '里面的字' }] },
      ]),
      options,
    );
    expect(changed).toBe(true);
    expect(tree.children).toEqual([
      { type: 'mdxFlowExpression', value: '/* a note */' },
      {
        type: 'mdxJsxFlowElement',
        name: 'Callout',
        attributes: [
          { type: 'mdxJsxAttribute', name: 'type', value: 'tip' },
          { type: 'mdxJsxAttribute', name: 'title', value: '字面' },
        ],
        children: [{ type: 'text', value: '保留' }],
      },
      { type: 'text', value: '里面的字' },
    ]);
  });

  it('keeps code when the site opts in', () => {
    const esm = { type: 'mdxjsEsm', value: "import fs from 'node:fs'" };
    expect(guardTree(mdx([esm]), { ...options, allowCode: true })).toEqual({ tree: mdx([esm]), changed: false });
  });

  it('leaves a clean tree alone', () => {
    const clean = mdx([{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: '文字' }] }]);
    expect(guardTree(structuredClone(clean), options)).toEqual({ tree: clean, changed: false });
    expect(guardTree(structuredClone(clean), { ...options, format: 'markdown' })).toEqual({ tree: clean, changed: false });
  });

  it('parses and cleans raw HTML in Markdown', () => {
    const { tree } = guardTree(mdx([{ type: 'raw', value: '<p onclick="x()">a<script>alert(1)</script></p>' }]), { ...options, format: 'markdown' });
    expect(tree.children).toMatchObject([{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'a' }] }]);
  });

  it('tells comments from code', () => {
    expect(isCommentExpression('/* x */')).toBe(true);
    expect(isCommentExpression(' // x\n')).toBe(true);
    expect(isCommentExpression('/* x */ process.env.X')).toBe(false);
  });
});

describe('MAY_NEED_GUARD', () => {
  it('lets through only sources that cannot hold anything the guard changes', () => {
    for (const clean of ['先打招呼，再解决问题。\n\n- 一\n- 二', '访问 https://example.com 或写信 ops@example.com', '**粗体** 和 `代码`'])
      expect(MAY_NEED_GUARD.test(clean), clean).toBe(false);
    for (const risky of [
      '<b>x</b>',
      '{process.env.X}',
      "import fs from 'node:fs'",
      'export const a = 1',
      '[x](javascript:alert(1))',
      '![x](http://a/b.png)',
      '[x][r]\n\n[r]: javascript:x',
      '<javascript:alert(1)>',
    ]) {
      expect(MAY_NEED_GUARD.test(risky), risky).toBe(true);
    }
  });
});
