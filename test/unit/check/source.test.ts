/**
 * readYaml takes js-yaml's fast path only where it reads a text exactly as
 * `yaml` (the reader of record) does: compared on tricky scalars and broken
 * texts, and on every YAML text of the sample and the test fixtures.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode, parseYaml, readYaml, splitFrontMatter } from '../../../src/check/source.ts';

/** What `yaml` alone makes of a text. */
function reference(text: string) {
  const source = parseYaml(text, 1);
  if (source.doc.errors.length > 0) return { ok: false, problems: source.problems };
  return { ok: true, value: source.doc.toJS({ maxAliasCount: 100 }), problems: source.problems };
}

const same = (text: string) => {
  const fast = readYaml(text, 1);
  try {
    reference(text);
  } catch {
    // `yaml` cannot build the value (an alias to no anchor): reported, as the test below shows.
    expect(fast.ok, JSON.stringify(text)).toBe(false);
    return;
  }
  // js-yaml gives undefined for an empty text, `yaml` null: the checker treats both as empty.
  expect({ ...fast, value: fast.value ?? null }, JSON.stringify(text)).toEqual({ ...reference(text), value: reference(text).value ?? null });
};

const SCALARS = [
  '08',
  '0o17',
  '017',
  '0x1F',
  '0b101',
  '1_000',
  '+12',
  '-0',
  '.5',
  '1.',
  '+.inf',
  '-.inf',
  '.NaN',
  '1e3',
  '1.5E+2',
  '0.1e-2',
  '12e3',
  '-.5',
  '+.5',
  'yes',
  'No',
  'on',
  'off',
  'y',
  '~',
  'null',
  'Null',
  'NULL',
  'TRUE',
  'True',
  'tRue',
  'false',
  '2026-11-25',
  '2026-11-25T10:00:00Z',
  '12:30',
  '1:30:00',
  '"x"',
  "'it''s'",
  '¥5,000',
  '5万',
  '3,000',
  '1,000.5',
  "'1e3'",
  '0',
  '00',
  '1__0',
  '0x_1',
  '!!str 5',
  '!!int "5"',
  '!!float 1',
  '"\\u4e2d"',
  '中文：说明',
  '&anchor 5',
  '[1, 2,]',
  '{b: 1, }',
  '[]',
  '{}',
  '""',
  '|\n  l1\n  l2\n',
  '>-\n  l1\n  l2',
  '- a\n  - b',
];
const DOCUMENTS = [
  '',
  '# only a comment',
  'a: 1\na: 2',
  'a: [1, 2',
  'a: "open',
  '\ta: 1',
  'a:\n\t- 1',
  'a: 1\n b: 2',
  '- a\nb: 1',
  'a: b: c',
  'title：直通车\nowner: x',
  'a: &x [1, 2]\nb: *x',
  '<<: {b: 1}\nc: 2',
  'a: !custom 1',
  '? a\n: 1',
  '---\na: 1',
  '---\na: 1\n---\nb: 2',
  'a: 1\n...\n',
  'key with spaces: 1',
  '"quoted key": 2',
  '1: one\n"1": uno',
  'steps:\n  - 核对地址\n  - text: 发货\n    by: warehouse-keeper\n    minutes: 30',
  'budget: 1.2万\nroi: 3.5\nmonths: [2026-01, 2026-02]',
];

describe('readYaml', () => {
  it.each(SCALARS)('reads the scalar %j as `yaml` does', (scalar) => same(`a: ${scalar}`));
  it.each(DOCUMENTS)('reads %j as `yaml` does, problems included', (text) => same(text));

  it('reports an alias to no anchor, and aliases past the cap, at their line instead of throwing', () => {
    expect(readYaml('owner: x\nsteps: *steps', 2)).toEqual({
      ok: false,
      problems: [{ rule: 'yaml.syntax', line: 3, params: { detail: expect.stringMatching(/alias/i), tab: false } }],
    });
    const laughs = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n');
    const read = readYaml(laughs);
    expect(read.ok).toBe(false);
    expect(read.problems[0]).toMatchObject({ rule: 'yaml.syntax', params: { detail: expect.stringMatching(/alias/i) } });
  });

  it('reads every YAML text of the sample and the fixtures as `yaml` does', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(ya?ml|mdx?)$/.test(name)) files.push(full);
      }
    };
    walk('content');
    walk('test/fixtures');
    expect(files.length).toBeGreaterThan(150);
    for (const file of files) {
      const decoded = decode(readFileSync(file));
      if (!decoded.ok) continue;
      const text = /\.mdx?$/.test(file) ? splitFrontMatter(decoded.text)?.yaml : decoded.text;
      if (text !== undefined) same(text);
    }
  });
});
