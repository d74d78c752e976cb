/** One hand-kept YAML file of actuals → records, with every problem (actuals-format.md, "YAML files"). */
import type { PathSegment, Problem } from '../../check/problems.ts';
import { decode, lineOf, parseYaml, readYaml, type YamlSource } from '../../check/source.ts';
import { parseDate } from '../time.ts';
import { nearest } from '../text.ts';
import { channelOf, nearestChannel, FIELD_TYPE, type ActualField } from './headers.ts';
import { problem, type ActualRecord, type ActualsFile, type AmountField, type FieldSource } from './records.ts';
import { parseActualMoney, parseCount, parseDayCell, parseDecimal, parseMonthCell, parsePercent, type Written } from './values.ts';

const TOP_KEYS = ['asOf', 'source', 'note', 'rows'];
const ROW_KEYS = ['date', 'month', 'revenue', 'refunds', 'orders', 'visitors', 'buyers', 'conversionRate', 'averageOrderValue', 'marketing', 'spend', 'note'];

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);

export function readYamlActuals(file: string, bytes: Uint8Array, options: { channels?: readonly string[] } = {}): ActualsFile {
  const channels = options.channels ?? [];
  const problems: Problem[] = [];
  const base = { file, format: 'yaml' as const };
  const decoded = decode(bytes);
  if (!decoded.ok) {
    problems.push(problem('file.encoding', file, [], { encoding: decoded.encoding }, 1));
    return { ...base, records: [], erroneousKeys: [], problems, fileError: true };
  }
  const read = readYaml(decoded.text);
  for (const p of read.problems) problems.push(problem(p.rule, file, [], p.params, p.line));
  if (!read.ok) return { ...base, records: [], erroneousKeys: [], problems, fileError: true };
  let source: YamlSource | undefined;
  const at = (path: readonly PathSegment[]) => {
    source ??= parseYaml(decoded.text);
    return lineOf(source, path);
  };
  const report = (rule: string, path: PathSegment[], params: Problem['params']) => problems.push(problem(rule, file, path, params, at(path)));
  const raw = read.value;
  if (raw === null || raw === undefined) {
    problems.push(problem('file.empty', file, [], {}, 1));
    return { ...base, records: [], erroneousKeys: [], problems, fileError: true };
  }
  if (!isMapping(raw)) {
    problems.push(problem('yaml.notMapping', file, [], { expected: 'mapping', found: Array.isArray(raw) ? 'list' : 'text', value: String(raw) }, 1));
    return { ...base, records: [], erroneousKeys: [], problems, fileError: true };
  }
  for (const key of Object.keys(raw)) if (!TOP_KEYS.includes(key)) report('schema.unknownKey', [key], { key, suggestion: nearest(key, TOP_KEYS) });
  let asOf: ActualsFile['asOf'];
  if (raw.asOf !== undefined && raw.asOf !== null) {
    const parsed = parseDate(raw.asOf);
    if (parsed.ok) asOf = { date: parsed.date, line: at(['asOf']) };
    else report('value.date', ['asOf'], { found: raw.asOf instanceof Date ? raw.asOf.toISOString() : String(raw.asOf) });
  }
  const text = (key: string) => (typeof raw[key] === 'string' || typeof raw[key] === 'number' ? String(raw[key]) : undefined);
  const rows = raw.rows;
  const records: ActualRecord[] = [];
  const erroneousKeys: string[] = [];
  let fileError = false;
  if (rows === undefined || rows === null) {
    report('schema.required', [], { field: 'rows' });
    fileError = true;
  } else if (!Array.isArray(rows)) {
    report('schema.type', ['rows'], { expected: '列表', expectedEn: 'a list', found: typeof rows === 'string' ? rows : undefined });
    fileError = true;
  } else {
    rows.forEach((row, i) => {
      const rowPath: PathSegment[] = ['rows', i];
      if (!isMapping(row)) {
        report('schema.type', rowPath, {
          expected: '键值对（如 month: 2014-11）',
          expectedEn: 'a mapping (month: 2014-11)',
          found: typeof row === 'string' ? row : undefined,
        });
        return;
      }
      for (const key of Object.keys(row))
        if (!ROW_KEYS.includes(key)) report('schema.unknownKey', [...rowPath, key], { key, suggestion: nearest(key, ROW_KEYS) });
      const hasDate = row.date !== undefined && row.date !== null;
      const hasMonth = row.month !== undefined && row.month !== null;
      if (hasDate === hasMonth) {
        report('actuals.granularity', rowPath, { both: hasDate, yaml: true });
        return;
      }
      let kind: 'day' | 'month';
      let key: string;
      const dateField = hasDate ? 'date' : 'month';
      const dateSource: FieldSource = { path: [...rowPath, dateField] };
      if (hasDate) {
        const day = parseDayCell(row.date);
        if (!day.ok || day.kind !== 'day') {
          const reason = day.ok ? 'granularity' : day.reason;
          report(reason === 'granularity' ? 'actuals.granularity' : 'actuals.cell', [...rowPath, 'date'], {
            header: 'date',
            found: String(row.date),
            type: 'day',
            reason,
            dayFirst: day.ok ? undefined : day.dayFirst,
            range: true,
          });
          return;
        }
        kind = 'day';
        key = day.date;
      } else {
        const month = parseMonthCell(typeof row.month === 'number' ? String(row.month) : row.month);
        if (!month.ok) {
          report('actuals.cell', [...rowPath, 'month'], { header: 'month', found: String(row.month), type: 'month', reason: month.reason });
          return;
        }
        kind = 'month';
        key = month.month;
      }
      const amounts = new Map<AmountField, number>();
      const sources = new Map<string, FieldSource>();
      let conversionRate: Written | undefined;
      let averageOrderValue: Written | undefined;
      let rowError = false;
      const readValue = (field: string, value: unknown, path: PathSegment[], type: string): number | Written | undefined => {
        if (value === null || value === undefined) return undefined;
        let result;
        if (type === 'money') result = parseActualMoney(value, undefined, false);
        else if (type === 'count') result = parseCount(value, false);
        else if (type === 'percent') result = parsePercent(value);
        else result = parseDecimal(value);
        if (result.ok) {
          if (result.value !== undefined) sources.set(field, { path });
          return result.value;
        }
        rowError = true;
        const found = typeof value === 'string' || typeof value === 'number' ? value : String(value);
        if (result.reason === 'negative') report('actuals.negative', path, { header: path.at(-1) as string, found, type });
        else if (type === 'money' && result.reason !== 'tbd')
          report('value.money', path, { found, reason: result.latin ? 'latin-unit' : result.reason === 'range' ? 'too-large' : result.reason });
        else report('actuals.cell', path, { header: String(path.at(-1)), found, type, reason: result.reason, latin: result.latin });
        return undefined;
      };
      for (const field of ['revenue', 'refunds', 'orders', 'visitors', 'buyers', 'marketing', 'conversionRate', 'averageOrderValue'] as ActualField[]) {
        const value = readValue(field, row[field], [...rowPath, field], FIELD_TYPE[field]);
        if (value === undefined) continue;
        if (field === 'conversionRate') conversionRate = value as Written;
        else if (field === 'averageOrderValue') averageOrderValue = value as Written;
        else amounts.set(field as AmountField, value as number);
      }
      if (row.spend !== undefined && row.spend !== null) {
        if (!isMapping(row.spend)) {
          report('schema.type', [...rowPath, 'spend'], {
            expected: '渠道与花费的键值对（如 { 直通车: 14万 }）',
            expectedEn: 'a mapping of channel to spend ({ 直通车: 14万 })',
            found: typeof row.spend === 'string' ? row.spend : undefined,
          });
          rowError = true;
        } else {
          for (const [name, value] of Object.entries(row.spend)) {
            const path = [...rowPath, 'spend', name];
            const channel = channelOf(name, channels);
            if (!channel) {
              report('actuals.unknownColumn', path, { header: name, suggestion: nearestChannel(name, channels), where: 'spend' });
              continue;
            }
            const field = `spend.${channel}` as const;
            const fen = readValue(field, value, path, 'money');
            if (typeof fen === 'number') amounts.set(field, (amounts.get(field) ?? 0) + fen);
          }
        }
      }
      if (rowError) {
        erroneousKeys.push(key);
        return;
      }
      const note = typeof row.note === 'string' || typeof row.note === 'number' ? String(row.note) : undefined;
      records.push({ kind, key, file, line: at(rowPath) ?? 1, amounts, conversionRate, averageOrderValue, note, sources, dateSource });
    });
  }
  return { ...base, source: text('source'), note: text('note'), asOf, records, erroneousKeys, problems, fileError };
}
