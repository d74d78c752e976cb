import { describe, expect, it } from 'vitest';
import { markdownToHtml, mdxToJs } from 'satteri';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  linkFirstUses,
  markdownProse,
  planTermLinks,
  spellingKey,
  termMatcher,
  termsLinkedIn,
  tipText,
  type TermMatch,
  type TreeNode,
} from '../../../../src/domain/glossary/term-links.ts';
import { glossaryLinksPlugin, readGlossary, scriptVariants } from '../../../../src/integrations/rehype-glossary-links.ts';
import * as schemas from '../../../../src/schema/collections.ts';

const glossary = schemas.glossary.parse([
  { term: '直通车', aliases: ['直通車', '淘宝直通车', 'Taobao PPC ads'], definition: '按点击付费的搜索推广工具。' },
  { term: '钻展', aliases: ['钻石展位'], definition: '图片展示广告。' },
  { term: 'ROI', aliases: ['投入产出比'], definition: 'Revenue over spend.' },
  { term: 'SKU', definition: '库存单位。' },
  { term: 'DSR', definition: '店铺动态评分。' },
  { term: '双十一', aliases: ['双11'], definition: '11月11日大促。' },
  { term: '转化率', definition: '成交人数占访问人数的比例。' },
  { term: '询单转化率', definition: '咨询后下单的比例。' },
]);

const matcher = termMatcher(glossary);
const found = (text: string, m = matcher) => m.find(text).map((x) => [x.text, x.target.term]);

describe('termMatcher', () => {
  it('finds terms and aliases as substrings of Chinese text', () => {
    expect(found('每天看直通车和钻石展位的数据')).toEqual([
      ['直通车', '直通车'],
      ['钻石展位', '钻展'],
    ]);
  });

  it('prefers the longest spelling at a position', () => {
    expect(found('打开淘宝直通车后台')).toEqual([['淘宝直通车', '直通车']]);
    expect(found('询单转化率和转化率')).toEqual([
      ['询单转化率', '询单转化率'],
      ['转化率', '转化率'],
    ]);
  });

  it('needs non-letter boundaries around Latin terms, and ignores their case', () => {
    expect(found('ROI低于1:3')).toEqual([['ROI', 'ROI']]);
    expect(found('看 roi 和 SKU。')).toEqual([
      ['roi', 'ROI'],
      ['SKU', 'SKU'],
    ]);
    expect(found('HEROIC SKUs MYDSR')).toEqual([]);
    expect(found('DSR4.8 分')).toEqual([['DSR', 'DSR']]);
  });

  it('needs a digit boundary after a term that ends in a digit', () => {
    expect(found('双11备货')).toEqual([['双11', '双十一']]);
    expect(found('双111')).toEqual([]);
  });

  it('matches a multi-word alias across any white space', () => {
    expect(found('the Taobao\n PPC  ads budget')).toEqual([['Taobao\n PPC  ads', '直通车']]);
  });

  it('finds Traditional spellings through variants, and written spellings win over generated ones', () => {
    const zh = schemas.glossary.parse([
      { term: '生意参谋', definition: 'x' },
      { term: '转化率', definition: 'y' },
      { term: '轉化', definition: 'z' },
    ]);
    const folded = termMatcher(zh, { variants: scriptVariants });
    expect(found('打開生意參謀看轉化率', folded)).toEqual([
      ['生意參謀', '生意参谋'],
      ['轉化率', '转化率'],
    ]);
    expect(folded.lookup('轉化')?.term).toBe('轉化');
    expect(found('生意參謀')).toEqual([]);
  });

  it('resolves a spelling shared by two terms to the term that is named so first', () => {
    const shared = schemas.glossary.parse([
      { term: '中评', aliases: ['评价'], definition: 'x' },
      { term: '评价', definition: 'y' },
    ]);
    expect(termMatcher(shared).lookup('评价')?.term).toBe('评价');
  });

  it('gives each match its glossary anchor', () => {
    const twins = schemas.glossary.parse([
      { term: 'Taobao SEO', definition: 'x' },
      { term: 'Taobao  SEO?', aliases: ['SEO plus'], definition: 'y' },
    ]);
    const m = termMatcher(twins);
    expect(m.find('SEO plus')[0]!.target.anchor).toBe('Taobao-SEO-2');
  });

  it('handles an empty glossary and regex characters in names', () => {
    expect(termMatcher([]).find('直通车')).toEqual([]);
    const odd = termMatcher(schemas.glossary.parse([{ term: 'A/B (test)', aliases: ['cut-off', 'C++'], definition: 'x' }]));
    expect(found('run an A/B (test) before cut-off, in C++', odd)).toEqual([
      ['A/B (test)', 'A/B (test)'],
      ['cut-off', 'A/B (test)'],
      ['C++', 'A/B (test)'],
    ]);
  });

  it('keys spellings by NFC, single spaces and lower case', () => {
    expect(spellingKey('  Taobao \n PPC Ads ')).toBe('taobao ppc ads');
  });
});

describe('linkFirstUses', () => {
  it('links only the first use of each term, aliases included', () => {
    const linked = new Set<string>();
    const parts = linkFirstUses('直通车要看ROI，淘宝直通车的ROI', matcher, linked)!;
    expect(parts.map((p) => (typeof p === 'string' ? p : `[${p.text}]`)).join('')).toBe('[直通车]要看[ROI]，淘宝直通车的ROI');
    expect([...linked]).toEqual(['直通车', 'ROI']);
    expect(linkFirstUses('直通车和ROI', matcher, linked)).toBeUndefined();
  });
});

const text = (value: string): TreeNode => ({ type: 'text', value });
const el = (tagName: string, ...children: TreeNode[]): TreeNode => ({ type: 'element', tagName, children });
const linkedTexts = (root: TreeNode) =>
  planTermLinks(root, matcher).map(({ node, parts }) => [node.value, parts.filter((p): p is TermMatch => typeof p !== 'string').map((p) => p.text)]);

describe('planTermLinks', () => {
  it('passes over links, code, headings and the text between raw <a> tags', () => {
    const root: TreeNode = {
      type: 'root',
      children: [
        el('h2', text('直通车')),
        el(
          'p',
          el('a', text('直通车')),
          el('code', text('直通车')),
          { type: 'raw', value: '<a href="x">' },
          text('直通车'),
          { type: 'raw', value: '</a>' },
          { type: 'raw', value: '<br/>' },
          el('strong', text('直通车和钻展')),
        ),
        el('p', text('钻展')),
      ],
    };
    expect(linkedTexts(root)).toEqual([['直通车和钻展', ['直通车', '钻展']]]);
  });

  it('walks into MDX components that hold prose, but not into links or code components', () => {
    const root: TreeNode = {
      type: 'root',
      children: [
        { type: 'mdxJsxFlowElement', name: 'LinkTo', children: [text('直通车')] },
        { type: 'mdxJsxTextElement', name: 'code', children: [text('直通车')] },
        { type: 'mdxJsxFlowElement', name: 'Callout', children: [el('p', text('直通车'))] },
      ],
    };
    expect(linkedTexts(root)).toEqual([['直通车', ['直通车']]]);
  });
});

describe('tipText', () => {
  it('leads with the term only when the body used another spelling', () => {
    const [same] = matcher.find('直通车');
    const [alias] = matcher.find('钻石展位');
    expect(tipText(same!)).toEqual({ definition: '按点击付费的搜索推广工具。' });
    expect(tipText(alias!)).toEqual({ lead: '钻展', definition: '图片展示广告。' });
  });
});

describe('the Sätteri plugin', () => {
  const root = path.resolve('content-root');
  const plugin = glossaryLinksPlugin({ glossary, base: '/handbook', contentRoot: root });
  const file = (rel: string) => pathToFileURL(path.join(root, rel));

  it('links the first use in a role body to <base>glossary/#anchor with a tooltip described by id', async () => {
    const { html } = await markdownToHtml('## 直通车\n\n每天看淘宝直通车和 `ROI`；直通车和ROI。\n\n[钻展](x)', {
      hastPlugins: [plugin],
      fileURL: file('roles/promoter.md'),
    });
    expect(html).toContain(
      '<span class="term-ref"><a class="term" href="/handbook/glossary/#直通车" aria-describedby="term-tip-roles-promoter-1">淘宝直通车</a>' +
        '<span class="term-tip" role="tooltip" id="term-tip-roles-promoter-1" data-pagefind-ignore=""><span class="term-tip-name">直通车</span>：按点击付费的搜索推广工具。</span></span>',
    );
    expect(html).toContain('<h2>直通车</h2>');
    expect(html).toContain('<code>ROI</code>；直通车和<span class="term-ref"><a class="term" href="/handbook/glossary/#ROI"');
    expect(html).toContain('<a href="x">钻展</a>');
    expect(html.match(/class="term"/g)).toHaveLength(2);
  });

  it('leaves bodies outside roles/, sops/ and plans/ alone', async () => {
    const { html } = await markdownToHtml('直通车', { hastPlugins: [plugin], fileURL: file('docs/readme.md') });
    expect(html).not.toContain('term');
    const { html: noFile } = await markdownToHtml('直通车', { hastPlugins: [plugin] });
    expect(noFile).not.toContain('term');
  });

  it('links in MDX bodies too', async () => {
    const { code } = await mdxToJs('直通车 <Callout>钻展</Callout> {"ROI"}\n', { hastPlugins: [plugin], fileURL: file('sops/standard-answers.mdx') });
    expect(code).toContain('"/handbook/glossary/#直通车"');
    expect(code).toContain('"/handbook/glossary/#钻展"');
    expect(code).not.toContain('#ROI');
    expect(code).toContain('"data-pagefind-ignore": ""');
  });

  it('names itself after the glossary, so a changed glossary drops cached renders', () => {
    const other = glossaryLinksPlugin({ glossary: glossary.slice(1), base: '/handbook', contentRoot: root });
    expect(plugin.name).toMatch(/^opsbook-glossary-links@[0-9a-f]{12}$/);
    expect(other.name).not.toBe(plugin.name);
  });
});

describe('readGlossary', () => {
  it('reads the sample glossary with its aliases', () => {
    const sample = readGlossary(path.resolve('content'));
    expect(sample.length).toBeGreaterThan(30);
    expect(sample.find((t) => t.term === '直通车')?.aliases).toContain('直通車');
  });

  it('is empty without a glossary file', () => {
    expect(readGlossary(path.resolve('test/fixtures/does-not-exist'))).toEqual([]);
  });
});

describe('markdownProse and termsLinkedIn', () => {
  it('leave out code, headings, links, HTML links and MDX syntax, as the rendered body does', () => {
    const body = [
      '## 直通车',
      '',
      '看 `钻展` 和 [DSR](x) 与 <a href="y">SKU</a>：',
      '',
      '```',
      '双11',
      '```',
      '',
      '每天复盘 ROI，再看**转化率**。',
      '直通<b>车</b>',
    ].join('\n');
    expect(termsLinkedIn(body, matcher)).toEqual(['ROI', '转化率']);
    expect(markdownProse('{直通车} import x', { mdx: false })).toContain('{直通车}');
    expect(termsLinkedIn('import X from "y";\n\n{"直通车"} <LinkTo>钻展</LinkTo> <Callout>SKU</Callout>', matcher, { mdx: true })).toEqual(['SKU']);
  });

  it('do not join the words on both sides of what was left out', () => {
    expect(termsLinkedIn('直通`x`车 Taobao [a](b) PPC ads', matcher)).toEqual([]);
  });
});
