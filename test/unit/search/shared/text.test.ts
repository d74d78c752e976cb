import { describe, expect, it } from 'vitest';
import {
  bigrams,
  commonBigrams,
  COMMON_BIGRAM,
  fold,
  indexTokens,
  nameKey,
  nameToken,
  parts,
  pinyinKeys,
  pinyinTokens,
  planQuery,
  termUseToken,
} from '../../../../src/search/shared/text.ts';
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

describe('pinyin tokens', () => {
  const runs = [['ji', 'tui', 'kuan', 'yu', 'fa', 'piao', 'chu', 'li']];
  it('give the full pinyin and the initials from every character on, so a typed part is a prefix of one', () => {
    const tokens = pinyinTokens(runs);
    expect(tokens).toContain('jituikuanyufapiaochuli');
    expect(tokens.some((t) => t.startsWith('tuikuan'))).toBe(true);
    expect(tokens.some((t) => t.startsWith('kuan'))).toBe(true);
    expect(tokens.some((t) => t.startsWith('tk'))).toBe(true);
    expect(tokens).toContain('jtkyfpcl');
    // No one-letter initials.
    expect(tokens).not.toContain('l');
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
