import { describe, expect, it } from 'vitest';
import { LEXICON_KINDS, lexiconGroups, readLexicon } from '../../../../src/search/build/lexicon.ts';
import { fold, lexiconKey } from '../../../../src/search/shared/text.ts';

const entries = readLexicon();
const spellings = (e: (typeof entries)[number]) => [e.word, ...e.also];
const han = (s: string) => [...s].filter((c) => /\p{Script=Han}/u.test(c)).join('');

describe('the shipped lexicon', () => {
  it('has at least 200 entries, each with a word, a kind from the list and a source', () => {
    expect(entries.length).toBeGreaterThanOrEqual(200);
    for (const e of entries) {
      expect(e.word, JSON.stringify(e)).toMatch(/\S/);
      expect(LEXICON_KINDS, e.word).toContain(e.kind);
      expect(e.source, e.word).toMatch(/\S/);
    }
  });

  it('has every spelling in one entry only, as the engine matches it (lexiconKey)', () => {
    const owner = new Map<string, string>();
    const repeated: string[] = [];
    for (const e of entries) {
      for (const key of new Set(spellings(e).map(lexiconKey))) {
        const first = owner.get(key);
        if (first !== undefined) repeated.push(`${key}: ${first} / ${e.word}`);
        else owner.set(key, e.word);
      }
    }
    expect(repeated).toEqual([]);
  });

  it('is written in Simplified characters (folding changes none) and lower-case Latin letters', () => {
    const traditional: string[] = [];
    const upper: string[] = [];
    for (const s of entries.flatMap(spellings)) {
      if (han(fold(s)) !== han(s)) traditional.push(`${s} → ${fold(s)}`);
      if (s !== s.toLowerCase()) upper.push(s);
    }
    expect(traditional).toEqual([]);
    expect(upper).toEqual([]);
  });
});

describe('lexiconGroups', () => {
  const all = lexiconGroups(entries, { enabled: true, off: [] });
  const ztc = (groups: string[][]) => groups.filter((g) => g.includes('直通车'));

  it('gives one group of folded spellings per entry', () => {
    expect(all.length).toBe(entries.length);
    expect(ztc(all)).toEqual([expect.arrayContaining(['直通车', 'ztc'])]);
    // A spelling of letters and digits is keyed by its words: 双11 → 双 11.
    expect(all.flat()).toContain(lexiconKey('双11'));
    expect(lexiconKey('淘寶 直通車')).toBe('淘宝 直通车');
  });

  it('gives none when the lexicon is switched off', () => {
    expect(lexiconGroups(entries, { enabled: false, off: [] })).toEqual([]);
    expect(lexiconGroups(entries, { enabled: false, off: ['ztc'] })).toEqual([]);
  });

  it('leaves out the whole entry of any spelling switched off, in either script or case', () => {
    for (const off of ['ztc', 'ZTC', '直通车', '直通車', '淘寶直通車']) {
      const groups = lexiconGroups(entries, { enabled: true, off: [off] });
      expect(ztc(groups), off).toEqual([]);
      expect(groups.length, off).toBe(all.length - 1);
    }
    // A spelling in no entry switches nothing off.
    expect(lexiconGroups(entries, { enabled: true, off: ['火箭'] }).length).toBe(all.length);
  });
});

describe('readLexicon', () => {
  it('reads a valid entry, its other spellings defaulting to none', () => {
    expect(readLexicon('- word: 退款\n  also: [退钱]\n  kind: everyday\n  source: 客服用语\n- word: 发货\n  kind: process\n  source: 平台规则名\n')).toEqual([
      { word: '退款', also: ['退钱'], kind: 'everyday', source: '客服用语' },
      { word: '发货', also: [], kind: 'process', source: '平台规则名' },
    ]);
  });

  it('throws on a broken entry, naming it and what is wrong', () => {
    const broken = '- word: 退款\n  kind: everyday\n  source: 客服用语\n- word: 火箭\n  kind: rocket\n  source: 无\n';
    expect(() => readLexicon(broken)).toThrow(/entry 2 .*火箭.*kind/);
    expect(() => readLexicon('- word: 退款\n  kind: everyday\n')).toThrow(/entry 1 .*退款.*source/);
    expect(() => readLexicon('- word: 退款\n  kind: everyday\n  source: 客服用语\n  extra: 1\n')).toThrow(/entry 1/);
    expect(() => readLexicon('word: 退款\n')).toThrow(/a list of entries/);
  });
});
