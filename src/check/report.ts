/** Rendering problems for people (terminal) and for tools (JSON). */
import { isLocale, sourceLocale, type Locale } from '../i18n/index.ts';
import path from 'node:path';
import type { Problem } from './problems.ts';
import { formatPath } from './problems.ts';
import { inScriptOf } from '../domain/script.ts';
import { hintFor, makeSay, ruleOf } from './rules.ts';

export interface RenderedProblem {
  readonly severity: Problem['severity'];
  readonly rule: string;
  readonly file: string;
  readonly line: number | null;
  /** 1-based cell index of a CSV problem (actuals), else null. */
  readonly column: number | null;
  readonly path: string;
  readonly message: string;
  readonly hint: string | null;
}

export function renderProblem(problem: Problem, lang: Locale): RenderedProblem {
  const base = sourceLocale(lang);
  const rule = ruleOf(problem.rule);
  const say = makeSay(base);
  const convert = inScriptOf(lang);
  const hint = hintFor(rule, problem.params, base);
  return {
    severity: problem.severity,
    rule: problem.rule,
    file: problem.file,
    line: problem.line ?? null,
    column: problem.column ?? null,
    path: formatPath(problem.path),
    message: convert(rule.message[base](problem.params, say)),
    hint: hint ? convert(hint) : null,
  };
}

export function toJson(problems: readonly Problem[], lang: Locale): string {
  return JSON.stringify({ problems: problems.map((p) => renderProblem(p, lang)) }, null, 2);
}

const WORDS = {
  'zh-CN': { error: '错误', warning: '警告', hint: '提示', ok: '内容检查通过', summary: (e: number, w: number) => `${e} 个错误，${w} 个警告` },
  'zh-TW': { error: '錯誤', warning: '警告', hint: '提示', ok: '內容檢查通過', summary: (e: number, w: number) => `${e} 個錯誤，${w} 個警告` },
  en: {
    error: 'error',
    warning: 'warning',
    hint: 'hint',
    ok: 'Content check passed',
    summary: (e: number, w: number) => `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`,
  },
} as const;

export interface TextOptions {
  readonly lang: Locale;
  /** Content folder as the user should see it, to make file paths clickable (content/roles/x.md:3). */
  readonly displayRoot: string;
  readonly color: boolean;
}

export function toText(problems: readonly Problem[], options: TextOptions): string {
  const words = WORDS[options.lang];
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  for (const problem of problems) {
    const r = renderProblem(problem, options.lang);
    const where = `${path.posix.join(options.displayRoot, r.file)}${r.line ? `:${r.line}${r.column ? `:${r.column}` : ''}` : ''}`;
    const label = r.severity === 'error' ? paint('31;1', words.error) : paint('33;1', words.warning);
    lines.push(`${paint('1', where)}  ${label}  ${r.path ? `${paint('36', r.path)}  ` : ''}${r.message}  ${paint('2', `[${r.rule}]`)}`);
    if (r.hint) lines.push(`    ${words.hint}: ${r.hint}`);
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  lines.push(problems.length === 0 ? words.ok : words.summary(errors, warnings));
  return lines.join('\n');
}

export function langForLocale(locale: string | undefined): Locale {
  return isLocale(locale) ? locale : 'zh-CN';
}
