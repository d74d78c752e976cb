/**
 * Chart.js as the handbook's islands use it: only the controllers and elements they draw with are
 * registered (no chart.js/auto, so the bundle stays small), and one palette read from the page's CSS
 * (--chart-*, src/styles/tokens.css), with fallbacks for the light and dark schemes. No legend plugin:
 * each chart's key is HTML beside it (ChartLegend.astro), which keeps a plan page under 60 KB of JS.
 */
import { BarController, BarElement, CategoryScale, Chart, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip);

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
