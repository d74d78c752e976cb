/**
 * The searchable text of a built page: what stands in its <main data-pagefind-body>,
 * less what Pagefind would leave out (data-pagefind-ignore) and navigation
 * (breadcrumbs, previous/next, an index of anchors), split into the parts that
 * weigh differently: the title (h1), an SOP's steps, the rest.
 */
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { WEIGHT, type Section } from '../shared/records.ts';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'] | DefaultTreeAdapterMap['documentFragment'];
type Element = DefaultTreeAdapterMap['element'];

/** Elements whose text is never content. */
const SKIPPED = new Set(['nav', 'script', 'style', 'template', 'noscript', 'svg', 'math', 'button', 'select', 'textarea', 'iframe', 'object']);
/** Elements that do not break a line: their text runs on with their neighbours'. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const hasClass = (el: Element, name: string) => (attr(el, 'class') ?? '').split(/\s+/).includes(name);

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function findBody(node: Node): Element | undefined {
  if (isElement(node) && attr(node, 'data-pagefind-body') !== undefined) return node;
  for (const child of 'childNodes' in node ? node.childNodes : []) {
    const found = findBody(child as Node);
    if (found) return found;
  }
  return undefined;
}

export interface PageText {
  /** The text of the page's h1. */
  readonly title: string;
  /** The rest, in reading order: steps weigh more than body text. */
  readonly sections: readonly Section[];
}

/**
 * The page's one <main> element, when it is the search body: only it is parsed (a page is mostly header,
 * menus and footer). HTML allows a single visible <main>, and text never holds a raw "</main>" (Astro
 * escapes "<"), so the body ends at the last "</main>". Anything else falls back to parsing the whole page.
 */
const MAIN_BODY = /<main\b(?:[^>"']|"[^"]*"|'[^']*')*\sdata-pagefind-body(?:[\s=>])/g;

function searchBody(html: string): Element | undefined {
  const opening = [...html.matchAll(MAIN_BODY)];
  const end = html.lastIndexOf('</main>');
  if (opening.length === 1 && html.indexOf('<main', opening[0]!.index + 1) === -1 && end > opening[0]!.index) {
    return findBody(parseFragment(html.slice(opening[0]!.index, end + '</main>'.length)));
  }
  return findBody(parse(html));
}

/** Reads a built page; undefined when it has no data-pagefind-body (a page kept out of search). */
export function extractPage(html: string): PageText | undefined {
  const body = searchBody(html);
  if (!body) return undefined;
  let title = '';
  const sections: { weight: number; text: string }[] = [];
  let current: { weight: number; text: string } | undefined;
  const write = (weight: number, text: string) => {
    if (!current || current.weight !== weight) {
      current = { weight, text: '' };
      sections.push(current);
    }
    current.text += text;
  };
  const walk = (node: Node, weight: number, inTitle: boolean) => {
    if (node.nodeName === '#text') {
      const value = (node as DefaultTreeAdapterMap['textNode']).value;
      if (inTitle) title += value;
      else write(weight, value);
      return;
    }
    if (!isElement(node)) return;
    const tag = node.tagName;
    if (SKIPPED.has(tag) || attr(node, 'data-pagefind-ignore') !== undefined || attr(node, 'hidden') !== undefined || attr(node, 'aria-hidden') === 'true')
      return;
    const own = attr(node, 'data-pagefind-weight');
    const w = own !== undefined && Number.isFinite(Number(own)) ? Number(own) : tag === 'ol' && hasClass(node, 'steps') ? WEIGHT.steps : weight;
    const headline = inTitle || tag === 'h1';
    const block = !INLINE.has(tag);
    if (block && !inTitle) write(w, '\n');
    if (tag === 'br') write(w, '\n');
    for (const child of node.childNodes) walk(child as Node, w, headline);
    if (block && !inTitle) write(w, '\n');
  };
  for (const child of body.childNodes) walk(child as Node, WEIGHT.body, false);
  const tidy = (text: string) =>
    text
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
  return {
    title: title.replace(/\s+/g, ' ').trim(),
    sections: sections.map((s) => ({ weight: s.weight, text: tidy(s.text) })).filter((s) => s.text),
  };
}
