/** `npm run check` as a user runs it: exit codes, options, output formats, and no writes. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fingerprint } from '../../build/helpers.ts';

const NODE = process.execPath;
const CLI = path.resolve('src/check/cli.ts');

function check(...args: string[]) {
  const result = spawnSync(NODE, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, OPSBOOK_TODAY: '2026-11-25', NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run check', () => {
  it('passes the sample with the second-quarter warning, and fails it with --strict', () => {
    const plain = check();
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('content/plans/home-2014.md:');
    expect(plain.stdout).toContain('16.25万元');
    expect(plain.stdout).toContain('18.75万元');
    expect(plain.stdout).toMatch(/0 个错误，\d+ 个警告/);
    expect(check('--strict').code).toBe(1);
  });

  it('checks another folder, exits 1 on errors and never writes into it', () => {
    const folder = path.resolve('test/fixtures/broken');
    const before = fingerprint(folder);
    const result = check('--content', folder);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('roles/cycle-a.md:4');
    expect(result.stderr).toBe('');
    expect(fingerprint(folder)).toBe(before);
  });

  it('prints machine-readable JSON with files relative to the content folder', () => {
    const result = check('--content', 'test/fixtures/broken', '--json', '--lang', 'en');
    const parsed = JSON.parse(result.stdout) as { problems: Record<string, unknown>[] };
    const cycle = parsed.problems.find((p) => p.rule === 'org.cycle' && p.file === 'roles/cycle-a.md');
    expect(cycle).toEqual({
      severity: 'error',
      rule: 'org.cycle',
      file: 'roles/cycle-a.md',
      line: 4,
      column: null,
      path: 'reportsTo',
      message: 'reportsTo forms a cycle: cycle-a → cycle-b → cycle-c → cycle-a',
      hint: 'One role in the loop must report outside it, or have no reportsTo.',
    });
    for (const problem of parsed.problems)
      expect(Object.keys(problem).sort()).toEqual(['column', 'file', 'hint', 'line', 'message', 'path', 'rule', 'severity']);
  });

  it('refuses unknown options with a usage line and exit 2', () => {
    const result = check('--colour');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run check');
    expect(check('--lang', 'fr').code).toBe(2);
  });

  it('reports a missing content folder instead of crashing', () => {
    const result = check('--content', 'no/such/folder');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
  });
});
