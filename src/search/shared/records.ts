/**
 * The search index's records, built from the handbook: one per department,
 * role, SOP and plan page (their text is read from the built page, see
 * src/search/build/extract.ts) and one per glossary term (its entry on the glossary
 * page). Each carries metadata (type, department, owner role, SOP frequency)
 * shown with the result, the same values as filters, and the HTML that
 * Pagefind indexes: the text as tokens (src/search/shared/text.ts), weighted by
 * where it stands.
 */
import type { Handbook } from '../../domain/handbook.ts';
import { byId, sopDepartment } from '../../domain/handbook.ts';
import { termAnchors } from '../../domain/glossary/glossary.ts';
import type { Routes } from '../../domain/urls.ts';
import type { TermEntry } from './aliases.ts';
import type { TermMatcher } from '../../domain/glossary/term-links.ts';
import { indexTokens, monthToken, nameToken, pinyinKeys, pinyinTokens, termUseToken } from './text.ts';
import { COLLECTION_TOKEN, OVERVIEW_TOKEN, TERM_TITLE_MARK, titleToken } from './rank.ts';
import type { SopData } from '../../schema/collections.ts';
import { FACETS, sopFacets, type Facet } from '../../domain/sops/facets.ts';

import { FILTERS, RECORD_KINDS, type FilterName, type RecordKind } from './kinds.ts';
export { FILTERS, RECORD_KINDS, type FilterName, type RecordKind };

/** How much a part of a page counts (Pagefind's data-pagefind-weight, 0–10; body text is 1). */
/**
 * Title and names > glossary aliases and names typed in pinyin > steps, responsibilities, KPIs > body.
 * `steps` is also what a role's responsibilities and every KPI table carry (data-pagefind-weight on the page).
 * A glossary term is its record's title; the pages using a term carry its use tokens at body weight.
 */
export const WEIGHT = { title: 10, names: 10, aliases: 8, pinyin: 8, steps: 5, body: 1 } as const;

/** The syllables of each Chinese run of a name (src/search/build/pinyin.ts: pinyin-pro stays out of the browser). */
export type Syllables = (name: string) => string[][];

/** Display labels, in the site's language. */
export interface RecordLabels {
  readonly kind: Readonly<Record<RecordKind, string>>;
  /** What a plan's key figures are called (目标成交额, 营销推广预算): names of every plan's record. */
  readonly planFigures: readonly string[];
  readonly frequency: (frequency: NonNullable<SopData['frequency']>) => string;
}

/** What the model knows about a page before its text is read. */
export interface PageRecord {
  /** Path without the site's base (/sops/ztc-daily/, /glossary/#直通车). */
  readonly url: string;
  readonly kind: RecordKind;
  readonly title: string;
  /** Names a query may give exactly: the title; for a term, the term and its aliases. */
  readonly names: readonly string[];
  /** The page's id (SOP, role, department, plan): typed as-is, it finds the page. */
  readonly id?: string;
  /** An overview of a whole collection (全部岗位, 全部 SOP): first for a question asking for all of it. */
  readonly collection?: boolean;
  /**
   * A list of entries indexed by its names and the start of its text only (listExcerpt): the rest is the titles
   * of entries that are records of their own (and at 5,000 SOPs, a department's list is thousands of titles).
   */
  readonly namesOnly?: boolean;
  /** Display values, also the filter values. */
  readonly department?: string;
  readonly owner?: string;
  readonly frequency?: string;
}

export interface Section {
  readonly weight: number;
  readonly text: string;
}

export interface SearchRecord extends PageRecord {
  /** The text under the title, in reading order, as written. */
  readonly sections: readonly Section[];
  /** Index tokens given as they are (a 月报's month token, monthToken in text.ts). */
  readonly keywords?: readonly string[];
}

/** The department, role, SOP and plan pages to index, with their metadata. */
export function pageRecords(handbook: Pick<Handbook, 'departments' | 'roles' | 'sops' | 'plans'>, labels: RecordLabels, r: Routes): PageRecord[] {
  const roles = byId(handbook.roles);
  const departments = byId(handbook.departments);
  const departmentName = (id: string | undefined) => (id ? (departments.get(id)?.data.name ?? id) : undefined);
  const roleTitle = (id: string | undefined) => (id ? (roles.get(id)?.data.title ?? id) : undefined);
  const page = (record: Omit<PageRecord, 'names'>): PageRecord => ({ ...record, names: [record.title] });
  return [
    ...handbook.sops.map((s) =>
      page({
        url: r.sop(s.id),
        id: s.id,
        kind: 'sop',
        title: s.data.title,
        department: departmentName(sopDepartment(s, roles)),
        owner: roleTitle(s.data.owner),
        frequency: s.data.frequency ? labels.frequency(s.data.frequency) : undefined,
      }),
    ),
    ...handbook.roles.map((x) =>
      page({ url: r.role(x.id), id: x.id, kind: 'role', title: x.data.title, department: departmentName(x.data.department), owner: x.data.title }),
    ),
    ...handbook.departments.map((d) =>
      page({ url: r.department(d.id), id: d.id, kind: 'department', title: d.data.name, department: d.data.name, owner: roleTitle(d.data.lead) }),
    ),
    // A plan is also named by its key figures (目标成交额, 营销推广预算): 推广预算多少, 今年目标 find it by its title.
    ...handbook.plans.map((p) => ({
      ...page({ url: r.plan(p.id), id: p.id, kind: 'plan', title: p.data.title }),
      names: [p.data.title, ...labels.planFigures],
    })),
  ];
}

/** The names of the overview pages, in the site's language, the title first (build-index.ts fills them from src/i18n). */
export interface OverviewTitles {
  readonly start: readonly string[];
  readonly rhythm: readonly string[];
  readonly org: readonly string[];
  readonly roles: readonly string[];
  readonly departments: readonly string[];
  readonly sops: readonly string[];
  readonly plans: readonly string[];
  /** An SOP list of one department, owner or frequency: its title (部门：客服) and how people name it (客服 SOP). */
  readonly facet: (facet: Facet, value: string) => readonly string[];
}

/**
 * The overview pages that answer questions of their own: 新人入职 (新人第一周做什么), 工作节奏 (周一开什么会),
 * 组织架构 (谁向谁汇报), the lists of roles, departments, SOPs and plans, and each SOP list by department,
 * owner and frequency (每天要做哪些). Their text is read from the built page like any record's.
 */
export function overviewRecords(handbook: Pick<Handbook, 'departments' | 'roles' | 'sops'>, titles: OverviewTitles, r: Routes): PageRecord[] {
  const page = (url: string, names: readonly string[], collection = false): PageRecord => ({
    url,
    kind: 'page',
    title: names[0]!,
    names: [...new Set(names)],
    ...(collection ? { collection, namesOnly: true } : {}),
  });
  const facets = sopFacets(handbook);
  return [
    page(r.start, titles.start),
    page(r.rhythm, titles.rhythm),
    page(r.org, titles.org),
    page(r.roles, titles.roles, true),
    page(r.departments, titles.departments, true),
    page(r.sops, titles.sops, true),
    page(r.plans, titles.plans, true),
    // Named by what it lists (仓储 SOP), not by the facet's label (负责岗位：…), which every owner list shares.
    ...FACETS.flatMap((facet) =>
      facets[facet].map(({ value }) => {
        const [title, ...names] = titles.facet(facet, value);
        return { ...page(r.sopFacet(facet, value), names.length ? names : [title!]), title: title!, namesOnly: true };
      }),
    ),
  ];
}

/** A 月报 page (/plans/<id>/review/<YYYY-MM>/): its record, titled by the page itself. */
export const REVIEW_PATH = /^\/plans\/[^/]+\/review\/(\d{4})-(\d{2})\/$/;

/** The record of a 月报 page, from its address and its text: found by its month however it is written (8月, 八月, 08月份). */
export function reviewRecord(url: string, page: { title: string; sections: readonly Section[] }): SearchRecord | undefined {
  const month = REVIEW_PATH.exec(url);
  if (!month || !page.title) return undefined;
  return { url, kind: 'review', title: page.title, names: [page.title], sections: page.sections, keywords: [monthToken(Number(month[2]))] };
}

/** One record per glossary term: its entry on the glossary page, text from the glossary itself. */
export function termRecords(handbook: Pick<Handbook, 'glossary'>, r: Routes, separator = '、'): SearchRecord[] {
  const anchors = termAnchors(handbook.glossary);
  return handbook.glossary.map((t) => ({
    url: `${r.glossary}#${anchors.get(t.term)}`,
    kind: 'term' as const,
    title: t.term,
    names: [t.term, ...t.aliases],
    sections: [
      ...(t.aliases.length ? [{ weight: WEIGHT.aliases, text: t.aliases.join(separator) }] : []),
      { weight: WEIGHT.body, text: t.definition },
      ...(t.seeAlso.length ? [{ weight: WEIGHT.body, text: t.seeAlso.join(separator) }] : []),
    ],
  }));
}

/** The glossary as the search UI needs it: each term's spellings and entry. */
export function termEntries(handbook: Pick<Handbook, 'glossary'>, r: Routes, syllables?: Syllables): TermEntry[] {
  return termRecords(handbook, r).map((t) => {
    const keys = syllables ? [...new Set(t.names.flatMap((n) => pinyinKeys(syllables(n))))] : [];
    return { term: t.title, url: t.url, spellings: t.names, ...(keys.length ? { keys } : {}) };
  });
}

/** The text a record shows under its title (the excerpt is cut from it). */
export function recordText(record: SearchRecord): string {
  return record.sections.map((s) => s.text).join('\n');
}

/**
 * The text of a list indexed by its names (namesOnly): its start, a line or two of entries, what its result
 * shows, indexed as body text like any record's (what a result shows is what a search finds).
 */
export function listExcerpt(sections: readonly Section[], length = 160): Section[] {
  const text = sections.map((s) => s.text).join('\n');
  return text ? [{ weight: WEIGHT.body, text: [...text].length > length ? `${[...text].slice(0, length).join('')}…` : text }] : [];
}

/** How often each glossary term (by any spelling) is used in a record, title included. */
export function termUses(record: SearchRecord, matcher: TermMatcher, fold: (text: string) => string): Map<string, number> {
  const uses = new Map<string, number>();
  for (const text of [record.title, ...record.sections.map((s) => s.text)]) {
    for (const match of matcher.find(fold(text))) uses.set(match.target.term, (uses.get(match.target.term) ?? 0) + 1);
  }
  return uses;
}

/** A use counts at most this often, so a page that repeats a term does not bury the others. */
const MAX_USES = 8;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The HTML Pagefind indexes for a record: tokens in <main data-pagefind-body>,
 * weighted; the text as written, and the metadata, as data-pagefind-meta
 * outside the body (not indexed); the filters as data-pagefind-filter.
 * `uses` maps glossary terms (their own spelling) to how often the record uses them.
 */
export function recordHtml(record: SearchRecord, labels: RecordLabels, uses: ReadonlyMap<string, number> = new Map(), syllables?: Syllables): string {
  const spoken = syllables ? record.names.map(syllables) : [];
  const keys = [...record.names, ...(record.id ? [record.id] : []), ...spoken.flatMap(pinyinKeys)];
  const names = [...new Set(keys.map(nameToken).filter((t): t is string => Boolean(t)))];
  // Names typed in pinyin or initials, and the id as its words: found like an alias.
  const typed = [...new Set([...spoken.flatMap(pinyinTokens), ...(record.id ? indexTokens(record.id).split(' ') : []), ...(record.keywords ?? [])])].filter(
    Boolean,
  );
  const useTokens = [...uses].flatMap(([term, n]) => Array<string>(Math.min(n, MAX_USES)).fill(termUseToken(term)));
  // The title's (and names') own tokens marked once more: what a title holds ranks above body text (rank.ts).
  const titled = [...new Set(record.names.flatMap((n) => indexTokens(n).split(' ')).filter(Boolean))].map(titleToken);
  // A glossary entry's title tokens once more, marked as a term's: a definition answers "what is", not "how to".
  if (record.kind === 'term') titled.push(...titled.map((t) => t + TERM_TITLE_MARK));
  const body = [
    `<h1 data-pagefind-weight="${WEIGHT.title}">${escape(indexTokens(record.title))}</h1>`,
    names.length ? `<p data-pagefind-weight="${WEIGHT.names}">${names.join(' ')}</p>` : '',
    typed.length ? `<p data-pagefind-weight="${WEIGHT.pinyin}">${escape(typed.join(' '))}</p>` : '',
    ...record.sections.map((s) => `<div data-pagefind-weight="${s.weight}">${escape(indexTokens(s.text))}</div>`),
    useTokens.length ? `<p>${useTokens.join(' ')}</p>` : '',
    // A list's name (售前客服 SOP) weighs least: among titles holding the query, the entry (售前客服) comes first.
    titled.length ? `<p data-pagefind-weight="${record.namesOnly ? 1 : titleSpecificity(record.title)}">${escape(titled.join(' '))}</p>` : '',
    // Overview pages carry one more token: a question asking for a list (有哪些流程) lists them first.
    record.kind === 'page' ? `<p data-pagefind-weight="1">${OVERVIEW_TOKEN}${record.collection ? ` ${COLLECTION_TOKEN}` : ''}</p>` : '',
  ];
  const meta: [string, string | undefined][] = [
    ['title', record.title],
    ['kind', record.kind],
    ['department', record.department],
    ['owner', record.owner],
    ['frequency', record.frequency],
    ['text', recordText(record)],
    // The title's syllables, for the closest titles when nothing matches (kept on the result card).
    ['py', spoken[0]?.map((run) => run.join(' ')).join(' ')],
  ];
  const filters: [string, string | undefined][] = [
    ['type', labels.kind[record.kind]],
    ['department', record.department],
    ['owner', record.owner],
    ['frequency', record.frequency],
  ];
  return [
    '<!doctype html><html><head><meta charset="utf-8"><title></title></head><body>',
    `<main data-pagefind-body>${body.join('')}</main>`,
    ...meta.filter(([, v]) => v).map(([k, v]) => `<div data-pagefind-meta="${k}">${escape(v!)}</div>`),
    ...filters.filter(([, v]) => v).map(([k, v]) => `<div data-pagefind-filter="${k}">${escape(v!)}</div>`),
    '</body></html>',
  ].join('\n');
}

/**
 * The weight of a record's title tokens: a short title is about fewer things, so among pages whose titles
 * hold the query (岗位 in 全部岗位 and in 岗位职责说明) the shorter scores higher. (A Pagefind sort key would
 * order them exactly, but its values travel in the index's metadata, fetched before the first query: 20 KB at
 * 5,000 SOPs.)
 */
export function titleSpecificity(title: string): number {
  const length = [...title.replace(/\s+/g, '')].length;
  return length <= 4 ? 10 : length <= 6 ? 8 : length <= 9 ? 6 : length <= 14 ? 4 : 2;
}

/** The distinct tokens a record's HTML (recordHtml) gives Pagefind to index. */
export function indexedTokens(html: string): Set<string> {
  const body = /<main data-pagefind-body>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  return new Set(
    body
      .replace(/<[^>]*>/g, ' ')
      .split(/\s+/)
      .filter(Boolean),
  );
}
