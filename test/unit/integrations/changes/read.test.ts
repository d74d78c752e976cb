/** Reading the change history of a real repository: a scripted series of commits, renames, deletions, shallow clones, no git. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { entryKindOf, historyWarning, parseVersion, readContentChanges } from '../../../../src/integrations/changes/read.ts';
import { followFiles, parseCatFile, parseChangeLog } from '../../../../src/integrations/changes/log.ts';
import { changeWords } from '../../../../src/domain/changes/describe.ts';
import type { EntryHistory } from '../../../../src/domain/changes/history.ts';
import { useTranslations } from '../../../../src/i18n/index.ts';
import { git, gitEnv } from '../../../git.ts';

const env = gitEnv();
const t = useTranslations('zh-CN');

function write(dir: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

function sop(fields: { sla?: string; owner?: string; steps?: string[]; body?: string } = {}): string {
  const steps = fields.steps ?? ['找到新订单', '向买家复述收件信息'];
  return [
    '---',
    'title: 核对收件信息',
    `owner: ${fields.owner ?? 'presales-cs'}`,
    `sla: ${fields.sla ?? '24h'}`,
    'steps:',
    ...steps.map((step) => `  - ${step}`),
    'kpis:',
    '  - { name: 核对率, target: 100, unit: "%", better: higher }',
    '---',
    '',
    fields.body ?? '付款后花一分钟确认。',
    '',
  ].join('\n');
}

const role = (title: string) => `---\ntitle: ${title}\ndepartment: cs\nresponsibilities: [接待]\n---\n`;
const plan = (february: string) =>
  `title: 计划\nstore: 店\nperiod: { start: 2026-01, end: 2026-02 }\nmonths:\n  - { month: 2026-01, revenue: 10万, marketing: 1万 }\n  - { month: 2026-02, revenue: ${february}, marketing: 2万 }\n`;

/** The acceptance series, in a content folder 手册/ below the top level. */
function repo(): { top: string; content: string } {
  const top = mkdtempSync(path.join(os.tmpdir(), 'opsbook-changes-'));
  const content = path.join(top, '手册');
  git(top, ['init', '-q', '-b', 'main']);
  write(content, 'roles/presales-cs.md', role('售前客服'));
  write(content, 'roles/cs-lead.md', role('客服主管'));
  write(content, 'sops/address-check.md', sop());
  write(content, 'sops/old-sop.md', sop());
  write(content, 'plans/y2026.yaml', plan('20万'));
  write(content, 'notes.txt', 'not an entry');
  git(top, ['add', '-A']);
  git(top, ['commit', '-q', '-m', 'first'], '2026-01-05T10:00:00Z');
  write(content, 'sops/address-check.md', sop({ steps: ['找到新订单', '向买家复述收件信息', '核对完成的订单转入待发货'] }));
  git(top, ['commit', '-q', '-a', '-m', 'Update sops/address-check.md'], '2026-01-06T10:00:00Z');
  write(content, 'sops/address-check.md', sop({ sla: '12h', steps: ['找到新订单', '向买家复述收件信息', '核对完成的订单转入待发货'] }));
  git(top, ['commit', '-q', '-a', '-m', '大促前缩短核对时限'], '2026-01-07T10:00:00Z');
  write(content, 'sops/address-check.md', sop({ sla: '12h', owner: 'cs-lead', steps: ['找到新订单', '向买家复述收件信息', '核对完成的订单转入待发货'] }));
  write(content, 'plans/y2026.yaml', plan('25万'));
  git(top, ['commit', '-q', '-a', '-m', 'owner and plan'], '2026-01-08T10:00:00Z');
  git(top, ['mv', '手册/sops/old-sop.md', '手册/sops/renamed-sop.md']);
  git(top, ['commit', '-q', '-m', 'rename'], '2026-01-09T10:00:00Z');
  git(top, ['rm', '-q', '手册/sops/renamed-sop.md']);
  write(
    content,
    'sops/address-check.md',
    sop({ sla: '12h', owner: 'cs-lead', steps: ['找到新订单', '向买家复述收件信息', '核对完成的订单转入待发货'], body: '付款后花两分钟确认。' }),
  );
  git(top, ['add', '-A']);
  git(top, ['commit', '-q', '-m', 'remove and body'], '2026-01-10T10:00:00Z');
  return { top, content };
}

function sentences(history: EntryHistory | undefined): string[][] {
  return (history?.versions ?? []).map((version) => version.changes.map((change) => changeWords(change, t)));
}

describe('readContentChanges', () => {
  const { top, content } = repo();
  const changes = readContentChanges(content, 'zh-CN', env)!;

  it('describes every version of an SOP in words, newest first, with the dates of its commits', () => {
    const history = changes.entries.get('sops/address-check.md')!;
    expect(history).toMatchObject({ kind: 'sop', id: 'address-check', title: '核对收件信息', removed: false });
    expect(sentences(history)).toEqual([
      ['正文修改一段：付款后花两分钟确认。'],
      ['负责岗位 售前客服 → 客服主管'],
      ['时限 24 小时 → 12 小时'],
      ['新增第 3 步：核对完成的订单转入待发货'],
      ['新建：核对收件信息'],
    ]);
    expect(history.versions.map((v) => new Date(v.time).toISOString().slice(0, 10))).toEqual([
      '2026-01-10',
      '2026-01-08',
      '2026-01-07',
      '2026-01-06',
      '2026-01-05',
    ]);
  });

  it("keeps the commit's subject as a note only when it says more than the file name", () => {
    const notes = changes.entries.get('sops/address-check.md')!.versions.map((v) => v.note);
    expect(notes).toEqual(['remove and body', 'owner and plan', '大促前缩短核对时限', undefined, 'first']);
  });

  it("describes a plan's month from → to", () => {
    expect(sentences(changes.entries.get('plans/y2026.yaml'))[0]).toEqual(['2026-02 目标成交额：20万元 → 25万元']);
  });

  it('follows a rename and reports the removal', () => {
    const history = changes.entries.get('sops/renamed-sop.md')!;
    expect(history).toMatchObject({ id: 'renamed-sop', removed: true });
    expect(sentences(history)).toEqual([['删除：核对收件信息'], ['文件改名：old-sop → renamed-sop'], ['新建：核对收件信息']]);
    expect(changes.entries.has('sops/old-sop.md')).toBe(false);
  });

  it('leaves out files that are not entries, and is not shallow', () => {
    expect([...changes.entries.keys()].sort()).toEqual([
      'plans/y2026.yaml',
      'roles/cs-lead.md',
      'roles/presales-cs.md',
      'sops/address-check.md',
      'sops/renamed-sop.md',
    ]);
    expect(changes.shallow).toBe(false);
  });

  it('says when the clone is shallow, and describes only what it holds', () => {
    const clone = mkdtempSync(path.join(os.tmpdir(), 'opsbook-changes-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${top}`, clone], { env });
    const shallow = readContentChanges(path.join(clone, '手册'), 'zh-CN', env)!;
    expect(shallow.shallow).toBe(true);
    // Depth 2: the last commit compared with the one before; the rest is not there to compare.
    expect(sentences(shallow.entries.get('sops/address-check.md'))).toEqual([['正文修改一段：付款后花两分钟确认。']]);
    rmSync(clone, { recursive: true, force: true });
  });

  it('warns the build outside git and in a shallow clone, naming fetch-depth: 0', () => {
    expect(historyWarning(content, env)).toBeUndefined();
    const clone = mkdtempSync(path.join(os.tmpdir(), 'opsbook-changes-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${top}`, clone], { env });
    expect(historyWarning(path.join(clone, '手册'), env)).toContain('fetch-depth: 0');
    const outside = mkdtempSync(path.join(os.tmpdir(), 'opsbook-changes-none-'));
    expect(historyWarning(outside, env)).toContain('not in a git repository');
    rmSync(clone, { recursive: true, force: true });
  });

  it('has no history outside git or without git', () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'opsbook-changes-none-'));
    expect(readContentChanges(outside, 'zh-CN', env)).toBeUndefined();
    expect(readContentChanges(content, 'zh-CN', { ...env, PATH: path.join(outside, 'no-such-bin') })).toBeUndefined();
  });
});

describe('parsing', () => {
  it('knows which files are entries', () => {
    expect(entryKindOf('sops/a.md')).toBe('sop');
    expect(entryKindOf('plans/a.yaml')).toBe('plan');
    expect(entryKindOf('departments/a.yml')).toBe('department');
    expect(entryKindOf('sops/a.yaml')).toBeUndefined();
    expect(entryKindOf('glossary.yaml')).toBeUndefined();
    expect(entryKindOf('actuals/home-2014/2014-01.yaml')).toBeUndefined();
  });

  it('parses a version with the schemas, and refuses what the site would refuse', () => {
    expect(parseVersion('sops/a.md', Buffer.from(sop()))).toMatchObject({ kind: 'sop', version: { id: 'a', data: { owner: 'presales-cs' } } });
    expect(parseVersion('sops/a.md', Buffer.from('---\ntitle: x\n---\n'))).toBeUndefined();
    expect(parseVersion('sops/a.md', Buffer.from('no front matter'))).toBeUndefined();
  });

  it('reads renames, copies, files outside the folder and blob ids from the log', () => {
    const raw = (old: string, now: string, status: string) => `:100644 100644 ${old} ${now} ${status}`;
    const zero = '0'.repeat(40);
    const log = [
      '\x01abc\x021700000000\x02move',
      `\n${raw('a1', 'b1', 'R100')}`,
      '手册/a.md',
      '手册/b.md',
      raw('c1', 'd1', 'M'),
      'README.md',
      raw('e1', 'f1', 'R090'),
      'outside.md',
      '手册/c.md',
      raw('g1', zero, 'D'),
      '手册/d.md',
      '',
    ].join('\0');
    expect(parseChangeLog(log, '手册/')).toEqual([
      {
        hash: 'abc',
        time: 1_700_000_000_000,
        subject: 'move',
        files: [
          { status: 'R', path: 'b.md', from: 'a.md', blob: 'b1' },
          { status: 'A', path: 'c.md', blob: 'f1' },
          { status: 'D', path: 'd.md' },
        ],
      },
    ]);
  });

  it('starts a new life for a path added again after its deletion', () => {
    const commit = (hash: string, files: { status: 'A' | 'M' | 'D' | 'R'; path: string; from?: string }[]) => ({ hash, time: 0, subject: '', files });
    const lives = followFiles([
      commit('3', [{ status: 'A', path: 'a.md' }]),
      commit('2', [{ status: 'D', path: 'a.md' }]),
      commit('1', [{ status: 'A', path: 'a.md' }]),
    ]);
    expect(lives.map((life) => life.map((event) => event.commit.hash))).toEqual([['1', '2'], ['3']]);
  });

  it('reads cat-file output, with missing objects in their place', () => {
    const output = Buffer.concat([Buffer.from('aaa blob 6\n'), Buffer.from('中文'), Buffer.from('\nbbb missing\nccc blob 1\nx\n')]);
    expect(parseCatFile(output).map((b) => b?.toString('utf8'))).toEqual(['中文', undefined, 'x']);
  });
});
