/**
 * `node scripts/search-heldout.ts [--dist dist] [--set sample-tune] [--set sample-heldout] … [--misses]`: the
 * question sets of test/fixtures/search-heldout/ typed into a built site's /search/ page in real Chromium (as
 * test/e2e/search-questions.test.ts types its own), and sent to plain Pagefind over the same pages; prints, per
 * set and per kind of question, the share with an accepted page in the top 3 and the mean reciprocal rank
 * (first 20 results), Opsbook beside plain Pagefind. Scored on pages: a glossary entry (/glossary/#term)
 * counts as /glossary/, as the sets' writers, who saw only the pages' text, named pages.
 *
 * The misses are printed for the tuning halves (`*-tune`) only, unless --misses: the held-out halves are
 * measured, never looked into while tuning, and a case is never edited after its result was seen
 * (test/fixtures/search-heldout/README.md).
 *
 *   npm run build && node scripts/search-heldout.ts --set sample-tune --set sample-heldout
 *   OPSBOOK_CONTENT=test/fixtures/seed-handbook OPSBOOK_DIST=/tmp/seed-dist npm run build
 *   node scripts/search-heldout.ts --dist /tmp/seed-dist --set seed-tune --set seed-heldout
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, serveDir } from '../test/e2e/browser.ts';
import { measureQuestions, readQuestionSet, summary, type SetQuestion } from '../test/e2e/question-set.ts';
import { pageOf } from '../src/search/shared/measure.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    set: { type: 'string', multiple: true, default: ['sample-tune', 'sample-heldout'] },
    misses: { type: 'boolean', default: false },
    /** Also list the questions answered at rank 2 or 3 (of the tuning halves, or all with --misses). */
    ranks: { type: 'boolean', default: false },
  },
});
const sets = values.set.map(readQuestionSet);
const dist = path.resolve(values.dist);
const server = await serveDir(dist);
const browser = await launchBrowser();
let measured: Awaited<ReturnType<typeof measureQuestions>>;
try {
  measured = await measureQuestions(
    browser,
    server.url,
    dist,
    sets.flatMap((s) => s.questions),
    pageOf,
  );
} finally {
  await browser.close();
  await server.close();
}
const { opsbook, plain } = measured;

const percent = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;
const row = (label: string, questions: readonly SetQuestion[]) => {
  const o = summary(questions.map((q) => opsbook.get(q.q)!));
  const p = summary(questions.map((q) => plain.get(q.q)!));
  return `  ${label.padEnd(12)} ${String(o.n).padStart(4)}   ${percent(o.top3)}  ${o.mrr.toFixed(3)}   ${percent(p.top3)}  ${p.mrr.toFixed(3)}`;
};
console.log(`${dist}`);
for (const { name, questions } of sets) {
  console.log(`\n${name}: ${questions.length} questions        Opsbook top-3  MRR   plain Pagefind top-3  MRR`);
  console.log(row('all', questions));
  for (const kind of [...new Set(questions.map((q) => q.kind))].sort())
    console.log(
      row(
        kind,
        questions.filter((q) => q.kind === kind),
      ),
    );
  if (name.endsWith('-tune') || values.misses) {
    const missed = questions.filter((q) => !(opsbook.get(q.q)!.rank >= 1 && opsbook.get(q.q)!.rank <= (values.ranks ? 1 : 3)));
    if (missed.length) console.log(`  not ${values.ranks ? 'first' : 'in the top 3'} (rank, question → accepted | shown):`);
    for (const q of missed) {
      const s = opsbook.get(q.q)!;
      console.log(`    ${s.rank || '–'}  ${q.q} → ${q.accept.join(' ')} | ${s.top.join(' ')}`);
    }
  }
}
