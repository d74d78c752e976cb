/**
 * A Word job description → role drafts: 岗位职责 / 职责 → responsibilities, 任职要求 / 任职资格 / 岗位要求 →
 * requirements, a KPI list → kpis (name, target, unit, better, read from 纠纷率 ≤ 3% / 纠纷率低于3% /
 * DSR评分不低于4.8), the department from a 所属部门 line or guessed from the title, the superior from a
 * 直接上级 line. A document holding several roles (job-posting collections: 篇1 / 篇2 …, or one heading per
 * role) becomes one role per heading.
 */
import { blocksToMarkdown, expandFormTables, stripNumber, type Block } from './docx.ts';
import { describeMatch, labelled, newDraft, type Draft } from './draft.ts';
import { matchName } from './match.ts';
import { foldScript } from '../domain/script.ts';
import { splitAt, type WordImportContext } from './sop.ts';

const RESPONSIBILITIES = /岗位职责|工作职责|主要职责|职责范围|职责|工作内容|岗位描述|职位描述/;
const REQUIREMENTS = /任职要求|任职资格|任职条件|岗位要求|职位要求|应聘要求|招聘要求|资格要求/;
const KPIS = /KPI|kpi|考核指标|绩效指标|关键绩效指标|绩效考核|考核标准|考核/;
const SECTION_LABELS: [Section, RegExp][] = [
  ['requirements', REQUIREMENTS],
  ['kpis', KPIS],
  ['responsibilities', RESPONSIBILITIES],
];
type Section = 'responsibilities' | 'requirements' | 'kpis';

const TITLE = /岗位名称|职位名称|岗位|职位/;
const DEPARTMENT = /所属部门|部门/;
const REPORTS_TO = /直接上级|汇报对象|汇报上级|上级岗位|上级|汇报给/;
const SUMMARY = /岗位概述|职位概述|岗位目的|岗位概要|职位概要|岗位简介/;
/** Labels of a 岗位说明书 laid out as a table; any one of them makes a table read as a form. */
const FORM_LABELS = new RegExp(
  [TITLE, DEPARTMENT, REPORTS_TO, SUMMARY, /岗位编号|职位编号|编制人数|编制|定员|工作地点|薪资|薪酬|工作时间|直接下级|下属岗位|学历|专业|工作经验/]
    .map((r) => r.source)
    .join('|'),
);
const FORM_SECTIONS = new RegExp([RESPONSIBILITIES, REQUIREMENTS, KPIS].map((r) => r.source).join('|'));
const TITLE_SUFFIX = /\s*(?:岗位职责说明书|岗位说明书|职位说明书|岗位描述|职位描述|岗位职责|招聘启事|招聘|JD)$/;

/** The section a label starts ("一、岗位职责：" → responsibilities), and text after its colon. */
function sectionLabel(text: string): { section: Section; rest?: string } | undefined {
  const bare = foldScript(text).replace(/^[\s\d一二三四五六七八九十]*[、.．)）]?\s*/, '');
  for (const [section, pattern] of SECTION_LABELS) {
    const match = new RegExp(`^(?:${pattern.source})\\s*(?:[：:]\\s*(.*))?$`).exec(bare);
    // The text after the colon as written (the match ran on the Simplified folding).
    if (match) return { section, rest: match[1]?.trim() ? text.slice(text.search(/[：:]/) + 1).trim() || undefined : undefined };
  }
  return undefined;
}

/** "1、…；2、…" written on one line after a label: the items. */
function inlineItems(text: string): string[] {
  return text
    .split(/[；;]|\s(?=\d{1,2}[、.．])/)
    .map((part) => stripNumber(part.trim()))
    .filter(Boolean);
}

export interface Kpi {
  readonly name: string;
  readonly target: number;
  readonly unit?: string;
  readonly better: 'higher' | 'lower';
}

const LOWER_BEFORE = /(?:≤|<=|<|＜|不超过|不超過|不高于|低于|小于|控制在|少于)/;
const HIGHER_BEFORE = /(?:≥|>=|>|＞|不低于|不少于|高于|大于|达到|達到|至少|超过)/;
const UNIT = /(%|％|分钟|分|小时|小時|天|秒|元|万元|万|单|个|次|件|人)?/;

/** A KPI from a line such as 纠纷率 ≤ 3% / 纠纷率低于3% / 纠纷率3%以内 / DSR评分不低于4.8分. */
export function parseKpi(text: string): Kpi | undefined {
  const line = text.replace(/[。；;]$/, '').trim();
  const number = String.raw`(\d+(?:\.\d+)?)`;
  const before = new RegExp(`^(.+?)[\\s:：]*(${LOWER_BEFORE.source}|${HIGHER_BEFORE.source})\\s*${number}\\s*${UNIT.source}\\s*(?:以内|以下|以上)?$`).exec(
    line,
  );
  if (before) {
    const [, name, comparator, target, unit] = before;
    return kpi(name!, target!, unit, new RegExp(`^${LOWER_BEFORE.source}$`).test(comparator!) ? 'lower' : 'higher');
  }
  const after = new RegExp(`^(.+?)[\\s:：]*${number}\\s*${UNIT.source}\\s*(以内|以下|之内|以上|及以上)$`).exec(line);
  if (after) {
    const [, name, target, unit, word] = after;
    return kpi(name!, target!, unit, /以上/.test(word!) ? 'higher' : 'lower');
  }
  return undefined;
}

/** 纠纷率 ≤ 3%: a KPI as the report shows it. */
export const kpiText = (k: Kpi) => `${k.name} ${k.better === 'lower' ? '≤' : '≥'} ${k.target}${k.unit ?? ''}`;

function kpi(name: string, target: string, unit: string | undefined, better: 'higher' | 'lower'): Kpi | undefined {
  const cleanName = name.replace(/[\s:：]+$/, '').trim();
  if (!cleanName || cleanName.length > 30) return undefined;
  const normalisedUnit = unit === '％' ? '%' : unit;
  return { name: cleanName, target: Number(target), ...(normalisedUnit ? { unit: normalisedUnit } : {}), better };
}

/** The heading level at which a document holds several roles: each section there has a 职责 section. */
function roleSplitLevel(blocks: readonly Block[]): number | undefined {
  for (const level of [1, 2, 3]) {
    const { sections } = splitAt(blocks, level);
    const withDuties = sections.filter((s) =>
      s.blocks.some((b) => (b.type === 'heading' || b.type === 'paragraph') && sectionLabel(b.text)?.section === 'responsibilities'),
    );
    if (withDuties.length >= 2 && !sections.some((s) => sectionLabel(s.heading.text))) return level;
  }
  return undefined;
}

export function importRoles(doc: { blocks: readonly Block[] }, context: WordImportContext): { drafts: Draft[]; preamble?: string } {
  const blocks = expandFormTables(doc.blocks, FORM_LABELS, FORM_SECTIONS);
  const level = context.split ?? roleSplitLevel(blocks);
  if (level) {
    const { preamble, sections } = splitAt(blocks, level);
    if (sections.length > 0) {
      const drafts = sections.map((s) => roleFromBlocks(s.blocks, context, s.heading.text));
      const before = preamble.filter((b) => b.type !== 'heading' || b.level > level);
      return { drafts, preamble: before.length > 0 ? blocksToMarkdown(before) : undefined };
    }
  }
  return { drafts: [roleFromBlocks(blocks, context, undefined)] };
}

function roleFromBlocks(input: readonly Block[], context: WordImportContext, sectionTitle: string | undefined): Draft {
  let blocks = [...input];
  const fields: Record<string, string> = {};
  blocks = blocks.filter((block) => {
    if (block.type !== 'paragraph' || block.text.length > 80) return true;
    for (const [field, labels] of [
      ['summary', SUMMARY],
      ['reportsTo', REPORTS_TO],
      ['department', DEPARTMENT],
      ['title', TITLE],
    ] as const) {
      const value = labelled(block.text, labels);
      if (value !== undefined && fields[field] === undefined) {
        fields[field] = value;
        return false;
      }
    }
    return true;
  });

  let written = sectionTitle ?? fields.title;
  let from: 'heading' | 'label' | 'file' = sectionTitle ? 'heading' : fields.title ? 'label' : 'heading';
  if (!written) {
    const index = blocks.findIndex((b) => b.type === 'heading' && !sectionLabel(b.text));
    if (index >= 0 && blocks.slice(0, index).every((b) => b.type !== 'list')) {
      written = (blocks[index] as { text: string }).text;
      blocks.splice(index, 1);
    } else {
      written = context.fileTitle;
      from = 'file';
    }
  } else if (!sectionTitle && fields.title) {
    // A 岗位名称 line names the role; a heading above it is then the document's own title.
    const index = blocks.findIndex((b) => b.type === 'heading' && !sectionLabel(b.text));
    if (index === 0) blocks.splice(index, 1);
  }
  const suffix = TITLE_SUFFIX.exec(foldScript(written));
  const title = (suffix ? written.slice(0, written.length - suffix[0].length) : written).trim() || written;
  const draft = newDraft('role', title, 'imported-role');
  if (from === 'file') draft.guessed.push({ zh: `title：${title}（文档里没有标题，取自文件名）`, en: `title: ${title} (no heading; from the file name)` });
  else if (title !== written) draft.guessed.push({ zh: `title：${title}（文中“${written}”）`, en: `title: ${title} (written "${written}")` });
  else draft.filled.push({ zh: `title：${title}`, en: `title: ${title}` });

  // Sections: a label (heading or line) starts one; its lists and lines are the items, up to the next label or heading.
  const items: Record<Section, string[]> = { responsibilities: [], requirements: [], kpis: [] };
  const rest: Block[] = [];
  let current: { section: Section; level: number } | undefined;
  for (const block of blocks) {
    const label = block.type === 'heading' || (block.type === 'paragraph' && block.text.length <= 60) ? sectionLabel(block.text) : undefined;
    if (label) {
      current = { section: label.section, level: block.type === 'heading' ? block.level : 7 };
      if (label.rest) items[label.section].push(...inlineItems(label.rest));
      continue;
    }
    if (block.type === 'heading' && current && block.level <= current.level) current = undefined;
    if (block.type === 'paragraph' && block.form) current = undefined; // the next row of a form table
    if (!current || block.type === 'heading' || block.type === 'table') {
      rest.push(block);
      continue;
    }
    if (block.type === 'list') items[current.section].push(...block.items.map((item) => [item.text, ...item.sub].join('；')));
    else items[current.section].push(stripNumber(block.text));
  }

  if (items.responsibilities.length > 0) {
    draft.values.responsibilities = items.responsibilities;
    draft.filled.push({ zh: `responsibilities：${items.responsibilities.length} 条`, en: `responsibilities: ${items.responsibilities.length}` });
  } else {
    draft.left.push({ zh: 'responsibilities：文中没有“岗位职责”这一节', en: 'responsibilities: no 岗位职责 section in the document' });
  }
  if (items.requirements.length > 0) {
    draft.values.requirements = items.requirements;
    draft.filled.push({ zh: `requirements：${items.requirements.length} 条`, en: `requirements: ${items.requirements.length}` });
  }
  const kpis = items.kpis.map((text) => ({ text, kpi: parseKpi(text) }));
  const parsed = kpis.flatMap((k) => (k.kpi ? [k.kpi] : []));
  const unparsed = kpis.filter((k) => !k.kpi).map((k) => k.text);
  if (parsed.length > 0) {
    draft.values.kpis = parsed;
    draft.guessed.push({
      zh: `kpis：${parsed.map(kpiText).join('；')}（请核对目标和方向）`,
      en: `kpis: ${parsed.map(kpiText).join('; ')} (check targets and directions)`,
    });
  }
  if (unparsed.length > 0) {
    draft.left.push({
      zh: `kpis：${unparsed.length} 条没有数字目标（${unparsed.join('；')}），已放进正文“考核指标”`,
      en: `kpis: ${unparsed.length} without a numeric target, kept in the body under 考核指标`,
    });
  }

  if (fields.department) {
    const id = describeMatch('department', fields.department, matchName(fields.department, context.known.departments), draft, 'departments');
    if (id) draft.values.department = id;
  } else {
    const guess = guessDepartment(title, context);
    if (guess) {
      draft.values.department = guess.id;
      draft.guessed.push({ zh: `department：${guess.id}（${guess.why}，请核对）`, en: `department: ${guess.id} (${guess.whyEn}; please check)` });
    } else {
      draft.left.push({ zh: 'department：文中没有“所属部门：…”，也猜不出来', en: 'department: no 所属部门 line and no good guess' });
    }
  }
  if (fields.reportsTo) {
    const id = describeMatch('reportsTo', fields.reportsTo, matchName(fields.reportsTo, context.known.roles), draft, 'roles');
    if (id) draft.values.reportsTo = id;
  }
  if (fields.summary) {
    draft.values.summary = fields.summary;
    draft.filled.push({ zh: `summary：${fields.summary}`, en: `summary: ${fields.summary}` });
  }
  const bodyBlocks: Block[] = [...rest];
  const bodyParts = [blocksToMarkdown(bodyBlocks)];
  if (unparsed.length > 0) bodyParts.push(`## 考核指标\n\n${unparsed.map((t) => `- ${t}`).join('\n')}`);
  const body = bodyParts.filter(Boolean).join('\n\n');
  if (body) (draft as { body?: string }).body = body;
  return draft;
}

/** The department of a new role: one whose name the title holds (售后客服 → 客服), else that of a role with the same title. */
function guessDepartment(title: string, context: WordImportContext): { id: string; why: string; whyEn: string } | undefined {
  const departments = context.known.departments;
  const byName = departments.filter((d) => {
    const stem = d.name.replace(/(?:部门|部|中心|组)$/, '');
    return stem.length >= 2 && title.includes(stem);
  });
  if (byName.length === 1)
    return { id: byName[0]!.id, why: `岗位名称含部门名“${byName[0]!.name}”`, whyEn: `the title holds the department name ${byName[0]!.name}` };
  const role = matchName(title, context.known.roles);
  if (role.found === 'exact' || role.found === 'guess') {
    const department = context.known.roleDepartments?.get(role.id);
    if (department) return { id: department, why: `与现有岗位“${role.name}”同属一个部门`, whyEn: `as the existing role ${role.name}` };
  }
  return undefined;
}
