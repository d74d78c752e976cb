/**
 * The site's stable URLs and reference links. Every href starts from the site's
 * base (import.meta.env.BASE_URL), so the handbook can live under a sub-path.
 */
import type { Locale } from '../i18n/index.ts';
import type { Handbook } from './handbook.ts';
import { findTerm, termAnchors } from './glossary/glossary.ts';
import { memoByRef } from './memo.ts';

/** id → title (or name): one map per entry list, shared by every page's linker. */
const titles = memoByRef(
  (entries: readonly { id: string; data: { title?: string; name?: string } }[]): ReadonlyMap<string, string> =>
    new Map(entries.map((e) => [e.id, e.data.title ?? e.data.name ?? e.id])),
);

/** A link to show: `href` is absent when the target does not exist (the label is then plain text). */
export interface Link {
  readonly href?: string;
  readonly label: string;
}

/** base + path, with exactly one slash between them. */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

const seg = (id: string) => encodeURIComponent(id);

/** A URL path as one spelling, decoded (/sops/%E7%9B%B4/ is /sops/直/); kept as given when it is not valid encoding. */
export function decodedPath(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

export function routes(base: string) {
  return {
    home: joinBase(base, ''),
    departments: joinBase(base, 'departments/'),
    department: (id: string) => joinBase(base, `departments/${seg(id)}/`),
    roles: joinBase(base, 'roles/'),
    role: (id: string) => joinBase(base, `roles/${seg(id)}/`),
    sops: joinBase(base, 'sops/'),
    sop: (id: string) => joinBase(base, `sops/${seg(id)}/`),
    /** The SOP index filtered on one value of a facet: sops/department/<id>/, sops/owner/<role>/, sops/frequency/<f>/. */
    sopFacet: (facet: string, value: string) => joinBase(base, `sops/${seg(facet)}/${seg(value)}/`),
    plans: joinBase(base, 'plans/'),
    plan: (id: string) => joinBase(base, `plans/${seg(id)}/`),
    glossary: joinBase(base, 'glossary/'),
    rhythm: joinBase(base, 'rhythm/'),
    org: joinBase(base, 'org/'),
    start: joinBase(base, 'start/'),
    /** The handbook's changes, and their Atom feed. */
    changes: joinBase(base, 'changes/'),
    changesFeed: joinBase(base, 'changes/feed.xml'),
    search: joinBase(base, 'search/'),
    /** The authors' guide: in Chinese (the site's script), and in English. */
    guide: joinBase(base, 'guide/'),
    guideEn: joinBase(base, 'guide/en/'),
  };
}

export type Routes = ReturnType<typeof routes>;

/** A checker rule's entry in the authors' guide (its anchor is the rule id): in English for English sites. */
export function guideRuleLink(base: string, rule: string, locale: Locale): string {
  return `${guideFor(routes(base), locale)}#${encodeURIComponent(rule)}`;
}

/** The authors' guide page for readers of a locale: /guide/en/ for English sites, /guide/ (Chinese) for the others. */
const GUIDE_PAGE: Record<Locale, 'guide' | 'guideEn'> = { 'zh-CN': 'guide', 'zh-TW': 'guide', en: 'guideEn' };

export function guideFor(r: Routes, locale: Locale): string {
  return r[GUIDE_PAGE[locale]];
}

export interface Linker {
  readonly routes: Routes;
  department(id: string): Link;
  role(id: string): Link;
  sop(id: string): Link;
  plan(id: string): Link;
  /** A glossary term or alias, linked to its term's anchor; labelled as written. */
  term(name: string): Link;
}

/** Resolves ids to titled links. An unknown id becomes a plain label (the checker reports it). */
export function linker(handbook: Pick<Handbook, 'departments' | 'roles' | 'sops' | 'plans' | 'glossary'>, base: string): Linker {
  const r = routes(base);
  const departments = titles(handbook.departments);
  const roles = titles(handbook.roles);
  const sops = titles(handbook.sops);
  const plans = titles(handbook.plans);
  const anchors = termAnchors(handbook.glossary);
  const make =
    (known: ReadonlyMap<string, string>, href: (id: string) => string) =>
    (id: string): Link => {
      const label = known.get(id);
      return label === undefined ? { label: id } : { href: href(id), label };
    };
  return {
    routes: r,
    department: make(departments, r.department),
    role: make(roles, r.role),
    sop: make(sops, r.sop),
    plan: make(plans, r.plan),
    term: (name: string) => {
      const found = findTerm(name, handbook.glossary);
      return found ? { href: `${r.glossary}#${anchors.get(found.term)}`, label: name } : { label: name };
    },
  };
}

/**
 * The "edit this page" link for an entry: `editUrl` with `{file}` replaced by the
 * entry's path in the content folder, or, without `{file}`, the path appended.
 */
export function editLink(editUrl: string | undefined, file: string | undefined): string | undefined {
  if (!editUrl || !file) return undefined;
  const path = file.split('/').map(encodeURIComponent).join('/');
  if (editUrl.includes('{file}')) return editUrl.replaceAll('{file}', path);
  return joinBase(editUrl, path);
}
