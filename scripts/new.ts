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
import { ACTUALS_USAGE, nextActualsMonth, parseActualsArgs, renderActualsTemplate } from '../src/scaffold/actuals.ts';
import { loadContent } from '../src/check/load.ts';
import { readActuals } from '../src/domain/actuals/folder.ts';
import { lastDayOf } from '../src/domain/actuals/model.ts';
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

/** `npm run new -- actuals <plan-id>`: a monthly YAML in content/actuals/<plan-id>/, for the month after the last with data. */
async function newActuals(argv: string[]) {
  const parsed = parseActualsArgs(argv);
  if (!parsed.ok) {
    say(parsed.message, process.stderr);
    say(ACTUALS_USAGE, process.stderr);
    process.exit(2);
  }
  const root = path.resolve(parsed.content ?? process.env.OPSBOOK_CONTENT ?? 'content');
  const { handbook } = await loadContent(root);
  const plan = handbook.plans.find((p) => p.id === parsed.planId);
  if (!plan) {
    refuse(
      {
        zh: `没有创建文件：找不到计划 “${parsed.planId}”（现有：${handbook.plans.map((p) => p.id).join('、') || '无'}）。`,
        en: `Nothing was created: no plan "${parsed.planId}" (plans: ${handbook.plans.map((p) => p.id).join(', ') || 'none'}).`,
      },
      1,
    );
  }
  const model = readActuals(root, [plan], { locale: handbook.site.locale }).models.get(plan.id);
  const last = model?.months.filter((m) => m.status === 'complete' || m.status === 'inProgress').at(-1)?.month;
  const month = parsed.month ?? nextActualsMonth(plan.data.period, last);
  const file = path.join(root, 'actuals', plan.id, `${month}.yaml`);
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, renderActualsTemplate({ planId: plan.id, month, lastDay: lastDayOf(month) }), { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    refuse({ zh: `没有改动任何文件：${display(file)} 已经存在。`, en: `Nothing was changed: ${display(file)} already exists.` }, 1);
  }
  say({
    zh: `已创建 ${display(file)}：把“待填写”换成实际数字，再运行 npm run check。`,
    en: `Created ${display(file)}: replace 待填写 with the figures, then run npm run check.`,
  });
  // A declared asOf before this month would make its rows actuals.afterAsOf: say where to move it.
  const declaredIn = model?.files.find((f) => f.asOf && f.asOf.date < `${month}-01`);
  if (declaredIn?.asOf) {
    say({
      zh: `注意：${declaredIn.file} 写了 asOf: ${declaredIn.asOf.date}，录入 ${month} 后请把它改到新的数据截至日期。`,
      en: `Note: ${declaredIn.file} declares asOf: ${declaredIn.asOf.date}; move it to the new last day once ${month} is filled in.`,
    });
  }
}

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
  if (process.argv[2] === 'actuals') await newActuals(process.argv.slice(3));
  else main();
} catch (error) {
  process.stderr.write(`opsbook new: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(3);
}
