/** Building a handbook folder with the real Astro CLI into a temporary dist/, as a user would. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BuildResult {
  readonly code: number | null;
  readonly output: string;
  readonly outDir: string;
}

export function buildSite(contentDir: string, env: Record<string, string> = {}, options: { config?: string } = {}): BuildResult {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'opsbook-dist-'));
  const config = options.config ? ['--config', options.config] : [];
  const result = withAstroLock(() =>
    spawnSync(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir, ...config], {
      encoding: 'utf8',
      env: buildEnv(contentDir, env),
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  return { code: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/** The environment of a test build: the content folder, a fixed today and build date, no colours. */
export function buildEnv(contentDir: string, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, OPSBOOK_CONTENT: path.resolve(contentDir), OPSBOOK_TODAY: '2026-11-25', OPSBOOK_BUILD_DATE: '2026-11-25', NO_COLOR: '1', ...env };
}

export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

export function page(outDir: string, route: string): string {
  return readFileSync(path.join(outDir, route, 'index.html'), 'utf8');
}

/** The visible text of a page, tags removed, entities left as they are. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ');
}

/** A hash of every file's path, time, size and bytes below a folder: equal before and after means nothing was written. */
export function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      const info = statSync(full);
      if (info.isDirectory()) walk(full);
      else hash.update(`${path.relative(dir, full)}:${info.mtimeMs}:${info.size}:`).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/**
 * A lock between the test files that run side by side (vitest workers are processes). A directory is the lock
 * (mkdir is atomic); it names its holder's pid, so a lock left by a worker that died is taken over rather than
 * waited on forever.
 */
class FolderLock {
  readonly folder: string;

  constructor(folder: string) {
    this.folder = folder;
  }

  private tryTake(): boolean {
    try {
      mkdirSync(this.folder);
      writeFileSync(path.join(this.folder, 'pid'), String(process.pid));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = Number.NaN;
      try {
        holder = Number(readFileSync(path.join(this.folder, 'pid'), 'utf8'));
      } catch {
        return false; // being taken right now: its pid file is not written yet
      }
      if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) rmSync(this.folder, { recursive: true, force: true });
      return false;
    }
  }

  /** Waits, blocking, until this process holds the lock: for code that then runs a child synchronously. */
  take(): void {
    while (!this.tryTake()) Atomics.wait(PAUSE, 0, 0, 100);
  }

  /** Waits without blocking the event loop (a server and a browser run in this process meanwhile). */
  async takeAsync(): Promise<void> {
    while (!this.tryTake()) await new Promise((resolve) => setTimeout(resolve, 100));
  }

  release(): void {
    rmSync(this.folder, { recursive: true, force: true });
  }

  with<T>(run: () => T): T {
    this.take();
    try {
      return run();
    } finally {
      this.release();
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const projectKey = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 12);

/**
 * Astro runs in this project one at a time, across test files that run side by side: two builds (or a build
 * and `astro dev`) of one project share `.astro/` (content modules, types) and the content cache, and break
 * each other. Browser tests of a finished build need no lock and run beside a build.
 */
export const astroLock = new FolderLock(path.join(os.tmpdir(), `opsbook-astro-${projectKey}.lock`));

/** Runs Astro (a build, `npm run build`) with the lock held. */
export function withAstroLock<T>(run: () => T): T {
  return astroLock.with(run);
}

/**
 * The shared sample build printed by `npm run pdf -- --no-build` into a copy of it (pdf.ts writes PDFs and
 * links into the folder it prints, and other tests read the shared build untouched). Printed once for all the
 * test files that read the PDFs: the first to ask prints, the others wait for it and reuse the copy.
 */
export function printedSample(sampleDist: string): { dist: string; status: number | null; stderr: string } {
  const dist = `${sampleDist}-printed`;
  const done = path.join(`${dist}.done`);
  return new FolderLock(`${dist}.lock`).with(() => {
    if (!existsSync(done)) {
      rmSync(dist, { recursive: true, force: true });
      cpSync(sampleDist, dist, { recursive: true });
      const run = spawnSync(process.execPath, ['scripts/pdf.ts', '--no-build', '--dist', dist], { encoding: 'utf8' });
      writeFileSync(done, JSON.stringify({ status: run.status, stderr: run.stderr }));
    }
    const { status, stderr } = JSON.parse(readFileSync(done, 'utf8')) as { status: number | null; stderr: string };
    return { dist, status, stderr };
  });
}
