/**
 * Makes the lanes test builds run in (one per core: test/build/helpers.ts, AstroLane); builds the sample
 * handbook once for the build and browser tests, into a temporary folder (never the user's dist/), and hands
 * its path to the tests; starts one Chromium that every browser test connects to (a launch per file cost a
 * second or more of the two cores each time).
 */
import os, { availableParallelism } from 'node:os';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { buildSite, makeAstroLanes, useAstroLanes } from './build/helpers.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './e2e/browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleDist: string;
    sampleBuildOutput: string;
    sampleBuildCode: number;
    /** The project copies test builds run in, one at a time each. */
    astroLanes: string[];
    /** Where the shared Chromium listens ('' when Chromium is not installed: launchBrowser then says how to install it). */
    browserEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  // Every temporary folder of the run (test handbooks, their builds, Chromium's profile) below one, removed at the
  // end: os.tmpdir() reads TMPDIR, which the workers and every process they start inherit.
  const runTemp = mkdtempSync(path.join(os.tmpdir(), 'opsbook-test-run-'));
  process.env.TMPDIR = runTemp;
  const lanes = makeAstroLanes(Math.max(2, availableParallelism()));
  useAstroLanes(lanes);
  project.provide('astroLanes', lanes);
  const browser = existsSync(CHROMIUM) ? await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true }) : undefined;
  project.provide('browserEndpoint', browser?.wsEndpoint() ?? '');
  const build = buildSite('content');
  project.provide('sampleDist', build.outDir);
  project.provide('sampleBuildOutput', build.output);
  project.provide('sampleBuildCode', build.code ?? -1);
  return async () => {
    await browser?.close();
    rmSync(runTemp, { recursive: true, force: true });
  };
}
