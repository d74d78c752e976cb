/**
 * `npm run import -- <sop|role|plan> <file or folder…> [--id slug] [--dry-run] [--split h1|h2] [--year YYYY] [--content dir]`:
 * turns a Word SOP or job description, or an Excel/CSV plan, into a new entry of the content folder
 * (default ./content or $OPSBOOK_CONTENT). Never overwrites; writes nothing on any error.
 * Exit 0 imported (the checker's findings in the new files are printed, not fatal), 1 refused, 2 wrong command, 3 internal error.
 * The work is done in src/import/.
 */
import { today } from '../src/check/load.ts';
import { parseImportArgs, IMPORT_USAGE } from '../src/import/args.ts';
import { ImportError, ImportErrors, inLang, type Say } from '../src/import/messages.ts';
import path from 'node:path';
import { runImportFiles, siteLangOf } from '../src/import/run.ts';

const both = (message: Say) => `${message.zh}\n${message.en}\n`;

async function main() {
  const parsed = parseImportArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(both(parsed.message) + both(IMPORT_USAGE));
    process.exit(2);
  }
  if (parsed.help) {
    process.stdout.write(both(IMPORT_USAGE));
    return;
  }
  const { command } = parsed;
  const content = command.content ?? process.env.OPSBOOK_CONTENT ?? 'content';
  try {
    const outcome = await runImportFiles({ ...command, content, today: today() });
    process.stdout.write(`${outcome.text}\n`);
  } catch (error) {
    if (!(error instanceof ImportError || error instanceof ImportErrors)) throw error;
    // One line per refused file, in the site's language (zh-CN when the content folder has no site.yaml).
    const files = error instanceof ImportErrors ? error.errors.map((e) => e.file) : [error.file];
    process.stderr.write(`${inLang(error.say, siteLangOf(path.resolve(content)), files)}\n`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`opsbook import: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(3);
});
