import { describe, expect, it } from 'vitest';
import { bigrams, fold, indexTokens, nameKey, nameToken, parts, planQuery, termUseToken } from '../../src/model/search-text.ts';
import { foldScript, simplifiedToTraditional } from '../../src/model/script.ts';
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
});

describe('planQuery', () => {
  it('ANDs the tokens and asks for each run of 3+ characters as a phrase of its bigrams', () => {
    const plan = planQuery('直通車 日报 PPC');
    expect(plan.main).toBe('直通 通车 日报 ppc');
    expect(plan.phrases).toEqual(['"直通 通车"']);
  });

  it('has no tokens for punctuation only', () => {
    expect(planQuery('，。!').main).toBe('');
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

  it('term-use tokens are per term, whatever the spelling of the term', () => {
    expect(termUseToken('直通車')).toBe(termUseToken('直通车'));
    expect(termUseToken('直通车')).not.toBe(nameToken('直通车'));
  });
});
