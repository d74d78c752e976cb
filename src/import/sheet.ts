/**
 * Spreadsheets → rows of cells. .xlsx through read-excel-file after the zip checks (it returns the values
 * Excel cached for formulas and never evaluates one); CSV in UTF-8, UTF-8 with BOM, UTF-16 with BOM, or
 * GBK/GB18030 (what Excel in a Chinese Windows saves as "CSV") through iconv-lite, parsed by csv-parse.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import readXlsxFile from 'read-excel-file/node';
import { ImportError } from './messages.ts';
import type { Cell, Sheet } from './plan.ts';
import { LIMITS, checkZip, requireOfficeZip, sniff } from './safety.ts';

export async function readXlsx(bytes: Uint8Array, file: string): Promise<Sheet[]> {
  const limits = LIMITS.xlsx;
  if (bytes.length > limits.fileBytes) throw new ImportError('too-large', file, { size: bytes.length, limit: limits.fileBytes });
  requireOfficeZip(bytes, file, 'xlsx');
  const parts = checkZip(bytes, file, limits);
  if (!parts.includes('xl/workbook.xml')) {
    if (parts.includes('word/document.xml'))
      throw new ImportError('wrong-extension', file, {
        extension: '.xlsx',
        expected: '这是一个 Word 文档，请用 sop 或 role 导入 / this is a Word document: import it as a sop or a role',
      });
    throw new ImportError('not-office', file, { kind: 'xlsx' });
  }
  let sheets: { sheet: string; data: Cell[][] }[];
  try {
    sheets = (await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as { sheet: string; data: Cell[][] }[];
  } catch (error) {
    throw new ImportError('corrupt', file, { detail: (error as Error).message.split('\n')[0] });
  }
  for (const sheet of sheets) {
    if (sheet.data.length > limits.rows) throw new ImportError('too-many-rows', file, { limit: limits.rows });
  }
  return sheets.map((s) => ({ name: s.sheet, rows: s.data }));
}

/** The text of a CSV file, whatever Excel or WPS saved it in. */
export function decodeCsv(bytes: Uint8Array, file: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.subarray(3).toString('utf8');
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return iconv.decode(buffer.subarray(2), 'utf16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return iconv.decode(buffer.subarray(2), 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    // Not UTF-8: GB18030 is a superset of GBK and GB2312.
    const text = iconv.decode(buffer, 'gb18030');
    if ((text.match(/\ufffd/g) ?? []).length > Math.max(2, text.length / 100)) throw new ImportError('bad-encoding', file);
    return text;
  }
}

export function readCsv(bytes: Uint8Array, file: string): Sheet[] {
  const limits = LIMITS.csv;
  if (bytes.length > limits.fileBytes) throw new ImportError('too-large', file, { size: bytes.length, limit: limits.fileBytes });
  if (bytes.length === 0) throw new ImportError('empty-file', file);
  const kind = sniff(bytes);
  if (kind === 'zip')
    throw new ImportError('wrong-extension', file, {
      extension: '.csv',
      expected: '内容其实是 .xlsx 工作簿，请把扩展名改成 .xlsx 再导入 / it is really an .xlsx workbook: rename it to .xlsx',
    });
  if (kind === 'legacy-office') throw new ImportError('legacy-xls', file);
  if (kind === 'encrypted') throw new ImportError('password', file, { kind: 'xlsx' });
  if (bytes.includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) throw new ImportError('csv-syntax', file, { detail: 'binary data' });
  const text = decodeCsv(bytes, file);
  const delimiter = guessDelimiter(text);
  let rows: string[][];
  try {
    rows = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to_line: limits.rows + 2,
      max_record_size: 64 * 1024,
    }) as string[][];
  } catch (error) {
    throw new ImportError('csv-syntax', file, { detail: (error as Error).message.split('\n')[0] });
  }
  if (rows.length > limits.rows) throw new ImportError('too-many-rows', file, { limit: limits.rows });
  // A CSV has no sheet name: '' keeps "工作表 …" out of the report.
  return [{ name: '', rows: rows.map((row) => row.map((cell): Cell => cell)) }];
}

/** Comma, semicolon (European Excel) or tab (copied from a sheet): the one the first lines hold most of outside quotes. */
function guessDelimiter(text: string): string {
  const head = text
    .split(/\r?\n/)
    .slice(0, 10)
    .join('\n')
    .replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, head.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}
