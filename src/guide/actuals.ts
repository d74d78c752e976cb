/**
 * The guide's 执行跟踪 section: the accepted-headers table comes from the parser's own header table
 * (src/domain/actuals/headers.ts), and the example files are read by the same reader as the site.
 */
import {
  CHANNELS,
  CHANNEL_SUFFIXES,
  FIELD_HEADERS,
  FIELD_LABEL,
  FIELD_LABEL_EN,
  RECOGNISED_NOT_USED,
  TOTAL_SPEND_HEADERS,
  type ActualField,
} from '../domain/actuals/headers.ts';

export interface HeaderRow {
  readonly field: string;
  readonly label: { zh: string; en: string };
  readonly names: readonly string[];
}

const FIELD_ORDER: ActualField[] = [
  'date',
  'month',
  'revenue',
  'refunds',
  'orders',
  'visitors',
  'buyers',
  'conversionRate',
  'averageOrderValue',
  'marketing',
  'note',
];

/** One row per field, then one per spend channel, as the parser matches them. */
export function headerRows(): HeaderRow[] {
  return [
    ...FIELD_ORDER.map((field) => ({
      field,
      label: { zh: FIELD_LABEL[field], en: FIELD_LABEL_EN[field] },
      names: field === 'marketing' ? TOTAL_SPEND_HEADERS : FIELD_HEADERS[field],
    })),
    ...CHANNELS.map((c) => ({ field: `spend.${c.label}`, label: { zh: `${c.label}花费`, en: `${c.label} spend` }, names: c.names })),
  ];
}

export const CHANNEL_SUFFIX_LIST = CHANNEL_SUFFIXES;
export const IGNORED_HEADERS = RECOGNISED_NOT_USED;

/** A 生意参谋-style export as saved (GBK in the real file; shown here as text). */
export const SHENGYI_CSV_EXAMPLE = `【生意参谋平台】店铺_整体_2014-10-01_2014-10-31
统计时间,2014-10-01~2014-10-31
终端,所有终端

统计日期,访客数,浏览量,支付金额,支付买家数,支付转化率,客单价,支付父订单数,支付子订单数,跳失率,成功退款金额
2014-10-01,"3,420","11,903","13,260.50",118,3.45%,112.38,122,151,41.20%,"560.00"
2014-10-02,"3,611","12,480","12,904.00",113,3.13%,114.19,117,140,43.05%,-
2014-10-03,"3,388","10,966","11,517.20",101,2.98%,114.03,105,128,42.80%,"212.40"`;

export const MONTHLY_YAML_EXAMPLE = `# content/actuals/home-2014/2014-11.yaml
asOf: 2014-11-30          # 数据截至：这些数据覆盖到哪一天（可不写）
source: 生意参谋月报、阿里妈妈
rows:
  - month: 2014-11        # 或 date: 2014-11-11，二选一
    revenue: 96.5万
    visitors: 310,000
    buyers: 7,980
    orders: 8,050
    refunds: 4.2万元
    spend: { 直通车: 14万, 钻展: 9万, 活动: 6万, 淘宝客: 4.5万 }
    note: 双十一当天 0 点爆单，客服加班到 3 点`;

export const ACTUALS_TREE = `content/actuals/
  home-2014/                 文件夹名 = 计划 id
    2014-H1.yaml             手工按月录入
    2014-11.yaml
    2014-Q3/                 子文件夹也会读
      【生意参谋平台】店铺_整体_2014-07-01_2014-09-30.csv
      阿里妈妈推广花费.yaml`;
