/**
 * What the importer says: refusals (one line, naming the file and what to do) and the printing of a
 * message in the site's language. Messages are held in both languages (Say), like `npm run new`'s.
 */
import type { Say } from '../scaffold/scaffold.ts';
import { simplifiedToTraditional } from '../domain/script.ts';
import { inLanguage, isTraditional, type Locale } from '../i18n/index.ts';
import { formatBytes } from './format.ts';

export type { Say };
export type FileKind = 'docx' | 'xlsx' | 'csv';

/**
 * A message in the site's language: Simplified as written, Traditional through OpenCC, or English. File names
 * (`keep`) and text quoted from the document (“…”) are left as they are: they must match what the author has.
 */
export function inLang(message: Say, lang: Locale, keep: readonly string[] = []): string {
  if (!isTraditional(lang)) return inLanguage(message, lang);
  const held: string[] = [];
  const hold = (text: string) => `\uE000${held.push(text) - 1}\uE001`;
  let text = message.zh;
  for (const literal of [...new Set(keep)].filter(Boolean).sort((a, b) => b.length - a.length)) text = text.split(literal).join(hold(literal));
  text = text.replace(/“[^”\n]*”/g, hold);
  return simplifiedToTraditional(text).replace(/\uE000(\d+)\uE001/g, (_, i: string) => held[Number(i)]!);
}

export type ImportErrorCode =
  | 'missing-file'
  | 'not-a-file'
  | 'empty-file'
  | 'too-large'
  | 'zip-bomb'
  | 'corrupt'
  | 'password'
  | 'legacy-doc'
  | 'legacy-xls'
  | 'not-office'
  | 'wrong-extension'
  | 'empty-document'
  | 'no-month-column'
  | 'no-money-column'
  | 'too-many-rows'
  | 'no-year'
  | 'bad-encoding'
  | 'csv-syntax'
  | 'exists'
  | 'bad-id'
  | 'no-content'
  | 'no-files'
  | 'id-with-many';

export interface ErrorDetails {
  readonly kind?: 'docx' | 'xlsx';
  readonly size?: number;
  readonly limit?: number;
  readonly detail?: string;
  readonly rows?: number;
  readonly extension?: string;
  readonly expected?: string;
  readonly target?: string;
  readonly headers?: string;
}

const OFFICE: Record<'docx' | 'xlsx', { app: string; save: string; saveEn: string }> = {
  docx: { app: 'Word', save: 'Word 文档 (*.docx)', saveEn: 'Word Document (*.docx)' },
  xlsx: { app: 'Excel', save: 'Excel 工作簿 (*.xlsx) 或 CSV UTF-8', saveEn: 'Excel Workbook (*.xlsx) or CSV UTF-8' },
};

function text(code: ImportErrorCode, file: string, d: ErrorDetails): Say {
  const office = OFFICE[d.kind ?? 'docx'];
  switch (code) {
    case 'missing-file':
      return { zh: `找不到文件 ${file}：请检查路径和文件名。`, en: `${file} not found: check the path and the file name.` };
    case 'not-a-file':
      return { zh: `${file} 不是文件：请给出一个 .docx、.xlsx 或 .csv 文件。`, en: `${file} is not a file: give a .docx, .xlsx or .csv file.` };
    case 'empty-file':
      return {
        zh: `${file} 是空文件（0 字节）：请确认文件已保存完整后再导入。`,
        en: `${file} is empty (0 bytes): make sure it was saved completely, then import it again.`,
      };
    case 'too-large':
      return {
        zh: `${file} 太大（${formatBytes(d.size ?? 0)}，上限 ${formatBytes(d.limit ?? 0)}）：请删掉图片或拆成几个文件后再导入。`,
        en: `${file} is too large (${formatBytes(d.size ?? 0)}, limit ${formatBytes(d.limit ?? 0)}): remove images or split it into several files, then import again.`,
      };
    case 'zip-bomb':
      return {
        zh: `${file} 解压后超过 ${formatBytes(d.limit ?? 0)} 或结构异常，为安全起见没有读取：请用 Office 打开后另存为一个新文件再导入。`,
        en: `${file} unpacks to more than ${formatBytes(d.limit ?? 0)} or is malformed, so it was not read: open it in Office, save it as a new file and import that.`,
      };
    case 'corrupt':
      return {
        zh: `${file} 已损坏或不完整，读不出来${d.detail ? `（${d.detail}）` : ''}：请用 Word / Excel 打开确认能看，再另存一份导入。`,
        en: `${file} is damaged or incomplete${d.detail ? ` (${d.detail})` : ''}: open it in Word / Excel to check it, save a new copy and import that.`,
      };
    case 'password':
      return {
        zh: `${file} 设了打开密码，无法读取：请在 ${office.app} 里 文件 → 信息 → 保护 → 用密码进行加密，清空密码并保存后再导入。`,
        en: `${file} is password-protected and cannot be read: in ${office.app}, File → Info → Protect → Encrypt with Password, clear the password, save, then import again.`,
      };
    case 'legacy-doc':
      return {
        zh: `${file} 是旧版 Word 格式（.doc），无法安全读取：请在 Word 或 WPS 里 文件 → 另存为 → ${OFFICE.docx.save}，再导入新文件。`,
        en: `${file} is a legacy Word file (.doc), which is not read: in Word or WPS, File → Save As → ${OFFICE.docx.saveEn}, then import the new file.`,
      };
    case 'legacy-xls':
      return {
        zh: `${file} 是旧版 Excel 格式（.xls），无法安全读取：请在 Excel 或 WPS 里 文件 → 另存为 → ${OFFICE.xlsx.save}，再导入新文件。`,
        en: `${file} is a legacy Excel file (.xls), which is not read: in Excel or WPS, File → Save As → ${OFFICE.xlsx.saveEn}, then import the new file.`,
      };
    case 'not-office':
      return {
        zh: `${file} 不是 ${office.app} 文件（.${d.kind}），内容对不上扩展名：请用 ${office.app} 打开并另存为 ${office.save} 后再导入。`,
        en: `${file} is not a ${office.app} file (.${d.kind}) whatever its extension says: open it in ${office.app} and save it as ${office.saveEn}, then import again.`,
      };
    case 'wrong-extension':
      return {
        zh: `${file} 的类型（${d.extension || '无扩展名'}）不能这样导入：${d.expected}。`,
        en: `${file} (${d.extension || 'no extension'}) cannot be imported this way: ${d.expected}.`,
      };
    case 'empty-document':
      return {
        zh: `${file} 里没有文字：请确认选对了文件（扫描件或图片里的字读不出来，需要先转成文字）。`,
        en: `${file} holds no text: check it is the right file (text inside scans or pictures cannot be read; convert it to text first).`,
      };
    case 'no-month-column':
      return {
        zh: `${file} 里找不到月份列${d.headers ? `（读到的表头：${d.headers}）` : ''}：请加一列“月份”，写 2014-01、2014年1月 或 1月，每月一行。`,
        en: `${file} has no month column${d.headers ? ` (headers found: ${d.headers})` : ''}: add a column "月份" with 2014-01, 2014年1月 or 1月, one row per month.`,
      };
    case 'no-money-column':
      return {
        zh: `${file} 里有月份，但找不到目标或预算列${d.headers ? `（读到的表头：${d.headers}）` : ''}：请把列名写成“目标成交额”“销售目标”“营销预算”或“推广费用”等。`,
        en: `${file} has months but no target or budget column${d.headers ? ` (headers found: ${d.headers})` : ''}: name the columns 目标成交额, 销售目标, 营销预算 or 推广费用.`,
      };
    case 'too-many-rows':
      return {
        zh: `${file} 的行数超过上限 ${d.limit} 行：运营计划只需要每月一行，请只保留计划表再导入。`,
        en: `${file} has more than ${d.limit} rows: a plan needs one row per month; keep only the plan table and import again.`,
      };
    case 'no-year':
      return {
        zh: `${file} 的月份没有写年份（如“1月”），文件名和表格里也找不到：请加上 --year 2014，或把月份写成 2014-01。`,
        en: `${file} gives months without a year (such as 1月) and none was found in the file name or sheet: add --year 2014, or write months as 2014-01.`,
      };
    case 'bad-encoding':
      return {
        zh: `${file} 的文字编码无法识别：请在 Excel 里另存为 “CSV UTF-8（逗号分隔）”后再导入。`,
        en: `${file} is in an unknown text encoding: save it from Excel as "CSV UTF-8 (Comma delimited)" and import again.`,
      };
    case 'csv-syntax':
      return {
        zh: `${file} 不是有效的 CSV${d.detail ? `（${d.detail}）` : ''}：请在 Excel 里打开后另存为 “CSV UTF-8（逗号分隔）”再导入。`,
        en: `${file} is not valid CSV${d.detail ? ` (${d.detail})` : ''}: open it in Excel, save it as "CSV UTF-8 (Comma delimited)" and import again.`,
      };
    case 'exists':
      return {
        zh: `没有写入任何文件：${d.target} 已经存在。换一个 id（--id 新的id），或直接编辑那个文件。（来源 ${file}）`,
        en: `Nothing was written: ${d.target} already exists. Choose another id (--id new-id), or edit that file. (from ${file})`,
      };
    case 'bad-id':
      return {
        zh: `没有写入任何文件：id “${d.detail}” 不合法，只能含小写字母、数字和连字符（-）${d.target ? `，可以改用 --id ${d.target}` : ''}。（来源 ${file}）`,
        en: `Nothing was written: the id "${d.detail}" is not valid; use lower-case letters, digits and hyphens${d.target ? `, e.g. --id ${d.target}` : ''}. (from ${file})`,
      };
    case 'no-files':
      return {
        zh: `文件夹 ${file} 里没有可导入的${d.kind === 'xlsx' ? ' .xlsx / .csv' : ' .docx'} 文件：请确认文件夹，或直接给出文件。`,
        en: `The folder ${file} holds no${d.kind === 'xlsx' ? ' .xlsx / .csv' : ' .docx'} file to import: check the folder, or name the files.`,
      };
    case 'id-with-many':
      return {
        zh: `一次导入多个文件时不能用 --id（从 ${file} 起）：去掉 --id，每个文件的 id 取自它的标题；或一个一个导入。`,
        en: `--id cannot be used when importing several files (from ${file} on): drop --id (each file's id comes from its title), or import them one by one.`,
      };
    case 'no-content':
      return {
        zh: `没有写入任何文件：找不到内容目录 ${d.target}（导入 ${file}）。请在手册目录里运行，或设置 OPSBOOK_CONTENT。`,
        en: `Nothing was written: the content folder ${d.target} does not exist (importing ${file}). Run this in the handbook folder, or set OPSBOOK_CONTENT.`,
      };
  }
}

/** A refusal: nothing is written. The message names the file and what to do, on one line. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly file: string;
  readonly say: Say;
  constructor(code: ImportErrorCode, file: string, details: ErrorDetails = {}) {
    const say = text(code, file, details);
    super(say.en);
    this.name = 'ImportError';
    this.code = code;
    this.file = file;
    this.say = say;
  }
}

/** Refusals of several files of one batch: each its own line; nothing of the batch was written. */
export class ImportErrors extends Error {
  readonly errors: readonly ImportError[];
  readonly say: Say;
  constructor(errors: readonly ImportError[], total: number) {
    const say = {
      zh: [
        ...errors.map((e) => e.say.zh),
        `没有写入任何文件：${total} 个文件中有 ${errors.length} 个不能导入，先处理好再一起导入（或不带它们重新运行）。`,
      ].join('\n'),
      en: [
        ...errors.map((e) => e.say.en),
        `Nothing was written: ${errors.length} of ${total} files cannot be imported; fix them and import again (or run without them).`,
      ].join('\n'),
    };
    super(say.en);
    this.name = 'ImportErrors';
    this.errors = errors;
    this.say = say;
  }
}
