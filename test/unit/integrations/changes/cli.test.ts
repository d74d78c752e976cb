/** `npm run changes`: the Markdown of a real repository's changes, links with OPSBOOK_SITE, exit codes. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { git, gitEnv } from '../../../git.ts';

function repository(): string {
  const content = mkdtempSync(path.join(os.tmpdir(), 'opsbook-changes-cli-'));
  cpSync('test/fixtures/base', content, { recursive: true });
  git(content, ['init', '-q', '-b', 'main']);
  git(content, ['add', '-A']);
  git(content, ['commit', '-q', '-m', 'handbook'], '2026-11-01T10:00:00Z');
  const file = path.join(content, 'sops/first-reply.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('sla: 20s', 'sla: 15s'));
  git(content, ['commit', '-q', '-a', '-m', '大促前收紧'], '2026-11-24T10:00:00Z');
  return content;
}

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['scripts/changes.ts', ...args], { encoding: 'utf8', env: { ...gitEnv(), OPSBOOK_TODAY: '2026-11-25', ...env } });
}

describe('npm run changes', () => {
  const content = repository();

  it('prints the changes since 7 days as Markdown, by week', () => {
    const result = run(['--content', content, '--since', '7d']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      ['## 手册变更（2026-11-19 – 2026-11-25）', '', '### 本周', '', '- 2026-11-24 **首次响应**：时限 20 秒 → 15 秒', '  - 提交说明：大促前收紧', ''].join(
        '\n',
      ),
    );
  });

  it('links entries when the site has an address, and goes further back on request', () => {
    const result = run(['--content', content, '--since', '2026-11-01'], { OPSBOOK_SITE: 'https://handbook.example.com/ops/' });
    expect(result.stdout).toContain('[首次响应](https://handbook.example.com/ops/sops/first-reply/)：时限 20 秒 → 15 秒');
    expect(result.stdout).toContain('[售前客服](https://handbook.example.com/ops/roles/agent/)：新建：售前客服');
  });

  it('refuses an unreadable --since (2) and a folder outside git (1)', () => {
    expect(run(['--content', content, '--since', 'soon']).status).toBe(2);
    const outside = mkdtempSync(path.join(os.tmpdir(), 'opsbook-changes-cli-none-'));
    const result = run(['--content', outside]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('not in a git repository');
  });
});
