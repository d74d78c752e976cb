/**
 * Reading pages stay light: role, SOP, glossary and rhythm pages load no
 * JavaScript besides the colour-scheme toggle, the search trigger and (role
 * pages) the onboarding checklist. A plan page, charts and 执行跟踪 included,
 * stays within 60 KB. Counts every script the page actually runs at load:
 * inline <script> text and every JavaScript response fetched, and prints the figures.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { useSampleSite } from './browser.ts';

/** Upper bound, gzip bytes, of all the JavaScript one reading page loads. */
const READING_BUDGET = 3 * 1024;
/** A plan page: Chart.js and the chart islands included (issue #18). */
const PLAN_BUDGET = 60 * 1024;

const PAGES: [route: string, budget: number][] = [
  ...['/roles/presales-cs/', '/sops/address-check/', '/sops/standard-answers/', '/glossary/', '/rhythm/'].map((route): [string, number] => [
    route,
    READING_BUDGET,
  ]),
  // The sample plan with charts, stage budgets and 执行跟踪 (actuals): every island a plan page can have.
  ['/plans/home-2014/', PLAN_BUDGET],
];

const site = useSampleSite();

interface Script {
  readonly source: string;
  readonly bytes: number;
  readonly gzip: number;
}

const measure = (source: string, text: string | Buffer): Script => {
  const body = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return { source, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
};

describe.each(PAGES)('%s', (route, budget) => {
  it(`loads at most ${budget} bytes of JavaScript (gzip), all from this site`, async () => {
    const page = await site.browser.newPage();
    const fetched: Promise<Script>[] = [];
    const foreign: string[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      const contentType = response.headers()['content-type'] ?? '';
      if (type !== 'script' && !/javascript|ecmascript|wasm/.test(contentType)) return;
      if (!response.url().startsWith(site.server.url)) foreign.push(response.url());
      fetched.push(response.body().then((body) => measure(new URL(response.url()).pathname, body)));
    });
    await page.goto(`${site.server.url}${route}`, { waitUntil: 'load' });
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')]
        .filter((s) => !s.getAttribute('type') || /module|javascript/.test(s.getAttribute('type')!))
        .map((s) => ({ text: s.textContent ?? '', hint: [...s.attributes].map((a) => a.name).join(' ') })),
    );
    const scripts = [
      ...inline.map((s, i) => measure(`inline #${i + 1}${s.hint ? ` (${s.hint})` : ''}: ${s.text.slice(0, 40).replace(/\s+/g, ' ')}…`, s.text)),
      ...(await Promise.all(fetched)),
    ];
    const total = scripts.reduce((sum, s) => ({ bytes: sum.bytes + s.bytes, gzip: sum.gzip + s.gzip }), { bytes: 0, gzip: 0 });
    console.log(
      [
        `JS on ${route}: ${scripts.length} script(s), ${total.bytes} bytes, ${total.gzip} bytes gzip (budget ${budget})`,
        ...scripts.map((s) => `  ${s.bytes} B / ${s.gzip} B gzip  ${s.source}`),
      ].join('\n'),
    );
    expect(foreign).toEqual([]);
    expect(total.gzip).toBeLessThanOrEqual(budget);
    await page.close();
  });
});
