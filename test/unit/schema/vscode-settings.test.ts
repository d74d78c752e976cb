/** The VS Code wiring: yaml.schemas points at existing schemas and covers the sample's YAML files; the check task reads the checker's output. */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadContent } from '../../../src/check/load.ts';
import { toText } from '../../../src/check/report.ts';
import { JSON_SCHEMA_COLLECTIONS, jsonSchemaFile, type JsonSchemaCollection } from '../../../src/schema/json-schemas.ts';

/** VS Code's settings files are JSON with // comments on their own lines. */
function readJsonc(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '')) as Record<string, unknown>;
}

const settings = readJsonc('.vscode/settings.json');

describe('.vscode', () => {
  it('maps every YAML file of the sample to its schema with the YAML extension (yaml.schemas)', () => {
    const schemas = settings['yaml.schemas'] as Record<string, string[]>;
    const yamlFiles = [
      'site.yaml',
      'glossary.yaml',
      'cadence.yaml',
      ...['departments', 'plans'].flatMap((d) => readdirSync(`content/${d}`).map((f) => `${d}/${f}`)),
    ].filter((f) => /\.ya?ml$/.test(f));
    for (const file of yamlFiles) {
      const matched = Object.entries(schemas).filter(([, globs]) => globs.some((glob) => path.matchesGlob(`content/${file}`, glob)));
      expect(
        matched.map(([schema]) => schema),
        file,
      ).toHaveLength(1);
      const expected = file.includes('/') ? file.split('/')[0] : file.replace('.yaml', '');
      expect(matched[0]![0], file).toBe(`./${jsonSchemaFile(expected as JsonSchemaCollection)}`);
    }
    for (const schema of Object.keys(schemas)) expect(existsSync(schema), schema).toBe(true);
    // Markdown front matter goes through the Astro extension (the YAML extension does not read .md files).
    expect(Object.keys(JSON_SCHEMA_COLLECTIONS).filter((name) => !Object.keys(schemas).includes(`./${jsonSchemaFile(name as JsonSchemaCollection)}`))).toEqual([
      'roles',
      'sops',
    ]);
    expect(settings['astro.content-intellisense']).toBe(true);
    expect(readFileSync('astro.config.mjs', 'utf8')).toMatch(/experimental:\s*\{[^}]*contentIntellisense:\s*true/);
    expect((readJsonc('.vscode/extensions.json').recommendations as string[]).sort()).toEqual(['astro-build.astro-vscode', 'redhat.vscode-yaml']);
  });

  it("the check task's problem matchers read every located problem of the checker's report", async () => {
    const task = (readJsonc('.vscode/tasks.json').tasks as { command: string; problemMatcher: { severity: string; pattern: { regexp: string } }[] }[])[0]!;
    expect(task.command).toBe('npm run check');
    const matchers = task.problemMatcher.map((m) => ({ severity: m.severity, regexp: new RegExp(m.pattern.regexp) }));
    const { problems } = await loadContent(path.resolve('test/fixtures/broken'), { today: '2026-11-25' });
    for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
      const lines = toText(problems, { lang, displayRoot: 'content', color: false }).split('\n');
      const located = problems.filter((p) => p.line !== undefined);
      const matched = lines.flatMap((line) =>
        matchers.filter((m) => m.regexp.test(line)).map((m) => ({ severity: m.severity, file: m.regexp.exec(line)![1] })),
      );
      expect(
        matched.map((m) => m.severity),
        lang,
      ).toEqual(located.map((p) => p.severity));
      expect(
        matched.map((m) => m.file),
        lang,
      ).toEqual(located.map((p) => `content/${p.file}`));
    }
  });
});
