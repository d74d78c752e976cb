/** git for tests: no user or system configuration, fixed author and dates, not steered by the caller's GIT_DIR. */
import { execFileSync } from 'node:child_process';

export function gitEnv(date?: string): NodeJS.ProcessEnv {
  const { GIT_DIR: _dir, GIT_WORK_TREE: _tree, GIT_INDEX_FILE: _index, ...env } = process.env;
  return {
    ...env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
  };
}

/** Runs git in `dir`, committing at `date` when given; returns its output. */
export function git(dir: string, args: string[], date?: string): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', env: gitEnv(date) });
}
