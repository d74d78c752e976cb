/** `npm run new` as an author runs it, in a temporary copy of test/fixtures/base: create, check, fill in, refuse. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadContent } from '../../../src/check/load.ts';
import { formatPath } from '../../../src/check/problems.ts';

const NODE = process.execPath;
const CLI = path.resolve('scripts/new.ts');
const TODAY = '2026-11-25';
let work: string;
let content: string;

function run(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, OPSBOOK_TODAY: TODAY };
  delete env.OPSBOOK_CONTENT;
  const result = spawnSync(NODE, [CLI, ...args, '--content', content], { encoding: 'utf8', env, cwd: work });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(`${path.relative(dir, full)}:`).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

function edit(file: string, replace: (text: string) => string) {
  const full = path.join(content, file);
  writeFileSync(full, replace(readFileSync(full, 'utf8')));
}

/** Error fields per file, as `npm run check` names them. */
async function errorFields(): Promise<Record<string, string[]>> {
  const { problems } = await loadContent(content, { today: TODAY });
  const out: Record<string, string[]> = {};
  for (const p of problems) (out[`${p.severity} ${p.file}`] ??= []).push(formatPath(p.path));
  return out;
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'opsbook-new-'));
  content = path.join(work, 'handbook');
  cpSync(path.resolve('test/fixtures/base'), content, { recursive: true });
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('npm run new', () => {
  it('starts from a clean handbook', async () => {
    expect(await errorFields()).toEqual({});
  });

  it('round trip: new files → the checker names each placeholder → filled in → no problems', async () => {
    const department = run('department', 'warehouse');
    expect(department.code).toBe(0);
    expect(department.stdout.split('\n')[0]).toBe('已创建 handbook/departments/warehouse.yaml');
    expect(department.stdout).toContain('Created handbook/departments/warehouse.yaml');
    expect(department.stdout).toContain('npm run check -- --content');
    expect(run('role', 'after-sales', '--title', '售后客服').code).toBe(0);
    const sop = run('sop', 'refund');
    expect(sop.code).toBe(0);
    expect(sop.stdout).toContain('还要填：title、owner、steps[0].do');
    expect(run('plan', 'year-2026', '--title', '2026 年度计划').code).toBe(0);

    expect(await errorFields()).toEqual({
      'error departments/warehouse.yaml': ['name'],
      'error plans/year-2026.md': ['store', 'period.start', 'period.end'],
      // The plan is checked part by part: what needs the period is said to be skipped until it is filled in.
      'warning plans/year-2026.md': ['period.start', 'period.end'],
      'error roles/after-sales.md': ['department', 'responsibilities[0]'],
      'error sops/refund.md': ['title', 'owner', 'steps[0].do'],
    });
    expect(readFileSync(path.join(content, 'sops/refund.md'), 'utf8')).toContain(`updated: ${TODAY}`);

    edit('departments/warehouse.yaml', (t) => t.replace('name: ""', 'name: 仓储部').replace('# lead: agent', 'lead: after-sales'));
    edit('roles/after-sales.md', (t) => t.replace('department: ""', 'department: warehouse').replace('  - ""', '  - 处理退款和换货'));
    edit('sops/refund.md', (t) => t.replace('title: ""', 'title: 售后退款').replace('owner: ""', 'owner: after-sales').replace('do: ""', 'do: 核对退款原因'));
    edit('plans/year-2026.md', (t) =>
      t
        .replace('store: ""', 'store: 测试店')
        .replace(/YYYY-MM/g, '2026-01')
        .replace('# months:', 'months:')
        .replace('#   - { month: 2026-01', '  - { month: 2026-01'),
    );
    expect(await errorFields()).toEqual({});
  });

  it('never overwrites: a second run changes nothing and says which file', () => {
    const before = fingerprint(content);
    const again = run('sop', 'refund', '--title', '另一个');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('没有改动任何文件：handbook/sops/refund.md 已经存在');
    expect(again.stderr).toContain('Nothing was changed: handbook/sops/refund.md already exists');
    expect(again.stdout).toBe('');
    expect(fingerprint(content)).toBe(before);
  });

  it('refuses an id already used by a file with another extension (x.mdx when creating x.md)', () => {
    writeFileSync(path.join(content, 'sops/standard.mdx'), '---\ntitle: 标准话术\nowner: agent\nsteps: [问候]\n---\n');
    const before = fingerprint(content);
    const result = run('sop', 'standard');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('handbook/sops/standard.mdx');
    expect(existsSync(path.join(content, 'sops/standard.md'))).toBe(false);
    expect(fingerprint(content)).toBe(before);
  });

  it('refuses an id that is not a slug, with a suggestion, and creates nothing', () => {
    const before = fingerprint(content);
    const result = run('role', 'After_Sales');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('id “After_Sales” 不合法');
    expect(result.stderr).toContain('npm run new -- role after-sales');
    expect(fingerprint(content)).toBe(before);
  });

  it('suggests a pinyin id for a Chinese one, keeping it as the title', () => {
    const before = fingerprint(content);
    const result = run('sop', '售后退款');
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toContain('可以改用：npm run new -- sop shou-hou-tui-kuan --title 售后退款');
    expect(result.stderr).toContain('Try: npm run new -- sop shou-hou-tui-kuan --title 售后退款');
    const noId = run('sop', '--title', '售后退款');
    expect(noId.code).toBe(2);
    expect(noId.stderr).toContain('shou-hou-tui-kuan');
    expect(fingerprint(content)).toBe(before);
  });

  it('refuses a content folder that does not exist', () => {
    const result = spawnSync(NODE, [CLI, 'sop', 'x', '--content', path.join(work, 'missing')], { encoding: 'utf8', cwd: work });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('找不到内容目录');
    expect(existsSync(path.join(work, 'missing'))).toBe(false);
  });
});
