import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nextActualsMonth, parseActualsArgs } from '../../../src/scaffold/actuals.ts';

describe('npm run new -- actuals', () => {
  it('picks the month after the last with data, within the period', () => {
    expect(nextActualsMonth({ start: '2014-01', end: '2014-12' }, '2014-11')).toBe('2014-12');
    expect(nextActualsMonth({ start: '2014-01', end: '2014-12' }, '2014-12')).toBe('2014-12');
    expect(nextActualsMonth({ start: '2014-01', end: '2014-12' }, undefined)).toBe('2014-01');
  });
  it('reads the plan id and an optional month', () => {
    expect(parseActualsArgs(['home-2014', '--month', '2014/9'])).toEqual({ ok: true, planId: 'home-2014', month: '2014-09', content: undefined });
    expect(parseActualsArgs([])).toMatchObject({ ok: false });
    expect(parseActualsArgs(['home-2014', '--month', '2014-13'])).toMatchObject({ ok: false });
  });
  it('writes content/actuals/<plan>/<month>.yaml that the checker then names field by field', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'opsbook-new-actuals-'));
    cpSync('content', dir, { recursive: true });
    const run = spawnSync(process.execPath, ['scripts/new.ts', 'actuals', 'home-2014', '--content', dir], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('2014-12.yaml');
    expect(run.stdout).toContain('asOf: 2014-11-30');
    expect(readFileSync(path.join(dir, 'actuals/home-2014/2014-12.yaml'), 'utf8')).toContain('- month: 2014-12');
    const again = spawnSync(process.execPath, ['scripts/new.ts', 'actuals', 'home-2014', '--content', dir, '--month', '2014-12'], { encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(spawnSync(process.execPath, ['scripts/new.ts', 'actuals', 'nope', '--content', dir], { encoding: 'utf8' }).status).toBe(1);
  });
});
