/**
 * Bad input: every refusal is one line naming the file and what to do, exit 1, and the content folder is
 * left exactly as it was (fingerprinted before and after).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readXlsx } from '../../../src/import/sheet.ts';
import { ImportError } from '../../../src/import/messages.ts';
import { runImport, type ImportKind } from '../../../src/import/run.ts';
import { fingerprint } from '../../build/helpers.ts';
import { PROBLEM_ORDER_SOP, TODAY, planWorkbook, sampleCopy, wordFile } from './files.ts';

let work: string;
let content: string;
let before: string;

beforeAll(() => {
  ({ work, content } = sampleCopy());
  before = fingerprint(content);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The refusal of an import, checked to leave the content folder untouched. */
async function refusal(kind: ImportKind, file: string, options: { id?: string } = {}): Promise<ImportError> {
  let caught: unknown;
  try {
    await runImport({ kind, file, content, today: TODAY, cwd: work, ...options });
  } catch (error) {
    caught = error;
  }
  expect(caught, `${file} should be refused`).toBeInstanceOf(ImportError);
  expect(fingerprint(content)).toBe(before);
  const error = caught as ImportError;
  expect(error.say.zh).not.toContain('\n');
  expect(error.say.zh).toContain(path.relative(work, file));
  return error;
}

/**
 * An OLE compound file as Office writes an encrypted .docx/.xlsx: the CFB signature, and a directory
 * entry named EncryptedPackage (UTF-16LE) beside EncryptionInfo. Only the parts the importer looks at are
 * real; no writer for encrypted Office files is available here.
 */
function compoundFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(128 * (streams.length + 1));
  Buffer.from('Root Entry', 'utf16le').copy(directory, 0);
  streams.forEach((name, i) => Buffer.from(name, 'utf16le').copy(directory, 128 * (i + 1)));
  return Buffer.concat([header, directory, Buffer.alloc(1024)]);
}

describe('bad input is refused in one line, nothing written', () => {
  it('a corrupt (truncated) Word file', async () => {
    const good = await wordFile(work, 'good.docx', PROBLEM_ORDER_SOP);
    const bytes = readFileSync(good);
    const file = path.join(work, '截断.docx');
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await refusal('sop', file);
    expect(error.code).toBe('corrupt');
    expect(error.say.zh).toMatch(/已损坏或不完整.*另存一份导入/);
  });

  it('a file that is not a Word document whatever its name', async () => {
    const file = path.join(work, '其实是文本.docx');
    writeFileSync(file, '负责人：客服主管\n1. 先做这个\n');
    expect((await refusal('sop', file)).code).toBe('not-office');
  });

  it('a password-protected Word file and Excel file', async () => {
    const docx = path.join(work, '加密.docx');
    writeFileSync(docx, compoundFile(['EncryptionInfo', 'EncryptedPackage']));
    const error = await refusal('role', docx);
    expect(error.code).toBe('password');
    expect(error.say.zh).toContain('Word 里 文件 → 信息 → 保护 → 用密码进行加密，清空密码');
    const xlsx = path.join(work, '加密.xlsx');
    writeFileSync(xlsx, compoundFile(['EncryptionInfo', 'EncryptedPackage']));
    expect((await refusal('plan', xlsx)).say.zh).toContain('Excel 里');
  });

  it('a legacy .xls or .doc, by extension or by content, with how to save it anew', async () => {
    const xls = path.join(work, '2014计划.xls');
    writeFileSync(xls, compoundFile(['Workbook']));
    const error = await refusal('plan', xls);
    expect(error.code).toBe('legacy-xls');
    expect(error.say.zh).toContain('另存为 → Excel 工作簿 (*.xlsx) 或 CSV UTF-8');
    const disguised = path.join(work, '旧表格.xlsx');
    writeFileSync(disguised, compoundFile(['Workbook']));
    expect((await refusal('plan', disguised)).code).toBe('legacy-xls');
    const doc = path.join(work, '旧流程.docx');
    writeFileSync(doc, compoundFile(['WordDocument']));
    expect((await refusal('sop', doc)).say.zh).toContain('另存为 → Word 文档 (*.docx)');
  });

  it('an empty document and an empty file', async () => {
    const empty = await wordFile(work, '空白.docx', [{ p: '   ' }]);
    expect((await refusal('sop', empty)).code).toBe('empty-document');
    const zero = path.join(work, '零字节.docx');
    writeFileSync(zero, '');
    expect((await refusal('sop', zero)).code).toBe('empty-file');
  });

  it('a sheet without a month column names the headers it found', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('销量');
    sheet.addRow(['产品', '销量', '库存']);
    sheet.addRow(['沙发', 120, 30]);
    const file = path.join(work, '销量表.xlsx');
    await workbook.xlsx.writeFile(file);
    const error = await refusal('plan', file);
    expect(error.code).toBe('no-month-column');
    expect(error.say.zh).toContain('读到的表头：产品、销量、库存');
    expect(error.say.zh).toContain('请加一列“月份”');
    const csv = path.join(work, '销量.csv');
    writeFileSync(csv, '产品,销量\n沙发,120\n');
    expect((await refusal('plan', csv)).code).toBe('no-month-column');
  });

  it('months without a year anywhere ask for --year', async () => {
    const csv = path.join(work, '计划.csv');
    writeFileSync(csv, '月份,销售目标\n1月,10万\n2月,12万\n');
    expect((await refusal('plan', csv)).code).toBe('no-year');
  });

  it('a 1 GB file is refused from its size, without reading it', async () => {
    for (const [kind, name] of [
      ['sop', '巨大.docx'],
      ['plan', '巨大.xlsx'],
      ['plan', '巨大.csv'],
    ] as const) {
      const file = path.join(work, name);
      closeSync(openSync(file, 'w'));
      truncateSync(file, 1024 ** 3); // sparse: no gigabyte is written to disk
      const started = performance.now();
      const error = await refusal(kind, file);
      expect(error.code).toBe('too-large');
      expect(error.say.zh).toMatch(/太大（1\.0 GB，上限 \d+\.0 MB）/);
      expect(performance.now() - started).toBeLessThan(2_000);
      rmSync(file);
    }
  });

  it('a zip bomb: parts that unpack past the cap, or to more than the zip declares', async () => {
    const zeros = new Uint8Array(100 * 1024 * 1024);
    const bomb = path.join(work, '炸弹.xlsx');
    writeFileSync(
      bomb,
      zipSync(
        { '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'xl/workbook.xml': new Uint8Array(10), 'xl/worksheets/sheet1.xml': zeros },
        { level: 9 },
      ),
    );
    expect(readFileSync(bomb).length).toBeLessThan(1024 * 1024);
    expect((await refusal('plan', bomb)).code).toBe('zip-bomb');

    // A part whose declared size (local header and central directory) is smaller than what it inflates to.
    const part = new Uint8Array(2 * 1024 * 1024).fill(65);
    const zip = Buffer.from(zipSync({ 'word/document.xml': part }, { level: 9 }));
    for (const [signature, offset] of [
      [0x04034b50, 22],
      [0x02014b50, 24],
    ] as const) {
      for (
        let at = zip.indexOf(Buffer.from(new Uint32Array([signature]).buffer));
        at >= 0;
        at = zip.indexOf(Buffer.from(new Uint32Array([signature]).buffer), at + 4)
      ) {
        zip.writeUInt32LE(1000, at + offset);
      }
    }
    const liar = path.join(work, '说谎.docx');
    writeFileSync(liar, zip);
    expect((await refusal('sop', liar)).code).toBe('zip-bomb');
  });

  it('an XML entity bomb (billion laughs) is never expanded, in Word or in Excel', async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('');
    const dtd = `<!DOCTYPE lolz [<!ENTITY lol "lol">${levels}]>`;
    const withBomb = (xml: string) => xml.replace(/^(<\?xml[^>]*\?>)?/, (head) => `${head}${dtd}`);

    const docx = unzipSync(readFileSync(await wordFile(work, 'lol-src.docx', PROBLEM_ORDER_SOP)));
    docx['word/document.xml'] = strToU8(withBomb(strFromU8(docx['word/document.xml']!)).replace('问题订单处理流程', '&lol9;'));
    const bombDocx = path.join(work, '实体炸弹.docx');
    writeFileSync(bombDocx, zipSync(docx));
    expect((await refusal('sop', bombDocx)).code).toBe('corrupt');

    const xlsx = unzipSync(readFileSync(await planWorkbook(work, 'lol-src.xlsx')));
    const strings = Object.keys(xlsx).find((name) => name.endsWith('sharedStrings.xml'))!;
    xlsx[strings] = strToU8(withBomb(strFromU8(xlsx[strings]!)).replace('推动力', '&lol9;'));
    const started = performance.now();
    const sheets = await readXlsx(zipSync(xlsx), 'lol.xlsx');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(String(sheets[1]!.rows[0]![0])).toBe('&lol9;家居生活馆 2014 年度销售目标');
  });

  it('a CSV of more rows than a plan can have', async () => {
    const csv = path.join(work, '2014流水.csv');
    writeFileSync(csv, `月份,销售目标\n${Array.from({ length: 6000 }, () => '2014-01,1').join('\n')}\n`);
    expect((await refusal('plan', csv)).code).toBe('too-many-rows');
  });

  it('a missing file, and an --id that is not a slug', async () => {
    expect((await refusal('sop', path.join(work, '没有这个.docx'))).code).toBe('missing-file');
    const docx = await wordFile(work, 'ok.docx', PROBLEM_ORDER_SOP);
    const error = await refusal('sop', docx, { id: '问题订单' });
    expect(error.code).toBe('bad-id');
    expect(error.say.zh).toContain('--id wen-ti-ding-dan');
  });

  it('the command prints the refusal as one line in the site language and exits 1', () => {
    const file = path.join(work, '2014计划.xls');
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.OPSBOOK_CONTENT;
    const result = spawnSync(process.execPath, [path.resolve('scripts/import.ts'), 'plan', file, '--content', content], { encoding: 'utf8', env, cwd: work });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^2014计划\.xls 是旧版 Excel 格式（\.xls），无法安全读取：请在 Excel 或 WPS 里 文件 → 另存为/),
    ]);
    expect(fingerprint(content)).toBe(before);
  });
});
