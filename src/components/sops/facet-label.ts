/** What a facet value is called on the page: a department's name, a role's title, a frequency in words. */
import { NO_FREQUENCY, type Facet } from '../../domain/sops/facets.ts';
import type { Linker } from '../../domain/urls.ts';
import type { Translate } from '../../i18n/index.ts';
import type { SopData } from '../../schema/collections.ts';

export function facetLabel(facet: Facet, value: string, links: Linker, t: Translate): string {
  if (facet === 'department') return links.department(value).label;
  if (facet === 'owner') return links.role(value).label;
  return value === NO_FREQUENCY ? t('frequency.unspecified') : t(`frequency.${value as NonNullable<SopData['frequency']>}`);
}

/** "部门：客服部": the heading of a filtered SOP list. */
export function facetTitle(facet: Facet, value: string, links: Linker, t: Translate): string {
  return t('facet.title', { facet: t(`facet.${facet}`), value: facetLabel(facet, value, links, t) });
}
