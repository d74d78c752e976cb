/**
 * `node scripts/search-probe.ts [--dist dist] 问题1 问题2 …`: what the built site's search returns for
 * each query, top 5 (a look while tuning, in real Chromium).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, serveDir } from '../test/e2e/browser.ts';

const { values, positionals } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } }, allowPositionals: true });
const server = await serveDir(path.resolve(values.dist));
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/search/`);
  await page.waitForFunction(() => Boolean(window.opsbookSearch), undefined, { timeout: 20_000 });
  for (const q of positionals) {
    const found = await page.evaluate(async (query) => {
      const { hits, marks, plan } = await window.opsbookSearch!.search(query);
      const top = await Promise.all(hits.slice(0, 5).map(async (h) => `${(await h.summary()).title}${h.exact ? '*' : ''}`));
      const words = plan.words.map((w) => `${w.text}${w.alternatives?.length ? `(${w.alternatives.map((a) => a.text).join('/')})` : ''}`);
      return { n: hits.length, top, marks: marks.map((m) => m.text), words };
    }, q);
    console.log(`${q} {${found.words.join(' ')}} [${found.marks.join(' ')}] ${found.n}: ${found.top.join(' | ')}`);
  }
} finally {
  await browser.close();
  await server.close();
}
