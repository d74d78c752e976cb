/**
 * The closest titles to a query that found nothing: titles sharing its characters (rare characters
 * count more: 火箭发射 → the titles with 发, not every title with a common one) or, for a query typed in
 * Latin letters, a stretch of their pinyin (tuikaun → 急退款与发票处理 through "tuik"). Pure; the search
 * UI runs it over the result cards.
 */
import { CJK, fold, planQuery } from './text.ts';

export interface Titled {
  readonly title: string;
  /** The title's syllables, space-separated. */
  readonly pinyin?: string;
}

/** A Latin query shares at least this many letters in a row with a title's pinyin. */
const MIN_PINYIN_RUN = 3;

/** Length of the longest common substring (short strings: a plain dynamic programme). */
function longestCommon(a: string, b: string): number {
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        row[j] = prev[j - 1]! + 1;
        if (row[j]! > best) best = row[j]!;
      }
    }
    prev = row;
  }
  return best;
}

/** Up to `count` titles closest to the query, best first; none when nothing is close. */
export function closestTitles<T extends Titled>(query: string, titles: readonly T[], count = 6): T[] {
  const plan = planQuery(query);
  const asked = plan.words.length ? plan.words.map((w) => w.text).join('') : fold(query);
  const chars = new Set([...asked].filter((c) => CJK.test(c)));
  const letters = [...fold(query)].filter((c) => /[a-z]/.test(c)).join('');
  if (!chars.size && letters.length < MIN_PINYIN_RUN) return [];
  const folded = titles.map((t) => fold(t.title));
  // How many titles hold each query character: a character in most titles says little.
  const df = new Map<string, number>();
  for (const c of chars) df.set(c, folded.filter((f) => f.includes(c)).length);
  const weight = (c: string) => Math.log(1 + titles.length / Math.max(1, df.get(c)!));
  const scored = titles.map((t, i) => {
    let score = 0;
    for (const c of chars) if (folded[i]!.includes(c)) score += weight(c);
    if (letters.length >= MIN_PINYIN_RUN && t.pinyin) {
      const syllables = t.pinyin.split(' ');
      const run = Math.max(longestCommon(letters, syllables.join('')), longestCommon(letters, syllables.map((s) => s[0]).join('')));
      if (run >= MIN_PINYIN_RUN) score += run;
    }
    return { t, i, score };
  });
  return scored
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || [...a.t.title].length - [...b.t.title].length || a.i - b.i)
    .slice(0, count)
    .map((x) => x.t);
}
