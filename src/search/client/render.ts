/** DOM for search results, shared by the dialog and the search page. Text only through textContent (no HTML strings). */
import { excerpt, highlight, type Segment } from '../shared/highlight.ts';
import type { Part } from '../shared/text.ts';
import type { SearchTranslate } from './strings.ts';
import type { HitSummary } from './engine.ts';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function appendSegments(parent: HTMLElement, segments: readonly Segment[]) {
  for (const s of segments) parent.append(s.mark ? el('mark', undefined, s.text) : document.createTextNode(s.text));
}

/**
 * One result: type badge, title, department (and owner, frequency) for context, an excerpt; matches marked.
 * Without the text yet, the excerpt's line waits empty for showExcerpt.
 */
export function hitLink(data: HitSummary & { text?: string }, query: readonly Part[], t: SearchTranslate, excerptLength = 90): HTMLAnchorElement {
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
  const p = el('span', 'search-hit-excerpt');
  a.append(p);
  if (data.text === undefined) p.dataset.pending = '';
  else showExcerpt(a, data.text, query, excerptLength);
  return a;
}

/** Fills a result's excerpt from its text (or drops the line when nothing of the text is worth showing). */
export function showExcerpt(link: HTMLElement, text: string, query: readonly Part[], excerptLength = 90) {
  const p = link.querySelector<HTMLElement>('.search-hit-excerpt');
  if (!p) return;
  const cut = excerpt(text, query, excerptLength);
  if (!cut.length) {
    p.remove();
    return;
  }
  p.replaceChildren();
  appendSegments(p, cut);
  delete p.dataset.pending;
}

/**
 * Shows results as soon as their summaries are in, then each excerpt when its text arrives.
 * `current()` says whether these results are still wanted (a newer query cancels the excerpts).
 */
export function fillExcerpts(
  links: readonly HTMLElement[],
  hits: readonly { data(): Promise<{ text: string }> }[],
  query: readonly Part[],
  current: () => boolean,
  excerptLength = 90,
) {
  links.forEach((link, i) => {
    hits[i]?.data().then(
      (d) => {
        if (current()) showExcerpt(link, d.text, query, excerptLength);
      },
      () => link.querySelector('.search-hit-excerpt[data-pending]')?.remove(),
    );
  });
}

/** Links to the closest titles (when nothing matched): the page itself, badged by type. */
export function titleLinks(titles: readonly HitSummary[], t: SearchTranslate): HTMLElement {
  const list = el('ul', 'search-suggest-list');
  for (const data of titles) {
    const li = el('li');
    const a = el('a', 'search-chip');
    a.href = data.url;
    const badge = el('span', 'search-type', t(`type.${data.kind}`));
    badge.dataset.kind = data.kind;
    a.append(badge, document.createTextNode(` ${data.title}`));
    li.append(a);
    list.append(li);
  }
  return list;
}

/**
 * Runs `search` as the query in `input` changes: after `pause` ms without typing, or at once when an
 * input method commits its words. While an input method composes (pinyin, zhuyin), the box holds
 * letters that are not the query yet: nothing runs then.
 */
export function onQueryInput(input: HTMLInputElement, pause: number, search: () => void) {
  let timer = 0;
  let last = input.value;
  const run = (delay: number) => {
    clearTimeout(timer);
    if (input.value === last) return; // e.g. the input event some browsers send after compositionend
    timer = window.setTimeout(() => {
      last = input.value;
      search();
    }, delay);
  };
  input.addEventListener('input', (e) => {
    if (!(e as InputEvent).isComposing) run(pause);
  });
  input.addEventListener('compositionend', () => run(0));
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
