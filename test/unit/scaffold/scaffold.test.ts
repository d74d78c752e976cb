/** `npm run new`, the pure part: slugs from pinyin, argument checks, and templates that hold every key of the format. */
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import type { z } from 'zod';
import * as schemas from '../../../src/schema/collections.ts';
import { splitFrontMatter } from '../../../src/check/source.ts';
import { unknownKeys } from '../../../src/check/zod-issues.ts';
import { formatPath, type PathSegment } from '../../../src/check/problems.ts';
import { SLUG_PATTERN } from '../../../src/domain/text.ts';
import { KINDS, KIND_FILE, checkId, existingFileFor, nextSteps, parseNewArgs, renderTemplate, suggestSlug, type Kind } from '../../../src/scaffold/scaffold.ts';
import { helpOf } from '../../../src/schema/help.ts';

const TODAY = '2026-11-25';
const KNOWN = { departments: ['ops', 'service'], roles: ['agent', 'boss'], sops: ['first-reply'] };
const SCHEMA: Record<Kind, z.ZodObject> = { role: schemas.role, sop: schemas.sop, plan: schemas.plan, department: schemas.department };

/** The YAML of a template: the front matter of a .md file, or the whole .yaml file. */
function yamlOf(kind: Kind, text: string): string {
  if (KIND_FILE[kind].extension === '.yaml') return text;
  const split = splitFrontMatter(text);
  expect(split, 'front matter between --- lines').toBeDefined();
  return split!.yaml;
}

/** What an author does to an optional key: remove the leading "# " of its lines (key lines and their indented continuation). */
function uncommentAll(text: string): string {
  return text.replace(/^# (?=[A-Za-z]+:(?:\s|$)|\s+(?:-|[A-Za-z]+:))/gm, '');
}

/** What an author does to the required keys: replace each placeholder with a real value. */
function fillPlaceholders(text: string): string {
  return text
    .replace(/^title: ""/m, 'title: 新条目')
    .replace(/^name: ""/m, 'name: 新部门')
    .replace(/^store: ""/m, 'store: 测试店')
    .replace(/^department: ""/m, 'department: ops')
    .replace(/^owner: ""/m, 'owner: agent')
    .replace(/^ {2}- ""/m, '  - 接待买家咨询')
    .replace(/^ {2}- do: ""/m, '  - do: 核对订单')
    .replace(/YYYY-MM/g, '2026-01');
}

function issuePaths(kind: Kind, yamlText: string): string[] {
  const result = SCHEMA[kind].safeParse(parse(yamlText));
  return result.success ? [] : result.error.issues.map((issue) => formatPath(issue.path as PathSegment[]));
}

/** Every key of a JSON-like schema walk: the keys of each object the data reaches, with their paths. */
function missingKeys(schema: z.ZodType, data: unknown, path = ''): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'object': {
      if (data === null || typeof data !== 'object') return [];
      const shape = def.shape as Record<string, z.ZodType>;
      return Object.entries(shape).flatMap(([key, child]) =>
        key in (data as object) ? missingKeys(child, (data as Record<string, unknown>)[key], `${path}.${key}`) : [`${path}.${key}`],
      );
    }
    case 'array':
      return Array.isArray(data) ? data.flatMap((item, i) => missingKeys(def.element as z.ZodType, item, `${path}[${i}]`)) : [];
    case 'optional':
    case 'default':
      return missingKeys(def.innerType as z.ZodType, data, path);
    case 'union':
      // A step is a line of text or { do, by, note }: look into the branch the data takes.
      return data !== null && typeof data === 'object'
        ? (def.options as z.ZodType[]).flatMap((o) =>
            (o as unknown as { _zod: { def: { type: string } } })._zod.def.type === 'object' ? missingKeys(o, data, path) : [],
          )
        : [];
    default:
      return [];
  }
}

describe('suggestSlug', () => {
  it('turns Chinese into pinyin words joined by hyphens', () => {
    expect(suggestSlug('售后退款')).toBe('shou-hou-tui-kuan');
    expect(suggestSlug('重庆仓库')).toBe('chong-qing-cang-ku');
    expect(suggestSlug('绿色 SOP 2024')).toBe('lv-se-sop-2024');
    expect(suggestSlug('１５号仓')).toBe('15-hao-cang');
  });

  it('lower-cases other text and replaces what ids cannot hold', () => {
    expect(suggestSlug('After_Sales')).toBe('after-sales');
    expect(suggestSlug('  Café Ops  ')).toBe('cafe-ops');
    expect(suggestSlug('!!!')).toBeUndefined();
  });

  it('keeps long titles to whole words under 60 characters', () => {
    const slug = suggestSlug('付款后核对收件信息并通知仓库发货再跟进物流直到买家确认收货为止的完整流程')!;
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slug.startsWith('fu-kuan-hou-he-dui')).toBe(true);
  });
});

describe('checkId and existingFileFor', () => {
  it('accepts slugs and suggests one for anything else, from the id or else the title', () => {
    expect(checkId('after-sales')).toEqual({ ok: true });
    expect(checkId('售后退款')).toEqual({ ok: false, suggestion: 'shou-hou-tui-kuan' });
    expect(checkId('After Sales')).toEqual({ ok: false, suggestion: 'after-sales' });
    expect(checkId('---', '售后退款')).toEqual({ ok: false, suggestion: 'shou-hou-tui-kuan' });
    expect(checkId('---')).toEqual({ ok: false, suggestion: undefined });
  });

  it('finds the same id under any extension the collection reads', () => {
    expect(existingFileFor('x', ['a.md', 'x.mdx'], ['.md', '.mdx'])).toBe('x.mdx');
    expect(existingFileFor('x', ['x.yml'], ['.yaml', '.yml', '.md'])).toBe('x.yml');
    expect(existingFileFor('x', ['x.txt', 'xy.md', 'x-y.md'], ['.md', '.mdx'])).toBeUndefined();
  });
});

describe('parseNewArgs', () => {
  it('reads kind, id, --title and --content', () => {
    expect(parseNewArgs(['sop', 'refund', '--title', '售后退款', '--content', '../hb'])).toEqual({
      ok: true,
      command: { kind: 'sop', id: 'refund', title: '售后退款', content: '../hb' },
    });
    expect(parseNewArgs(['--help'])).toEqual({ ok: true, help: true });
  });

  it('refuses an id that is not a slug (exit 1) and suggests the command to type, keeping a Chinese id as the title', () => {
    const result = parseNewArgs(['sop', '售后退款']);
    expect(result).toMatchObject({ ok: false, exit: 1, suggestion: 'shou-hou-tui-kuan' });
    if (result.ok) throw new Error('unreachable');
    expect(result.message.zh).toContain('npm run new -- sop shou-hou-tui-kuan --title 售后退款');
    expect(result.message.en).toContain('not valid');
    const ascii = parseNewArgs(['role', 'After_Sales']);
    expect(ascii).toMatchObject({ ok: false, exit: 1, suggestion: 'after-sales' });
  });

  it('says what is missing or wrong in the command (exit 2)', () => {
    expect(parseNewArgs([])).toMatchObject({ ok: false, exit: 2 });
    expect(parseNewArgs(['page', 'x'])).toMatchObject({ ok: false, exit: 2 });
    expect(parseNewArgs(['sop', 'a', 'b'])).toMatchObject({ ok: false, exit: 2 });
    expect(parseNewArgs(['sop', 'a', '--titel', 'x'])).toMatchObject({ ok: false, exit: 2 });
    const noId = parseNewArgs(['plan', '--title', '双11 备战计划']);
    expect(noId).toMatchObject({ ok: false, exit: 2, suggestion: 'shuang-11-bei-zhan-ji-hua' });
    if (!noId.ok) expect(noId.message.zh).toContain("npm run new -- plan shuang-11-bei-zhan-ji-hua --title '双11 备战计划'");
  });
});

describe('renderTemplate', () => {
  for (const kind of KINDS) {
    describe(kind, () => {
      const template = renderTemplate({ kind, id: 'new-entry', today: TODAY, known: KNOWN });
      const yamlText = yamlOf(kind, template.text);

      it('is valid YAML as it stands', () => {
        expect(parseDocument(yamlText).errors).toEqual([]);
        expect(parseDocument(uncommentAll(yamlText)).errors).toEqual([]);
      });

      it('names every key of the format, the optional ones commented out with a one-line explanation', () => {
        const keys = Object.keys(SCHEMA[kind].shape);
        const written = [...yamlText.matchAll(/^(?:# )?([A-Za-z]+):/gm)].map((m) => m[1]);
        expect(written).toEqual(keys);
        for (const key of keys) {
          const line = yamlText.split('\n').find((l) => new RegExp(`^(# )?${key}:`).test(l))!;
          expect(line, key).toMatch(/ {2}# \S/);
          if (!Object.keys(parse(yamlText) ?? {}).includes(key)) expect(line.startsWith('# '), key).toBe(true);
        }
        // Each with its help, from the schema (src/schema/help.ts).
        for (const key of keys) expect(helpOf(SCHEMA[kind].shape[key] as z.ZodType)?.zh, key).toBeTruthy();
      });

      it('is rejected by the schema exactly at its placeholders, each named', () => {
        expect(issuePaths(kind, yamlText)).toEqual(template.placeholders);
        expect(template.placeholders.length).toBeGreaterThan(0);
      });

      it('passes the schema once the placeholders are filled, with every optional key turned on too', () => {
        expect(issuePaths(kind, fillPlaceholders(yamlText))).toEqual([]);
        const full = parse(fillPlaceholders(uncommentAll(yamlText)));
        expect(issuePaths(kind, fillPlaceholders(uncommentAll(yamlText)))).toEqual([]);
        expect(unknownKeys(SCHEMA[kind], full)).toEqual([]);
        // Every nested key of the format appears in the examples (stage, kpi, step, fixed cost …).
        expect(missingKeys(SCHEMA[kind], full)).toEqual([]);
      });
    });
  }

  it('fills the title, quoting it when YAML needs it', () => {
    for (const title of ['售后退款', '售后: 退款', '# 不是注释', '2024', "It's ok"]) {
      const template = renderTemplate({ kind: 'sop', id: 'x', title, today: TODAY });
      expect(parse(yamlOf('sop', template.text)).title).toBe(title);
      expect(template.placeholders).toEqual(['owner', 'steps[0].do']);
    }
    const department = renderTemplate({ kind: 'department', id: 'x', title: '仓储部', today: TODAY });
    expect(parse(department.text)).toEqual({ name: '仓储部' });
    expect(department.placeholders).toEqual([]);
  });

  it("dates a new SOP today, and lists the handbook's ids beside the reference fields", () => {
    const sop = renderTemplate({ kind: 'sop', id: 'x', today: TODAY, known: KNOWN });
    expect(parse(yamlOf('sop', sop.text)).updated).toBe(TODAY);
    expect(sop.text).toMatch(/^owner: "".*现有：agent、boss$/m);
    const role = renderTemplate({ kind: 'role', id: 'x', today: TODAY, known: KNOWN });
    expect(role.text).toMatch(/^department: "".*现有：ops、service$/m);
    const empty = renderTemplate({ kind: 'role', id: 'x', today: TODAY });
    expect(empty.text).toMatch(/^department: "".*departments\/ 里还没有/m);
  });

  it('leaves the Markdown body empty: a hint in the front matter instead', () => {
    const text = renderTemplate({ kind: 'role', id: 'x', today: TODAY }).text;
    expect(splitFrontMatter(text)!.body.trim()).toBe('');
    expect(text).toContain('# 正文（可不写）');
  });
});

describe('nextSteps', () => {
  it('prints the path and what to do next, Chinese first', () => {
    const message = nextSteps('content/sops/refund.md', ['title', 'owner'], 'npm run check');
    expect(message.zh).toBe(
      '已创建 content/sops/refund.md\n下一步：打开它，把标“必填”的占位内容换成真实内容（还要填：title、owner），然后运行 npm run check。',
    );
    expect(message.en).toContain('Created content/sops/refund.md');
    expect(message.en).toContain('still to fill in: title, owner');
  });
});
