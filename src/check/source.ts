/**
 * Reading one content file: bytes → text (UTF-8 check, BOM, CRLF) → YAML
 * document with line positions, for plain YAML files and Markdown front matter.
 *
 * `yaml` is the reader of record: its messages and positions are what authors
 * see. It is also slow (2.4 s for the front matter of 5,000 SOPs), so readYaml
 * first tries js-yaml, 14 times faster, on texts it reads the same way, and
 * leaves everything else, a text with any problem included, to `yaml`.
 */
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node as YamlNode, type ScalarTag } from 'yaml';
import type { PathSegment } from './problems.ts';

export interface SourceProblem {
  readonly rule: string;
  readonly line?: number;
  readonly params: Record<string, string | number | boolean | undefined>;
}

export type Decoded = { ok: true; text: string } | { ok: false; encoding: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: false, encoding: 'UTF-16 LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: false, encoding: 'UTF-16 BE' };
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { ok: false, encoding: looksLikeGbk(bytes) ? 'GBK/GB18030' : '非 UTF-8 (not UTF-8)' };
  }
  if (text.includes('\u0000')) return { ok: false, encoding: 'UTF-16' };
  // A UTF-8 BOM and Windows line endings are harmless: accept them silently.
  return { ok: true, text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
}

function looksLikeGbk(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface YamlSource {
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** Line in the file of the YAML text's first line (front matter starts after ---). */
  readonly firstLine: number;
  readonly problems: SourceProblem[];
}

/**
 * YAML reads 1e9 as a number; in a handbook it is almost always a slip (a pasted
 * spreadsheet value). Keep such scalars as text, so the field's own check names them.
 */
const exponentAsText: ScalarTag = {
  tag: 'tag:yaml.org,2002:float',
  test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  resolve: (source: string) => source,
};

const FULL_WIDTH_KEY = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)\s*：/;

export function parseYaml(text: string, firstLine = 1): YamlSource {
  const lines = text.split('\n');
  const problems: SourceProblem[] = [];
  let repaired = false;
  const fixedLines = lines.map((lineText, i) => {
    const match = FULL_WIDTH_KEY.exec(lineText);
    if (!match) return lineText;
    problems.push({ rule: 'yaml.fullWidthColon', line: firstLine + i, params: { key: match[2] } });
    repaired = true;
    return lineText.replace(/\s*：\s*/, ': ');
  });
  // Parse as if the full-width colons were ASCII ones, so the rest of the file is still checked
  // (the colons themselves are reported above).
  const lineCounter = new LineCounter();
  const doc = parseDocument(repaired ? fixedLines.join('\n') : text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    customTags: (tags) => tags.map((tag) => (typeof tag === 'object' && 'format' in tag && tag.format === 'EXP' ? exponentAsText : tag)),
  });
  const reportedLines = new Set<number>();
  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    const lineText = lines[pos.line - 1] ?? '';
    // One slip often trips several parser errors on the same line: the first says it best.
    if (reportedLines.has(pos.line)) continue;
    reportedLines.add(pos.line);
    problems.push({
      rule: 'yaml.syntax',
      line: firstLine + pos.line - 1,
      params: {
        detail: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
        tab: /^\s*\t/.test(lineText) || error.code === 'TAB_AS_INDENT',
      },
    });
  }
  return { doc, lineCounter, firstLine, problems };
}

/**
 * What js-yaml's core schema reads differently from `yaml` as configured above (found by
 * test/unit/check/source.test.ts): binary integers (0b101), exponents (kept as text here), a sign before a
 * leading dot (-.5), minus zero, explicit tags (!!float); also aliases (`yaml` caps their expansion) and
 * keys followed by a full-width colon (repaired and reported above). A text holding any of these, even
 * inside a string, goes to `yaml`: the pattern may only err on the safe side.
 */
const FULL_PARSER_ONLY = new RegExp(
  [/0b[01]/, /[0-9.][eE][-+]?[0-9]/, /[-+]\.[0-9]/, /-0(?![0-9.])/, /!!/, /(?:^|[\s[{,:-])[*&]\S/, FULL_WIDTH_KEY].map((r) => r.source).join('|'),
  'm',
);

export interface YamlRead {
  /** False when the text is not valid YAML (its problems say why). */
  readonly ok: boolean;
  readonly value?: unknown;
  readonly problems: SourceProblem[];
}

/** The value of a YAML text, as `yaml` reads it (see parseYaml), with its problems. */
export function readYaml(text: string, firstLine = 1): YamlRead {
  if (!FULL_PARSER_ONLY.test(text)) {
    try {
      return { ok: true, value: loadYaml(text, { schema: CORE_SCHEMA }), problems: [] };
    } catch {
      // `yaml` says what is wrong, and where.
    }
  }
  const source = parseYaml(text, firstLine);
  if (source.doc.errors.length > 0) return { ok: false, problems: source.problems };
  try {
    return { ok: true, value: source.doc.toJS({ maxAliasCount: 100 }), problems: source.problems };
  } catch (error) {
    // An alias to no anchor, or aliases expanding past the cap: `yaml` throws only when building the value.
    const at = text.split('\n').findIndex((line) => /(?:^|[\s[{,:-])\*\S/.test(line));
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [...source.problems, { rule: 'yaml.syntax', line: firstLine + Math.max(at, 0), params: { detail, tab: false } }] };
  }
}

export interface FrontMatterSplit {
  readonly yaml: string;
  readonly body: string;
  /** Line of the file on which the YAML starts. */
  readonly firstLine: number;
  readonly bodyLine: number;
}

/** Front matter between a first line of --- and the next --- (or ...) line. */
export function splitFrontMatter(text: string): FrontMatterSplit | undefined {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') return undefined;
  const end = lines.findIndex((line, i) => i > 0 && (line.trimEnd() === '---' || line.trimEnd() === '...'));
  if (end === -1) return undefined;
  return { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n'), firstLine: 2, bodyLine: end + 2 };
}

/** The line of the deepest existing node on a path (a key's own line for mapping entries). */
export function lineOf(source: YamlSource, path: readonly PathSegment[]): number | undefined {
  let node: unknown = source.doc.contents;
  let offset: number | undefined = (node as YamlNode | null)?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      offset = (pair.key as YamlNode).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as YamlNode | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  if (offset === undefined) return undefined;
  return source.firstLine + source.lineCounter.linePos(offset).line - 1;
}
