/**
 * The content folder's commits as git prints them, parsed: which files each commit added, changed, renamed
 * or deleted, then each file followed through its renames from its first version to its last. Pure (strings
 * and buffers in, records out): ./read.ts runs git.
 */

/** One file touched by a commit; paths relative to the content folder. */
export interface FileChange {
  readonly status: 'A' | 'M' | 'D' | 'R';
  readonly path: string;
  /** A rename's old path. */
  readonly from?: string;
  /** The file's blob in this commit (none for a deletion): read by id, which is ten times faster than by commit and path. */
  readonly blob?: string;
}

export interface CommitRecord {
  readonly hash: string;
  /** Committer time, ms. */
  readonly time: number;
  readonly subject: string;
  readonly files: readonly FileChange[];
}

/** The arguments of the one `git log` that ./read.ts runs; parseChangeLog reads what it prints. */
export const CHANGE_LOG_ARGS = ['log', '-z', '-M', '--raw', '--no-abbrev', '--no-color', '--format=%x01%H%x02%ct%x02%s', '--', '.'];

/** A path from git made relative to the content folder, or undefined when outside it. */
function underPrefix(file: string | undefined, prefix: string): string | undefined {
  if (!file || !file.startsWith(prefix)) return undefined;
  const rest = file.slice(prefix.length);
  return rest === '' ? undefined : rest;
}

/**
 * The output of CHANGE_LOG_ARGS, newest commit first: each commit is `\x01<hash>\x02<time>\x02<subject>` then NUL,
 * then (after a newline) one raw record per file, `:<old mode> <new mode> <old blob> <new blob> <status>` NUL
 * `<path>` NUL, a rename or copy with two paths (old, new). Merges list no file (their changes come with the
 * commits merged). A rename from outside the folder is an addition, one out of it a deletion.
 */
export function parseChangeLog(output: string, prefix = ''): CommitRecord[] {
  const commits: { hash: string; time: number; subject: string; files: FileChange[] }[] = [];
  const fields = output.split('\0');
  for (let i = 0; i < fields.length; i++) {
    let field = fields[i]!;
    if (field.startsWith('\n')) field = field.slice(1);
    if (field.startsWith('\x01')) {
      const [hash = '', seconds = '', ...subject] = field.slice(1).split('\x02');
      commits.push({ hash, time: Number(seconds) * 1000, subject: subject.join('\x02').trim(), files: [] });
      continue;
    }
    const current = commits[commits.length - 1];
    if (!current || !field.startsWith(':')) continue;
    const [, , , newBlob = '', status = ''] = field.slice(1).split(' ');
    const code = status[0];
    const blob = /^0+$/.test(newBlob) ? undefined : newBlob;
    const withBlob = (change: FileChange): FileChange => (blob && change.status !== 'D' ? { ...change, blob } : change);
    if (code === 'R' || code === 'C') {
      const from = underPrefix(fields[++i], prefix);
      const to = underPrefix(fields[++i], prefix);
      if (code === 'C') {
        if (to) current.files.push(withBlob({ status: 'A', path: to }));
      } else if (from && to) current.files.push(withBlob({ status: 'R', path: to, from }));
      else if (to) current.files.push(withBlob({ status: 'A', path: to }));
      else if (from) current.files.push({ status: 'D', path: from });
      continue;
    }
    const file = underPrefix(fields[++i], prefix);
    if (!file) continue;
    if (code === 'A' || code === 'D') current.files.push(withBlob({ status: code, path: file }));
    else if (code === 'M' || code === 'T') current.files.push(withBlob({ status: 'M', path: file }));
  }
  return commits;
}

/** One version of a file in one commit (for a deletion, the commit that removed it). */
export interface FileEvent {
  readonly commit: CommitRecord;
  readonly change: FileChange;
}

/**
 * Every file's life, followed through renames: the events of each, oldest first. A file deleted and later
 * added again at the same path is two lives (two entries that happened to share a name). `commits` newest
 * first, as git log prints them.
 */
export function followFiles(commits: readonly CommitRecord[]): FileEvent[][] {
  const lives: FileEvent[][] = [];
  const open = new Map<string, FileEvent[]>();
  for (let c = commits.length - 1; c >= 0; c--) {
    const commit = commits[c]!;
    // Renames first, so that a file renamed onto a path deleted in the same commit keeps its own life.
    const order = [...commit.files].sort((a, b) => rank(a) - rank(b));
    for (const change of order) {
      const event = { commit, change };
      if (change.status === 'R') {
        const life = open.get(change.from!) ?? newLife(lives);
        open.delete(change.from!);
        life.push(event);
        open.set(change.path, life);
      } else if (change.status === 'A') {
        const life = newLife(lives);
        life.push(event);
        open.set(change.path, life);
      } else {
        const life = open.get(change.path) ?? newLife(lives);
        life.push(event);
        if (change.status === 'D') open.delete(change.path);
        else open.set(change.path, life);
      }
    }
  }
  return lives;
}

function rank(change: FileChange): number {
  return change.status === 'D' ? 0 : change.status === 'R' ? 1 : 2;
}

function newLife(lives: FileEvent[][]): FileEvent[] {
  const life: FileEvent[] = [];
  lives.push(life);
  return life;
}

/**
 * The output of `git cat-file --batch` for the objects asked for in order: `<oid> blob <size>\n<bytes>\n`
 * each, or `<name> missing\n`. Returns each object's bytes (undefined when missing), in the order asked.
 */
export function parseCatFile(output: Buffer): (Buffer | undefined)[] {
  const objects: (Buffer | undefined)[] = [];
  let at = 0;
  while (at < output.length) {
    const end = output.indexOf(0x0a, at);
    if (end === -1) break;
    const header = output.subarray(at, end).toString('utf8');
    at = end + 1;
    const match = /^\S+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      objects.push(undefined); // "missing" or "ambiguous"
      continue;
    }
    const size = Number(match[2]);
    objects.push(match[1] === 'blob' ? output.subarray(at, at + size) : undefined);
    at += size + 1;
  }
  return objects;
}
