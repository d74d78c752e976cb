/**
 * The 月报's view model (actuals-format.md, "Monthly review page"): every row, figure and sentence of one
 * month's review, in the site's language, so the page only renders. No Astro here.
 */
import { formatFen } from '../money.ts';
import { monthIndex, type Month } from '../time.ts';
import type { Entry } from '../handbook.ts';
import type { RoiBands } from '../plan/plan.ts';
import type { StaffedRole } from '../plan/staffing-plan.ts';
import type { PlanData } from '../../schema/collections.ts';
import { useTranslations, type Locale } from '../../i18n/index.ts';
import { renderProblem } from '../../check/report.ts';
import { channelStageBudget, stageProgress, staffingByActual, type ActualMonthFigures, type ActualsFigures } from './figures.ts';
import { dateRanges, type ActualsModel, type MonthStatus } from './model.ts';
import { formatChange, formatPercent, formatRatio, formatRatioDifference, formatSignedFen, formatYuanRatio, ratio, type Ratio } from './ratio.ts';
import { channelLabel, count as countText, fieldLabel, money, reviewNav, reviewSentence, type ReviewNavLinks } from './view.ts';
import { CHANNELS } from './headers.ts';
import { weekLinks, type WeekFigures } from './week.ts';

export interface ReviewInput {
  readonly plan: Pick<Entry<PlanData>, 'id' | 'data'>;
  readonly model: ActualsModel;
  readonly figures: ActualsFigures;
  readonly bands: RoiBands;
  /** The staffed roles with their `headcount.current`. */
  readonly roles: readonly (StaffedRole & { readonly current: number | null })[];
  readonly month: Month;
  readonly locale: Locale;
  /** The site's base path, ending in /. */
  readonly base: string;
  /** The plan's weeks with daily data: the 月报 links those that touch its month. */
  readonly weeks?: readonly WeekFigures[];
}

/** A row of 核心指标: 指标 | 本月实际 | 上月实际 | 本月目标 | 差距. */
export interface ReviewMetric {
  readonly key: string;
  readonly label: string;
  readonly now: string;
  readonly last: string;
  readonly target: string;
  /** 达成率 and 差额 where there is a target (then the 环比 too), else the 环比 alone; "—" when neither can be said. */
  readonly gap: string;
  /** The same, part by part (the page keeps each part on one line). */
  readonly gapParts: readonly string[];
  /** This month's figure is built on incomplete days (※). */
  readonly partial: boolean;
}

export interface ReviewDay {
  readonly date: string;
  readonly peak: boolean;
  readonly cells: readonly string[];
}

export interface MonthReview {
  readonly planId: string;
  readonly month: Month;
  readonly status: MonthStatus;
  readonly title: string;
  readonly planTitle: string;
  readonly planHref: string;
  readonly asOf: string | undefined;
  readonly stageName: string | undefined;
  /** 已达成 / 未达成 / 进行中 (目标待定 when the month has no target). */
  readonly statusWord: string;
  /** 本月概况. */
  readonly sentence: string;
  readonly basics: readonly ReviewMetric[];
  readonly profit: readonly ReviewMetric[];
  readonly grade: { readonly now: string | null; readonly direction: 'up' | 'down' | null; readonly last: string; readonly planned: string };
  /** The ※ note under the table, when any figure is partial. */
  readonly partialNote: string | undefined;
  /** 订单数口径：支付子订单数, when the month's orders come from a child-order column. */
  readonly ordersBasis: string | undefined;
  readonly channels: {
    readonly rows: readonly {
      readonly label: string;
      readonly spend: string;
      readonly share: string;
      readonly stageBudget?: string;
      readonly stageUsed?: string;
    }[];
    /** Whether the 阶段预算 and 阶段累计已用 columns are shown. */
    readonly stageBudgets: boolean;
  };
  /** 每日明细, for a month with daily records. */
  readonly daily: { readonly rows: readonly ReviewDay[]; readonly total: readonly string[]; readonly missing: string | undefined } | undefined;
  /** 人员配置: one line per staffed role. */
  readonly staffing: readonly { readonly roleId: string; readonly title: string; readonly line: string }[];
  /** 阶段进度 of the stage holding this month, to this month's end: its name and the figures after it. */
  readonly stage: { readonly name: string; readonly parts: readonly string[] } | undefined;
  /** 需关注, in the site's words. */
  readonly attention: readonly string[];
  readonly notes: readonly string[];
  readonly sources: readonly { readonly file: string; readonly source: string | undefined }[];
  readonly prev: { readonly month: Month; readonly href: string } | undefined;
  readonly next: { readonly month: Month; readonly href: string } | undefined;
  readonly backHref: string;
  readonly nav: ReviewNavLinks;
  /** 本月周报: the weekly reviews of the weeks that touch this month. */
  readonly weeks: readonly { readonly week: string; readonly label: string; readonly title: string; readonly href: string }[];
}

/** The metric keys of 核心指标 whose ※ follows one recorded field (the rest follow their own field). */
export const FIELD_OF_METRIC: Record<string, string> = {
  spend: 'marketing',
  spendShare: 'marketing',
  net: 'revenue',
  ordersPerDay: 'orders',
  refundShare: 'refunds',
  conversion: 'visitors',
};

/** The figures of a month that a 月报 row compares with last month's: counts, amounts and ratios. */
type ComparedFigure = {
  [K in keyof ActualMonthFigures]-?: ActualMonthFigures[K] extends number | Ratio | null ? (null extends ActualMonthFigures[K] ? K : never) : never;
}[keyof ActualMonthFigures];

/** One month's 月报; `month` must be a month with data (one of figures.reviewMonths). */
export function monthReview(input: ReviewInput): MonthReview {
  const { plan, model, figures, bands, roles, month, locale, base } = input;
  const t = useTranslations(locale);
  const sep = t('list.separator');
  const i = figures.months.findIndex((x) => x.month === month);
  const m = figures.months[i];
  if (!m || !m.hasData) throw new Error(`${plan.id}: ${month} has no data, so no review`);
  const previous = figures.months[i - 1];
  const prev: ActualMonthFigures | undefined = previous?.hasData ? previous : undefined;
  const stage = plan.data.stages.find((s) => monthIndex(s.start) <= monthIndex(month) && monthIndex(month) <= monthIndex(s.end));
  const dailySourced = m.actual.sourcedFrom === 'daily';

  const count = (n: number | null | undefined) => countText(n, locale);
  const yuan = (r: Ratio | null) => (r ? formatYuanRatio(r, locale) : '—');
  const partial = (key: string) => m.partial && (m.missingDays > 0 || m.partialFields.includes(FIELD_OF_METRIC[key] ?? key));
  const mom = (now: Ratio | number | null, last: Ratio | number | null | undefined) => {
    const x = formatChange(now, last);
    return x === '—' ? x : t('review.mom', { x });
  };
  /** 达成率 and 差额 against a target, then the 环比 where last month has the figure. */
  const against = (attainment: Ratio | null, variance: number | null, momText: string) => [
    formatPercent(attainment),
    formatSignedFen(variance, locale),
    ...(momText === '—' ? [] : [momText]),
  ];
  const row = (key: string, label: string, now: string, last: string, target: string, gap: string | readonly string[]): ReviewMetric => {
    const gapParts = typeof gap === 'string' ? [gap] : gap;
    return { key, label, now, last, target, gap: gapParts.join(sep), gapParts, partial: partial(key) };
  };

  /** A figure against last month only: this month, last month, no target, the 环比. */
  const compared = <K extends ComparedFigure>(key: K, label: string, format: (value: ActualMonthFigures[K] | null) => string) =>
    row(key, label, format(m[key]), format(prev ? prev[key] : null), '—', mom(m[key], prev?.[key]));
  const percent = (digits?: number) => (r: Ratio | null) => formatPercent(r, digits);

  const basics: ReviewMetric[] = [
    compared('visitors', t(dailySourced ? 'review.visitorsDaily' : 'review.visitors'), count),
    compared('buyers', t(dailySourced ? 'review.buyersDaily' : 'review.buyers'), count),
    compared('conversion', t('review.conversion'), percent(2)),
    compared('aov', t('review.aov'), yuan),
    compared('orders', t('review.orders'), count),
    compared('ordersPerDay', t('review.ordersPerDay'), (r) => formatRatio(r, 1)),
    compared('refunds', t('review.refunds'), (fen) => money(fen, locale)),
    compared('refundShare', t('review.refundShare'), percent()),
  ];
  const revenueMom = mom(m.revenue, prev?.revenue);
  const spendMom = mom(m.spend, prev?.spend);
  const roiMom = mom(m.roi, prev?.roi);
  const profit: ReviewMetric[] = [
    row(
      'revenue',
      t('review.revenue'),
      money(m.revenue, locale),
      money(prev?.revenue, locale),
      money(m.target, locale),
      m.target !== null ? against(m.attainment, m.variance, revenueMom) : revenueMom,
    ),
    compared('net', t('review.net'), (fen) => money(fen, locale)),
    row(
      'spend',
      t('review.spend'),
      money(m.spend, locale),
      money(prev?.spend, locale),
      money(m.budget, locale),
      m.budget !== null ? against(m.budgetUse, m.spendVariance, spendMom) : spendMom,
    ),
    compared('spendShare', t('review.spendShare'), percent()),
    row(
      'roi',
      'ROI',
      formatRatio(m.roi),
      formatRatio(prev?.roi ?? null),
      formatRatio(m.plannedRoi),
      m.plannedRoi && m.roi ? [formatRatioDifference(m.roi, m.plannedRoi), ...(roiMom === '—' ? [] : [roiMom])] : roiMom,
    ),
  ];

  const spendTotal = m.spend ?? 0;
  const channelNames = (label: string) => CHANNELS.find((c) => c.label === label)?.names ?? [label];
  const channelRows = [
    ...m.channels.map((ch) => ({
      label: channelLabel(ch.label, locale),
      fen: ch.fen,
      stage: stage ? channelStageBudget(stage, ch.label, channelNames(ch.label), figures.months, month) : undefined,
    })),
    ...(m.unallocated ? [{ label: t('review.unallocated'), fen: m.unallocated, stage: undefined }] : []),
  ];
  const stageBudgets = channelRows.some((ch) => ch.stage);

  const peakDate = m.peak?.date;
  const missingDays = m.actual.missingDays.length > 0 ? t('review.missingDays', { days: dateRanges(m.actual.missingDays).join(sep) }) : undefined;
  const daily =
    m.actual.days.length === 0
      ? undefined
      : {
          rows: m.actual.days.map((d): ReviewDay => {
            const a = (f: string) => d.amounts.get(f as never) ?? null;
            return {
              date: d.key,
              peak: d.key === peakDate,
              cells: [
                money(a('revenue'), locale),
                count(a('visitors')),
                count(a('buyers')),
                count(a('orders')),
                a('visitors') ? formatPercent(ratio(a('buyers'), a('visitors')), 2) : '—',
                money(a('marketing'), locale),
                formatRatio(ratio(a('revenue'), a('marketing'))),
              ],
            };
          }),
          total: [
            money(m.revenue, locale),
            count(m.visitors),
            count(m.buyers),
            count(m.orders),
            formatPercent(m.conversion, 2),
            money(m.spend, locale),
            formatRatio(m.roi),
          ],
          missing: missingDays,
        };

  const staffing = staffingByActual(roles, figures, plan.data).map((r) => {
    const cell = r.months.find((c) => c.month === month)!;
    return {
      roleId: r.role.id,
      title: r.role.title,
      line: t('review.staffingLine', { n: cell.implied ?? '—', p: cell.peakImplied ?? '—', m: cell.planned ?? '—', k: r.role.current ?? '—' }),
    };
  });

  const progress = stage ? stageProgress(stage, figures.months, bands, month) : undefined;
  const stageView = progress && {
    name: progress.stage.name,
    parts: [
      t(`actuals.stageStatus.${progress.status}`),
      `${t('actuals.monthsWithData')} ${progress.monthsWithData}/${progress.months}`,
      `${t('actuals.revenueVsTarget')} ${formatFen(progress.revenue, locale)} / ${money(progress.target, locale)}${t('punct.open')}${formatPercent(progress.attainment)}${t('punct.close')}`,
      `${t('actuals.spendVsBudget')} ${formatFen(progress.spend, locale)} / ${money(progress.budget, locale)}${t('punct.open')}${formatPercent(progress.budgetUse)}${t('punct.close')}`,
      `ROI ${formatRatio(progress.roi)}${progress.grade ? ` ${progress.grade}` : ''}`,
    ],
  };

  const attention: string[] = [];
  if (m.overBudget && m.spendVariance !== null)
    attention.push(t('review.attentionOverBudget', { x: formatFen(m.spendVariance, locale), use: formatPercent(m.budgetUse) }));
  const threshold = plan.data.tracking?.lowAttainment ?? 0.8;
  if (m.status === 'complete' && m.attainment && threshold > 0 && m.attainment.num < threshold * m.attainment.den)
    attention.push(
      t('review.attentionLow', {
        x: formatPercent(m.attainment),
        threshold: formatPercent(ratio(Math.round(threshold * 1000), 1000), Number.isInteger(threshold * 100) ? 0 : 1),
      }),
    );
  if (m.missingDays > 0) attention.push(`${t('review.attentionMissingDays', { n: m.missingDays })} ${missingDays ?? ''}`.trim());
  for (const field of m.partialFields)
    attention.push(t('review.attentionField', { field: fieldLabel(field, locale), n: m.actual.partialFields.get(field as never)?.length ?? 0 }));
  // Figures that disagree with what the export wrote (a written rate against the recomputed one), in the site's words.
  for (const p of model.problems)
    if (p.rule === 'actuals.derivedMismatch' && String(p.params.date ?? '').startsWith(month)) attention.push(renderProblem(p, locale).message);

  const ordersHeader = model.files.find((f) => f.ordersHeader && m.actual.files.includes(f.file))?.ordersHeader;
  const reviews = figures.reviewMonths;
  const at = reviews.indexOf(month);
  const reviewLink = (x: Month | undefined) => (x ? { month: x, href: `${base}plans/${plan.id}/review/${x}/` } : undefined);
  const [prevLink, nextLink] = [reviewLink(reviews[at - 1]), reviewLink(reviews[at + 1])];
  const backHref = `${base}plans/${plan.id}/#actuals`;
  return {
    planId: plan.id,
    month,
    status: m.status,
    title: t('actuals.reviewTitle', { store: plan.data.store, month }),
    planTitle: plan.data.title,
    planHref: `${base}plans/${plan.id}/`,
    asOf: model.asOf,
    stageName: stage?.name,
    statusWord: t(`actuals.state.${m.status === 'inProgress' ? 'inProgress' : m.state}`),
    sentence: reviewSentence(m, model.asOf, locale),
    basics,
    profit,
    grade: { now: m.grade, direction: m.gradeDirection, last: prev?.grade ?? '—', planned: m.plannedGrade ?? '—' },
    partialNote: m.partial ? `※ ${m.missingDays > 0 ? t('actuals.partial', { n: m.missingDays }) : t('actuals.partialField')}` : undefined,
    ordersBasis: ordersHeader ? t('actuals.ordersBasis', { header: ordersHeader }) : undefined,
    channels: {
      stageBudgets,
      rows: channelRows.map((ch) => ({
        label: ch.label,
        spend: formatFen(ch.fen, locale),
        share: formatPercent(ratio(ch.fen, spendTotal)),
        ...(stageBudgets
          ? {
              stageBudget: ch.stage ? money(ch.stage.budget, locale) : '—',
              stageUsed: ch.stage
                ? `${formatFen(ch.stage.used, locale)}${t('punct.open')}${formatPercent(ratio(ch.stage.used, ch.stage.budget))}${t('punct.close')}`
                : '—',
            }
          : {}),
      })),
    },
    daily,
    staffing,
    stage: stageView,
    attention,
    notes: m.actual.notes.map((n) => n.text),
    sources: model.files.filter((f) => m.actual.files.includes(f.file)).map((f) => ({ file: f.file.split('/').slice(2).join('/'), source: f.source })),
    prev: prevLink,
    next: nextLink,
    backHref,
    nav: reviewNav(
      locale,
      'review',
      prevLink && { name: prevLink.month, href: prevLink.href },
      nextLink && { name: nextLink.month, href: nextLink.href },
      backHref,
    ),
    weeks: weekLinks(
      (input.weeks ?? []).filter((w) => w.days.some((d) => d.date.startsWith(month))),
      plan.id,
      base,
    ),
  };
}
