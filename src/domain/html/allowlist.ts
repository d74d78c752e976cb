/**
 * The HTML an author may write in a Markdown or MDX body: the one allowlist.
 *
 * The checker reports everything outside it (src/mdx/safety.ts, at its line,
 * with what to write instead) and the build removes it (src/domain/html/guard.ts,
 * through hast-util-sanitize with the schema derived below), so a body that
 * slips past the check still publishes nothing that runs.
 *
 * Allowed: the formatting people paste — paragraphs, headings, lists, tables,
 * line breaks, <details>/<summary>, <kbd>, <sub>/<sup>, emphasis — links to
 * http(s), mailto: and tel: addresses or pages of the site, images from the
 * site or https (or small data:image/png|jpeg|gif|webp|avif pictures). No
 * scripts, styles, frames, plug-ins, forms, meta/base/link, event handlers,
 * style/class/id attributes: nothing that runs, restyles or reshapes the page.
 */

/** An allowed attribute: any value, or only values the expression accepts. */
export type AttributeRule = string | readonly [name: string, values: RegExp];

/** Characters a browser drops from a URL (so `java\tscript:` is javascript:) or treats as a slash. */
const URL_JUNK = '\\u0000-\\u001f\\u007f\\\\';
/** No scheme before the first / ? or #, not //host: a page of this site. */
const RELATIVE = '(?!//)(?![^/?#]*:)';

/** Where a link may go: the web, mail, phone, or a page of the site. Never javascript:, data:, file:, vbscript:. */
export const LINK_URL = new RegExp(`^(?!\\s)(?:https?://|mailto:|tel:|${RELATIVE})[^${URL_JUNK}]*$`, 'i');
/** Where an image may come from: the site, https, or an inline raster picture. */
export const IMAGE_URL = new RegExp(`^(?!\\s)(?:https://|data:image/(?:png|jpeg|gif|webp|avif);base64,|${RELATIVE})[^${URL_JUNK}]*$`, 'i');

/** Attributes every allowed element may carry. */
export const GLOBAL_ATTRIBUTES: readonly AttributeRule[] = ['title', 'lang', 'dir'];

const cell: AttributeRule[] = ['colspan', 'rowspan', 'align', ['style', /^text-align: ?(?:left|right|center);?$/]];

/**
 * The elements and their own attributes. The ones marked "Markdown" are what
 * Markdown itself writes (table alignment, task lists, footnotes, code
 * languages); an author writing them by hand gets the same harmless result.
 */
export const BODY_HTML: Readonly<Record<string, readonly AttributeRule[]>> = {
  p: [],
  div: [],
  span: [],
  br: [],
  hr: [],
  h1: [],
  h2: [
    ['class', /^sr-only$/],
    ['id', /^footnote-label$/],
  ],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  blockquote: [],
  pre: [],
  code: [['class', /^language-[\w+#.-]+$/]],
  ul: [['class', /^contains-task-list$/]],
  ol: ['start', 'reversed', 'type', ['class', /^contains-task-list$/]],
  li: ['value', ['class', /^task-list-item$/], ['id', /^user-content-fn-[\w-]+$/]],
  dl: [],
  dt: [],
  dd: [],
  table: [],
  caption: [],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: [...cell, 'scope'],
  td: cell,
  colgroup: ['span'],
  col: ['span'],
  details: ['open'],
  summary: [],
  figure: [],
  figcaption: [],
  aside: [],
  a: [
    ['href', LINK_URL],
    // Markdown footnotes.
    'data-footnote-ref',
    'data-footnote-backref',
    'aria-label',
    ['aria-describedby', /^footnote-label$/],
    ['class', /^data-footnote-backref$/],
    ['id', /^user-content-fnref-[\w-]+$/],
  ],
  img: [['src', IMAGE_URL], 'alt', 'width', 'height'],
  section: ['data-footnotes', ['class', /^footnotes$/]],
  // Markdown task lists: a disabled checkbox.
  input: [['type', /^checkbox$/], 'checked', 'disabled'],
  strong: [],
  b: [],
  em: [],
  i: [],
  u: [],
  s: [],
  del: [],
  ins: [],
  mark: [],
  small: [],
  sub: [],
  sup: [],
  kbd: [],
  samp: [],
  var: [],
  abbr: [],
  q: [],
  cite: [],
  dfn: [],
  time: ['datetime'],
  ruby: [],
  rt: [],
  rp: [],
  wbr: [],
};

/** Elements removed with everything inside them: their content is code, a document of its own, or a control. */
export const REMOVED_WITH_CONTENT: readonly string[] = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'picture',
  'portal',
  'fencedframe',
  'form',
  'button',
  'select',
  'option',
  'optgroup',
  'textarea',
  'datalist',
  'output',
  'meter',
  'progress',
  'meta',
  'base',
  'link',
  'title',
  'head',
  'html',
  'body',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
  'dialog',
  'slot',
];

/** What an element outside the allowlist is, for "what to write instead". */
export type ElementKind = 'script' | 'style' | 'embed' | 'form' | 'head' | 'graphic' | 'other';

const KIND_OF: Record<string, ElementKind> = {
  script: 'script',
  noscript: 'script',
  template: 'script',
  slot: 'script',
  style: 'style',
  link: 'head',
  iframe: 'embed',
  frame: 'embed',
  frameset: 'embed',
  object: 'embed',
  embed: 'embed',
  applet: 'embed',
  param: 'embed',
  audio: 'embed',
  video: 'embed',
  source: 'embed',
  track: 'embed',
  portal: 'embed',
  fencedframe: 'embed',
  noembed: 'embed',
  noframes: 'embed',
  form: 'form',
  button: 'form',
  select: 'form',
  option: 'form',
  optgroup: 'form',
  textarea: 'form',
  datalist: 'form',
  output: 'form',
  meter: 'form',
  progress: 'form',
  dialog: 'form',
  input: 'form',
  meta: 'head',
  base: 'head',
  title: 'head',
  head: 'head',
  html: 'head',
  body: 'head',
  svg: 'graphic',
  math: 'graphic',
  canvas: 'graphic',
  picture: 'graphic',
};

export function elementKind(tag: string): ElementKind {
  return KIND_OF[tag] ?? 'other';
}

const own = (tag: string) => Object.hasOwn(BODY_HTML, tag);

export function isAllowedElement(tag: string): boolean {
  return own(tag.toLowerCase());
}

/** A finding about one attribute: not allowed at all, or its value is not (a URL that goes somewhere refused). */
export type AttributeFinding =
  | { readonly kind: 'attribute'; readonly attribute: string; readonly group: 'event' | 'style' | 'other' }
  | { readonly kind: 'url'; readonly attribute: string; readonly value: string; readonly reason: UrlReason }
  | { readonly kind: 'value'; readonly attribute: string; readonly value: string };

export type UrlReason = 'script' | 'data' | 'http-image' | 'other-host' | 'scheme';

function ruleFor(tag: string, attribute: string): AttributeRule | undefined {
  const name = attribute.toLowerCase();
  const rules = [...(BODY_HTML[tag] ?? []), ...GLOBAL_ATTRIBUTES];
  return rules.find((rule) => (typeof rule === 'string' ? rule : rule[0]) === name);
}

/** Why a URL is refused, for the hint. */
export function urlReason(value: string, image: boolean): UrlReason {
  const bare = value.replace(new RegExp(`[${URL_JUNK}\\s]`, 'g'), '').toLowerCase();
  if (/^(?:javascript|vbscript|livescript):/.test(bare)) return 'script';
  if (bare.startsWith('data:')) return 'data';
  if (image && bare.startsWith('http:')) return 'http-image';
  if (bare.startsWith('//')) return 'other-host';
  return 'scheme';
}

/** Undefined when `attribute="value"` is allowed on `tag` (an allowed element). */
export function attributeFinding(tag: string, attribute: string, value: string | null): AttributeFinding | undefined {
  const name = attribute.toLowerCase();
  const rule = ruleFor(tag.toLowerCase(), name);
  if (!rule) return { kind: 'attribute', attribute: name, group: name.startsWith('on') ? 'event' : name === 'style' ? 'style' : 'other' };
  if (typeof rule === 'string' || value === null) return undefined;
  if (rule[1].test(value)) return undefined;
  if (rule[1] === LINK_URL || rule[1] === IMAGE_URL) return { kind: 'url', attribute: name, value, reason: urlReason(value, rule[1] === IMAGE_URL) };
  return name === 'style' ? { kind: 'attribute', attribute: name, group: 'style' } : { kind: 'value', attribute: name, value };
}

/** A URL written with Markdown syntax ([text](url), ![alt](url)): allowed or why not. */
export function markdownUrlFinding(url: string, image: boolean): UrlReason | undefined {
  return (image ? IMAGE_URL : LINK_URL).test(url) ? undefined : urlReason(url, image);
}
