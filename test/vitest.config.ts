import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (test/unit, pure code, no build) and `site` (test/build and test/e2e: they share one
 * build of the sample and one Chromium, both started by global-setup.ts). Files of both run side by side: a
 * browser test waits on pages while a build test keeps a core busy; two build tests build side by side, each
 * in its own copy of the project (`AstroLane` in test/build/helpers.ts): two builds in one folder would share
 * `.astro/`.
 * `npm run test:unit` runs the first alone, in seconds.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    // Vitest's default is one worker less than the cores: one file at a time on this 2-core machine.
    maxWorkers: Math.max(2, availableParallelism()),
    // expect.poll gives up after 1 s by default: a search or a chart beside a build on a busy machine takes longer.
    expect: { poll: { timeout: 15_000 } },
    testTimeout: 180_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        // Unit files share their workers' module cache (isolate: false): three quarters of their time went to
        // importing the same schemas and tables in each of 75 files. They mock nothing and keep no state but
        // caches; the suite passes with its files in any order (--sequence.shuffle.files).
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 60_000, isolate: false },
      },
      {
        extends: true,
        test: { name: 'site', include: ['test/build/**/*.test.ts', 'test/e2e/**/*.test.ts'], globalSetup: ['test/global-setup.ts'] },
      },
    ],
  },
});
