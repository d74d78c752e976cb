import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadContent } from '../../../../src/check/load.ts';
import {
  indexedTokens,
  overviewRecords,
  pageRecords,
  recordHtml,
  recordText,
  reviewRecord,
  termEntries,
  termRecords,
  termUses,
  titleSpecificity,
  WEIGHT,
  type OverviewTitles,
  type SearchRecord,
} from '../../../../src/search/shared/records.ts';
import { OVERVIEW_TOKEN, TERM_TITLE_MARK, titleToken } from '../../../../src/search/shared/rank.ts';
import { FACETS, sopFacets } from '../../../../src/domain/sops/facets.ts';
import { recordLabels } from '../../../../src/search/build/build-index.ts';
import { extractPage } from '../../../../src/search/build/extract.ts';
import { routes } from '../../../../src/domain/urls.ts';
import { termMatcher } from '../../../../src/domain/glossary/term-links.ts';
import { fold, indexTokens, monthToken, nameToken, termUseToken } from '../../../../src/search/shared/text.ts';

const { handbook } = await loadContent(path.resolve('content'));
const labels = recordLabels('zh-CN');
const r = routes('/');

describe('records from the handbook', () => {
  it('gives every department, role, SOP and plan a record with type, department, owner role and frequency', () => {
    const records = pageRecords(handbook, labels, r);
    expect(records.length).toBe(handbook.sops.length + handbook.roles.length + handbook.departments.length + handbook.plans.length);
    expect(records.find((x) => x.url === '/sops/ztc-daily/')).toEqual({
      url: '/sops/ztc-daily/',
      id: 'ztc-daily',
      kind: 'sop',
      title: '直通车日常优化',
      names: ['直通车日常优化'],
      department: '推广',
      owner: '推广专员',
      frequency: '每日',
    });
    expect(records.find((x) => x.url === '/roles/presales-cs/')).toMatchObject({ kind: 'role', department: '客服', owner: '售前客服' });
    expect(records.find((x) => x.url === '/departments/operations/')).toMatchObject({ kind: 'department', title: '运营', owner: '运营总监' });
  });

  it('gives every glossary term a record at its entry, named by the term and its aliases', () => {
    const terms = termRecords(handbook, r);
    expect(terms.length).toBe(handbook.glossary.length);
    const ztc = terms.find((t) => t.title === '直通车')!;
    expect(ztc.url).toBe('/glossary/#直通车');
    expect(ztc.names).toContain('Taobao PPC ads');
    expect(ztc.sections[0]).toEqual({ weight: WEIGHT.aliases, text: '直通車、淘宝直通车、淘寶直通車、Taobao PPC ads' });
    expect(termEntries(handbook, r).find((t) => t.term === '直通车')?.spellings).toEqual(ztc.names);
  });
});

describe('overview and 月报 records', () => {
  const titles: OverviewTitles = {
    start: ['新人入职', '入职指南'],
    rhythm: ['工作节奏', '工作节奏'],
    org: ['组织架构'],
    roles: ['全部岗位', '岗位'],
    departments: ['全部部门', '部门'],
    sops: ['全部 SOP', 'SOP'],
    plans: ['全部计划', '计划'],
    facet: (facet, value) => [`${facet}：${value}`, `${value} SOP`],
  };

  it('gives the seven overview pages and one SOP list per facet value, as pages named by the given titles, the lists by their names only', () => {
    const records = overviewRecords(handbook, titles, r);
    const facets = sopFacets(handbook);
    const values = FACETS.flatMap((facet) => facets[facet].map(({ value }) => ({ facet, value })));
    expect(values.length).toBeGreaterThan(0);
    expect(records).toHaveLength(7 + values.length);
    for (const record of records) expect(record.kind, record.url).toBe('page');
    expect(records.slice(0, 7).map((x) => x.url)).toEqual([r.start, r.rhythm, r.org, r.roles, r.departments, r.sops, r.plans]);
    expect(records[0]).toEqual({ url: '/start/', kind: 'page', title: '新人入职', names: ['新人入职', '入职指南'] });
    // A name given twice is one name.
    expect(records[1]).toEqual({ url: '/rhythm/', kind: 'page', title: '工作节奏', names: ['工作节奏'] });
    expect(records.slice(7).map((x) => x.url)).toEqual(values.map(({ facet, value }) => r.sopFacet(facet, value)));
    // Named by what it lists (daily SOP), titled as the page is; its text is its names only.
    expect(records.find((x) => x.url === r.sopFacet('frequency', 'daily'))).toEqual({
      url: '/sops/frequency/daily/',
      kind: 'page',
      title: 'frequency：daily',
      names: ['daily SOP'],
      namesOnly: true,
    });
    // The overview of a whole collection is marked so, and indexed by its names only too.
    expect(records.find((x) => x.url === r.roles)).toMatchObject({ collection: true, namesOnly: true });
  });

  it('gives a 月报 page a review record carrying its month token', () => {
    const page = { title: '2014年8月月报', sections: [{ weight: WEIGHT.body, text: '访客数 12000' }] };
    const review = reviewRecord('/plans/x/review/2014-08/', page)!;
    expect(review).toEqual({
      url: '/plans/x/review/2014-08/',
      kind: 'review',
      title: '2014年8月月报',
      names: ['2014年8月月报'],
      sections: page.sections,
      keywords: [monthToken(8)],
    });
    expect(reviewRecord('/plans/x/review/2014-11/', page)!.keywords).toEqual(['11月']);
    expect(indexedTokens(recordHtml(review, labels))).toContain('8月');
  });

  it('gives no review record for other addresses or a page without a title', () => {
    const page = { title: '月报', sections: [] };
    expect(reviewRecord('/plans/x/', page)).toBeUndefined();
    expect(reviewRecord('/plans/x/review/', page)).toBeUndefined();
    expect(reviewRecord('/plans/x/review/2014-8/', page)).toBeUndefined();
    expect(reviewRecord('/sops/x/review/2014-08/', page)).toBeUndefined();
    expect(reviewRecord('/plans/x/review/2014-08/', { title: '', sections: [] })).toBeUndefined();
  });
});

describe('recordHtml', () => {
  const record: SearchRecord = {
    url: '/sops/x/',
    kind: 'sop',
    title: '直通車 <优化>',
    names: ['直通車 <优化>'],
    department: '推广',
    owner: '推广专员',
    frequency: '每日',
    sections: [
      { weight: WEIGHT.steps, text: '查看花费 & 点击' },
      { weight: WEIGHT.body, text: '按点击付费' },
    ],
  };
  const html = recordHtml(record, labels, new Map([['直通车', 2]]));
  const body = /<main data-pagefind-body>([\s\S]*?)<\/main>/.exec(html)![1]!;

  it('indexes tokens in the body, weighted: title, exact-name key, steps, text, term uses', () => {
    expect(body).toContain('<h1 data-pagefind-weight="10">直通 通车 优化</h1>');
    expect(body).toContain(`<p data-pagefind-weight="10">${nameToken('直通車 <优化>')}</p>`);
    expect(body).toContain('<div data-pagefind-weight="5">查看 看花 花费 点击</div>');
    expect(body).toContain('<div data-pagefind-weight="1">按点 点击 击付 付费</div>');
    expect(body).toContain(`<p>${termUseToken('直通车')} ${termUseToken('直通车')}</p>`);
  });

  it('keeps the text as written and the metadata outside the body (not indexed), escaped', () => {
    const outside = html.replace(body, '');
    expect(outside).toContain('<div data-pagefind-meta="title">直通車 &lt;优化&gt;</div>');
    expect(outside).toContain('<div data-pagefind-meta="text">查看花费 &amp; 点击\n按点击付费</div>');
    expect(outside).toContain('<div data-pagefind-meta="kind">sop</div>');
    for (const [k, v] of [
      ['type', 'SOP'],
      ['department', '推广'],
      ['owner', '推广专员'],
      ['frequency', '每日'],
    ]) {
      expect(outside).toContain(`<div data-pagefind-filter="${k}">${v}</div>`);
    }
    expect(recordText(record)).toBe('查看花费 & 点击\n按点击付费');
  });

  it('marks the tokens of the title and of every name once more as title tokens', () => {
    const named: SearchRecord = { ...record, kind: 'term', title: '直通车', names: ['直通车', 'Taobao PPC ads', '淘寶直通車'], sections: [] };
    const tokens = indexedTokens(recordHtml(named, labels));
    for (const name of named.names) for (const token of indexTokens(name).split(' ')) expect(tokens, name).toContain(titleToken(token));
    expect(tokens).toContain('直通題');
    expect(tokens).toContain('ppc題');
    // The body text is not marked.
    expect(indexedTokens(html)).not.toContain(titleToken('点击'));
    expect(indexedTokens(html)).toContain(titleToken('优化'));
  });

  it('marks the title tokens of a glossary entry once more as a term’s', () => {
    const first = titleToken(indexTokens(record.title).split(' ')[0]!);
    expect(indexedTokens(recordHtml({ ...record, kind: 'term' }, labels))).toContain(first + TERM_TITLE_MARK);
    expect(indexedTokens(html)).not.toContain(first + TERM_TITLE_MARK);
  });

  it('gives only overview pages the overview token', () => {
    expect(indexedTokens(html)).not.toContain(OVERVIEW_TOKEN);
    expect(indexedTokens(recordHtml({ ...record, kind: 'page' }, labels))).toContain(OVERVIEW_TOKEN);
    for (const kind of ['role', 'department', 'plan', 'term', 'review'] as const)
      expect(indexedTokens(recordHtml({ ...record, kind }, labels)), kind).not.toContain(OVERVIEW_TOKEN);
  });

  it('weighs the title tokens more for a shorter title, with no sort key (its values would load before the first query)', () => {
    expect(titleSpecificity('退款')).toBeGreaterThan(titleSpecificity('直通車日常优化'));
    expect(titleSpecificity('直通車日常优化')).toBeGreaterThan(titleSpecificity('x'.repeat(30)));
    expect(html).toContain(`<p data-pagefind-weight="${titleSpecificity(record.title)}">${titleToken(indexTokens(record.title).split(' ')[0]!)}`);
    expect(html).not.toContain('data-pagefind-sort');
  });

  it('counts the uses of glossary terms in any spelling', () => {
    const matcher = termMatcher(handbook.glossary.map((t) => ({ ...t, term: fold(t.term), aliases: t.aliases.map(fold) })));
    const uses = termUses({ ...record, sections: [{ weight: 1, text: '开淘寶直通車，看 ROI 和 Taobao PPC ads' }] }, matcher, fold);
    expect(uses.get('直通车')).toBe(3);
    expect(uses.get('roi')).toBe(1);
  });
});

describe('extractPage', () => {
  const page = `<html><body><header><nav>导航</nav></header>
    <main data-pagefind-body><nav class="breadcrumbs">首页 › 推广</nav>
      <h1>直通车<span>日常</span>优化</h1>
      <dl class="fields"><dt>负责岗位</dt><dd><a href="/r/">推广专员</a></dd></dl>
      <ol class="steps"><li><span aria-hidden="true">1</span><label>查看<strong>花费</strong></label><p>执行：推广专员</p></li><li>核对地区</li></ol>
      <p>按点击<a href="/g/">付费</a><span class="term-tip" data-pagefind-ignore>提示文字</span></p>
      <p hidden>隐藏</p><script>var x = 1</script>
    </main><aside>侧栏</aside><footer>构建于</footer></body></html>`;

  it('reads the title, the steps (heavier) and the rest, block by block, leaving out navigation and ignored parts', () => {
    expect(extractPage(page)).toEqual({
      title: '直通车日常优化',
      sections: [
        { weight: WEIGHT.body, text: '负责岗位\n推广专员' },
        { weight: WEIGHT.steps, text: '查看花费\n执行：推广专员\n核对地区' },
        { weight: WEIGHT.body, text: '按点击付费' },
      ],
    });
  });

  it('reads only <main> when it is the search body, with the same result as reading the whole page', () => {
    // A second <main> (hidden, as HTML allows) makes extractPage parse the whole page instead.
    const whole = extractPage(page.replace('</main>', '</main><main hidden></main>'));
    expect(extractPage(page)).toEqual(whole);
    const escaped = page.replace('按点击', '写 &lt;/main&gt; 的人按点击');
    expect(extractPage(escaped)!.sections.at(-1)!.text).toBe('写 </main> 的人按点击付费');
  });

  it('finds a search body on another element than <main>', () => {
    const onArticle = '<html><body><main><article data-pagefind-body><h1>标题</h1><p>正文</p></article></main></body></html>';
    expect(extractPage(onArticle)).toEqual({ title: '标题', sections: [{ weight: WEIGHT.body, text: '正文' }] });
  });

  it('returns nothing for a page kept out of search', () => {
    expect(extractPage('<html><body><main><h1>搜索</h1></main></body></html>')).toBeUndefined();
  });
});

describe('indexedTokens', () => {
  it('are the distinct tokens of the indexed body, not the metadata or filters', () => {
    const html =
      '<main data-pagefind-body><h1 data-pagefind-weight="10">直通 通车</h1><div>直通 日报 &amp;</div></main>\n<div data-pagefind-meta="text">元数据</div><div data-pagefind-filter="type">SOP</div>';
    expect([...indexedTokens(html)].sort()).toEqual(['&amp;', '日报', '直通', '通车'].sort());
  });
});
