/**
 * A spreadsheet → a plan draft. The first sheet with a month column (2014-01, 2014年1月, 1月, 一月,
 * Excel dates, 201401) gives one plan month per row; target and budget columns are found by their
 * header (COLUMN_NAMES: the one mapping table); a 合计 / 总计 row gives the plan's declared totals, so the
 * checker reports a sheet whose total disagrees with its months. Money cells may be numbers (yuan, or
 * 万 when the header says 万元), strings such as 15万 (read by the project's money parser), or formulas,
 * whose values as last saved by Excel are what the reader returns (formulas are never evaluated).
 */
import { formatFen, parseMoney, type Money } from '../domain/money.ts';
import { monthFromIndex, parseMonth } from '../domain/time.ts';
import { toHalfWidth } from '../domain/text.ts';
import { Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { newDraft, type Draft } from './draft.ts';
import { foldScript } from '../domain/script.ts';
import { ImportError } from './messages.ts';

export type Cell = string | number | boolean | Date | null | undefined;
export interface Sheet {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
}

/** Header words of each column the importer reads, in order of preference. */
export const COLUMN_NAMES = {
  month: ['月份', '月度', '月', '时间', '日期', '期间', '年月', 'month', 'period'],
  revenue: [
    '目标成交额',
    '成交额目标',
    '成交目标',
    '销售目标',
    '目标销售额',
    '销售额',
    '成交额',
    '目标营业额',
    '营业额',
    '销售收入',
    'GMV',
    '业绩目标',
    '目标',
    '销售',
    '业绩',
    'revenue',
    'sales',
    'target',
  ],
  marketing: [
    '营销推广预算',
    '营销预算',
    '推广预算',
    '推广费用',
    '推广费',
    '营销费用',
    '营销推广费用',
    '广告预算',
    '广告费',
    '市场费用',
    '费用预算',
    '预算',
    'marketing',
    'budget',
  ],
} as const;

const TOTAL_WORDS = /^(?:合计|总计|全年合计|全年|年度合计|总额|汇总|共计|total|sum)$/i;
const NOTE_WORDS = /备注|说明|注[:：]/;

/** A cell compared with header words: half-width, no spaces, lower case, Simplified script (目標成交額 is 目标成交额). */
const norm = (cell: Cell) => (cell === null || cell === undefined ? '' : foldScript(toHalfWidth(String(cell)).replace(/\s+/g, '')));

function columnFor(headers: readonly Cell[], names: readonly string[], taken: ReadonlySet<number>): number | undefined {
  for (const name of names) {
    const wanted = name.toLowerCase();
    const exact = headers.findIndex((h, i) => !taken.has(i) && norm(h).replace(/[(（].*?[)）]/g, '') === wanted);
    if (exact >= 0) return exact;
  }
  for (const name of names) {
    const wanted = name.toLowerCase();
    const inside = headers.findIndex((h, i) => !taken.has(i) && norm(h).includes(wanted));
    if (inside >= 0) return inside;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// months

export type MonthCell = { year?: number; month: number } | undefined;

const CN_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A month in a cell: a Date, an Excel date number, 201401, 2014-01, 2014/1, 2014年1月, 1月, 一月, Jan. */
export function readMonthCell(cell: Cell): MonthCell {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : { year: cell.getUTCFullYear(), month: cell.getUTCMonth() + 1 };
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1 && cell <= 12) return { month: cell };
    if (Number.isInteger(cell) && cell >= 190001 && cell <= 210012 && cell % 100 >= 1 && cell % 100 <= 12)
      return { year: Math.floor(cell / 100), month: cell % 100 };
    // An Excel serial date (days since 1899-12-30) that the reader did not turn into a date.
    if (cell >= 20_000 && cell <= 80_000) {
      const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(cell) * 86_400_000);
      return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
    }
    return undefined;
  }
  if (typeof cell !== 'string') return undefined;
  const text = toHalfWidth(cell).trim().replace(/\s+/g, '');
  if (/^\d{1,6}$/.test(text)) return readMonthCell(Number(text)); // CSV cells are text: 1 … 12, 201401
  const canonical = parseMonth(text);
  if (canonical.ok) return { year: Number(canonical.month.slice(0, 4)), month: Number(canonical.month.slice(5)) };
  const full = /^(\d{4})[-/.年](\d{1,2})月?(?:份)?(?:[-/.]\d{1,2}日?)?$/.exec(text);
  if (full) return valid(Number(full[1]), Number(full[2]));
  const compact = /^(\d{4})(\d{2})$/.exec(text);
  if (compact) return valid(Number(compact[1]), Number(compact[2]));
  const monthOnly = /^(\d{1,2})月份?$/.exec(text);
  if (monthOnly) return valid(undefined, Number(monthOnly[1]));
  const chinese = /^(十[一二]|[一二三四五六七八九十])月份?$/.exec(text);
  if (chinese) return { month: CN_MONTHS.indexOf(chinese[1]!) + 1 };
  const english = EN_MONTHS.indexOf(text.toLowerCase().slice(0, 3));
  if (english >= 0 && /^[a-z]+\.?$/i.test(text)) return { month: english + 1 };
  return undefined;
}

function valid(year: number | undefined, month: number): MonthCell {
  return month >= 1 && month <= 12 ? { ...(year !== undefined ? { year } : {}), month } : undefined;
}

// ---------------------------------------------------------------------------
// money

export type MoneyCell = { ok: true; money: Money; from: 'number' | 'text' | 'empty' } | { ok: false; written: string };

/** A money cell; `scale` is 10,000 when the header says 万 / 万元 and the cell is a bare number. */
export function readMoneyCell(cell: Cell, scale: number): MoneyCell {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return { ok: true, money: { kind: 'tbd' }, from: 'empty' };
  if (typeof cell === 'number') {
    const parsed = parseMoney(Math.round(cell * scale * 100) / 100);
    return parsed.ok ? { ok: true, money: parsed.money, from: 'number' } : { ok: false, written: String(cell) };
  }
  if (typeof cell === 'string') {
    const text = cell.trim().replace(/^[¥￥]/, '');
    const bare = /^[\d,，.]+$/.test(toHalfWidth(text)) && scale !== 1;
    const parsed = parseMoney(bare ? `${text}万` : text);
    return parsed.ok ? { ok: true, money: parsed.money, from: 'text' } : { ok: false, written: cell };
  }
  return { ok: false, written: String(cell) };
}

/** Money as the plan file writes it: 15万 / 4.5万 from 10,000 yuan on when exact, else a number of yuan. */
export function moneyValue(money: Money): string | number {
  if (money.kind === 'tbd') return '待定';
  if (money.fen >= 1_000_000 && money.fen % 100 === 0) {
    const text = formatFen(money.fen, 'zh-CN');
    if (/^[\d.]+万元$/.test(text)) return text.replace(/元$/, '');
  }
  return money.fen / 100;
}

const moneyText = (fen: number) => formatFen(fen, 'zh-CN');

/** One `{ month, revenue, marketing }` per line, as the sample plans and the template write them. */
function flowRows(rows: readonly object[]): YAMLSeq {
  const seq = new Document().createNode(rows) as YAMLSeq;
  for (const item of seq.items) (item as YAMLMap).flow = true;
  return seq;
}

function flowMap(value: object): YAMLMap {
  const map = new Document().createNode(value) as YAMLMap;
  map.flow = true;
  return map;
}

// ---------------------------------------------------------------------------
// the sheet

interface Layout {
  readonly sheet: Sheet;
  readonly headerRow: number;
  readonly monthColumn: number;
}

const columnLetter = (index: number): string => (index >= 26 ? columnLetter(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));
const cellName = (row: number, column: number) => `${columnLetter(column)}${row + 1}`;

/** The header row and month column of a sheet: a month-like header above month cells, or a column of months. */
function findLayout(sheet: Sheet): Layout | undefined {
  const rows = sheet.rows;
  const scan = Math.min(rows.length, 40);
  for (let r = 0; r < scan; r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const header = norm(row[c]).replace(/[(（].*?[)）]/g, '');
      if (!COLUMN_NAMES.month.some((name) => header === name)) continue;
      const below = rows.slice(r + 1, r + 14).filter((next) => readMonthCell(next[c] ?? null)).length;
      if (below >= 1) return { sheet, headerRow: r, monthColumn: c };
    }
  }
  // No month header: a column where three rows in a row hold months; the header is the row above.
  for (let r = 0; r < scan; r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if ([0, 1, 2].every((k) => readMonthCell(rows[r + k]?.[c] ?? null))) return { sheet, headerRow: Math.max(0, r - 1), monthColumn: c };
    }
  }
  return undefined;
}

export interface PlanContext {
  readonly file: string;
  readonly fileTitle: string;
  readonly year?: number;
}

/** A plan draft from the sheets of a workbook or a CSV (one sheet). Throws ImportError when there is no plan table. */
export function importPlan(sheets: readonly Sheet[], context: PlanContext): Draft {
  const nonEmpty = sheets.filter((s) => s.rows.some((row) => row.some((cell) => norm(cell) !== '')));
  if (nonEmpty.length === 0) throw new ImportError('empty-document', context.file);
  const layout = nonEmpty.map(findLayout).find(Boolean);
  if (!layout) {
    const headers = (nonEmpty[0]!.rows.find((row) => row.some((c) => norm(c))) ?? [])
      .map((c) => String(c ?? '').trim())
      .filter(Boolean)
      .slice(0, 8)
      .join('、');
    throw new ImportError('no-month-column', context.file, { headers: headers || undefined });
  }
  const { sheet, headerRow, monthColumn } = layout;
  const headers = sheet.rows[headerRow] ?? [];
  const taken = new Set([monthColumn]);
  const revenueColumn = columnFor(headers, COLUMN_NAMES.revenue, taken);
  if (revenueColumn !== undefined) taken.add(revenueColumn);
  const marketingColumn = columnFor(headers, COLUMN_NAMES.marketing, taken);
  if (revenueColumn === undefined && marketingColumn === undefined) {
    throw new ImportError('no-money-column', context.file, {
      headers:
        headers
          .map((c) => String(c ?? '').trim())
          .filter(Boolean)
          .join('、') || undefined,
    });
  }
  const scaleOf = (column: number | undefined) => (column !== undefined && /万/.test(String(headers[column] ?? '')) ? 10_000 : 1);

  // The title: a lone text cell above the header (合并单元格的大标题), else the file name.
  const titleCell = sheet.rows
    .slice(0, headerRow)
    .map((row) => row.filter((c) => norm(c) !== ''))
    .find((cells) => cells.length === 1 && typeof cells[0] === 'string');
  const title = titleCell ? String(titleCell[0]).trim() : context.fileTitle;
  const draft = newDraft('plan', title, 'imported-plan');
  if (titleCell) draft.filled.push({ zh: `title：${title}（表格标题）`, en: `title: ${title} (the sheet's title)` });
  else draft.guessed.push({ zh: `title：${title}（取自文件名）`, en: `title: ${title} (from the file name)` });
  // The store: what the title says before its year (推动力家居生活馆 2014 年度销售目标 → 推动力家居生活馆).
  const store = /^(.{2,40}?)\s*(?:19|20)\d{2}\s*年?/.exec(toHalfWidth(title))?.[1]?.trim();
  if (store) {
    draft.values.store = store;
    draft.guessed.push({ zh: `store：${store}（标题中年份之前的部分）`, en: `store: ${store} (the title before its year)` });
  }

  // Rows: months, the total row, and whatever else (notes, blank lines) is skipped.
  interface Row {
    index: number;
    month: MonthCell & object;
    revenue?: Money;
    marketing?: Money;
  }
  const months: Row[] = [];
  let total: { index: number; revenue?: Money; marketing?: Money } | undefined;
  const problems: string[] = [];
  const problemsEn: string[] = [];
  const empties: string[] = [];
  const readMoney = (row: readonly Cell[], r: number, column: number | undefined): Money | undefined => {
    if (column === undefined) return undefined;
    const read = readMoneyCell(row[column], scaleOf(column));
    if (!read.ok) {
      problems.push(`${cellName(r, column)}“${read.written}”`);
      problemsEn.push(`${cellName(r, column)} "${read.written}"`);
      return { kind: 'tbd' };
    }
    if (read.from === 'empty') empties.push(cellName(r, column));
    return read.money;
  };
  let skipped = 0;
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    if (row.every((c) => norm(c) === '')) continue;
    const month = readMonthCell(row[monthColumn] ?? null);
    if (month) {
      months.push({ index: r, month, revenue: readMoney(row, r, revenueColumn), marketing: readMoney(row, r, marketingColumn) });
      continue;
    }
    const label = row
      .slice(0, Math.max(monthColumn + 1, 3))
      .map(norm)
      .find((t) => t !== '');
    if (label && TOTAL_WORDS.test(label) && !total) {
      total = { index: r, revenue: readMoney(row, r, revenueColumn), marketing: readMoney(row, r, marketingColumn) };
      continue;
    }
    if (!(label && NOTE_WORDS.test(label))) skipped++;
  }
  if (months.length === 0)
    throw new ImportError('no-month-column', context.file, {
      headers:
        headers
          .map((c) => String(c ?? '').trim())
          .filter(Boolean)
          .join('、') || undefined,
    });

  // Years: as written, else from --year, the title, the sheet name or the file name; a month number that
  // goes down (12月 → 1月) starts the next year.
  let year = context.year;
  let yearFrom = year !== undefined ? '--year' : undefined;
  if (months.some((m) => m.month.year === undefined) && year === undefined) {
    for (const [text, from] of [
      [titleCell ? title : '', '标题'],
      [sheet.name, '工作表名'],
      [context.fileTitle, '文件名'],
    ] as const) {
      const found = /(19|20)\d{2}/.exec(toHalfWidth(text));
      if (found) {
        year = Number(found[0]);
        yearFrom = from;
        break;
      }
    }
    if (year === undefined) throw new ImportError('no-year', context.file);
  }
  let previous: number | undefined;
  const withMonths = months.map((row) => {
    let index: number;
    if (row.month.year !== undefined) index = row.month.year * 12 + row.month.month - 1;
    else {
      index = year! * 12 + row.month.month - 1;
      if (previous !== undefined && index < previous) {
        year = year! + 1;
        index += 12;
      }
    }
    previous = index;
    return { ...row, key: monthFromIndex(index) };
  });
  if (yearFrom && yearFrom !== '--year' && months.some((m) => m.month.year === undefined)) {
    draft.guessed.push({
      zh: `年份：${context.year ?? withMonths[0]!.key.slice(0, 4)}（表格只写了月，年份取自${yearFrom}）`,
      en: `year: ${withMonths[0]!.key.slice(0, 4)} (the sheet gives months only; taken from the ${yearFrom === '标题' ? 'title' : yearFrom === '工作表名' ? 'sheet name' : 'file name'})`,
    });
  }

  const keys = withMonths.map((m) => m.key);
  const sorted = [...keys].sort();
  const start = sorted[0]!;
  const end = sorted.at(-1)!;
  draft.values.period = { start, end };
  draft.values.months = flowRows(
    withMonths.map((m) => ({
      month: m.key,
      revenue: moneyValue(m.revenue ?? { kind: 'tbd' }),
      marketing: moneyValue(m.marketing ?? { kind: 'tbd' }),
    })),
  );
  const columnsUsed = [
    revenueColumn !== undefined ? `revenue ←“${String(headers[revenueColumn]).trim()}”列${scaleOf(revenueColumn) > 1 ? '（单位万元）' : ''}` : undefined,
    marketingColumn !== undefined
      ? `marketing ←“${String(headers[marketingColumn]).trim()}”列${scaleOf(marketingColumn) > 1 ? '（单位万元）' : ''}`
      : undefined,
  ].filter(Boolean);
  draft.filled.push({ zh: `period：${start} 至 ${end}`, en: `period: ${start} to ${end}` });
  draft.filled.push({
    zh: `months：${withMonths.length} 个月（${sheet.name ? `工作表“${sheet.name}”，` : ''}${columnsUsed.join('，')}）`,
    en: `months: ${withMonths.length} (${sheet.name ? `sheet "${sheet.name}", ` : ''}columns ${[revenueColumn, marketingColumn]
      .filter((c) => c !== undefined)
      .map((c) => `"${String(headers[c!]).trim()}"`)
      .join(', ')})`,
  });
  if (revenueColumn === undefined)
    draft.left.push({ zh: 'months[].revenue：表里没有目标成交额列，已写成“待定”', en: 'months[].revenue: no revenue column; written as 待定' });
  if (marketingColumn === undefined)
    draft.left.push({ zh: 'months[].marketing：表里没有营销预算列，已写成“待定”', en: 'months[].marketing: no marketing budget column; written as 待定' });
  if (empties.length > 0) {
    // read-excel-file gives an empty cell, a formula Excel never calculated and an error cell (#DIV/0!) alike.
    draft.left.push({
      zh: `金额单元格 ${empties.join('、')} 是空的（或是没有保存计算结果的公式、#DIV/0! 之类的错误），已写成“待定”；是公式的话请用 Excel 打开、保存后再导入`,
      en: `amount cells ${empties.join(', ')} are empty (or a formula never calculated, or an error such as #DIV/0!), written as 待定; for formulas, open and save the file in Excel and import again`,
    });
  }
  if (problems.length > 0)
    draft.left.push({
      zh: `读不懂的金额 ${problems.join('、')} 已写成“待定”，请改成数字或 15万 这样的写法`,
      en: `unreadable amounts ${problemsEn.join(', ')} written as 待定; use numbers or amounts such as 15万`,
    });
  const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
  if (duplicates.length > 0)
    draft.left.push({
      zh: `同一个月出现了两次：${[...new Set(duplicates)].join('、')}（npm run check 会报错）`,
      en: `months given twice: ${[...new Set(duplicates)].join(', ')} (npm run check reports them)`,
    });
  if (skipped > 0)
    draft.left.push({ zh: `另有 ${skipped} 行不是月份也不是合计，没有导入`, en: `${skipped} other rows (neither a month nor a total) were not imported` });

  // Totals: the sheet's own total row, as written, so a total that disagrees with the months is reported.
  if (total) {
    const totals: Record<string, string | number> = {};
    if (total.revenue) totals.revenue = moneyValue(total.revenue);
    if (total.marketing) totals.marketing = moneyValue(total.marketing);
    draft.values.totals = flowMap(totals);
    draft.filled.push({ zh: `totals：取自第 ${total.index + 1} 行的合计`, en: `totals: from the total row (row ${total.index + 1})` });
    for (const [field, value, label, labelEn] of [
      ['revenue', total.revenue, '目标成交额', 'revenue'],
      ['marketing', total.marketing, '营销预算', 'marketing'],
    ] as const) {
      if (!value || value.kind !== 'amount') continue;
      const sum = withMonths.reduce((acc, m) => acc + (m[field]?.kind === 'amount' ? (m[field] as { fen: number }).fen : 0), 0);
      if (sum !== value.fen) {
        draft.left.push({
          zh: `totals.${field}：表格合计 ${moneyText(value.fen)}，各月${label}之和 ${moneyText(sum)}，相差 ${moneyText(Math.abs(value.fen - sum))}（npm run check 会报错，请核对）`,
          en: `totals.${field}: the sheet's total ${moneyText(value.fen)} but its months add up to ${moneyText(sum)} (${labelEn}); npm run check reports it`,
        });
      }
    }
  } else {
    draft.left.push({
      zh: 'totals：表里没有合计行，没有写 totals（网站按各月相加）',
      en: 'totals: no total row in the sheet; none written (the site adds up the months)',
    });
  }
  return draft;
}
