import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntry, writeEntry, SOURCE_KEY, type FileKind } from '../../../src/editor/round-trip.ts';
import { editorFormats, formatName } from '../../../src/editor/cms-config.ts';

const formats = editorFormats();
const kindOf = (cmsCollection: string): FileKind => formats[formatName(cmsCollection)]!.kind;

/** Every file of the sample with the form that edits it. */
function sampleFiles(): { file: string; kind: FileKind }[] {
  const files: { file: string; kind: FileKind }[] = [];
  for (const [folder, collection] of [
    ['departments', 'departments'],
    ['roles', 'roles'],
    ['sops', 'sops'],
    ['plans', 'plans'],
  ] as const) {
    for (const name of readdirSync(`content/${folder}`)) {
      const extension = path.extname(name);
      const cms = extension === '.mdx' ? `${collection}-mdx` : collection === 'plans' && extension === '.yaml' ? 'plans-yaml' : collection;
      files.push({ file: `content/${folder}/${name}`, kind: kindOf(cms) });
    }
  }
  for (const name of ['site', 'glossary', 'cadence']) files.push({ file: `content/${name}.yaml`, kind: kindOf(name) });
  return files;
}

/** What the form hands back for an entry it showed and did not change: a copy of it. */
const unchanged = <T>(entry: T): T => structuredClone(entry);

describe('saving an entry from the editor', () => {
  it('writes every file of the sample back byte for byte when nothing changed', () => {
    const files = sampleFiles();
    expect(files.length).toBeGreaterThan(40);
    for (const { file, kind } of files) {
      const text = readFileSync(file, 'utf8');
      expect(writeEntry(unchanged(readEntry(text, kind)), kind, kind.single ? text : undefined), file).toBe(text);
    }
  });

  it('shows an SOP step written as a text as the mapping the form edits, and writes it back as the text', () => {
    const text = readFileSync('content/sops/first-reply-20s.md', 'utf8');
    const entry = readEntry(text, kindOf('sops')) as Record<string, unknown>;
    const steps = entry.steps as Record<string, unknown>[];
    expect(steps[0]).toEqual({ do: '上班后立即登录千牛，状态设为在线，确认消息提醒声音已打开' });
    expect(steps[1]).toMatchObject({ by: 'presales-cs' });
    expect(entry.body).toMatch(/^买家往往同时在问好几家店/);
  });

  it('changes only the line of a changed title, and appends a new step in block style', () => {
    const kind = kindOf('sops');
    const text = readFileSync('content/sops/first-reply-20s.md', 'utf8');
    const entry = unchanged(readEntry(text, kind)) as Record<string, unknown>;
    entry.title = '首次响应 20 秒（新版）';
    (entry.steps as unknown[]).push({ do: '下班前把未回复的会话交接给客服主管', by: 'cs-lead' });
    const out = writeEntry(entry, kind);
    const before = text.split('\n');
    const after = out.split('\n');
    expect(after[1]).toBe('title: 首次响应 20 秒（新版）');
    const stepsEnd = before.indexOf('kpis:');
    expect(after.slice(stepsEnd, stepsEnd + 2)).toEqual(['  - do: 下班前把未回复的会话交接给客服主管', '    by: cs-lead']);
    // Everything else as it was.
    expect([...after.slice(0, 1), ...after.slice(2, stepsEnd), ...after.slice(stepsEnd + 2)]).toEqual([...before.slice(0, 1), ...before.slice(2)]);
  });

  it('keeps numbers the form showed as text, and empty optional values the form dropped', () => {
    const kind = kindOf('sops');
    const text = readFileSync('content/sops/first-reply-20s.md', 'utf8');
    const entry = unchanged(readEntry(text, kind)) as Record<string, unknown>;
    (entry.kpis as Record<string, unknown>[])[0]!.target = '20';
    expect(writeEntry(entry, kind)).toBe(text);
    const plan = readFileSync('content/plans/launch-2017.yaml', 'utf8');
    const planEntry = unchanged(readEntry(plan, kindOf('plans-yaml'))) as Record<string, unknown>;
    for (const month of planEntry.months as Record<string, unknown>[]) if (typeof month.revenue === 'number') month.revenue = String(month.revenue);
    expect(writeEntry(planEntry, kindOf('plans-yaml'))).toBe(plan);
  });

  it('adds a glossary term at the end of the list, leaving the flow lists of the others as written', () => {
    const kind = kindOf('glossary');
    const text = readFileSync('content/glossary.yaml', 'utf8');
    // The CMS hands a whole-file list over as the list; the admin page keeps the file's text.
    const items = unchanged(readEntry(text, kind)) as unknown[];
    expect(items).toHaveLength(41);
    items.push({ term: '退款率', definition: '退款订单占全部订单的比例。', aliases: ['退款比例'] });
    const out = writeEntry(items, kind, text);
    expect(out.startsWith(text.trimEnd())).toBe(true);
    expect(out.slice(text.trimEnd().length)).toBe('\n- term: 退款率\n  definition: 退款订单占全部订单的比例。\n  aliases:\n    - 退款比例\n');
  });

  it('writes a new entry whole, with its body after the front matter', () => {
    const kind = kindOf('sops');
    const out = writeEntry(
      { title: '退款审核', owner: 'aftersales-cs', steps: [{ do: '核对订单' }, { do: '退款', by: 'aftersales-cs' }], participants: [], body: '说明。' },
      kind,
    );
    expect(out).toBe('---\ntitle: 退款审核\nowner: aftersales-cs\nsteps:\n  - 核对订单\n  - do: 退款\n    by: aftersales-cs\n---\n\n说明。\n');
    expect(out).not.toContain(SOURCE_KEY);
  });

  it('changes only the changed line of a plan whose months are flow mappings ({ month: 2014-01, … })', () => {
    const kind = kindOf('plans');
    const text = readFileSync('content/plans/home-2014.md', 'utf8');
    const entry = unchanged(readEntry(text, kind)) as Record<string, unknown>;
    entry.title = '2014 年度运营计划（修订）';
    const out = writeEntry(entry, kind);
    const before = text.split('\n');
    const after = out.split('\n');
    expect(after.length).toBe(before.length);
    expect(after.filter((line, i) => line !== before[i])).toEqual(['title: 2014 年度运营计划（修订）']);
  });

  it('keeps comments and the body of a changed file', () => {
    const kind = kindOf('departments');
    const text = '# 客服部\nname: 客服部  # 名称\nsummary: 售前和售后\norder: 2\n';
    const entry = unchanged(readEntry(text, kind)) as Record<string, unknown>;
    entry.summary = '售前、售后和评价';
    expect(writeEntry(entry, kind)).toBe('# 客服部\nname: 客服部  # 名称\nsummary: 售前、售后和评价\norder: 2\n');
  });
});
