import { describe, expect, it } from 'vitest';
import {
  bigrams,
  commonBigrams,
  COMMON_BIGRAM,
  fold,
  indexTokens,
  monthToken,
  monthWords,
  nameKey,
  nameToken,
  parts,
  pinyinKeys,
  pinyinTokens,
  PINYIN_END,
  planQuery,
  termUseToken,
  type QueryWord,
} from '../../../../src/search/shared/text.ts';
import { Lexicon } from '../../../../src/search/shared/lexicon.ts';
import { lexiconGroups, readLexicon } from '../../../../src/search/build/lexicon.ts';
import { foldScript, simplifiedToTraditional } from '../../../../src/domain/script.ts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

describe('fold', () => {
  it('turns Traditional into Simplified, full-width into ASCII, and lowers case', () => {
    expect(fold('運營總監')).toBe('运营总监');
    expect(fold('直通車')).toBe('直通车');
    expect(fold('ＰＰＣ１５萬')).toBe('ppc15万');
    expect(fold('Taobao PPC Ads')).toBe('taobao ppc ads');
  });

  it('agrees with the site’s foldScript (the same opencc-js chain)', () => {
    for (const s of ['淘寶直通車', '店鋪動態評分', '發貨', '乾燥', '頭髮', '臺灣', '庫存單位', '免運費', '週報']) expect(fold(s)).toBe(foldScript(s));
  });

  it('folds every line of the sample, and its Traditional conversion, as foldScript does', () => {
    let lines = 0;
    for (const dir of ['content/sops', 'content/roles', 'content/plans']) {
      for (const file of readdirSync(dir)) {
        for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
          for (const s of [line, simplifiedToTraditional(line)]) expect(fold(s).trim()).toBe(foldScript(s.normalize('NFKC')));
          lines++;
        }
      }
    }
    expect(lines).toBeGreaterThan(500);
  });

  it('never yields the Traditional characters that start name and term-use tokens', () => {
    expect(fold('鍵術')).toBe('键术');
  });
});

describe('tokens', () => {
  it('cuts Chinese runs into overlapping bigrams and keeps Latin words and numbers whole', () => {
    expect(parts('vip等级，b2c平台')).toEqual([
      { kind: 'word', text: 'vip' },
      { kind: 'cjk', text: '等级' },
      { kind: 'word', text: 'b2c' },
      { kind: 'cjk', text: '平台' },
    ]);
    expect(bigrams('运营总监')).toEqual(['运营', '营总', '总监']);
    expect(bigrams('单')).toEqual(['单']);
    expect(indexTokens('低于1:3不及格，運營 ROI')).toBe('低于 1 3 不及 及格 运营 roi');
  });

  it('indexes every two adjacent characters, so a word is found whatever a segmenter would cut around it', () => {
    const tokens = indexTokens('买家在签收以后七天之内如果对商品不满意可以在后台申请退款').split(' ');
    expect(tokens).toContain('退款');
    expect(tokens).toContain('后台');
  });

  it('reads pasted text as the words it spells: annotations, invisible characters and letter spacing left out', () => {
    expect(indexTokens('發(fā)票預(yù)警')).toBe(indexTokens('发票预警'));
    expect(indexTokens('客 服 主 管')).toBe(indexTokens('客服主管'));
    expect(indexTokens('運\u200b營')).toBe('运营');
    expect(planQuery('運(yùn)營').main).toBe('运营');
  });
});

describe('planQuery', () => {
  const words = (q: string) => planQuery(q).words.map((w) => w.text);

  it('cuts a question into the words it asks about, leaving out question and filler words', () => {
    expect(words('怎么退款')).toEqual(['退款']);
    expect(words('退款怎么处理')).toEqual(['退款', '处理']);
    expect(words('什么时候发货')).toEqual(['发货']);
    expect(words('退款流程')).toEqual(['退款']);
    expect(words('請問差評怎麼回覆')).toEqual(['差评', '回复']);
    expect(planQuery('货到付款要打电话吗').dropped).toEqual(['要', '吗']);
  });

  it('joins the single characters a dictionary segmenter leaves, so no word is a lone character', () => {
    expect(words('售后退款')).toEqual(['售后', '退款']);
    expect(words('直通车怎么开')).toEqual(['直通车']);
    expect(words('标准话术库')).toEqual(['标准', '话术库']);
    // A joined character keeps the dictionary word as its fallback.
    expect(planQuery('每周例会讲什么').words.find((w) => w.text === '例会讲')?.core).toEqual(['例会']);
  });

  it('keeps filler words when there is nothing else, and lone characters only then', () => {
    expect(words('什么')).toEqual(['什么']);
    expect(words('流程')).toEqual(['流程']);
    expect(words('库存不够了怎么办')).toEqual(['库存', '不够']);
    expect(words('车')).toEqual(['车']);
  });

  it('gives each word its bigrams, Latin words whole, and each run of words of 3+ characters as a phrase', () => {
    const plan = planQuery('直通車日常优化 PPC');
    expect(plan.words.map((w) => w.tokens)).toEqual([['直通', '通车'], ['日常'], ['优化'], ['ppc']]);
    expect(plan.phrases).toEqual(['"直通 通车 车日 日常 常优 优化"']);
    expect(plan.main).toBe('直通 通车 日常 优化 ppc');
    expect(plan.marks).toEqual([
      { kind: 'cjk', text: '直通车' },
      { kind: 'cjk', text: '日常' },
      { kind: 'cjk', text: '优化' },
      { kind: 'word', text: 'ppc' },
    ]);
  });

  it('has no tokens for punctuation only', () => {
    expect(planQuery('，。!').main).toBe('');
  });

  it('ranks the phrases by their bigrams less the common ones and the words outside them (the phrase search scores all pages alike)', () => {
    expect(planQuery('退款处理', new Set(['退款', '处理'])).ranker).toBe('款处');
    expect(planQuery('直通车 ppc').ranker).toBe('直通 通车 ppc');
    expect(planQuery('退款').ranker).toBe('');
    // A lone character between filler words is left out of the ranking too.
    expect(planQuery('直通车怎么开').ranker).toBe('直通 通车');
  });

  it('leaves common bigrams out of a longer word’s tokens, never all of them; the phrase still holds them', () => {
    const common = new Set(['大促', '应商', '库存']);
    expect(planQuery('供应商', common).words[0]!.tokens).toEqual(['供应']);
    expect(planQuery('供应商', common).phrases).toEqual(['"供应 应商"']);
    expect(planQuery('库存', common).words[0]!.tokens).toEqual(['库存']);
  });
});

describe('planQuery with the lexicon', () => {
  // As the browser builds it from opsbook-terms.json (the glossary's spellings left out).
  const lexicon = new Lexicon(lexiconGroups(readLexicon(), { enabled: true, off: [] }));
  const plan = (q: string) => planQuery(q, new Set(), lexicon);
  const words = (q: string) => plan(q).words.map((w) => w.text);
  const word = (q: string, text: string) => plan(q).words.find((w) => w.text === text);
  const alternatives = (w: QueryWord | undefined) => w?.alternatives?.map((a) => a.text) ?? [];

  it('keeps lexicon words whole where the general segmenter would cut them', () => {
    expect(words('直通车花多少钱')[0]).toBe('直通车');
    expect(plan('直通车花多少钱').words[0]!.tokens).toEqual(['直通', '通车']);
    // Without the lexicon: 直通 / 车花.
    expect(planQuery('直通车花多少钱').words[0]!.text).not.toBe('直通车');
    // A character before a lexicon word joins it, the lexicon word its core (开 + 直通车, 试 + 运营 = 试运营).
    expect(words('开直通车')).toEqual(['开直通车']);
    expect(word('开直通车', '开直通车')!.core).toEqual(['直通', '通车']);
    expect(word('开直通车', '开直通车')!.alternatives?.map((a) => a.text)).toContain('ztc');
  });

  it('keeps a word that starts with a filler character (对 of 对公账户) whole when the lexicon has it', () => {
    expect(words('对公账户怎么开')[0]).toBe('对公账户');
    expect(words('对公转账')).toEqual(['对公转账']);
  });

  it('gives a word the other spellings of its lexicon entry, with their tokens', () => {
    expect(alternatives(word('退钱', '退钱'))).toContain('退款');
    expect(word('退钱', '退钱')!.alternatives!.find((a) => a.text === '退款')).toEqual({ kind: 'cjk', text: '退款', tokens: ['退款'] });
    expect(word('退钱', '退钱')!.tokens).toEqual(['退钱']);
    expect(word('ztc', 'ztc')!.alternatives!.find((a) => a.text === '直通车')).toEqual({ kind: 'cjk', text: '直通车', tokens: ['直通', '通车'] });
    expect(alternatives(word('直通车', '直通车'))).toContain('ztc');
    // A word the lexicon does not have has none.
    expect(word('火箭', '火箭')!.alternatives).toBeUndefined();
  });

  it('reads a single character the lexicon knows (亲) as a word meaning its other spellings, with no token of its own', () => {
    const qin = plan('亲').words;
    expect(qin).toHaveLength(1);
    expect(qin[0]).toMatchObject({ kind: 'cjk', text: '亲', tokens: [] });
    expect(qin[0]!.weak).toBeUndefined();
    expect(alternatives(qin[0])).toEqual(expect.arrayContaining(['买家', '顾客']));
    expect(plan('亲').main).toBe('');
    // Between filler words too.
    expect(word('亲的问题', '亲')).toMatchObject({ tokens: [], alternatives: expect.arrayContaining([expect.objectContaining({ text: '买家' })]) });
  });

  it('keeps a single character the lexicon knows (亲) apart from the word beside it', () => {
    expect(words('怎么回复亲')).toEqual(['回复', '亲']);
    expect(word('怎么回复亲', '亲')).toMatchObject({ tokens: [] });
    expect(words('给亲发消息')).not.toContain('亲发');
  });

  it('never glues a stray character onto the end of a lexicon word; one before it joins, the lexicon word its core', () => {
    // ICU: 客 / 服 / 第 / 几天; without the lexicon the 第 joins 客服 (客服第).
    expect(planQuery('客服第几天').words[0]!.text).toBe('客服第');
    expect(words('客服第几天')).toEqual(['客服', '第几天']);
    expect(words('退款快')).toEqual(['退款']);
    expect(words('直通车开')).toEqual(['直通车']);
    // 快 + 退款: the word 快退款, held where 退款 is when nothing holds it whole; 退款's other spellings still count.
    expect(words('快退款')).toEqual(['快退款']);
    expect(word('快退款', '快退款')).toMatchObject({ core: ['退款'] });
    expect(word('快退款', '快退款')!.alternatives?.map((a) => a.text)).toContain('退钱');
  });

  it('reads a month however it is written as a month word, the rest of the query as usual', () => {
    expect(plan('8月访客').words.map((w) => [w.kind, w.text, w.tokens])).toEqual([
      ['cjk', '访客', ['访客']],
      ['word', monthToken(8), [monthToken(8)]],
    ]);
    for (const [q, month] of [
      ['八月', 8],
      ['08月份', 8],
      ['8月份', 8],
      ['十一月', 11],
      ['十二月', 12],
      ['五月份', 5],
      ['3yue', 3],
      ['3 yue', 3],
    ] as const) {
      expect(words(q), q).toEqual([monthToken(month)]);
    }
    expect(words('2014年5月')).toEqual(['2014', monthToken(5)]);
  });

  it('does not read a number that is no month of the year, or 双十一, as a month', () => {
    expect(words('双十一')).toEqual(['双十一']);
    expect(words('13月')).toEqual(['13']);
    expect(monthWords('0月')).toEqual({ rest: '0月', months: [] });
    expect(monthWords('8yuehuo')).toEqual({ rest: '8yuehuo', months: [] });
    expect(monthWords('8月和08月份')).toEqual({ rest: ' 和 ', months: [monthToken(8)] });
    expect(monthToken(8)).toBe('8月');
  });

  it('drops the words asking for a list as filler', () => {
    expect(words('一共几个部门')).toEqual(['部门']);
    expect(plan('一共几个部门').dropped).toEqual(['一共', '几个']);
    expect(words('所有岗位')).toEqual(['岗位']);
    expect(words('全部部门')).toEqual(['部门']);
  });

  // ICU cuts 一共有 as 一 / 共有: filler words are cut whole first, so 一共 is seen.
  it('drops 一共 and 哪些 from 一共有哪些岗位', () => {
    expect(words('一共有哪些岗位')).toEqual(['岗位']);
    expect(plan('一共有哪些岗位').dropped).toEqual(expect.arrayContaining(['一共', '哪些']));
  });
});

describe('pinyin tokens', () => {
  const runs = [['ji', 'tui', 'kuan', 'yu', 'fa', 'piao', 'chu', 'li']];
  it('give the full pinyin and the initials from every character on, so a typed part is a prefix of one', () => {
    const tokens = pinyinTokens(runs);
    // Each ends in PINYIN_END, so that no token equals a typed word and Pagefind always matches by prefix.
    expect(tokens.every((t) => t.endsWith(PINYIN_END))).toBe(true);
    expect(tokens).toContain(`jituikuanyufapiaochuli${PINYIN_END}`);
    expect(tokens.some((t) => t.startsWith('tuikuan'))).toBe(true);
    expect(tokens.some((t) => t.startsWith('kuan'))).toBe(true);
    expect(tokens.some((t) => t.startsWith('tk'))).toBe(true);
    expect(tokens).toContain(`jtkyfpcl${PINYIN_END}`);
    // No one-letter initials.
    expect(tokens).not.toContain(`l${PINYIN_END}`);
  });

  it('leave the pinyin of filler words out of a query of other words', () => {
    expect(planQuery('chaping zenme chuli').words.map((w) => w.text)).toEqual(['chaping', 'chuli']);
    expect(planQuery('zenme').words.map((w) => w.text)).toEqual(['zenme']);
  });

  it('keys a whole name by its pinyin and its initials', () => {
    expect(pinyinKeys([['zhi', 'tong', 'che']])).toEqual(['zhitongche', 'ztc']);
    expect(pinyinKeys([])).toEqual([]);
  });
});

describe('commonBigrams', () => {
  it('are the Chinese bigrams in a quarter of the records or more, in a handbook large enough to be slow', () => {
    const records = 1000;
    const holding = new Map([
      ['大促', 700],
      ['预案', Math.ceil(records * COMMON_BIGRAM.share)],
      ['促预', Math.ceil(records * COMMON_BIGRAM.share) - 1],
      ['roi', 900],
      ['大促鍵abc', 900],
      ['库', 900],
    ]);
    expect(commonBigrams(holding, records)).toEqual(['大促', '预案']);
    // A small handbook: none, however often a bigram occurs.
    expect(commonBigrams(new Map([['大促', 90]]), 90)).toEqual([]);
    expect(commonBigrams(new Map([['大促', COMMON_BIGRAM.minRecords]]), COMMON_BIGRAM.minRecords)).toEqual(['大促']);
  });
});

describe('name keys', () => {
  it('are equal across scripts, case, spaces and punctuation', () => {
    expect(nameKey('每日 17:30 复盘会')).toBe('每日1730复盘会');
    expect(nameToken('每日 17:30 复盘会')).toBe(nameToken('每日17:30復盤會'));
    expect(nameToken('Taobao PPC ads')).toBe(nameToken('taobao-ppc ADS'));
    expect(nameToken('直通车')).not.toBe(nameToken('直通'));
    expect(nameToken('，')).toBeUndefined();
  });

  it("follow the name's first character, never one of its words: no query word but one character is a prefix of a key", () => {
    const key = nameToken('直通车日常优化')!;
    expect(key.startsWith('直')).toBe(true);
    for (const token of indexTokens('直通车日常优化 直通').split(' ')) if ([...token].length > 1) expect(key.startsWith(token), token).toBe(false);
    expect(nameToken('SKU 编码规则')!.startsWith('s')).toBe(true);
    expect(nameToken('SKU 编码规则')!.startsWith('sku')).toBe(false);
  });

  it('term-use tokens are per term, whatever the spelling of the term', () => {
    expect(termUseToken('直通車')).toBe(termUseToken('直通车'));
    expect(termUseToken('直通车')).not.toBe(nameToken('直通车'));
  });
});
