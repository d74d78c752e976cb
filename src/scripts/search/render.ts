/** DOM for search results, shared by the dialog and the search page. Text only through textContent (no HTML strings). */
import { excerpt, highlight, type Segment } from '../../model/search-highlight.ts';
import type { Part } from '../../model/search-text.ts';
import type { SearchTranslate } from '../../i18n/search-ui.ts';
import type { HitData } from './engine.ts';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function appendSegments(parent: HTMLElement, segments: readonly Segment[]) {
  for (const s of segments) parent.append(s.mark ? el('mark', undefined, s.text) : document.createTextNode(s.text));
}

/** One result: type badge, title, department (and owner, frequency) for context, an excerpt; matches marked. */
export function hitLink(data: HitData, query: readonly Part[], t: SearchTranslate, excerptLength = 90): HTMLAnchorElement {
  const a = el('a', 'search-hit');
  a.href = data.url;
  const head = el('span', 'search-hit-head');
  const badge = el('span', 'search-type', t(`type.${data.kind}`));
  badge.dataset.kind = data.kind;
  const title = el('span', 'search-hit-title');
  appendSegments(title, highlight(data.title, query));
  head.append(badge, title);
  a.append(head);
  const context = [data.department, data.owner !== data.title ? data.owner : undefined, data.frequency].filter(Boolean).join(' · ');
  if (context) a.append(el('span', 'search-hit-context', context));
  const cut = excerpt(data.text, query, excerptLength);
  if (cut.length) {
    const p = el('span', 'search-hit-excerpt');
    appendSegments(p, cut);
    a.append(p);
  }
  return a;
}

/** Buttons for suggested glossary terms. */
export function termButtons(terms: readonly { term: string }[], onPick: (term: string) => void): HTMLElement {
  const list = el('ul', 'search-suggest-list');
  for (const { term } of terms) {
    const li = el('li');
    const b = el('button', 'search-chip', term);
    b.type = 'button';
    b.addEventListener('click', () => onPick(term));
    li.append(b);
    list.append(li);
  }
  return list;
}

/** Where the index lives and where results point, from the search trigger or the search page. */
export interface SearchConfig {
  /** The site's base path, ending in '/'. */
  readonly base: string;
  /** Pagefind's bundle, ending in '/'. */
  readonly bundle: string;
  /** The search page. */
  readonly page: string;
}

/** The configuration written on an element, or, failing that, the site root. */
export function configOf(element: Element | null | undefined): SearchConfig {
  const node = element as HTMLElement | null | undefined;
  // data-search-base, or the base in front of the search page's address (<base>search/).
  const href = node instanceof HTMLAnchorElement ? new URL(node.href, location.href).pathname : '';
  const base = node?.dataset?.searchBase ?? (href.endsWith('/search/') ? href.slice(0, -'search/'.length) : '/');
  const b = base.endsWith('/') ? base : `${base}/`;
  return { base: b, bundle: `${b}pagefind/`, page: `${b}search/` };
}

/**
 * Why search could not start. `npm run dev` serves no index (Pagefind reads the built pages after
 * `npm run build`): say so instead of showing a network error.
 */
export function unavailableText(t: SearchTranslate, error: unknown): string {
  if (import.meta.env.DEV) return t('search.devNoIndex');
  return t('search.error', { error: String((error as Error)?.message ?? error) });
}
