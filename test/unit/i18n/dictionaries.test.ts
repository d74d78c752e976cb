import { describe, expect, it } from 'vitest';
import { zhCN } from '../../../src/i18n/zh-CN.ts';
import { zhTW } from '../../../src/i18n/zh-TW.ts';
import { en } from '../../../src/i18n/en.ts';
import { FORMATS, LOCALES, localeOfLang, HTML_LANG, pickStrings, sourceLocale, useTranslations, withScriptOf } from '../../../src/i18n/index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the dictionaries', () => {
  const dictionaries = { 'zh-TW': zhTW, en } as const;
  it('have exactly the reference keys, none empty', () => {
    for (const [locale, dictionary] of Object.entries(dictionaries)) {
      expect(Object.keys(dictionary).sort(), locale).toEqual(Object.keys(zhCN).sort());
      for (const [key, text] of Object.entries(dictionary)) expect(text.length, `${locale} ${key}`).toBeGreaterThan(0);
    }
  });

  it('use the same {placeholders} in every language', () => {
    for (const [key, text] of Object.entries(zhCN)) {
      for (const [locale, dictionary] of Object.entries(dictionaries)) {
        expect(placeholders((dictionary as Record<string, string>)[key]!), `${locale} ${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('namespace every key', () => {
    for (const key of Object.keys(zhCN)) expect(key).toMatch(/^[a-z][A-Za-z]*\.[A-Za-z0-9.-]+$/);
  });
});

describe('useTranslations', () => {
  it('fills parameters in the locale asked for', () => {
    expect(useTranslations('zh-CN')('sidebar.allSops', { count: 3 })).toBe('全部 3 个 SOP →');
    expect(useTranslations('en')('guide.title')).toBe("Authors' guide");
  });

  it('hands a client island only the namespaces it asks for', () => {
    const strings = pickStrings('zh-TW', ['search.']);
    expect(Object.keys(strings).length).toBeGreaterThan(5);
    expect(Object.keys(strings).every((k) => k.startsWith('search.'))).toBe(true);
    expect(strings['search.dialog']).toBe(zhTW['search.dialog']);
  });
});

describe('locales', () => {
  it('read a page language back to its locale', () => {
    for (const locale of LOCALES) expect(localeOfLang(HTML_LANG[locale])).toBe(locale);
  });

  it('derive zh-TW texts from zh-CN ones', () => {
    expect(sourceLocale('zh-TW')).toBe('zh-CN');
    expect(withScriptOf('zh-CN', 'zh-TW')).toBe('zh-TW');
    expect(withScriptOf('zh-CN', 'en')).toBe('zh-CN');
    expect(withScriptOf('en', 'zh-TW')).toBe('en');
  });

  it('have formats for every locale', () => {
    for (const locale of LOCALES) expect(FORMATS[locale].undecided.length).toBeGreaterThan(0);
  });
});
