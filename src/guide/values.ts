/**
 * The value formats of the authors' guide (money, months, dates, durations,
 * times of day), shown by example. Every example goes through what the checker
 * does with a value: the YAML reader (source.ts), the zod value schema
 * (schema/values.ts, built on the parsers of domain/money.ts and domain/time.ts)
 * and, when it fails, the rule table's message. So what the guide says a value
 * becomes is what it does become, and what it says the checker answers is
 * what the checker answers.
 */
import { inLanguage, type Bilingual, type Locale } from '../i18n/index.ts';
import type { z } from 'zod';
import { clock, date, duration, money, month } from '../schema/values.ts';
import { formatFen, formatMoney, type Money } from '../domain/money.ts';
import { formatDuration, type Duration } from '../domain/time.ts';
import { parseYaml } from '../check/source.ts';
import { zodIssuesToProblems } from '../check/zod-issues.ts';
import { ruleOf } from '../check/rules.ts';
import { renderProblem } from '../check/report.ts';

export type ValueKind = 'money' | 'month' | 'date' | 'duration' | 'time';

/** What authors type after `key: `, valid ones first. */
export const VALUE_EXAMPLES: Readonly<Record<ValueKind, { readonly valid: readonly string[]; readonly invalid: readonly string[] }>> = {
  money: {
    valid: ['15万', '4.5万元', '1,188元', '3096.00', '2827.68', '１５万', '8千', '1.2亿', '15萬', '待定', 'TBD', 'null'],
    invalid: ['十五万', '15w', '-3万', '0.001元', '1e6'],
  },
  month: { valid: ['2027-07', '２０２７-０７'], invalid: ['2027/7', '2027-7', '2027-13'] },
  date: { valid: ['2026-06-01'], invalid: ['2026-6-1', '2026-02-30'] },
  duration: { valid: ['20s', '30m', '24h', '3d', '20秒', '30分钟', '24小时', '3天', '1.5h'], invalid: ['24', '一天', '3周'] },
  time: { valid: ['"17:30"', '"9:00"'], invalid: ['"25:00"', '17点半'] },
};

const SCHEMAS: Record<ValueKind, z.ZodType> = { money, month, date, duration, time: clock };

export interface ValueRow {
  /** As typed in the YAML file. */
  readonly written: string;
  readonly ok: boolean;
  /** The value the handbook holds (exact): 150,000 元, 2027-07, 24 小时 (86,400 秒) … */
  readonly value?: string;
  /** How pages show it, in the site's language. */
  readonly shown?: string;
  /** When it fails: the checker's message and hint, in the reader's language. */
  readonly message?: string;
  readonly hint?: string | null;
}

/** How the guide states the exact value it read, in the reader's language. */
const EXACT_WORDS: Bilingual<{ readonly yuan: (grouped: string) => string; readonly undecided: string; readonly seconds: (n: string) => string }> = {
  zh: { yuan: (grouped) => `${grouped} 元`, undecided: '待定：不计为 0', seconds: (n) => `${n} 秒` },
  en: { yuan: (grouped) => `¥${grouped}`, undecided: 'undecided: never counted as 0', seconds: (n) => `${n} s` },
};
type Reader = (typeof EXACT_WORDS)['zh'];

function yuan(fen: number, reader: Reader): string {
  // Exact yuan with thousands grouping (the English form without its ¥), never 万-rounded.
  return reader.yuan(formatFen(fen, 'en').replace('¥', ''));
}

function describe(kind: ValueKind, value: unknown, reader: Reader, site: Locale): Pick<ValueRow, 'value' | 'shown'> {
  switch (kind) {
    case 'money': {
      const m = value as Money;
      if (m.kind === 'tbd') return { value: reader.undecided, shown: formatMoney(m, site) };
      return { value: yuan(m.fen, reader), shown: formatMoney(m, site) };
    }
    case 'duration': {
      const d = value as Duration;
      const seconds = d.seconds.toLocaleString('en');
      return { value: reader.seconds(seconds), shown: formatDuration(d, site) };
    }
    default:
      return { value: String(value), shown: String(value) };
  }
}

/** One example, read as the checker reads it. */
export function readValue(kind: ValueKind, written: string, lang: Locale, site: Locale): ValueRow {
  const source = parseYaml(`value: ${written}`);
  const input = (source.doc.toJS() as { value: unknown }).value;
  const result = SCHEMAS[kind].safeParse(input, { reportInput: true });
  const reader = inLanguage(EXACT_WORDS, lang);
  if (result.success) return { written, ok: true, ...describe(kind, result.data, reader, site) };
  const [raw] = zodIssuesToProblems(result.error.issues, input);
  if (!raw) return { written, ok: false };
  const rendered = renderProblem({ severity: ruleOf(raw.rule).severity, rule: raw.rule, file: '', path: [], params: raw.params }, lang);
  return { written, ok: false, message: rendered.message, hint: rendered.hint };
}

/** The examples of a value kind, valid then invalid. */
export function valueRows(kind: ValueKind, lang: Locale, site: Locale): ValueRow[] {
  const { valid, invalid } = VALUE_EXAMPLES[kind];
  return [...valid, ...invalid].map((written) => readValue(kind, written, lang, site));
}
