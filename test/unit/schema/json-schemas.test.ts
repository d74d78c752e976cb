/**
 * Editor validation: schemas/*.schema.json, generated from the zod schemas.
 * The committed files must be up to date; they must accept every file of the
 * sample handbook and reject an entry missing a required field; the patterns
 * that describe money, months, dates, durations and times must agree with the
 * parsers; and the editor must flag exactly the placeholders of `npm run new`.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import type { z } from 'zod';
import { splitFrontMatter } from '../../../src/check/source.ts';
import { unknownKeys } from '../../../src/check/zod-issues.ts';
import { parseMoney } from '../../../src/domain/money.ts';
import { parseDate, parseDuration, parseMonth, UNIT_ALIASES } from '../../../src/domain/time.ts';
import { KINDS, KIND_FILE, renderTemplate } from '../../../src/scaffold/scaffold.ts';
import { JSON_SCHEMA_COLLECTIONS, jsonSchemaFile, jsonSchemaFor, renderJsonSchemas, type JsonSchemaCollection } from '../../../src/schema/json-schemas.ts';
import {
  CLOCK_INPUT_PATTERN,
  DATE_INPUT_PATTERN,
  DURATION_INPUT_PATTERN,
  MONEY_INPUT_PATTERN,
  MONTH_INPUT_PATTERN,
  clock,
} from '../../../src/schema/values.ts';

const NAMES = Object.keys(JSON_SCHEMA_COLLECTIONS) as JsonSchemaCollection[];

// ajv (draft-07, as the YAML extension reads it). `patternErrorMessage` is VS Code's own keyword;
// `pattern` also sits on text that may be a number (JSON Schema applies it to strings only).
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
ajv.addKeyword('patternErrorMessage');
const validators = Object.fromEntries(NAMES.map((name) => [name, ajv.compile(jsonSchemaFor(name))])) as Record<JsonSchemaCollection, ValidateFunction>;

/** Which schema a content file is checked against, by its path in the content folder. */
function collectionOf(file: string): JsonSchemaCollection | undefined {
  if (file === 'site.yaml') return 'site';
  if (file === 'glossary.yaml') return 'glossary';
  if (file === 'cadence.yaml') return 'cadence';
  const [folder, name, ...rest] = file.split('/');
  if (!name || rest.length > 0) return undefined;
  const ext = path.extname(name);
  if (folder === 'departments' && ['.yaml', '.yml'].includes(ext)) return 'departments';
  if (folder === 'roles' && ext === '.md') return 'roles';
  if (folder === 'sops' && ['.md', '.mdx'].includes(ext)) return 'sops';
  if (folder === 'plans' && ['.yaml', '.yml', '.md'].includes(ext)) return 'plans';
  return undefined;
}

/** The data of a content file as an editor's YAML parser reads it (front matter for Markdown), or undefined when unreadable. */
function dataOf(full: string): { data: unknown } | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true })
      .decode(readFileSync(full))
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n');
  } catch {
    return undefined;
  }
  if (full.endsWith('.md') || full.endsWith('.mdx')) {
    const split = splitFrontMatter(text);
    if (!split) return undefined;
    text = split.yaml;
  }
  try {
    return { data: parse(text, { uniqueKeys: true }) };
  } catch {
    return undefined;
  }
}

function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out;
}

const SAMPLE = path.resolve('content');
const sampleFiles = filesUnder(SAMPLE).filter((file) => collectionOf(file));

const pointerToPath = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .reduce((out, seg) => (/^\d+$/.test(seg) ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');
const describeErrors = (errors: ErrorObject[] | null | undefined) => (errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

describe('schemas/*.schema.json', () => {
  it('are up to date with the zod schemas (run npm run schemas after changing src/schema/)', () => {
    const rendered = renderJsonSchemas();
    expect(Object.keys(rendered)).toEqual([...NAMES.map(jsonSchemaFile), 'schemas/actuals.schema.json']);
    for (const [file, text] of Object.entries(rendered)) {
      expect(existsSync(file), `${file} is missing: run npm run schemas`).toBe(true);
      expect(readFileSync(file, 'utf8'), `${file} is out of date: run npm run schemas`).toBe(text);
    }
    expect(renderJsonSchemas()).toEqual(rendered); // deterministic
  });

  it('describe the value types instead of accepting anything', () => {
    const plan = jsonSchemaFor('plans') as { properties: Record<string, Record<string, unknown>> };
    expect(plan.properties.averageOrderValue!.anyOf).toEqual([
      { type: 'number', minimum: 0 },
      expect.objectContaining({ type: 'string', pattern: MONEY_INPUT_PATTERN }),
      { type: 'null' },
    ]);
    expect(JSON.stringify(jsonSchemaFor('sops'))).toContain(JSON.stringify(DURATION_INPUT_PATTERN));
    expect(JSON.stringify(jsonSchemaFor('cadence'))).toContain(JSON.stringify(CLOCK_INPUT_PATTERN));
    const role = jsonSchemaFor('roles') as { properties: { level: { enum: string[] } } };
    expect(role.properties.level.enum).toEqual(['junior', 'mid', 'senior', '初级', '初級', '中级', '中級', '高级', '高級']);
  });

  it(`accept every file of the sample handbook (${sampleFiles.length} files)`, () => {
    expect(sampleFiles.length).toBeGreaterThan(40);
    for (const file of sampleFiles) {
      const read = dataOf(path.join(SAMPLE, file));
      expect(read, file).toBeDefined();
      const validate = validators[collectionOf(file)!];
      expect(validate(read!.data) ? [] : describeErrors(validate.errors), file).toEqual([]);
    }
  });

  describe('reject a sample entry missing a required field', () => {
    for (const name of NAMES) {
      it(name, () => {
        const schema = JSON_SCHEMA_COLLECTIONS[name].schema as z.ZodType;
        const isList = (schema as unknown as { _zod: { def: { type: string } } })._zod.def.type === 'array';
        const entrySchema = (isList ? (schema as z.ZodArray<z.ZodObject>).element : schema) as z.ZodObject;
        const json = jsonSchemaFor(name) as { required?: string[]; items?: { required?: string[] } };
        const required = (isList ? json.items?.required : json.required) ?? [];
        // The JSON Schema's required keys are exactly the keys zod refuses to miss.
        const zodRequired = Object.entries(entrySchema.shape)
          .filter(([, child]) => !(child as z.ZodType).safeParse(undefined).success)
          .map(([key]) => key);
        expect(required).toEqual(zodRequired);
        expect(required.length).toBeGreaterThan(0);

        const samples = sampleFiles.filter((file) => collectionOf(file) === name);
        expect(samples.length).toBeGreaterThan(0);
        for (const file of samples) {
          const data = dataOf(path.join(SAMPLE, file))!.data;
          const entry = isList ? (data as Record<string, unknown>[])[0]! : (data as Record<string, unknown>);
          for (const key of required) {
            const { [key]: _removed, ...rest } = entry;
            const copy = isList ? [rest, ...(data as unknown[]).slice(1)] : rest;
            expect(validators[name](copy), `${file} without ${key}`).toBe(false);
            expect(validators[name].errors, `${file} without ${key}`).toContainEqual(
              expect.objectContaining({ keyword: 'required', instancePath: isList ? '/0' : '', params: { missingProperty: key } }),
            );
          }
        }
      });
    }
  });

  it('never flag what the checker accepts, in the sample, the fixtures and the bad-input corpus', () => {
    // Known limits, where the schema is more lenient than the checker (the checker still reports them).
    const lenient = new Set(['value.money:precision', 'value.money:too-large', 'value.date:range', 'value.duration:zero', 'cadence.on']);
    const roots = [
      SAMPLE,
      path.resolve('test/fixtures/base'),
      path.resolve('test/fixtures/broken'),
      ...readdirSync(path.resolve('test/fixtures/corpus')).map((c) => path.resolve('test/fixtures/corpus', c)),
    ];
    let compared = 0;
    let rejected = 0;
    for (const root of roots) {
      for (const file of filesUnder(root)) {
        const name = collectionOf(file);
        const read = name && dataOf(path.join(root, file));
        if (!name || !read || read.data === null || read.data === undefined) continue;
        const schema = JSON_SCHEMA_COLLECTIONS[name].schema as z.ZodType;
        const zodOk = schema.safeParse(read.data).success;
        const editorOk = validators[name](read.data);
        const where = path.relative(process.cwd(), path.join(root, file));
        compared++;
        if (zodOk && unknownKeys(schema, read.data).length === 0) expect(editorOk ? [] : describeErrors(validators[name].errors), where).toEqual([]);
        if (!zodOk) {
          const result = schema.safeParse(read.data, { reportInput: true });
          const rules = result.success
            ? []
            : result.error.issues.map((i) => {
                const p = (i as { params?: { rule?: string; reason?: string } }).params;
                return p?.reason ? `${p.rule}:${p.reason}` : String(p?.rule ?? i.code);
              });
          if (rules.every((r) => lenient.has(r))) continue;
          rejected++;
          expect(editorOk, `${where}: the checker rejects it (${rules.join(', ')}), the editor should too`).toBe(false);
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(20);
  });

  it('flag exactly the placeholders of npm run new, and accept them filled in', () => {
    for (const kind of KINDS) {
      const template = renderTemplate({ kind, id: 'x', today: '2026-11-25', known: { departments: ['ops'], roles: ['agent'], sops: [] } });
      const yamlText = KIND_FILE[kind].extension === '.md' ? splitFrontMatter(template.text)!.yaml : template.text;
      const name = KIND_FILE[kind].collection;
      expect(validators[name](parse(yamlText)), kind).toBe(false);
      const flagged = [
        ...new Set(validators[name].errors!.filter((e) => ['pattern', 'minLength'].includes(e.keyword)).map((e) => pointerToPath(e.instancePath))),
      ];
      expect(flagged, kind).toEqual(template.placeholders);
      const filled = yamlText
        .replace(/: ""/g, ': 已填写')
        .replace(/- ""/g, '- 已填写')
        .replace(/YYYY-MM/g, '2026-01');
      expect(validators[name](parse(filled)) ? [] : describeErrors(validators[name].errors), kind).toEqual([]);
    }
  });
});

describe('value patterns agree with the parsers', () => {
  const matches = (pattern: string, input: string) => new RegExp(pattern, 'u').test(input);

  function agree(pattern: string, parser: (input: string) => { ok: boolean }, accepted: string[], rejected: string[]) {
    for (const input of accepted) {
      expect(parser(input).ok, `parser accepts ${JSON.stringify(input)}`).toBe(true);
      expect(matches(pattern, input), `pattern accepts ${JSON.stringify(input)}`).toBe(true);
    }
    for (const input of rejected) {
      expect(parser(input).ok, `parser rejects ${JSON.stringify(input)}`).toBe(false);
      expect(matches(pattern, input), `pattern rejects ${JSON.stringify(input)}`).toBe(false);
    }
  }

  it('money', () => {
    agree(
      MONEY_INPUT_PATTERN,
      parseMoney,
      [
        '15万',
        '4.5万元',
        '1,188元',
        '3096.00',
        '１５万',
        '１，１８８元',
        '１５．５万',
        ' 15 万 ',
        '15 万元',
        '0',
        '100亿',
        '15萬',
        '1.2億元',
        '3.5千',
        '待定',
        '未定',
        'TBD',
        'tbd',
        'Tbd',
        'ＴＢＤ',
      ],
      ['十五万', '15w', '15K', '1e9', '-5', '-5万', '15万万', 'abc', '', '1,18元', '元', '万'],
    );
  });

  it('month', () => {
    agree(
      MONTH_INPUT_PATTERN,
      parseMonth,
      ['2014-01', '2014-12', ' 2014-09 ', '２０１４－０１'],
      ['2014-13', '2014-00', '2014-1', '2014/01', '2014年1月', '14-01', 'YYYY-MM', ''],
    );
  });

  it('date', () => {
    agree(
      DATE_INPUT_PATTERN,
      parseDate,
      ['2026-03-01', '2026-12-31', '２０２６－０３－０１'],
      ['2026-3-1', '2026/03/01', '2026-13-01', '2026-03-32', '2026-03-00', ''],
    );
    // Known limit: the calendar (a 30 February) is the checker's job.
    expect(parseDate('2026-02-30').ok).toBe(false);
    expect(matches(DATE_INPUT_PATTERN, '2026-02-30')).toBe(true);
  });

  it('duration: every unit word of the parser, in either case and width', () => {
    const units = Object.keys(UNIT_ALIASES);
    expect(units.length).toBeGreaterThan(15);
    const accepted = units.flatMap((u) => [`3${u}`, `1.5 ${u.toUpperCase()}`, ` ２４${u} `]);
    agree(
      DURATION_INPUT_PATTERN,
      parseDuration,
      ['20s', '30m', '24h', '3d', '24小时', '3天', '20秒', ...accepted],
      ['24', '24 hours', '二十四小时', 'h24', '24hh', ''],
    );
  });

  it('time of day, with the same regular expression as the parser', () => {
    const parser = (input: string) => clock.safeParse(input) as { success: boolean } & { ok?: boolean };
    const ok = (input: string) => ({ ok: parser(input).success });
    agree(CLOCK_INPUT_PATTERN, ok, ['09:00', '9:30', '23:59', '00:00', ' 17:30 '], ['24:00', '9.30', '0930', '17:60', '１７:３０', '']);
  });
});
