/**
 * Glossary terms in running text: where a role's, SOP's or plan's body first
 * uses a term (or one of its aliases), so that the Markdown pipeline can link
 * that use to the glossary. Pure: no Astro, no Markdown library; the tree
 * walk works on any hast-shaped tree (see src/integrations/rehype-glossary-links.ts).
 *
 * Chinese has no spaces between words, so terms match as substrings; a term
 * edge that is a Latin letter (ROI, SKU, DSR) or a digit (双11) must not
 * continue a Latin word or a number. At any position the longest spelling wins
 * (淘宝直通车 before 直通车), and a spelling of a term already linked on the
 * page is passed over whole, so a shorter term inside it is not linked either.
 * A term an MDX body links itself with <Term> (src/mdx/components/Term.astro)
 * gets no automatic link on that page.
 */
import type { GlossaryTermData } from '../../schema/collections.ts';
import { termAnchors } from './glossary.ts';
import { componentUse, termNameOf, type MdxAttributeNode } from '../../mdx/components.ts';

/** What a use of a term links to. */
export interface TermTarget {
  /** The term as the glossary names it (its entry's heading). */
  readonly term: string;
  /** The id of its entry on the glossary page (termAnchors). */
  readonly anchor: string;
  readonly definition: string;
}

export interface TermMatch {
  readonly start: number;
  readonly end: number;
  /** The text as written in the body (an alias, another script, another case). */
  readonly text: string;
  readonly target: TermTarget;
}

export interface TermMatcherOptions {
  /**
   * More spellings of a name, e.g. its Simplified and Traditional forms
   * (src/domain/script.ts). Spellings written in the glossary win over these.
   */
  readonly variants?: (name: string) => Iterable<string>;
  /**
   * Folds a name looked up by `lookup` when no spelling matches it as written
   * (e.g. to Simplified script, for a name written in mixed script).
   */
  readonly fold?: (name: string) => string;
}

export interface TermMatcher {
  /** How many distinct spellings are looked for. */
  readonly spellings: number;
  /** Every leftmost-longest use of any spelling in `text`, in order, not overlapping. */
  find(text: string): TermMatch[];
  /** The term a spelling belongs to (a spelling, or its folded form: see TermMatcherOptions.fold). */
  lookup(spelling: string): TermTarget | undefined;
}

/** Comparison key of a spelling: NFC, single spaces, lower case. */
export function spellingKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const LATIN = /\p{Script=Latin}/u;
const DIGIT = /[0-9]/;

/** Regex source of one spelling: spaces match any white space, Latin/digit edges need a boundary. */
function spellingPattern(key: string): string {
  const chars = [...key];
  const body = key
    .split(' ')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('\\s+');
  const first = chars[0]!;
  const last = chars[chars.length - 1]!;
  const before = LATIN.test(first) ? '(?<!\\p{Script=Latin})' : DIGIT.test(first) ? '(?<![0-9])' : '';
  const after = LATIN.test(last) ? '(?!\\p{Script=Latin})' : DIGIT.test(last) ? '(?![0-9])' : '';
  return `${before}${body}${after}`;
}

export function termMatcher(glossary: readonly GlossaryTermData[], options: TermMatcherOptions = {}): TermMatcher {
  const anchors = termAnchors(glossary);
  // key → [priority, target]: the term itself (0) before an alias (1) before a generated variant (2, 3); then file order.
  const byKey = new Map<string, { rank: number; target: TermTarget }>();
  const offer = (spelling: string, rank: number, target: TermTarget) => {
    const key = spellingKey(spelling);
    if (!key) return;
    const known = byKey.get(key);
    if (!known || known.rank > rank) byKey.set(key, { rank, target });
  };
  for (const entry of glossary) {
    const target: TermTarget = { term: entry.term, anchor: anchors.get(entry.term)!, definition: entry.definition };
    const names = [entry.term, ...entry.aliases];
    names.forEach((name, i) => offer(name, i === 0 ? 0 : 1, target));
    if (options.variants) {
      names.forEach((name, i) => {
        for (const variant of options.variants!(name)) offer(variant, i === 0 ? 2 : 3, target);
      });
    }
  }
  const keys = [...byKey.keys()].sort((a, b) => [...b].length - [...a].length || (a < b ? -1 : a > b ? 1 : 0));
  const pattern = keys.length ? new RegExp(keys.map(spellingPattern).join('|'), 'giu') : undefined;
  const lookup = (spelling: string) =>
    byKey.get(spellingKey(spelling))?.target ?? (options.fold ? byKey.get(spellingKey(options.fold(spelling)))?.target : undefined);
  return {
    spellings: keys.length,
    lookup,
    find(text) {
      if (!pattern) return [];
      const out: TermMatch[] = [];
      for (const m of text.matchAll(pattern)) {
        const target = lookup(m[0]);
        if (target) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], target });
      }
      return out;
    },
  };
}

/** A text split around the uses to link: plain strings and matches, in order. */
export type TextPart = string | TermMatch;

/**
 * Splits `text` at the first use of each term not yet in `linked` (term names),
 * adding the terms it links to `linked`. Returns undefined when nothing is linked.
 */
export function linkFirstUses(text: string, matcher: TermMatcher, linked: Set<string>): TextPart[] | undefined {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of matcher.find(text)) {
    if (linked.has(match.target.term)) continue;
    linked.add(match.target.term);
    if (match.start > at) parts.push(text.slice(at, match.start));
    parts.push(match);
    at = match.end;
  }
  if (!parts.length) return undefined;
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** The part of hast the walk reads (elements, MDX JSX elements, text and raw HTML). */
export interface TreeNode {
  readonly type: string;
  readonly tagName?: string;
  /** MDX JSX element name (null for a fragment). */
  readonly name?: string | null;
  readonly value?: string;
  /** MDX JSX attributes (<Term id="…">). */
  readonly attributes?: readonly MdxAttributeNode[];
  readonly children?: readonly TreeNode[];
}

/** Elements whose text is never linked: links, code, headings, form controls, embedded documents. */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'button',
  'code',
  'dfn',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'iframe',
  'kbd',
  'label',
  'math',
  'noscript',
  'option',
  'pre',
  'samp',
  'script',
  'select',
  'style',
  'summary',
  'svg',
  'template',
  'textarea',
  'title',
  'var',
]);

/** MDX components whose children are left alone: they may render them as a link, a control or code. */
const SKIPPED_COMPONENT = /link|button|code|term|tooltip|heading|title|label/i;

const RAW_TAG = /<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;

export interface TextToLink {
  /** The text node, as found in the tree. */
  readonly node: TreeNode;
  readonly parts: TextPart[];
}

/**
 * Walks a hast tree in document order and returns the text nodes that hold the
 * first use of a term, with how to split each. Text inside SKIPPED_ELEMENTS
 * (also when opened and closed by raw HTML tags around it, as in
 * `<a href="…">直通车</a>` written in Markdown) is passed over.
 */
export function planTermLinks(root: TreeNode, matcher: TermMatcher, linked: Set<string> = new Set()): TextToLink[] {
  const out: TextToLink[] = [];
  // A term the author links with <Term> (anywhere in the body) is linked already: no second, automatic link.
  for (const name of explicitTermNames(root)) {
    const target = matcher.lookup(name);
    if (target) linked.add(target.term);
  }
  let rawDepth = 0;
  const skipped = (node: TreeNode): boolean => {
    if (node.type === 'element') return SKIPPED_ELEMENTS.has(String(node.tagName).toLowerCase());
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? '';
      return /^[a-z]/.test(name) ? SKIPPED_ELEMENTS.has(name) : SKIPPED_COMPONENT.test(name);
    }
    return false;
  };
  const walk = (node: TreeNode) => {
    if (node.type === 'raw') {
      for (const [, closing, tag, selfClosing] of String(node.value ?? '').matchAll(RAW_TAG)) {
        if (!SKIPPED_ELEMENTS.has(tag!.toLowerCase()) || selfClosing) continue;
        rawDepth = closing ? Math.max(0, rawDepth - 1) : rawDepth + 1;
      }
      return;
    }
    if (node.type === 'text') {
      if (rawDepth > 0 || !node.value) return;
      const parts = linkFirstUses(node.value, matcher, linked);
      if (parts) out.push({ node, parts });
      return;
    }
    if (skipped(node)) return;
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  return out;
}

/** The names of the <Term> MDX elements of a tree (their id, else their text), in document order. */
export function explicitTermNames(root: TreeNode): string[] {
  const out: string[] = [];
  const walk = (node: TreeNode) => {
    const use = node.name === 'Term' ? componentUse(node) : undefined;
    const name = use && termNameOf(use);
    if (name) out.push(name);
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  return out;
}

/** Between a lead name and the definition in a tooltip: a full-width colon before Chinese text. */
export function tipSeparator(definition: string): string {
  return /^[\p{Script=Han}\p{Script=Bopomofo}“‘（《]/u.test(definition) ? '：' : ': ';
}

/** Tooltip text: the definition, led by the term's own name when the body used an alias. */
export function tipText(match: Pick<TermMatch, 'text' | 'target'>): { lead?: string; definition: string } {
  const { term, definition } = match.target;
  return spellingKey(match.text) === spellingKey(term) ? { definition } : { lead: term, definition };
}

/**
 * The prose of a Markdown or MDX body, roughly as the linking plugin sees it
 * after rendering: without code, headings, link texts, HTML and MDX syntax.
 * For pages that need to know which terms a body links to without rendering
 * it (the glossary page's "used in" lists); line structure is kept.
 */
/** Stands where markup was taken out: neither text nor white space, so no term matches across it. */
const BREAK = '\u0000';

export function markdownProse(body: string, { mdx = false }: { mdx?: boolean } = {}): string {
  const skippedTags = [...SKIPPED_ELEMENTS].join('|');
  const prose = body
    // Fenced code blocks.
    .replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n\1?\2[`~]*[ \t]*(?=\n|$)|$)/gm, '')
    // ATX headings.
    .replace(/^ {0,3}#{1,6}(?:[ \t][^\n]*)?$/gm, '')
    // Setext headings: the text line above === or ---.
    .replace(/^[^\n]+\n {0,3}(?:=+|-+)[ \t]*$/gm, '')
    // Inline code, images, links (inline, reference, autolinks).
    .replace(/(`+)[\s\S]*?\1/g, BREAK)
    .replace(/!?\[(?:[^\]\\]|\\.)*\](?:\([^)]*\)|\[[^\]]*\])?/g, BREAK)
    .replace(/<(?:https?|mailto):[^>\s]*>/g, BREAK)
    // HTML and JSX elements that are not linked inside, with their content; then any other tag.
    .replace(new RegExp(`<(${skippedTags})\\b[^>]*>[\\s\\S]*?</\\1\\s*>`, 'gi'), BREAK)
    .replace(/<([A-Z][\w.]*)\b[^>]*>[\s\S]*?<\/\1\s*>/g, (whole, name: string) => (SKIPPED_COMPONENT.test(name) ? BREAK : whole))
    .replace(/<\/?[A-Za-z][\w.:-]*\b[^>]*>/g, BREAK);
  // MDX: import/export lines and {expressions} are code, not prose.
  return mdx ? prose.replace(/^(?:import|export)\s[^\n]*$/gm, '').replace(/\{[^{}]*\}/g, BREAK) : prose;
}

/** <Term …/> and <Term …>…</Term> in MDX source: attributes, children. */
const TERM_TAG = /<Term\b((?:[^>"'{}]|"[^"]*"|'[^']*'|\{[^{}]*\})*?)(?:\/>|>([\s\S]*?)<\/Term\s*>)/g;
const ID_ATTRIBUTE = /(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*(?:"([^"]*)"|'([^']*)')\s*\})/;

/** The names of the <Term> elements of an MDX source, read without parsing it (see explicitTermNames for a tree). */
export function explicitTermNamesIn(mdx: string): string[] {
  const out: string[] = [];
  for (const [, attributes = '', children = ''] of mdx.matchAll(TERM_TAG)) {
    const id = ID_ATTRIBUTE.exec(attributes);
    const name = id ? (id[1] ?? id[2] ?? id[3] ?? id[4]) : /[{}]/.test(children) ? undefined : children.replace(/<[^>]*>|[*_`]/g, '');
    const trimmed = name?.replace(/\s+/g, ' ').trim();
    if (trimmed) out.push(trimmed);
  }
  return out;
}

/**
 * The terms a body links to, in order: for MDX the terms of its <Term> elements,
 * then the first use of each other term in its prose (see markdownProse for what counts as prose).
 */
export function termsLinkedIn(body: string, matcher: TermMatcher, options: { mdx?: boolean } = {}): string[] {
  const linked = new Set<string>();
  if (options.mdx) {
    for (const name of explicitTermNamesIn(body)) {
      const target = matcher.lookup(name);
      if (target) linked.add(target.term);
    }
  }
  linkFirstUses(markdownProse(body, options), matcher, linked);
  return [...linked];
}
