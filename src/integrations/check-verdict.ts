/**
 * The running build's content check, shared by the integration and content.config.ts.
 * The check runs on a second thread while Astro starts (build-thread.ts); its report is
 * printed once, by whichever needs it first: the integration before rendering, or the
 * content loaders when Astro's own reading of a file throws (its zod error, in English),
 * so the author sees the check's report (their language, every problem at once) and
 * the build stops with it. A global, not a module variable: Vite loads the content
 * config, Astro the integration, in one process.
 */
const KEY = Symbol.for('opsbook.content-check');

export interface CheckOutcome {
  readonly report: string;
  readonly errors: number;
  /** The errors stop the build. */
  readonly stops: boolean;
}

interface Shared {
  readonly outcome: Promise<CheckOutcome>;
  printed: boolean;
}

const shared = () => (globalThis as Record<symbol, Shared | undefined>)[KEY];

export function shareCheck(outcome: Promise<CheckOutcome>): void {
  outcome.catch(() => undefined);
  (globalThis as Record<symbol, Shared | undefined>)[KEY] = { outcome, printed: false };
}

export class ContentCheckFailed extends Error {
  constructor(count: number) {
    super(`Content check failed with ${count} error(s); see the report above. / 内容检查未通过，见上方报告。`);
    this.name = 'ContentCheckFailed';
  }
}

/** Waits for the check, prints its report (once) and throws when it stops the build. Nothing outside a build. */
export async function settleCheck(): Promise<void> {
  const current = shared();
  if (!current) return;
  const outcome = await current.outcome;
  if (!current.printed) {
    current.printed = true;
    process.stdout.write(`${outcome.report}\n`);
  }
  if (outcome.stops) throw new ContentCheckFailed(outcome.errors);
}

/** Runs `load`; when it throws, the check's failure (report first) takes its place, if the check fails. */
export async function withCheckVerdict<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    await settleCheck();
    throw error;
  }
}
