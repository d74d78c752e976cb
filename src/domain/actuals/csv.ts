/**
 * One CSV export → records, with every problem (actuals-format.md, "CSV"). csv-parse reads the
 * RFC 4180 dialect (quoted commas and line breaks); this module finds the header under the
 * metadata lines, maps the columns and reads each cell.
 */
import { parse } from 'csv-parse/sync';
import type { Problem } from '../../check/problems.ts';
import { toHalfWidth } from '../text.ts';
import { decodeCsv, undoMojibake, type CsvEncoding } from './decode.ts';
import {
  AD_REPORT_HEADERS,
  classifyHeader,
  FIELD_HEADERS,
  FIELD_TYPE,
  headerIs,
  ITEM_ID_HEADERS,
  SUMMARY_WORDS,
  type ActualField,
  type HeaderMeaning,
  type HeaderUnit,
} from './headers.ts';
import { problem, type ActualRecord, type ActualsFile, type AmountField, type FieldSource } from './records.ts';
import {
  isEmptyCell,
  parseActualMoney,
  parseCount,
  parseDayCell,
  parseDecimal,
  parseMonthCell,
  parsePercent,
  unwrapCell,
  type CellResult,
  type Written,
} from './values.ts';

export interface CsvOptions {
  /** The plan's `tracking.channels`. */
  readonly channels?: readonly string[];
  /** zh-TW sites try Big5 before GB18030. */
  readonly big5First?: boolean;
}

const MAX_HEADER_SEARCH = 20;

type Classified = HeaderMeaning & { unit?: HeaderUnit };

function splitRecord(line: string): string[] | undefined {
  try {
    const rows = parse(line, { relax_column_count: true, relax_quotes: true }) as string[][];
    return rows[0];
  } catch {
    return undefined;
  }
}

function isDateHeader(meaning: Classified): boolean {
  return meaning.kind === 'field' && (meaning.field === 'date' || meaning.field === 'month');
}

interface HeaderFound {
  readonly index: number;
  readonly cells: string[];
  readonly meanings: Classified[];
}

/** The first physical line, among the first 20 non-blank ones, with a date/month name and another known name. */
export function findHeader(
  lines: readonly string[],
  channels: readonly string[] = [],
  split: (line: string) => string[] | undefined = splitRecord,
): HeaderFound | undefined {
  let nonBlank = 0;
  for (let i = 0; i < lines.length && nonBlank < MAX_HEADER_SEARCH; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    nonBlank++;
    const cells = split(line);
    if (!cells) continue;
    const meanings = cells.map((c) => classifyHeader(c, channels));
    const dateAt = meanings.findIndex(isDateHeader);
    if (dateAt === -1) continue;
    if (meanings.some((m, j) => j !== dateAt && (m.kind === 'field' || m.kind === 'channel' || m.kind === 'ignored'))) return { index: i, cells, meanings };
  }
  return undefined;
}

const splitLines = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');

interface Column {
  readonly index: number;
  readonly header: string;
  readonly field: ActualField | `spend.${string}`;
  readonly unit?: HeaderUnit;
}

export function readCsvActuals(file: string, bytes: Uint8Array, options: CsvOptions = {}): ActualsFile {
  const channels = options.channels ?? [];
  const problems: Problem[] = [];
  const fail = (rule: string, params: Problem['params'], line: number, column?: number, path: string[] = []): ActualsFile => {
    problems.push(problem(rule, file, path, params, line, column));
    return { file, format: 'csv', records: [], erroneousKeys: [], problems, fileError: true };
  };
  const decoded = decodeCsv(bytes, { big5First: options.big5First });
  if (!decoded.ok) {
    if (decoded.reason === 'spreadsheet') return fail('actuals.noHeader', { accepted: acceptedDateNames(), cause: 'xls' }, 1);
    return fail('actuals.encoding', { encoding: decoded.encoding, reason: decoded.reason }, decoded.line);
  }
  const candidates: { text: string; encoding: CsvEncoding }[] =
    'candidates' in decoded ? decoded.candidates : [{ text: decoded.text, encoding: decoded.encoding }];
  let chosen: { text: string; encoding: CsvEncoding; lines: string[]; header: HeaderFound } | undefined;
  for (const candidate of candidates) {
    const lines = splitLines(candidate.text);
    const header = findHeader(lines, channels);
    if (header) {
      chosen = { ...candidate, lines, header };
      break;
    }
  }
  if (!chosen) {
    const first = candidates[0]!;
    const lines = splitLines(first.text);
    if (first.encoding.startsWith('UTF-8')) {
      const fixed = undoMojibake(first.text);
      if (fixed !== undefined && fixed !== first.text && findHeader(splitLines(fixed), channels)) {
        const sample = lines.find((l) => l.trim() !== '')?.slice(0, 12) ?? '';
        const original =
          splitLines(fixed)
            .find((l) => l.trim() !== '')
            ?.slice(0, 12) ?? '';
        return fail('actuals.encoding', { encoding: 'UTF-8', reason: 'mojibake', sample, original }, 1);
      }
    }
    let cause = 'unknown';
    if (findHeader(lines, channels, (l) => l.split('\t'))) cause = 'tab';
    else if (findHeader(lines, channels, (l) => l.split(';'))) cause = 'semicolon';
    return fail('actuals.noHeader', { accepted: acceptedDateNames(), cause }, 1);
  }
  const { lines, header, encoding } = chosen;
  const headerLine = header.index + 1;
  const sourceLine = lines
    .slice(0, header.index)
    .find((l) => l.trim() !== '')
    ?.trim()
    .replace(/,+$/, '');

  // Columns: map each header, report conflicts and unknown names.
  const columns: Column[] = [];
  const taken = new Map<string, Column>();
  let fileError = false;
  let childOrders: Column | undefined;
  let dateColumn: Column | undefined;
  const headerCells = header.cells;
  for (let i = 0; i < headerCells.length; i++) {
    const raw = headerCells[i]!;
    const written = raw.trim();
    const meaning = header.meanings[i]!;
    if (meaning.kind === 'ignored') continue;
    if (meaning.kind === 'empty') continue; // an empty header over data is reported when a row has a value there
    if (meaning.kind === 'unknown') {
      problems.push(problem('actuals.unknownColumn', file, [written], { header: written, suggestion: meaning.suggestion, where: 'csv' }, headerLine, i + 1));
      continue;
    }
    const field = meaning.kind === 'channel' ? (`spend.${meaning.channel}` as const) : meaning.field;
    const column: Column = { index: i, header: written, field, unit: meaning.unit };
    if (meaning.kind === 'field' && meaning.field === 'orders' && meaning.child) {
      if (childOrders) {
        problems.push(problem('actuals.columnConflict', file, [written], { first: childOrders.header, second: written, field: 'orders' }, headerLine, i + 1));
        fileError = true;
      } else childOrders = column;
      continue;
    }
    const dateLike = field === 'date' || field === 'month';
    const conflictKey = dateLike ? 'date/month' : field;
    const earlier = taken.get(conflictKey);
    if (earlier) {
      problems.push(
        problem(
          'actuals.columnConflict',
          file,
          [written],
          { first: earlier.header, second: written, field: dateLike ? 'date/month' : field },
          headerLine,
          i + 1,
        ),
      );
      fileError = true;
      continue;
    }
    taken.set(conflictKey, column);
    if (dateLike) dateColumn = column;
    columns.push(column);
  }
  let ordersHeader: string | undefined;
  if (childOrders && !taken.has('orders')) {
    columns.push(childOrders);
    ordersHeader = childOrders.header;
  }
  const itemExport = headerCells.some((c) => headerIs(c, ITEM_ID_HEADERS));
  const adRevenue = taken.has('revenue') && headerCells.some((c) => headerIs(c, AD_REPORT_HEADERS) || headerIs(c, ['花费']));
  const base = { file, format: 'csv' as const, encoding, source: sourceLine, ordersHeader, itemExport, adRevenue };
  if (fileError || !dateColumn) return { ...base, records: [], erroneousKeys: [], problems, fileError: true };

  // Rows below the header, each with the physical line it starts on.
  const body = lines.slice(header.index).join('\n');
  let rows: { record: string[]; info: { lines: number } }[];
  let parseError: { line: number; message: string } | undefined;
  try {
    rows = parse(body, { relax_column_count: true, relax_quotes: true, info: true, skip_empty_lines: false }) as unknown as typeof rows;
  } catch (error) {
    // An unclosed quote swallows the rest of the file: read what came before it, report where it starts.
    const e = error as { lines?: number; message?: string };
    parseError = { line: header.index + (e.lines ?? 1), message: String(e.message ?? error) };
    rows = [];
    try {
      const upTo = lines.slice(header.index, header.index + Math.max(1, (e.lines ?? 1) - 1)).join('\n');
      rows = parse(upTo, { relax_column_count: true, relax_quotes: true, info: true, skip_empty_lines: false }) as unknown as typeof rows;
    } catch {
      rows = [];
    }
  }
  const headerWidth = effectiveWidth(headerCells);
  const records: ActualRecord[] = [];
  const erroneousKeys: string[] = [];
  const seenKinds = new Set<'day' | 'month'>();
  let firstKind: 'day' | 'month' | undefined;
  // csv-parse gives the line a record ends on; it starts on the line after the previous one's end.
  let previousEnd = header.index;
  for (let r = 0; r < rows.length; r++) {
    const { record, info } = rows[r]!;
    const startLine = previousEnd + 1;
    previousEnd = header.index + info.lines;
    if (r === 0) continue; // the header itself
    const line = startLine;
    const cells = record.map(unwrapCell);
    if (cells.every((c) => c === '')) continue;
    const dateText = cells[dateColumn.index] ?? '';
    const folded = toHalfWidth(dateText).trim().toLowerCase();
    if ((SUMMARY_WORDS as readonly string[]).some((w) => folded === w || folded.startsWith(w))) continue;
    if (effectiveWidth(cells) > headerWidth || cells.length < headerWidth) {
      const looksSplit = cells.length > headerWidth && cells.some((c, i) => i > 0 && /^\d{3}(\.\d+)?$/.test(c) && /^\d{1,3}$/.test(cells[i - 1] ?? ''));
      problems.push(problem('actuals.rowShape', file, [], { found: effectiveWidth(cells), expected: headerWidth, thousands: looksSplit }, line));
      continue;
    }
    // An empty header over a value: the value would be silently lost.
    for (let i = 0; i < headerCells.length; i++) {
      if (header.meanings[i]!.kind === 'empty' && cells[i] && !isEmptyCell(cells[i]!)) {
        problems.push(problem('actuals.unknownColumn', file, [], { header: '', where: 'csv' }, headerLine, i + 1));
        header.meanings[i] = { kind: 'ignored' };
      }
    }
    let rowError = false;
    const dateSource: FieldSource = { column: dateColumn.index + 1, path: [dateColumn.header] };
    let kind: 'day' | 'month';
    let key: string;
    if (isEmptyCell(dateText)) {
      problems.push(
        problem(
          'actuals.cell',
          file,
          [dateColumn.header],
          { header: dateColumn.header, found: dateText, type: dateColumn.field === 'date' ? 'day' : 'month', reason: 'missing' },
          line,
          dateColumn.index + 1,
        ),
      );
      continue;
    }
    if (dateColumn.field === 'date') {
      const day = parseDayCell(dateText);
      if (!day.ok) {
        const rule = day.reason === 'granularity' ? 'actuals.granularity' : 'actuals.cell';
        problems.push(
          problem(
            rule,
            file,
            [dateColumn.header],
            { header: dateColumn.header, found: dateText, type: 'day', reason: day.reason, dayFirst: day.dayFirst, range: day.reason === 'granularity' },
            line,
            dateColumn.index + 1,
          ),
        );
        continue;
      }
      kind = day.kind;
      key = day.kind === 'day' ? day.date : day.month;
    } else {
      const month = parseMonthCell(dateText);
      if (!month.ok) {
        problems.push(
          problem(
            'actuals.cell',
            file,
            [dateColumn.header],
            { header: dateColumn.header, found: dateText, type: 'month', reason: month.reason },
            line,
            dateColumn.index + 1,
          ),
        );
        continue;
      }
      kind = 'month';
      key = month.month;
    }
    firstKind ??= kind;
    seenKinds.add(kind);
    if (kind !== firstKind) {
      problems.push(problem('actuals.granularity', file, [dateColumn.header], { found: dateText, mixed: true }, line, dateColumn.index + 1));
      erroneousKeys.push(key);
      continue;
    }
    const amounts = new Map<AmountField, number>();
    const sources = new Map<string, FieldSource>();
    let conversionRate: Written | undefined;
    let averageOrderValue: Written | undefined;
    let note: string | undefined;
    for (const column of columns) {
      if (column === dateColumn) continue;
      const text = cells[column.index] ?? '';
      const source: FieldSource = { column: column.index + 1, path: [column.header] };
      const type = column.field.startsWith('spend.') ? 'money' : FIELD_TYPE[column.field as ActualField];
      let result: CellResult<number> | CellResult<Written>;
      if (type === 'text') {
        if (text !== '' && !isEmptyCell(text)) note = text;
        continue;
      }
      if (type === 'money') result = parseActualMoney(text, column.unit);
      else if (type === 'count') result = parseCount(text);
      else if (type === 'percent') result = parsePercent(text, column.unit);
      else result = parseDecimal(text);
      if (!result.ok) {
        rowError = true;
        const rule = result.reason === 'negative' ? 'actuals.negative' : 'actuals.cell';
        problems.push(
          problem(
            rule,
            file,
            [column.header],
            { header: column.header, found: text, type, reason: result.reason, dayFirst: result.dayFirst, latin: result.latin },
            line,
            column.index + 1,
          ),
        );
        continue;
      }
      if (result.value === undefined) continue;
      sources.set(column.field, source);
      if (column.field === 'conversionRate') conversionRate = result.value as Written;
      else if (column.field === 'averageOrderValue') averageOrderValue = result.value as Written;
      else amounts.set(column.field as AmountField, result.value as number);
    }
    if (rowError) {
      erroneousKeys.push(key);
      continue;
    }
    records.push({ kind, key, file, line, amounts, conversionRate, averageOrderValue, note, sources, dateSource });
  }
  if (parseError) {
    problems.push(problem('actuals.rowShape', file, [], { found: 0, expected: headerWidth, quote: true }, parseError.line));
  }
  return { ...base, records, erroneousKeys, problems, fileError: false };
}

/** Cells up to the last non-empty one: `a,b,c,` has as many cells as `a,b,c`. */
function effectiveWidth(cells: readonly string[]): number {
  let n = cells.length;
  while (n > 0 && cells[n - 1]!.trim() === '') n--;
  return n;
}

export function acceptedDateNames(): string[] {
  return [...FIELD_HEADERS.date, ...FIELD_HEADERS.month];
}
