/**
 * Island: draws a plan's three charts with Chart.js. Only the controllers and
 * elements used are registered (no chart.js/auto), so the bundle stays small.
 * The numbers come from the JSON block the page rendered from src/domain/plan/chart-data.ts,
 * the same data as the tables beside the charts.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import type { PlanChartData } from '../../domain/plan/chart-data.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

interface ChartPayload {
  readonly data: PlanChartData;
  readonly locale: string;
  readonly labels: Record<'revenue' | 'marketing' | 'roi' | 'cumulativeRevenue' | 'target' | 'stageMarketing' | 'stageLines', string>;
}

interface Palette {
  text: string;
  grid: string;
  revenue: string;
  marketing: string;
  line: string;
  bands: string[];
}

function palette(): Palette {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const dark =
    (matchMedia('(prefers-color-scheme: dark)').matches && document.documentElement.dataset.theme !== 'light') ||
    document.documentElement.dataset.theme === 'dark';
  return {
    text: read('--chart-text', dark ? '#e6e8eb' : '#1d2127'),
    grid: read('--chart-grid', dark ? 'rgba(255,255,255,0.15)' : 'rgba(0,0,0,0.12)'),
    revenue: read('--chart-revenue', dark ? '#7fb3ff' : '#1f4e9c'),
    marketing: read('--chart-marketing', dark ? '#ffb870' : '#c75d00'),
    line: read('--chart-line', dark ? '#f2f2f2' : '#111111'),
    bands: dark
      ? ['rgba(255,99,99,0.14)', 'rgba(255,214,102,0.12)', 'rgba(120,200,255,0.12)', 'rgba(120,230,150,0.14)']
      : ['rgba(200,30,30,0.08)', 'rgba(230,170,0,0.10)', 'rgba(30,120,200,0.08)', 'rgba(30,150,60,0.10)'],
  };
}

/** Shades the ROI grade bands behind the data, on the ROI axis. */
function bandsPlugin(bands: PlanChartData['bands'], colours: string[]): Plugin<'bar' | 'line'> {
  return {
    id: 'roiBands',
    beforeDatasetsDraw(chart) {
      const axis = chart.scales.roi;
      if (!axis) return;
      const { ctx, chartArea } = chart;
      ctx.save();
      bands.forEach((band, i) => {
        const top = axis.getPixelForValue(band.to ?? axis.max);
        const bottom = axis.getPixelForValue(band.from);
        const y1 = Math.max(chartArea.top, Math.min(top, bottom));
        const y2 = Math.min(chartArea.bottom, Math.max(top, bottom));
        if (y2 <= y1) return;
        ctx.fillStyle = colours[i % colours.length]!;
        ctx.fillRect(chartArea.left, y1, chartArea.right - chartArea.left, y2 - y1);
        ctx.fillStyle = chart.options.color as string;
        ctx.font = '11px system-ui, sans-serif';
        ctx.fillText(band.label, chartArea.left + 4, y1 + 12);
      });
      ctx.restore();
    },
  };
}

function configs(payload: ChartPayload, colours: Palette): Record<string, ChartConfiguration<'bar' | 'line'>> {
  const { data, labels, locale } = payload;
  const number = new Intl.NumberFormat(locale);
  const common = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    color: colours.text,
    plugins: { legend: { labels: { color: colours.text, usePointStyle: true } } },
  };
  const axis = (title?: string, position: 'left' | 'right' = 'left') => ({
    position,
    beginAtZero: true,
    grace: '5%',
    ticks: { color: colours.text, callback: (value: string | number) => number.format(Number(value)) },
    grid: { color: colours.grid },
    title: title ? { display: true, text: title, color: colours.text } : undefined,
  });
  const maxRoi = Math.max(6, ...data.monthly.roi.map((r) => r ?? 0)) * 1.1;
  return {
    monthly: {
      type: 'bar',
      data: {
        labels: data.monthly.labels,
        datasets: [
          {
            type: 'bar',
            label: labels.revenue,
            data: data.monthly.revenue,
            backgroundColor: colours.revenue,
            borderColor: colours.line,
            borderWidth: 0,
            yAxisID: 'money',
          },
          // Outlined bars stay distinct from the filled ones in greyscale print.
          {
            type: 'bar',
            label: labels.marketing,
            data: data.monthly.marketing,
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
            pointStyle: 'rectRot',
            pointRadius: 4,
            yAxisID: 'roi',
            spanGaps: false,
          },
        ],
      },
      options: {
        ...common,
        scales: {
          x: { ticks: { color: colours.text }, grid: { color: colours.grid } },
          money: axis(),
          roi: { ...axis(labels.roi, 'right'), max: maxRoi, grid: { drawOnChartArea: false } },
        },
      },
      plugins: [bandsPlugin(data.bands, colours.bands)],
    },
    cumulative: {
      type: 'line',
      data: {
        labels: data.cumulative.labels,
        datasets: [
          { label: labels.cumulativeRevenue, data: data.cumulative.cumulative, borderColor: colours.revenue, backgroundColor: colours.revenue, pointRadius: 3 },
          ...(data.cumulative.target === null
            ? []
            : [
                {
                  label: labels.target,
                  data: data.cumulative.labels.map(() => data.cumulative.target),
                  borderColor: colours.marketing,
                  borderDash: [8, 4],
                  pointRadius: 0,
                },
              ]),
        ],
      },
      options: { ...common, scales: { x: { ticks: { color: colours.text }, grid: { color: colours.grid } }, y: axis() } },
    },
    stages: {
      type: 'bar',
      data: {
        labels: data.stages.labels,
        datasets: [
          { label: labels.stageMarketing, data: data.stages.marketing, backgroundColor: colours.marketing },
          { label: labels.stageLines, data: data.stages.budgetLines, backgroundColor: 'transparent', borderColor: colours.line, borderWidth: 2 },
        ],
      },
      options: { ...common, scales: { x: { ticks: { color: colours.text }, grid: { color: colours.grid } }, y: axis() } },
    },
  };
}

function draw(root: HTMLElement): void {
  const source = root.querySelector<HTMLScriptElement>('script[type="application/json"]');
  if (!source?.textContent) return;
  const payload = JSON.parse(source.textContent) as ChartPayload;
  const charts: Chart[] = [];
  const render = () => {
    charts.splice(0).forEach((chart) => chart.destroy());
    const all = configs(payload, palette());
    for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')) {
      const config = all[canvas.dataset.chart!];
      if (!config) continue;
      const chart = new Chart(canvas, config);
      // What the chart actually plots, for tests that compare it with the table beside it.
      canvas.dataset.series = JSON.stringify(chart.data.datasets.map((dataset) => dataset.data));
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
