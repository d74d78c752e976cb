/**
 * The components an MDX role or SOP body may use without importing them
 * (src/mdx/components/), and reading their uses out of a parsed body: name,
 * line, attributes and the text of the children.
 *
 * Pure: takes a tree as Sätteri's mdxToMdast or mdxToHast give it (both hold
 * MDX JSX nodes of the same shape, `mdxJsxFlowElement` / `mdxJsxTextElement`);
 * parsing is left to the caller (src/check/load.ts).
 */

/** Each component with the attributes it takes. */
export const MDX_COMPONENTS = {
  Steps: [],
  Callout: ['type', 'title'],
  RoleLink: ['id'],
  SopLink: ['id'],
  Term: ['id'],
  Checklist: [],
  // Text only one audience (and those that include it) may read: to="management".
  Restricted: ['to'],
} as const satisfies Record<string, readonly string[]>;

export type MdxComponentName = keyof typeof MDX_COMPONENTS;

export const MDX_COMPONENT_NAMES = Object.keys(MDX_COMPONENTS) as MdxComponentName[];

export function isMdxComponent(name: string): name is MdxComponentName {
  return Object.hasOwn(MDX_COMPONENTS, name);
}

/** <Callout type="…">; a Callout without a type is a tip. */
export const CALLOUT_TYPES = ['tip', 'warning', 'danger'] as const;
export type CalloutType = (typeof CALLOUT_TYPES)[number];
export const DEFAULT_CALLOUT_TYPE: CalloutType = 'tip';

export function isCalloutType(value: unknown): value is CalloutType {
  return typeof value === 'string' && (CALLOUT_TYPES as readonly string[]).includes(value);
}

/** The part of an mdast/hast node the walk reads. */
export interface MdxNode {
  readonly type: string;
  /** JSX element name; null for a fragment <>…</>. */
  readonly name?: string | null;
  readonly value?: unknown;
  readonly attributes?: readonly MdxAttributeNode[];
  readonly children?: readonly MdxNode[];
  readonly position?: { readonly start: { readonly line: number } } | null;
}

export interface MdxAttributeNode {
  /** mdxJsxAttribute, or mdxJsxExpressionAttribute for {...spread}. */
  readonly type: string;
  readonly name?: string;
  /** A string, null for a bare attribute (<X open>), or { type: 'mdxJsxAttributeValueExpression', value: source }. */
  readonly value?: unknown;
}

/** An attribute as written: text (id="x"), an expression (id={x}) or bare (open). */
export type AttributeValue =
  { readonly kind: 'text'; readonly text: string } | { readonly kind: 'expression'; readonly source: string } | { readonly kind: 'bare' };

export interface ComponentUse {
  /** As written: Steps, Step, callout, Foo.Bar. */
  readonly name: string;
  /** 1-based line in the parsed text (the body), when the tree has positions. */
  readonly line?: number;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  /** Has a {...spread} attribute: its attributes cannot all be known. */
  readonly spread: boolean;
  /** The text of the children without markup, trimmed ('' when there are none). */
  readonly text: string;
  /** False when the children hold an {expression}, so that `text` is not all they show. */
  readonly textIsExact: boolean;
}

const JSX_ELEMENT = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);
const EXPRESSION = new Set(['mdxFlowExpression', 'mdxTextExpression']);

export function isJsxElement(node: MdxNode): boolean {
  return JSX_ELEMENT.has(node.type);
}

function attributeValue(value: unknown): AttributeValue {
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (value && typeof value === 'object' && 'value' in value) return { kind: 'expression', source: String((value as { value: unknown }).value) };
  return { kind: 'bare' };
}

/** Text of children, and whether an {expression} hides part of it. */
function childText(children: readonly MdxNode[] | undefined): { text: string; exact: boolean } {
  let text = '';
  let exact = true;
  const walk = (node: MdxNode) => {
    if (EXPRESSION.has(node.type)) exact = false;
    else if ((node.type === 'text' || node.type === 'inlineCode') && typeof node.value === 'string') text += node.value;
    for (const child of node.children ?? []) walk(child);
  };
  for (const child of children ?? []) walk(child);
  return { text: text.replace(/\s+/g, ' ').trim(), exact };
}

/** One JSX element read as a use; undefined for a fragment. */
export function componentUse(node: MdxNode): ComponentUse | undefined {
  if (!isJsxElement(node) || !node.name) return undefined;
  const attributes: Record<string, AttributeValue> = {};
  let spread = false;
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) spread = true;
    else attributes[attribute.name] = attributeValue(attribute.value);
  }
  const { text, exact } = childText(node.children);
  const line = node.position?.start.line;
  return { name: node.name, ...(line === undefined ? {} : { line }), attributes, spread, text, textIsExact: exact };
}

/** Every JSX element of a tree with a name, in document order (outer before inner). */
export function componentUses(tree: MdxNode): ComponentUse[] {
  const out: ComponentUse[] = [];
  const walk = (node: MdxNode) => {
    const use = componentUse(node);
    if (use) out.push(use);
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return out;
}

const IMPORT = /\bimport\s+(?:type\s+)?([\s\S]*?)\s+from\s*['"]/g;
const EXPORT = /\bexport\s+(?:default\s+)?(?:const|let|var|function\*?|class|async\s+function)\s+([A-Za-z_$][\w$]*)/g;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Names the body declares itself (import X from …, export const X = …): its own components. */
export function declaredNames(tree: MdxNode): Set<string> {
  const names = new Set<string>();
  const walk = (node: MdxNode) => {
    if (node.type === 'mdxjsEsm' && typeof node.value === 'string') {
      for (const [, clause = ''] of node.value.matchAll(IMPORT)) {
        // default, { a, b as c }, * as ns — in any combination.
        const braces = /\{([^}]*)\}/.exec(clause);
        for (const part of (braces?.[1] ?? '').split(',')) {
          const local = part
            .trim()
            .split(/\s+as\s+/)
            .pop()
            ?.replace(/^type\s+/, '')
            .trim();
          if (local && IDENTIFIER.test(local)) names.add(local);
        }
        for (const part of clause.replace(/\{[^}]*\}/, '').split(',')) {
          const local = part.trim().replace(/^\*\s*as\s+/, '');
          if (IDENTIFIER.test(local)) names.add(local);
        }
      }
      for (const [, name] of node.value.matchAll(EXPORT)) names.add(name!);
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return names;
}

/** The text of an attribute: written as text, or as a plain string literal ({"x"}, {'x'}, {`x`}). */
export function attributeText(value: AttributeValue | undefined): string | undefined {
  if (!value) return undefined;
  if (value.kind === 'text') return value.text;
  if (value.kind === 'bare') return undefined;
  const literal = /^\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`$\\]*)`)\s*$/.exec(value.source);
  if (!literal) return undefined;
  const raw = literal[1] ?? literal[2] ?? literal[3] ?? '';
  return raw.replace(/\\(.)/g, '$1');
}

/**
 * The glossary name a <Term> stands for: its id, else the text of its children.
 * Undefined when neither is known (no id, and no text or text hidden in an expression).
 */
export function termNameOf(use: ComponentUse): string | undefined {
  if (use.attributes.id) return attributeText(use.attributes.id)?.trim() || undefined;
  return use.textIsExact && use.text ? use.text : undefined;
}

const COMPONENT_TAG = new RegExp(`<(${MDX_COMPONENT_NAMES.join('|')})(?=[\\s/>])`, 'g');

/**
 * Components written in a Markdown (.md) tree: Markdown keeps them as raw HTML
 * (`html` nodes), which the browser shows as unknown elements. Line in the parsed text.
 */
export function componentTagsInHtml(tree: MdxNode): { name: MdxComponentName; line: number }[] {
  const out: { name: MdxComponentName; line: number }[] = [];
  const walk = (node: MdxNode) => {
    if (node.type === 'html' && typeof node.value === 'string') {
      const start = node.position?.start.line ?? 1;
      for (const match of node.value.matchAll(COMPONENT_TAG)) {
        const before = node.value.slice(0, match.index);
        out.push({ name: match[1] as MdxComponentName, line: start + (before.match(/\n/g)?.length ?? 0) });
      }
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return out;
}
