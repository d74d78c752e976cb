/**
 * The checker's half of "content is data": what in a Markdown or MDX body
 * would run or reshape the page, found at its line.
 *
 * - HTML outside the allowlist (src/domain/html/allowlist.ts): elements,
 *   attributes (on*, style, …) and URLs (javascript:, data: other than
 *   pictures, http images), in raw HTML of .md bodies and JSX tags of .mdx ones;
 *   Markdown links and images with such URLs too.
 * - In .mdx, code: import/export statements, {expressions} (comments aside),
 *   expression and spread attributes, which MDX evaluates at build time with
 *   the build machine's files and environment. Allowed only with site.yaml
 *   `mdx: { code: true }`.
 *
 * Pure: takes an mdast tree as Sätteri's markdownToMdast / mdxToMdast give it,
 * returns findings with lines in the parsed text (the body).
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import {
  BODY_HTML,
  GLOBAL_ATTRIBUTES,
  attributeFinding,
  elementKind,
  isAllowedElement,
  markdownUrlFinding,
  REMOVED_WITH_CONTENT,
  type ElementKind,
  type UrlReason,
} from '../domain/html/allowlist.ts';
import { isCommentExpression } from '../domain/html/guard.ts';
import { isMdxComponent, MDX_COMPONENT_NAMES, type MdxNode } from './components.ts';

export type SafetyFinding =
  | {
      readonly rule: 'html.element';
      readonly line: number;
      readonly tag: string;
      readonly kind: ElementKind;
      /** What the build removes: the element with its content, the tag only (its text stays), or an element that has no content. */
      readonly removes: 'content' | 'tag' | 'empty';
    }
  | {
      readonly rule: 'html.attribute';
      readonly line: number;
      readonly tag: string;
      readonly attribute: string;
      readonly group: 'event' | 'style' | 'other';
      readonly value?: string;
      /** The attributes an author may give this element. */
      readonly allowed: readonly string[];
    }
  | { readonly rule: 'html.url'; readonly line: number; readonly tag: string; readonly attribute: string; readonly url: string; readonly reason: UrlReason }
  | { readonly rule: 'mdx.code'; readonly line: number; readonly kind: 'import' | 'export' | 'expression' | 'attribute' | 'spread'; readonly code: string };

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

/** Attributes whose expression the component checks report themselves (mdx.attribute). */
const VALUE_CHECKED: Readonly<Record<string, readonly string[]>> = { Callout: ['type'], RoleLink: ['id'], SopLink: ['id'], Term: ['id'] };

/** A short, one-line excerpt of code for the message. */
export function excerpt(code: string, max = 48): string {
  const line = code.trim().replace(/\s+/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The attributes of an element an author would write (Markdown's own class, id, data- and aria- ones left out). */
function authorAttributes(tag: string): string[] {
  const names = [...(BODY_HTML[tag] ?? []), ...GLOBAL_ATTRIBUTES].map((rule) => (typeof rule === 'string' ? rule : rule[0]));
  return [...new Set(names.filter((name) => !/^(?:class|id|style|data-|aria-)/.test(name)))];
}

/** Findings for one element with its attributes (lines given by the caller). */
function elementFindings(
  tag: string,
  attributes: readonly { name: string; value: string | null; line: number }[],
  line: number,
  out: SafetyFinding[],
): boolean {
  if (!isAllowedElement(tag)) {
    const removes = VOID.has(tag) ? 'empty' : REMOVED_WITH_CONTENT.includes(tag) ? 'content' : 'tag';
    out.push({ rule: 'html.element', line, tag, kind: elementKind(tag), removes });
    return false;
  }
  for (const attribute of attributes) {
    const finding = attributeFinding(tag, attribute.name, attribute.value);
    if (!finding) continue;
    if (finding.kind === 'url')
      out.push({ rule: 'html.url', line: attribute.line, tag, attribute: finding.attribute, url: excerpt(finding.value, 60), reason: finding.reason });
    else if (finding.kind === 'attribute')
      out.push({ rule: 'html.attribute', line: attribute.line, tag, attribute: finding.attribute, group: finding.group, allowed: authorAttributes(tag) });
    else
      out.push({
        rule: 'html.attribute',
        line: attribute.line,
        tag,
        attribute: finding.attribute,
        group: 'other',
        value: excerpt(finding.value, 40),
        allowed: authorAttributes(tag),
      });
  }
  return true;
}

/**
 * Raw HTML of a Markdown `html` node, starting on `startLine`. Returns the removed element (script, svg…)
 * it opens and does not close: inline HTML comes one tag per node, and what follows up to its end tag is
 * its content, not more findings.
 */
function htmlFindings(html: string, startLine: number, out: SafetyFinding[]): string | undefined {
  const from = out.length;
  const fragment = parseFragment(html, { sourceCodeLocationInfo: true });
  let open: string | undefined;
  const walk = (node: Node) => {
    if ('tagName' in node) {
      const element = node as Element;
      const location = element.sourceCodeLocation;
      const line = startLine + (location?.startLine ?? 1) - 1;
      const attributes = element.attrs.map((a) => ({
        name: a.prefix ? `${a.prefix}:${a.name}` : a.name,
        value: a.value,
        line: startLine + (location?.attrs?.[a.name]?.startLine ?? location?.startLine ?? 1) - 1,
      }));
      // Inside a removed element nothing else matters; an unwrapped one keeps its content, which is checked.
      const kept = elementFindings(element.tagName, attributes, line, out);
      if (!kept && REMOVED_WITH_CONTENT.includes(element.tagName)) {
        if (location && !location.endTag && !VOID.has(element.tagName)) open ??= element.tagName;
        return;
      }
    }
    const content = 'content' in node ? (node as { content: Node }).content : undefined;
    for (const child of [...('childNodes' in node ? node.childNodes : []), ...(content ? [content] : [])]) walk(child as Node);
  };
  walk(fragment as unknown as Node);
  // A component name written in a .md body (<Callout>) is reported as such (mdx.inMarkdown), not as unknown HTML.
  for (let i = out.length - 1; i >= from; i--) {
    const finding = out[i]!;
    if (finding.rule === 'html.element' && COMPONENT_TAGS.has(finding.tag)) out.splice(i, 1);
  }
  return open;
}

const COMPONENT_TAGS = new Set(MDX_COMPONENT_NAMES.map((name) => name.toLowerCase()));

/** Elements without content or end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

interface JsxAttributeNode {
  readonly type: string;
  readonly name?: string;
  readonly value?: unknown;
  readonly position?: { readonly start: { readonly line: number } } | null;
}

const PLAIN_TAG = /^[a-z][a-z0-9]*$/;

function literal(source: string): string | undefined {
  const m = /^\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`([^`$\\]*)`)\s*$/.exec(source);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1') : undefined;
}

export interface SafetyOptions {
  readonly format: 'markdown' | 'mdx';
  /** site.yaml `mdx: { code: true }`: code in MDX is not reported. */
  readonly allowCode?: boolean;
}

/** Every finding of a body's tree, in document order. */
export function bodySafety(tree: MdxNode, options: SafetyOptions): SafetyFinding[] {
  const out: SafetyFinding[] = [];
  const code = options.format === 'mdx' && !options.allowCode;
  const lineOf = (node: { position?: { start: { line: number } } | null }, fallback: number) => node.position?.start.line ?? fallback;

  /** A removed element opened by an earlier inline `html` node: its content is skipped up to its end tag. */
  let inside: string | undefined;
  const walk = (node: MdxNode & { url?: string }, parentLine: number) => {
    const line = lineOf(node, parentLine);
    if (inside !== undefined) {
      if (node.type === 'html' && typeof node.value === 'string' && node.value.toLowerCase().includes(`</${inside}`)) inside = undefined;
      return;
    }
    switch (node.type) {
      case 'html':
        if (typeof node.value === 'string') inside = htmlFindings(node.value, line, out);
        break;
      case 'link':
      case 'image':
      case 'definition': {
        const image = node.type === 'image';
        const reason = typeof node.url === 'string' ? markdownUrlFinding(node.url, image) : undefined;
        if (reason) out.push({ rule: 'html.url', line, tag: image ? 'img' : 'a', attribute: image ? 'src' : 'href', url: excerpt(node.url!, 60), reason });
        break;
      }
      case 'mdxjsEsm':
        if (code && typeof node.value === 'string') {
          node.value.split('\n').forEach((text, i) => {
            const statement = /^\s*(import|export)\b/.exec(text);
            if (statement) out.push({ rule: 'mdx.code', line: line + i, kind: statement[1] as 'import' | 'export', code: excerpt(text) });
          });
        }
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (code && typeof node.value === 'string' && !isCommentExpression(node.value))
          out.push({ rule: 'mdx.code', line, kind: 'expression', code: excerpt(`{${node.value}}`) });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        const html = PLAIN_TAG.test(name);
        const statics: { name: string; value: string | null; line: number }[] = [];
        for (const attribute of (node.attributes ?? []) as readonly JsxAttributeNode[]) {
          const at = lineOf(attribute, line);
          if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
            if (code) out.push({ rule: 'mdx.code', line: at, kind: 'spread', code: excerpt(`{${String(attribute.value ?? '')}}`) });
            continue;
          }
          const value = attribute.value;
          if (value && typeof value === 'object' && 'value' in value) {
            const source = String((value as { value: unknown }).value);
            const text = literal(source);
            if (text !== undefined) statics.push({ name: attribute.name, value: text, line: at });
            else if (code && !(VALUE_CHECKED[name] ?? []).includes(attribute.name)) {
              out.push({ rule: 'mdx.code', line: at, kind: 'attribute', code: excerpt(`${attribute.name}={${source}}`) });
            }
            continue;
          }
          statics.push({ name: attribute.name, value: typeof value === 'string' ? value : null, line: at });
        }
        if (html && !isMdxComponent(name)) {
          const kept = elementFindings(name, statics, line, out);
          if (!kept && REMOVED_WITH_CONTENT.includes(name)) return;
        }
        break;
      }
      default:
        break;
    }
    for (const child of node.children ?? []) walk(child, line);
  };
  walk(tree, 1);
  return out;
}

/** Whether a .md body may hold anything bodySafety reports (raw HTML, a link or an image): it is parsed only then. */
export const MAYBE_UNSAFE_MARKDOWN = /<[A-Za-z!?/]|\]\s*[(:[]|^\s*\[[^\]]*\]:/m;
