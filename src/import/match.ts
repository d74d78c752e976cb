/**
 * A name written in a document (负责人：客服主管, 所属部门：客服部) → an id of the handbook. Exact title or id
 * first, then the same in either script (客服主管 / 客服主管, 倉管 / 仓管), then a title the text holds
 * (客服主管（张三）), then a title that holds the text once a trailing 部/岗/组 is dropped (客服部 → 客服).
 * Only one candidate counts: two equally good ones are reported as a guess left to the author.
 */
import { foldScript } from '../domain/script.ts';

export interface Named {
  readonly id: string;
  readonly name: string;
}

export type Match =
  | { readonly found: 'exact'; readonly id: string; readonly name: string }
  | { readonly found: 'guess'; readonly id: string; readonly name: string; readonly how: 'contains' | 'contained' }
  | { readonly found: 'ambiguous'; readonly candidates: readonly Named[] }
  | { readonly found: 'none' };

const key = (text: string) => foldScript(text).replace(/[\s\u3000()（）【】\[\]“”"']/g, '');
const SUFFIX = /(?:部门|部|岗位|岗|组|中心|团队)$/;

export function matchName(text: string, candidates: readonly Named[]): Match {
  const wanted = key(text);
  if (!wanted) return { found: 'none' };
  const exact = candidates.filter((c) => key(c.name) === wanted || c.id === text.trim().toLowerCase());
  if (exact.length === 1) return { found: 'exact', id: exact[0]!.id, name: exact[0]!.name };
  if (exact.length > 1) return { found: 'ambiguous', candidates: exact };
  // The longest title inside the text: 客服主管 in 客服主管（小李）, not 客服.
  const inside = candidates.filter((c) => key(c.name).length >= 2 && wanted.includes(key(c.name)));
  if (inside.length > 0) {
    const longest = Math.max(...inside.map((c) => key(c.name).length));
    const best = inside.filter((c) => key(c.name).length === longest);
    if (best.length === 1) return { found: 'guess', id: best[0]!.id, name: best[0]!.name, how: 'contains' };
    return { found: 'ambiguous', candidates: best };
  }
  const stem = wanted.replace(SUFFIX, '');
  if (stem.length >= 2) {
    const holding = candidates.filter((c) => key(c.name).replace(SUFFIX, '') === stem || key(c.name).includes(stem));
    if (holding.length === 1) return { found: 'guess', id: holding[0]!.id, name: holding[0]!.name, how: 'contained' };
    if (holding.length > 1) return { found: 'ambiguous', candidates: holding };
  }
  return { found: 'none' };
}
