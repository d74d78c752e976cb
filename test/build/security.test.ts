/** Text from YAML and Markdown stays text: no script runs from content, javascript: links are dropped, a CSP is in every page. */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { buildSite, htmlFiles } from './helpers.ts';
import { inlineScriptHashes } from '../../src/integrations/html-hardening.ts';

const EVIL = '<script>alert(1)</script>"onload="alert(2)" <img src=x onerror=alert(3)>';
const evil = (label: string) => `${label}${EVIL}`;

function frontMatter(data: object, body = ''): string {
  return `---\n${stringify(data)}---\n${body}`;
}

describe('hostile text in every string field', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'opsbook-evil-'));
  cpSync('test/fixtures/base', dir, { recursive: true });
  writeFileSync(path.join(dir, 'site.yaml'), stringify({ name: evil('手册'), organization: evil('团队'), description: evil('说明'), locale: 'zh-CN' }));
  writeFileSync(path.join(dir, 'departments/ops.yaml'), stringify({ name: evil('运营'), summary: evil('摘要'), lead: 'boss', order: 1 }));
  writeFileSync(
    path.join(dir, 'roles/boss.md'),
    frontMatter(
      {
        title: evil('总监'), department: 'ops', level: 'senior', holders: [evil('小岑')], summary: evil('一句话'),
        responsibilities: [evil('职责')], requirements: [evil('要求')], tools: [evil('工具'), '直通车'],
        kpis: [{ name: evil('纠纷率'), target: evil('3'), unit: evil('%'), better: 'lower' }],
      },
      '\n[点我](javascript:alert(4)) 和 <a href="javascript:alert(5)">这个</a>，还有直通车。\n',
    ),
  );
  writeFileSync(
    path.join(dir, 'sops/first-reply.md'),
    frontMatter({
      title: evil('首次响应'), owner: 'agent', participants: ['boss'], trigger: evil('触发'), frequency: 'daily', sla: '20s',
      steps: [evil('步骤'), { do: evil('做'), by: 'boss', note: evil('备注') }], tags: [evil('标签')], updated: '2026-06-01',
    }, '\n正文\n'),
  );
  writeFileSync(
    path.join(dir, 'plans/year.yaml'),
    stringify({
      title: evil('计划'), store: evil('店'), period: { start: '2014-01', end: '2014-01' },
      months: [{ month: '2014-01', revenue: '15万', marketing: '4.5万' }],
      stages: [{ id: 'a', name: evil('阶段'), start: '2014-01', end: '2014-01', summary: evil('概要'), goals: [evil('目标')], budget: [{ item: evil('项目'), amount: '4.5万', note: evil('说明') }], milestones: [{ month: '2014-01', title: evil('里程碑') }] }],
      fixedCosts: [{ item: evil('软件'), amount: '待定', per: 'year', note: evil('注') }],
      roi: { below: evil('差'), bands: [{ min: 3, label: evil('及格') }] },
    }),
  );
  writeFileSync(path.join(dir, 'glossary.yaml'), stringify([{ term: '直通车', aliases: [evil('别名')], definition: evil('定义') }]));
  writeFileSync(path.join(dir, 'cadence.yaml'), stringify([{ title: evil('复盘'), every: 'weekday', at: '17:30', owner: 'boss' }]));

  const built = buildSite(dir);

  it('builds', () => expect(built.code, built.output).toBe(0));

  it('escapes the text everywhere and drops javascript: URLs', () => {
    const pages = htmlFiles(built.outDir).filter((f) => !f.includes(`${path.sep}pagefind${path.sep}`));
    expect(pages.length).toBeGreaterThan(5);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const where = path.relative(built.outDir, file);
      // Inside a double-quoted attribute value the text is inert (its quotes are escaped): look at markup only.
      const markup = html.replace(/="[^"]*"/g, '=""');
      expect(markup, where).not.toContain('<script>alert');
      expect(markup, where).not.toMatch(/<img src=x/);
      expect(markup, where).not.toMatch(/<[a-z][^>]*\son(load|error)=/i);
      expect(html, where).not.toMatch(/javascript:/i);
    }
    const role = readFileSync(path.join(built.outDir, 'roles/boss/index.html'), 'utf8');
    expect(role).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('puts a CSP with the hash of every inline script in every page', () => {
    for (const file of htmlFiles(built.outDir).filter((f) => !f.includes(`${path.sep}pagefind${path.sep}`))) {
      const html = readFileSync(file, 'utf8');
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
      expect(policy, file).toBeDefined();
      const scriptSrc = policy!.split('; ').find((d) => d.startsWith('script-src '))!;
      expect(scriptSrc).not.toContain('unsafe-inline');
      for (const hash of inlineScriptHashes(html)) expect(scriptSrc).toContain(hash);
      expect(policy).not.toMatch(/https?:/);
    }
  });
});
