/**
 * Chart.js as the handbook's islands use it: only the controllers and elements they draw with are
 * registered (no chart.js/auto, so the bundle stays small), and one palette read from the page's CSS
 * (--chart-*, src/styles/tokens.css), with fallbacks for the light and dark schemes. Neither the legend
 * nor the tooltip plugin is loaded (2.7 and 4.7 KB gzip): each chart's key is HTML beside it
 * (ChartLegend.astro) and the values under the pointer are a small HTML box (valueBox below), which
 * keeps a plan page under its 60 KB of JavaScript.
 */
import { BarController, BarElement, CategoryScale, Chart, LineController, LineElement, LinearScale, PointElement, type ChartOptions } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement);

/** A series as the value box sees it. */
export interface SeriesOf {
  readonly label?: string;
  readonly yAxisID?: string;
}

/**
 * Options showing, while the pointer (or a finger) is over a chart, the month and every series' value
 * there in a box over the chart. `line` writes one series' value (null for a gap).
 * The box is aria-hidden: the table beside each chart holds the same numbers.
 */
export function valueBox(
  canvas: HTMLCanvasElement,
  line: (series: SeriesOf, value: number | null, index: number) => string,
): Pick<ChartOptions, 'interaction' | 'onHover'> {
  const host = canvas.parentElement!;
  let box = host.querySelector<HTMLElement>(':scope > .chart-values');
  if (!box) {
    box = document.createElement('div');
    box.className = 'chart-values';
    box.hidden = true;
    box.setAttribute('aria-hidden', 'true');
    host.append(box);
    canvas.addEventListener('mouseleave', () => (box!.hidden = true));
  }
  const shown = box;
  return {
    interaction: { mode: 'index', intersect: false },
    onHover: (event, elements, chart) => {
      const index = elements[0]?.index;
      if (index === undefined || event.x === null || event.y === null) {
        shown.hidden = true;
        return;
      }
      const month = document.createElement('strong');
      month.textContent = String(chart.data.labels?.[index] ?? '');
      const values = chart.data.datasets.map((series) => {
        const text = document.createElement('span');
        text.textContent = line(series as SeriesOf, (series.data[index] as number | null | undefined) ?? null, index);
        return text;
      });
      shown.replaceChildren(month, ...values);
      shown.hidden = false;
      // Beside the pointer, on the side with more room.
      const right = event.x > host.clientWidth / 2;
      shown.style.left = right ? '' : `${event.x + 12}px`;
      shown.style.right = right ? `${host.clientWidth - event.x + 12}px` : '';
      shown.style.top = `${event.y}px`;
    },
  };
}

export { Chart };
export type { ChartConfiguration } from 'chart.js';

export interface Palette {
  text: string;
  grid: string;
  /** Revenue, and actuals drawn against their target. */
  revenue: string;
  /** Marketing spend, and targets. */
  marketing: string;
  line: string;
}

export function palette(): Palette {
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
  };
}
