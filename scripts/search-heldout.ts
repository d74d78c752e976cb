/**
 * `node scripts/search-heldout.ts [--dist dist] [--set test/fixtures/search-heldout/sample.jsonl]`: the held-out
 * search questions typed into the built site's /search/ page in real Chromium, as test/e2e/search-questions.test.ts
 * types its own; prints the share with an accepted page in the top 3, the mean reciprocal rank (first 20 results),
 * both per kind of question, and every miss. Scored on pages: a glossary entry (/glossary/#term) counts as /glossary/,
 * as the set's writer, who saw only the pages' text, named pages.
 *
 * The sets are held out: written by someone who had not seen the search code, never tuned on, and a case is
 * never edited after its result was seen (test/fixtures/search-heldout/README.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, serveDir } from '../test/e2e/browser.ts';
import { pageOf } from '../src/search/shared/measure.ts';

interface HeldOutQuestion {
  readonly q: string;
  readonly accept: readonly string[];
  readonly kind: string;
}

const SHOWN = 20;
const { values } = parseArgs({
  options: { dist: { type: 'string', default: 'dist' }, set: { type: 'string', default: 'test/fixtures/search-heldout/sample.jsonl' } },
});
const questions = readFileSync(path.resolve(values.set), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as HeldOutQuestion);

const server = await serveDir(path.resolve(values.dist));
const browser = await launchBrowser();
const results: { question: HeldOutQuestion; rank: number; top: string[] }[] = [];
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/search/`);
  await page.waitForFunction(() => Boolean(window.opsbookSearch), undefined, { timeout: 20_000 });
  for (const question of questions) {
    const input = page.locator('#search-q');
    await input.fill('');
    await input.pressSequentially(question.q, { delay: 5 });
    await input.press('Enter');
    await page.locator(`[data-search-page][data-shown="${question.q.replace(/"/g, '\\"')}"]`).waitFor({ timeout: 30_000 });
    const found = await page
      .locator('.search-results .search-hit')
      .evaluateAll((links) => links.map((a) => decodeURI(new URL((a as HTMLAnchorElement).href).pathname)));
    const shown: string[] = [];
    for (const url of found.map(pageOf)) if (!shown.includes(url)) shown.push(url);
    const wanted = new Set(question.accept.map(pageOf));
    results.push({ question, rank: shown.slice(0, SHOWN).findIndex((u) => wanted.has(u)) + 1, top: shown.slice(0, 3) });
  }
} finally {
  await browser.close();
  await server.close();
}

const score = (rows: typeof results) => ({
  n: rows.length,
  top3: rows.filter((r) => r.rank >= 1 && r.rank <= 3).length / rows.length,
  mrr: rows.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / rows.length,
});
const line = (label: string, rows: typeof results) => {
  const s = score(rows);
  return `${label.padEnd(12)} ${String(s.n).padStart(4)}  top-3 ${(s.top3 * 100).toFixed(1).padStart(5)} %  MRR ${s.mrr.toFixed(3)}`;
};
console.log(`${values.set}: ${questions.length} questions, ${path.resolve(values.dist)}`);
console.log(line('all', results));
for (const kind of [...new Set(questions.map((q) => q.kind))].sort())
  console.log(
    line(
      kind,
      results.filter((r) => r.question.kind === kind),
    ),
  );
console.log('\nNot in the top 3 (rank, question → accepted | shown):');
for (const r of results.filter((x) => !(x.rank >= 1 && x.rank <= 3)))
  console.log(`  ${r.rank || '–'}  ${r.question.q} → ${r.question.accept.join(' ')} | ${r.top.join(' ')}`);
