/**
 * Ids from titles: Chinese through pinyin (pinyin-pro). `npm run new`, the importers and the browser
 * editor's file-name suggestion all use this one function.
 */
import { pinyin } from 'pinyin-pro';
import { SLUG_PATTERN, toHalfWidth } from './text.ts';

export const HAN = /\p{Script=Han}/u;
const MAX_SLUG = 60;

/**
 * A valid id made from any text: Chinese through pinyin (售后退款 → shou-hou-tui-kuan),
 * other text lower-cased with hyphens (After Sales → after-sales). Undefined when nothing usable is left.
 */
export function suggestSlug(text: string): string | undefined {
  const folded = toHalfWidth(text).normalize('NFKC');
  const words = HAN.test(folded) ? pinyin(folded, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) : [folded];
  let slug = words
    .join('-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG) slug = slug.slice(0, MAX_SLUG).replace(/-[^-]*$/, '');
  return slug && SLUG_PATTERN.test(slug) ? slug : undefined;
}
