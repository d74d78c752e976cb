/**
 * The checker's problems, for pages that show them (a plan's 待确认事项). The same `loadContent` run
 * as `npm run check` and the build's own check, over the same content folder, once per build.
 */
import { loadContent } from '../check/load.ts';
import type { Problem } from '../check/problems.ts';
import { contentDir } from '../integrations/content-dir.ts';

let cached: Promise<readonly Problem[]> | undefined;

export function checkerProblems(): Promise<readonly Problem[]> {
  cached ??= loadContent(contentDir()).then((result) => result.problems);
  return cached;
}
