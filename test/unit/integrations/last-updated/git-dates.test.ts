/** Reading a real repository's history once: sub-folders, renames, Chinese names, dirty and untracked files, shallow clones, no git. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileDates, readContentHistory } from '../../../../src/integrations/last-updated/git-dates.ts';
import { lastUpdated } from '../../../../src/integrations/last-updated/last-updated.ts';
import { git, gitEnv } from '../../../git.ts';

function write(dir: string, file: string, text = `${file}\n`): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

const ms = (iso: string) => Date.parse(iso);
const env = gitEnv();

/** A repository whose content folder is 手册/ (not its top level). */
function repo(): { top: string; content: string } {
  const top = mkdtempSync(path.join(os.tmpdir(), 'opsbook-git-'));
  git(top, ['init', '-q', '-b', 'main']);
  const content = path.join(top, '手册');
  write(content, 'sops/a.md');
  write(content, 'sops/退款 审核.md');
  write(content, 'roles/old-name.md');
  write(top, 'README.md');
  git(top, ['add', '-A']);
  git(top, ['commit', '-q', '-m', 'one'], '2026-01-10T10:00:00Z');
  write(content, 'sops/a.md', 'changed\n');
  git(top, ['mv', '手册/roles/old-name.md', '手册/roles/new-name.md']);
  git(top, ['commit', '-q', '-a', '-m', 'two'], '2026-03-20T10:00:00Z');
  write(top, 'README.md', 'outside the content folder\n');
  git(top, ['commit', '-q', '-a', '-m', 'three'], '2026-05-01T10:00:00Z');
  return { top, content };
}

describe('readContentHistory', () => {
  it('dates each file by its last commit, relative to a content folder below the top level', () => {
    const { content } = repo();
    const history = readContentHistory(content, env)!;
    expect(history.commits.get('sops/a.md')).toBe(ms('2026-03-20T10:00:00Z'));
    expect(history.commits.get('sops/退款 审核.md')).toBe(ms('2026-01-10T10:00:00Z'));
    expect(history.commits.has('README.md')).toBe(false);
    expect(history.edits.size).toBe(0);
  });

  it('dates a renamed file from its rename', () => {
    const { content } = repo();
    const history = readContentHistory(content, env)!;
    expect(history.commits.get('roles/new-name.md')).toBe(ms('2026-03-20T10:00:00Z'));
    expect(lastUpdated(undefined, fileDates(history, 'roles/new-name.md'))).toBe('2026-03-20');
  });

  it('uses the modification time of modified and untracked files, like the build date', () => {
    const { content } = repo();
    write(content, 'sops/a.md', 'edited, not committed\n');
    utimesSync(path.join(content, 'sops/a.md'), new Date('2026-11-24T08:00:00Z'), new Date('2026-11-24T08:00:00Z'));
    write(content, 'sops/新 SOP.md');
    utimesSync(path.join(content, 'sops/新 SOP.md'), new Date('2026-11-23T08:00:00Z'), new Date('2026-11-23T08:00:00Z'));
    const history = readContentHistory(content, env)!;
    expect(history.edits).toEqual(
      new Map([
        ['sops/a.md', ms('2026-11-24T08:00:00Z')],
        ['sops/新 SOP.md', ms('2026-11-23T08:00:00Z')],
      ]),
    );
    expect(lastUpdated(undefined, fileDates(history, 'sops/a.md'), '2026-11-25')).toBe('2026-11-24');
    expect(lastUpdated(undefined, fileDates(history, 'sops/新 SOP.md'), '2026-11-25')).toBe('2026-11-23');
    expect(lastUpdated(undefined, fileDates(history, 'sops/退款 审核.md'), '2026-11-25')).toBe('2026-01-10');
  });

  it('gives every file the last commit’s date in a shallow clone of depth 1', () => {
    const { top } = repo();
    const clone = mkdtempSync(path.join(os.tmpdir(), 'opsbook-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${top}`, clone], { env });
    const history = readContentHistory(path.join(clone, '手册'), env)!;
    expect(new Set(history.commits.values())).toEqual(new Set([ms('2026-05-01T10:00:00Z')]));
    expect([...history.commits.keys()].sort()).toEqual(['roles/new-name.md', 'sops/a.md', 'sops/退款 审核.md']);
  });

  it('works in a repository without any commit yet (untracked files only)', () => {
    const top = mkdtempSync(path.join(os.tmpdir(), 'opsbook-git-'));
    git(top, ['init', '-q']);
    write(top, 'sops/a.md');
    utimesSync(path.join(top, 'sops/a.md'), new Date('2026-11-22T08:00:00Z'), new Date('2026-11-22T08:00:00Z'));
    const history = readContentHistory(top, env)!;
    expect(history.commits.size).toBe(0);
    expect(history.edits).toEqual(new Map([['sops/a.md', ms('2026-11-22T08:00:00Z')]]));
  });

  it('has no history outside git, or when git is not installed', () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'opsbook-nogit-'));
    write(outside, 'sops/a.md');
    expect(readContentHistory(outside, { ...env, GIT_CEILING_DIRECTORIES: path.dirname(outside) })).toBeUndefined();
    const { content } = repo();
    expect(readContentHistory(content, { ...env, PATH: path.join(outside, 'no-such-bin') })).toBeUndefined();
    expect(fileDates(undefined, 'sops/a.md')).toBeUndefined();
  });
});
