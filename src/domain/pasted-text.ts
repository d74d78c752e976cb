/**
 * Text pasted from web pages and Word files carries marks a reader does not see as part of a word:
 * - pinyin annotations, from ruby text flattened on copy: 運(yùn)營, 發(fā)票, 预（yù）警;
 * - zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and soft hyphens;
 * - spaces between single Chinese characters (客 服 主 管, letter-spaced headings).
 * Search reads such text as the words it spells (index and query alike), the checker warns about
 * annotations (`text.pinyinAnnotation`) and the importers remove them.
 *
 * Pure, no dependency: it runs in the browser on every query.
 */

/** Vowels with a tone mark (and the toned m, n of 呣, 嗯): an annotation has one, or a tone digit. */
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const SYLLABLE_LETTER = `a-zü${TONED}`;
/**
 * One syllable in ASCII or full-width brackets right after a Chinese character: at most 6 letters with a
 * tone mark (yùn, zhí) or ending in a tone digit (yun4). A bracketed shorthand (直通车(ztc)) or word has no
 * tone and stays.
 */
const ANNOTATION = new RegExp(
  `(?<=\\p{Script=Han})[ \\u3000]?[(（][ \\u3000]?(?:(?=[${SYLLABLE_LETTER}]{0,5}[${TONED}])[${SYLLABLE_LETTER}]{1,6}|[a-zü]{1,6}[1-5])[ \\u3000]?[)）]`,
  'gu',
);
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Two or more single Chinese characters with spaces between them (a Chinese character beside one is part of a word). */
const SPACED_CHARACTERS = /(?<!\p{Script=Han})\p{Script=Han}(?:[ \u3000\u00a0]+\p{Script=Han}(?!\p{Script=Han}))+/gu;
const SPACES = /[ \u3000\u00a0]+/g;

/** [start, end) ranges of a text that are paste noise, in order, not overlapping. */
export function pastedNoise(text: string): [number, number][] {
  // Most text has none: one cheap test before the scans.
  if (!/[(（\u200b-\u200d\u2060\ufeff\u00ad]|\p{Script=Han}[ \u3000\u00a0]/u.test(text)) return [];
  const marks: [number, number][] = [];
  for (const m of text.matchAll(ANNOTATION)) marks.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(INVISIBLE)) marks.push([m.index, m.index + m[0].length]);
  const ranges = merge(marks);
  // Spaces between single characters, looked for once the marks are gone (關(guān)於 發貨: 於 follows 關).
  const kept: number[] = [];
  let at = 0;
  for (const [start, end] of [...ranges, [text.length, text.length] as [number, number]]) {
    for (let i = at; i < start; i++) kept.push(i);
    at = end;
  }
  const rest = ranges.length ? kept.map((i) => text[i]).join('') : text;
  for (const m of rest.matchAll(SPACED_CHARACTERS)) {
    for (const s of m[0].matchAll(SPACES)) {
      for (let i = m.index + s.index; i < m.index + s.index + s[0].length; i++) ranges.push([kept[i]!, kept[i]! + 1]);
    }
  }
  return merge(ranges);
}

function merge(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const r of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The text as a reader reads it: annotations, invisible characters and spaces between single characters removed. */
export function cleanPasted(text: string): string {
  const noise = pastedNoise(text);
  if (!noise.length) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of noise) {
    out += text.slice(at, start);
    at = end;
  }
  return out + text.slice(at);
}

export interface PinyinAnnotation {
  /** Where it starts in the text (UTF-16). */
  readonly index: number;
  /** As written, brackets included: (yùn). */
  readonly text: string;
}

/** The pinyin annotations of a text (for the checker's warning). */
export function pinyinAnnotations(text: string): PinyinAnnotation[] {
  if (!/[(（]/.test(text)) return [];
  return [...text.matchAll(ANNOTATION)].map((m) => ({ index: m.index, text: m[0] }));
}

/**
 * Pinyin annotations and invisible characters removed from an imported document's HTML, with how many
 * annotations there were (for the import report). Spaces stay: in a document they may be layout.
 */
export function withoutPasteMarks(html: string): { text: string; annotations: number } {
  let annotations = 0;
  const text = html
    .replace(ANNOTATION, () => {
      annotations++;
      return '';
    })
    .replace(INVISIBLE, '');
  return { text, annotations };
}

/** A text without its pinyin annotations only (what the checker suggests and the importers write). */
export function withoutPinyinAnnotations(text: string): string {
  return text.replace(ANNOTATION, '');
}
