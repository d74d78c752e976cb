/** schemas/actuals.schema.json against the actuals reader: what the reader accepts, the editor accepts. */
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { actualsJsonSchema } from '../../../src/schema/actuals-json-schema.ts';
import { readYamlActuals } from '../../../src/domain/actuals/yaml.ts';
import { renderActualsTemplate } from '../../../src/scaffold/actuals.ts';

const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
ajv.addKeyword('patternErrorMessage');
const validate = ajv.compile(actualsJsonSchema());

function yamlFilesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(name) && full.includes(`${path.sep}actuals${path.sep}`)) out.push(full);
    }
  };
  walk(root);
  return out;
}

describe('schemas/actuals.schema.json', () => {
  const files = [...yamlFilesUnder(path.resolve('content')), ...yamlFilesUnder(path.resolve('test/fixtures/corpus'))];

  it('accepts every actuals YAML the reader reads without a row problem, and rejects those it refuses', () => {
    let accepted = 0;
    let rejected = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      const read = readYamlActuals('actuals/x/y.yaml', bytes);
      const rowProblems = read.problems.filter((p) =>
        ['actuals.granularity', 'value.money', 'actuals.negative', 'actuals.cell', 'schema.unknownKey'].includes(p.rule),
      );
      const ok = validate(parse(bytes.toString('utf8')));
      if (rowProblems.length === 0) {
        expect(ok ? [] : validate.errors, file).toEqual([]);
        accepted++;
      } else if (rowProblems.some((p) => ['actuals.granularity', 'value.money', 'actuals.negative'].includes(p.rule))) {
        expect(ok, `${file}: ${rowProblems.map((p) => p.rule).join(', ')}`).toBe(false);
        rejected++;
      }
    }
    expect(accepted).toBeGreaterThan(10);
    expect(rejected).toBeGreaterThan(0);
  });

  it('flags the placeholders of npm run new -- actuals, and accepts them filled in', () => {
    const text = renderActualsTemplate({ planId: 'home-2014', month: '2014-12', lastDay: '2014-12-31' });
    expect(validate(parse(text))).toBe(false);
    expect(validate(parse(text.replace(/待填写/g, '12万')))).toBe(true);
    const read = readYamlActuals('actuals/home-2014/2014-12.yaml', Buffer.from(text));
    expect(read.problems.map((p) => [p.rule, p.path.join('.')])).toEqual([
      ['value.money', 'rows.0.revenue'],
      ['value.money', 'rows.0.spend.直通车'],
    ]);
  });

  it('rejects a row with both date and month, or neither', () => {
    expect(validate({ rows: [{ date: '2014-11-11', month: '2014-11' }] })).toBe(false);
    expect(validate({ rows: [{ revenue: '1万' }] })).toBe(false);
    expect(validate({ rows: [{ month: '2014-11', revenue: '1万', spend: { 直通车花费: '1万' } }] })).toBe(true);
  });
});
