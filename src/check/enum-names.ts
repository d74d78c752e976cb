/**
 * An enum value written by its name (frequency: 每天, every: 每周, per: 一次性, on: 周一) → the id it
 * means (daily, week, once, mon). The names are the site's own UI labels of those values
 * (`frequency.daily`, `every.week`… in src/i18n/), in every language: no second list to keep.
 */
import { LOCALES, pickStrings } from '../i18n/index.ts';
import { foldScript } from '../domain/script.ts';

/**
 * Spellings of one meaning, folded before comparing: 天 and 日 (每天 = 每日), 星期 / 礼拜 and 周
 * (每星期 = 每周), and a measure word after 每 (每个月 = 每月, 每一周 = 每周). Script (週 → 周) and
 * case are folded by foldScript.
 */
export function foldName(name: string): string {
  return foldScript(name)
    .replace(/\s+/g, '')
    .replace(/星期|礼拜/g, '周')
    .replace(/天/g, '日')
    .replace(/^每[个一]/, '每');
}

const byAllowed = new Map<string, ReadonlyMap<string, string>>();

/** Folded UI label → value, from every dictionary namespace that names all the allowed values. */
function namesOf(allowed: readonly string[]): ReadonlyMap<string, string> {
  const cacheKey = allowed.join('\n');
  const cached = byAllowed.get(cacheKey);
  if (cached) return cached;
  const names = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const locale of LOCALES) {
    const strings = pickStrings(locale, ['']);
    const namespaces = new Set(Object.keys(strings).map((key) => key.slice(0, key.lastIndexOf('.'))));
    for (const namespace of namespaces) {
      if (!allowed.every((value) => `${namespace}.${value}` in strings)) continue;
      for (const value of allowed) {
        const name = foldName(strings[`${namespace}.${value}`]!);
        const known = names.get(name);
        if (known !== undefined && known !== value) ambiguous.add(name);
        else names.set(name, value);
      }
    }
  }
  for (const name of ambiguous) names.delete(name);
  byAllowed.set(cacheKey, names);
  return names;
}

/** The allowed value `written` names, when it is one of the value's UI labels (每天 → daily). */
export function enumValueNamed(written: string, allowed: readonly string[]): string | undefined {
  const value = namesOf(allowed).get(foldName(written));
  return value !== undefined && value !== written ? value : undefined;
}
