/**
 * What changed between two versions of an entry, in words (content-format.md, "Change history"): read from
 * the parsed data, not from text lines, so a reflowed YAML list is no change and an SLA written 24h then
 * 1天 reads as the same time. Each change is first a record (kind + values already in names, not ids), then
 * a sentence in the site's language (changeWords). Pure: no git, no file system, no clock, no Astro.
 */
import type { DepartmentData, PlanData, RoleData, SopData } from '../../schema/collections.ts';
import type { Kpi } from '../../schema/values.ts';
import { FORMATS, useTranslations, type Locale, type Translate, type UiKey } from '../../i18n/index.ts';
import { formatMoney, type Money } from '../money.ts';
import type { Duration } from '../time.ts';
import { bestPairs } from './similarity.ts';

export type ChangeEntryKind = 'sop' | 'role' | 'plan' | 'department';

/** One version of an entry as the schema parsed it. */
export interface EntryVersion<T> {
  readonly id: string;
  readonly data: T;
  readonly body?: string;
}

export type AnyVersion =
  | { readonly kind: 'sop'; readonly version: EntryVersion<SopData> }
  | { readonly kind: 'role'; readonly version: EntryVersion<RoleData> }
  | { readonly kind: 'plan'; readonly version: EntryVersion<PlanData> }
  | { readonly kind: 'department'; readonly version: EntryVersion<DepartmentData> };

/** Names of the entries that versions refer to by id; an id without a name is shown as it is. */
export interface ChangeNames {
  readonly role?: (id: string) => string | undefined;
  readonly department?: (id: string) => string | undefined;
}

/** A field whose value is shown from → to; its label is the page's own label of that field. */
export type ChangeField =
  'title' | 'owner' | 'department' | 'trigger' | 'frequency' | 'sla' | 'reportsTo' | 'level' | 'lead' | 'store' | 'period' | 'totalRevenue' | 'totalMarketing';

/** A list whose items are added or removed one by one. */
export type ChangeList = 'participants' | 'responsibilities' | 'requirements' | 'tools' | 'holders';

export type Change =
  | { readonly kind: 'entry.added'; readonly title: string }
  | { readonly kind: 'entry.removed'; readonly title: string }
  | { readonly kind: 'entry.renamed'; readonly from: string; readonly to: string }
  | { readonly kind: 'field'; readonly field: ChangeField; readonly from?: string; readonly to?: string }
  | { readonly kind: 'list.added' | 'list.removed'; readonly list: ChangeList; readonly item: string }
  | { readonly kind: 'step.added' | 'step.removed'; readonly n: number; readonly text: string }
  | { readonly kind: 'step.moved'; readonly from: number; readonly to: number; readonly text: string }
  | { readonly kind: 'step.reworded'; readonly n: number; readonly from: string; readonly to: string }
  | { readonly kind: 'step.by'; readonly n: number; readonly from?: string; readonly to?: string }
  | { readonly kind: 'step.note'; readonly n: number; readonly from?: string; readonly to?: string }
  | { readonly kind: 'kpi.added'; readonly name: string; readonly to: string }
  | { readonly kind: 'kpi.removed'; readonly name: string }
  | { readonly kind: 'kpi.target'; readonly name: string; readonly from: string; readonly to: string }
  | { readonly kind: 'month.figure'; readonly month: string; readonly figure: 'revenue' | 'marketing'; readonly from: string; readonly to: string }
  | { readonly kind: 'month.added' | 'month.removed'; readonly month: string }
  | { readonly kind: 'body.added' | 'body.removed'; readonly text: string }
  | { readonly kind: 'body.changed'; readonly from: string; readonly to: string }
  /** Fields this module does not put in words (a role's onboarding path, a plan's stages …): named only. */
  | { readonly kind: 'other'; readonly fields: readonly string[] };

interface Context {
  readonly locale: Locale;
  readonly t: Translate;
  readonly role: (id: string | undefined) => string | undefined;
  readonly department: (id: string | undefined) => string | undefined;
}

/**
 * The changes from `before` to `after` (both of the same kind). Without `before` the entry was added, without
 * `after` removed; a different id is a rename (the file moved), reported before what else changed.
 */
export function describeChange(before: AnyVersion | undefined, after: AnyVersion | undefined, locale: Locale, names: ChangeNames = {}): Change[] {
  const t = useTranslations(locale);
  const context: Context = {
    locale,
    t,
    role: (id) => (id === undefined ? undefined : (names.role?.(id) ?? id)),
    department: (id) => (id === undefined ? undefined : (names.department?.(id) ?? id)),
  };
  if (!before && !after) return [];
  if (!before) return [{ kind: 'entry.added', title: titleOf(after!) }];
  if (!after) return [{ kind: 'entry.removed', title: titleOf(before) }];
  if (before.kind !== after.kind)
    return [
      { kind: 'entry.removed', title: titleOf(before) },
      { kind: 'entry.added', title: titleOf(after) },
    ];
  const changes: Change[] = [];
  if (before.version.id !== after.version.id) changes.push({ kind: 'entry.renamed', from: before.version.id, to: after.version.id });
  switch (after.kind) {
    case 'sop':
      changes.push(...sopChanges((before as typeof after).version, after.version, context));
      break;
    case 'role':
      changes.push(...roleChanges((before as typeof after).version, after.version, context));
      break;
    case 'plan':
      changes.push(...planChanges((before as typeof after).version, after.version, context));
      break;
    case 'department':
      changes.push(...departmentChanges((before as typeof after).version, after.version, context));
      break;
  }
  return changes;
}

/** The entry's name as its page heads it. */
export function titleOf(entry: AnyVersion): string {
  return entry.kind === 'department' ? entry.version.data.name : entry.version.data.title;
}

function field(name: ChangeField, from: string | undefined, to: string | undefined): Change[] {
  return from === to ? [] : [{ kind: 'field', field: name, from, to }];
}

function sopChanges(a: EntryVersion<SopData>, b: EntryVersion<SopData>, c: Context): Change[] {
  const frequency = (value: SopData['frequency']) => (value === undefined ? undefined : c.t(`frequency.${value}` as UiKey));
  return [
    ...field('title', a.data.title, b.data.title),
    ...field('owner', c.role(a.data.owner), c.role(b.data.owner)),
    ...field('department', c.department(a.data.department), c.department(b.data.department)),
    ...field('trigger', a.data.trigger, b.data.trigger),
    ...field('frequency', frequency(a.data.frequency), frequency(b.data.frequency)),
    ...field('sla', durationText(a.data.sla, c.locale), durationText(b.data.sla, c.locale)),
    ...listChanges(
      'participants',
      a.data.participants.map((id) => c.role(id)!),
      b.data.participants.map((id) => c.role(id)!),
    ),
    ...stepChanges(a.data.steps, b.data.steps, c),
    ...kpiChanges(a.data.kpis, b.data.kpis),
    ...otherFields(a.data, b.data, ['title', 'owner', 'department', 'trigger', 'frequency', 'sla', 'participants', 'steps', 'kpis']),
    ...bodyChanges(a.body, b.body),
  ];
}

function roleChanges(a: EntryVersion<RoleData>, b: EntryVersion<RoleData>, c: Context): Change[] {
  const level = (value: RoleData['level']) => (value === undefined ? undefined : c.t(`level.${value}` as UiKey));
  return [
    ...field('title', a.data.title, b.data.title),
    ...field('department', c.department(a.data.department), c.department(b.data.department)),
    ...field('reportsTo', c.role(a.data.reportsTo), c.role(b.data.reportsTo)),
    ...field('level', level(a.data.level), level(b.data.level)),
    ...listChanges('holders', a.data.holders, b.data.holders),
    ...listChanges('responsibilities', a.data.responsibilities, b.data.responsibilities),
    ...listChanges('requirements', a.data.requirements, b.data.requirements),
    ...listChanges('tools', a.data.tools, b.data.tools),
    ...kpiChanges(a.data.kpis, b.data.kpis),
    ...otherFields(a.data, b.data, ['title', 'department', 'reportsTo', 'level', 'holders', 'responsibilities', 'requirements', 'tools', 'kpis']),
    ...bodyChanges(a.body, b.body),
  ];
}

function planChanges(a: EntryVersion<PlanData>, b: EntryVersion<PlanData>, c: Context): Change[] {
  const money = (value: Money | undefined) => (value === undefined ? undefined : formatMoney(value, c.locale));
  const period = (data: PlanData) => `${data.period.start} – ${data.period.end}`;
  const changes: Change[] = [
    ...field('title', a.data.title, b.data.title),
    ...field('store', a.data.store, b.data.store),
    ...field('period', period(a.data), period(b.data)),
    ...field('totalRevenue', money(a.data.totals?.revenue), money(b.data.totals?.revenue)),
    ...field('totalMarketing', money(a.data.totals?.marketing), money(b.data.totals?.marketing)),
  ];
  const monthsBefore = new Map(a.data.months.map((m) => [m.month, m]));
  const monthsAfter = new Map(b.data.months.map((m) => [m.month, m]));
  const allMonths = [...new Set([...monthsBefore.keys(), ...monthsAfter.keys()])].sort();
  for (const month of allMonths) {
    const was = monthsBefore.get(month);
    const is = monthsAfter.get(month);
    if (!was) changes.push({ kind: 'month.added', month });
    else if (!is) changes.push({ kind: 'month.removed', month });
    else {
      for (const figure of ['revenue', 'marketing'] as const) {
        const from = money(was[figure])!;
        const to = money(is[figure])!;
        if (from !== to) changes.push({ kind: 'month.figure', month, figure, from, to });
      }
    }
  }
  changes.push(...otherFields(a.data, b.data, ['title', 'store', 'period', 'totals', 'months']));
  return changes;
}

function departmentChanges(a: EntryVersion<DepartmentData>, b: EntryVersion<DepartmentData>, c: Context): Change[] {
  return [
    ...field('title', a.data.name, b.data.name),
    ...field('lead', c.role(a.data.lead), c.role(b.data.lead)),
    ...otherFields(a.data, b.data, ['name', 'lead']),
  ];
}

/** Top-level fields other than `described` whose parsed values differ, so that no edit goes unmentioned. */
function otherFields(a: object, b: object, described: readonly string[]): Change[] {
  const before = a as Record<string, unknown>;
  const after = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !described.includes(key));
  const fields = keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return fields.length > 0 ? [{ kind: 'other', fields }] : [];
}

/** "24 小时" / "24 hours": the amount as written with its unit (1 天 stays 1 天, not 24 小时). */
function durationText(duration: Duration | undefined, locale: Locale): string | undefined {
  if (!duration) return undefined;
  const [one, many] = FORMATS[locale].durationWords[duration.unit];
  return `${duration.amount} ${duration.amount === 1 ? one : many}`;
}

function listChanges(list: ChangeList, before: readonly string[], after: readonly string[]): Change[] {
  const was = new Set(before);
  const is = new Set(after);
  return [
    ...before.filter((item) => !is.has(item)).map((item): Change => ({ kind: 'list.removed', list, item })),
    ...after.filter((item) => !was.has(item)).map((item): Change => ({ kind: 'list.added', list, item })),
  ];
}

type Step = SopData['steps'][number];

/**
 * Steps are matched by their words: the same words elsewhere is a move (only steps off the longest run kept in
 * order count as moved, so inserting one step does not "move" all that follow), similar words are a rewording,
 * and what is left was added or removed. Numbers are the step's place in the version it belongs to.
 */
function stepChanges(before: readonly Step[], after: readonly Step[], c: Context): Change[] {
  const pairs: [number, number][] = [];
  const usedAfter = new Set<number>();
  const usedBefore = new Set<number>();
  before.forEach((step, i) => {
    const j = after.findIndex((other, k) => !usedAfter.has(k) && other.do === step.do);
    if (j === -1) return;
    pairs.push([i, j]);
    usedBefore.add(i);
    usedAfter.add(j);
  });
  const leftBefore = before.map((_, i) => i).filter((i) => !usedBefore.has(i));
  const leftAfter = after.map((_, j) => j).filter((j) => !usedAfter.has(j));
  const reworded = bestPairs(
    leftBefore.map((i) => before[i]!.do),
    leftAfter.map((j) => after[j]!.do),
  ).map(([x, y]): [number, number] => [leftBefore[x]!, leftAfter[y]!]);
  // Steps reworded in place also count as staying in order.
  const kept = new Set(inOrder([...pairs, ...reworded]).map(([i]) => i));
  const pairedBefore = new Set(reworded.map(([i]) => i));
  const pairedAfter = new Set(reworded.map(([, j]) => j));

  const changes: Change[] = [];
  for (const i of leftBefore) if (!pairedBefore.has(i)) changes.push({ kind: 'step.removed', n: i + 1, text: before[i]!.do });
  for (const j of leftAfter) if (!pairedAfter.has(j)) changes.push({ kind: 'step.added', n: j + 1, text: after[j]!.do });
  for (const [i, j] of [...pairs, ...reworded].sort((x, y) => x[1] - y[1])) {
    const was = before[i]!;
    const is = after[j]!;
    if (!kept.has(i)) changes.push({ kind: 'step.moved', from: i + 1, to: j + 1, text: is.do });
    if (was.do !== is.do) changes.push({ kind: 'step.reworded', n: j + 1, from: was.do, to: is.do });
    if (was.by !== is.by) changes.push({ kind: 'step.by', n: j + 1, from: c.role(was.by), to: c.role(is.by) });
    if (was.note !== is.note) changes.push({ kind: 'step.note', n: j + 1, from: was.note, to: is.note });
  }
  return changes;
}

/** The longest subsequence of pairs whose second members rise with the first (patience sorting, O(n log n)). */
function inOrder(pairs: readonly [number, number][]): [number, number][] {
  const sorted = [...pairs].sort((x, y) => x[0] - y[0]);
  const tails: number[] = []; // index into sorted of the smallest tail of each length
  const previous: number[] = [];
  sorted.forEach(([, j], k) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[tails[mid]!]![1] < j) low = mid + 1;
      else high = mid;
    }
    previous[k] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = k;
  });
  const run: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k !== -1; k = previous[k]!) run.unshift(sorted[k]!);
  return run;
}

function kpiTarget(kpi: Kpi): string {
  return kpi.unit ? `${kpi.target}${kpi.unit === '%' || kpi.unit === '％' ? '' : ' '}${kpi.unit}` : String(kpi.target);
}

function kpiChanges(before: readonly Kpi[], after: readonly Kpi[]): Change[] {
  const was = new Map(before.map((kpi) => [kpi.name, kpi]));
  const is = new Map(after.map((kpi) => [kpi.name, kpi]));
  const changes: Change[] = [];
  for (const kpi of before) if (!is.has(kpi.name)) changes.push({ kind: 'kpi.removed', name: kpi.name });
  for (const kpi of after) {
    const old = was.get(kpi.name);
    if (!old) changes.push({ kind: 'kpi.added', name: kpi.name, to: kpiTarget(kpi) });
    else if (kpiTarget(old) !== kpiTarget(kpi)) changes.push({ kind: 'kpi.target', name: kpi.name, from: kpiTarget(old), to: kpiTarget(kpi) });
  }
  return changes;
}

/** Blocks of a Markdown body (separated by blank lines), their inner line breaks and spaces folded. */
export function paragraphs(body: string | undefined): string[] {
  if (!body) return [];
  return body
    .split(/\r?\n[ \t]*\r?\n/)
    .map((block) => block.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter((block) => block !== '');
}

/**
 * A paragraph's words as a reader sees them: without MDX and HTML tags, heading and list marks, emphasis
 * and link addresses ("## 要点" → "要点", "<Term>旺旺</Term>" → "旺旺", "[规则](https://…)" → "规则").
 */
export function plainWords(paragraph: string): string {
  return paragraph
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(^|\s)(?:#{1,6}|[-*+]|\d+\.|>)\s+/g, '$1')
    .replace(/(\*\*|__|\*|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Paragraphs added, removed and reworded (similar enough to be the same paragraph edited), each with its words. */
function bodyChanges(before: string | undefined, after: string | undefined): Change[] {
  const a = paragraphs(before);
  const b = paragraphs(after);
  const inB = new Set(b);
  const inA = new Set(a);
  const gone = a.filter((p) => !inB.has(p));
  const come = b.filter((p) => !inA.has(p));
  const pairs = bestPairs(gone, come);
  const pairedGone = new Set(pairs.map(([x]) => x));
  const pairedCome = new Set(pairs.map(([, y]) => y));
  return [
    ...pairs.map(([x, y]): Change => ({ kind: 'body.changed', from: plainWords(gone[x]!), to: plainWords(come[y]!) })),
    ...come.filter((_, y) => !pairedCome.has(y)).map((text): Change => ({ kind: 'body.added', text: plainWords(text) })),
    ...gone.filter((_, x) => !pairedGone.has(x)).map((text): Change => ({ kind: 'body.removed', text: plainWords(text) })),
  ];
}

const FIELD_LABELS: Record<ChangeField, UiKey> = {
  title: 'changes.field.title',
  owner: 'sop.owner',
  department: 'sop.department',
  trigger: 'sop.trigger',
  frequency: 'sop.frequency',
  sla: 'sop.sla',
  reportsTo: 'role.reportsTo',
  level: 'role.level',
  lead: 'department.lead',
  store: 'plan.store',
  period: 'plan.period',
  totalRevenue: 'plan.totalRevenue',
  totalMarketing: 'plan.totalMarketing',
};

const LIST_LABELS: Record<ChangeList, UiKey> = {
  participants: 'sop.participants',
  responsibilities: 'role.responsibilities',
  requirements: 'role.requirements',
  tools: 'role.tools',
  holders: 'role.holders',
};

/** Labels of the fields an 'other' change names; a field without one is named by its key. */
const OTHER_LABELS: Readonly<Record<string, UiKey>> = {
  onboarding: 'onboarding.title',
  staffing: 'role.staffing',
  headcount: 'role.headcount',
  tags: 'sop.tags',
  related: 'sop.related',
  updated: 'sop.updated',
  reviewEvery: 'sop.reviewEvery',
  stages: 'plan.stages',
  fixedCosts: 'plan.fixedCosts',
  roi: 'plan.roiBands',
  averageOrderValue: 'plan.aov',
  currency: 'plan.currency',
};

/** Long text (a paragraph, a step) cut for a one-line summary. */
export function clip(text: string, max = 40): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** One change as a sentence: "时限：24 小时 → 12 小时", "新增第 3 步：…". */
export function changeWords(change: Change, t: Translate): string {
  switch (change.kind) {
    case 'entry.added':
      return t('changes.entryAdded', { title: change.title });
    case 'entry.removed':
      return t('changes.entryRemoved', { title: change.title });
    case 'entry.renamed':
      return t('changes.entryRenamed', { from: change.from, to: change.to });
    case 'field': {
      const label = t(FIELD_LABELS[change.field]);
      if (change.from === undefined) return t('changes.fieldSet', { field: label, to: change.to! });
      if (change.to === undefined) return t('changes.fieldCleared', { field: label, from: change.from });
      return t('changes.field', { field: label, from: change.from, to: change.to });
    }
    case 'list.added':
      return t('changes.listAdded', { list: t(LIST_LABELS[change.list]), item: change.item });
    case 'list.removed':
      return t('changes.listRemoved', { list: t(LIST_LABELS[change.list]), item: change.item });
    case 'step.added':
      return t('changes.stepAdded', { n: change.n, text: clip(change.text) });
    case 'step.removed':
      return t('changes.stepRemoved', { n: change.n, text: clip(change.text) });
    case 'step.moved':
      return t('changes.stepMoved', { from: change.from, to: change.to, text: clip(change.text) });
    case 'step.reworded':
      return t('changes.stepReworded', { n: change.n, from: clip(change.from), to: clip(change.to) });
    case 'step.by':
      return t('changes.stepBy', { n: change.n, from: change.from ?? '—', to: change.to ?? '—' });
    case 'step.note':
      return change.to === undefined ? t('changes.stepNoteRemoved', { n: change.n }) : t('changes.stepNote', { n: change.n, to: clip(change.to) });
    case 'kpi.added':
      return t('changes.kpiAdded', { name: change.name, to: change.to });
    case 'kpi.removed':
      return t('changes.kpiRemoved', { name: change.name });
    case 'kpi.target':
      return t('changes.kpiTarget', { name: change.name, from: change.from, to: change.to });
    case 'month.figure':
      return t('changes.monthFigure', {
        month: change.month,
        figure: t(change.figure === 'revenue' ? 'plan.revenue' : 'plan.marketing'),
        from: change.from,
        to: change.to,
      });
    case 'month.added':
      return t('changes.monthAdded', { month: change.month });
    case 'month.removed':
      return t('changes.monthRemoved', { month: change.month });
    case 'body.added':
      return t('changes.bodyAdded', { text: clip(change.text) });
    case 'body.removed':
      return t('changes.bodyRemoved', { text: clip(change.text) });
    case 'body.changed':
      return t('changes.bodyChanged', { text: clip(change.to) });
    case 'other': {
      const fields = change.fields.map((key) => (OTHER_LABELS[key] ? t(OTHER_LABELS[key]) : key));
      return t('changes.other', { fields: fields.join(t('list.separator')) });
    }
  }
}
