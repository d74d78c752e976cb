import { describe, expect, it } from 'vitest';
import { isoDay, lastUpdated, normalisePrefix, parseGitLog, parseGitStatus } from '../../../../src/integrations/last-updated/last-updated.ts';

const day = (iso: string) => Date.parse(`${iso}T10:00:00Z`);
const secs = (iso: string) => day(iso) / 1000;

/** What `git log -z --no-renames --name-only --format=%x01%ct -- .` prints: header NUL, newline, paths each ending in NUL. */
function log(...commits: [string, ...string[]][]): string {
  return commits.map(([date, ...files]) => `\x01${secs(date)}\0${files.length ? `\n${files.map((f) => `${f}\0`).join('')}` : ''}`).join('');
}

describe('parseGitLog', () => {
  it('gives each file the time of the newest commit touching it, relative to the content folder', () => {
    const out = log(['2026-11-20', 'handbook/sops/a.md'], ['2026-10-01', 'handbook/sops/a.md', 'handbook/roles/b.md']);
    expect(parseGitLog(out, 'handbook/')).toEqual(
      new Map([
        ['sops/a.md', day('2026-11-20')],
        ['roles/b.md', day('2026-10-01')],
      ]),
    );
  });

  it('keeps paths as they are at the top level when the content folder is the repository', () => {
    expect(parseGitLog(log(['2026-11-20', 'sops/a.md']), '')).toEqual(new Map([['sops/a.md', day('2026-11-20')]]));
  });

  it('takes the newest time whatever the order (clock skew, rebased branches)', () => {
    const out = log(['2026-01-01', 'sops/a.md'], ['2026-03-01', 'sops/a.md'], ['2026-02-01', 'sops/a.md']);
    expect(parseGitLog(out).get('sops/a.md')).toBe(day('2026-03-01'));
  });

  it('reads Chinese names, spaces, quotes and newlines as they are (-z: nothing is quoted)', () => {
    const out = log(['2026-11-20', 'c/sops/退款 审核.md', 'c/sops/say "hi".md', 'c/sops/two\nlines.md']);
    expect([...parseGitLog(out, 'c/').keys()]).toEqual(['sops/退款 审核.md', 'sops/say "hi".md', 'sops/two\nlines.md']);
  });

  it('skips merge commits, which list no file', () => {
    const out = log(['2026-11-25'], ['2026-11-20', 'sops/side.md'], ['2026-11-01', 'sops/a.md']);
    expect(parseGitLog(out)).toEqual(
      new Map([
        ['sops/side.md', day('2026-11-20')],
        ['sops/a.md', day('2026-11-01')],
      ]),
    );
  });

  it('dates a renamed file from its rename (--no-renames: old path deleted, new one added)', () => {
    const out = log(['2026-11-20', 'sops/new-name.md', 'sops/old-name.md'], ['2026-01-01', 'sops/old-name.md']);
    const dates = parseGitLog(out);
    expect(dates.get('sops/new-name.md')).toBe(day('2026-11-20'));
  });

  it('gives every file the one commit of a shallow clone (depth 1)', () => {
    const dates = parseGitLog(log(['2026-11-20', 'sops/a.md', 'sops/b.md', 'site.yaml']));
    expect(new Set(dates.values())).toEqual(new Set([day('2026-11-20')]));
    expect(dates.size).toBe(3);
  });

  it('ignores paths outside the content folder, empty output and garbage headers', () => {
    expect(parseGitLog(log(['2026-11-20', 'other/x.md', 'handbook/a.md']), 'handbook/')).toEqual(new Map([['a.md', day('2026-11-20')]]));
    expect(parseGitLog('')).toEqual(new Map());
    expect(parseGitLog('\x01\0\nsops/a.md\0\x01soon\0\nsops/b.md\0')).toEqual(new Map());
  });
});

describe('parseGitStatus', () => {
  it('lists modified, staged, added and untracked files relative to the content folder', () => {
    const out = ' M hb/sops/a.md\0M  hb/sops/b.md\0A  hb/sops/c.md\0?? hb/sops/新 SOP.md\0MM hb/roles/d.md\0';
    expect(parseGitStatus(out, 'hb/')).toEqual(['sops/a.md', 'sops/b.md', 'sops/c.md', 'sops/新 SOP.md', 'roles/d.md']);
  });

  it('skips the original path after a rename or copy', () => {
    expect(parseGitStatus('R  sops/new.md\0sops/old.md\0 M sops/x.md\0')).toEqual(['sops/new.md', 'sops/x.md']);
    expect(parseGitStatus('C  sops/copy.md\0sops/orig.md\0')).toEqual(['sops/copy.md']);
  });

  it('keeps deletions (the caller finds no file) and drops ignored entries and empty output', () => {
    expect(parseGitStatus(' D sops/gone.md\0!! sops/ignored.md\0')).toEqual(['sops/gone.md']);
    expect(parseGitStatus('')).toEqual([]);
  });
});

describe('normalisePrefix', () => {
  it('ends a sub-folder with one slash and leaves the top level empty', () => {
    expect(normalisePrefix('handbook/\n')).toBe('handbook/');
    expect(normalisePrefix('docs/手册/\n')).toBe('docs/手册/');
    expect(normalisePrefix('\n')).toBe('');
    expect(normalisePrefix('')).toBe('');
  });
});

describe('lastUpdated', () => {
  it('takes the entry’s own updated date first', () => {
    expect(lastUpdated('2026-03-01', { commit: day('2026-11-20') })).toBe('2026-03-01');
    expect(lastUpdated('2026-03-01', undefined)).toBe('2026-03-01');
    expect(lastUpdated('2026-03-01', { commit: day('2026-11-20'), edit: day('2026-11-24') }, '2026-11-25')).toBe('2026-03-01');
  });

  it('else takes the day of the file’s last commit (UTC, like the build date)', () => {
    expect(lastUpdated(undefined, { commit: day('2026-11-20') })).toBe('2026-11-20');
    expect(lastUpdated(undefined, { commit: Date.parse('2026-11-20T23:30:00-02:00') })).toBe('2026-11-21');
  });

  it('takes the modification time of a file with uncommitted changes, when newer', () => {
    expect(lastUpdated(undefined, { commit: day('2026-11-20'), edit: day('2026-11-24') })).toBe('2026-11-24');
    expect(lastUpdated(undefined, { commit: day('2026-11-20'), edit: day('2026-01-01') })).toBe('2026-11-20');
    // Untracked: no commit yet.
    expect(lastUpdated(undefined, { edit: day('2026-11-24') })).toBe('2026-11-24');
  });

  it('is never after the build date', () => {
    expect(lastUpdated(undefined, { edit: day('2026-12-24') }, '2026-11-25')).toBe('2026-11-25');
    expect(lastUpdated(undefined, { commit: day('2026-11-20') }, '2026-11-25')).toBe('2026-11-20');
  });

  it('is undefined when there is nothing to go by (outside git, git missing, an ignored file)', () => {
    expect(lastUpdated(undefined, undefined)).toBeUndefined();
    expect(lastUpdated(undefined, {}, '2026-11-25')).toBeUndefined();
    expect(lastUpdated('', undefined)).toBeUndefined();
  });

  it('writes days as YYYY-MM-DD in UTC', () => {
    expect(isoDay(Date.parse('2026-01-02T00:00:00+08:00'))).toBe('2026-01-01');
  });
});
