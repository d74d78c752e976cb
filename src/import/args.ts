/** The command line of `npm run import`: parsed and checked here, without touching files. */
import { parseArgs } from 'node:util';
import type { Say } from './messages.ts';
import type { ImportKind } from './run.ts';
import type { SplitLevel } from './sop.ts';

export const IMPORT_USAGE: Say = {
  zh: '用法：npm run import -- <sop|role|plan> <文件或文件夹…> [--id 标识] [--dry-run] [--split h1|h2] [--year 2014] [--content 内容目录]\n  sop 文件.docx   role 文件.docx   plan 文件.xlsx 或 文件.csv；给出文件夹则导入其中所有这类文件',
  en: 'usage: npm run import -- <sop|role|plan> <file or folder…> [--id slug] [--dry-run] [--split h1|h2] [--year 2014] [--content dir]\n  sop file.docx   role file.docx   plan file.xlsx or file.csv; a folder imports every such file in it',
};

export interface ImportCommand {
  readonly kind: ImportKind;
  /** Files or folders, as given. */
  readonly files: readonly string[];
  readonly id?: string;
  readonly dryRun: boolean;
  readonly split?: SplitLevel;
  readonly year?: number;
  readonly content?: string;
}

export type ParsedImportArgs = { ok: true; help: true } | { ok: true; help?: false; command: ImportCommand } | { ok: false; message: Say };

const KINDS: readonly ImportKind[] = ['sop', 'role', 'plan'];

export function parseImportArgs(argv: readonly string[]): ParsedImportArgs {
  let values: { id?: string; 'dry-run'?: boolean; split?: string; year?: string; content?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: {
        id: { type: 'string' },
        'dry-run': { type: 'boolean' },
        split: { type: 'string' },
        year: { type: 'string' },
        content: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    const detail = (error as Error).message;
    return { ok: false, message: { zh: `命令写法不对：${detail}`, en: `wrong command: ${detail}` } };
  }
  if (values.help) return { ok: true, help: true };
  const [kind, ...files] = positionals;
  if (kind === undefined) return { ok: false, message: { zh: '请说明导入什么：sop、role 或 plan。', en: 'Say what to import: sop, role or plan.' } };
  if (!(KINDS as readonly string[]).includes(kind)) {
    const hint = kind === 'department' ? '部门请用 npm run new -- department <id> 新建。' : '';
    return {
      ok: false,
      message: {
        zh: `不认识的类型 “${kind}”：可选 sop（Word）、role（Word）、plan（Excel/CSV）。${hint}`,
        en: `Unknown kind "${kind}": use sop (Word), role (Word) or plan (Excel/CSV).`,
      },
    };
  }
  if (files.length === 0)
    return {
      ok: false,
      message: {
        zh: '缺少要导入的文件，例如：npm run import -- sop 售后流程.docx',
        en: 'The file to import is missing, e.g. npm run import -- sop after-sales.docx',
      },
    };
  if (values.id !== undefined && files.length > 1) {
    return {
      ok: false,
      message: {
        zh: `一次导入多个文件时不能用 --id（文件：${files.join(' ')}）。文件名里有空格时请加引号。`,
        en: `--id cannot be used with several files (${files.join(' ')}). Quote a file name with spaces.`,
      },
    };
  }
  let split: SplitLevel | undefined;
  if (values.split !== undefined) {
    const level = /^h?([12])$/i.exec(values.split.trim());
    if (!level)
      return { ok: false, message: { zh: `--split 只能是 h1 或 h2，而不是 “${values.split}”。`, en: `--split takes h1 or h2, not "${values.split}".` } };
    if (kind === 'plan')
      return { ok: false, message: { zh: '--split 只用于 Word 文档（sop、role）。', en: '--split is for Word documents (sop, role) only.' } };
    split = Number(level[1]) as SplitLevel;
  }
  let year: number | undefined;
  if (values.year !== undefined) {
    if (!/^(19|20)\d{2}$/.test(values.year.trim()))
      return {
        ok: false,
        message: { zh: `--year 要写四位年份，如 2014，而不是 “${values.year}”。`, en: `--year takes a four-digit year such as 2014, not "${values.year}".` },
      };
    year = Number(values.year);
  }
  return { ok: true, command: { kind: kind as ImportKind, files, id: values.id, dryRun: Boolean(values['dry-run']), split, year, content: values.content } };
}
