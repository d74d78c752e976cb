/** The main navigation's items, shared by the header (wide screens) and the menu drawer (phones). */
import type { Routes } from '../../domain/urls.ts';
import type { Translate } from '../../i18n/index.ts';
import type { IconName } from '../icons/icons.ts';

export interface NavItem {
  readonly href: string;
  readonly label: string;
  readonly icon: IconName;
  /** 'page' on the page itself, 'true' below it (its section). */
  readonly current?: 'page' | 'true';
}

export function navItems(r: Routes, t: Translate, here: string): NavItem[] {
  const items: { href: string; label: string; icon: IconName }[] = [
    { href: r.start, label: t('nav.start'), icon: 'start' },
    { href: r.org, label: t('nav.org'), icon: 'org' },
    { href: r.departments, label: t('nav.departments'), icon: 'department' },
    { href: r.sops, label: t('nav.sops'), icon: 'sop' },
    { href: r.rhythm, label: t('nav.rhythm'), icon: 'cadence' },
    { href: r.glossary, label: t('nav.glossary'), icon: 'term' },
    { href: r.plans, label: t('nav.plans'), icon: 'plan' },
  ];
  return items.map((item) => ({
    ...item,
    current: item.href === here ? 'page' : item.href !== r.home && here.startsWith(item.href) ? 'true' : undefined,
  }));
}
