/**
 * How alike two texts are, to tell a reworded step or paragraph from one removed and another added. Character
 * bigrams (Dice), which suit Chinese (no spaces to split words on) and English alike.
 */

/** The bigrams of a text with their counts; a one-character text is its own bigram. */
function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  const grams = new Map<string, number>();
  if (chars.length === 1) grams.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** 0 (nothing shared) … 1 (the same text). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [gram, count] of x) {
    shared += Math.min(count, y.get(gram) ?? 0);
    total += count;
  }
  for (const count of y.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Below this two texts are different ones, not one edited: about a third of their bigrams in common. */
export const SAME_TEXT_EDITED = 0.35;

/**
 * Pairs of (index in `before`, index in `after`) that are edits of each other: the most alike pair first, each
 * text in one pair at most, none below SAME_TEXT_EDITED. Ties go to the earlier texts, so the result is stable.
 */
export function bestPairs(before: readonly string[], after: readonly string[]): [number, number][] {
  const candidates: { i: number; j: number; score: number }[] = [];
  before.forEach((a, i) =>
    after.forEach((b, j) => {
      const score = similarity(a, b);
      if (score >= SAME_TEXT_EDITED) candidates.push({ i, j, score });
    }),
  );
  candidates.sort((p, q) => q.score - p.score || p.i - q.i || p.j - q.j);
  const usedBefore = new Set<number>();
  const usedAfter = new Set<number>();
  const pairs: [number, number][] = [];
  for (const { i, j } of candidates) {
    if (usedBefore.has(i) || usedAfter.has(j)) continue;
    usedBefore.add(i);
    usedAfter.add(j);
    pairs.push([i, j]);
  }
  return pairs.sort((p, q) => p[1] - q[1]);
}
