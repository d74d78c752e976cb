/**
 * Word documents → blocks. mammoth turns the .docx into plain semantic HTML (headings from Word's heading
 * styles, real lists from Word's numbering, tables); parse5 reads that HTML into a flat list of blocks that
 * the SOP and role importers pick fields from; turndown writes what is left back as Markdown.
 * Typed-in structure is recognised too, since most Word files have it: "一、岗位职责" and short bold lines
 * act as headings, runs of "1." / "1、" / "（1）" / "第一步" paragraphs as numbered lists.
 */
import { withoutPasteMarks } from '../domain/pasted-text.ts';
import mammoth from 'mammoth';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import TurndownService from 'turndown';
import { ImportError } from './messages.ts';
import { foldScript } from '../domain/script.ts';
import { LIMITS, checkZip, requireOfficeZip } from './safety.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface ListItem {
  readonly text: string;
  /** Text of lists nested in the item (sub-points), one string per sub-item. */
  readonly sub: readonly string[];
  readonly html: string;
}

export type Block =
  | { readonly type: 'heading'; readonly level: number; readonly text: string; readonly html: string; readonly typed?: boolean }
  | { readonly type: 'paragraph'; readonly text: string; readonly html: string; readonly bold?: boolean; readonly form?: boolean }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly ListItem[]; readonly html: string }
  | { readonly type: 'table'; readonly text: string; readonly html: string; readonly rows: readonly (readonly TableCellLines[])[] };

/** A table cell as lines: its paragraphs and list items (numbers typed at their start removed). */
export type TableCellLines = readonly string[];

export interface WordDocument {
  readonly blocks: readonly Block[];
  /** Pictures in the document: not imported (the count is reported). */
  readonly images: number;
  /** mammoth's warnings (unknown styles …), for the report. */
  readonly warnings: readonly string[];
  /** Pinyin annotations removed from the text (運(yùn)營 → 運營, text copied from web pages): reported. */
  readonly annotations?: number;
}

const isElement = (node: Node): node is Element => 'tagName' in node;

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (!isElement(node)) return '';
  if (node.tagName === 'br') return '\n';
  return node.childNodes.map(textOf).join('');
}

const clean = (text: string) => text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

function htmlOf(node: Element): string {
  // Attributes are dropped: mammoth only writes ids of footnote anchors and image sources.
  const inner = node.childNodes
    .map((child) => (isElement(child) ? htmlOf(child) : child.nodeName === '#text' ? escapeHtml((child as DefaultTreeAdapterMap['textNode']).value) : ''))
    .join('');
  return node.tagName === 'img' ? '' : `<${node.tagName}>${inner}</${node.tagName}>`;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function listItems(list: Element): ListItem[] {
  return list.childNodes
    .filter(isElement)
    .filter((li) => li.tagName === 'li')
    .map((li) => {
      const own = li.childNodes.filter((c) => !(isElement(c) && (c.tagName === 'ol' || c.tagName === 'ul')));
      const sub = li.childNodes
        .filter(isElement)
        .filter((c) => c.tagName === 'ol' || c.tagName === 'ul')
        .flatMap((nested) => listItems(nested).map((item) => [item.text, ...item.sub].join('；')));
      return { text: stripNumber(clean(own.map(textOf).join(''))), sub, html: htmlOf(li) };
    });
}

function tableRows(table: Element): TableCellLines[][] {
  const rows: TableCellLines[][] = [];
  const walk = (node: Element) => {
    for (const child of node.childNodes.filter(isElement)) {
      if (child.tagName === 'tr')
        rows.push(
          child.childNodes
            .filter(isElement)
            .filter((c) => c.tagName === 'td' || c.tagName === 'th')
            .map(cellLines),
        );
      else if (child.tagName !== 'table') walk(child); // thead / tbody; a nested table stays inside its cell's text
    }
  };
  walk(table);
  return rows;
}

function cellLines(cell: Element): string[] {
  const lines: string[] = [];
  for (const child of cell.childNodes) {
    if (isElement(child) && (child.tagName === 'ol' || child.tagName === 'ul'))
      lines.push(...listItems(child).map((item) => [item.text, ...item.sub].join('；')));
    else lines.push(...textOf(child).split('\n').map(clean));
  }
  return lines.filter(Boolean);
}

/** Blocks of mammoth's HTML, in document order. */
export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  for (const node of parseFragment(html).childNodes) {
    if (!isElement(node)) {
      const text = clean(textOf(node));
      if (text) blocks.push({ type: 'paragraph', text, html: `<p>${escapeHtml(text)}</p>` });
      continue;
    }
    const heading = /^h([1-6])$/.exec(node.tagName);
    if (heading) {
      const text = clean(textOf(node));
      if (text) blocks.push({ type: 'heading', level: Number(heading[1]), text, html: htmlOf(node) });
    } else if (node.tagName === 'ol' || node.tagName === 'ul') {
      const items = listItems(node).filter((item) => item.text || item.sub.length > 0);
      if (items.length > 0) blocks.push({ type: 'list', ordered: node.tagName === 'ol', items, html: htmlOf(node) });
    } else if (node.tagName === 'table') {
      const text = clean(textOf(node));
      if (text) blocks.push({ type: 'table', text, html: htmlOf(node), rows: tableRows(node) });
    } else {
      // A paragraph may hold line breaks (Shift+Enter): each line is a paragraph of its own here.
      for (const line of textOf(node).split('\n')) {
        const text = clean(line);
        if (text) blocks.push({ type: 'paragraph', text, html: `<p>${escapeHtml(text)}</p>`, bold: isAllBold(node, text) });
      }
    }
  }
  return normaliseTypedStructure(blocks);
}

/** A paragraph written wholly in bold: a heading typed by hand. */
function isAllBold(node: Element, text: string): boolean {
  const bold = node.childNodes.filter(isElement).filter((c) => c.tagName === 'strong' || c.tagName === 'b');
  return bold.length > 0 && clean(bold.map(textOf).join('')) === text;
}

const CN_DIGITS = '一二三四五六七八九十';
/** "1." "1、" "1）" "（1）" "①" "第一步" "步骤1：" at the start of a typed item. */
const ITEM_NUMBER = new RegExp(
  `^(?:\\d{1,2}\\s*[.、．)）](?!\\d)|[（(]\\d{1,2}[)）]|[①-⑳]|第[${CN_DIGITS}\\d]{1,3}步\\s*[：:、.．]?|步骤\\s*[${CN_DIGITS}\\d]{1,3}\\s*[：:、.．]?)\\s*`,
);
/** "一、岗位职责" "（一）任职要求": a section heading typed by hand. */
const SECTION_NUMBER = new RegExp(`^(?:[${CN_DIGITS}]{1,3}\\s*[、.．]|[（(][${CN_DIGITS}]{1,3}[)）])\\s*`);
/** "篇1：客服主管" "篇一" "岗位一：" in job-posting collections. */
const POSTING_NUMBER = new RegExp(`^(?:篇\\s*[${CN_DIGITS}\\d]{1,3}|岗位\\s*[${CN_DIGITS}\\d]{1,3})\\s*[：:、.．]?\\s*`);

export function stripNumber(text: string): string {
  return text.replace(ITEM_NUMBER, '').trim();
}

function normaliseTypedStructure(blocks: Block[]): Block[] {
  const deepest = Math.max(1, ...blocks.flatMap((b) => (b.type === 'heading' && !b.typed ? [b.level] : [])));
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type !== 'paragraph') {
      out.push(block);
      continue;
    }
    const text = block.text;
    if (POSTING_NUMBER.test(text) && text.length <= 40) {
      const rest = text.replace(POSTING_NUMBER, '').trim();
      out.push({ type: 'heading', level: 1, text: rest || text, html: `<h1>${escapeHtml(rest || text)}</h1>`, typed: true });
      continue;
    }
    if (SECTION_NUMBER.test(text) && text.length <= 30 && !/[。；;]$/.test(text)) {
      const rest = text.replace(SECTION_NUMBER, '').trim();
      const level = Math.min(6, deepest + 1);
      out.push({ type: 'heading', level, text: rest, html: `<h${level}>${escapeHtml(rest)}</h${level}>`, typed: true });
      continue;
    }
    if (block.bold && text.length <= 30 && !ITEM_NUMBER.test(text) && !/[。；;]$/.test(text)) {
      const level = Math.min(6, deepest + 1);
      out.push({ type: 'heading', level, text: text.replace(/[：:]$/, ''), html: `<h${level}>${escapeHtml(text)}</h${level}>`, typed: true });
      continue;
    }
    if (ITEM_NUMBER.test(text)) {
      // A run of typed numbered paragraphs is a numbered list.
      const items: ListItem[] = [];
      while (i < blocks.length) {
        const next = blocks[i]!;
        if (next.type !== 'paragraph' || !ITEM_NUMBER.test(next.text)) break;
        const itemText = stripNumber(next.text);
        items.push({ text: itemText, sub: [], html: `<li>${escapeHtml(itemText)}</li>` });
        i++;
      }
      i--;
      out.push({ type: 'list', ordered: true, items, html: `<ol>${items.map((item) => item.html).join('')}</ol>` });
      continue;
    }
    out.push({ type: 'paragraph', text, html: block.html });
  }
  return out;
}

/**
 * Forms laid out as tables (岗位说明书 with 岗位名称 | 客服主管 | 所属部门 | 客服部, then 岗位职责 | 1. … 2. …):
 * label cells followed by value cells become the lines a document written as text would have: `label：value`
 * for a one-line value, and the label as a heading over a list for a multi-line one (or for a label that
 * starts a section, such as 岗位职责). A table is read this way only when its label cells include one of
 * `labels`; any other table stays a table.
 */
export function expandFormTables(blocks: readonly Block[], labels: RegExp, sectionLabels: RegExp): Block[] {
  const isLabel = (cell: TableCellLines | undefined) => cell !== undefined && cell.length === 1 && cell[0]!.length <= 12 && !/[。；;，,]/.test(cell[0]!);
  const bare = (text: string) => text.replace(/[：:\s]+$/, '').replace(/^[\s\d一二三四五六七八九十]*[、.．)）]\s*/, '');
  const matches = (pattern: RegExp, text: string) => new RegExp(`^(?:${pattern.source})$`).test(foldScript(bare(text)));
  const level = Math.min(6, 1 + Math.max(1, ...blocks.flatMap((b) => (b.type === 'heading' ? [b.level] : []))));
  return blocks.flatMap((block): Block[] => {
    if (block.type !== 'table') return [block];
    // A form when at least half of the cells in label position (1st, 3rd … of a row) are known labels;
    // a table with a header row (步骤 | 内容 | 负责人) and rows of data is not one.
    const labelPositions = block.rows.flatMap((row) => row.filter((_, i) => i % 2 === 0 && row[i + 1] !== undefined));
    const known = labelPositions.filter((cell) => isLabel(cell) && (matches(labels, cell[0]!) || matches(sectionLabels, cell[0]!)));
    if (known.length === 0 || known.length * 2 < labelPositions.length) return [block];
    const out: Block[] = [];
    for (const row of block.rows) {
      if (row.length === 1 || !row.some((cell, i) => i % 2 === 0 && isLabel(cell) && row[i + 1] !== undefined)) {
        // A row of one cell (a merged title row, or a label above a wide value row): its lines as paragraphs.
        for (const line of row.flat()) out.push({ type: 'paragraph', text: line, html: `<p>${escapeHtml(line)}</p>` });
        continue;
      }
      for (let i = 0; i + 1 < row.length; i += 2) {
        const label = bare(row[i]!.join(' '));
        const value = row[i + 1]!;
        if (!label || value.length === 0) continue;
        if (value.length === 1 && !matches(sectionLabels, label)) {
          const text = `${label}：${value[0]}`;
          out.push({ type: 'paragraph', text, html: `<p>${escapeHtml(text)}</p>`, form: true });
          continue;
        }
        const items = value.map((line) => ({ text: stripNumber(line), sub: [], html: `<li>${escapeHtml(stripNumber(line))}</li>` }));
        out.push({ type: 'heading', level, text: label, html: `<h${level}>${escapeHtml(label)}</h${level}>`, typed: true });
        out.push({ type: 'list', ordered: value.some((line) => ITEM_NUMBER.test(line)), items, html: `<ul>${items.map((item) => item.html).join('')}</ul>` });
      }
    }
    return out;
  });
}

/** Reads a .docx safely (size, sniff, zip caps) and returns its blocks. */
export async function readWordDocument(bytes: Uint8Array, file: string): Promise<WordDocument> {
  const limits = LIMITS.docx;
  if (bytes.length > limits.fileBytes) throw new ImportError('too-large', file, { size: bytes.length, limit: limits.fileBytes });
  requireOfficeZip(bytes, file, 'docx');
  const parts = checkZip(bytes, file, limits);
  if (!parts.includes('word/document.xml')) {
    if (parts.includes('xl/workbook.xml'))
      throw new ImportError('wrong-extension', file, {
        extension: '.docx',
        expected: '这是一个 Excel 工作簿，请用 plan 导入 / this is an Excel workbook: import it as a plan',
      });
    throw new ImportError('not-office', file, { kind: 'docx' });
  }
  let images = 0;
  let html: string;
  let warnings: string[];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        // Word's Title style, and heading styles under their Chinese names (WPS, a Chinese Word): headings.
        styleMap: [
          "p[style-name='Title'] => h1:fresh",
          "p[style-name='标题'] => h1:fresh",
          "p[style-name='Subtitle'] => h2:fresh",
          "p[style-name='标题 1'] => h1:fresh",
          "p[style-name='标题 2'] => h2:fresh",
          "p[style-name='标题 3'] => h3:fresh",
          "p[style-name='标题 4'] => h4:fresh",
        ],
        // Pictures are counted, never decoded: the report says how many were left out.
        convertImage: mammoth.images.imgElement(async () => {
          images++;
          return { src: '' };
        }),
      },
    );
    html = result.value;
    warnings = result.messages.map((m) => m.message);
  } catch (error) {
    throw new ImportError('corrupt', file, { detail: (error as Error).message.split('\n')[0] });
  }
  // Text copied from web pages into Word keeps ruby pinyin inside the words (運(yùn)營): taken out before reading.
  const cleaned = withoutPasteMarks(html);
  const blocks = htmlToBlocks(cleaned.text);
  if (blocks.length === 0) throw new ImportError('empty-document', file);
  return { blocks, images, warnings, annotations: cleaned.annotations };
}

// ---------------------------------------------------------------------------
// Markdown

let turndown: TurndownService | undefined;

function markdownService(): TurndownService {
  if (turndown) return turndown;
  const service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', emDelimiter: '*' });
  // Tables as GFM tables (turndown's core keeps them as HTML); the first row is the header.
  service.addRule('table', {
    filter: 'table',
    replacement: (_content, node) => {
      const rows = Array.from((node as HTMLTableElement).querySelectorAll('tr')).map((tr) =>
        Array.from(tr.querySelectorAll('td,th')).map((cell) => clean(cell.textContent ?? '').replace(/\|/g, '\\|')),
      );
      if (rows.length === 0) return '';
      const width = Math.max(...rows.map((r) => r.length));
      const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
      return `\n\n${[line(rows[0]!), line(Array(width).fill('---')), ...rows.slice(1).map(line)].join('\n')}\n\n`;
    },
  });
  turndown = service;
  return service;
}

/**
 * Markdown of blocks, for an entry's body. Headings are shifted so the highest is ## (the page's own
 * title is the only #).
 */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  const levels = blocks.flatMap((b) => (b.type === 'heading' ? [b.level] : []));
  const shift = levels.length > 0 ? 2 - Math.min(...levels) : 0;
  const html = blocks
    .map((b) => {
      if (b.type !== 'heading') return b.html;
      const level = Math.min(6, Math.max(2, b.level + shift));
      return `<h${level}>${escapeHtml(b.text)}</h${level}>`;
    })
    .join('\n');
  // turndown pads list markers to four columns ("-   item"); one space is how authors write them.
  return html
    ? markdownService()
        .turndown(html)
        .replace(/^(\s*)(-|\d+\.)\s{2,}/gm, '$1$2 ')
        .trim()
    : '';
}
