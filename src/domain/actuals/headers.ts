/**
 * The accepted CSV column names of the actuals contract (../shared/specs/actuals-format.md), in one table
 * that the parser, the checker's hints and the authors' guide all read. Matching is exact after
 * normalisation: no substring guessing.
 */
import { foldScript } from '../script.ts';
import { editDistance } from '../text.ts';

export type ActualField =
  'date' | 'month' | 'revenue' | 'refunds' | 'orders' | 'visitors' | 'buyers' | 'conversionRate' | 'averageOrderValue' | 'marketing' | 'note';

/** Value types of the fields (see "Shared value types"). */
export const FIELD_TYPE = {
  date: 'day',
  month: 'month',
  revenue: 'money',
  refunds: 'money',
  orders: 'count',
  visitors: 'count',
  buyers: 'count',
  conversionRate: 'percent',
  averageOrderValue: 'decimal',
  marketing: 'money',
  note: 'text',
} as const satisfies Record<ActualField, string>;

/** Names of the total spend (`marketing`), not of a channel. */
export const TOTAL_SPEND_HEADERS = ['推广花费', '推广费用', '营销推广费用', '营销费用', '推广总花费', '推广花费合计', '总花费', '花费'] as const;

/** Parent-order names win over the child-order ones (支付子订单数) when a file has both. */
export const PARENT_ORDER_HEADERS = ['支付订单数', '支付父订单数', '订单数', '成交订单数', '成交单量', '成交笔数'] as const;
export const CHILD_ORDER_HEADERS = ['支付子订单数', '子订单数'] as const;

export const FIELD_HEADERS: Record<ActualField, readonly string[]> = {
  date: ['日期', '统计日期', '数据日期', 'date'],
  month: ['月份', '统计月份', '年月', 'month'],
  revenue: ['支付金额', '成交金额', '成交额', '销售额', '交易金额', '实际成交额', 'GMV'],
  refunds: ['退款金额', '成功退款金额', '退款成功金额'],
  orders: [...PARENT_ORDER_HEADERS, ...CHILD_ORDER_HEADERS],
  visitors: ['访客数', '店铺访客数', 'UV'],
  buyers: ['支付买家数', '成交买家数', '成交客户数', '成交人数', '支付人数'],
  conversionRate: ['支付转化率', '成交转化率', '转化率'],
  averageOrderValue: ['客单价', '平均客单价'],
  marketing: TOTAL_SPEND_HEADERS,
  note: ['备注', '说明', '事件', 'note'],
};

/** 中文 labels of the fields, as the contract's record table names them. */
export const FIELD_LABEL: Record<ActualField, string> = {
  date: '日期',
  month: '月份',
  revenue: '实际成交额',
  refunds: '退款金额',
  orders: '订单数',
  visitors: '访客数',
  buyers: '支付买家数',
  conversionRate: '支付转化率',
  averageOrderValue: '客单价',
  marketing: '推广花费（合计）',
  note: '备注',
};

export const FIELD_LABEL_EN: Record<ActualField, string> = {
  date: 'date',
  month: 'month',
  revenue: 'revenue',
  refunds: 'refunds',
  orders: 'orders',
  visitors: 'visitors',
  buyers: 'buyers',
  conversionRate: 'conversion rate',
  averageOrderValue: 'average order value',
  marketing: 'total spend',
  note: 'note',
};

export interface Channel {
  /** The label shown (Simplified; pages convert for zh-TW). */
  readonly label: string;
  readonly names: readonly string[];
}

export const CHANNELS: readonly Channel[] = [
  { label: '直通车', names: ['直通车', '淘宝直通车', '关键词推广'] },
  { label: '钻展', names: ['钻展', '钻石展位', '引力魔方', '精准人群推广'] },
  { label: '淘宝客', names: ['淘宝客', '淘客', '淘宝联盟'] },
  { label: '万相台', names: ['万相台', '万相台无界', '全站推广'] },
  { label: '品销宝', names: ['品销宝', '明星店铺'] },
  { label: '京准通', names: ['京准通', '京东快车', '京东直投'] },
  { label: '活动', names: ['活动', '官方活动', '平台活动'] },
  { label: '其他', names: ['其他推广', '其他'] },
];

export const CHANNEL_SUFFIXES = ['花费', '消耗', '费用', '投入', '支出', '佣金'] as const;

/** Columns real exports carry that the site does not use: no message, not parsed. */
export const RECOGNISED_NOT_USED = [
  '浏览量',
  'PV',
  '跳失率',
  '人均浏览量',
  '平均停留时长',
  '加购人数',
  '加购件数',
  '收藏人数',
  '商品收藏买家数',
  '下单买家数',
  '下单金额',
  '下单件数',
  '下单转化率',
  '支付件数',
  '支付商品数',
  '老买家数',
  '新买家数',
  '支付老买家数',
  '支付新买家数',
  '退款率',
  '成功退款笔数',
  '展现量',
  '点击量',
  '点击率',
  '投入产出比',
  'ROI',
  '收藏加购数',
  '描述相符',
  '服务态度',
  '物流服务',
  '终端',
  '店铺名称',
] as const;

/** Words in a date cell that mark a summary row (skipped unchecked). */
export const SUMMARY_WORDS = ['合计', '总计', '汇总', '平均', '均值', 'total', 'sum'] as const;

/** Units a header may end with, in brackets; remembered for the cells under it. */
export const HEADER_UNITS = ['元', '万元', '万', '%', '人', '个', '笔', '件', '单'] as const;
export type HeaderUnit = (typeof HEADER_UNITS)[number];

/** Columns that mark a per-item export (repeated dates are then explained in the hint). */
export const ITEM_ID_HEADERS = ['商品id', '宝贝id', '商品编码', 'sku', 'skuid'] as const;
/** Columns of an advertising report: with 成交金额 they mean ad-attributed revenue. */
export const AD_REPORT_HEADERS = ['花费', '展现量', '点击量', '点击率'] as const;

export interface NormalisedHeader {
  readonly key: string;
  readonly unit?: HeaderUnit;
}

const UNIT_SUFFIX = new RegExp(`\\((${HEADER_UNITS.map((u) => u.replace('%', '%')).join('|')})\\)$`);

/** Steps 1–6 of "accepted column names": trim, NFKC, no whitespace, one unit off, Simplified, lower case. */
export function normaliseHeader(raw: string): NormalisedHeader {
  let text = raw
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"(.*)"$/s, '$1');
  text = text.normalize('NFKC').replace(/\s+/g, '');
  let unit: HeaderUnit | undefined;
  const match = UNIT_SUFFIX.exec(text);
  if (match) {
    unit = match[1] as HeaderUnit;
    text = text.slice(0, -match[0].length);
  }
  return { key: text === '' ? '' : foldScript(text), unit };
}

export type HeaderMeaning =
  | { readonly kind: 'field'; readonly field: ActualField; readonly child?: boolean }
  | { readonly kind: 'channel'; readonly channel: string }
  | { readonly kind: 'ignored' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'unknown'; readonly suggestion?: string };

interface Lookup {
  readonly exact: Map<string, HeaderMeaning>;
  /** Every known name as written, for "did you mean" hints. */
  readonly names: { readonly key: string; readonly written: string }[];
}

const lookups = new Map<string, Lookup>();

function buildLookup(extraChannels: readonly string[]): Lookup {
  const exact = new Map<string, HeaderMeaning>();
  const names: { key: string; written: string }[] = [];
  const add = (written: string, meaning: HeaderMeaning) => {
    const { key } = normaliseHeader(written);
    if (!exact.has(key)) exact.set(key, meaning);
    names.push({ key, written });
  };
  for (const [field, headers] of Object.entries(FIELD_HEADERS) as [ActualField, readonly string[]][]) {
    for (const h of headers)
      add(h, { kind: 'field', field, child: field === 'orders' && (CHILD_ORDER_HEADERS as readonly string[]).includes(h) ? true : undefined });
  }
  const channels = [...CHANNELS, ...extraChannels.map((name) => ({ label: name, names: [name] }))];
  for (const channel of channels) {
    for (const name of channel.names) {
      add(name, { kind: 'channel', channel: channel.label });
      for (const suffix of CHANNEL_SUFFIXES) add(name + suffix, { kind: 'channel', channel: channel.label });
    }
  }
  for (const h of RECOGNISED_NOT_USED) add(h, { kind: 'ignored' });
  return { exact, names };
}

function lookupFor(extraChannels: readonly string[]): Lookup {
  const cacheKey = extraChannels.join('\u0000');
  let lookup = lookups.get(cacheKey);
  if (!lookup) {
    lookup = buildLookup(extraChannels);
    lookups.set(cacheKey, lookup);
  }
  return lookup;
}

/** What a header cell means; `extraChannels` are the plan's `tracking.channels`. */
export function classifyHeader(raw: string, extraChannels: readonly string[] = []): HeaderMeaning & { unit?: HeaderUnit } {
  const { key, unit } = normaliseHeader(raw);
  if (key === '') return { kind: 'empty' };
  const lookup = lookupFor(extraChannels);
  const found = lookup.exact.get(key);
  if (found) return { ...found, unit };
  const near = lookup.names.find((n) => editDistance(key, n.key) === 1);
  return { kind: 'unknown', suggestion: near?.written };
}

/** The channel a YAML `spend` key names (no suffix needed, suffixes allowed), or undefined. */
export function channelOf(key: string, extraChannels: readonly string[] = []): string | undefined {
  const meaning = classifyHeader(key, extraChannels);
  return meaning.kind === 'channel' ? meaning.channel : undefined;
}

/** The nearest channel name (edit distance 1) for an unknown `spend` key. */
export function nearestChannel(key: string, extraChannels: readonly string[] = []): string | undefined {
  const { key: k } = normaliseHeader(key);
  const names = [...CHANNELS.flatMap((c) => c.names), ...extraChannels];
  return names.find((n) => editDistance(k, normaliseHeader(n).key) === 1);
}

/** Whether a normalised header is one of the given names. */
export function headerIs(raw: string, names: readonly string[]): boolean {
  const { key } = normaliseHeader(raw);
  return names.some((n) => normaliseHeader(n).key === key);
}
