/**
 * MDX components in role and SOP bodies: reading their uses out of a parsed
 * body (src/mdx/components.ts), checking them (src/mdx/checks.ts),
 * what <Steps> and <Checklist> do to their children's HTML (src/mdx/html.ts),
 * and how <Term> takes part in the automatic glossary links.
 */
import { describe, expect, it } from 'vitest';
import { markdownToHtml, markdownToMdast, mdxToHast, mdxToJs, mdxToMdast } from 'satteri';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CALLOUT_TYPES,
  MDX_COMPONENT_NAMES,
  attributeText,
  componentTagsInHtml,
  componentUses,
  declaredNames,
  termNameOf,
  type ComponentUse,
  type MdxNode,
} from '../../../src/mdx/components.ts';
import { checkMarkdownBodies, checkMdxBodies, type BodyUses } from '../../../src/mdx/checks.ts';
import { checklistHtml, htmlText, stepsHtml } from '../../../src/mdx/html.ts';
import { explicitTermNames, explicitTermNamesIn, planTermLinks, termMatcher, termsLinkedIn, type TreeNode } from '../../../src/domain/glossary/term-links.ts';
import { SCRIPT_FOLDING, foldScript } from '../../../src/domain/script.ts';
import { glossaryLinksPlugin } from '../../../src/integrations/rehype-glossary-links.ts';
import { RULES, type Rule } from '../../../src/check/rules.ts';
import { renderProblem } from '../../../src/check/report.ts';
import type { Handbook } from '../../../src/domain/handbook.ts';
import type { Problem } from '../../../src/check/problems.ts';
import * as schemas from '../../../src/schema/collections.ts';

const uses = (mdx: string) => componentUses(mdxToMdast(mdx) as MdxNode);
const use = (mdx: string) => uses(mdx)[0]!;

describe('componentUses', () => {
  it('lists every named JSX element in document order, with its line in the body', () => {
    const body = [
      '开头 <Term>直通车</Term>。',
      '',
      '<Callout type="tip">',
      '  见 <RoleLink id="boss" />',
      '</Callout>',
      '',
      '<>片段</>',
      '<Steps>',
      '1. 第一步',
      '</Steps>',
    ].join('\n');
    expect(uses(body).map((u) => [u.name, u.line])).toEqual([
      ['Term', 1],
      ['Callout', 3],
      ['RoleLink', 4],
      ['Steps', 8],
    ]);
  });

  it('reads attributes as text, expression or bare, and notes a spread', () => {
    const u = use('<Callout type="warning" title={"大促"} open {...rest}>x</Callout>');
    expect(u.attributes).toEqual({
      type: { kind: 'text', text: 'warning' },
      title: { kind: 'expression', source: '"大促"' },
      open: { kind: 'bare' },
    });
    expect(u.spread).toBe(true);
    expect(use('<Callout type="tip">x</Callout>').spread).toBe(false);
  });

  it('reads the text of the children without markup, and whether an expression hides part of it', () => {
    expect(use('<Term>**直通**车</Term>')).toMatchObject({ text: '直通车', textIsExact: true });
    expect(use('<Term>直通{"车"}</Term>')).toMatchObject({ text: '直通', textIsExact: false });
    expect(use('<Term id="直通车" />')).toMatchObject({ text: '', textIsExact: true });
  });

  it('reads hast trees the same way (the glossary plugin sees hast)', () => {
    const fromHast = componentUses(mdxToHast('<Term id="ROI">投产比</Term>') as MdxNode);
    expect(fromHast.map((u) => [u.name, attributeText(u.attributes.id), u.text])).toEqual([['Term', 'ROI', '投产比']]);
  });
});

describe('attributeText and termNameOf', () => {
  it('takes text and plain string literals, nothing computed', () => {
    expect(attributeText({ kind: 'text', text: 'boss' })).toBe('boss');
    expect(attributeText({ kind: 'expression', source: ' "boss" ' })).toBe('boss');
    expect(attributeText({ kind: 'expression', source: "'a\\'b'" })).toBe("a'b");
    expect(attributeText({ kind: 'expression', source: '`boss`' })).toBe('boss');
    expect(attributeText({ kind: 'expression', source: '`${x}`' })).toBeUndefined();
    expect(attributeText({ kind: 'expression', source: 'who' })).toBeUndefined();
    expect(attributeText({ kind: 'bare' })).toBeUndefined();
    expect(attributeText(undefined)).toBeUndefined();
  });

  it('names a term by its id, else by its text', () => {
    expect(termNameOf(use('<Term id=" 直通车 ">推广</Term>'))).toBe('直通车');
    expect(termNameOf(use('<Term>直通車</Term>'))).toBe('直通車');
    expect(termNameOf(use('<Term>{x}</Term>'))).toBeUndefined();
    expect(termNameOf(use('<Term />'))).toBeUndefined();
    expect(termNameOf(use('<Term id="" >a</Term>'))).toBeUndefined();
  });
});

describe('declaredNames', () => {
  it('collects what the body imports and exports: its own components', () => {
    const tree = mdxToMdast(
      [
        "import Chart, { Bar, Line as L } from './chart.js'",
        "import * as UI from './ui.js'",
        'export const Note = () => null',
        'export function Box() {}',
        '',
        '正文',
      ].join('\n'),
    ) as MdxNode;
    expect([...declaredNames(tree)].sort()).toEqual(['Bar', 'Box', 'Chart', 'L', 'Note', 'UI']);
  });
});

describe('componentTagsInHtml', () => {
  it('finds components written in a .md body, on their line, but not in code', () => {
    const body = [
      '正文',
      '',
      '<Callout type="tip">',
      '提示',
      '</Callout>',
      '',
      '```',
      '<Steps>',
      '```',
      '',
      '行内 `<Term>` 与 <Term>直通车</Term>',
      '',
      '<div>',
      '<Checklist>',
      '</div>',
    ].join('\n');
    expect(componentTagsInHtml(markdownToMdast(body) as MdxNode)).toEqual([
      { name: 'Callout', line: 3 },
      { name: 'Term', line: 11 },
      { name: 'Checklist', line: 14 },
    ]);
  });
});

// ---------------------------------------------------------------------------

const glossary = schemas.glossary.parse([
  { term: '直通车', aliases: ['直通車', 'PPC', '淘宝直通车'], definition: '按点击付费的搜索推广工具。' },
  { term: '标准话术', aliases: ['快捷短语'], definition: '统一口径的回答。' },
]);
const role = (id: string, title: string) => ({ id, file: `roles/${id}.md`, data: schemas.role.parse({ title, department: 'ops', responsibilities: ['x'] }) });
const sop = (id: string, title: string) => ({ id, file: `sops/${id}.md`, data: schemas.sop.parse({ title, owner: 'boss', steps: ['x'] }) });
const handbook: Pick<Handbook, 'roles' | 'sops' | 'glossary'> = {
  roles: [role('boss', '运营总监'), role('agent', '售前客服')],
  sops: [sop('first-reply', '首次响应'), sop('refunds', '退款')],
  glossary,
};
const terms = termMatcher(glossary, SCRIPT_FOLDING);

function check(mdx: string, options: { bodyLine?: number; alsoKnown?: { role?: string[]; sop?: string[] }; audiences?: string[] } = {}): Problem[] {
  const tree = mdxToMdast(mdx) as MdxNode;
  const body: BodyUses = { file: 'sops/x.mdx', bodyLine: options.bodyLine ?? 1, uses: componentUses(tree), declared: declaredNames(tree) };
  return checkMdxBodies([body], handbook, { terms, fold: foldScript, alsoKnown: options.alsoKnown, audiences: options.audiences });
}
const rows = (problems: Problem[]) => problems.map((p) => [p.severity, p.rule, p.line, p.params]);
const rendered = (problems: Problem[]) => problems.map((p) => renderProblem(p, 'zh-CN'));

describe('checkMdxBodies', () => {
  it('accepts every component written correctly, and names resolved through aliases and the other script', () => {
    const body = [
      '由<RoleLink id="boss" />负责，见<SopLink id="first-reply">首次响应</SopLink>与<SopLink id={"refunds"} />。',
      '',
      '<Callout>默认提示</Callout>',
      '<Callout type="danger" title="别这样">危险</Callout>',
      '',
      '<Term>直通車</Term> <Term>ppc</Term> <Term id="淘寶直通車">出价</Term> <Term id="快捷短语" /> <Term>直通车</Term>',
      '',
      '<Steps>',
      '1. 一',
      '</Steps>',
      '',
      '<Checklist>',
      '- 一',
      '</Checklist>',
      '',
      '<div>HTML</div> <aside>旁注</aside> <abbr>DSR</abbr>',
    ].join('\n');
    expect(check(body)).toEqual([]);
  });

  it('reports an unknown component at its line in the file, with the component meant', () => {
    const problems = check('正文\n\n<Step>\n1. 一\n</Step>\n\n<Tip>x</Tip> <callout>y</callout> <Widget />', { bodyLine: 9 });
    expect(rows(problems)).toEqual([
      ['error', 'mdx.unknownComponent', 11, expect.objectContaining({ name: 'Step', suggestion: 'Steps' })],
      ['error', 'mdx.unknownComponent', 15, expect.objectContaining({ name: 'Tip', suggestion: 'Callout' })],
      ['error', 'mdx.unknownComponent', 15, expect.objectContaining({ name: 'callout', suggestion: 'Callout' })],
      ['error', 'mdx.unknownComponent', 15, expect.objectContaining({ name: 'Widget', suggestion: undefined })],
    ]);
    expect(problems.every((p) => p.path.join('.') === 'body' && p.file === 'sops/x.mdx')).toBe(true);
    expect(rendered(problems)[0]!.hint).toBe('是不是 <Steps>？组件名区分大小写，开头大写。');
  });

  it('leaves alone components the body imports or exports itself', () => {
    expect(check("import Chart from './chart.js'\nexport const Box = () => null\n\n<Chart /> <Box /> <Chart.Part />")).toEqual([]);
    expect(rows(check('<UI.Part />'))).toEqual([['error', 'mdx.unknownComponent', 1, expect.objectContaining({ name: 'UI.Part' })]]);
  });

  it('reports unknown role and SOP ids with the nearest id, or the id of a title written in either script', () => {
    const problems = check('<RoleLink id="bos" /> <RoleLink id="運營總監" /> <SopLink id="first-replay" /> <SopLink id="nothing-like-it" />');
    expect(rows(problems)).toEqual([
      ['error', 'mdx.unknownId', 1, { component: 'RoleLink', kind: 'role', id: 'bos', suggestion: 'boss', byName: false }],
      ['error', 'mdx.unknownId', 1, { component: 'RoleLink', kind: 'role', id: '運營總監', suggestion: 'boss', byName: true }],
      ['error', 'mdx.unknownId', 1, { component: 'SopLink', kind: 'sop', id: 'first-replay', suggestion: 'first-reply', byName: false }],
      ['error', 'mdx.unknownId', 1, { component: 'SopLink', kind: 'sop', id: 'nothing-like-it', suggestion: undefined, byName: false }],
    ]);
    const [typo, title] = rendered(problems);
    expect(typo!.message).toBe('<RoleLink id="bos">：岗位 “bos” 不存在');
    expect(typo!.hint).toContain('是不是 boss？');
    expect(title!.hint).toBe('“運營總監”是标题，或是另一种中文写法（简体/繁体）：id 要写文件名 boss。');
    expect(renderProblem(problems[1]!, 'en').hint).toContain('the other Chinese script');
  });

  it('does not report links to entries that exist but failed their schema', () => {
    expect(check('<RoleLink id="half-done" />', { alsoKnown: { role: ['half-done'] } })).toEqual([]);
  });

  it('reports a term that is neither a term nor an alias in any script, with the nearest spelling', () => {
    const problems = check('<Term>直通</Term>\n<Term id="钻展">图片广告</Term>\n<Term>快捷短句</Term>');
    expect(rows(problems)).toEqual([
      ['error', 'mdx.unknownTerm', 1, { term: '直通', suggestion: '直通车', viaId: false }],
      ['error', 'mdx.unknownTerm', 2, { term: '钻展', suggestion: undefined, viaId: true }],
      ['error', 'mdx.unknownTerm', 3, { term: '快捷短句', suggestion: '快捷短语', viaId: false }],
    ]);
  });

  it('reports a Callout type that is not allowed, guessing the one meant', () => {
    const problems = check(
      '<Callout type="warn">a</Callout>\n<Callout type="注意">b</Callout>\n<Callout type="Danger">c</Callout>\n<Callout type="purple">d</Callout>',
    );
    expect(rows(problems)).toEqual([
      ['error', 'mdx.calloutType', 1, { found: 'warn', allowed: [...CALLOUT_TYPES], suggestion: 'warning' }],
      ['error', 'mdx.calloutType', 2, { found: '注意', allowed: [...CALLOUT_TYPES], suggestion: 'warning' }],
      ['error', 'mdx.calloutType', 3, { found: 'Danger', allowed: [...CALLOUT_TYPES], suggestion: 'danger' }],
      ['error', 'mdx.calloutType', 4, { found: 'purple', allowed: [...CALLOUT_TYPES], suggestion: undefined }],
    ]);
  });

  it('reports missing, bare and computed attributes, and warns about unknown ones', () => {
    const problems = check(
      '<RoleLink />\n<SopLink id={who} />\n<Term />\n<Term>{x}</Term>\n<Callout type>a</Callout>\n<Callout tpye="tip">b</Callout>\n<Steps start="2">\n1. a\n</Steps>',
    );
    expect(rows(problems)).toEqual([
      ['error', 'mdx.attribute', 1, { component: 'RoleLink', attribute: 'id', reason: 'missing' }],
      ['error', 'mdx.attribute', 2, { component: 'SopLink', attribute: 'id', reason: 'expression' }],
      ['error', 'mdx.attribute', 3, { component: 'Term', attribute: 'id', reason: 'missing' }],
      ['error', 'mdx.attribute', 4, { component: 'Term', attribute: 'id', reason: 'expression' }],
      ['error', 'mdx.attribute', 5, { component: 'Callout', attribute: 'type', reason: 'bare' }],
      ['warning', 'mdx.unknownAttribute', 6, { component: 'Callout', attribute: 'tpye', allowed: ['type', 'title'], suggestion: 'type' }],
      ['warning', 'mdx.unknownAttribute', 7, { component: 'Steps', attribute: 'start', allowed: undefined, suggestion: undefined }],
    ]);
    for (const r of [...rendered(problems), ...problems.map((p) => renderProblem(p, 'en'))]) {
      expect(r.message).not.toMatch(/undefined|\[object Object\]/);
      expect(r.hint ?? '').not.toMatch(/undefined|\[object Object\]/);
    }
  });
});

describe('<Restricted to>', () => {
  it('names a declared audience; an unknown one is reported with the nearest, a missing to too', () => {
    const body = '<Restricted to="management">主管可批 500 元。</Restricted>\n\n<Restricted to="managment">x</Restricted>\n\n<Restricted>y</Restricted>';
    expect(rows(check(body, { audiences: ['staff', 'management'] }))).toEqual([
      ['error', 'audience.unknown', 3, { id: 'managment', declared: ['staff', 'management'], suggestion: 'management', byName: false }],
      ['error', 'mdx.attribute', 5, { component: 'Restricted', attribute: 'to', reason: 'missing' }],
    ]);
  });

  it('names nothing when site.yaml declares no audiences', () => {
    expect(rows(check('<Restricted to="management">x</Restricted>'))).toEqual([
      ['error', 'audience.unknown', 1, { id: 'management', declared: [], suggestion: undefined, byName: false }],
    ]);
  });
});

describe('checkMarkdownBodies', () => {
  it('warns about a component in a .md body, at its line in the file, suggesting the .mdx name', () => {
    const problems = checkMarkdownBodies([{ file: 'roles/agent.md', bodyLine: 8, tags: [{ name: 'Callout', line: 3 }] }]);
    expect(problems).toEqual([
      {
        severity: 'warning',
        rule: 'mdx.inMarkdown',
        file: 'roles/agent.md',
        path: ['body'],
        params: { name: 'Callout', mdxFile: 'roles/agent.mdx' },
        line: 10,
      },
    ]);
  });
});

describe('the rule table', () => {
  it('has a title, a message and a hint in Chinese and English for every MDX and body-HTML rule', () => {
    const mdxRules = Object.entries(RULES as Record<string, Rule>).filter(([id]) => id.startsWith('mdx.') || id.startsWith('html.'));
    expect(mdxRules.map(([id]) => id).sort()).toEqual(
      [
        'mdx.attribute',
        'mdx.calloutType',
        'mdx.code',
        'mdx.compile',
        'mdx.inMarkdown',
        'mdx.unknownAttribute',
        'mdx.unknownComponent',
        'mdx.unknownId',
        'mdx.unknownTerm',
        'html.element',
        'html.attribute',
        'html.url',
      ].sort(),
    );
    for (const [id, rule] of mdxRules) {
      for (const lang of ['zh-CN', 'en'] as const) {
        expect(rule.title[lang], `${id} ${lang}`).toBeTruthy();
        expect(rule.message[lang], `${id} ${lang}`).toBeTypeOf('function');
        expect(rule.hint?.[lang], `${id} ${lang}`).toBeTypeOf('function');
      }
    }
  });
});

// ---------------------------------------------------------------------------

describe('stepsHtml', () => {
  it('numbers the outer lists, bulleted ones too, and leaves nested lists alone', () => {
    expect(stepsHtml('<ul>\n<li>一<ul><li>细节</li></ul></li>\n<li>二</li>\n</ul>')).toBe(
      '<ol class="steps-list">\n<li>一<ul><li>细节</li></ul></li>\n<li>二</li>\n</ol>',
    );
    expect(stepsHtml('<ol start="3"><li>三</li></ol>')).toBe('<ol start="3" class="steps-list"><li>三</li></ol>');
    expect(stepsHtml('<p>没有列表</p>')).toBe('<p>没有列表</p>');
  });
});

describe('checklistHtml', () => {
  it('puts a box in a label before the first line of each item', () => {
    expect(checklistHtml('<ul>\n<li>核对<a href="/x/">地址</a></li>\n<li>备注</li>\n</ul>')).toBe(
      '<ul class="checklist">\n' +
        '<li><label class="checklist-item"><input type="checkbox" class="checklist-box"><span class="checklist-text">核对<a href="/x/">地址</a></span></label></li>\n' +
        '<li><label class="checklist-item"><input type="checkbox" class="checklist-box"><span class="checklist-text">备注</span></label></li>\n' +
        '</ul>',
    );
  });

  it('keeps a loose item’s paragraphs and a nested list after the label', () => {
    expect(checklistHtml('<ol><li><p>第一段</p><p>第二段</p></li><li>一<ul><li>细节</li></ul></li></ol>')).toBe(
      '<ol class="checklist"><li><p><label class="checklist-item"><input type="checkbox" class="checklist-box"><span class="checklist-text">第一段</span></label></p><p>第二段</p></li>' +
        '<li><label class="checklist-item"><input type="checkbox" class="checklist-box"><span class="checklist-text">一</span></label><ul><li>细节</li></ul></li></ol>',
    );
  });

  it('turns Markdown task items into live boxes that keep their state', async () => {
    const { html } = await markdownToHtml('- [x] 已做\n- [ ] 未做\n');
    const out = checklistHtml(html);
    expect(out).not.toContain('disabled');
    expect(out.match(/<input [^>]*>/g)).toEqual(['<input type="checkbox" class="checklist-box" checked="">', '<input type="checkbox" class="checklist-box">']);
    expect(out).toContain('<span class="checklist-text">已做</span>');
  });
});

describe('htmlText', () => {
  it('is the text a slot shows', () => {
    expect(htmlText(' <strong>直通</strong>&amp;车\n ')).toBe('直通&车');
  });
});

// ---------------------------------------------------------------------------

describe('<Term> and the automatic glossary links', () => {
  const matcher = termMatcher(glossary, SCRIPT_FOLDING);

  it('resolve a name through aliases, the other script and mixed script alike', () => {
    for (const name of ['直通车', '直通車', 'ppc', '淘寶直通車', '淘宝直通車']) expect(matcher.lookup(name)?.term, name).toBe('直通车');
    expect(matcher.lookup('钻展')).toBeUndefined();
  });

  it('the names of <Term> elements are read alike from a tree and from the source', () => {
    const mdx = '<Term>直通車</Term> 与 <Term id="快捷短语">短语</Term>，<Term id={"PPC"} />，<Term>{x}</Term>';
    expect(explicitTermNames(mdxToHast(mdx) as TreeNode)).toEqual(['直通車', '快捷短语', 'PPC']);
    expect(explicitTermNamesIn(mdx)).toEqual(['直通車', '快捷短语', 'PPC']);
  });

  it('a term linked with <Term> gets no automatic link on the page, before or after it', () => {
    const root = mdxToHast('先说直通车和标准话术。\n\n<Term>直通車</Term>\n\n再说直通车。') as TreeNode;
    const linked = planTermLinks(root, matcher).flatMap((t) => t.parts.flatMap((p) => (typeof p === 'string' ? [] : [p.target.term])));
    expect(linked).toEqual(['标准话术']);
  });

  it('the glossary plugin leaves the children of <Term> and the rest of its term alone', async () => {
    const root = path.resolve('content-root');
    const plugin = glossaryLinksPlugin({ glossary, contentRoot: root });
    const { code } = await mdxToJs('直通车 <Term>PPC</Term> 标准话术', { hastPlugins: [plugin], fileURL: pathToFileURL(path.join(root, 'sops/x.mdx')) });
    expect(code.match(/glossary\/#[^"]+/g)).toEqual(['glossary/#标准话术']);
  });

  it('the glossary page counts a <Term> as a use of its term', () => {
    expect(termsLinkedIn('<Term id="PPC">出价工具</Term>', matcher, { mdx: true })).toEqual(['直通车']);
    expect(termsLinkedIn('<Term id="PPC">出价工具</Term>', matcher)).toEqual([]);
  });
});

describe('the component list', () => {
  it('is what the checker and the pages agree on', () => {
    expect(MDX_COMPONENT_NAMES).toEqual(['Steps', 'Callout', 'RoleLink', 'SopLink', 'Term', 'Checklist', 'Restricted']);
    const sample: ComponentUse = use('<Steps />');
    expect(sample.name).toBe('Steps');
  });
});
