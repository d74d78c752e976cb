/**
 * The search UI's strings in the site's language. SearchTrigger.astro renders them into every page from
 * the one dictionary (src/i18n), as Starlight hands Pagefind its translations: the search bundle carries
 * no dictionary of its own and no copy of a string.
 */
import { fillParams, type FillParams } from '../../i18n/fill.ts';
import type { UiKey } from '../../i18n/zh-CN.ts';

/** The dictionary namespaces the search UI uses. */
export const SEARCH_STRING_PREFIXES = ['search.', 'filter.', 'type.'] as const;

export type SearchTranslate = (key: UiKey, params?: FillParams) => string;

export function searchTranslations(root: ParentNode = document): SearchTranslate {
  const node = root.querySelector<HTMLElement>('[data-search-strings]');
  let strings: Record<string, string> = {};
  try {
    strings = JSON.parse(node?.dataset.searchStrings ?? '{}') as Record<string, string>;
  } catch {
    // A page without the strings still searches; it shows the keys.
  }
  return (key, params) => fillParams(strings[key] ?? key, params);
}
