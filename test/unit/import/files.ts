/**
 * Real files for the importer tests, made by real writers: Word documents with the `docx` package, workbooks
 * with exceljs, GBK CSV with iconv-lite. The text is the kind an ops team's own documents hold.
 */
import { AlignmentType, Document, HeadingLevel, ImageRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const TODAY = '2026-11-25';

/** A temporary copy of the sample handbook (its roles and departments are what owners are matched against). */
export function sampleCopy(): { work: string; content: string } {
  const work = mkdtempSync(path.join(tmpdir(), 'opsbook-import-'));
  const content = path.join(work, 'content');
  cpSync(path.resolve('content'), content, { recursive: true });
  return { work, content };
}

const NUMBERING = {
  config: [{ reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }],
};

/** A table cell is a line, or several paragraphs (a JD's duties written into one cell). */
type Part =
  | { title: string }
  | { h1: string }
  | { h2: string }
  | { p: string }
  | { bold: string }
  | { ol: string[] }
  | { ul: string[] }
  | { table: (string | string[])[][] }
  | { image: true };

/** A 1×1 PNG, for a document with a picture in it. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function paragraphs(parts: readonly Part[]): (Paragraph | Table)[] {
  return parts.flatMap((part): (Paragraph | Table)[] => {
    if ('title' in part) return [new Paragraph({ text: part.title, heading: HeadingLevel.TITLE })];
    if ('image' in part) return [new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 40, height: 40 } })] })];
    if ('h1' in part) return [new Paragraph({ text: part.h1, heading: HeadingLevel.HEADING_1 })];
    if ('h2' in part) return [new Paragraph({ text: part.h2, heading: HeadingLevel.HEADING_2 })];
    if ('p' in part) return [new Paragraph({ children: [new TextRun(part.p)] })];
    if ('bold' in part) return [new Paragraph({ children: [new TextRun({ text: part.bold, bold: true })] })];
    if ('ol' in part) return part.ol.map((text) => new Paragraph({ text, numbering: { reference: 'steps', level: 0 } }));
    if ('ul' in part) return part.ul.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
    return [
      new Table({
        rows: part.table.map(
          (row) =>
            new TableRow({
              children: row.map((cell) => new TableCell({ children: (Array.isArray(cell) ? cell : [cell]).map((line) => new Paragraph(line)) })),
            }),
        ),
      }),
    ];
  });
}

export async function wordFile(dir: string, name: string, parts: readonly Part[]): Promise<string> {
  const doc = new Document({ numbering: NUMBERING, sections: [{ children: paragraphs(parts) }] });
  const file = path.join(dir, name);
  writeFileSync(file, await Packer.toBuffer(doc));
  return file;
}

/** An SOP as a team writes it in Word: a title, who owns it, a time limit, numbered steps, notes, a table. */
export const PROBLEM_ORDER_SOP: Part[] = [
  { h1: '问题订单处理流程' },
  { p: '负责人：客服主管' },
  { p: '触发条件：发现缺货、地址异常、物流停滞或退款纠纷的订单' },
  { p: '问题订单拖得越久越容易变成纠纷，从发现到处理完不超过24小时。' },
  { h2: '处理步骤' },
  {
    ol: [
      '发现问题订单的人立即插旗标记，并在客服群里登记',
      '客服主管：当场指定处理人和完成时间',
      '缺货订单与仓储确认到货时间，再联系买家选择等待、换款或退款（仓储发货员）',
      '可能引起投诉的急退款当天处理完',
      '处理结果写进订单备注，并通知买家',
      '下班前核对登记表，未关闭的问题订单带到 17:30 复盘会',
    ],
  },
  { h2: '注意事项' },
  { ul: ['“处理完”指买家已经知道结果，不是只在内部交代了一句', '天猫对纠纷率有考核，控制在 3% 以内'] },
  {
    table: [
      ['问题类型', '先联系谁'],
      ['缺货', '仓储发货员'],
      ['急退款', '财务'],
    ],
  },
];

/** A job description with typed section labels (一、岗位职责) and numbered lines, as most Word JDs have. */
export const AFTERSALES_JD: Part[] = [
  { h1: '售后专员岗位说明书' },
  { p: '所属部门：客服部' },
  { p: '直接上级：客服主管' },
  { bold: '一、岗位职责' },
  { p: '1、每天过一遍新评价，打低分的买家当天联系' },
  { p: '2、处理退换货、丢件、漏发和发票等售后问题' },
  { p: '3、签收后回访买家，促成回购' },
  { p: '4、关注店铺 DSR 动态评分，分析扣分原因' },
  { bold: '二、任职要求' },
  { ul: ['熟悉天猫售后规则和纠纷处理流程', '情绪稳定，能把大事化小', '一年以上电商客服经验'] },
  { bold: '三、考核指标' },
  { ul: ['纠纷率 ≤ 3%', 'DSR评分不低于4.8分', '老客回购率15%以上', '服务态度好'] },
];

/** A 岗位说明书 laid out as a form table, as HR departments write them. */
export const WAREHOUSE_JD_FORM: Part[] = [
  { title: '岗位说明书' },
  {
    table: [
      ['岗位名称', '仓储发货主管', '所属部门', '仓储部'],
      ['直接上级', '运营总监', '工作地点', '杭州仓'],
      ['岗位职责', ['1. 安排每日拣货、打包、发货，72小时内发出全部订单', '2. 每周盘点库存，填写补货表', '3. 处理快递异常件']],
      ['任职要求', ['两年以上电商仓储经验', '会用网店管家']],
      ['考核指标', ['发货差错率 ≤ 0.5%', '72小时发货率不低于99%']],
    ],
  },
];

/** An SOP with a form header and its steps in a table (步骤 | 操作内容 | 负责人 | 时限), a picture, and a revision date. */
export const RETURNS_SOP_TABLES: Part[] = [
  { p: '退货入库流程' },
  {
    table: [
      ['负责人', '仓储发货员', '修订日期', '2026年3月1日'],
      ['触发条件', '买家退货包裹到仓', '时限', '到仓后48小时内完成入库'],
    ],
  },
  { image: true },
  { h2: '流程步骤' },
  {
    table: [
      ['步骤', '操作内容', '负责人', '时限'],
      ['1', '拆包核对退货商品与退货单', '仓储发货员', '当天'],
      ['2', '拍照记录破损并上传', '仓储发货员', ''],
      ['3', '在网店管家里办理入库，通知售后退款', '售后客服', '24小时'],
      ['4', '每周汇总退货原因', '质检员', ''],
    ],
  },
];

/** A job-posting collection: 篇1 / 篇2, one role each. */
export const POSTINGS: Part[] = [
  { p: '2017年招聘岗位汇总' },
  { bold: '篇1：推广专员' },
  { p: '岗位职责：' },
  { ol: ['负责直通车、钻展的日常投放和优化', '每周出推广数据报表'] },
  { p: '任职要求：' },
  { ol: ['一年以上天猫推广经验', '对数据敏感'] },
  { bold: '篇2：仓库打包员' },
  { p: '所属部门：仓储' },
  { p: '岗位职责：' },
  { ol: ['按订单拣货、打包、发货', '每日盘点库存'] },
  { p: '任职要求：' },
  { ol: ['细心，能吃苦'] },
];

/** Plan workbook: a title row, 12 months (dates, 2014年N月 text), revenue in 万元, marketing in yuan / 万 text / formulas, and a total row 2.5万 off. */
export async function planWorkbook(dir: string, name: string, options: { totalOff?: boolean; title?: string } = {}): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const notes = workbook.addWorksheet('说明');
  notes.addRow(['本文件为年度目标，请勿外传']);
  const sheet = workbook.addWorksheet('年度目标');
  sheet.addRow([options.title ?? '推动力家居生活馆 2014 年度销售目标']);
  sheet.mergeCells('A1:D1');
  sheet.addRow(['月份', '目标成交额（万元）', '营销推广预算', '备注']);
  const revenue = [15, 15, 20, 20, 25, 30, 30, 35, 40, 40, 100, 60];
  for (let m = 1; m <= 12; m++) {
    const month = m <= 6 ? new Date(Date.UTC(2014, m - 1, 1)) : `2014年${m}月`;
    const row = sheet.addRow([month, revenue[m - 1], null, m === 11 ? '双11' : null]);
    const r = row.number;
    if (m <= 3)
      row.getCell(3).value = 45_000 + (m === 3 ? 15_000 : 0); // yuan
    else if (m <= 6)
      row.getCell(3).value = `${[5, 6.25, 7.5][m - 4]}万`; // 万 text
    else row.getCell(3).value = { formula: `B${r}*10000*0.25`, result: revenue[m - 1]! * 10_000 * 0.25 }; // cached value
    if (m <= 6) row.getCell(1).numFmt = 'yyyy-mm';
  }
  const first = 3;
  const last = 14;
  const revenueSum = revenue.reduce((a, b) => a + b, 0); // 430
  const marketingSum = 45_000 * 2 + 60_000 + 50_000 + 62_500 + 75_000 + (30 + 35 + 40 + 40 + 100 + 60) * 10_000 * 0.25;
  sheet.addRow([
    '合计',
    { formula: `SUM(B${first}:B${last})`, result: options.totalOff ? revenueSum - 2.5 : revenueSum },
    { formula: `SUM(C${first}:C${last})`, result: marketingSum },
    null,
  ]);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** What Excel on a Chinese Windows saves as CSV: GBK, 1月…12月 (the year is in the file name), a 合计 row. */
export function gbkCsv(dir: string, name: string): string {
  const lines = ['月份,销售目标,推广费用,备注'];
  const targets = [8, 8, 10, 10, 12, 12, 12, 15, 15, 18, 40, 25];
  targets.forEach((t, i) => lines.push(`${i + 1}月,${t}万,${t * 2500},${i === 10 ? '双11备货' : ''}`));
  lines.push(`合计,${targets.reduce((a, b) => a + b, 0)}万,"${(targets.reduce((a, b) => a + b, 0) * 2500).toLocaleString('en-US')}",`);
  const file = path.join(dir, name);
  writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk'));
  return file;
}
