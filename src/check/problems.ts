/** What a check reports. Wording lives in src/check/rules.ts; model code only names the rule and its facts. */
export type Severity = 'error' | 'warning';

/** A money amount in a message, formatted in the reader's locale. */
export interface FenParam {
  readonly fen: number;
}

export type ParamValue = string | number | boolean | FenParam | readonly string[] | undefined;

export type PathSegment = string | number;

export interface Problem {
  readonly severity: Severity;
  readonly rule: string;
  /** Relative to the content folder, forward slashes. */
  readonly file: string;
  /** Field path inside the file, e.g. ['months', 3, 'revenue']. Empty for the whole file. */
  readonly path: readonly PathSegment[];
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly line?: number;
  /** 1-based cell index, for CSV cell and header problems (actuals). */
  readonly column?: number;
}

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
  return out;
}
