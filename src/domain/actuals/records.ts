/** The record: one CSV or YAML row, of one day or one month, after its cells are read. */
import type { PathSegment, Problem } from '../../check/problems.ts';
import { ruleOf } from '../../check/rules.ts';
import type { CsvEncoding } from './decode.ts';
import type { Written } from './values.ts';

/** Fields summed from days to months; channel spend is `spend.<channel label>`. */
export const ADDITIVE_FIELDS = ['revenue', 'refunds', 'orders', 'marketing'] as const;
/** Counts summed from days (日累计) but de-duplicated in a month record. */
export const COUNT_FIELDS = ['visitors', 'buyers'] as const;
export type AmountField = (typeof ADDITIVE_FIELDS)[number] | (typeof COUNT_FIELDS)[number] | `spend.${string}`;

export interface FieldSource {
  /** CSV: 1-based cell index. */
  readonly column?: number;
  /** CSV: the header as written; YAML: the field path. */
  readonly path: readonly PathSegment[];
}

export interface ActualRecord {
  readonly kind: 'day' | 'month';
  /** YYYY-MM-DD or YYYY-MM. */
  readonly key: string;
  readonly file: string;
  readonly line: number;
  /** Money in fen, counts as integers; a field absent here is not recorded. */
  readonly amounts: Map<AmountField, number>;
  readonly conversionRate?: Written;
  readonly averageOrderValue?: Written;
  readonly note?: string;
  readonly sources: Map<string, FieldSource>;
  readonly dateSource: FieldSource;
}

export interface ActualsFile {
  /** Relative to the content folder. */
  readonly file: string;
  readonly format: 'csv' | 'yaml';
  readonly encoding?: CsvEncoding;
  /** The first metadata line above a CSV header, or a YAML `source`. */
  readonly source?: string;
  readonly note?: string;
  readonly asOf?: { readonly date: string; readonly line?: number };
  readonly records: ActualRecord[];
  /** Keys (dates or months) of rows that hold a row-level error: their months skip month-level checks. */
  readonly erroneousKeys: string[];
  readonly problems: Problem[];
  /** The file cannot be read as a whole. */
  readonly fileError: boolean;
  /** The header used for orders when it was a child-order column (订单数口径). */
  readonly ordersHeader?: string;
  /** A per-item export (商品ID column) or an ad report with 成交金额: used for duplicateDate hints. */
  readonly itemExport?: boolean;
  readonly adRevenue?: boolean;
}

/** Excel's column letters: 1 → A, 27 → AA. */
export function excelColumn(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export function problem(rule: string, file: string, path: readonly PathSegment[], params: Problem['params'], line?: number, column?: number): Problem {
  if (column === undefined) return { severity: ruleOf(rule).severity, rule, file, path, params, line };
  // Messages name the cell the way a spreadsheet does: 第 12 行第 5 列（E 列“支付金额”）.
  const cell = { ...params, line, column, letter: excelColumn(column) };
  return { severity: ruleOf(rule).severity, rule, file, path, params: cell, line, column };
}
