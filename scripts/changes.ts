/**
 * `npm run changes [-- --since 7d] [--content <dir>]`: the handbook's changes since a day as Markdown, to
 * paste into a group chat (飞书, 钉钉, 企业微信). The same words as /changes/ (src/domain/changes/), read from
 * the content folder's git history. --since takes 7d, 2w, 30 (days) or a date YYYY-MM-DD; "today" is
 * $OPSBOOK_TODAY or the clock. Entry names link to the site when $OPSBOOK_SITE gives its address.
 * Exit 0 printed, 1 no git history, 2 wrong option.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { today } from '../src/check/load.ts';
import { readYaml } from '../src/check/source.ts';
import { site as siteSchema } from '../src/schema/collections.ts';
import { SITE_FILE } from '../src/domain/handbook.ts';
import { changeItems, changesMarkdown, sinceDay } from '../src/domain/changes/list.ts';
import { entryHref } from '../src/domain/changes/links.ts';
import { routes } from '../src/domain/urls.ts';
import { readContentChanges } from '../src/integrations/changes/read.ts';
import { deployment } from '../src/integrations/deploy.ts';
import { useTranslations, type Locale } from '../src/i18n/index.ts';

const USAGE = 'npm run changes -- [--since 7d|2w|30|YYYY-MM-DD] [--content <dir>]';

function fail(message: string, code: 1 | 2): never {
  process.stderr.write(`${message}\n`);
  if (code === 2) process.stderr.write(`${USAGE}\n`);
  process.exit(code);
}

let values: { since?: string; content?: string };
try {
  ({ values } = parseArgs({ options: { since: { type: 'string', default: '7d' }, content: { type: 'string' } }, strict: true }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error), 2);
}

const dir = path.resolve(values.content ?? process.env.OPSBOOK_CONTENT ?? 'content');
let locale: Locale = 'zh-CN';
try {
  const read = readYaml(readFileSync(path.join(dir, SITE_FILE), 'utf8'));
  const parsed = siteSchema.safeParse(read.value);
  if (parsed.success) locale = parsed.data.locale;
} catch {
  // No site.yaml: Chinese, as the site's default.
}
const t = useTranslations(locale);
const day = today();
const from = sinceDay(values.since ?? '7d', day);
if (!from) fail(`--since ${values.since}: write 7d, 2w, 30 (days) or a date YYYY-MM-DD`, 2);

const changes = readContentChanges(dir, locale);
if (!changes) fail(`${dir} is not in a git repository: there is no change history to print.`, 1);
if (changes.shallow) process.stderr.write('A shallow clone: changes before its oldest commit are missing (git fetch --unshallow).\n');

const { site, base } = deployment(process.env);
const links = routes(base ?? '/');
const href = site ? (item: Parameters<typeof entryHref>[0]) => new URL(entryHref(item, links), site).href : undefined;
process.stdout.write(changesMarkdown(changeItems(changes.entries.values(), t), { from, today: day, t, ...(href ? { href } : {}) }));
