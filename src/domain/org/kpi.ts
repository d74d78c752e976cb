/** KPI targets as a reader sees them: 纠纷率 ≤ 3%, 询单转化率 ≥ 40%, 首次响应时间 ≤ 20 秒. */
import type { Kpi } from '../../schema/values.ts';

/** Units written right after the number; any other unit gets a space (20 秒, 10 条). */
const TIGHT_UNITS = new Set(['%', '％', '‰', '°']);

export function kpiTarget(kpi: Pick<Kpi, 'target' | 'unit' | 'better'>): string {
  const sign = kpi.better === 'lower' ? '≤' : '≥';
  const target = String(kpi.target).trim();
  const unit = kpi.unit?.trim();
  if (!unit) return `${sign} ${target}`;
  return `${sign} ${target}${TIGHT_UNITS.has(unit) ? '' : ' '}${unit}`;
}
