/**
 * Lucide icons (lucide-static, ISC) read at build time and inlined as SVG: no icon font and
 * no request. Only the names listed here can be used, so a typo fails the build, not the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const ICONS = {
  department: 'building-2',
  role: 'user-round',
  sop: 'list-checks',
  plan: 'chart-line',
  term: 'book-a',
  cadence: 'calendar-clock',
  org: 'network',
  start: 'graduation-cap',
  home: 'house',
  search: 'search',
  menu: 'menu',
  close: 'x',
  toc: 'list',
  tip: 'lightbulb',
  prev: 'arrow-left',
  next: 'arrow-right',
  chevron: 'chevron-right',
  done: 'circle-check-big',
  print: 'printer',
  reset: 'rotate-ccw',
} as const;

export type IconName = keyof typeof ICONS;

const require = createRequire(import.meta.url);
const cache = new Map<IconName, string>();

/** The icon's SVG without its licence comment and size, with the given class; hidden from screen readers. */
export function iconSvg(name: IconName, className = 'icon'): string {
  let svg = cache.get(name);
  if (svg === undefined) {
    const file = path.join(path.dirname(require.resolve('lucide-static/package.json')), 'icons', `${ICONS[name]}.svg`);
    svg = readFileSync(file, 'utf8')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/\s*\n\s*/g, ' ')
      .replace(/\s(class|width|height|xmlns)="[^"]*"/g, '')
      .replace(/ \/>/g, '/>')
      .replace(/> </g, '><')
      .trim();
    cache.set(name, svg);
  }
  return svg.replace('<svg', `<svg class="${className}" aria-hidden="true" focusable="false"`);
}
