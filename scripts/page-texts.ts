/**
 * `node scripts/page-texts.ts [--dist dist] > pages.txt`: the visible text of every built page, one block per
 * page (`=== PAGE <route>`, `TITLE: …`, then the text). For briefing people who write search questions from
 * the pages alone, without the site's code (test/fixtures/search-heldout/README.md).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'head', 'header', 'dialog']);

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
const dist = path.resolve(values.dist);

function* pages(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!['_astro', 'pagefind', 'admin', 'pdf'].includes(name)) yield* pages(full);
    } else if (name === 'index.html') yield full;
  }
}

function text(node: Node, out: string[]): void {
  if (node.nodeName === '#text') out.push((node as DefaultTreeAdapterMap['textNode']).value);
  if (!('childNodes' in node) || ('tagName' in node && SKIPPED.has(node.tagName))) return;
  if ('tagName' in node && node.attrs.some((a) => a.name === 'hidden')) return;
  for (const child of node.childNodes) text(child as Node, out);
  out.push(' ');
}

for (const file of pages(dist)) {
  const html = readFileSync(file, 'utf8');
  const route = `/${path.relative(dist, path.dirname(file)).split(path.sep).join('/')}/`.replace(/^\/\/$/, '/');
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  const out: string[] = [];
  text(parse(html), out);
  process.stdout.write(`=== PAGE ${route}\nTITLE: ${title}\n${out.join('').replace(/\s+/g, ' ').trim()}\n\n`);
}
