/**
 * The checks of site.yaml `audiences` and of `audience:` on entries (content format, "audiences"):
 * audience ids that name nothing, an id declared twice, a collection two audiences claim by default, and
 * a required reference (a SOP's `owner`, a role's `department`) from an entry to one that some of its
 * readers may not read — the page could not be shown to them whole. Pure: takes the parsed handbook and
 * every reference field read, returns problems.
 */
import type { Entry, Handbook } from '../domain/handbook.ts';
import { byId, CADENCE_FILE, GLOSSARY_FILE, SITE_FILE } from '../domain/handbook.ts';
import { audiencesOf, type Audiences } from '../domain/audiences.ts';
import { nearest } from '../domain/text.ts';
import type { AudienceCollection } from '../schema/collections.ts';
import type { RefKind } from '../schema/values.ts';
import type { ParamValue, PathSegment, Problem } from './problems.ts';
import type { FileReference } from './references.ts';

export interface AudienceCheckOptions {
  /** Every reference field read, in every file (check/references.ts). */
  readonly references: readonly FileReference[];
  /** Audience ids of a site.yaml that failed its schema, as written: `audience:` naming them is not reported. */
  readonly alsoKnown?: readonly string[];
}

/** The params of `audience.unknown` for an id: the declared ids, and the one meant (by its name, 管理层, or the nearest id). */
export function unknownAudienceParams(id: string, declared: readonly { id: string; name?: string }[]): Record<string, ParamValue> {
  const ids = [...new Set(declared.map((a) => a.id))];
  const named = declared.find((a) => a.name === id);
  return { id, declared: ids, suggestion: named?.id ?? nearest(id, ids), byName: named !== undefined };
}

export function checkAudiences(handbook: Handbook, options: AudienceCheckOptions): Problem[] {
  const problems: Problem[] = [];
  const add = (rule: string, file: string, path: readonly PathSegment[], params: Record<string, ParamValue>) =>
    problems.push({ severity: 'error', rule, file, path, params });
  const declared = handbook.site.audiences ?? [];
  const known = new Set([...declared.map((a) => a.id), ...(options.alsoKnown ?? [])]);

  const firstAt = new Map<string, number>();
  const claimed = new Map<AudienceCollection, string>();
  (handbook.site.audiences ?? []).forEach((audience, i) => {
    const first = firstAt.get(audience.id);
    if (first !== undefined) add('audience.duplicate', SITE_FILE, ['audiences', i, 'id'], { id: audience.id, other: first + 1 });
    else firstAt.set(audience.id, i);
    audience.default.forEach((collection, j) => {
      const other = claimed.get(collection);
      if (other !== undefined && other !== audience.id)
        add('audience.defaultTwice', SITE_FILE, ['audiences', i, 'default', j], { collection, other, id: audience.id });
      else claimed.set(collection, audience.id);
    });
  });

  for (const { kind, id, file, path } of options.references) {
    if (kind === 'audience' && !known.has(id)) add('audience.unknown', file, path, unknownAudienceParams(id, declared));
  }

  const audiences = audiencesOf(handbook.site);
  if (audiences) for (const problem of hiddenRequiredReferences(handbook, audiences, options.references)) problems.push(problem);
  return problems;
}

/** Where an entry of each kind lives, for the reference checks: its collection and the entries by id. */
const TARGETS: Partial<Record<RefKind, { collection: AudienceCollection; entries: (h: Handbook) => readonly Entry<{ audience?: string }>[] }>> = {
  role: { collection: 'roles', entries: (h) => h.roles },
  sop: { collection: 'sops', entries: (h) => h.sops },
  department: { collection: 'departments', entries: (h) => h.departments },
};

function hiddenRequiredReferences(handbook: Handbook, audiences: Audiences, references: readonly FileReference[]): Problem[] {
  // The audience of whatever a file holds: an entry, or (glossary.yaml, cadence.yaml) one item by its index.
  const byFile = new Map<string, string>();
  const entryGroups: [AudienceCollection, readonly Entry<{ audience?: string }>[]][] = [
    ['departments', handbook.departments],
    ['roles', handbook.roles],
    ['sops', handbook.sops],
    ['plans', handbook.plans],
  ];
  for (const [collection, entries] of entryGroups) for (const entry of entries) byFile.set(entry.file, audiences.audienceOf(collection, entry.data.audience));
  const itemAudience = (file: string, path: readonly PathSegment[]): string | undefined => {
    const index = path[0];
    if (typeof index !== 'number') return undefined;
    if (file === GLOSSARY_FILE) {
      const term = handbook.glossary[index];
      return term && audiences.audienceOf('glossary', term.audience);
    }
    if (file === CADENCE_FILE) {
      const item = handbook.cadence[index];
      return item && audiences.audienceOf('cadence', item.audience);
    }
    return undefined;
  };

  const problems: Problem[] = [];
  for (const { kind, id, file, path, required } of references) {
    const target = TARGETS[kind];
    if (!required || !target) continue;
    const from = byFile.get(file) ?? itemAudience(file, path);
    const entry = byId(target.entries(handbook)).get(id);
    if (from === undefined || !entry) continue; // a file that failed its schema, or a missing id (reported as ref.missing)
    const to = audiences.audienceOf(target.collection, entry.data.audience);
    const blind = audiences.readersOf(from).filter((reader) => !audiences.canRead(reader, to));
    if (blind.length === 0) continue;
    problems.push({
      severity: 'error',
      rule: 'audience.hiddenReference',
      file,
      path,
      params: { kind, id, from: audiences.nameOf(from), fromId: from, to: audiences.nameOf(to), toId: to, blind: blind.map((b) => audiences.nameOf(b)) },
    });
  }
  return problems;
}
