/** What the 执行跟踪 section, its chart and the 月报 pages show, derived from the figures (no Astro here). */
import { formatFen } from '../money.ts';
import { inLanguage, useTranslations, type Locale } from '../../i18n/index.ts';
import { inScriptOf } from '../script.ts';
import type { ActualMonthFigures, ActualsFigures } from './figures.ts';
import type { ActualsModel } from './model.ts';
import { FIELD_LABEL, FIELD_LABEL_EN } from './headers.ts';
import { formatPercent, formatRatio, formatSignedFen } from './ratio.ts';

export interface ActualsChartData {
  readonly labels: string[];
  /** Yuan; null where a target is undecided. */
  readonly target: (number | null)[];
  /** Yuan; null (a gap, never 0) for months not reached or without data. */
  readonly actual: (number | null)[];
  readonly runningTarget: (number | null)[];
  readonly runningActual: (number | null)[];
}

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

export function actualsChartData(figures: ActualsFigures): ActualsChartData {
  return {
    labels: figures.months.map((m) => m.month),
    target: figures.months.map((m) => yuan(m.target)),
    actual: figures.months.map((m) => (m.hasData ? yuan(m.revenue) : null)),
    runningTarget: figures.months.map((m) => yuan(m.runningTarget)),
    runningActual: figures.months.map((m) => yuan(m.runningActual)),
  };
}

/** A count in the site's digits (12,400), or "—". */
export function count(n: number | null | undefined, locale: Locale): string {
  return n === null || n === undefined ? '—' : n.toLocaleString(locale);
}

/** A recorded field's name in the site's language and script (访客数, spend.直通车 → 直通车). */
export function fieldLabel(field: string, locale: Locale): string {
  return inScriptOf(locale)(inLanguage({ zh: FIELD_LABEL, en: FIELD_LABEL_EN }, locale)[field as keyof typeof FIELD_LABEL] ?? field);
}

/** The foot of a review (ReviewNav): the review before and after, named, and back to the plan. */
export interface ReviewNavLinks {
  readonly prev: { readonly label: string; readonly href: string } | undefined;
  readonly next: { readonly label: string; readonly href: string } | undefined;
  readonly back: { readonly label: string; readonly href: string };
}

/** 上一月 2014-10 / 下一周 2014-W29 …: `kind` picks the words, each link carries its month or week. */
export function reviewNav(
  locale: Locale,
  kind: 'review' | 'week',
  prev: { name: string; href: string } | undefined,
  next: { name: string; href: string } | undefined,
  backHref: string,
): ReviewNavLinks {
  const t = useTranslations(locale);
  return {
    prev: prev && { label: `${t(`${kind}.prev`)} ${prev.name}`, href: prev.href },
    next: next && { label: `${t(`${kind}.next`)} ${next.name}`, href: next.href },
    back: { label: t('review.back'), href: backHref },
  };
}

/** Money or "—". */
export function money(fen: number | null | undefined, locale: Locale): string {
  return fen === null || fen === undefined ? '—' : formatFen(fen, locale);
}

export function monthStateLabel(m: ActualMonthFigures, locale: Locale): string {
  return useTranslations(locale)(`actuals.state.${m.state}`);
}

/** One line per file under 数据来源: name, source line, encoding, days/months. */
export function sourceLines(model: ActualsModel) {
  return model.files
    .filter((f) => !f.fileError)
    .map((f) => ({
      file: f.file.split('/').slice(2).join('/'),
      source: f.source,
      encoding: f.encoding,
      days: f.records.filter((r) => r.kind === 'day').length,
      months: f.records.filter((r) => r.kind === 'month').length,
      ordersHeader: f.ordersHeader,
    }));
}

/** The channel label in the site's script (直通車 on a zh-TW site). */
export function channelLabel(label: string, locale: Locale): string {
  return inScriptOf(locale)(label);
}

/** 本月概况: one generated sentence (actuals-format.md, monthly review, item 2). */
export function reviewSentence(m: ActualMonthFigures, asOf: string | undefined, locale: Locale): string {
  const t = useTranslations(locale);
  const parts: string[] = [];
  const diff =
    m.variance === null
      ? '—'
      : m.variance >= 0
        ? t('review.more', { x: formatFen(m.variance, locale) })
        : t('review.short', { x: formatFen(-m.variance, locale) });
  const state =
    m.status === 'inProgress'
      ? t('actuals.state.inProgress')
      : m.target === null
        ? t('actuals.state.targetTbd')
        : t(`actuals.state.${m.revenue !== null && m.target !== null && m.revenue >= m.target ? 'met' : 'missed'}`);
  let revenue = t('review.sentenceRevenue', {
    actual: money(m.revenue, locale),
    target: money(m.target, locale),
    attainment: formatPercent(m.attainment),
    state,
    diff,
  });
  if (m.timeProgress) revenue += t('review.sentenceTimeProgress', { x: formatPercent(m.timeProgress) });
  parts.push(revenue);
  parts.push(
    t('review.sentenceSpend', {
      spend: money(m.spend, locale),
      budget: money(m.budget, locale),
      use: formatPercent(m.budgetUse),
      over: m.overBudget && m.spendVariance !== null ? t('review.overBy', { x: formatFen(m.spendVariance, locale) }) : '',
    }),
  );
  parts.push(t('review.sentenceRoi', { roi: formatRatio(m.roi), grade: m.grade ?? '—', planned: m.plannedGrade ?? '—' }));
  const lead = m.status === 'inProgress' && asOf ? t('review.asOfLead', { asOf }) : '';
  return `${lead}${parts.join(t('review.sentenceSep'))}${t('review.sentenceEnd')}`;
}

export { formatPercent, formatRatio, formatSignedFen };
