/**
 * An entry's change history: its versions, oldest to newest, each described against the one before
 * (describe.ts), with the commit's subject as a note where it says more than the file's name. Pure: the
 * versions come parsed (src/integrations/changes/ reads them from git).
 */
import type { Locale } from '../../i18n/index.ts';
import { describeChange, titleOf, type AnyVersion, type Change, type ChangeEntryKind } from './describe.ts';

/** One commit's version of a file, parsed; `version` undefined when deleted, or when it could not be read. */
export interface ParsedEvent {
  readonly hash: string;
  readonly time: number;
  readonly subject: string;
  readonly file: string;
  readonly status: 'A' | 'M' | 'D' | 'R';
  readonly version: AnyVersion | undefined;
}

export interface VersionChange {
  readonly hash: string;
  /** Commit time, ms. */
  readonly time: number;
  /** The file in this version (its new path after a rename). */
  readonly file: string;
  readonly changes: readonly Change[];
  /** The commit's subject when it says more than which file changed. */
  readonly note?: string;
}

export interface EntryHistory {
  readonly kind: ChangeEntryKind;
  /** The id and file of its last version (the one before deletion for a removed entry). */
  readonly id: string;
  readonly file: string;
  readonly title: string;
  /** Its department (an SOP's own, else its owner's), for filtering; a plan has none. */
  readonly department?: string;
  readonly removed: boolean;
  /** Newest first. */
  readonly versions: readonly VersionChange[];
}

/** Role and department names by id, from the newest version of each in the history (deleted ones too). */
export interface VersionNames {
  readonly role: Map<string, string>;
  readonly department: Map<string, string>;
  /** Role id → its department id. */
  readonly roleDepartment: Map<string, string>;
}

export function namesFromVersions(lives: readonly (readonly ParsedEvent[])[]): VersionNames {
  const role = new Map<string, string>();
  const department = new Map<string, string>();
  const roleDepartment = new Map<string, string>();
  const newest = new Map<string, number>();
  for (const life of lives) {
    for (const event of life) {
      const version = event.version;
      if (!version || (version.kind !== 'role' && version.kind !== 'department')) continue;
      const key = `${version.kind}:${version.version.id}`;
      if ((newest.get(key) ?? -Infinity) > event.time) continue;
      newest.set(key, event.time);
      (version.kind === 'role' ? role : department).set(version.version.id, titleOf(version));
      if (version.kind === 'role') roleDepartment.set(version.version.id, version.version.data.department);
    }
  }
  return { role, department, roleDepartment };
}

/**
 * The history of one file's life (events oldest first). A version the schema refused is skipped: the next
 * readable one is described against the last readable one. A first event that modifies (the history begins
 * after the file did, as in a shallow clone) has nothing to compare with and is left out.
 */
export function entryHistory(life: readonly ParsedEvent[], locale: Locale, names: VersionNames): EntryHistory | undefined {
  const versions: VersionChange[] = [];
  let previous: AnyVersion | undefined;
  let last: { version: AnyVersion; file: string } | undefined;
  let removed = false;
  for (const [index, event] of life.entries()) {
    const known = index > 0 || event.status === 'A';
    let changes: Change[] = [];
    if (event.status === 'D') {
      if (previous) changes = describeChange(previous, undefined, locale, lookup(names));
      removed = true;
    } else if (event.version) {
      removed = false;
      if (known || previous) changes = describeChange(previous, event.version, locale, lookup(names));
      previous = event.version;
      last = { version: event.version, file: event.file };
    } else continue;
    // A change of layout only, or a first version with nothing before it to compare: nothing to tell anyone.
    if (changes.length === 0) continue;
    const note = commitNote(event.subject, event.file);
    versions.push({ hash: event.hash, time: event.time, file: event.file, changes, ...(note ? { note } : {}) });
  }
  if (!last) return undefined;
  const department = departmentOf(last.version, names);
  return {
    kind: last.version.kind,
    id: last.version.version.id,
    file: last.file,
    title: titleOf(last.version),
    ...(department ? { department } : {}),
    removed,
    versions: versions.reverse(),
  };
}

function departmentOf(entry: AnyVersion, names: VersionNames): string | undefined {
  switch (entry.kind) {
    case 'sop':
      return entry.version.data.department ?? names.roleDepartment.get(entry.version.data.owner);
    case 'role':
      return entry.version.data.department;
    case 'department':
      return entry.version.id;
    case 'plan':
      return undefined;
  }
}

function lookup(names: VersionNames) {
  return { role: (id: string) => names.role.get(id), department: (id: string) => names.department.get(id) };
}

/** Words of a subject that only say a file changed: git hosts' web editors write "Update sops/x.md". */
const FILE_WORDS =
  /\b(?:update|updated|create|created|add|added|delete|deleted|remove|removed|rename|renamed|edit|edited|change|changed|file|files)\b|更新|修改|新建|新增|删除|改名|重命名|编辑|文件|檔案|編輯|刪除/gi;

/** The commit's subject, unless all it says is which file changed (its path, name or id and a verb). */
export function commitNote(subject: string, file: string): string | undefined {
  const trimmed = subject.trim();
  if (!trimmed) return undefined;
  const name = file.split('/').pop() ?? file;
  const id = name.replace(/\.[^.]+$/, '');
  let rest = trimmed;
  for (const part of [file, name, id]) rest = rest.split(part).join(' ');
  rest = rest.replace(FILE_WORDS, ' ').replace(/[\s\p{P}\p{S}]+/gu, '');
  return rest === '' ? undefined : trimmed;
}
