/**
 * One i18n: one dictionary per language (zh-CN.ts, zh-TW.ts, en.ts) with namespaced keys
 * (`nav.*`, `plan.*`, `search.*`, `guide.*` …) and one useTranslations. Nothing outside this folder
 * branches on the locale: a word that differs by language is a key here.
 */
import { zhCN, type UiKey } from './zh-CN.ts';
import { zhTW } from './zh-TW.ts';
import { en } from './en.ts';
import { fillParams, type FillParams } from './fill.ts';
import type { Locale } from './locales.ts';

export { fillParams } from './fill.ts';
export * from './locales.ts';
export type { UiKey } from './zh-CN.ts';
export type UiParams = FillParams;
export type Translate = (key: UiKey, params?: UiParams) => string;

const DICTIONARIES: Record<Locale, Record<UiKey, string>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

/** t(key) or t(key, { n: 12 }): `{n}` in the text is replaced by the parameter. */
export function useTranslations(locale: Locale): Translate {
  const dictionary = DICTIONARIES[locale] ?? zhCN;
  return (key, params) => fillParams(dictionary[key], params);
}

/** The strings of some namespaces, for a client island that gets them from the page (no dictionary in its bundle). */
export function pickStrings(locale: Locale, prefixes: readonly string[]): Record<string, string> {
  const dictionary = DICTIONARIES[locale] ?? zhCN;
  return Object.fromEntries(Object.entries(dictionary).filter(([key]) => prefixes.some((p) => key.startsWith(p))));
}
export { FORMATS, type LocaleFormats } from './formats.ts';
