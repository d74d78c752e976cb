/**
 * The 周报's view model (actuals-format.md, "Weekly review page"): every row, figure and sentence of one
 * week's review, in the site's language, so the page only renders. No Astro here.
 */
import type { Entry } from '../handbook.ts';
import type { PlanData } from '../../schema/collections.ts';
import { useTranslations, type Locale, type Translate } from '../../i18n/index.ts';
import type { ActualsFigures } from './figures.ts';
import { dateRanges, type ActualsModel } from './model.ts';
import { formatChange, formatPercent, formatRatio, formatYuanRatio, ratio, type Ratio } from './ratio.ts';
import { FIELD_OF_METRIC } from './review.ts';
import { count, fieldLabel, money, reviewNav, type ReviewNavLinks } from './view.ts';
import { weekHref, type MonthPace, type WeekDayState, type WeekFigures } from './week.ts';

export interface WeekReviewInput {
  readonly plan: Pick<Entry<PlanData>, 'id' | 'data'>;
  readonly model: ActualsModel;
  readonly figures: ActualsFigures;
  /** Every week with a page, in order (weeklyFigures). */
  readonly weeks: readonly WeekFigures[];
  /** 2014-W28. */
  readonly week: string;
  readonly locale: Locale;
  /** The site's base path, ending in /. */
  readonly base: string;
}

/** A row of 核心指标: 指标 | 本周 | 上周 | 环比. */
export interface WeekMetric {
  readonly key: string;
  readonly label: string;
  readonly now: string;
  readonly last: string;
  readonly change: string;
  /** This week's (or last week's) figure is built on incomplete days (※). */
  readonly partial: boolean;
  readonly lastPartial: boolean;
}

export interface WeekReviewDay {
  readonly date: string;
  readonly weekday: string;
  readonly peak: boolean;
  readonly state: WeekDayState;
  /** The figures of a day with a record; else `stateText` stands for the whole row (缺数据, 仅有月度数据, 未到). */
  readonly cells: readonly string[] | undefined;
  readonly stateText: string | undefined;
}

export interface WeekReviewPace {
  readonly month: string;
  readonly href: string | undefined;
  readonly through: string;
  /** 累计成交额 | 全月目标 | 达成率 | 时间进度 | 累计推广花费 | 全月预算 | 预算使用率; undefined when the week has no daily data in the month. */
  readonly cells: readonly string[] | undefined;
  /** Why there are no figures, or the ※ note of partial ones. */
  readonly note: string | undefined;
  readonly partial: boolean;
  readonly behind: boolean;
  readonly ahead: boolean;
}

export interface WeekReview {
  readonly planId: string;
  readonly week: string;
  readonly title: string;
  /** 2014 年第 28 周（07-07 – 07-13）. */
  readonly range: string;
  readonly start: string;
  readonly end: string;
  readonly planTitle: string;
  readonly planHref: string;
  readonly asOf: string | undefined;
  readonly months: readonly { readonly month: string; readonly href: string | undefined }[];
  /** 本周概况. */
  readonly sentence: string;
  readonly metrics: readonly WeekMetric[];
  /** The ※ note under 核心指标: how many days lack daily data and which. */
  readonly partialNote: string | undefined;
  readonly daily: { readonly rows: readonly WeekReviewDay[]; readonly total: readonly string[] };
  readonly pace: readonly WeekReviewPace[];
  readonly attention: readonly string[];
  readonly notes: readonly string[];
  readonly prev: { readonly week: string; readonly href: string } | undefined;
  readonly next: { readonly week: string; readonly href: string } | undefined;
  readonly backHref: string;
  readonly nav: ReviewNavLinks;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const monthDay = (date: string) => date.slice(5);

/** Percentage points of a difference of two fractions, one decimal, unsigned: 14.9. */
const points = (d: Ratio) => formatRatio({ num: Math.abs(d.num) * 100, den: Math.abs(d.den) }, 1);

/** The week's label: 2014 年第 28 周（07-07 – 07-13）. */
export function weekRange(w: Pick<WeekFigures, 'iso' | 'start' | 'end'>, t: Translate): string {
  return t('week.range', { year: w.iso.year, week: w.iso.week, start: monthDay(w.start), end: monthDay(w.end) });
}

/** 本周概况: revenue and its 环比, spend and ROI, then the pace of the month of the week's last day with data. */
function weekSentence(w: WeekFigures, asOf: string | undefined, locale: Locale, t: Translate): string {
  const revenue = money(w.revenue, locale);
  // A week with days short of daily data is compared as it is: say so beside its 环比.
  const recorded = w.days.filter((d) => d.state === 'recorded').length;
  const days = w.missingDays.length + w.monthlyOnlyDays.length > 0 ? t('week.sentenceDays', { n: recorded }) : '';
  const parts = [
    w.previous
      ? t('week.sentenceRevenue', { revenue, days, change: formatChange(w.revenue, w.previous.revenue) })
      : t('week.sentenceRevenueNoPrev', { revenue, days }),
    t('week.sentenceSpend', { spend: money(w.spend, locale), roi: formatRatio(w.roi), grade: w.grade ?? '—' }),
  ];
  const pace = w.months.find((p) => p.through === w.lastDay);
  if (pace && pace.attainment && pace.timeProgress && pace.revenueBehind) {
    const behind = pace.revenueBehind;
    const shown = points(behind);
    const lead = shown === '0.0' ? t('week.even') : t(behind.num > 0 ? 'week.behind' : 'week.ahead', { x: shown });
    parts.push(
      t('week.sentencePace', {
        month: pace.month,
        day: monthDay(w.lastDay),
        revenue: money(pace.revenue, locale),
        target: money(pace.target, locale),
        attainment: formatPercent(pace.attainment),
        progress: formatPercent(pace.timeProgress),
        lead,
      }),
    );
  }
  const lead = w.inProgress && asOf ? t('review.asOfLead', { asOf }) : '';
  return `${lead}${parts.join(t('review.sentenceSep'))}${t('review.sentenceEnd')}`;
}

/** One week's 周报; `week` must be one of `weeks` (a week with daily data). */
export function weekReview(input: WeekReviewInput): WeekReview {
  const { plan, model, figures, weeks, week, locale, base } = input;
  const t = useTranslations(locale);
  const sep = t('list.separator');
  const at = weeks.findIndex((w) => w.name === week);
  const w = weeks[at];
  if (!w) throw new Error(`${plan.id}: ${week} has no daily data, so no weekly review`);
  const last = w.previous;
  const reviews = new Set(figures.reviewMonths);
  const reviewHref = (month: string) => (reviews.has(month) ? `${base}plans/${plan.id}/review/${month}/` : undefined);

  const withoutDaily = w.missingDays.length + w.monthlyOnlyDays.length;
  /** ※ where the figure lacks days: every figure when days lack daily data, else the figures of a field some days lack. */
  const partialIn = (x: WeekFigures | null, key: string) =>
    x !== null && x.partial && (x.missingDays.length + x.monthlyOnlyDays.length > 0 || x.partialFields.has((FIELD_OF_METRIC[key] ?? key) as never));
  type Figure = 'revenue' | 'visitors' | 'buyers' | 'conversion' | 'aov' | 'orders' | 'ordersPerDay' | 'refunds' | 'spend' | 'roi';
  const row = <K extends Figure>(key: K, label: string, format: (value: WeekFigures[K]) => string): WeekMetric => ({
    key,
    label,
    now: format(w[key]),
    last: last ? format(last[key]) : '—',
    change: last ? formatChange(w[key], last[key]) : '—',
    partial: partialIn(w, key),
    lastPartial: partialIn(last, key),
  });
  const fen = (x: number | null) => money(x, locale);
  const counted = (x: number | null) => count(x, locale);
  const metrics: WeekMetric[] = [
    row('revenue', t('review.revenue'), fen),
    row('visitors', t('review.visitorsDaily'), counted),
    row('buyers', t('review.buyersDaily'), counted),
    row('conversion', t('review.conversion'), (r) => formatPercent(r, 2)),
    row('aov', t('review.aov'), (r) => (r ? formatYuanRatio(r, locale) : '—')),
    row('orders', t('review.orders'), counted),
    row('ordersPerDay', t('review.ordersPerDay'), (r) => formatRatio(r, 1)),
    row('refunds', t('review.refunds'), fen),
    row('spend', t('review.spend'), fen),
    row('roi', 'ROI', (r) => formatRatio(r)),
    // A grade has no ratio of change: it is read beside last week's.
    {
      key: 'grade',
      label: t('review.grade'),
      now: w.grade ?? '—',
      last: last ? (last.grade ?? '—') : '—',
      change: '—',
      partial: partialIn(w, 'roi'),
      lastPartial: partialIn(last, 'roi'),
    },
  ];

  const partialParts = [
    ...(w.missingDays.length > 0 ? [t('week.partialMissing', { days: dateRanges(w.missingDays).join(sep) })] : []),
    ...(w.monthlyOnlyDays.length > 0 ? [t('week.partialMonthlyOnly', { days: dateRanges(w.monthlyOnlyDays).join(sep) })] : []),
    ...[...w.partialFields].map(([field, days]) => t('week.partialField', { field: fieldLabel(field, locale), n: days.length })),
  ];
  const partialNote = w.partial
    ? `${withoutDaily > 0 ? t('week.partial', { n: withoutDaily }) : `※ ${t('actuals.partialField')}${t('punct.colon')}`}${partialParts.join(sep)}${
        metrics.some((m) => m.lastPartial) ? `${sep}${t('week.lastPartial')}` : ''
      }`
    : metrics.some((m) => m.lastPartial)
      ? `※ ${t('week.lastPartial')}`
      : undefined;

  const stateWord: Record<WeekDayState, string | undefined> = {
    missing: t('actuals.state.missing'),
    monthlyOnly: t('week.monthlyOnly'),
    notYet: t('actuals.state.notYet'),
    recorded: undefined,
  };
  const daily = {
    rows: w.days.map((d): WeekReviewDay => {
      const a = (f: string) => d.record?.amounts.get(f as never) ?? null;
      return {
        date: d.date,
        weekday: t(`weekday.${WEEKDAYS[d.weekday - 1]!}`),
        peak: d.date === w.peak?.date,
        state: d.state,
        cells: d.record
          ? [fen(a('revenue')), counted(a('visitors')), counted(a('orders')), fen(a('marketing')), formatRatio(ratio(a('revenue'), a('marketing')))]
          : undefined,
        stateText: stateWord[d.state],
      };
    }),
    total: [fen(w.revenue), counted(w.visitors), counted(w.orders), fen(w.spend), formatRatio(w.roi)],
  };

  const pace = w.months.map((p): WeekReviewPace => {
    const base = { month: p.month, href: reviewHref(p.month), partial: p.partial, behind: p.behindPace, ahead: p.aheadOfPace };
    if (p.through === null)
      return { ...base, through: '', cells: undefined, note: t(p.without === 'monthlyOnly' ? 'week.paceMonthlyOnly' : 'week.paceNoDaily') };
    const over = p.spend !== null && p.budget !== null && p.spend > p.budget;
    return {
      ...base,
      through: t('week.paceThrough', { day: monthDay(p.through) }),
      cells: [
        fen(p.revenue),
        fen(p.target),
        formatPercent(p.attainment),
        formatPercent(p.timeProgress),
        fen(p.spend),
        fen(p.budget),
        `${formatPercent(p.budgetUse)}${over ? ` ${t('actuals.overBudget')}` : ''}`,
      ],
      note: p.partial ? `※ ${p.daysWithoutDaily > 0 ? t('actuals.partial', { n: p.daysWithoutDaily }) : t('actuals.partialField')}` : undefined,
    };
  });

  const attention: string[] = [];
  if (w.missingDays.length > 0) attention.push(t('week.attentionMissing', { n: w.missingDays.length, days: dateRanges(w.missingDays).join(sep) }));
  for (const [field, days] of w.partialFields) attention.push(t('review.attentionField', { field: fieldLabel(field, locale), n: days.length }));
  for (const p of w.months) attention.push(...paceAttention(p, t));

  const link = (x: WeekFigures | undefined) => (x ? { week: x.name, href: weekHref(base, plan.id, x.name) } : undefined);
  const [prev, next] = [link(weeks[at - 1]), link(weeks[at + 1])];
  const backHref = `${base}plans/${plan.id}/#actuals`;
  return {
    planId: plan.id,
    week: w.name,
    title: t('week.title', { store: plan.data.store, year: w.iso.year, week: w.iso.week }),
    range: weekRange(w, t),
    start: w.start,
    end: w.end,
    planTitle: plan.data.title,
    planHref: `${base}plans/${plan.id}/`,
    asOf: model.asOf,
    months: w.months.map((p) => ({ month: p.month, href: reviewHref(p.month) })),
    sentence: weekSentence(w, model.asOf, locale, t),
    metrics,
    partialNote,
    daily,
    pace,
    attention,
    notes: w.notes.map((n) => `${monthDay(n.date)}${t('punct.colon')}${n.text}`),
    prev,
    next,
    backHref,
    nav: reviewNav(locale, 'week', prev && { name: prev.week, href: prev.href }, next && { name: next.week, href: next.href }, backHref),
  };
}

/** 需关注 of one month's pace: revenue more than 10 points behind time, spend more than 10 points ahead. */
function paceAttention(p: MonthPace, t: Translate): string[] {
  const out: string[] = [];
  const common = { month: p.month, day: p.through ? monthDay(p.through) : '', progress: formatPercent(p.timeProgress) };
  if (p.behindPace && p.revenueBehind) out.push(t('week.attentionBehind', { ...common, x: points(p.revenueBehind), attainment: formatPercent(p.attainment) }));
  if (p.aheadOfPace && p.spendAhead) out.push(t('week.attentionAhead', { ...common, x: points(p.spendAhead), use: formatPercent(p.budgetUse) }));
  return out;
}
