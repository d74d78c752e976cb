/**
 * Excerpts and highlights in the text as written: the query is matched on the
 * folded text (so 運營 marks 运营 and the reverse), the marks are placed on the
 * original characters.
 */
import { CJK, fold, type Part } from './text.ts';
import { pastedNoise } from '../../domain/pasted-text.ts';

/** A piece of shown text: marked when it matched the query. */
export interface Segment {
  readonly text: string;
  readonly mark: boolean;
}

/** The folded text and, for each of its UTF-16 units, the index of the original unit it came from. */
function foldAligned(text: string): { folded: string; origin: number[] } {
  // Paste noise (運(yùn)營) is not part of the words: fold what is left, each unit remembering where it stood.
  const noise = pastedNoise(text);
  let kept = text;
  let keptOrigin: number[] | undefined;
  if (noise.length) {
    kept = '';
    keptOrigin = [];
    let at = 0;
    for (const [start, end] of [...noise, [text.length, text.length] as [number, number]]) {
      for (let i = at; i < start; i++) keptOrigin.push(i);
      kept += text.slice(at, start);
      at = end;
    }
  }
  const from = (i: number) => (keptOrigin ? keptOrigin[i]! : i);
  const whole = fold(kept);
  if (whole.length === kept.length) return { folded: whole, origin: Array.from(whole, (_, i) => from(i)) };
  // Folding changed the length somewhere (NFKC expansions, rare phrases): fold character by character.
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of kept) {
    const f = fold(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(from(i));
    i += ch.length;
  }
  return { folded, origin };
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** [start, end) ranges of the original text that match a query part, merged and in order. */
export function matchRanges(text: string, query: readonly Part[]): [number, number][] {
  if (!text || !query.length) return [];
  const { folded, origin } = foldAligned(text);
  const ranges: [number, number][] = [];
  for (const part of query) {
    const needle = part.text;
    if (!needle) continue;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      // A word matches at the start of a word (Pagefind matches words by prefix).
      const before = folded[at - 1];
      if (part.kind === 'word' && before !== undefined && WORD_CHAR.test(before) && !CJK.test(before)) continue;
      const start = origin[at]!;
      const last = origin[at + needle.length - 1]!;
      const end = last + (text.codePointAt(last)! > 0xffff ? 2 : 1);
      ranges.push([start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The text cut into plain and marked segments. */
export function highlight(text: string, query: readonly Part[]): Segment[] {
  return cut(text, matchRanges(text, query), 0, text.length);
}

function cut(text: string, ranges: readonly [number, number][], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    const start = Math.max(s, from);
    const end = Math.min(e, to);
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < to) out.push({ text: text.slice(at, to), mark: false });
  return out;
}

/**
 * About `length` characters of `text` around the stretch with the most matches,
 * white space collapsed, with … where it was cut. Without a match: the start of the text.
 */
export function excerpt(text: string, query: readonly Part[], length = 90): Segment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return [];
  const ranges = matchRanges(flat, query);
  let from = 0;
  if (ranges.length) {
    // The window start (a match start, less some lead-in) that covers the most matched characters.
    let best = -1;
    for (const [s] of ranges) {
      const start = Math.max(0, s - Math.floor(length / 4));
      const covered = ranges.reduce((n, [a, b]) => n + Math.max(0, Math.min(b, start + length) - Math.max(a, start)), 0);
      if (covered > best) {
        best = covered;
        from = start;
      }
    }
  }
  let to = Math.min(flat.length, from + length);
  from = Math.max(0, Math.min(from, to - length));
  // Do not split a surrogate pair.
  if (from > 0 && /[\uDC00-\uDFFF]/.test(flat[from]!)) from--;
  if (to < flat.length && /[\uDC00-\uDFFF]/.test(flat[to]!)) to++;
  const segments = cut(flat, ranges, from, to);
  if (from > 0) segments.unshift({ text: '…', mark: false });
  if (to < flat.length) segments.push({ text: '…', mark: false });
  return segments;
}

/**
 * The stretches of a title a Latin query word spells in pinyin or initials (tuikuan → 退款 in
 * 急退款与发票处理, ztc → 直通车), so that they are marked like a match. `syllables` are the title's
 * Han characters' syllables in order (the result card's pinyin).
 */
export function pinyinSpans(word: string, title: string, syllables: readonly string[]): string[] {
  const han = [...fold(title)].filter((c) => /\p{Script=Han}/u.test(c));
  if (!/^[a-z]{2,}$/.test(word) || han.length !== syllables.length) return [];
  const out: string[] = [];
  for (let i = 0; i < syllables.length; i++) {
    // Full pinyin: the word covers whole syllables from i on (the last one may be unfinished).
    let rest = word;
    let j = i;
    while (j < syllables.length && rest && (rest.startsWith(syllables[j]!) || syllables[j]!.startsWith(rest))) {
      rest = rest.slice(Math.min(rest.length, syllables[j]!.length));
      j++;
    }
    if (!rest && j > i) {
      out.push(han.slice(i, j).join(''));
      continue;
    }
    // Initials: one letter per syllable.
    const n = word.length;
    if (i + n <= syllables.length && syllables.slice(i, i + n).every((s, k) => s[0] === word[k])) out.push(han.slice(i, i + n).join(''));
  }
  return out;
}
