import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packCards, unpackCards, type FragmentRecord } from '../../../../src/search/shared/cards.ts';
import { fragmentRecords } from '../../../../src/search/build/read-cards.ts';

const sop = (id: string, title: string, owner = '推广专员'): FragmentRecord => ({
  id,
  url: `/sops/${id}/`,
  meta: { kind: 'sop', title, department: '推广', owner, frequency: '每日', text: `${title}：很长的正文……` },
  filters: { type: ['SOP'], department: ['推广'], owner: [owner], frequency: ['每日'] },
});
const term: FragmentRecord = {
  id: 'en_term',
  url: '/glossary/#直通车',
  meta: { kind: 'term', title: '直通车', text: '按点击付费的推广工具' },
  filters: { type: ['术语'] },
};

describe('result cards', () => {
  it('round-trip every field a result shows, without the text', () => {
    const records = [sop('en_b', '直通车日常优化'), sop('en_a', '每日 17:30 复盘会', '运营主管'), term];
    const cards = unpackCards(JSON.parse(JSON.stringify(packCards(records))));
    expect(cards.size).toBe(3);
    for (const r of records) {
      const { text, ...meta } = r.meta;
      expect(text).toBeTruthy();
      expect(cards.get(r.id)).toEqual({ url: r.url, meta, filters: r.filters });
    }
  });

  it('write what SOPs share once, and the same records always give the same file', () => {
    const many = Array.from({ length: 50 }, (_, i) => sop(`en_${String(i).padStart(3, '0')}`, `SOP ${i}`));
    const packed = packCards(many);
    expect(packed.profiles).toHaveLength(1);
    expect(packed.strings.filter((s) => s === '推广')).toHaveLength(1);
    expect(JSON.stringify(packCards([...many].reverse()))).toBe(JSON.stringify(packed));
    expect(packed.cards.map((c) => c[0])).toEqual([...packed.cards.map((c) => c[0])].sort());
  });

  it('keep a filter with several values and a record without filters', () => {
    const multi: FragmentRecord = { id: 'en_m', url: '/roles/x/', meta: { kind: 'role', title: 'X' }, filters: { owner: ['甲', '乙'] } };
    const bare: FragmentRecord = { id: 'en_n', url: '/plans/y/', meta: { title: 'Y' }, filters: {} };
    const cards = unpackCards(packCards([multi, bare]));
    expect(cards.get('en_m')!.filters).toEqual({ owner: ['甲', '乙'] });
    expect(cards.get('en_n')).toEqual({ url: '/plans/y/', meta: { title: 'Y' }, filters: {} });
  });

  it('refuse a file of another version', () => {
    expect(() => unpackCards({ version: 1 } as never)).toThrow(/Unknown search cards file/);
  });
});

describe('reading Pagefind fragments', () => {
  const stored = (json: unknown) => gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify(json))]));

  it('reads one page, named by its file', () => {
    const records = fragmentRecords(
      'en_13ff516.pf_fragment',
      stored({ url: '/sops/a/', content: '…', meta: { title: 'A', text: 't' }, filters: { type: ['SOP'] }, anchors: [] }),
    );
    expect(records).toEqual([{ id: 'en_13ff516', url: '/sops/a/', meta: { title: 'A', text: 't' }, filters: { type: ['SOP'] } }]);
  });

  it('reads a bundle of pages by id (Pagefind bundles fragments past max_fragments)', () => {
    const records = fragmentRecords(
      'en_group1.pf_fragment',
      stored({ en_1: { url: '/a/', meta: { title: 'A' } }, en_2: { url: '/b/', meta: { title: 'B' }, filters: { type: ['岗位'] } } }),
    );
    expect(records).toEqual([
      { id: 'en_1', url: '/a/', meta: { title: 'A' }, filters: {} },
      { id: 'en_2', url: '/b/', meta: { title: 'B' }, filters: { type: ['岗位'] } },
    ]);
  });

  it('names the file it cannot read', () => {
    expect(() => fragmentRecords('en_bad.pf_fragment', gzipSync(Buffer.from('{"url":"/"}')))).toThrow(/en_bad\.pf_fragment is not a Pagefind fragment/);
  });
});
