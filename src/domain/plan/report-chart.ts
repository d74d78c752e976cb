/**
 * The static monthly chart of the plan report (page 1 and the one-page summary): bars of revenue and
 * marketing on a money axis in 万元, and below it a separate ROI panel where the grade thresholds are
 * drawn on the ROI scale. Geometry only (SVG coordinates); money stays in fen until a label is made.
 */
import { FORMATS, type Locale } from '../../i18n/index.ts';
import { isAmount } from '../money.ts';
import type { PlanFigures } from './plan.ts';

/** Fen per axis unit: 万元 (10 000 yuan) in Chinese, thousand yuan in English. */
export function chartMoneyUnit(locale: Locale): number {
  return FORMATS[locale].chartUnitFen;
}

/** A "nice" step (1, 2, 2.5 or 5 × 10^n) so that about `ticks` steps reach `max`, and the axis top. */
export function niceAxis(max: number, ticks = 4): { step: number; top: number } {
  if (!(max > 0)) return { step: 1, top: ticks };
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw * (1 - 1e-9))!;
  return { step, top: Math.ceil(max / step - 1e-9) * step };
}

export interface ReportChart {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly right: number };
  readonly money: { readonly top: number; readonly bottom: number; readonly ticks: { readonly y: number; readonly label: string }[] };
  readonly roi: {
    readonly top: number;
    readonly bottom: number;
    readonly ticks: { readonly y: number; readonly label: string }[];
    readonly thresholds: { readonly y: number; readonly label: string }[];
  };
  readonly months: {
    readonly label: string;
    readonly x: number;
    /** Bars: y of the top and height; null for 待定. */
    readonly revenue: { readonly y: number; readonly height: number } | null;
    readonly marketing: { readonly y: number; readonly height: number } | null;
    readonly barWidth: number;
    readonly roi: { readonly y: number; readonly value: string; readonly grade: string } | null;
  }[];
}

const trim = (n: number) => String(Number(n.toFixed(2)));

export function reportChart(figures: PlanFigures, locale: Locale, size: { width: number; height: number } = { width: 640, height: 280 }): ReportChart {
  const unit = chartMoneyUnit(locale);
  const { width, height } = size;
  const plot = { left: 44, right: width - 74 };
  const money = { top: 12, bottom: Math.round(height * 0.56) };
  const roiPanel = { top: money.bottom + 30, bottom: height - 6 };
  const amounts = figures.months
    .flatMap((m) => [m.revenue, m.marketing])
    .filter(isAmount)
    .map((m) => m.fen);
  const moneyAxis = niceAxis(Math.max(0, ...amounts) / unit);
  const thresholds = [...figures.bands.bands].sort((a, b) => a.min - b.min);
  const roiValues = figures.months.map((m) => m.roi ?? 0);
  // Head room above the highest point or threshold, for the value written over each point.
  const roiAxis = niceAxis(Math.max(...roiValues, ...thresholds.map((b) => b.min), 1) * 1.15, 3);
  const yMoney = (fen: number) => money.bottom - (fen / unit / moneyAxis.top) * (money.bottom - money.top);
  const yRoi = (value: number) => roiPanel.bottom - (Math.min(value, roiAxis.top) / roiAxis.top) * (roiPanel.bottom - roiPanel.top);
  const slot = (plot.right - plot.left) / Math.max(1, figures.months.length);
  const barWidth = Math.max(2, slot * 0.34);
  const bar = (value: (typeof figures.months)[number]['revenue']) =>
    isAmount(value) ? { y: yMoney(value.fen), height: money.bottom - yMoney(value.fen) } : null;
  return {
    width,
    height,
    plot,
    money: { ...money, ticks: range(moneyAxis).map((v) => ({ y: yMoney(v * unit), label: trim(v) })) },
    roi: {
      ...roiPanel,
      ticks: range(roiAxis).map((v) => ({ y: yRoi(v), label: trim(v) })),
      thresholds: thresholds.filter((b) => b.min <= roiAxis.top).map((b) => ({ y: yRoi(b.min), label: `${b.label} ≥ ${trim(b.min)}` })),
    },
    months: figures.months.map((m, i) => ({
      label: m.month,
      x: plot.left + slot * (i + 0.5),
      revenue: bar(m.revenue),
      marketing: bar(m.marketing),
      barWidth,
      roi: m.roi === null ? null : { y: yRoi(m.roi), value: m.roi.toFixed(2), grade: m.grade ?? '' },
    })),
  };
}

function range({ step, top }: { step: number; top: number }): number[] {
  const out: number[] = [];
  for (let i = 0; i * step <= top + step * 1e-9; i++) out.push(i * step);
  return out;
}
