/**
 * `npm run check`: validates a content folder and prints every problem at once.
 *   --content <dir>  another handbook folder (default: ./content or $OPSBOOK_CONTENT)
 *   --json           machine-readable output
 *   --strict         warnings fail too
 *   --lang <l>       zh-CN | zh-TW | en (default: the site's locale)
 * Exit 1 on errors (or warnings with --strict), 2 on a usage error, else 0.
 */
import { isLocale, LOCALES } from '../i18n/index.ts';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from './load.ts';
import { langForLocale, toJson, toText } from './report.ts';

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run check -- [--content <dir>] [--json] [--strict] [--lang zh-CN|zh-TW|en]\n`);
  process.exit(2);
}

// Piping into `head` closes stdout early; that is not a failure of the check.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        content: { type: 'string' },
        json: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    usage((error as Error).message);
  }
  if (values.help) {
    process.stdout.write('usage: npm run check -- [--content <dir>] [--json] [--strict] [--lang zh-CN|zh-TW|en]\n');
    return;
  }
  if (values.lang !== undefined && !isLocale(values.lang)) usage(`--lang must be one of ${LOCALES.join(', ')}`);
  const contentDir = values.content ?? process.env.OPSBOOK_CONTENT ?? 'content';
  const root = path.resolve(contentDir);
  const { handbook, problems } = await loadContent(root);
  const lang = isLocale(values.lang) ? values.lang : langForLocale(handbook.site.locale);
  if (values.json) process.stdout.write(`${toJson(problems, lang)}\n`);
  else {
    const displayRoot = path.relative(process.cwd(), root).split(path.sep).join('/') || '.';
    process.stdout.write(`${toText(problems, { lang, displayRoot, color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR })}\n`);
  }
  const failing = problems.filter((p) => p.severity === 'error' || values.strict);
  process.exitCode = failing.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  // A crash here is a bug in Opsbook, not in the content: say so plainly.
  process.stderr.write(`opsbook check: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(3);
});
