/**
 * A newcomer's onboarding path for a role (入职路径): the SOPs to learn, the
 * glossary terms they will meet, and the rhythm to join, in a sensible order.
 * Every item has a key that does not depend on its position, so progress saved
 * in a browser survives rebuilds that add or remove items.
 */
import type { Entry, Handbook } from '../handbook.ts';
import { sopsOwnedBy, sopsTakingPart, stepsBy } from '../references.ts';
import { cadenceSchedule } from '../rhythm/cadence.ts';
import type { CadenceItemData, GlossaryTermData, RoleData, SopData } from '../../schema/collections.ts';
import { defaultCollator, memoByRef, zhCollator } from '../memo.ts';

/** How often an SOP runs, the most frequent first: what a newcomer meets on day one comes first. */
export const FREQUENCY_ORDER = ['daily', 'weekly', 'monthly', 'quarterly', 'seasonal', 'yearly', 'on-event'] as const;

export interface OnboardingSop {
  readonly kind: 'sop';
  readonly key: string;
  readonly sop: Entry<SopData>;
  /** owner: the role is accountable for it; participant: it takes part (listed, or does steps); read: the author put it on the path for the role to know. */
  readonly relation: 'owner' | 'participant' | 'read';
  /** Step numbers (1-based) the role does, for a participant. */
  readonly steps: number[];
}

export interface OnboardingTerm {
  readonly kind: 'term';
  readonly key: string;
  readonly term: GlossaryTermData;
}

export interface OnboardingCadence {
  readonly kind: 'cadence';
  readonly key: string;
  readonly item: CadenceItemData;
  /** owner: the role runs it; joins: it runs an SOP on the path. */
  readonly relation: 'owner' | 'joins';
}

export type OnboardingItem = OnboardingSop | OnboardingTerm | OnboardingCadence;

/** A stage of the path (第一天, 第一周 …) as the role's author named it; `title` undefined: the SOPs no phase lists (or all, without phases). */
export interface OnboardingPhase {
  readonly title?: string;
  readonly sops: OnboardingSop[];
}

export interface OnboardingPath {
  readonly roleId: string;
  /** The SOPs grouped by the role's `onboarding` phases, in their order; one untitled group without phases. */
  readonly phases: OnboardingPhase[];
  readonly sops: OnboardingSop[];
  readonly terms: OnboardingTerm[];
  readonly cadence: OnboardingCadence[];
  /** All items in reading order: SOPs, then terms, then rhythm. */
  readonly items: OnboardingItem[];
}

export interface OnboardingOptions {
  /**
   * Folds text before terms are looked for (lower case by default). Pass a
   * Traditional→Simplified fold to find 直通車 where the glossary says 直通车.
   */
  readonly fold?: (text: string) => string;
}

type Source = Pick<Handbook, 'roles' | 'sops' | 'glossary' | 'cadence'>;

/** Rank of an SOP's frequency; an SOP without one comes after on-event. */
export function frequencyRank(frequency: SopData['frequency']): number {
  return frequency === undefined ? FREQUENCY_ORDER.length : FREQUENCY_ORDER.indexOf(frequency);
}

function byFrequencyThenTitle(a: Entry<SopData>, b: Entry<SopData>): number {
  return (
    frequencyRank(a.data.frequency) - frequencyRank(b.data.frequency) || zhCollator.compare(a.data.title, b.data.title) || defaultCollator.compare(a.id, b.id)
  );
}

/** The text of a role a newcomer reads: what it names, not its ids. */
export function roleText(role: Entry<RoleData>): string {
  const d = role.data;
  return [d.title, d.summary ?? '', ...d.responsibilities, ...d.requirements, ...d.kpis.map((k) => k.name), ...d.tools, role.body ?? ''].join('\n');
}

/** The text of an SOP: title, trigger, steps and their notes, KPIs, tags and body. */
export function sopText(sop: Entry<SopData>): string {
  const d = sop.data;
  return [d.title, d.trigger ?? '', ...d.steps.flatMap((s) => [s.do, s.note ?? '']), ...d.kpis.map((k) => k.name), ...d.tags, sop.body ?? ''].join('\n');
}

/**
 * Glossary terms found in the texts (term or any alias), in order of first
 * appearance: text by text, then by position inside a text, then glossary order.
 */
export function termsInOrder(texts: readonly string[], glossary: readonly GlossaryTermData[], fold: (text: string) => string): GlossaryTermData[] {
  const spellings = glossary.map((t) => [t.term, ...t.aliases].map(fold).filter((s) => s.length > 0));
  const found: GlossaryTermData[] = [];
  const taken = new Set<number>();
  for (const raw of texts) {
    const text = fold(raw);
    const hits: { index: number; position: number }[] = [];
    spellings.forEach((names, index) => {
      if (taken.has(index)) return;
      const positions = names.map((n) => text.indexOf(n)).filter((p) => p >= 0);
      if (positions.length > 0) hits.push({ index, position: Math.min(...positions) });
    });
    hits.sort((a, b) => a.position - b.position || a.index - b.index);
    for (const hit of hits) {
      taken.add(hit.index);
      found.push(glossary[hit.index]!);
    }
  }
  return found;
}

/** `base`, or `base~2`, `base~3`… when an earlier item already has that key. */
function uniqueKey(base: string, used: Set<string>): string {
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}~${n}`;
  used.add(key);
  return key;
}

/**
 * The onboarding path of a role. SOPs it owns come first, then those it takes
 * part in (as a participant or the role of a step); each group by frequency
 * (daily < weekly < monthly < quarterly < seasonal < yearly < on-event < none),
 * then title. Terms: those the role's own text and its SOPs use, in the order a
 * newcomer meets them (tools first). Rhythm: cadence items the role owns or
 * that run an SOP on the path, in schedule order (daily, weekly, monthly).
 * With the role's `onboarding` phases the SOPs come phase by phase in the
 * author's order, and those no phase lists after them, in the order above.
 */
/** Paths already worked out for a handbook, by fold and role: a role's page and /start/ ask for the same path. */
const computedPaths = memoByRef((_handbook: Source) => new Map<OnboardingOptions['fold'], Map<string, OnboardingPath>>());

export function onboardingPath(roleId: string, handbook: Source, options: OnboardingOptions = {}): OnboardingPath {
  const byFold = computedPaths(handbook);
  const paths = byFold.get(options.fold) ?? byFold.set(options.fold, new Map()).get(options.fold)!;
  const known = paths.get(roleId);
  if (known) return known;
  const path = workOutPath(roleId, handbook, options);
  paths.set(roleId, path);
  return path;
}

function workOutPath(roleId: string, handbook: Source, options: OnboardingOptions): OnboardingPath {
  const fold = options.fold ?? ((text: string) => text.toLowerCase());
  const role = handbook.roles.find((r) => r.id === roleId);
  const used = new Set<string>();

  const owned = sopsOwnedBy(roleId, handbook.sops).sort(byFrequencyThenTitle);
  const takingPart = sopsTakingPart(roleId, handbook.sops).sort(byFrequencyThenTitle);
  const ownedIds = new Set(owned.map((s) => s.id));
  const partIds = new Set(takingPart.map((s) => s.id));
  const toItem = (sop: Entry<SopData>): OnboardingSop => ({
    kind: 'sop',
    key: uniqueKey(`sop:${sop.id}`, used),
    sop,
    relation: ownedIds.has(sop.id) ? 'owner' : partIds.has(sop.id) ? 'participant' : 'read',
    steps: ownedIds.has(sop.id) ? [] : stepsBy(roleId, sop.data),
  });

  const sopsById = new Map(handbook.sops.map((s) => [s.id, s]));
  const placed = new Set<string>();
  const phases: OnboardingPhase[] = [];
  for (const phase of role?.data.onboarding ?? []) {
    // An id the checker reports as unknown, or one already in an earlier phase, is skipped here.
    const listed = phase.sops.filter((id) => sopsById.has(id) && !placed.has(id));
    for (const id of listed) placed.add(id);
    if (listed.length > 0) phases.push({ title: phase.phase, sops: listed.map((id) => toItem(sopsById.get(id)!)) });
  }
  const rest = [...owned, ...takingPart].filter((s) => !placed.has(s.id)).map(toItem);
  if (rest.length > 0) phases.push({ sops: rest });
  const sops = phases.flatMap((p) => p.sops);

  const texts = [...(role ? [role.data.tools.join('\n'), roleText(role)] : []), ...sops.map((s) => sopText(s.sop))];
  const terms: OnboardingTerm[] = termsInOrder(texts, handbook.glossary, fold).map((term) => ({
    kind: 'term',
    key: uniqueKey(`term:${term.term}`, used),
    term,
  }));

  const onPath = new Set(sops.map((s) => s.sop.id));
  const schedule = cadenceSchedule(handbook.cadence);
  const cadence: OnboardingCadence[] = [...schedule.daily, ...schedule.weekly.flatMap((g) => g.items), ...schedule.monthly]
    .filter((item) => item.owner === roleId || (item.sop !== undefined && onPath.has(item.sop)))
    .map((item) => ({
      kind: 'cadence',
      key: uniqueKey(`cadence:${item.title}`, used),
      item,
      relation: item.owner === roleId ? 'owner' : 'joins',
    }));

  return { roleId, phases, sops, terms, cadence, items: [...sops, ...terms, ...cadence] };
}

/** The localStorage key under which a browser keeps a role's ticked items: { [itemKey]: true }. */
export function onboardingStorageKey(roleId: string, base = '/'): string {
  const scope = base === '/' || base === '' ? '' : `${base.replace(/\/+$/, '')}:`;
  return `opsbook:onboarding:${scope}${roleId}`;
}
