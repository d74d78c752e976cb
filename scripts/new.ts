/**
 * `npm run new -- <role|sop|plan|department> <id> [--title 标题] [--content <dir>]`:
 * creates a commented template for a new entry in the content folder (default
 * ./content or $OPSBOOK_CONTENT). Never overwrites: an existing file with the
 * same id (any accepted extension: x.md beside x.mdx) leaves everything as it was.
 * Exit 0 created, 1 refused (invalid id, id taken, no content folder), 2 wrong command.
 * The templates and checks live in src/scaffold/scaffold.ts.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { today } from '../src/check/load.ts';
import { COLLECTIONS, type EntryCollectionName } from '../src/schema/registry.ts';
import { SLUG_PATTERN } from '../src/domain/text.ts';
import { KIND_FILE, USAGE, existingFileFor, nextSteps, parseNewArgs, renderTemplate, type KnownIds, type Say } from '../src/scaffold/scaffold.ts';

function say(message: Say, stream: NodeJS.WriteStream = process.stdout) {
  stream.write(`${message.zh}\n${message.en}\n`);
}

function refuse(message: Say, code: 1 | 2): never {
  say(message, process.stderr);
  if (code === 2) say(USAGE, process.stderr);
  process.exit(code);
}

function filesIn(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((d) => d.isFile() && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

/** Ids of a collection as the checker sees them: file names with an accepted extension. */
function idsIn(root: string, name: EntryCollectionName): string[] {
  const { folder } = COLLECTIONS[name];
  const extensions: readonly string[] = COLLECTIONS[name].extensions;
  const ids = filesIn(path.join(root, folder))
    .filter((name) => extensions.includes(path.extname(name).toLowerCase()))
    .map((name) => name.slice(0, -path.extname(name).length))
    .filter((id) => SLUG_PATTERN.test(id));
  return [...new Set(ids)];
}

const display = (file: string) => (path.relative(process.cwd(), file) || file).split(path.sep).join('/');

function main() {
  const parsed = parseNewArgs(process.argv.slice(2));
  if (!parsed.ok) refuse(parsed.message, parsed.exit);
  if (parsed.help) {
    say(USAGE);
    return;
  }
  const { kind, id, title, content } = parsed.command;
  const contentDir = content ?? process.env.OPSBOOK_CONTENT ?? 'content';
  const root = path.resolve(contentDir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    refuse({ zh: `没有创建文件：找不到内容目录 ${display(root)}。`, en: `Nothing was created: the content folder ${display(root)} does not exist.` }, 1);
  }

  const { collection, folder, extension } = KIND_FILE[kind];
  const taken = existingFileFor(id, filesIn(path.join(root, folder)), COLLECTIONS[collection].extensions);
  if (taken) {
    const file = display(path.join(root, folder, taken));
    refuse(
      {
        zh: `没有改动任何文件：${file} 已经存在，id “${id}” 已被占用。换一个 id，或直接编辑这个文件。`,
        en: `Nothing was changed: ${file} already exists, so the id "${id}" is taken. Choose another id, or edit that file.`,
      },
      1,
    );
  }

  const known: KnownIds = { departments: idsIn(root, 'departments'), roles: idsIn(root, 'roles'), sops: idsIn(root, 'sops') };
  const template = renderTemplate({ kind, id, title, today: today(), known });
  const file = path.join(root, folder, `${id}${extension}`);
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, template.text, { encoding: 'utf8', flag: 'wx' }); // wx: never replace a file that appeared meanwhile
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    refuse({ zh: `没有改动任何文件：${display(file)} 已经存在。`, en: `Nothing was changed: ${display(file)} already exists.` }, 1);
  }
  const checkCommand = content === undefined ? 'npm run check' : `npm run check -- --content ${content}`;
  say(nextSteps(display(file), template.placeholders, checkCommand));
}

try {
  main();
} catch (error) {
  process.stderr.write(`opsbook new: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(3);
}
