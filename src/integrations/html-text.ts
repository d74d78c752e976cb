/**
 * Rewriting the text of rendered HTML, leaving its markup alone: the authors'
 * guide is written once in Simplified Chinese and shown in Traditional on a
 * zh-TW site, but what authors type (code, checker output) must stay as the
 * parsers accept it (`15万` is money, `15萬` is not).
 */

/** Elements whose text is kept as written: code, sample output, keyboard input, and what is not text at all. */
export const VERBATIM_ELEMENTS: readonly string[] = ['pre', 'code', 'samp', 'kbd', 'script', 'style', 'textarea'];

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** A comment, a doctype, or a tag with its attributes (quoted values may hold '>'). */
const TOKEN = /<!--[\s\S]*?-->|<![^>]*>|<(\/?)([A-Za-z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;

/** Attributes whose values people read (screen readers, tooltips): converted like text. */
export const TEXT_ATTRIBUTES: readonly string[] = ['aria-label', 'title', 'alt'];

/**
 * `html` with `convert` applied to every run of text between tags and to the
 * TEXT_ATTRIBUTES of each tag (double-quoted, as Astro writes them), except
 * inside the `verbatim` elements. Tag names, other attributes and comments are
 * never touched.
 */
export function mapHtmlText(html: string, convert: (text: string) => string, verbatim: readonly string[] = VERBATIM_ELEMENTS): string {
  const keep = new Set(verbatim.map((name) => name.toLowerCase()));
  const attributes = new RegExp(`(\\s(?:${TEXT_ATTRIBUTES.join('|')})=")([^"]*)"`, 'gi');
  const open: string[] = [];
  let out = '';
  let last = 0;
  const text = (chunk: string) => (open.length === 0 && chunk ? convert(chunk) : chunk);
  for (const match of html.matchAll(TOKEN)) {
    out += text(html.slice(last, match.index));
    out += open.length === 0 && match[2] ? match[0].replace(attributes, (_, head: string, value: string) => `${head}${convert(value)}"`) : match[0];
    last = match.index + match[0].length;
    const [, closing, rawName, , selfClosing] = match;
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (!keep.has(name) || VOID_ELEMENTS.has(name)) continue;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
    } else if (!selfClosing) {
      open.push(name);
    }
  }
  return out + text(html.slice(last));
}
