/**
 * `npm run new`: the pure part. Commented templates for a new role, SOP, plan or
 * department, id (slug) checks with a pinyin suggestion, and the command line.
 * No file system here: scripts/new.ts reads the folders and writes the file.
 *
 * A template holds every key of the content format. Required keys carry a
 * placeholder that the schema itself rejects, so one `npm run check` names every
 * field still to fill in (`title: ""` → "title 不能为空", `start: YYYY-MM` →
 * "period.start 月份无效"), and so does the editor (schemas/*.schema.json). A
 * reference placeholder such as 待填写 would only be reported once the rest of the
 * entry is valid (cross-entry checks skip entries that fail their schema), hence `""`.
 * Optional keys are commented out (`# key: example   # 一句说明`): removing the
 * leading "# " turns them on. Templates are valid YAML as they stand.
 */
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { displayWidth, SLUG_PATTERN } from '../domain/text.ts';
import { COLLECTIONS, SCAFFOLD_KINDS, type EntryCollectionName } from '../schema/registry.ts';
import { exampleOf, helpOf } from '../schema/help.ts';
import type { z } from 'zod';

/** What `npm run new` makes: the collections the registry gives a scaffold. */
export type Kind = NonNullable<(typeof COLLECTIONS)[EntryCollectionName]['scaffold']>['kind'];
export const KINDS = SCAFFOLD_KINDS.map((k) => k.kind) as Kind[];

/** Where each kind lives and the extension a new entry gets, from the registry. */
export const KIND_FILE = Object.fromEntries(
  SCAFFOLD_KINDS.map(({ collection, kind, extension }) => [
    kind,
    { collection, folder: COLLECTIONS[collection].folder, extension, zh: COLLECTIONS[collection].name.zh },
  ]),
) as Record<Kind, { collection: EntryCollectionName; folder: string; extension: string; zh: string }>;

/** A message in both languages: printed Chinese first, English second. */
export interface Say {
  readonly zh: string;
  readonly en: string;
}

/** The placeholder of a required text or reference: the schema rejects an empty value ("不能为空"). */
export const EMPTY_PLACEHOLDER = '""';
/** A month placeholder the month parser rejects. */
export const MONTH_PLACEHOLDER = 'YYYY-MM';

// ---------------------------------------------------------------------------
// ids

export { suggestSlug } from '../domain/slug.ts';
import { HAN, suggestSlug } from '../domain/slug.ts';

export type IdCheck = { ok: true } | { ok: false; suggestion?: string };

/** Is `id` a valid id? If not, a suggestion from the id itself, else from the title. */
export function checkId(id: string, title?: string): IdCheck {
  if (SLUG_PATTERN.test(id)) return { ok: true };
  return { ok: false, suggestion: suggestSlug(id) ?? (title ? suggestSlug(title) : undefined) };
}

/** The file already holding `id` in a collection folder (x.md, x.mdx, x.yaml …), whatever the new file's extension. */
export function existingFileFor(id: string, fileNames: readonly string[], extensions: readonly string[]): string | undefined {
  return fileNames.find((name) => {
    const dot = name.lastIndexOf('.');
    return dot > 0 && name.slice(0, dot) === id && extensions.includes(name.slice(dot).toLowerCase());
  });
}

// ---------------------------------------------------------------------------
// command line

export interface NewCommand {
  readonly kind: Kind;
  readonly id: string;
  readonly title?: string;
  readonly content?: string;
}

export type ParsedArgs =
  | { readonly ok: true; readonly help: true }
  | { readonly ok: true; readonly help?: false; readonly command: NewCommand }
  /** exit 2: the command is malformed; exit 1: it is understood but refused (an invalid id). */
  | { readonly ok: false; readonly exit: 1 | 2; readonly message: Say; readonly suggestion?: string };

export const USAGE: Say = {
  zh: '用法：npm run new -- <role|sop|plan|department> <id> [--title 标题] [--content 内容目录]',
  en: 'usage: npm run new -- <role|sop|plan|department> <id> [--title title] [--content dir]',
};

const quoteArg = (value: string) => (/^[\w\u0080-\uffff./:@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);

/** The command again with another id: what to type next. */
export function commandWith(kind: string, id: string, title?: string, content?: string): string {
  return ['npm run new --', kind, id, ...(title ? ['--title', quoteArg(title)] : []), ...(content ? ['--content', quoteArg(content)] : [])].join(' ');
}

export function parseNewArgs(argv: readonly string[]): ParsedArgs {
  let values: { title?: string; content?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: { title: { type: 'string' }, content: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    const detail = (error as Error).message;
    return { ok: false, exit: 2, message: { zh: `命令写法不对：${detail}`, en: `wrong command: ${detail}` } };
  }
  if (values.help) return { ok: true, help: true };
  const [kind, id, ...extra] = positionals;
  const title = values.title?.trim() || undefined;
  if (kind === undefined)
    return {
      ok: false,
      exit: 2,
      message: { zh: '请说明要新建哪一种条目：role、sop、plan 或 department。', en: 'Say what to create: role, sop, plan or department.' },
    };
  if (!(KINDS as readonly string[]).includes(kind)) {
    return {
      ok: false,
      exit: 2,
      message: {
        zh: `不认识的类型 “${kind}”：可选 role（岗位）、sop、plan（计划）、department（部门）。`,
        en: `Unknown kind "${kind}": use role, sop, plan or department.`,
      },
    };
  }
  if (extra.length > 0) {
    return {
      ok: false,
      exit: 2,
      message: {
        zh: `多出了参数：${extra.join(' ')}。标题里有空格时请加引号：--title "…"。`,
        en: `Unexpected arguments: ${extra.join(' ')}. Quote a title with spaces: --title "…".`,
      },
    };
  }
  if (id === undefined || id.trim() === '') {
    const suggestion = title ? suggestSlug(title) : undefined;
    return {
      ok: false,
      exit: 2,
      message: suggestion
        ? {
            zh: `缺少 id（文件名）。例如：${commandWith(kind, suggestion, title, values.content)}`,
            en: `The id (file name) is missing. For example: ${commandWith(kind, suggestion, title, values.content)}`,
          }
        : { zh: '缺少 id（文件名），例如 after-sales。', en: 'The id (file name) is missing, e.g. after-sales.' },
      suggestion,
    };
  }
  const check = checkId(id, title);
  if (!check.ok) {
    // A Chinese id is usually the title the author had in mind: keep it as the title.
    const suggestedTitle = title ?? (HAN.test(id) ? id : undefined);
    const retry = check.suggestion ? commandWith(kind, check.suggestion, suggestedTitle, values.content) : undefined;
    return {
      ok: false,
      exit: 1,
      message: {
        zh: `没有创建文件：id “${id}” 不合法，id 只能含小写字母、数字和连字符（-）。${retry ? `可以改用：${retry}` : ''}`,
        en: `Nothing was created: the id "${id}" is not valid; use lower-case letters, digits and hyphens.${retry ? ` Try: ${retry}` : ''}`,
      },
      suggestion: check.suggestion,
    };
  }
  return { ok: true, command: { kind: kind as Kind, id, title, content: values.content } };
}

// ---------------------------------------------------------------------------
// templates

/** Ids already in the handbook: listed next to the reference fields, and used in the examples. */
export interface KnownIds {
  readonly departments: readonly string[];
  readonly roles: readonly string[];
  readonly sops: readonly string[];
}

export interface TemplateInput {
  readonly kind: Kind;
  readonly id: string;
  readonly title?: string;
  /** YYYY-MM-DD: a new SOP's `updated`, and the year of a plan's examples. */
  readonly today: string;
  readonly known?: KnownIds;
  /**
   * Values taken from elsewhere (`npm run import`): a key listed here is written out with this value,
   * above its help comment, instead of its placeholder or commented example. `undefined` keeps the template's line.
   */
  readonly values?: Readonly<Record<string, unknown>>;
  /** Markdown body written after the front matter (.md kinds only). */
  readonly body?: string;
}

export interface Template {
  readonly text: string;
  /** Field paths still holding a placeholder, as the checker names them (title, steps[0], period.start …). */
  readonly placeholders: readonly string[];
}

/** One line of YAML and its comment. */
type Line = readonly [code: string, comment?: string];

interface Field {
  readonly key: string;
  /** A note for this handbook only (the ids it has now): in the template, not in the editor's help. */
  readonly note?: string;
  /** Required: written out with a placeholder; optional: commented out. */
  readonly required?: boolean;
  /** The value after `key:` on the same line, or undefined when the value is the block below. */
  readonly inline?: string;
  /** Indented lines of a block value (a list or a mapping). */
  readonly block?: readonly Line[];
  /** Field paths of placeholders in this field (for the "still to fill in" list). */
  readonly placeholders?: readonly string[];
  /** Written out although optional (a useful default, such as a new SOP's review date). */
  readonly active?: boolean;
}

const COMMENT_COLUMN = 34;

function withComment(code: string, comment?: string): string {
  if (!comment) return code;
  const gap = Math.max(2, COMMENT_COLUMN - displayWidth(code));
  return `${code}${' '.repeat(gap)}# ${comment}`;
}

/** A YAML scalar for a title typed by the author: plain when safe, quoted when needed (a colon, a leading #, 2024 …). */
function scalar(value: string): string {
  return stringify(value.replace(/\s+/g, ' ').trim(), { lineWidth: 0 }).trimEnd();
}

const list = (ids: readonly string[], max = 12) => (ids.length > max ? `${ids.slice(0, max).join('、')} 等 ${ids.length} 个` : ids.join('、'));

function knownNote(ids: readonly string[], folder: string): string {
  return ids.length > 0 ? `现有：${list(ids)}` : `${folder}/ 里还没有，先建一个`;
}

/** The fields of a kind in the order of the content format, a header, and what the Markdown body is for. */
function fieldsFor(input: TemplateInput): { header: string; fields: Field[]; body?: string } {
  const known = input.known ?? { departments: [], roles: [], sops: [] };
  const year = input.today.slice(0, 4);
  const title = input.title ? scalar(input.title) : EMPTY_PLACEHOLDER;
  const titlePlaceholder = input.title ? [] : ['title'];
  const role0 = known.roles[0] ?? 'ops-director';
  const role1 = known.roles[1] ?? known.roles[0] ?? 'warehouse-keeper';
  switch (input.kind) {
    case 'department':
      return {
        header: '部门',
        fields: [
          { key: 'name', required: true, inline: input.title ? scalar(input.title) : EMPTY_PLACEHOLDER, placeholders: input.title ? [] : ['name'] },
          { key: 'summary', inline: '负责售前、售后咨询' },
          { key: 'lead', inline: role0 },
          { key: 'order', inline: '3' },
          // Only with audiences in site.yaml: who may read it (see the guide, 受众).
          { key: 'audience', inline: 'management' },
        ],
      };
    case 'role':
      return {
        header: '岗位',
        fields: [
          { key: 'title', required: true, inline: title, placeholders: titlePlaceholder },
          { key: 'department', required: true, inline: EMPTY_PLACEHOLDER, note: knownNote(known.departments, 'departments'), placeholders: ['department'] },
          { key: 'reportsTo', inline: role0 },
          { key: 'level', inline: 'mid' },
          { key: 'headcount', inline: '{ current: 1, planned: 2 }' },
          { key: 'holders', inline: '[张三, 李四]' },
          { key: 'summary', inline: '负责售前咨询和下单引导' },
          {
            key: 'responsibilities',
            required: true,
            block: [[`  - ${EMPTY_PLACEHOLDER}`, '例如：接待买家咨询，解答商品问题']],
            placeholders: ['responsibilities[0]'],
          },
          { key: 'requirements', block: [['  - 一年以上电商客服经验']] },
          { key: 'kpis', block: [['  - { name: 纠纷率, target: 3, unit: "%", better: lower }']] },
          { key: 'tools', inline: '[千牛, 生意参谋]' },
          {
            key: 'staffing',
            block: [['  base: 1'], ['  steps:'], ['    - { atOrdersPerDay: 50, add: 1 }']],
          },
          {
            key: 'onboarding',
            block: [
              [`  - { phase: 第一天, sops: [${known.sops[0] ?? 'first-response'}] }`],
              [`  - { phase: 第一周, sops: [${known.sops[1] ?? known.sops[0] ?? 'order-check'}] }`],
            ],
          },
          // Only with audiences in site.yaml: who may read it (see the guide, 受众).
          { key: 'audience', inline: 'management' },
        ],
        body: '这个岗位的一天、给新人的建议',
      };
    case 'sop':
      return {
        header: 'SOP（标准作业流程）',
        fields: [
          { key: 'title', required: true, inline: title, placeholders: titlePlaceholder },
          { key: 'owner', required: true, inline: EMPTY_PLACEHOLDER, note: knownNote(known.roles, 'roles'), placeholders: ['owner'] },
          { key: 'participants', inline: `[${role1}]` },
          { key: 'department', inline: known.departments[0] ?? 'customer-service' },
          { key: 'trigger', inline: '买家付款后' },
          { key: 'frequency', inline: 'on-event' },
          { key: 'sla', inline: '24h' },
          {
            key: 'steps',
            required: true,
            block: [
              [`  - do: ${EMPTY_PLACEHOLDER}`, '必填：这一步做什么，如 在千牛里找到订单，核对收件信息'],
              [`#     by: ${role1}`, '由哪个岗位做（岗位 id）'],
              ['#     note: 容易出错的地方', '备注'],
              ['#   - 一步也可以只写一句话'],
            ],
            placeholders: ['steps[0].do'],
          },
          { key: 'kpis', block: [['  - { name: 处理时长, target: 24, unit: 小时, better: lower }']] },
          { key: 'related', inline: `[${known.sops[0] ?? 'refund-and-invoice'}]` },
          { key: 'tags', inline: '[售后]' },
          { key: 'updated', inline: input.today, active: true },
          { key: 'reviewEvery', inline: '12' },
          // Only with audiences in site.yaml: who may read it (see the guide, 受众).
          { key: 'audience', inline: 'management' },
        ],
        body: '为什么这样做、要点、常见错误',
      };
    case 'plan':
      return {
        header: '运营计划',
        fields: [
          { key: 'title', required: true, inline: title, placeholders: titlePlaceholder },
          { key: 'store', required: true, inline: EMPTY_PLACEHOLDER, placeholders: ['store'] },
          {
            key: 'period',
            required: true,
            block: [
              [`  start: ${MONTH_PLACEHOLDER}`, `开始月份，如 ${year}-01`],
              [`  end: ${MONTH_PLACEHOLDER}`, `结束月份，如 ${year}-12`],
            ],
            placeholders: ['period.start', 'period.end'],
          },
          { key: 'currency', inline: 'CNY' },
          { key: 'totals', inline: '{ revenue: 430万, marketing: 110万 }' },
          {
            key: 'months',
            block: [[`  - { month: ${year}-01, revenue: 15万, marketing: 4.5万 }`]],
          },
          {
            key: 'stages',
            block: [
              ['  - id: build'],
              ['    name: 建设期'],
              [`    start: ${year}-01`],
              [`    end: ${year}-03`],
              ['    summary: 先把店铺基础打牢'],
              ['    goals: [完善店铺基础建设]'],
              ['    targets: { revenue: 50万 }'],
              ['    budget:'],
              ['      - { item: 直通车广告, amount: 6万, note: 1–3月 }'],
              ['    milestones:'],
              [`      - { month: ${year}-03, title: 主推产品详情页完成 }`],
              ['    staff:'],
              [`      - { role: ${role0}, count: 2 }`],
            ],
          },
          {
            key: 'roi',
            block: [['  below: 不及格'], ['  bands:'], ['    - { min: 3, label: 及格 }'], ['    - { min: 4, label: 良好 }'], ['    - { min: 5, label: 优秀 }']],
          },
          {
            key: 'fixedCosts',
            block: [['  - { item: 客服软件, amount: 1.2万, per: year, status: ordered, note: 年费 }']],
          },
          { key: 'averageOrderValue', inline: '120元' },
          {
            key: 'tracking',
            block: [['  lowAttainment: 80%'], ['  channels: [抖音]']],
          },
          // Only with audiences in site.yaml: who may read it (see the guide, 受众).
          { key: 'audience', inline: 'management' },
        ],
        body: '环境分析、策略、风险',
      };
  }
}

/** The keys of a kind's schema, each with its one line of help (from the schema), in the schema's order. */
function schemaFields(kind: Kind): { key: string; help: string; required: boolean; example?: string }[] {
  const schema = COLLECTIONS[KIND_FILE[kind].collection].schema as unknown as z.ZodObject;
  return Object.entries(schema.shape).map(([key, field]) => {
    const type = field as z.ZodType;
    const example = exampleOf(type);
    return { key, help: helpOf(type)?.zh ?? '', required: !type.safeParse(undefined).success, ...(example === undefined ? {} : { example }) };
  });
}

export function renderTemplate(input: TemplateInput): Template {
  const { header, fields: templateFields, body } = fieldsFor(input);
  const { folder, extension } = KIND_FILE[input.kind];
  // The schema decides which keys there are and what each means; the template adds examples and placeholders.
  // A key the template does not know (a field just added to the schema) is offered commented out.
  const known = new Map(templateFields.map((f) => [f.key, f]));
  const fields = schemaFields(input.kind).map(({ key, help, required, example }) => ({
    ...(known.get(key) ?? { key, inline: example }),
    help: required ? `必填：${help}` : help,
  }));
  const lines: string[] = [
    `# ${header}：${folder}/${input.id}${extension}（文件名 ${input.id} 就是 id，其他条目用它来引用）`,
    '# 标“必填”的字段一定要填好；行首带 “# ” 的字段可不写，要用时去掉行首的 “# ”（选中几行按 Ctrl+/）。',
    '# Fields marked 必填 are required; the others are optional: remove the leading "# " to use one.',
    '# 写好后运行 npm run check 检查 / Then run npm run check.',
  ];
  const placeholders: string[] = [];
  for (const field of fields) {
    const value = input.values?.[field.key];
    if (value !== undefined) {
      // An imported value: the key as YAML (a block for lists), its help as the comment of the first line.
      const [first = '', ...rest] = stringify({ [field.key]: value }, { lineWidth: 0 })
        .trimEnd()
        .split('\n');
      lines.push(withComment(first, field.help), ...rest);
      continue;
    }
    const on = field.required || field.active;
    const prefix = on ? '' : '# ';
    const head = field.inline === undefined ? `${prefix}${field.key}:` : `${prefix}${field.key}: ${field.inline}`;
    lines.push(withComment(head, field.note ? `${field.help}。${field.note}` : field.help));
    for (const [code, comment] of field.block ?? []) lines.push(withComment(code.startsWith('#') ? code : `${prefix}${code}`, comment));
    placeholders.push(...(field.placeholders ?? []));
  }
  // The body's hint stays a YAML comment: an HTML comment in the body would give the page an empty "details" section.
  if (body) lines.push(`# 正文（可不写）：在下面的 --- 之后用 Markdown 写${body}。`);
  const yamlText = `${lines.join('\n')}\n`;
  const bodyText = input.body?.trim() ? `${input.body.trim()}\n` : '';
  const text = extension === '.md' ? `---\n${yamlText}---\n\n${bodyText}` : yamlText;
  return { text, placeholders };
}

/** What to print after creating a file: where it is and what to do next, Chinese first. */
export function nextSteps(displayPath: string, placeholders: readonly string[], checkCommand: string): Say {
  const todo = placeholders.length > 0;
  return {
    zh: `已创建 ${displayPath}\n下一步：打开它，${todo ? `把标“必填”的占位内容换成真实内容（还要填：${placeholders.join('、')}），` : '补充需要的字段，'}然后运行 ${checkCommand}。`,
    en: `Created ${displayPath}\nNext: open it, ${todo ? `replace the placeholders of the fields marked 必填 (still to fill in: ${placeholders.join(', ')}), ` : 'add the fields you need, '}then run ${checkCommand}.`,
  };
}
