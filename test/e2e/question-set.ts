/**
 * Scoring search questions, for test/e2e/search-questions.test.ts and scripts/search-heldout.ts: a question
 * typed into the built site's /search/ page as a user types it, the rank of the first accepted page, top-3
 * and mean reciprocal rank, and the same questions sent to plain Pagefind (default settings) over the same
 * pages' built HTML, as a Starlight or plain-Pagefind site would answer them.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** Results read per question: a reader scrolls no further. */
export const SHOWN = 20;

export interface Score {
  readonly q: string;
  /** 1-based rank of the first accepted page among the first SHOWN, 0 when none. */
  readonly rank: number;
  readonly top: readonly string[];
}

export function summary(scores: readonly Score[]): { n: number; top3: number; mrr: number } {
  const n = scores.length;
  const top3 = n ? scores.filter((s) => s.rank >= 1 && s.rank <= 3).length / n : 0;
  const mrr = n ? scores.reduce((sum, s) => sum + (s.rank ? 1 / s.rank : 0), 0) / n : 0;
  return { n, top3, mrr };
}

/** The rank of the first accepted page in a result list, addresses compared through `key` (duplicates counted once). */
export function rankOf(found: readonly string[], accept: readonly string[], key: (url: string) => string = (u) => decodeURI(u)): number {
  const wanted = new Set(accept.map(key));
  const shown: string[] = [];
  for (const url of found.map(key)) if (!shown.includes(url)) shown.push(url);
  return shown.slice(0, SHOWN).findIndex((u) => wanted.has(u)) + 1;
}

/** Types a question into the search page's box as a user would and reads the result links (path and hash), in order. */
export async function typeQuestion(page: Page, q: string): Promise<string[]> {
  const input = page.locator('#search-q');
  await input.fill('');
  await input.pressSequentially(q, { delay: 5 });
  await input.press('Enter');
  await page.locator(`[data-search-page][data-shown="${q.replace(/"/g, '\\"')}"]`).waitFor({ timeout: 30_000 });
  return page
    .locator('.search-results .search-hit')
    .evaluateAll((links) => links.map((a) => decodeURI(new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash)));
}

/** The pages Opsbook's index holds (a glossary entry's page once), from the built site's search page. */
export async function indexedPages(page: Page): Promise<string[]> {
  return page.evaluate(async () => [...new Set((await window.opsbookSearch!.everything()).map((d) => d.url.split('#')[0]!))]);
}

/**
 * Plain Pagefind over `pages` of the built site in `dist`, queried in a page of the site served at `siteUrl`
 * (its lang makes Pagefind segment Chinese queries with Intl.Segmenter, as on a Starlight site): the first
 * SHOWN result addresses of each question.
 */
export async function plainPagefind(
  browser: Browser,
  siteUrl: string,
  dist: string,
  pages: readonly string[],
  questions: readonly string[],
): Promise<Record<string, string[]>> {
  const pagefind = await import('pagefind');
  const temp = mkdtempSync(path.join(os.tmpdir(), 'opsbook-plain-pagefind-'));
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join('; '));
    for (const url of pages) {
      const added = await index.addHTMLFile({ url, content: readFileSync(path.join(dist, decodeURI(url), 'index.html'), 'utf8') });
      if (added.errors.length) throw new Error(`plain Pagefind could not index ${url}: ${added.errors.join('; ')}`);
    }
    await index.writeFiles({ outputPath: path.join(temp, 'pagefind') });
    await pagefind.close();

    const plainPage = await browser.newPage({ bypassCSP: true });
    try {
      await plainPage.route('**/__plain/**', (r) => {
        const file = path.join(temp, decodeURIComponent(new URL(r.request().url()).pathname.replace(/^\/__plain\//, '')));
        if (!existsSync(file)) return r.fulfill({ status: 404 });
        const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
        return r.fulfill({ status: 200, body: readFileSync(file), headers: { 'content-type': type } });
      });
      await plainPage.goto(`${siteUrl}/glossary/`);
      await plainPage.addScriptTag({
        type: 'module',
        content: `import * as pf from '/__plain/pagefind/pagefind.js'; await pf.options({ baseUrl: '/' }); await pf.init(); window.plainPagefind = pf;`,
      });
      await plainPage.waitForFunction(() => Boolean((window as unknown as { plainPagefind?: unknown }).plainPagefind));
      return await plainPage.evaluate(
        async ({ qs, shown }) => {
          type Pf = { search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }> };
          const pf = (window as unknown as { plainPagefind: Pf }).plainPagefind;
          const out: Record<string, string[]> = {};
          for (const q of qs) out[q] = await Promise.all((await pf.search(q)).results.slice(0, shown).map(async (r) => (await r.data()).url));
          return out;
        },
        { qs: [...questions], shown: SHOWN },
      );
    } finally {
      await plainPage.close();
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** A question of test/fixtures/search-heldout/ (its README says who wrote them and how they are split). */
export interface SetQuestion {
  readonly q: string;
  readonly accept: readonly string[];
  readonly kind: string;
}

export const QUESTION_SETS = path.resolve('test/fixtures/search-heldout');

/** A question set by name (sample-heldout) or path (….jsonl). */
export function readQuestionSet(name: string): { name: string; questions: SetQuestion[] } {
  const file = name.endsWith('.jsonl') ? path.resolve(name) : path.join(QUESTION_SETS, `${name}.jsonl`);
  const questions = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as SetQuestion);
  return { name: path.basename(file, '.jsonl'), questions };
}

/**
 * Every question of the sets typed into the built site at `siteUrl` (`dist` on disk), and sent to plain Pagefind
 * over the same pages; scored on pages (`key`, e.g. pageOf: a glossary entry counts as /glossary/).
 */
export async function measureQuestions(
  browser: Browser,
  siteUrl: string,
  dist: string,
  questions: readonly SetQuestion[],
  key: (url: string) => string,
): Promise<{ opsbook: Map<string, Score>; plain: Map<string, Score> }> {
  const opsbook = new Map<string, Score>();
  const page = await browser.newPage();
  let pages: string[];
  try {
    await page.goto(`${siteUrl}/search/`);
    await page.waitForFunction(() => Boolean(window.opsbookSearch), undefined, { timeout: 20_000 });
    // Through the engine the search page runs (test/e2e/search-questions.test.ts types into the page itself and
    // holds the page to showing the engine's results in order): a second per question less.
    const unique = [...new Set(questions.map((q) => q.q))];
    const founds = await page.evaluate(async (qs) => {
      const out: string[][] = [];
      for (const q of qs)
        out.push((await window.opsbookSearch!.urls(q)).map((u) => decodeURI(new URL(u, location.href).pathname + new URL(u, location.href).hash)));
      return out;
    }, unique);
    const byQuestion = new Map(unique.map((q, i) => [q, founds[i]!] as const));
    for (const question of questions) {
      const found = byQuestion.get(question.q)!;
      opsbook.set(question.q, { q: question.q, rank: rankOf(found, question.accept, key), top: [...new Set(found.map(key))].slice(0, 3) });
    }
    pages = await indexedPages(page);
  } finally {
    await page.close();
  }
  const plainFound = await plainPagefind(
    browser,
    siteUrl,
    dist,
    pages,
    questions.map((q) => q.q),
  );
  const plain = new Map(
    questions.map(
      (q) => [q.q, { q: q.q, rank: rankOf(plainFound[q.q] ?? [], q.accept, key), top: [...new Set((plainFound[q.q] ?? []).map(key))].slice(0, 3) }] as const,
    ),
  );
  return { opsbook, plain };
}
