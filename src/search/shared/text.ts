/**
 * How search sees text, the same at index time (Node) and at query time (the
 * browser): one module, so the two cannot drift apart.
 *
 * - fold: paste noise removed (運(yùn)營 → 運營), NFKC (full-width letters and digits), Traditional → Simplified with
 *   opencc-js (its `tw → cn` chain, phrase-level), lower case. 運營 and 运营
 *   fold to the same string.
 * - tokens: Chinese (and Japanese, Korean) runs become overlapping character
 *   bigrams (运营总监 → 运营 营总 总监), a one-character run stays itself;
 *   Latin/digit words stay words. Bigrams, unlike dictionary words, do not
 *   depend on how a segmenter cut the surrounding sentence: any two adjacent
 *   characters of the page are a token, so any 2-character query is found, and
 *   a longer one is the exact phrase of its bigrams. This is what fixes
 *   Pagefind issues #1237 and #987 (index-time and query-time segmenters disagree).
 * - keys: one opaque token per exact name (an SOP's title, a term and each
 *   alias), so that a query equal to a name finds that entry first. Keys start
 *   with a Traditional character that folding never produces, so no typed
 *   query can reach them but the name's own.
 *
 * Pure apart from opencc-js (loaded with its Traditional → Simplified tables only).
 */
import { cleanPasted } from '../../domain/pasted-text.ts';
import { traditionalToSimplified as toSimplified } from '../../domain/to-simplified.ts';
import { Lexicon } from './lexicon.ts';

/**
 * The spelling-insensitive form of a text: paste noise removed (pinyin annotations, invisible characters,
 * spaces between single characters: src/domain/pasted-text.ts), NFKC, Simplified script, lower case.
 * Keeps length in the common case.
 */
export function fold(text: string): string {
  return toSimplified(cleanPasted(text).normalize('NFKC')).toLowerCase();
}

/** Scripts written without spaces between words: indexed as bigrams. */
const CJK_CLASS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3005\\u30FC]';
export const CJK = new RegExp(CJK_CLASS, 'u');
/** A CJK run, or a run of other letters and digits (a word). */
const PART = new RegExp(`(${CJK_CLASS}+)|((?:(?!${CJK_CLASS})[\\p{L}\\p{N}\\p{M}])+)`, 'gu');

export type Part = { readonly kind: 'cjk'; readonly text: string } | { readonly kind: 'word'; readonly text: string };

/** The runs of an already folded text: CJK runs and words; everything else (spaces, punctuation) separates. */
export function parts(folded: string): Part[] {
  const out: Part[] = [];
  for (const m of folded.matchAll(PART)) out.push(m[1] ? { kind: 'cjk', text: m[1] } : { kind: 'word', text: m[2]! });
  return out;
}

/** Overlapping character pairs of a run; a one-character run is its own token. */
export function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

function partTokens(part: Part): string[] {
  return part.kind === 'cjk' ? bigrams(part.text) : [part.text];
}

/** The tokens Pagefind indexes for a text, space-separated, in reading order. */
export function indexTokens(text: string): string {
  return parts(fold(text)).flatMap(partTokens).join(' ');
}

/** The name of an entry as a query would write it: folded, letters and digits only. */
export function nameKey(name: string): string {
  return parts(fold(name))
    .map((p) => p.text)
    .join('');
}

/**
 * A spelling as the lexicon holds it (src/search/shared/lexicon.ts): folded, its words separated by one space
 * (淘寶 直通車 → 淘宝 直通车). The build writes the lexicon's spellings so; the browser adds the glossary's so.
 */
export function lexiconKey(spelling: string): string {
  return parts(fold(spelling))
    .map((p) => p.text)
    .join(' ');
}

/** cyrb53: a fast 53-bit string hash (public domain), as base 36. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * 鍵 (Traditional for 键): folding turns any typed 鍵 into 键, so no folded word holds it and no query
 * word but a single character is a prefix of a name key.
 */
const NAME_KEY_PREFIX = '鍵';
/** 術 (Traditional for 术): the token a page carries once for every use of a glossary term. */
const TERM_USE_PREFIX = '術';

/**
 * Pagefind keeps its index in chunks of alphabetically sorted words, so a special token is best
 * placed beside the words a query for its name fetches anyway.
 * - A term's use tokens (a few per term) follow its first token: 直通術… lies in the chunk of 直通.
 * - A name key (one per title) follows only the name's first character: 直鍵…. Pagefind matches
 *   query words by prefix, so keys after 直通 would be read by every query for 直通, and for a
 *   common bigram they would spread its words over several chunks, each one more request.
 */
function lead(name: string): string {
  const first = parts(fold(name))[0];
  return first ? (first.kind === 'cjk' ? bigrams(first.text)[0]! : first.text) : '';
}
const firstCharacter = (name: string) => [...lead(name)][0] ?? '';

/** The index token of an exact name, or undefined for a name with no letters or digits. */
export function nameToken(name: string): string | undefined {
  const key = nameKey(name);
  return key ? firstCharacter(name) + NAME_KEY_PREFIX + hash53(key) : undefined;
}

/** The index token that marks a use of a glossary term (any of its spellings). */
export function termUseToken(term: string): string {
  return lead(term) + TERM_USE_PREFIX + hash53(nameKey(term) || term);
}

/**
 * Pagefind scores every page that holds a query token, so a bigram found in most pages (大促 in a
 * handbook of promotion SOPs) makes a query slow while it adds almost nothing to the ranking (its
 * inverse document frequency is near 0). Inside a phrase such a bigram can be left out of the
 * ranking search: the phrase search still requires it, so the results are the same pages.
 */
export const COMMON_BIGRAM = {
  /** In at least this share of the records… */
  share: 0.25,
  /** …and of at least this many: a small handbook searches fast and ranks by every bigram. */
  minRecords: 250,
} as const;

/** The bigrams common enough to leave out of ranking, from how many records hold each (sorted). */
export function commonBigrams(recordsHolding: ReadonlyMap<string, number>, records: number): string[] {
  const min = Math.max(COMMON_BIGRAM.minRecords, Math.ceil(records * COMMON_BIGRAM.share));
  return [...recordsHolding]
    .filter(([token, n]) => n >= min && CJK.test(token) && [...token].length === 2)
    .map(([token]) => token)
    .sort();
}

/**
 * Question and filler words: a query's words less these are what it asks about (怎么退款 → 退款).
 * Checked on the folded query after segmentation, so Traditional (怎麼) is covered; a query made of
 * nothing else keeps them (什么 alone is still searched).
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  // how, what, which, when, why, who, where
  '怎么',
  '怎样',
  '怎么样',
  '怎么办',
  '如何',
  '什么',
  '什么样',
  '什么时候',
  '何时',
  '哪些',
  // asking for a list (LIST_WORDS in rank.ts reads them first)
  '所有',
  '全部',
  '列表',
  '一共',
  '几个',
  '多少个',
  '都有',
  '一览',
  '哪个',
  '哪里',
  '哪儿',
  '哪',
  '哪家',
  '多久',
  '几时',
  '为什么',
  '为何',
  '谁',
  // particles and politeness
  '吗',
  '呢',
  '吧',
  '啊',
  '呀',
  '了',
  '的',
  '地',
  '得',
  '着',
  '过',
  '请问',
  '请',
  '一下',
  '麻烦',
  '想',
  '想要',
  '要',
  '需要',
  '应该',
  '该',
  '能',
  '能否',
  '可以',
  '可否',
  '是',
  '是否',
  '有没有',
  '有',
  '没有',
  // pronouns and glue
  '我',
  '我们',
  '你',
  '你们',
  '他',
  '她',
  '它',
  '这',
  '那',
  '这个',
  '那个',
  '和',
  '与',
  '及',
  '或',
  '还是',
  '在',
  '把',
  '被',
  '给',
  '对',
  '用',
  '做',
  '去',
  // "the procedure / the steps": every SOP is one, so they say nothing about which
  '流程',
  '步骤',
  '方法',
  '办法',
  '规定',
  '做法',
]);

/** The filler words of two characters or more, cut whole before the platform's segmenter sees the run. */
const CUT_FILLER: ReadonlySet<string> = new Set([...FILLER_WORDS].filter((w) => [...w].length >= 2));

/** A word of the query: the page must hold all its tokens (a 3+ character word's bigrams overlap, so they spell it out). */
export interface QueryWord {
  readonly kind: 'cjk' | 'word';
  /** Folded. */
  readonly text: string;
  /** Index tokens: bigrams (one character for a one-character word), or the Latin word itself. */
  readonly tokens: readonly string[];
  /**
   * For a word a single character was joined to (直通 + 车), the dictionary word's tokens: what the
   * page must hold when none holds the whole (例会 for 例会讲).
   */
  readonly core?: readonly string[];
  /** A one-character word standing alone between filler words: searched only when the query has nothing better. */
  readonly weak?: boolean;
  /** Other spellings of the word (退款 for 退钱, 直通车 for ztc: src/search/shared/lexicon.ts): a page holding one holds the word, with less weight. */
  readonly alternatives?: readonly QueryWord[];
}

/** Syllables indexed from each start within a run, at most: a typed pinyin query is rarely longer. */
const PINYIN_SPAN = 8;

/**
 * The pinyin tokens of a name, from its runs' syllables (src/search/build/pinyin.ts): from every
 * character on, the full pinyin and the initials (直通车日常优化 → zhitongcherichangyouhua …, tongche…,
 * ztcrcyh, tcrcyh …). Pagefind matches a query word as a prefix, so tuikuan finds 急退款与发票处理
 * (jituikuan… → tuikuan…), ztc finds 直通车日常优化 and tk finds 退款; `tui kuan` finds it too (tui…, kuan…).
 */
export function pinyinTokens(runs: readonly (readonly string[])[]): string[] {
  const out = new Set<string>();
  for (const run of runs) {
    for (let i = 0; i < run.length; i++) {
      const span = run.slice(i, i + PINYIN_SPAN);
      out.add(span.join('') + PINYIN_END);
      if (span.length >= 2) out.add(span.map((s) => s[0]).join('') + PINYIN_END);
    }
  }
  return [...out];
}

/**
 * The last letter of every pinyin token. Pagefind matches a query word as a prefix only when no indexed word
 * equals it: a term 中差评 indexed as chaping would keep chaping from finding 中差评处理 (chapingchuli). No
 * syllable ends in q, and nobody types it after one, so no pinyin token equals a typed word.
 */
export const PINYIN_END = 'q';

/** Pinyin of filler words (zenme in "chaping zenme chuli"): left out of a query of other words, like the characters. */
export const PINYIN_FILLER: ReadonlySet<string> = new Set([
  'zenme',
  'zenmeban',
  'zenmeyang',
  'ruhe',
  'shenme',
  'shenmeshihou',
  'naxie',
  'nali',
  'weishenme',
  'qingwen',
  'yixia',
]);

/** The whole-name pinyin keys of a name (full and initials), for exact naming: 直通车 → zhitongche, ztc. */
export function pinyinKeys(runs: readonly (readonly string[])[]): string[] {
  const all = runs.flat();
  if (!all.length) return [];
  const keys = [all.join('')];
  if (all.length >= 2) keys.push(all.map((s) => s[0]).join(''));
  return keys;
}

/** A query, ready for Pagefind. */
export interface QueryPlan {
  /** The folded runs and words of the query. */
  readonly parts: readonly Part[];
  /** What the query asks about, in order (filler words left out). */
  readonly words: readonly QueryWord[];
  /** Filler words left out. */
  readonly dropped: readonly string[];
  /** One quoted phrase per run of kept Chinese words of 3+ characters: a page holding it ranks first. */
  readonly phrases: readonly string[];
  /**
   * What ranks the pages holding the phrases (Pagefind scores a phrase search 1 for every page): the
   * phrases' bigrams less the common ones (commonBigrams: the phrase search still requires them) and the
   * words outside the phrases, ANDed. Empty without phrases.
   */
  readonly ranker: string;
  /** What results mark: the kept words. */
  readonly marks: readonly Part[];
  /** Every token the query searches, space-separated (empty when the query has no letters). */
  readonly main: string;
  /** The name key of the whole query (see nameToken). */
  readonly nameToken?: string;
}

let segmenter: Intl.Segmenter | undefined;
/** The words of a Chinese run, by the platform's ICU dictionary (Intl.Segmenter: Node and every browser have it). */
function segment(run: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(run)].map((s) => s.segment);
}

/**
 * The words of one Chinese run. ICU cuts out-of-dictionary words into single characters (售后 → 售 后,
 * 中差评 → 中 差 评): consecutive single characters are joined again, and a single character next to a
 * word joins it (直通 车 → 直通车), so a word is never a lone character a page only holds inside a bigram.
 * Filler words split the run.
 */
interface QueryWordText {
  readonly text: string;
  /** The dictionary word a single character was joined to. */
  readonly core?: string;
}

function runWords(run: string, dropped: string[], lexicon: Lexicon): { words: QueryWordText[][] } {
  const groups: { text: string; known: boolean }[][] = [[]];
  // Lexicon words first (直通车 stays whole in 直通车花多少钱), the platform's segmenter between them.
  // A single character the segmenter leaves alone is a word of its own when the lexicon has it (亲 for 买家).
  const segments = lexicon
    .cut(run, CUT_FILLER)
    .flatMap((piece) =>
      piece.known
        ? [{ text: piece.text, known: lexicon.has(piece.text) }]
        : segment(piece.text).map((text) => ({ text, known: [...text].length === 1 && lexicon.has(text) })),
    );
  for (const seg of segments) {
    if (FILLER_WORDS.has(seg.text)) {
      dropped.push(seg.text);
      if (groups[groups.length - 1]!.length) groups.push([]);
    } else groups[groups.length - 1]!.push(seg);
  }
  const words = groups
    .filter((g) => g.length)
    .map((segs) => {
      // Consecutive single characters, grouped: two or more make a word; one joins the word before it, unless
      // that is a lexicon word (客服 + 第 would make 客服第), else the word after it (试 + 运营), or stays alone.
      const pieces: { text: string; single: boolean; known: boolean }[] = [];
      for (const seg of segs) {
        const last = pieces[pieces.length - 1];
        if ([...seg.text].length === 1 && !seg.known && last?.single && !last.known) last.text += seg.text;
        else pieces.push({ text: seg.text, single: [...seg.text].length === 1, known: seg.known });
      }
      const out: (QueryWordText & { known?: boolean })[] = [];
      for (let i = 0; i < pieces.length; i++) {
        const piece = pieces[i]!;
        const previous = out[out.length - 1];
        const next = pieces[i + 1];
        if (!piece.single || [...piece.text].length > 1 || piece.known) out.push({ text: piece.text, known: piece.known });
        else if (previous && !previous.known) out[out.length - 1] = { text: previous.text + piece.text, core: previous.core ?? previous.text };
        else if (next) {
          // Before a lexicon word too (试 + 运营 is 试运营), which stays its core: 客服 + 第 never makes 客服第.
          out.push({ text: piece.text + next.text, core: next.text, known: false });
          i++;
        } else out.push({ text: piece.text });
      }
      return out.map(({ text, core }) => (core ? { text, core } : { text }));
    });
  return { words };
}

/**
 * `common`: bigrams that need no search of their own inside a longer word (see commonBigrams);
 * `lexicon`: the words kept whole when segmenting and the other spellings of each word.
 */
export function planQuery(query: string, common: ReadonlySet<string> = new Set(), lexicon: Lexicon = Lexicon.EMPTY): QueryPlan {
  const { rest, months } = monthWords(fold(query));
  const ps = parts(rest);
  const plan = (useFiller: boolean) => {
    const words: QueryWord[] = [];
    const dropped: string[] = [];
    const phrases: string[] = [];
    const ranker: string[] = [];
    for (const part of ps) {
      if (part.kind === 'word') {
        if (useFiller && PINYIN_FILLER.has(part.text) && ps.length > 1) {
          dropped.push(part.text);
          continue;
        }
        words.push(withAlternatives({ kind: 'word', text: part.text, tokens: [part.text] }, lexicon, common));
        ranker.push(part.text);
        continue;
      }
      const groups = useFiller ? runWords(part.text, dropped, lexicon).words : [[{ text: part.text }]];
      for (const group of groups) {
        const run = group.map((w) => w.text).join('');
        const lone = group.length === 1 && [...run].length === 1;
        if ([...run].length >= 3) {
          phrases.push(`"${bigrams(run).join(' ')}"`);
          ranker.push(...wordTokens(run, common));
        } else if (!lone) ranker.push(...bigrams(run)); // a lone character is left out when there are other words
        for (const w of group) {
          const single = [...w.text].length === 1;
          // A single character the lexicon knows (亲) means its other spellings; as a token it would match every word it starts.
          const known = single && lexicon.has(w.text);
          words.push(
            withAlternatives(
              {
                kind: 'cjk',
                text: w.text,
                tokens: known ? [] : wordTokens(w.text, common),
                ...(w.core ? { core: wordTokens(w.core, common) } : {}),
                // A lone character, or one the joining left alone between lexicon words: found inside every word it starts.
                ...((lone || single) && !known ? { weak: true } : {}),
              },
              lexicon,
              common,
              w.core,
            ),
          );
        }
      }
    }
    words.push(...months.map((m): QueryWord => ({ kind: 'word', text: m, tokens: [m] })));
    return { words, dropped, phrases, ranker: phrases.length ? [...new Set(ranker)].join(' ') : '' };
  };
  let p = plan(true);
  // Only filler words (什么, 流程): search them after all.
  if (!p.words.length && p.dropped.length) p = plan(false);
  // Lone characters only when nothing else is asked.
  const words = p.words.some((w) => !w.weak) ? p.words.filter((w) => !w.weak) : p.words;
  const marks: Part[] = words.map((w) => ({ kind: w.kind, text: w.text }));
  const main = [...new Set(words.flatMap((w) => w.tokens))].join(' ');
  return { parts: ps, words, dropped: p.dropped, phrases: p.phrases, ranker: p.ranker, marks, main, nameToken: nameToken(query) };
}

const CHINESE_MONTH: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
/** A month as people write it: 8月, 08月份, 八月, 十一月, 3yue. */
const MONTH = /(?<![\d一二三四五六七八九十])(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*(?:月份?|yue(?![a-z]))/gu;

/** The index token of a month of the year (1–12): records about a month carry it (a 月报 its month). */
export function monthToken(month: number): string {
  return `${month}月`;
}

/** The months a folded query names, as month tokens, and the query without them. */
export function monthWords(folded: string): { rest: string; months: string[] } {
  const months: string[] = [];
  const rest = folded.replace(MONTH, (whole, n: string) => {
    const month = /^\d+$/.test(n) ? Number(n) : CHINESE_MONTH[n];
    if (!month || month > 12) return whole;
    months.push(monthToken(month));
    return ' ';
  });
  return { rest, months: [...new Set(months)] };
}

/** A word with the lexicon's other spellings of it (or of its two-character core, for a word a character was joined to). */
function withAlternatives(word: QueryWord, lexicon: Lexicon, common: ReadonlySet<string>, coreText?: string): QueryWord {
  if (!lexicon.size) return word;
  let spellings = lexicon.alternatives(word.text);
  if (!spellings.length && coreText) spellings = lexicon.alternatives(coreText);
  if (!spellings.length) return word;
  const alternatives = spellings.flatMap((spelling): QueryWord[] => {
    // A spelling of several parts (淘宝 直通车) is held when all its parts are; one with a part of a single
    // character (双 11) would match every word that character starts.
    const ps = parts(spelling);
    if (ps.some((p) => p.kind === 'cjk' && [...p.text].length < 2)) return [];
    return [
      {
        kind: ps.some((p) => p.kind === 'cjk') ? 'cjk' : 'word',
        text: ps.map((p) => p.text).join(''),
        tokens: ps.flatMap((p) => (p.kind === 'cjk' ? wordTokens(p.text, common) : [p.text])),
      },
    ];
  });
  return alternatives.length ? { ...word, alternatives } : word;
}

/** A word's (or a run's) tokens: its bigrams less the common ones, unless that leaves none. */
function wordTokens(word: string, common: ReadonlySet<string>): string[] {
  const tokens = bigrams(word);
  if (tokens.length < 2 || !common.size) return tokens;
  const rare = tokens.filter((t) => !common.has(t));
  return rare.length ? rare : tokens;
}
