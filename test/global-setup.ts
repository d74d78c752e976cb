/**
 * Builds the sample handbook once for the build and browser tests, into a
 * temporary folder (never the user's dist/), and hands its path to the tests.
 */
import type { TestProject } from 'vitest/node';
import { buildSite } from './build/helpers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleDist: string;
    sampleBuildOutput: string;
    sampleBuildCode: number;
  }
}

export default function setup(project: TestProject) {
  const build = buildSite('content');
  project.provide('sampleDist', build.outDir);
  project.provide('sampleBuildOutput', build.output);
  project.provide('sampleBuildCode', build.code ?? -1);
}
