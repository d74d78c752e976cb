/**
 * Pinyin of names at build time (pinyin-pro, which the scaffold already uses for ids): the browser
 * never loads its dictionary; the index holds the tokens (see pinyinTokens in src/search/shared/text.ts).
 */
import { pinyin } from 'pinyin-pro';
import { CJK, fold, parts } from '../shared/text.ts';

/** The syllables of each Chinese run of a name, toneless (ü as v): 直通车日常优化 → [[zhi, tong, che, ri, chang, you, hua]]. */
export function nameSyllables(name: string): string[][] {
  return parts(fold(name))
    .filter((p) => p.kind === 'cjk' && CJK.test(p.text))
    .map((p) => pinyin(p.text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }).map((s) => s.toLowerCase()))
    .filter((run) => run.length > 0);
}
