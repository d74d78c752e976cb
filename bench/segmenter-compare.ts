/**
 * Query segmentation for the browser search: which segmenter keeps an operations person's trade words
 * whole, how fast, and at what download cost. Compares, on bench/segmenter-gold.jsonl (queries as typed
 * into the search box, each with the words that must come out whole):
 *
 *   1. ICU alone: Intl.Segmenter('zh', { granularity: 'word' }), built into every browser;
 *   2. ICU + lexicon: Opsbook's lexicon as user dictionary (Lexicon.cut, longest match), ICU on the gaps:
 *      the segmentation src/search/shared/text.ts runWords starts from;
 *   3. jieba-wasm alone: cut(run, hmm = true), jieba's default dictionary;
 *   4. jieba-wasm + lexicon: the same after add_word(spelling) for every lexicon spelling the lexicon's cut
 *      can use (a Chinese run of two characters or more), frequency left to jieba (it suggests one that
 *      keeps the word whole).
 * plus, for reference, the words the engine actually searches (planQuery: 2, then filler words dropped and
 * lone characters joined to a neighbour).
 *
 * A required word is kept whole when one segment equals it exactly. Every method segments the same folded
 * Chinese runs (fold, parts from src/search/shared/text.ts). Timing is warm (after warm-up passes), Node,
 * segmentation only (the query is folded beforehand). jieba-wasm is not a project dependency: install it
 * elsewhere and pass its folder.
 *
 *   mkdir -p /tmp/segbench && cd /tmp/segbench && npm init -y && npm install jieba-wasm
 *   node bench/segmenter-compare.ts --jieba /tmp/segbench/node_modules/jieba-wasm
 *   JIEBA_WASM=/tmp/segbench/node_modules/jieba-wasm node bench/segmenter-compare.ts --no-md
 *
 * Prints a table and writes bench/segmenter-compare.md (--md to write elsewhere, --no-md not at all).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { lexiconGroups, readLexicon } from '../src/search/build/lexicon.ts';
import { Lexicon } from '../src/search/shared/lexicon.ts';
import { fold, parts, planQuery } from '../src/search/shared/text.ts';

const { values: options } = parseArgs({
  options: {
    jieba: { type: 'string', default: process.env.JIEBA_WASM },
    gold: { type: 'string', default: 'bench/segmenter-gold.jsonl' },
    rounds: { type: 'string', default: '100' },
    md: { type: 'string', default: 'bench/segmenter-compare.md' },
    'no-md': { type: 'boolean', default: false },
    date: { type: 'string', default: new Date().toISOString().slice(0, 10) },
  },
});
if (!options.jieba) {
  console.error('Pass the jieba-wasm package folder: --jieba /tmp/segbench/node_modules/jieba-wasm (or JIEBA_WASM=…)');
  process.exit(2);
}
const jiebaDir = path.resolve(options.jieba);
const rounds = Number(options.rounds);

/** The first search query may download this much in total… */
const BUDGET = 300 * 1024;
/** …of which the index of a 5,000-SOP handbook takes about this much. */
const INDEX = 276 * 1024;

// ─── gold set ───

interface Gold {
  readonly q: string;
  readonly whole: readonly string[];
}
const gold: Gold[] = readFileSync(options.gold, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Gold);
for (const g of gold) for (const w of g.whole) if (!g.q.includes(w)) throw new Error(`${options.gold}: ${g.q} does not hold ${w}`);

const groups = lexiconGroups(readLexicon(), { enabled: true, off: [] });
const lexicon = new Lexicon(groups);
/** Whether the lexicon holds a required word: the words the lexicon could favour, the rest the ones it cannot. */
const inLexicon = (word: string) => lexicon.has(fold(word));
const queryClass = (g: Gold) => (g.whole.every(inLexicon) ? 'lexicon' : g.whole.some(inLexicon) ? 'mixed' : 'common');

// ─── segmenters ───

type Segment = (run: string) => string[];

const icu = new Intl.Segmenter('zh', { granularity: 'word' });
const icuSegment: Segment = (run) => Array.from(icu.segment(run), (s) => s.segment);
const lexiconSegment: Segment = (run) => lexicon.cut(run).flatMap((piece) => (piece.known ? [piece.text] : icuSegment(piece.text)));

interface Jieba {
  cut(text: string, hmm?: boolean | null): string[];
  add_word(word: string, freq?: number | null, tag?: string | null): number;
}
const jiebaMain = path.join(jiebaDir, 'pkg/nodejs/jieba_rs_wasm.js');
let started = performance.now();
const jieba = createRequire(import.meta.url)(jiebaMain) as Jieba;
const jiebaLoadMs = performance.now() - started;
started = performance.now();
jieba.cut('直通车花多少钱', true); // the default dictionary is built on first use
const jiebaFirstCutMs = performance.now() - started;
const jiebaSegment: Segment = (run) => jieba.cut(run, true);

/** A folded query's words by a segmenter: its Chinese runs segmented, other words as they are. */
const words = (folded: string, segment: Segment) => parts(folded).flatMap((p) => (p.kind === 'cjk' ? segment(p.text) : [p.text]));

// ─── scoring ───

interface Result {
  readonly name: string;
  readonly words: number;
  readonly whole: number;
  readonly wholeLexicon: number;
  readonly wordsLexicon: number;
  readonly wholeOther: number;
  readonly wordsOther: number;
  readonly queriesAll: number;
  readonly byClass: Record<string, { all: number; of: number }>;
  readonly usPerQuery?: number;
  readonly bytes: string;
  readonly fits: string;
  readonly misses: string[];
  readonly cuts: string[][];
}

const folded = gold.map((g) => fold(g.q));

/**
 * Microseconds per query, warm: the median of 7 batches of `rounds` passes over the gold set, after 20 passes of warm-up.
 * Process CPU time (user + system), not wall time: on a shared machine wall time mostly measures the other processes.
 */
function timeIt(segment: Segment): number {
  for (let i = 0; i < 20; i++) for (const q of folded) words(q, segment);
  const batches: number[] = [];
  for (let b = 0; b < 7; b++) {
    const t0 = process.cpuUsage();
    for (let r = 0; r < rounds; r++) for (const q of folded) words(q, segment);
    const t = process.cpuUsage(t0);
    batches.push((t.user + t.system) / (rounds * folded.length));
  }
  return batches.sort((a, b) => a - b)[3]!;
}

function score(name: string, cutsOf: (q: string) => string[], bytes: string, fits: string, usPerQuery?: number): Result {
  let all = 0;
  let whole = 0;
  const counts = { wholeLexicon: 0, wordsLexicon: 0, wholeOther: 0, wordsOther: 0 };
  const byClass: Record<string, { all: number; of: number }> = {};
  const misses: string[] = [];
  const cuts = folded.map(cutsOf);
  gold.forEach((g, i) => {
    const segments = new Set(cuts[i]);
    const kept = g.whole.map((w) => segments.has(fold(w)));
    const k = kept.filter(Boolean).length;
    whole += k;
    g.whole.forEach((w, j) => {
      if (inLexicon(w)) {
        counts.wordsLexicon++;
        if (kept[j]) counts.wholeLexicon++;
      } else {
        counts.wordsOther++;
        if (kept[j]) counts.wholeOther++;
      }
    });
    const c = (byClass[queryClass(g)] ??= { all: 0, of: 0 });
    c.of++;
    if (k === g.whole.length) {
      all++;
      c.all++;
    } else misses.push(`${g.q} → ${cuts[i]!.join('/')} (missed: ${g.whole.filter((_, j) => !kept[j]).join(', ')})`);
  });
  const words = gold.reduce((n, g) => n + g.whole.length, 0);
  return { name, words, whole, ...counts, queriesAll: all, byClass, usPerQuery, bytes, fits, misses, cuts };
}

// ─── bytes a browser downloads ───

const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;
const br = (data: string | Buffer) => brotliCompressSync(data, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const lexiconJson = JSON.stringify(groups);
const lexiconGz = gz(lexiconJson);
const lexiconBr = br(lexiconJson);
const jiebaWeb = ['pkg/web/jieba_rs_wasm.js', 'pkg/web/jieba_rs_wasm_bg.wasm'].map((f) => readFileSync(path.join(jiebaDir, f)));
const jiebaRaw = jiebaWeb.reduce((n, b) => n + b.length, 0);
const jiebaGz = jiebaWeb.reduce((n, b) => n + gz(b), 0);
const jiebaBr = jiebaWeb.reduce((n, b) => n + br(b), 0);
const jiebaVersion = (JSON.parse(readFileSync(path.join(jiebaDir, 'package.json'), 'utf8')) as { version: string }).version;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const fits = (n: number) =>
  INDEX + n <= BUDGET ? `yes (${kb(INDEX + n)})` : `no (${kb(INDEX + n)}, ${(((INDEX + n) / BUDGET) * 100).toFixed(0)} % of budget)`;

// ─── run (jieba without user words first: add_word changes its one global dictionary) ───

const results: Result[] = [];
results.push(score('1. ICU alone', (q) => words(q, icuSegment), '0', fits(0), timeIt(icuSegment)));
results.push(
  score(
    '2. ICU + lexicon (Lexicon.cut, ICU on the gaps)',
    (q) => words(q, lexiconSegment),
    `${lexiconGz.toLocaleString('en')} B (${kb(lexiconGz)})`,
    fits(lexiconGz),
    timeIt(lexiconSegment),
  ),
);
results.push(
  score(
    `3. jieba-wasm ${jiebaVersion} alone (HMM)`,
    (q) => words(q, jiebaSegment),
    `${jiebaGz.toLocaleString('en')} B (${kb(jiebaGz)})`,
    fits(jiebaGz),
    timeIt(jiebaSegment),
  ),
);
const userWords = [...new Set(groups.flat())].filter(
  (s) => [...s].length >= 2 && parts(s).length === 1 && parts(s)[0]!.kind === 'cjk' && parts(s)[0]!.text === s,
);
started = performance.now();
for (const w of userWords) jieba.add_word(w);
const addWordMs = performance.now() - started;
results.push(
  score(
    `4. jieba-wasm + lexicon (add_word × ${userWords.length})`,
    (q) => words(q, jiebaSegment),
    `${(jiebaGz + lexiconGz).toLocaleString('en')} B (${kb(jiebaGz + lexiconGz)})`,
    fits(jiebaGz + lexiconGz),
    timeIt(jiebaSegment),
  ),
);
const engine = score(
  'ref. engine words (planQuery: 2, filler dropped, lone characters joined)',
  (q) => planQuery(q, new Set(), lexicon).words.map((w) => w.text),
  'as 2',
  'as 2',
);

// ─── report ───

const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)} %` : '—');
const header = [
  '| method | words whole (recall) | lexicon words | other words | queries all whole | lexicon-only q | mixed q | common q | µs/query (warm) | browser download (gzip) | fits 300 KB with 276 KB index |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];
const row = (r: Result) =>
  `| ${r.name} | ${r.whole}/${r.words} = ${pct(r.whole, r.words)} | ${pct(r.wholeLexicon, r.wordsLexicon)} | ${pct(r.wholeOther, r.wordsOther)} | ${r.queriesAll}/${gold.length} = ${pct(r.queriesAll, gold.length)} | ${['lexicon', 'mixed', 'common'].map((c) => `${r.byClass[c]?.all ?? 0}/${r.byClass[c]?.of ?? 0}`).join(' | ')} | ${r.usPerQuery === undefined ? '—' : r.usPerQuery.toFixed(1)} | ${r.bytes} | ${r.fits} |`;
const table = [...header, ...results.map(row), row(engine)].join('\n');

const classes = ['lexicon', 'mixed', 'common'].map((c) => `${gold.filter((g) => queryClass(g) === c).length} ${c}`).join(', ');
const wordsIn = gold.flatMap((g) => g.whole).filter(inLexicon).length;
const wordsAll = gold.reduce((n, g) => n + g.whole.length, 0);
const setup = [
  `Gold set: ${gold.length} queries (${classes}: lexicon = every required word is a lexicon spelling, common = none is), ${wordsAll} required words (${wordsIn} in the lexicon, ${wordsAll - wordsIn} not).`,
  `Lexicon: ${groups.length} groups, ${groups.flat().length} spellings; JSON.stringify(groups) ${Buffer.byteLength(lexiconJson).toLocaleString('en')} B, gzip ${lexiconGz.toLocaleString('en')} B, brotli ${lexiconBr.toLocaleString('en')} B.`,
  `jieba-wasm ${jiebaVersion} web build (jieba_rs_wasm.js + jieba_rs_wasm_bg.wasm, dictionary inside the .wasm): ${jiebaRaw.toLocaleString('en')} B raw, gzip ${jiebaGz.toLocaleString('en')} B, brotli ${jiebaBr.toLocaleString('en')} B.`,
  `jieba-wasm cold start in Node: require (compile the wasm) ${jiebaLoadMs.toFixed(0)} ms, first cut (builds the default dictionary) ${jiebaFirstCutMs.toFixed(0)} ms; add_word of ${userWords.length} lexicon spellings ${addWordMs.toFixed(1)} ms.`,
  `Node ${process.versions.node}, ICU ${process.versions.icu}; time per query: process CPU time, median of 7 batches of ${rounds} passes over the gold set, after 20 warm-up passes.`,
];

console.log(setup.join('\n'));
console.log();
console.log(table);
for (const r of [...results, engine]) {
  console.log(`\n${r.name}: ${r.misses.length} queries with a word not whole`);
  for (const m of r.misses) console.log(`  ${m}`);
}

if (!options['no-md']) {
  // The conclusion is written by hand between the markers: a rerun keeps it.
  const previous = existsSync(options.md) ? readFileSync(options.md, 'utf8') : '';
  const conclusion = /<!-- conclusion -->[\s\S]*?<!-- \/conclusion -->/.exec(previous)?.[0] ?? '<!-- conclusion -->\n<!-- /conclusion -->';
  const command = `node bench/segmenter-compare.ts --jieba ${options.jieba}`;
  const misses = [...results, engine]
    .map((r) => [`### ${r.name}: ${r.misses.length} queries with a word not whole`, '', ...r.misses.map((m) => `- ${m}`)].join('\n'))
    .join('\n\n');
  const gloss = (g: Gold) => `- ${g.q}: ${g.whole.map((w) => (inLexicon(w) ? `**${w}**` : w)).join(', ')}`;
  const byClass = (['lexicon', 'mixed', 'common'] as const)
    .map((c) => {
      const of = gold.filter((g) => queryClass(g) === c);
      return [`### ${c} (${of.length} queries)`, '', ...of.map(gloss)].join('\n');
    })
    .join('\n\n');
  const md = `# Query segmentation: ICU, ICU + lexicon, jieba-wasm

Date: ${options.date}

Command (from the worktree root; jieba-wasm installed outside the project, \`npm install jieba-wasm\` in /tmp/segbench):

\`\`\`
PATH=$PWD/node_modules/.bin:$PATH ${command}
\`\`\`

${setup.map((s) => `- ${s}`).join('\n')}

A required word counts as whole when one segment equals it. Browser download: what the first search query
would fetch for segmentation (ICU ships with the browser). Budget: 300 KB for the first query, about 276 KB of it
the index of a 5,000-SOP handbook, so about ${kb(BUDGET - INDEX)} are left.

${table}

${conclusion}

## Queries with a required word not whole

${misses}

## The gold set by class

Required words in **bold** are lexicon spellings; the others are not in the lexicon.

${byClass}
`;
  writeFileSync(options.md, md);
  console.log(`\nwrote ${options.md}`);
}
