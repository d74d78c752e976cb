/**
 * Island: the 执行跟踪 chart. Target and actual revenue as bars, running target and running actual as
 * lines; null values stay gaps (spanGaps off), so a month not yet reached is never drawn as 0. Drawn in
 * the plan charts' unit (万元; payload.unit yuan per step of the axis); the data and the table stay in yuan.
 */
import { Chart, palette, valueBox, type ChartConfiguration } from '../charts/chart-js.ts';
import type { ActualsChartData } from '../../domain/actuals/view.ts';

interface Payload {
  readonly data: ActualsChartData;
  readonly locale: string;
  /** Yuan per axis unit (10,000 for 万元). */
  readonly unit: number;
  readonly labels: Record<'colon' | 'unit' | 'axisMonthly' | 'axisRunning' | 'target' | 'actual' | 'runningTarget' | 'runningActual', string>;
}

function config(payload: Payload): ChartConfiguration<'bar' | 'line'> {
  const { data, labels } = payload;
  const p = palette();
  const c = { text: p.text, grid: p.grid, line: p.line, actual: p.revenue, target: p.marketing };
  const number = new Intl.NumberFormat(payload.locale, { maximumFractionDigits: 2 });
  const inUnit = (values: readonly (number | null)[]) => values.map((yuan) => (yuan === null ? null : yuan / payload.unit));
  const axis = (position: 'left' | 'right', grid: boolean, title: string) => ({
    position,
    beginAtZero: true,
    grace: '5%',
    ticks: { color: c.text, callback: (value: string | number) => number.format(Number(value)) },
    grid: grid ? { color: c.grid } : { drawOnChartArea: false },
    title: { display: true, text: title, color: c.text },
  });
  return {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [
        // Outlined target bars and filled actual bars stay apart in greyscale print.
        {
          type: 'bar',
          label: labels.target,
          data: inUnit(data.target),
          backgroundColor: 'transparent',
          borderColor: c.target,
          borderWidth: 2,
          yAxisID: 'month',
        },
        { type: 'bar', label: labels.actual, data: inUnit(data.actual), backgroundColor: c.actual, yAxisID: 'month' },
        {
          type: 'line',
          label: labels.runningTarget,
          data: inUnit(data.runningTarget),
          borderColor: c.target,
          backgroundColor: c.target,
          borderDash: [8, 4],
          pointRadius: 2,
          spanGaps: false,
          yAxisID: 'running',
        },
        {
          type: 'line',
          label: labels.runningActual,
          data: inUnit(data.runningActual),
          borderColor: c.line,
          backgroundColor: c.line,
          pointStyle: 'rectRot',
          pointRadius: 4,
          spanGaps: false,
          yAxisID: 'running',
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      color: c.text,
      scales: {
        x: { ticks: { color: c.text }, grid: { color: c.grid } },
        month: axis('left', true, labels.axisMonthly),
        running: axis('right', false, labels.axisRunning),
      },
    },
  };
}

function draw(root: HTMLElement): void {
  const source = root.querySelector<HTMLScriptElement>('script[type="application/json"]');
  const canvas = root.querySelector<HTMLCanvasElement>('canvas[data-chart]');
  if (!source?.textContent || !canvas) return;
  const payload = JSON.parse(source.textContent) as Payload;
  let chart: Chart | undefined;
  const render = () => {
    chart?.destroy();
    const base = config(payload);
    const number = new Intl.NumberFormat(payload.locale, { maximumFractionDigits: 2 });
    const { colon, unit } = payload.labels;
    chart = new Chart(canvas, {
      ...base,
      options: {
        ...base.options,
        ...valueBox(canvas, (series, value) => `${series.label}${colon}${value === null ? '—' : `${number.format(value)} ${unit}`}`),
      },
    });
    // What the chart plots, back in the table's yuan, for tests that compare it with the month table.
    canvas.dataset.series = JSON.stringify(
      chart.data.datasets.map((dataset) => (dataset.data as (number | null)[]).map((v) => (v === null ? null : Math.round(v * payload.unit * 100) / 100))),
    );
  };
  render();
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', render);
  new MutationObserver(render).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
  addEventListener('beforeprint', () => {
    if (chart) {
      chart.options.devicePixelRatio = 3;
      chart.resize();
    }
  });
  addEventListener('afterprint', () => {
    if (chart) {
      chart.options.devicePixelRatio = window.devicePixelRatio;
      chart.resize();
    }
  });
}

document.querySelectorAll<HTMLElement>('[data-actuals-chart]').forEach(draw);
