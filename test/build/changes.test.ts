/**
 * Change history on the built pages (issue #27): a handbook in a fresh git repository with a scripted series
 * of commits — a step added, the SLA and the owner changed, a KPI target, a plan month, a body paragraph, an
 * SOP renamed and one removed — and each entry page's last change and 变更记录.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite, page, textOf } from './helpers.ts';
import { git } from '../git.ts';

const SOP = (fields: { sla?: string; owner?: string; target?: number; extraStep?: boolean; body?: string }) =>
  [
    '---',
    'title: 首次响应',
    `owner: ${fields.owner ?? 'agent'}`,
    `sla: ${fields.sla ?? '20s'}`,
    'steps:',
    '  - 20 秒内回复买家',
    ...(fields.extraStep ? ['  - 记下买家的问题'] : []),
    '  - do: 抽查聊天记录',
    '    by: boss',
    'kpis:',
    `  - { name: 响应率, target: ${fields.target ?? 95}, unit: "%", better: higher }`,
    '---',
    '',
    fields.body ?? '先打招呼，再解决问题。',
    '',
  ].join('\n');

function repository(): string {
  const top = mkdtempSync(path.join(os.tmpdir(), 'opsbook-changes-repo-'));
  const content = path.join(top, 'handbook');
  cpSync('test/fixtures/base', content, { recursive: true });
  const write = (file: string, text: string) => writeFileSync(path.join(content, file), text);
  const commit = (message: string, date: string) => {
    git(top, ['add', '-A']);
    git(top, ['commit', '-q', '-m', message], date);
  };
  write('sops/first-reply.md', SOP({}));
  write('sops/old-name.md', '---\ntitle: 催付\nowner: agent\nsteps:\n  - 提醒买家付款\n---\n');
  write('sops/dropped.md', '---\ntitle: 旧流程\nowner: agent\nsteps:\n  - 不再需要\n---\n');
  git(top, ['init', '-q', '-b', 'main']);
  commit('handbook', '2026-11-01T10:00:00Z');
  write('sops/first-reply.md', SOP({ extraStep: true }));
  commit('Update sops/first-reply.md', '2026-11-10T10:00:00Z');
  write('sops/first-reply.md', SOP({ extraStep: true, sla: '15s', owner: 'boss', target: 98 }));
  commit('大促前收紧首次响应', '2026-11-20T10:00:00Z');
  const plan = readFileSync(path.join(content, 'plans/year.yaml'), 'utf8');
  write('plans/year.yaml', plan.replace('{ month: 2014-02, revenue: 15万', '{ month: 2014-02, revenue: 18万').replace('revenue: 30万', 'revenue: 33万'));
  git(top, ['mv', 'handbook/sops/old-name.md', 'handbook/sops/payment-reminder.md']);
  git(top, ['rm', '-q', 'handbook/sops/dropped.md']);
  commit('plan, rename, removal', '2026-11-22T10:00:00Z');
  write('sops/first-reply.md', SOP({ extraStep: true, sla: '15s', owner: 'boss', target: 98, body: '先打招呼，再耐心解决问题。' }));
  commit('body', '2026-11-24T10:00:00Z');
  return content;
}

/** The visible text of an element of the page, found by its opening tag. */
function section(html: string, open: RegExp, close: string): string | undefined {
  const start = html.search(open);
  if (start === -1) return undefined;
  return textOf(html.slice(start, html.indexOf(close, start) + close.length));
}

/** Each of `words` is in `text`, in this order. */
function expectInOrder(text: string, words: readonly string[]): void {
  const at = words.map((w) => text.indexOf(w));
  expect(
    words.filter((_, i) => at[i] === -1),
    text,
  ).toEqual([]);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
}

const lastChange = (html: string) => section(html, /<p class="last-change/, '</p>');
const changeLog = (html: string) => section(html, /<section aria-labelledby="changes"/, '</section>');

describe('change history on entry pages', () => {
  const build = buildSite(repository(), { OPSBOOK_BUILD_DATE: '2026-11-25' });

  it('builds', () => expect(build.code, build.output).toBe(0));

  it('shows the last change under the title, days counted to the build date', () => {
    const html = page(build.outDir, 'sops/first-reply');
    expect(lastChange(html)).toContain('昨天：正文修改一段：先打招呼，再耐心解决问题。');
    expect(html.indexOf('class="last-change')).toBeGreaterThan(html.indexOf('<h1'));
  });

  it('lists every version with its words and notes in 变更记录, newest first', () => {
    const log = changeLog(page(build.outDir, 'sops/first-reply'))!;
    const order = [
      '2026-11-24',
      '正文修改一段',
      '2026-11-20',
      '负责岗位 售前客服 → 运营总监',
      '时限 20 秒 → 15 秒',
      '指标“响应率”目标：95% → 98%',
      '提交说明：大促前收紧首次响应',
      '2026-11-10',
      '新增第 2 步：记下买家的问题',
      '2026-11-01',
      '新建：首次响应',
    ];
    expectInOrder(log, order);
    expect(log).not.toContain('Update sops/first-reply.md');
  });

  it("describes a plan's month and total", () => {
    const log = changeLog(page(build.outDir, 'plans/year'))!;
    expect(log).toContain('目标成交额合计 30万元 → 33万元');
    expect(log).toContain('2014-02 目标成交额：15万元 → 18万元');
  });

  it('follows a renamed SOP to its new page', () => {
    const log = changeLog(page(build.outDir, 'sops/payment-reminder'))!;
    expect(log).toContain('文件改名：old-name → payment-reminder');
    expect(log).toContain('新建：催付');
  });

  it('lists the changes on /changes/ newest first by week, each with its entry, date and words', () => {
    const html = page(build.outDir, 'changes');
    const weeks = [...html.matchAll(/<h2 id="week-[^"]+"[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(weeks).toEqual(['本周', '上周', '2026-11-09 – 2026-11-15', '2026-10-26 – 2026-11-01']);
    const text = textOf(html);
    const order = [
      '2026-11-24',
      '首次响应',
      '正文修改一段',
      '2026-11-22',
      '年度计划',
      '目标成交额合计 30万元 → 33万元',
      '旧流程（已删除）',
      '删除：旧流程',
      '催付',
      '文件改名：old-name → payment-reminder',
    ];
    expectInOrder(text, order);
    expect(html).toContain('data-department="service" data-kind="sop"');
    expect(html).toMatch(/<select data-filter="department"/);
    expect(html).toMatch(/<select data-filter="kind"/);
  });

  it('writes the same changes as an Atom feed: one entry per change, links and dates right', () => {
    const xml = readFileSync(path.join(build.outDir, 'changes/feed.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!);
    const changesOnPage = (page(build.outDir, 'changes').match(/<li data-department[^>]*data-kind=/g) ?? []).length;
    expect(entries).toHaveLength(changesOnPage);
    const first = entries[0]!;
    expect(first).toContain('<link href="/sops/first-reply/"/>');
    expect(first).toContain('<updated>2026-11-24T10:00:00.000Z</updated>');
    expect(entries.find((entry) => entry.includes('删除：旧流程'))).toContain('<link href="/changes/"/>'); // no page left to link to
    const reply = entries.find((entry) => entry.includes('<link href="/sops/first-reply/"/>') && entry.includes('2026-11-20'))!;
    expect(reply).toContain('首次响应：负责岗位 售前客服 → 运营总监；时限 20 秒 → 15 秒；指标“响应率”目标：95% → 98%');
    expect(reply).toContain('提交说明：大促前收紧首次响应');
    expect(xml).toMatch(/<feed[\s\S]*?<updated>2026-11-24T10:00:00.000Z<\/updated>/);
    const ids = entries.map((entry) => entry.match(/<id>([^<]+)<\/id>/)![1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
