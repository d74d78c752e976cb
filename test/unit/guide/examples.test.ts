/**
 * The guide's example files (src/guide/example-files.ts) against the format:
 * each complete example holds every key its schema knows, each with a note, and
 * nothing else; together they are a handbook the checker finds no problem in.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mdxToJs } from 'satteri';
import {
  annotate,
  exampleData,
  exampleFile,
  GUIDE_EXAMPLES,
  keyLines,
  MDX_SOP_EXAMPLE,
  PLAN_EXAMPLE,
  SOP_EXAMPLE,
  type GuideCollection,
} from '../../../src/guide/example-files.ts';
import { dataKeyPaths } from '../../../src/guide/keys.ts';
import { annotatedExample, collectionKeys, exampleKeyInfo, parserOf } from '../../../src/guide/examples.ts';
import { JSON_SCHEMA_COLLECTIONS } from '../../../src/schema/json-schemas.ts';
import { loadContent } from '../../../src/check/load.ts';
import { renderProblem } from '../../../src/check/report.ts';

const complete = GUIDE_EXAMPLES.filter((e) => e.complete);

describe('the complete examples', () => {
  it('are one per collection of the format', () => {
    expect(complete.map((e) => e.collection).sort()).toEqual((Object.keys(JSON_SCHEMA_COLLECTIONS) as GuideCollection[]).sort());
  });

  it.each(complete.map((e) => [e.file, e] as const))('%s holds every key of its schema, and no other', (_, example) => {
    const schemaPaths = collectionKeys(example.collection).map((k) => k.path);
    const used = dataKeyPaths(exampleData(example));
    // A key the example does not write (a field just added to the format) is offered commented out, with its help.
    const offered = annotatedExample(example, 'zh-CN');
    for (const path of schemaPaths.filter((p) => !used.includes(p))) expect(offered, `key ${path} of the format`).toMatch(new RegExp(`^# ${path}:`, 'm'));
    expect(
      used.filter((p) => !schemaPaths.includes(p)),
      'keys of the example the format does not know',
    ).toEqual([]);
  });

  it.each(complete.map((e) => [e.file, e] as const))('%s comments every key with its help from the schema, and has no stray note', (_, example) => {
    const keys = collectionKeys(example.collection);
    const text = annotatedExample(example, 'en');
    for (const { path, help } of keys) {
      expect(help?.zh, `zh help of ${path}`).toBeTruthy();
      expect(help?.en, `en help of ${path}`).toBeTruthy();
      if (!path.includes('.') && !path.includes('[]')) expect(text, path).toContain(help!.en);
    }
    expect(Object.keys(example.notes ?? {}).filter((k) => !keys.some((key) => key.path === k))).toEqual([]);
  });

  it.each(complete.map((e) => [e.file, e] as const))('%s shows each key with a comment saying whether it is required', (_, example) => {
    const text = annotatedExample(example, 'zh-CN');
    const lines = text.split('\n');
    const offset = /\.mdx?$/.test(example.file) ? 1 : 0;
    const info = exampleKeyInfo(example);
    const firstLine = new Map<string, number>();
    for (const [line, key] of keyLines(example.yaml)) if (!firstLine.has(key)) firstLine.set(key, line);
    for (const [key, line] of firstLine) {
      const comment = lines[line + offset]!.split('  # ')[1] ?? '';
      expect(comment, key).toMatch(info.get(key)!.required ? /^必填：/ : /^可选(，默认 .+)?：/);
    }
  });
});

describe('comments from the schema', () => {
  it('say which keys are required and the defaults the schema fills in', () => {
    const text = annotatedExample(SOP_EXAMPLE, 'zh-CN');
    expect(text).toMatch(/^title: 退款申请审核 +# 必填：流程名称，如 售后退款处理$/m);
    expect(text).toMatch(/^reviewEvery: 6 +# 可选，默认 12：/m);
    expect(text).toMatch(/^participants: +# 可选，默认 空列表：/m);
    expect(text).toMatch(/^ {4}by: aftersales-cs +# 可选：/m);
    const en = annotatedExample(SOP_EXAMPLE, 'en');
    expect(en).toMatch(/^reviewEvery: 6 +# optional, default 12: /m);
    expect(en).toMatch(/^owner: aftersales-cs +# required: /m);
  });

  it('are Traditional on zh-TW sites while the YAML stays as typed', () => {
    const text = annotatedExample(PLAN_EXAMPLE, 'zh-TW');
    expect(text).toContain('# 必填：計劃名稱');
    expect(text).toMatch(/^ {2}revenue: 60万 +# 可選：目標成交額合計$/m);
    expect(text).not.toContain('60萬');
  });

  it('mark the first line of a key only, and notes on plain lines', () => {
    const text = annotate(SOP_EXAMPLE, { lang: 'en', keys: exampleKeyInfo(SOP_EXAMPLE) });
    expect(text.match(/: what to do$/gm)).toHaveLength(1);
    expect(text).toContain('- 打开千牛退款工作台，按申请时间从早到晚处理  # a step may be one sentence');
    expect(text.startsWith('---\n')).toBe(true);
    expect(text).toContain('\n---\n\n退款处理得快');
  });
});

describe('every example', () => {
  it.each(GUIDE_EXAMPLES.map((e) => [e.file, e] as const))('%s passes its schema', (_, example) => {
    expect(parserOf(example.collection)(exampleData(example)).ok).toBe(true);
  });

  it.each(GUIDE_EXAMPLES.map((e) => [e.file, e] as const))('%s has notes and line notes that point at something', (_, example) => {
    const keys = new Set(keyLines(example.yaml).values());
    for (const key of Object.keys(example.notes ?? {})) expect(keys.has(key), key).toBe(true);
    const lines = new Set(example.yaml.split('\n').map((l) => l.trim()));
    for (const line of Object.keys(example.lineNotes ?? {})) expect(lines.has(line), line).toBe(true);
  });

  it('has a file name of its own', () => {
    const files = GUIDE_EXAMPLES.map((e) => e.file);
    expect(new Set(files).size).toBe(files.length);
  });

  it('compiles as MDX where it is MDX', () => {
    expect(() => mdxToJs(MDX_SOP_EXAMPLE.body!)).not.toThrow();
  });
});

describe('the examples together', () => {
  it('are a handbook in which the checker finds no problem at all', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'opsbook-guide-'));
    for (const example of GUIDE_EXAMPLES) {
      mkdirSync(path.dirname(path.join(dir, example.file)), { recursive: true });
      writeFileSync(path.join(dir, example.file), exampleFile(example));
    }
    const { handbook, problems } = await loadContent(dir, { today: '2026-07-01' });
    expect(problems.map((p) => `${p.file}:${p.line} ${renderProblem(p, 'en').message}`)).toEqual([]);
    expect(handbook.sops.map((s) => s.id).sort()).toEqual(['bad-review-reply', 'refund-check', 'standard-replies']);
    expect(handbook.plans).toHaveLength(2);
  });
});
