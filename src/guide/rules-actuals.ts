/** Example problems of the actuals.* rules for the authors' guide (see rules.ts beside this file). */
const wan = (n: number) => ({ fen: n * 1_000_000 });
const CSV = 'actuals/home-2014/【生意参谋平台】店铺_整体_2014-08-01_2014-10-31.csv';
const at = (line: number, column: number, letter: string) => ({ line, column, letter });

export const ACTUALS_RULE_EXAMPLES = {
  'actuals.unknownPlan': { file: 'actuals/home2014/2014-11.yaml', params: { folder: 'home2014', plans: ['home-2014', 'launch-2017'], suggestion: 'home-2014' } },
  'actuals.spreadsheet': { file: 'actuals/home-2014/2014-11 推广.xlsx', params: { extension: '.xlsx' } },
  'actuals.encoding': { file: CSV, line: 1, params: { encoding: 'UTF-16 LE', reason: 'utf16' } },
  'actuals.noHeader': { file: CSV, line: 1, params: { accepted: ['日期', '统计日期', '数据日期', 'date', '月份', '统计月份', '年月', 'month'], cause: 'tab' } },
  'actuals.columnConflict': { file: CSV, line: 4, column: 6, path: ['成交金额'], params: { first: '支付金额', second: '成交金额', field: 'revenue', ...at(4, 6, 'F') } },
  'actuals.unknownColumn': { file: CSV, line: 4, column: 9, path: ['钻展花废'], params: { header: '钻展花废', suggestion: '钻展花费', where: 'csv', ...at(4, 9, 'I') } },
  'actuals.asOf': { file: 'actuals/home-2014/2014-11.yaml', line: 2, path: ['asOf'], params: { first: '2014-11-30', firstFile: 'actuals/home-2014/2014-10.yaml', second: '2014-11-28' } },
  'actuals.rowShape': { file: CSV, line: 12, params: { found: 9, expected: 8, thousands: true } },
  'actuals.cell': { file: CSV, line: 12, column: 1, path: ['统计日期'], params: { header: '统计日期', found: '41917', type: 'day', reason: 'serial', ...at(12, 1, 'A') } },
  'actuals.negative': { file: CSV, line: 15, column: 7, path: ['退款金额'], params: { header: '退款金额', found: '-350.00', type: 'money', reason: 'negative', ...at(15, 7, 'G') } },
  'actuals.granularity': { file: 'actuals/home-2014/2014-11.yaml', line: 5, path: ['rows', 0], params: { both: true, yaml: true } },
  'actuals.outsidePeriod': { file: CSV, line: 9, column: 1, path: ['统计日期'], params: { date: '2013-11-11', start: '2014-01', end: '2014-12', yearSlip: '2014-11-11', ...at(9, 1, 'A') } },
  'actuals.afterAsOf': { file: 'actuals/home-2014/2014-12.yaml', line: 4, path: ['rows', 0, 'month'], params: { date: '2014-12', asOf: '2014-11-30' } },
  'actuals.duplicateDate': {
    file: 'actuals/home-2014/阿里妈妈_2014-10.csv',
    line: 6,
    column: 3,
    path: ['成交金额'],
    params: { date: '2014-10-03', field: 'revenue', earlierFile: CSV, earlierLine: 67, first: { fen: 1_204_350 }, second: { fen: 388_000 }, sameFile: false, adRevenue: true, ...at(6, 3, 'C') },
  },
  'actuals.repeatedDate': { file: 'actuals/home-2014/【生意参谋平台】店铺_整体_2014-10-01_2014-10-31.csv', line: 5, params: { earlierFile: CSV, dates: ['2014-10-01 – 2014-10-31'] } },
  'actuals.spendTotal': { file: 'actuals/home-2014/2014-10.csv', line: 3, column: 5, path: ['推广花费'], params: { date: '2014-10', header: '推广花费', total: wan(8.2), channels: wan(7.9), difference: wan(0.3), ...at(3, 5, 'E') } },
  'actuals.derivedMismatch': { file: CSV, line: 20, column: 5, path: ['支付转化率'], params: { date: '2014-08-16', field: 'conversionRate', header: '支付转化率', written: '3.52%', computed: '35.20%', ...at(20, 5, 'E') } },
  'actuals.rollup': { file: 'actuals/home-2014/2014-Q3/2014-09.yaml', line: 4, params: { month: '2014-09', field: 'revenue', monthly: wan(41.2), days: wan(40.9), dayCount: 30, difference: { fen: -300_000 }, covered: true, count: false } },
  'actuals.overBudget': { file: 'actuals/home-2014/2014-11.yaml', line: 5, params: { month: '2014-11', spend: wan(33.5), budget: wan(30), excess: wan(3.5), use: '111.7%' } },
  'actuals.lowAttainment': { file: 'actuals/home-2014/2014-07.yaml', line: 4, params: { month: '2014-07', revenue: wan(22.6), target: wan(30), attainment: '75.3%', threshold: '80%' } },
  'actuals.dayMissing': { file: CSV, line: 5, params: { month: '2014-10', days: ['2014-10-03', '2014-10-10 – 2014-10-12'], count: 4 } },
  'actuals.fieldMissing': { file: CSV, line: 5, params: { month: '2014-09', field: 'visitors', days: ['2014-09-01 – 2014-09-07'], count: 7 } },
  'actuals.monthMissing': { file: 'actuals/home-2014/', params: { months: ['2014-05', '2014-06'] } },
} as const;
