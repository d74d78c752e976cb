/**
 * `npm run new -- actuals <plan-id> [--month YYYY-MM]`: the pure part. A commented monthly YAML for
 * content/actuals/<plan-id>/<YYYY-MM>.yaml (actuals-format.md, "YAML files"). Placeholders the checker
 * rejects (待填写) make one `npm run check` name every figure still to fill in; optional keys are
 * commented out.
 */
import { parseArgs } from 'node:util';
import { monthIndex, monthFromIndex, type Month } from '../domain/time.ts';
import { parseMonthCell } from '../domain/actuals/values.ts';
import type { Say } from './scaffold.ts';

export const ACTUALS_USAGE: Say = {
  zh: '用法：npm run new -- actuals <计划 id> [--month YYYY-MM] [--content 内容目录]',
  en: 'usage: npm run new -- actuals <plan id> [--month YYYY-MM] [--content dir]',
};

export type ActualsArgs = { ok: true; planId: string; month?: Month; content?: string } | { ok: false; message: Say };

export function parseActualsArgs(argv: readonly string[]): ActualsArgs {
  let values: { month?: string; content?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: { month: { type: 'string' }, content: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    return { ok: false, message: { zh: `命令写法不对：${(error as Error).message}`, en: `wrong command: ${(error as Error).message}` } };
  }
  const [planId, ...extra] = positionals;
  if (!planId || extra.length > 0) return { ok: false, message: { zh: '请给出一个计划 id，例如 home-2014。', en: 'Give one plan id, e.g. home-2014.' } };
  if (values.month !== undefined) {
    const month = parseMonthCell(values.month);
    if (!month.ok)
      return { ok: false, message: { zh: `月份 “${values.month}” 无效，应为 YYYY-MM。`, en: `The month "${values.month}" is invalid; expected YYYY-MM.` } };
    return { ok: true, planId, month: month.month, content: values.content };
  }
  return { ok: true, planId, content: values.content };
}

/** The month to scaffold: the one after the last month with data, else the period's first; never past its end. */
export function nextActualsMonth(period: { start: Month; end: Month }, lastWithData: Month | undefined): Month {
  if (!lastWithData) return period.start;
  return monthFromIndex(Math.min(monthIndex(lastWithData) + 1, monthIndex(period.end)));
}

export function renderActualsTemplate(options: { planId: string; month: Month; lastDay: string }): string {
  const { planId, month, lastDay } = options;
  return `# ${month} 的实际数据（执行跟踪），计划 ${planId}。只填真实发生的数字：不知道的字段删掉（不会算作 0），0 才写 0。
# Actuals of ${month} for the plan ${planId}. Fill in what really happened; delete a field you do not know (it is not 0).
# 写法见作者指南“执行跟踪” / see the authors' guide, 执行跟踪 (plan vs actual).
# asOf: ${lastDay}         # 数据截至：这些数据覆盖到哪一天（不写就取最后一天有数据的日期）
source: 生意参谋月报        # 数据来源，显示在计划页和月报里
rows:
  - month: ${month}
    revenue: 待填写        # 实际成交额（支付金额，含运费、不扣退款）：如 96.5万、1,188元
    # refunds: 4.2万元     # 退款金额（写正数）
    # orders: 12,400       # 订单数（支付父订单）
    # visitors: 310,000    # 访客数
    # buyers: 11,800       # 支付买家数
    spend:                 # 推广花费，按渠道；只知道合计就删掉 spend，改写 marketing: 29万
      直通车: 待填写
      # 钻展: 9万
      # 活动: 6万
    # note: 双十一当天 0 点爆单   # 备注：显示在这个月的月报里
`;
}
