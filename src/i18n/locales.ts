/**
 * The one language concept of Opsbook. A site is written in one Locale (site.yaml `locale`); texts that
 * Opsbook itself writes in two languages (rule messages, the authors' guide) are SourceLocale, and zh-TW is
 * made from zh-CN by script conversion (opencc), so it is never written by hand twice.
 */
export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The languages texts are written in; zh-TW is derived from zh-CN. */
export type SourceLocale = Exclude<Locale, 'zh-TW'>;

export function sourceLocale(locale: Locale): SourceLocale {
  return locale === 'en' ? 'en' : 'zh-CN';
}

/** True when texts written in zh-CN must be converted to Traditional for this locale. */
export function isTraditional(locale: Locale): boolean {
  return locale === 'zh-TW';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** <html lang> of each locale. */
export const HTML_LANG: Record<Locale, string> = { 'zh-CN': 'zh-Hans', 'zh-TW': 'zh-Hant', en: 'en' };

/** The site locale a page's <html lang> stands for (HTML_LANG read back). */
export function localeOfLang(lang: string | null | undefined): Locale {
  const l = (lang ?? '').toLowerCase();
  if (l.startsWith('en')) return 'en';
  if (l === 'zh-hant' || l === 'zh-tw' || l === 'zh-hk') return 'zh-TW';
  return 'zh-CN';
}

/** A text Opsbook writes in both source languages (guide prose, examples' notes). */
export interface Bilingual<T = string> {
  readonly zh: T;
  readonly en: T;
}

/** The text of a Bilingual for a locale: zh-TW reads the Chinese one (converted to Traditional by the page). */
export function inLanguage<T>(text: Bilingual<T>, locale: Locale): T {
  return locale === 'en' ? text.en : text.zh;
}

/** A text written in `source`, shown on a `site` page: Chinese takes the site's script. */
export function withScriptOf(source: SourceLocale, site: Locale): Locale {
  return source === 'en' ? 'en' : isTraditional(site) ? 'zh-TW' : 'zh-CN';
}
