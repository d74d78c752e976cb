/** Building a handbook folder with the real Astro CLI into a temporary dist/, as a user would. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

export interface BuildResult {
  readonly code: number | null;
  readonly output: string;
  readonly outDir: string;
}

export function buildSite(contentDir: string, env: Record<string, string> = {}, options: { config?: string } = {}): BuildResult {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'opsbook-dist-'));
  const config = options.config ? ['--config', options.config] : [];
  const result = withAstroLane((root) =>
    spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir, ...config], {
      cwd: root,
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

  tryTake(): boolean {
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
 * Astro runs in a project folder one at a time: two builds (or a build and `astro dev`) of one folder share
 * `.astro/` (the content modules map, types) and `node_modules/.astro` (the content cache) and break each other.
 * So the tests build in lanes: copies of the project (its source, scripts and config; `node_modules` a folder
 * of links to the project's packages, so that each lane has its own caches) made by test/global-setup.ts, one
 * per core, each with its own lock. Two test files build side by side, as they run. Outside that set-up the
 * project itself is the one lane. Browser tests of a finished build need no lane.
 */
export class AstroLane {
  readonly root: string;
  readonly lock: FolderLock;

  constructor(root: string) {
    this.root = root;
    const key = createHash('sha256').update(root).digest('hex').slice(0, 12);
    this.lock = new FolderLock(path.join(os.tmpdir(), `opsbook-astro-${key}.lock`));
  }
}

/** What a lane holds of the project, besides links to its packages. */
const LANE_PARTS = ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'test/build/unchecked.config.mjs'];

/** Makes `count` lanes below a new temporary folder; returns their roots. */
export function makeAstroLanes(count: number): string[] {
  const parent = mkdtempSync(path.join(os.tmpdir(), `opsbook-lanes-${projectKey}-`));
  const modules = path.resolve('node_modules');
  return Array.from({ length: count }, (_, i) => {
    const root = path.join(parent, `lane-${i}`);
    for (const part of LANE_PARTS) {
      mkdirSync(path.dirname(path.join(root, part)), { recursive: true });
      if (statSync(part).isDirectory()) cpSync(part, path.join(root, part), { recursive: true });
      else copyFileSync(part, path.join(root, part));
    }
    mkdirSync(path.join(root, 'node_modules'));
    // Each package linked, not node_modules as a whole: the caches Astro and Vite keep in it stay the lane's own.
    for (const name of readdirSync(modules)) {
      if (name === '.astro' || name === '.vite' || name === '.cache') continue;
      symlinkSync(path.join(modules, name), path.join(root, 'node_modules', name));
    }
    return root;
  });
}

let lanes: AstroLane[] | undefined;

/** Sets the lanes of this process (the global set-up, which cannot `inject`). */
export function useAstroLanes(roots: readonly string[]): void {
  lanes = roots.map((root) => new AstroLane(root));
}

function astroLanes(): AstroLane[] {
  if (!lanes) {
    let roots: readonly string[] = [];
    try {
      roots = inject('astroLanes') ?? [];
    } catch {
      // not in a vitest worker
    }
    useAstroLanes(roots.length > 0 ? roots : [process.cwd()]);
  }
  return lanes!;
}

/** Takes a free lane, waiting (blocking) until one is: for code that then runs Astro synchronously. */
export function withAstroLane<T>(run: (root: string) => T): T {
  for (;;) {
    for (const lane of astroLanes()) {
      if (lane.lock.tryTake()) {
        try {
          return run(lane.root);
        } finally {
          lane.lock.release();
        }
      }
    }
    Atomics.wait(PAUSE, 0, 0, 100);
  }
}

/** Takes a free lane without blocking the event loop (for `astro dev`, kept up while a browser uses it). */
export async function takeAstroLane(): Promise<{ readonly root: string; release(): void }> {
  for (;;) {
    for (const lane of astroLanes()) if (lane.lock.tryTake()) return { root: lane.root, release: () => lane.lock.release() };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
