/**
 * Render-time defence in depth: what a Markdown or MDX body may put on a page
 * and run on the build machine, whatever the checker said.
 *
 * - Markdown: raw HTML is parsed (hast-util-raw, as rehype-raw does) and the
 *   whole tree sanitized (hast-util-sanitize, as rehype-sanitize does) with a
 *   schema derived from the allowlist (src/domain/html/allowlist.ts).
 * - MDX: unless the site opts in to code (site.yaml `mdx: { code: true }`),
 *   import/export statements, {expressions}, expression and spread attributes
 *   and JSX names that are not the handbook's components are removed before
 *   MDX turns the tree into JavaScript, so nothing an author wrote is evaluated
 *   at build time; HTML elements (Markdown's and JSX ones) go through the same
 *   allowlist either way.
 *
 * Pure: takes and returns plain hast trees (Sätteri's shapes), no Astro.
 */
import type { Element, Properties, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import { BODY_HTML, GLOBAL_ATTRIBUTES, REMOVED_WITH_CONTENT, attributeFinding, isAllowedElement, type AttributeRule } from './allowlist.ts';

const property = (attribute: string) => find(html, attribute).property;
const definition = (rule: AttributeRule) => (typeof rule === 'string' ? property(rule) : ([property(rule[0]), rule[1]] as [string, RegExp]));

/** The hast-util-sanitize schema of the allowlist: the same elements, attributes and URL rules. */
export const SANITIZE_SCHEMA: Schema = {
  tagNames: Object.keys(BODY_HTML),
  attributes: {
    ...Object.fromEntries(Object.entries(BODY_HTML).map(([tag, rules]) => [tag, rules.map(definition)])),
    '*': GLOBAL_ATTRIBUTES.map(definition),
  },
  strip: [...REMOVED_WITH_CONTENT],
  // The URL expressions decide; these only repeat them for hast-util-sanitize's own protocol check.
  protocols: { href: ['http', 'https', 'mailto', 'tel'], src: ['https', 'data'] },
  // No author ids or names at all (footnote ids are matched exactly), so nothing to prefix.
  clobber: [],
  clobberPrefix: '',
  required: {},
  // Elements are judged one at a time (MDX trees hold nodes hast-util-sanitize does not know): no ancestor rules.
  ancestors: {},
  allowComments: false,
  allowDoctypes: false,
};

/** The handbook's MDX components (src/mdx/components.ts) and the attributes they take. */
export type ComponentTable = Readonly<Record<string, readonly string[]>>;

export interface GuardOptions {
  /** 'mdx' for an .mdx body, 'markdown' for .md. */
  readonly format: 'markdown' | 'mdx';
  /** site.yaml `mdx: { code: true }`: MDX may import and evaluate (the author's own risk). */
  readonly allowCode: boolean;
  /** The components an MDX body may use without code. */
  readonly components: ComponentTable;
}

type AnyNode = { type: string; children?: AnyNode[]; [key: string]: unknown };

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  children: AnyNode[];
}

const JSX = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);
const EXPRESSION = new Set(['mdxFlowExpression', 'mdxTextExpression']);
const PLAIN_TAG = /^[a-z][a-z0-9]*$/;

/** `{"text"}`, `{'text'}` or `` {`text`} ``: a string written as an expression, safe to keep as text. */
function literalString(source: string): string | undefined {
  const literal = /^\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`([^`$\\]*)`)\s*$/.exec(source);
  if (!literal) return undefined;
  return (literal[1] ?? literal[2] ?? literal[3] ?? '').replace(/\\(.)/g, '$1');
}

/** An MDX comment, {/* … *\/}: compiles to nothing. */
export function isCommentExpression(source: string): boolean {
  return (
    source
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/[^\n]*/g, '')
      .trim() === ''
  );
}

function expressionSource(value: unknown): string | undefined {
  return value && typeof value === 'object' && 'value' in value ? String((value as { value: unknown }).value) : undefined;
}

/** An element without its children through the schema: kept (with safe properties), unwrapped, or removed. */
function sanitizeElement(element: Element): { keep: Properties } | 'unwrap' | 'remove' {
  const result = sanitize({ type: 'root', children: [{ ...element, children: [] }] }, SANITIZE_SCHEMA) as Root;
  const first = result.children[0];
  if (first?.type === 'element') return { keep: first.properties };
  return REMOVED_WITH_CONTENT.includes(element.tagName) ? 'remove' : 'unwrap';
}

class Guard {
  changed = false;
  readonly options: GuardOptions;

  constructor(options: GuardOptions) {
    this.options = options;
  }

  children(nodes: AnyNode[]): AnyNode[] {
    return nodes.flatMap((node) => this.node(node));
  }

  node(node: AnyNode): AnyNode[] {
    const code = this.options.allowCode;
    if (node.type === 'mdxjsEsm' || EXPRESSION.has(node.type)) {
      if (code || (EXPRESSION.has(node.type) && isCommentExpression(String(node.value ?? '')))) return [node];
      this.changed = true;
      return [];
    }
    if (node.type === 'raw' || node.type === 'comment' || node.type === 'doctype') {
      // Raw HTML left in an MDX tree (there is none) or comments: nothing a reader needs.
      this.changed = true;
      return [];
    }
    if (node.type === 'element') return this.element(node);
    if (JSX.has(node.type)) return this.jsx(node as unknown as JsxElement & AnyNode);
    if (node.children) node.children = this.children(node.children);
    return [node];
  }

  element(element: AnyNode): AnyNode[] {
    const verdict = sanitizeElement(element as unknown as Element);
    if (verdict === 'remove') {
      this.changed = true;
      return [];
    }
    const children = this.children((element.children ?? []) as AnyNode[]);
    if (verdict === 'unwrap') {
      this.changed = true;
      return children;
    }
    if (JSON.stringify(verdict.keep) !== JSON.stringify(element.properties ?? {})) this.changed = true;
    element.properties = verdict.keep;
    element.children = children;
    return [element];
  }

  jsx(node: JsxElement & AnyNode): AnyNode[] {
    const code = this.options.allowCode;
    const name = node.name;
    if (name && Object.hasOwn(this.options.components, name)) {
      // Only the attributes the component takes (the checker warns about others: "ignored").
      const takes = this.options.components[name]!;
      node.attributes = this.attributes(node.attributes, (attribute) => takes.includes(attribute));
      node.children = this.children(node.children);
      return [node];
    }
    if (name && PLAIN_TAG.test(name)) {
      if (!isAllowedElement(name)) {
        this.changed = true;
        return REMOVED_WITH_CONTENT.includes(name) ? [] : this.children(node.children);
      }
      node.attributes = this.attributes(node.attributes, (attribute, value) => attributeFinding(name, attribute, value) === undefined);
      node.children = this.children(node.children);
      return [node];
    }
    // A fragment, a member expression (<a.b>, <Foo.Bar>) or a component of the author's own: only with code.
    if (code || name === null) {
      node.children = this.children(node.children);
      return [node];
    }
    this.changed = true;
    return this.children(node.children);
  }

  /** Keeps allowed text attributes; expressions only with code (a string literal is made text). */
  attributes(attributes: JsxAttribute[], allowed: (name: string, value: string | null) => boolean): JsxAttribute[] {
    const out: JsxAttribute[] = [];
    for (const attribute of attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
        if (this.options.allowCode) out.push(attribute);
        else this.changed = true;
        continue;
      }
      const source = expressionSource(attribute.value);
      if (source !== undefined) {
        const text = literalString(source);
        if (text !== undefined && allowed(attribute.name, text)) out.push({ type: 'mdxJsxAttribute', name: attribute.name, value: text });
        else if (this.options.allowCode && allowed(attribute.name, null)) out.push(attribute);
        else this.changed = true;
        if (text !== undefined) this.changed = true;
        continue;
      }
      const value = typeof attribute.value === 'string' ? attribute.value : null;
      if (allowed(attribute.name, value)) out.push(attribute);
      else this.changed = true;
    }
    return out;
  }
}

/**
 * Whether a body's source may hold anything the guard changes: a tag or JSX (<), MDX code ({, import,
 * export), or a link or image whose address could be refused ([text](…), [ref]: …, [text][ref]).
 * Markdown without these only makes safe elements (GFM's bare-URL links are http, https or mailto).
 * Clean bodies skip the guard: reading Sätteri's tree costs more than building the page.
 */
export const MAY_NEED_GUARD = /[<{]|\]\s*[(:[]|^\s*\[[^\]]*\]:|^\s*(?:import|export)\b/m;

const hasRaw = (node: AnyNode): boolean => node.type === 'raw' || (node.children ?? []).some(hasRaw);

/**
 * The tree a body may render, and whether it differs from the one given.
 * Markdown: raw HTML parsed, then everything through the schema. MDX: the walk above.
 */
export function guardTree(tree: Root, options: GuardOptions): { tree: Root; changed: boolean } {
  if (options.format === 'markdown') {
    const parsed = hasRaw(tree as unknown as AnyNode) ? (raw(tree) as Root) : tree;
    const guard = new Guard(options);
    const children = guard.children(parsed.children as unknown as AnyNode[]) as unknown as RootContent[];
    return { tree: { ...parsed, children }, changed: guard.changed || parsed !== tree };
  }
  const guard = new Guard(options);
  const children = guard.children(tree.children as unknown as AnyNode[]) as unknown as RootContent[];
  return { tree: { ...tree, children }, changed: guard.changed };
}
