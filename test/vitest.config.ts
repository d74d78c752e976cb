import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (test/unit, pure code, files in parallel, no build) and `site` (test/build and
 * test/e2e: they share one build of the sample made by global-setup.ts, and start Astro and Chromium, so
 * their files run one by one on 2 cores). `npm run test:unit` runs the first alone, in seconds.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    testTimeout: 180_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 60_000 } },
      {
        extends: true,
        test: { name: 'site', include: ['test/build/**/*.test.ts', 'test/e2e/**/*.test.ts'], globalSetup: ['test/global-setup.ts'], fileParallelism: false },
      },
    ],
  },
});
