/**
 * Island: draws a plan's three charts with Chart.js. Only the controllers and
 * elements used are registered (no chart.js/auto), so the bundle stays small.
 * The numbers come from the JSON block the page rendered from src/domain/plan/chart-data.ts,
 * the same data as the tables beside the charts, in fen: money axes show them in 万元 (payload.unit fen
 * per step of the axis). ROI has its own axis; its grades are told by the shape of each ROI point
 * (legible in grey scale), never shaded behind the revenue bars.
 */
import { Chart, palette, valueBox, type ChartConfiguration, type Palette, type SeriesOf } from '../charts/chart-js.ts';
import type { PlanChartData } from '../../domain/plan/chart-data.ts';

interface ChartPayload {
  readonly data: PlanChartData;
  readonly locale: string;
  readonly unit: number;
  readonly labels: Record<'colon' | 'unit' | 'revenue' | 'marketing' | 'roi' | 'cumulativeRevenue' | 'target' | 'stageMarketing' | 'stageLines', string>;
}

/** One point shape per ROI grade, lowest first: told apart without colour. */
const GRADE_SHAPES = ['crossRot', 'triangle', 'rect', 'star', 'circle'] as const;

/** The grade band a ROI falls in (index into data.bands), or -1. */
function gradeIndex(value: number | null, bands: PlanChartData['bands']): number {
  if (value === null) return -1;
  return bands.findIndex((band) => value >= band.from && (band.to === null || value < band.to));
}

/** A "nice" axis top: 1, 2, 2.5 or 5 × 10^n steps (the same rule as the report's static chart). */
function niceTop(max: number, ticks = 4): number {
  if (!(max > 0)) return ticks;
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw * (1 - 1e-9))!;
  return Math.ceil(max / step - 1e-9) * step;
}

function configs(payload: ChartPayload, colours: Palette): Record<string, ChartConfiguration<'bar' | 'line'>> {
  const { data, labels, locale, unit } = payload;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  // Fen to axis units (万元) for drawing only; the tables keep the exact amounts.
  const scaled = (values: readonly (number | null)[]) => values.map((fen) => (fen === null ? null : fen / unit));
  const common = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    color: colours.text,
  };
  const axis = (title: string, max: number, position: 'left' | 'right' = 'left') => ({
    position,
    beginAtZero: true,
    max: niceTop(max),
    ticks: { color: colours.text, callback: (value: string | number) => number.format(Number(value)) },
    grid: { color: colours.grid },
    title: { display: true, text: title, color: colours.text },
  });
  const top = (...series: (readonly (number | null)[])[]) => Math.max(0, ...series.flat().map((v) => (v ?? 0) / unit));
  const thresholds = data.bands.map((band) => band.from);
  const maxRoi = Math.max(...data.monthly.roi.map((r) => r ?? 0), ...thresholds) * 1.1;
  const grades = data.monthly.roi.map((r) => gradeIndex(r, data.bands));
  const shapes = grades.map((g) => (g < 0 ? 'circle' : GRADE_SHAPES[Math.min(g, GRADE_SHAPES.length - 1)]!));
  return {
    monthly: {
      type: 'bar',
      data: {
        labels: data.monthly.labels,
        datasets: [
          {
            type: 'bar',
            label: labels.revenue,
            data: scaled(data.monthly.revenue),
            backgroundColor: colours.revenue,
            borderColor: colours.line,
            borderWidth: 0,
            yAxisID: 'money',
          },
          // Outlined bars stay distinct from the filled ones in greyscale print.
          {
            type: 'bar',
            label: labels.marketing,
            data: scaled(data.monthly.marketing),
            backgroundColor: 'transparent',
            borderColor: colours.marketing,
            borderWidth: 2,
            yAxisID: 'money',
          },
          {
            type: 'line',
            label: labels.roi,
            data: data.monthly.roi,
            borderColor: colours.line,
            backgroundColor: colours.line,
            borderDash: [6, 3],
            pointStyle: shapes,
            pointRadius: 5,
            yAxisID: 'roi',
            spanGaps: false,
          },
        ],
      },
      options: {
        ...common,
        scales: {
          x: { ticks: { color: colours.text }, grid: { color: colours.grid } },
          money: axis(labels.unit, top(data.monthly.revenue, data.monthly.marketing)),
          roi: { ...axis(labels.roi, maxRoi, 'right'), grid: { drawOnChartArea: false } },
        },
      },
    },
    cumulative: {
      type: 'line',
      data: {
        labels: data.cumulative.labels,
        datasets: [
          {
            label: labels.cumulativeRevenue,
            data: scaled(data.cumulative.cumulative),
            borderColor: colours.revenue,
            backgroundColor: colours.revenue,
            pointRadius: 3,
          },
          ...(data.cumulative.target === null
            ? []
            : [
                {
                  label: labels.target,
                  data: scaled(data.cumulative.labels.map(() => data.cumulative.target)),
                  borderColor: colours.marketing,
                  borderDash: [8, 4],
                  pointRadius: 0,
                },
              ]),
        ],
      },
      options: {
        ...common,
        scales: {
          x: { ticks: { color: colours.text }, grid: { color: colours.grid } },
          y: axis(labels.unit, top(data.cumulative.cumulative, [data.cumulative.target])),
        },
      },
    },
    stages: {
      type: 'bar',
      data: {
        labels: data.stages.labels,
        datasets: [
          { label: labels.stageMarketing, data: scaled(data.stages.marketing), backgroundColor: colours.marketing },
          { label: labels.stageLines, data: scaled(data.stages.budgetLines), backgroundColor: 'transparent', borderColor: colours.line, borderWidth: 2 },
        ],
      },
      options: {
        ...common,
        scales: {
          x: { ticks: { color: colours.text }, grid: { color: colours.grid } },
          y: axis(labels.unit, top(data.stages.marketing, data.stages.budgetLines)),
        },
      },
    },
  };
}

/** One series' value in the value box: money in the axis unit (万元), ROI with its grade. */
function valueLine(payload: ChartPayload): (series: SeriesOf, value: number | null, index: number) => string {
  const number = new Intl.NumberFormat(payload.locale, { maximumFractionDigits: 2 });
  const grades = payload.data.monthly.roi.map((r) => gradeIndex(r, payload.data.bands));
  const { colon, unit } = payload.labels;
  return (series, value, index) =>
    value === null
      ? `${series.label}${colon}—`
      : series.yAxisID === 'roi'
        ? `${series.label}${colon}${number.format(value)} (${payload.data.bands[grades[index]!]?.label ?? '—'})`
        : `${series.label}${colon}${number.format(value)} ${unit}`;
}

function draw(root: HTMLElement): void {
  const source = root.querySelector<HTMLScriptElement>('script[type="application/json"]');
  if (!source?.textContent) return;
  const payload = JSON.parse(source.textContent) as ChartPayload;
  const line = valueLine(payload);
  const charts: Chart[] = [];
  const render = () => {
    charts.splice(0).forEach((chart) => chart.destroy());
    const all = configs(payload, palette());
    for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')) {
      const config = all[canvas.dataset.chart!];
      if (!config) continue;
      const chart = new Chart(canvas, { ...config, options: { ...config.options, ...valueBox(canvas, line) } });
      // What the chart plots, back in the tables' units (fen; ROI as is), for tests that compare it with the table beside it.
      canvas.dataset.series = JSON.stringify(
        chart.data.datasets.map((dataset) =>
          (dataset.data as (number | null)[]).map((v) =>
            v === null || (dataset as { yAxisID?: string }).yAxisID === 'roi' ? v : Math.round(v * payload.unit),
          ),
        ),
      );
      canvas.dataset.unit = payload.labels.unit;
      charts.push(chart);
    }
  };
  render();
  // Follow the colour scheme, whether the system's or the page toggle's.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', render);
  new MutationObserver(render).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
  // Crisp in print: redraw at print resolution before printing, back after.
  addEventListener('beforeprint', () =>
    charts.forEach((chart) => {
      chart.options.devicePixelRatio = 3;
      chart.resize();
    }),
  );
  addEventListener('afterprint', () =>
    charts.forEach((chart) => {
      chart.options.devicePixelRatio = window.devicePixelRatio;
      chart.resize();
    }),
  );
}

document.querySelectorAll<HTMLElement>('[data-plan-charts]').forEach(draw);
