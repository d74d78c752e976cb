/**
 * What <Steps> and <Checklist> do to the HTML of their children (the Markdown
 * list an author writes inside them), and the plain text of a rendered slot.
 * Pure string → string work with parse5, so it is tested without Astro.
 *
 * Only the outermost lists are changed; lists nested in an item stay as written.
 */
import { defaultTreeAdapter as tree, html as HTML, parseFragment, serialize, type DefaultTreeAdapterMap } from 'parse5';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];

const LISTS = new Set(['ul', 'ol']);
/** Elements that end the first line of an item: what comes before them is its label. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'div',
  'dl',
  'fieldset',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
]);

const isElement = (node: ChildNode | ParentNode): node is Element => 'tagName' in node;
const isBlank = (node: ChildNode) => node.nodeName === '#text' && !('value' in node && node.value.trim());

function children(node: ParentNode): ChildNode[] {
  return 'childNodes' in node ? node.childNodes : [];
}

/** The lists not inside another list, in document order. */
function outerLists(root: ParentNode): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const child of children(node)) {
      if (!isElement(child)) continue;
      if (LISTS.has(child.tagName)) out.push(child);
      else walk(child);
    }
  };
  walk(root);
  return out;
}

function addClass(element: Element, name: string) {
  const existing = element.attrs.find((a) => a.name === 'class');
  if (!existing) element.attrs.push({ name: 'class', value: name });
  else if (!existing.value.split(/\s+/).includes(name)) existing.value = `${existing.value} ${name}`.trim();
}

const element = (tagName: string, attrs: Record<string, string>) =>
  tree.createElement(
    tagName,
    HTML.NS.HTML,
    Object.entries(attrs).map(([name, value]) => ({ name, value })),
  );

/**
 * <Steps>: the outer lists become ordered lists of class `steps-list` (a bulleted
 * list written inside <Steps> is still a sequence of steps).
 */
export function stepsHtml(html: string): string {
  const fragment = parseFragment(html);
  for (const list of outerLists(fragment)) {
    if (list.tagName === 'ul') {
      list.tagName = 'ol';
      list.nodeName = 'ol';
    }
    addClass(list, 'steps-list');
  }
  return serialize(fragment);
}

/**
 * <Checklist>: every item of the outer lists starts with a checkbox inside a
 * label that also holds the item's first line, as on an SOP's step list:
 *
 *   <li><label class="checklist-item"><input type="checkbox" class="checklist-box"><span class="checklist-text">…</span></label>…</li>
 *
 * The box works without JavaScript (the label makes the text a click target) and
 * prints as an empty box. A Markdown task item (`- [x] …`) gives its state to the
 * box and loses its own disabled one. Items of a loose list keep their paragraph.
 */
export function checklistHtml(html: string): string {
  const fragment = parseFragment(html);
  for (const list of outerLists(fragment)) {
    addClass(list, 'checklist');
    for (const item of list.childNodes) {
      if (isElement(item) && item.tagName === 'li') addBox(item);
    }
  }
  return serialize(fragment);
}

function addBox(item: Element) {
  const firstContent = item.childNodes.find((n) => !isBlank(n));
  const container = firstContent && isElement(firstContent) && firstContent.tagName === 'p' ? firstContent : item;
  let checked = false;
  const first = container.childNodes.find((n) => !isBlank(n));
  if (first && isElement(first) && first.tagName === 'input' && first.attrs.some((a) => a.name === 'type' && a.value === 'checkbox')) {
    checked = first.attrs.some((a) => a.name === 'checked');
    tree.detachNode(first);
  }
  const end = container.childNodes.findIndex((n) => isElement(n) && BLOCKS.has(n.tagName));
  const lead = container.childNodes.slice(0, end === -1 ? undefined : end);
  if (lead.every(isBlank)) return;
  const label = element('label', { class: 'checklist-item' });
  const box = element('input', { type: 'checkbox', class: 'checklist-box', ...(checked ? { checked: '' } : {}) });
  const text = element('span', { class: 'checklist-text' });
  const before = container.childNodes[0]!;
  tree.insertBefore(container, label, before);
  tree.appendChild(label, box);
  for (const node of lead) {
    tree.detachNode(node);
    tree.appendChild(text, node);
  }
  // The space between a task box and its text is the author's "[ ] ", not content.
  const head = text.childNodes[0];
  if (head && head.nodeName === '#text' && 'value' in head) head.value = head.value.replace(/^\s+/, '');
  tree.appendChild(label, text);
}

/** The text a rendered slot shows: tags dropped, character references decoded, white space collapsed. */
export function htmlText(html: string): string {
  const fragment = parseFragment(html);
  let text = '';
  const walk = (node: ParentNode | ChildNode) => {
    if (node.nodeName === '#text' && 'value' in node) text += node.value;
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(fragment);
  return text.replace(/\s+/g, ' ').trim();
}
