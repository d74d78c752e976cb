/**
 * Pinyin annotations left in content by copying from web pages (運(yùn)營): found in every string of a
 * file's data and in every line of a body, reported once per value or line with the text as it should read.
 */
import { pinyinAnnotations, withoutPinyinAnnotations } from '../domain/pasted-text.ts';
import type { PathSegment } from './problems.ts';

export interface AnnotatedText {
  readonly path: readonly PathSegment[];
  /** The annotations as written, in order: (yùn)、(fā). */
  readonly found: readonly string[];
  /** Around the first annotation, as written and as it should read (at most ~40 characters). */
  readonly written: string;
  readonly cleaned: string;
  /** 1-based line within a body, for body lines. */
  readonly line?: number;
}

const AROUND = 16;

function annotated(text: string, where: Pick<AnnotatedText, 'path' | 'line'>): AnnotatedText | undefined {
  const found = pinyinAnnotations(text);
  if (!found.length) return undefined;
  const first = found[0]!;
  const last = found.filter((a) => a.index - first.index < AROUND * 2).pop()!;
  const start = Math.max(0, first.index - AROUND);
  const end = Math.min(text.length, last.index + last.text.length + AROUND);
  const written = `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  return { ...where, found: [...new Set(found.map((a) => a.text))], written, cleaned: withoutPinyinAnnotations(written) };
}

/** Every string value of parsed data holding an annotation, with its path. */
export function annotatedValues(value: unknown, path: readonly PathSegment[] = []): AnnotatedText[] {
  if (typeof value === 'string') {
    const found = annotated(value, { path });
    return found ? [found] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => annotatedValues(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => annotatedValues(item, [...path, key]));
  return [];
}

/** Every line of a body holding an annotation (line numbers from 1 within the body). */
export function annotatedLines(body: string): AnnotatedText[] {
  if (!/[(（]/.test(body)) return [];
  return body.split('\n').flatMap((text, i) => annotated(text, { path: ['body'], line: i + 1 }) ?? []);
}
