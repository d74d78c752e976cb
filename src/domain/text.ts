/**
 * Width folding for text typed on Chinese keyboards: authors often switch to
 * full-width digits and punctuation without noticing (１５万, ２０１４－０１, ：).
 */
const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;
const FULL_TO_HALF_OFFSET = 0xfee0;

const FULL_WIDTH_OR_IDEOGRAPHIC_SPACE = /[\uff01-\uff5e\u3000]/;

/** Turns full-width ASCII forms (！ to ～) and the ideographic space into their ASCII twins. */
export function toHalfWidth(text: string): string {
  // Most text has no full-width form: skip the character walk (and its garbage) then.
  if (!FULL_WIDTH_OR_IDEOGRAPHIC_SPACE.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) out += String.fromCodePoint(code - FULL_TO_HALF_OFFSET);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

export function hasFullWidthDigits(text: string): boolean {
  return /[０-９]/.test(text);
}

/**
 * Edit distance counting a swap of two neighbours as one edit (optimal string
 * alignment), for "did you mean" hints: owenr → owner, titel → title.
 */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The candidate closest to `value`, if it is close enough to be a likely typo. */
export function nearest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = value.toLowerCase();
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(value.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

/**
 * Items joined into one text by separators a Chinese keyboard types: the full-width comma ，, the
 * 顿号 、 and the full-width semicolon ；. YAML only splits a list at the ASCII comma, so
 * [cs-lead，presales-cs] is one item. With `ascii`, "a, b" and "a; b" count too (a list written
 * without brackets). Undefined when there is nothing to split.
 */
export function splitJoinedItems(text: string, ascii = false): { items: string[]; separator: string } | undefined {
  const pattern = ascii ? /[，、；,;]/ : /[，、；]/;
  const separator = pattern.exec(text)?.[0];
  if (separator === undefined) return undefined;
  const items = text
    .split(ascii ? /[，、；,;]/ : /[，、；]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items.length > 1 ? { items, separator } : undefined;
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Display width in a monospace editor: CJK characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}
