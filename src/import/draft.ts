/** What an importer makes of a document before anything is written: values for the template, and notes. */
import type { Kind } from '../scaffold/scaffold.ts';
import type { Say } from './messages.ts';
import type { Match, Named } from './match.ts';
import { suggestSlug } from '../scaffold/scaffold.ts';
import { foldScript } from '../domain/script.ts';

export interface Draft {
  readonly kind: Exclude<Kind, 'department'>;
  /** The id the file gets unless --id says otherwise (pinyin of the title). */
  readonly id: string;
  readonly title?: string;
  /** Field → value, written by the `npm run new` template in place of the placeholder. */
  readonly values: Record<string, unknown>;
  readonly body?: string;
  /** Taken as written (the title, the steps …). */
  readonly filled: Say[];
  /** Worked out, to be checked by the author (an owner matched by a similar name, an SLA found in a sentence). */
  readonly guessed: Say[];
  /** Found nothing for, or could not use (besides the template's placeholders). */
  readonly left: Say[];
}

export function newDraft(kind: Draft['kind'], title: string | undefined, fallbackId: string): Draft {
  return { kind, id: (title && suggestSlug(title)) || fallbackId, title, values: title ? { title } : {}, filled: [], guessed: [], left: [] };
}

export interface Known {
  readonly roles: readonly Named[];
  readonly departments: readonly Named[];
  /** Role id → its department id, to place a new role beside an existing one of the same title. */
  readonly roleDepartments?: ReadonlyMap<string, string>;
}

/** "title（见 …）"-style texts of a match, for the report. */
export function describeMatch(field: string, written: string, match: Match, draft: Draft, folder: string): string | undefined {
  switch (match.found) {
    case 'exact':
      draft.filled.push({ zh: `${field}：${match.id}（文中“${written}”）`, en: `${field}: ${match.id} (written "${written}")` });
      return match.id;
    case 'guess':
      draft.guessed.push({
        zh: `${field}：${match.id}（文中“${written}”，按相近的名称“${match.name}”对应，请核对）`,
        en: `${field}: ${match.id} (written "${written}", matched to the similar name "${match.name}"; please check)`,
      });
      return match.id;
    case 'ambiguous':
      draft.left.push({
        zh: `${field}：文中“${written}”可能是 ${match.candidates.map((c) => `${c.id}（${c.name}）`).join('、')}，请选一个`,
        en: `${field}: "${written}" could be ${match.candidates.map((c) => c.id).join(', ')}; choose one`,
      });
      return undefined;
    case 'none':
      draft.left.push({
        zh: `${field}：文中“${written}”在 ${folder}/ 里没有对应的条目，请填 id，或先建这个条目`,
        en: `${field}: "${written}" matches nothing in ${folder}/; give an id, or create that entry first`,
      });
      return undefined;
  }
}

/**
 * "label：value" at the start of a line, with the label from a list of alternatives. Labels are compared in
 * Simplified script (負責人 is 负责人); the value is returned as written.
 */
export function labelled(text: string, labels: RegExp): string | undefined {
  const match = /^\s*([^：:]{1,16}?)\s*[：:]\s*(.+)$/.exec(text);
  if (!match) return undefined;
  return new RegExp(`^(?:${labels.source})$`).test(foldScript(match[1]!).replace(/\s+/g, '')) ? match[2]!.trim() || undefined : undefined;
}
