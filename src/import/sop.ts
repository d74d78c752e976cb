/**
 * A Word SOP → an SOP draft: title from the first heading (or the file name), steps from the list under a
 * 步骤 / 流程-like heading (or the first numbered list), owner from a 负责人 / 执行人 / 岗位 line matched
 * against the handbook's roles, an SLA from a time limit in the text (24小时内, 3天内, 20秒), the rest as body.
 * `--split h1|h2`: one SOP per heading of that level, for a manual that holds many.
 */
import { parseDuration } from '../domain/time.ts';
import { parseDate } from '../domain/time.ts';
import { toHalfWidth } from '../domain/text.ts';
import { blocksToMarkdown, expandFormTables, type Block, type ListItem, type WordDocument } from './docx.ts';
import { describeMatch, labelled, newDraft, type Draft, type Known } from './draft.ts';
import { matchName } from './match.ts';
import { kpiText, parseKpi } from './role.ts';
import { foldScript } from '../domain/script.ts';

export type SplitLevel = 1 | 2;

export interface WordImportContext {
  readonly known: Known;
  /** The file name without its extension: the title when the document has no heading. */
  readonly fileTitle: string;
  readonly split?: SplitLevel;
}

const OWNER = /负责人|责任人|执行人|负责岗位|责任岗位|执行岗位|主责岗位|岗位|负责/;
const PARTICIPANTS = /参与人员|参与人|参与岗位|参与|协助岗位|协助|配合岗位|配合/;
const TRIGGER = /触发条件|触发时机|触发|启动条件|开始时机|适用场景|适用情形/;
const DEPARTMENT = /所属部门|负责部门|归属部门|部门/;
const SLA = /处理时限|完成时限|时限|时效要求|时效|时间要求|SLA|sla/;
const FREQUENCY = /执行频率|频率|周期/;
const STEP_HEADING = /步骤|流程|操作|程序|做法|工作内容|执行|处理方法|办理|方法/;
const TITLE = /流程名称|SOP名称|制度名称|文件名称|规范名称/;
const UPDATED = /修订日期|更新日期|生效日期|修订时间|更新时间|发布日期|版本日期|实施日期/;
/** Labels of a form-like table at the top of an SOP (负责人 | 客服主管 | 时限 | 24小时). */
const FORM_LABELS = new RegExp([TITLE, OWNER, PARTICIPANTS, TRIGGER, DEPARTMENT, SLA, FREQUENCY, UPDATED].map((r) => r.source).join('|'));
const FORM_SECTIONS = /操作步骤|流程步骤|处理步骤|工作步骤|步骤|操作流程|工作流程|处理流程|流程|注意事项|要点|说明|目的|适用范围/;

/** A date as documents write it: 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日. */
export function readDate(text: string): string | undefined {
  const match = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/.exec(toHalfWidth(text));
  if (!match) return undefined;
  const date = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return parseDate(date).ok ? date : undefined;
}

const FREQUENCIES: [RegExp, string][] = [
  [/每(天|日)|日常/, 'daily'],
  [/每周|每星期|周/, 'weekly'],
  [/每月|月度|月/, 'monthly'],
  [/每季|季度/, 'quarterly'],
  [/每年|年度/, 'yearly'],
  [/旺季|大促|节日|季节/, 'seasonal'],
  [/随时|发生时|有事|按需|触发/, 'on-event'],
];

/** A time limit in a sentence: 24小时内, 3 天以内, 不超过 20 秒, 时限 30 分钟. */
const DURATION_IN_TEXT =
  /(\d+(?:\.\d+)?)\s*(个小时|個小時|小时|小時|分钟|分鐘|秒钟|秒鐘|秒|天|日|h|min|m|s|d)(?=\s*(?:内|以内|之内|內|完成|处理|回复|发货|响应))/i;
const DURATION_BEFORE = /(?:不超过|不超過|必须在|必須在|限时|时限|需在|须在)\s*(\d+(?:\.\d+)?)\s*(个小时|個小時|小时|小時|分钟|分鐘|秒钟|秒鐘|秒|天|日)/;

export function findDuration(text: string): { value: string; written: string } | undefined {
  const match = DURATION_BEFORE.exec(text) ?? DURATION_IN_TEXT.exec(text);
  if (!match) return undefined;
  const parsed = parseDuration(`${match[1]}${match[2]}`);
  if (!parsed.ok) return undefined;
  return { value: `${parsed.duration.amount}${parsed.duration.unit}`, written: match[0].trim() };
}

function blockTexts(block: Block): string[] {
  if (block.type === 'list') return block.items.flatMap((item) => [item.text, ...item.sub]);
  return [block.text];
}

/** Sections of a document split at headings of `level` (and higher); text before the first is the preamble. */
export function splitAt(blocks: readonly Block[], level: number): { preamble: Block[]; sections: { heading: Block & { type: 'heading' }; blocks: Block[] }[] } {
  const preamble: Block[] = [];
  const sections: { heading: Block & { type: 'heading' }; blocks: Block[] }[] = [];
  for (const block of blocks) {
    if (block.type === 'heading' && block.level <= level) {
      if (block.level === level) {
        sections.push({ heading: block, blocks: [] });
        continue;
      }
      // A higher heading (a chapter above the split level) ends the section before it.
      if (sections.length > 0) sections.push({ heading: block, blocks: [] });
      else preamble.push(block);
      continue;
    }
    (sections.at(-1)?.blocks ?? preamble).push(block);
  }
  return { preamble, sections: sections.filter((s) => s.heading.level === level) };
}

/** SOP drafts from a Word document: one, or one per heading with --split. */
export function importSops(doc: WordDocument, context: WordImportContext): { drafts: Draft[]; preamble?: string } {
  const blocks = expandFormTables(doc.blocks, FORM_LABELS, FORM_SECTIONS);
  if (!context.split) return { drafts: [sopFromBlocks(blocks, context, undefined)] };
  const { preamble, sections } = splitAt(blocks, context.split);
  if (sections.length === 0) return { drafts: [sopFromBlocks(blocks, context, undefined)] };
  // Chapters (h1 above --split h2) become a tag of the SOPs under them.
  let chapter: string | undefined;
  const drafts: Draft[] = [];
  const chapters = new Map<Block, string>();
  for (const block of blocks) {
    if (block.type === 'heading' && block.level < context.split) chapter = block.text;
    if (block.type === 'heading' && block.level === context.split && chapter) chapters.set(block, chapter);
  }
  for (const section of sections) {
    const draft = sopFromBlocks(section.blocks, context, section.heading.text);
    const tag = chapters.get(section.heading);
    if (tag) {
      draft.values.tags = [tag];
      draft.guessed.push({ zh: `tags：${tag}（所在章节）`, en: `tags: ${tag} (its chapter)` });
    }
    drafts.push(draft);
  }
  const level = context.split;
  const before = preamble.filter((b) => !(b.type === 'heading' && b.level < level));
  return { drafts, preamble: before.length > 0 ? blocksToMarkdown(before) : undefined };
}

function sopFromBlocks(input: readonly Block[], context: WordImportContext, sectionTitle: string | undefined): Draft {
  let blocks = [...input];
  let title = sectionTitle;
  let titleFromFile = false;
  // A 流程名称 line names the SOP.
  const named = blocks.findIndex((b) => b.type === 'paragraph' && labelled(b.text, TITLE) !== undefined);
  if (!title && named >= 0) {
    title = labelled((blocks[named] as { text: string }).text, TITLE);
    blocks.splice(named, 1);
  }
  if (!title) {
    const index = titleIndex(blocks);
    if (index >= 0) {
      title = (blocks[index] as { text: string }).text;
      blocks.splice(index, 1);
    } else {
      title = context.fileTitle;
      titleFromFile = true;
    }
  }
  const draft = newDraft('sop', title, 'imported-sop');
  if (titleFromFile)
    draft.guessed.push({ zh: `title：${title}（文档里没有标题，取自文件名）`, en: `title: ${title} (no heading in the document; from the file name)` });
  else draft.filled.push({ zh: `title：${title}`, en: `title: ${title}` });

  // Labelled lines (负责人：客服主管) become fields and leave the body.
  const fields: Record<string, string> = {};
  const take: [string, RegExp][] = [
    ['updated', UPDATED],
    ['department', DEPARTMENT],
    ['participants', PARTICIPANTS],
    ['owner', OWNER],
    ['trigger', TRIGGER],
    ['sla', SLA],
    ['frequency', FREQUENCY],
  ];
  blocks = blocks.filter((block) => {
    if (block.type !== 'paragraph' || block.text.length > 80) return true;
    for (const [field, labels] of take) {
      const value = labelled(block.text, labels);
      if (value !== undefined && fields[field] === undefined) {
        fields[field] = value;
        return false;
      }
    }
    return true;
  });

  const roles = context.known.roles;
  if (fields.owner) {
    const id = describeMatch('owner', fields.owner, matchName(fields.owner, roles), draft, 'roles');
    if (id) draft.values.owner = id;
  } else {
    draft.left.push({ zh: 'owner：文中没有“负责人：…”这样的行', en: 'owner: no line such as "负责人：…" in the document' });
  }
  if (fields.participants) {
    const ids = fields.participants
      .split(/[、，,；;/\s]+/)
      .filter(Boolean)
      .flatMap((name) => {
        const id = describeMatch('participants', name, matchName(name, roles), draft, 'roles');
        return id && id !== draft.values.owner ? [id] : [];
      });
    if (ids.length > 0) draft.values.participants = [...new Set(ids)];
  }
  if (fields.department) {
    const id = describeMatch('department', fields.department, matchName(fields.department, context.known.departments), draft, 'departments');
    if (id) draft.values.department = id;
  }
  const updated = fields.updated ? readDate(fields.updated) : undefined;
  if (updated) {
    draft.values.updated = updated;
    draft.filled.push({ zh: `updated：${updated}（文中“${fields.updated}”）`, en: `updated: ${updated} (written "${fields.updated}")` });
  } else {
    draft.guessed.push({
      zh: 'updated：导入当天（文中没有修订日期；如果文档有更早的修订日期，请改成那一天）',
      en: 'updated: the day of the import (no revision date in the document; put the real one if it is older)',
    });
  }
  if (fields.trigger) {
    draft.values.trigger = fields.trigger;
    draft.filled.push({ zh: `trigger：${fields.trigger}`, en: `trigger: ${fields.trigger}` });
  }
  if (fields.frequency) {
    const frequency = FREQUENCIES.find(([pattern]) => pattern.test(fields.frequency!))?.[1];
    if (frequency) {
      draft.values.frequency = frequency;
      draft.guessed.push({ zh: `frequency：${frequency}（文中“${fields.frequency}”）`, en: `frequency: ${frequency} (written "${fields.frequency}")` });
    }
  }

  // Steps: the list under a 步骤 / 流程 heading, else the first numbered list, else the first list.
  const stepsAt = findStepList(blocks);
  if (stepsAt) {
    const block = blocks[stepsAt.index]!;
    let count: number;
    if (stepsAt.table) {
      const unmatched = new Set<string>();
      draft.values.steps = stepsAt.table.rows.map((row) => {
        const match = row.by ? matchName(row.by, roles) : undefined;
        const by = match && (match.found === 'exact' || match.found === 'guess') ? match.id : undefined;
        if (row.by && !by) unmatched.add(row.by);
        const notes = [row.by && !by ? `负责：${row.by}` : undefined, row.limit ? `时限：${row.limit}` : undefined].filter(Boolean);
        const action = row.name ? `${row.name}：${row.do}` : row.do;
        return by || notes.length > 0 ? { do: action, ...(by ? { by } : {}), ...(notes.length > 0 ? { note: notes.join('；') } : {}) } : action;
      });
      count = stepsAt.table.rows.length;
      if (unmatched.size > 0) {
        draft.left.push({
          zh: `steps[].by：表中的 ${[...unmatched].join('、')} 在 roles/ 里没有对应的岗位，已写进步骤的 note`,
          en: `steps[].by: ${[...unmatched].join(', ')} match no role; kept in the steps' notes`,
        });
      }
    } else {
      const list = block as Block & { type: 'list' };
      draft.values.steps = list.items.map((item) => stepOf(item, roles));
      count = list.items.length;
    }
    blocks.splice(stepsAt.index, 1);
    if (stepsAt.heading !== undefined && !sectionHasContent(blocks, stepsAt.heading)) blocks.splice(stepsAt.heading, 1);
    const headingText = stepsAt.headingBlock && 'text' in stepsAt.headingBlock ? stepsAt.headingBlock.text : '';
    const kind = stepsAt.table ? '表格' : '列表';
    const how =
      stepsAt.heading !== undefined
        ? `“${headingText}”下的${kind}`
        : stepsAt.table
          ? '步骤表格'
          : block.type === 'list' && block.ordered
            ? '第一个编号列表'
            : '第一个列表';
    const howEn =
      stepsAt.heading !== undefined
        ? `the ${stepsAt.table ? 'table' : 'list'} under "${headingText}"`
        : stepsAt.table
          ? 'the steps table'
          : block.type === 'list' && block.ordered
            ? 'the first numbered list'
            : 'the first list';
    const sure = stepsAt.heading !== undefined || stepsAt.table || (block.type === 'list' && block.ordered);
    (sure ? draft.filled : draft.guessed).push({ zh: `steps：${count} 步（${how}）`, en: `steps: ${count} steps (${howEn})` });
  } else {
    draft.left.push({
      zh: 'steps：文中没有编号或项目符号列表，也没有步骤表格，请把步骤写成列表',
      en: 'steps: no numbered or bulleted list and no steps table in the document; write the steps as a list',
    });
  }

  // KPIs: the numeric lines of a 考核指标 list (纠纷率 ≤ 3%); the others stay in the body.
  const kpiHeading = blocks.findIndex((b) => b.type === 'heading' && /^(?:考核指标|KPI|kpi|绩效指标|考核标准|考核)$/.test(foldScript(b.text)));
  const kpiList = kpiHeading >= 0 && blocks[kpiHeading + 1]?.type === 'list' ? (blocks[kpiHeading + 1] as Block & { type: 'list' }) : undefined;
  if (kpiList) {
    const read = kpiList.items.map((item) => ({ item, kpi: parseKpi(item.text) }));
    const kpis = read.flatMap((r) => (r.kpi ? [r.kpi] : []));
    if (kpis.length > 0) {
      draft.values.kpis = kpis;
      draft.guessed.push({
        zh: `kpis：${kpis.map(kpiText).join('；')}（请核对目标和方向）`,
        en: `kpis: ${kpis.map(kpiText).join('; ')} (check targets and directions)`,
      });
      const rest = read.filter((r) => !r.kpi).map((r) => r.item);
      if (rest.length > 0) blocks[kpiHeading + 1] = { ...kpiList, items: rest, html: `<ul>${rest.map((i) => i.html).join('')}</ul>` };
      else blocks.splice(kpiHeading, 2);
    }
  }

  // SLA: the 时限 line, else a time limit in the text.
  const slaText = fields.sla ? (findDuration(fields.sla) ?? findDuration(`${fields.sla}内`)) : undefined;
  if (slaText) {
    draft.values.sla = slaText.value;
    draft.filled.push({ zh: `sla：${slaText.value}（文中“${fields.sla}”）`, en: `sla: ${slaText.value} (written "${fields.sla}")` });
  } else {
    const texts = [
      ...(draft.values.steps ? (draft.values.steps as unknown[]).map((s) => (typeof s === 'string' ? s : (s as { do: string }).do)) : []),
      ...blocks.flatMap(blockTexts),
    ];
    const found = texts.map(findDuration).find(Boolean);
    if (found) {
      draft.values.sla = found.value;
      draft.guessed.push({ zh: `sla：${found.value}（文中“${found.written}”）`, en: `sla: ${found.value} (from "${found.written}" in the text)` });
    }
  }
  const body = blocksToMarkdown(blocks);
  if (body) {
    (draft as { body?: string }).body = body;
    draft.filled.push({ zh: `正文：${describeBody(blocks)}`, en: `body: ${describeBodyEn(blocks)}` });
  }
  return draft;
}

/**
 * Where the title is: a first heading that is not a typed section (一、目的), else a first short line that
 * reads as a title (no sentence end, no label), else the first top-level heading; -1 for none.
 */
export function titleIndex(blocks: readonly Block[]): number {
  const first = blocks[0];
  if (first?.type === 'heading' && !/^(?:目的|适用范围|范围|职责|定义|流程|步骤|操作步骤|注意事项|说明)$/.test(first.text)) return 0;
  if (first?.type === 'paragraph' && first.text.length <= 40 && !/[。；;！!？?：:]/.test(first.text)) return 0;
  const headings = blocks.flatMap((b, i) => (b.type === 'heading' ? [{ level: b.level, i }] : []));
  if (headings.length === 0) return -1;
  const top = Math.min(...headings.map((h) => h.level));
  const firstList = blocks.findIndex((b) => b.type === 'list');
  const at = headings.find((h) => h.level === top)!.i;
  return firstList >= 0 && firstList < at ? -1 : at;
}

function sectionHasContent(blocks: readonly Block[], headingIndex: number): boolean {
  const heading = blocks[headingIndex] as Block & { type: 'heading' };
  const next = blocks[headingIndex + 1];
  return next !== undefined && !(next.type === 'heading' && next.level <= heading.level);
}

type StepSource = { index: number; heading?: number; headingBlock?: Block; table?: StepsTable };

/** The steps: a list or a steps table under a 步骤 / 流程 heading, else the first numbered list, the first steps table, the first list. */
function findStepList(blocks: readonly Block[]): StepSource | undefined {
  for (let h = 0; h < blocks.length; h++) {
    const heading = blocks[h]!;
    if (heading.type !== 'heading' || !STEP_HEADING.test(foldScript(heading.text))) continue;
    for (let i = h + 1; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (block.type === 'heading' && block.level <= heading.level) break;
      if (block.type === 'list') return { index: i, heading: h, headingBlock: heading };
      const table = block.type === 'table' ? stepsTable(block) : undefined;
      if (table) return { index: i, heading: h, headingBlock: heading, table };
    }
  }
  const ordered = blocks.findIndex((b) => b.type === 'list' && b.ordered);
  if (ordered >= 0) return { index: ordered };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const table = block.type === 'table' ? stepsTable(block) : undefined;
    if (table) return { index: i, table };
  }
  const any = blocks.findIndex((b) => b.type === 'list');
  return any >= 0 ? { index: any } : undefined;
}

/** A table of steps: a header row naming a 内容 / 操作 column, and maybe 负责人 and 时限 columns. */
export interface StepsTable {
  readonly rows: readonly { readonly name?: string; readonly do: string; readonly by?: string; readonly limit?: string }[];
}

export function stepsTable(block: Block & { type: 'table' }): StepsTable | undefined {
  const [header, ...rows] = block.rows;
  if (!header || rows.length === 0) return undefined;
  const column = (pattern: RegExp, except: readonly (number | undefined)[] = []) => {
    const index = header.findIndex((cell, i) => !except.includes(i) && cell.length === 1 && cell[0]!.length <= 10 && pattern.test(foldScript(cell[0]!)));
    return index >= 0 ? index : undefined;
  };
  const byColumn = column(/负责人|责任人|执行人|负责岗位|责任岗位|执行岗位|岗位|负责|执行者|经办/);
  const limitColumn = column(/时限|时效|完成时间|时间要求|期限/, [byColumn]);
  const stepColumn = column(/^(?:步骤|序号|环节|流程|阶段|步骤名称|编号|No\.?)$/i, [byColumn, limitColumn]);
  let doColumn = column(/内容|操作|事项|工作|描述|做法|动作|说明|要求|具体/, [byColumn, limitColumn, stepColumn]);
  if (doColumn === undefined && stepColumn !== undefined && header.length === 2) doColumn = stepColumn === 0 ? 1 : 0;
  if (doColumn === undefined) return undefined;
  const out = rows.flatMap((row) => {
    const text = (i: number | undefined) => (i === undefined ? undefined : (row[i] ?? []).join('；').trim() || undefined);
    const action = text(doColumn);
    if (!action) return [];
    const name = text(stepColumn);
    return [
      {
        ...(name && !/^\d+[.、]?$/.test(name) ? { name } : {}),
        do: action,
        ...(text(byColumn) ? { by: text(byColumn) } : {}),
        ...(text(limitColumn) ? { limit: text(limitColumn) } : {}),
      },
    ];
  });
  return out.length > 0 ? { rows: out } : undefined;
}

/** "客服主管：当场指定处理人" or "…（仓管负责）" names the role doing a step. */
function stepOf(item: ListItem, roles: Known['roles']): string | { do: string; by?: string; note?: string } {
  let text = item.text;
  let by: string | undefined;
  const prefix = /^([^：:，,。]{2,12})[：:]\s*(.+)$/.exec(text);
  if (prefix) {
    const match = matchName(prefix[1]!, roles);
    if (match.found === 'exact') {
      by = match.id;
      text = prefix[2]!;
    }
  }
  const suffix = /[（(](?:负责[：:]?\s*)?([^（）()]{2,12}?)(?:负责)?[)）]$/.exec(text);
  if (!by && suffix) {
    const match = matchName(suffix[1]!, roles);
    if (match.found === 'exact') {
      by = match.id;
      text = text.slice(0, suffix.index).trim();
    }
  }
  const note = item.sub.length > 0 ? item.sub.join('；') : undefined;
  if (!by && !note) return text;
  return { do: text, ...(by ? { by } : {}), ...(note ? { note } : {}) };
}

function describeBody(blocks: readonly Block[]): string {
  const count = (type: Block['type']) => blocks.filter((b) => b.type === type).length;
  const parts = [
    count('paragraph') && `${count('paragraph')} 段`,
    count('list') && `${count('list')} 个列表`,
    count('table') && `${count('table')} 个表格`,
    count('heading') && `${count('heading')} 个小标题`,
  ].filter(Boolean);
  return parts.join('、');
}

function describeBodyEn(blocks: readonly Block[]): string {
  const count = (type: Block['type']) => blocks.filter((b) => b.type === type).length;
  return [
    count('paragraph') && `${count('paragraph')} paragraphs`,
    count('list') && `${count('list')} lists`,
    count('table') && `${count('table')} tables`,
    count('heading') && `${count('heading')} headings`,
  ]
    .filter(Boolean)
    .join(', ');
}
