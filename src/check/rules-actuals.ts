/**
 * The actuals.* rules (../shared/specs/actuals-format.md, "Checks"): wording in Chinese and English and
 * a hint for each. Spread into the rule table (rules.ts), so the authors' guide lists them too.
 */
import type { ParamValue } from './problems.ts';

type Lang = 'zh-CN' | 'en';
type Params = Readonly<Record<string, ParamValue>>;
interface Say {
  money(value: ParamValue): string;
  diff(value: ParamValue): string;
  list(value: ParamValue): string;
  value(value: ParamValue): string;
}
type Text = (p: Params, say: Say) => string;
interface ActualsRule {
  readonly severity: 'error' | 'warning';
  readonly title: Record<Lang, string>;
  readonly message: Record<Lang, Text>;
  readonly hint: Record<Lang, (p: Params, say: Say) => string | undefined>;
}

const FIELD_ZH: Record<string, string> = {
  revenue: '成交额',
  refunds: '退款金额',
  orders: '订单数',
  visitors: '访客数',
  buyers: '支付买家数',
  marketing: '推广花费',
  conversionRate: '支付转化率',
  averageOrderValue: '客单价',
  'date/month': '日期/月份',
  date: '日期',
  month: '月份',
  note: '备注',
};
const FIELD_EN: Record<string, string> = {
  revenue: 'revenue',
  refunds: 'refunds',
  orders: 'orders',
  visitors: 'visitors',
  buyers: 'buyers',
  marketing: 'total spend',
  conversionRate: 'conversion rate',
  averageOrderValue: 'average order value',
  'date/month': 'date/month',
  date: 'date',
  month: 'month',
  note: 'note',
};
/** A field's name in each language (spend.直通车 → 直通车花费 / 直通车 spend). */
const FIELD_NAME: Record<Lang, (name: string) => string> = {
  'zh-CN': (name) => (name.startsWith('spend.') ? `${name.slice(6)}花费` : (FIELD_ZH[name] ?? name)),
  en: (name) => (name.startsWith('spend.') ? `${name.slice(6)} spend` : (FIELD_EN[name] ?? name)),
};
const field = (p: ParamValue, lang: Lang) => FIELD_NAME[lang](String(p));

/** 第 12 行第 5 列（E 列“支付金额”） — the cell as a spreadsheet names it; empty for YAML. */
const cellZh = (p: Params) => (p.column ? `第 ${p.line} 行第 ${p.column} 列（${p.letter} 列“${p.header ?? ''}”）` : '');
const cellEn = (p: Params) => (p.column ? `line ${p.line}, column ${p.column} (column ${p.letter}, "${p.header ?? ''}")` : '');
const lead = (text: string) => (text ? `${text}：` : '');
const leadEn = (text: string) => (text ? `${text}: ` : '');

const TYPE_ZH: Record<string, string> = {
  money: '金额（如 2807.13、"2,807.13"、1.2万、¥350）',
  count: '非负整数（如 1200、"1,200"、1.2万）',
  percent: '百分比（如 3.52%，或小数 0.0352）',
  decimal: '非负数（如 81.78）',
  day: '日期（如 2014-10-05、2014/10/5、2014年10月5日、20141005）',
  month: '月份（如 2014-10、2014/10、2014年10月、201410）',
};
const TYPE_EN: Record<string, string> = {
  money: 'an amount (2807.13, "2,807.13", 1.2万, ¥350)',
  count: 'a whole number ≥ 0 (1200, "1,200", 1.2万)',
  percent: 'a percent (3.52%, or a fraction 0.0352)',
  decimal: 'a number ≥ 0 (81.78)',
  day: 'a date (2014-10-05, 2014/10/5, 2014年10月5日, 20141005)',
  month: 'a month (2014-10, 2014/10, 2014年10月, 201410)',
};
const REASON_ZH: Record<string, string> = {
  format: '写法无法识别',
  'chinese-numerals': '用了汉字数字',
  exponent: '用了科学计数法',
  precision: '精度超过 1 分',
  integer: '应为整数',
  percentAmbiguous: '大于 1 的数不知道是百分之几还是几倍',
  range: '超出范围',
  serial: '是 Excel 的日期序号',
  tbd: '实际数据不能写“待定”',
  missing: '日期是空的',
  negative: '是负数',
};
const REASON_EN: Record<string, string> = {
  format: 'unreadable',
  'chinese-numerals': 'written in Chinese numerals',
  exponent: 'in scientific notation',
  precision: 'finer than one fen',
  integer: 'not a whole number',
  percentAmbiguous: 'a plain number above 1 is ambiguous',
  range: 'out of range',
  serial: 'an Excel serial date number',
  tbd: 'an actual cannot be 待定/TBD',
  missing: 'the date is empty',
  negative: 'negative',
};

export const ACTUALS_RULES = {
  'actuals.unknownPlan': {
    severity: 'error',
    title: { 'zh-CN': '实际数据找不到对应的计划', en: 'Actuals for no plan' },
    message: {
      'zh-CN': (p, say) =>
        p.folder
          ? `目录“${p.folder}”不是任何计划的 id（现有计划：${say.list(p.plans)}）`
          : `文件直接放在 actuals/ 下；应放在 actuals/<计划 id>/ 里（现有计划：${say.list(p.plans)}）`,
      en: (p, say) =>
        p.folder
          ? `the folder "${p.folder}" is no plan's id (plans: ${say.list(p.plans)})`
          : `the file lies directly in actuals/; put it in actuals/<plan id>/ (plans: ${say.list(p.plans)})`,
    },
    hint: {
      'zh-CN': (p) => (p.suggestion ? `目录名应为计划 id：是不是 actuals/${p.suggestion}/？` : '目录名必须与 plans/ 下计划文件的文件名（不含扩展名）相同。'),
      en: (p) =>
        p.suggestion
          ? `The folder name must be the plan's id: actuals/${p.suggestion}/?`
          : "The folder's name must be a plan's file name (without its extension).",
    },
  },
  'actuals.spreadsheet': {
    severity: 'error',
    title: { 'zh-CN': '表格文件要另存为 CSV', en: 'Spreadsheet must be saved as CSV' },
    message: {
      'zh-CN': (p) => `${p.extension} 文件不能直接读取，实际数据只读 CSV 和 YAML`,
      en: (p) => `${p.extension} files cannot be read; actuals are read from CSV and YAML only`,
    },
    hint: {
      'zh-CN': () => '在 Excel/WPS 中打开，文件 → 另存为 → CSV（逗号分隔）或 CSV UTF-8（逗号分隔），再删除原文件。',
      en: () => 'Open it in Excel/WPS, File → Save As → CSV (Comma delimited) or CSV UTF-8, then remove the original.',
    },
  },
  'actuals.encoding': {
    severity: 'error',
    title: { 'zh-CN': 'CSV 编码无法识别', en: 'CSV encoding not readable' },
    message: {
      'zh-CN': (p) =>
        p.reason === 'mojibake'
          ? `文件是 UTF-8，但内容是乱码（“${p.sample}”原本是“${p.original}”）`
          : p.reason === 'utf16'
            ? `文件编码为 ${p.encoding}（Excel 的“Unicode 文本”），不能读取`
            : `第 ${p.line ?? 1} 行有既不是 UTF-8 也不是 GBK/GB18030 的字节`,
      en: (p) =>
        p.reason === 'mojibake'
          ? `the file is UTF-8 but garbled ("${p.sample}" was "${p.original}")`
          : p.reason === 'utf16'
            ? `the file is ${p.encoding} (Excel's "Unicode Text") and cannot be read`
            : `line ${p.line ?? 1} holds bytes that are neither UTF-8 nor GBK/GB18030`,
    },
    hint: {
      'zh-CN': (p) =>
        p.reason === 'mojibake'
          ? '文件被错误地转换过编码（把 UTF-8 当成 GBK 打开后又保存）：请从生意参谋/Excel 重新导出原始文件。'
          : p.reason === 'utf16'
            ? 'Excel 的“Unicode 文本”保存为 UTF-16：请改用 另存为 → “CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”。'
            : '用 Excel/WPS 打开后 另存为 → CSV UTF-8（逗号分隔），或从生意参谋重新下载。',
      en: (p) =>
        p.reason === 'mojibake'
          ? 'The file was converted wrongly (UTF-8 opened as GBK and saved again): export the original again.'
          : p.reason === 'utf16'
            ? 'Excel\'s "Unicode Text" saves UTF-16: use Save As → "CSV UTF-8 (Comma delimited)" or "CSV (Comma delimited)" instead.'
            : 'Open it in Excel/WPS and Save As → CSV UTF-8, or download the export again.',
    },
  },
  'actuals.noHeader': {
    severity: 'error',
    title: { 'zh-CN': 'CSV 找不到表头', en: 'No header in the CSV' },
    message: {
      'zh-CN': (p, say) => `前 20 个非空行里没有表头：表头要有日期列或月份列（${say.list(p.accepted)}）和至少一个认识的列`,
      en: (p, say) =>
        `no header in the first 20 non-blank lines: it needs a date or month column (${say.list(p.accepted)}) and at least one other known column`,
    },
    hint: {
      'zh-CN': (p) =>
        ({
          xls: '这是 .xls/.xlsx 表格改了扩展名，不是真正的 CSV：在 Excel/WPS 中 另存为 → CSV（逗号分隔）。',
          tab: '这是制表符/分号分隔的文件：另存为 CSV（逗号分隔）。',
          semicolon: '这是制表符/分号分隔的文件：另存为 CSV（逗号分隔）。',
        })[String(p.cause)] ?? '检查第一列是否叫“日期”或“月份”；如果内容是乱码，说明编码被转换过，请重新导出；.xls 改名成 .csv 也会这样。',
      en: (p) =>
        ({
          xls: 'This is an .xls/.xlsx workbook renamed .csv: open it and Save As → CSV (Comma delimited).',
          tab: 'This is tab- or semicolon-separated: save it as CSV (comma-separated).',
          semicolon: 'This is tab- or semicolon-separated: save it as CSV (comma-separated).',
        })[String(p.cause)] ??
        'Check that a column is named 日期 or 月份; garbled text means a wrong conversion (export again); an .xls renamed .csv does this too.',
    },
  },
  'actuals.columnConflict': {
    severity: 'error',
    title: { 'zh-CN': '两列表示同一个字段', en: 'Two columns for one field' },
    message: {
      'zh-CN': (p) => `${lead(cellZh({ ...p, header: p.second }))}“${p.first}”和“${p.second}”都表示${field(p.field, 'zh-CN')}`,
      en: (p) => `${leadEn(cellEn({ ...p, header: p.second }))}"${p.first}" and "${p.second}" both mean ${field(p.field, 'en')}`,
    },
    hint: {
      'zh-CN': (p) => (p.field === 'date/month' ? '一个文件只能按日或按月：删掉日期列或月份列。' : '删掉其中一列，或把不用的那列改名。'),
      en: (p) =>
        p.field === 'date/month'
          ? 'A file is either daily or monthly: remove the date or the month column.'
          : 'Remove one of the columns, or rename the one not meant.',
    },
  },
  'actuals.unknownColumn': {
    severity: 'warning',
    title: { 'zh-CN': '不认识的列或渠道', en: 'Unknown column or channel' },
    message: {
      'zh-CN': (p) =>
        p.where === 'spend'
          ? `不认识的推广渠道“${p.header}”，这笔花费不计入`
          : p.header
            ? `${lead(cellZh(p))}不认识的列“${p.header}”，这一列会被忽略`
            : `${lead(cellZh(p))}这一列没有表头但有数据，会被忽略`,
      en: (p) =>
        p.where === 'spend'
          ? `unknown spend channel "${p.header}": this spend is not counted`
          : p.header
            ? `${leadEn(cellEn(p))}unknown column "${p.header}" is ignored`
            : `${leadEn(cellEn(p))}a column without a header holds data; it is ignored`,
    },
    hint: {
      'zh-CN': (p) => (p.suggestion ? `是不是“${p.suggestion}”？` : '可用的列名见作者指南“执行跟踪”；自定义推广渠道请写在计划的 tracking.channels 里。'),
      en: (p) =>
        p.suggestion
          ? `Did you mean "${p.suggestion}"?`
          : "See the guide's 执行跟踪 page for the accepted names; add your own channels to the plan's tracking.channels.",
    },
  },
  'actuals.asOf': {
    severity: 'error',
    title: { 'zh-CN': '数据截至日期不一致', en: 'Conflicting asOf' },
    message: {
      'zh-CN': (p) => `asOf 写的是 ${p.second}，而 ${p.firstFile} 写的是 ${p.first}`,
      en: (p) => `asOf is ${p.second} here but ${p.first} in ${p.firstFile}`,
    },
    hint: {
      'zh-CN': () => '整个计划只有一个数据截至日期：只在一个文件里写 asOf，或改成相同的日期。',
      en: () => 'A plan has one asOf: write it in one file, or make them equal.',
    },
  },
  'actuals.rowShape': {
    severity: 'error',
    title: { 'zh-CN': '这一行的列数与表头不同', en: 'Row width differs from the header' },
    message: {
      'zh-CN': (p) => (p.quote ? '从这一行起引号没有配对，后面的内容无法读取' : `这一行有 ${p.found} 个单元格，表头有 ${p.expected} 列；这一行不会被读取`),
      en: (p) =>
        p.quote
          ? 'a quote opened on this line is never closed; the rest cannot be read'
          : `this row has ${p.found} cells, the header ${p.expected}; the row is not read`,
    },
    hint: {
      'zh-CN': (p) =>
        p.quote
          ? '检查这一行的双引号是否成对。'
          : `带千分位逗号的数字要加引号（"2,807.13"），否则会被拆成两格${p.thousands ? '：这一行看起来正是这样' : ''}；Excel 另存为 CSV 会自动加引号。`,
      en: (p) =>
        p.quote
          ? 'Check the double quotes on this line.'
          : `Quote numbers with thousands separators ("2,807.13") or they split into two cells${p.thousands ? ' (this row looks like that)' : ''}; Excel quotes them when saving CSV.`,
    },
  },
  'actuals.cell': {
    severity: 'error',
    title: { 'zh-CN': '单元格无法读取', en: 'Unreadable cell' },
    message: {
      'zh-CN': (p, say) => `${lead(cellZh(p))}${say.value(p.found)} ${REASON_ZH[String(p.reason)] ?? '无法读取'}；应为${TYPE_ZH[String(p.type)] ?? p.type}`,
      en: (p, say) =>
        `${leadEn(cellEn(p))}${say.value(p.found)} is ${REASON_EN[String(p.reason)] ?? 'unreadable'}; expected ${TYPE_EN[String(p.type)] ?? p.type}`,
    },
    hint: {
      'zh-CN': (p) => {
        if (p.dayFirst) return `年份写在前：${p.dayFirst}。`;
        if (p.latin) return '用“万”“千”代替 w、k：15w → 15万。';
        return (
          (
            {
              serial: 'Excel 把日期存成了数字：把这一列设为日期格式后再另存为 CSV。',
              exponent: '不要用 1e9 这样的写法：把这一列设为数值格式后再另存为 CSV。',
              'chinese-numerals': '请用阿拉伯数字：十五万 → 15万。',
              precision: '最多精确到分（两位小数的元）。',
              integer: '人数、单数是整数：检查是不是填到了金额或比率列。',
              percentAmbiguous: '写成 3.5% 或 0.035；或在表头加 (%)，如“支付转化率(%)”。',
              range: '检查数值：比率在 0–100% 之间，日期要真实存在（没有 2 月 30 日）。',
              tbd: '实际数据是已经发生的事实：不知道就留空，不要写“待定”。',
              missing: '补上日期；若是合计行，把第一格写成“合计”。',
            } as Record<string, string>
          )[String(p.reason)] ?? '检查这一格的写法，或从导出工具重新导出。'
        );
      },
      en: (p) => {
        if (p.dayFirst) return `Put the year first: ${p.dayFirst}.`;
        if (p.latin) return 'Use 万 or 千 instead of w or k: 15w → 15万.';
        return (
          (
            {
              serial: 'Excel stored the date as a number: format the column as a date, then save as CSV again.',
              exponent: 'Format the column as a number before saving as CSV, so 1E+05 becomes 100000.',
              'chinese-numerals': 'Use digits: 十五万 → 15万.',
              precision: 'At most two decimals of yuan.',
              integer: 'People and orders are whole numbers: is this a money or rate column?',
              percentAmbiguous: 'Write 3.5% or 0.035, or add (%) to the header (支付转化率(%)).',
              range: 'Rates lie within 0–100%, and dates must exist (no 30 February).',
              tbd: 'An actual is a fact: leave the cell empty when it is not known.',
              missing: 'Fill in the date; for a summary row write 合计 in its first cell.',
            } as Record<string, string>
          )[String(p.reason)] ?? 'Check how the cell is written, or export again.'
        );
      },
    },
  },
  'actuals.negative': {
    severity: 'error',
    title: { 'zh-CN': '实际数据是负数', en: 'Negative actual' },
    message: {
      'zh-CN': (p, say) => `${lead(cellZh(p))}${say.value(p.found)} 是负数；金额、人数、单数和比率都不能为负`,
      en: (p, say) => `${leadEn(cellEn(p))}${say.value(p.found)} is negative; amounts, counts and rates cannot be`,
    },
    hint: {
      'zh-CN': () => '退款、冲减写正数，填在“退款金额”这样的单独一列里。',
      en: () => 'Write refunds and corrections as positive amounts in their own column (退款金额).',
    },
  },
  'actuals.granularity': {
    severity: 'error',
    title: { 'zh-CN': '按日还是按月不明确', en: 'Day or month unclear' },
    message: {
      'zh-CN': (p) =>
        p.yaml && !p.header
          ? p.both
            ? '这一行同时写了 date 和 month'
            : '这一行既没有 date 也没有 month'
          : p.mixed
            ? `“${p.found}”是按月的行，而这个文件前面是按日的行（或相反）`
            : `日期范围“${p.found}”不是正好一个自然月`,
      en: (p) =>
        p.yaml && !p.header
          ? p.both
            ? 'this row has both date and month'
            : 'this row has neither date nor month'
          : p.mixed
            ? `"${p.found}" is a monthly row in a file of daily rows (or the reverse)`
            : `the date range "${p.found}" is not exactly one calendar month`,
    },
    hint: {
      'zh-CN': (p) =>
        p.yaml && !p.header
          ? '按日写 date: 2014-11-11，按月写 month: 2014-11，只写其中一个。'
          : '按日和按月的数据分成两个文件；日期范围只能是整月（2014-10-01~2014-10-31）。',
      en: (p) =>
        p.yaml && !p.header
          ? 'Write date: 2014-11-11 for a day or month: 2014-11 for a month, not both.'
          : 'Keep daily and monthly rows in separate files; a range must be a whole month (2014-10-01~2014-10-31).',
    },
  },
  'actuals.outsidePeriod': {
    severity: 'error',
    title: { 'zh-CN': '日期不在计划周期内', en: 'Date outside the period' },
    message: {
      'zh-CN': (p) => `${p.date} 不在计划周期 ${p.start} – ${p.end} 内`,
      en: (p) => `${p.date} lies outside the plan's period ${p.start} – ${p.end}`,
    },
    hint: {
      'zh-CN': (p) => (p.yearSlip ? `年份是不是写错了？应为 ${p.yearSlip}。` : '这份数据属于另一份计划：放到那份计划的 actuals 目录下。'),
      en: (p) =>
        p.yearSlip ? `A slip of the year? Probably ${p.yearSlip}.` : "These figures belong to another plan: move them to that plan's actuals folder.",
    },
  },
  'actuals.afterAsOf': {
    severity: 'error',
    title: { 'zh-CN': '数据晚于数据截至日期', en: 'Record after asOf' },
    message: { 'zh-CN': (p) => `${p.date} 晚于数据截至日期 asOf ${p.asOf}`, en: (p) => `${p.date} is after asOf ${p.asOf}` },
    hint: {
      'zh-CN': () => '把 asOf 改到最后一天有数据的日期，或删掉 asOf 让它自动取最后一天。',
      en: () => 'Move asOf to the last day with data, or remove it so it is taken from the data.',
    },
  },
  'actuals.duplicateDate': {
    severity: 'error',
    title: { 'zh-CN': '同一天（月）的数据重复', en: 'Same day (month) twice' },
    message: {
      'zh-CN': (p, say) =>
        p.sameFile
          ? `${p.date} 在这个文件里出现了两次（第一次在第 ${p.earlierLine} 行）`
          : `${p.date} 的${field(p.field, 'zh-CN')}在这里是 ${say.value(fmt(p.second, 'zh-CN', say))}，在 ${p.earlierFile}:${p.earlierLine} 是 ${say.value(fmt(p.first, 'zh-CN', say))}`,
      en: (p, say) =>
        p.sameFile
          ? `${p.date} appears twice in this file (first on line ${p.earlierLine})`
          : `${field(p.field, 'en')} of ${p.date} is ${fmt(p.second, 'en', say)} here but ${fmt(p.first, 'en', say)} in ${p.earlierFile}:${p.earlierLine}`,
    },
    hint: {
      'zh-CN': (p) =>
        p.adRevenue
          ? '阿里妈妈报表里的“成交金额”是广告带来的成交，不是店铺成交额：从推广报表中删掉这一列。'
          : p.itemExport
            ? '这是按商品（宝贝）导出的明细，每天有多行：请导出“店铺整体”的数据。'
            : p.sameFile
              ? '删掉重复的一行；如果两行都对，把它们合并成一行。'
              : '两个文件对同一天给了不同的数：保留正确的那个，删掉另一个文件里的这一列或这一行。',
      en: (p) =>
        p.adRevenue
          ? "阿里妈妈's 成交金额 is ad-attributed revenue, not the store's: remove that column from the ad report."
          : p.itemExport
            ? 'This is a per-item export with several rows a day: export the whole store (店铺整体) instead.'
            : p.sameFile
              ? 'Remove the repeated row, or merge the two into one.'
              : 'Two files give different figures for the same day: keep the right one and remove the other.',
    },
  },
  'actuals.repeatedDate': {
    severity: 'warning',
    title: { 'zh-CN': '同样的数据在两个文件里', en: 'Same figures in two files' },
    message: {
      'zh-CN': (p, say) => `${say.list(p.dates)} 的数据与 ${p.earlierFile} 中的相同，只计一次`,
      en: (p, say) => `the figures of ${say.list(p.dates)} equal those in ${p.earlierFile}; counted once`,
    },
    hint: {
      'zh-CN': () => '导出的日期范围重叠了：可以删掉重复的部分，或保留（不会重复计算）。',
      en: () => 'The exports overlap: remove the overlap, or keep it (it is not counted twice).',
    },
  },
  'actuals.spendTotal': {
    severity: 'error',
    title: { 'zh-CN': '推广花费合计与各渠道之和不符', en: 'Total spend differs from its channels' },
    message: {
      'zh-CN': (p, say) => `${lead(cellZh(p))}${p.date} 推广花费合计 ${say.money(p.total)}，各渠道之和 ${say.money(p.channels)}：合计${say.diff(p.difference)}`,
      en: (p, say) =>
        `${leadEn(cellEn(p))}total spend of ${p.date} is ${say.money(p.total)}, its channels add up to ${say.money(p.channels)}: the total is ${say.diff(p.difference)}`,
    },
    hint: { 'zh-CN': () => '漏了一个渠道就补上那一列；只记合计时可以不写各渠道。', en: () => 'Add the missing channel, or write only the total.' },
  },
  'actuals.derivedMismatch': {
    severity: 'warning',
    title: { 'zh-CN': '写的比率与算出的不符', en: 'Written rate differs from the computed one' },
    message: {
      'zh-CN': (p) =>
        `${lead(cellZh(p))}${p.date} 写的${field(p.field, 'zh-CN')}是 ${p.written}，按${p.field === 'conversionRate' ? '买家数 ÷ 访客数' : '成交额 ÷ 买家数'}算出 ${p.computed}；网站使用算出的值`,
      en: (p) =>
        `${leadEn(cellEn(p))}${field(p.field, 'en')} of ${p.date} is written ${p.written}, computed ${p.computed} (${p.field === 'conversionRate' ? 'buyers ÷ visitors' : 'revenue ÷ buyers'}); the site uses the computed one`,
    },
    hint: {
      'zh-CN': () => '可能有一列错位了：检查这一行各列是否与表头对齐。',
      en: () => 'A column may be shifted: check that the row lines up with the header.',
    },
  },
  'actuals.rollup': {
    severity: 'error',
    title: { 'zh-CN': '月数据与每日数据对不上', en: 'Month disagrees with its days' },
    message: {
      'zh-CN': (p, say) => {
        const v = (x: ParamValue) => (p.count || p.field === 'orders' ? String(x) : say.money(x));
        const diff = p.count || p.field === 'orders' ? `${Number(p.difference) >= 0 ? '多' : '少'} ${Math.abs(Number(p.difference))}` : say.diff(p.difference);
        return `${p.month} 按月记的${field(p.field, 'zh-CN')}是 ${v(p.monthly)}，${p.dayCount} 天的每日数据合计 ${v(p.days)}（每日合计${diff}）${p.count ? '；月度去重后的数不应大于每日之和' : p.covered ? '；每天都有数据时两者应相等' : '；每日之和不应大于月数据'}`;
      },
      en: (p, say) => {
        const v = (x: ParamValue) => (p.count || p.field === 'orders' ? String(x) : say.money(x));
        const diff =
          p.count || p.field === 'orders' ? `${Math.abs(Number(p.difference))} ${Number(p.difference) >= 0 ? 'more' : 'less'}` : say.diff(p.difference);
        return `${field(p.field, 'en')} of ${p.month} is ${v(p.monthly)} by month, the ${p.dayCount} days add up to ${v(p.days)} (${diff})${p.count ? '; a de-duplicated month cannot exceed its days' : p.covered ? '; with every day recorded they must be equal' : '; the days cannot exceed the month'}`;
      },
    },
    hint: {
      'zh-CN': () => '检查月报和日报是否同一口径（例如是否含运费、是否扣退款），或是否漏导/重复导了某几天。',
      en: () => 'Check both use the same basis (postage, refunds), and that no days are missing or doubled.',
    },
  },
  'actuals.overBudget': {
    severity: 'warning',
    title: { 'zh-CN': '推广花费超出预算', en: 'Spend over budget' },
    message: {
      'zh-CN': (p, say) => `${p.month} 推广花费 ${say.money(p.spend)}，预算 ${say.money(p.budget)}，超支 ${say.money(p.excess)}（预算使用率 ${p.use}）`,
      en: (p, say) => `${p.month} spent ${say.money(p.spend)} against a budget of ${say.money(p.budget)}: ${say.money(p.excess)} over (${p.use} used)`,
    },
    hint: {
      'zh-CN': () => '在月报的“需关注”里说明超支原因；若预算调整过，更新计划里的月度营销预算。',
      en: () => 'Explain the overspend in the review; if the budget changed, update the plan.',
    },
  },
  'actuals.lowAttainment': {
    severity: 'warning',
    title: { 'zh-CN': '达成率偏低', en: 'Low attainment' },
    message: {
      'zh-CN': (p, say) => `${p.month} 实际成交额 ${say.money(p.revenue)}，目标 ${say.money(p.target)}，达成率 ${p.attainment}，低于 ${p.threshold}`,
      en: (p, say) => `${p.month} took ${say.money(p.revenue)} against a target of ${say.money(p.target)}: ${p.attainment}, below ${p.threshold}`,
    },
    hint: {
      'zh-CN': () => '在备注里写明原因；提醒的阈值可用计划的 tracking.lowAttainment 调整（0 关闭）。',
      en: () => "Note the reason; the threshold is the plan's tracking.lowAttainment (0 turns it off).",
    },
  },
  'actuals.dayMissing': {
    severity: 'warning',
    title: { 'zh-CN': '缺少某些天的数据', en: 'Days without data' },
    message: {
      'zh-CN': (p, say) => `${p.month} 缺 ${p.count} 天的数据：${say.list(p.days)}；本月数字标为“数据不全”`,
      en: (p, say) => `${p.month} lacks ${p.count} day(s): ${say.list(p.days)}; its figures are marked incomplete`,
    },
    hint: { 'zh-CN': () => '补导这几天的数据；若当天确实没有成交，写一行 0。', en: () => 'Export those days too; if nothing happened, write a row of zeros.' },
  },
  'actuals.fieldMissing': {
    severity: 'warning',
    title: { 'zh-CN': '某些天缺少某个字段', en: 'Field missing on some days' },
    message: {
      'zh-CN': (p, say) => `${p.month} 有 ${p.count} 天没有记录${field(p.field, 'zh-CN')}：${say.list(p.days)}；本月这项标为“数据不全”`,
      en: (p, say) => `${field(p.field, 'en')} is not recorded on ${p.count} day(s) of ${p.month}: ${say.list(p.days)}; the figure is marked incomplete`,
    },
    hint: {
      'zh-CN': () => '这几天的文件少了这一列：补上这一列，或导出同样的列。',
      en: () => 'Those days come from a file without this column: export the same columns.',
    },
  },
  'actuals.monthMissing': {
    severity: 'warning',
    title: { 'zh-CN': '已到月份没有数据', en: 'Months without data' },
    message: {
      'zh-CN': (p, say) => `这些已经开始的月份没有任何实际数据：${say.list(p.months)}`,
      en: (p, say) => `these months have begun but have no actuals: ${say.list(p.months)}`,
    },
    hint: {
      'zh-CN': () => '导出这些月份的数据放进这个目录；数据截至日期（asOf）之后的月份不算缺数据。',
      en: () => 'Add exports for these months; months after asOf are not missing.',
    },
  },
} satisfies Record<string, ActualsRule>;

function fmt(value: ParamValue, lang: Lang, say: Say): string {
  if (value && typeof value === 'object' && 'fen' in value) return say.money(value);
  return String(value);
}
