import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../../../src/schema/registry.ts';
import { jsonSchemaWithHelp } from '../../../src/schema/json-schemas.ts';
import { schemaKeys } from '../../../src/guide/keys.ts';
import { MONEY_INPUT_PATTERN, MONTH_INPUT_PATTERN, DURATION_INPUT_PATTERN } from '../../../src/schema/values.ts';
import { cmsConfig, cmsConfigYaml, editorFormats, formatName, type CmsCollection, type CmsField } from '../../../src/editor/cms-config.ts';
import { cmsPackageDir } from '../../../src/editor/cms-assets.ts';

type Field = CmsField & { fields?: Field[]; field?: Field; root?: boolean; options?: { label: string; value: unknown }[]; pattern?: [string, string] };

/** Every key path the form edits, written as the guide writes them: title, steps[].do, stages[].budget[].amount. */
function fieldPaths(fields: readonly Field[], prefix = ''): Map<string, Field> {
  const out = new Map<string, Field>();
  for (const field of fields) {
    const path = field.root ? '' : prefix ? `${prefix}.${field.name}` : field.name;
    if (path) out.set(path, field);
    const itemPrefix = field.widget === 'list' ? (path ? `${path}[]` : '') : path;
    if (field.fields) for (const [p, f] of fieldPaths(field.fields, itemPrefix)) out.set(p, f);
  }
  return out;
}

function formOf(collection: CmsCollection): Field[] {
  const files = collection.files as { fields: Field[] }[] | undefined;
  return files ? files[0]!.fields : (collection.fields as Field[]);
}

const config = cmsConfig({ locale: 'zh-CN' });
const byName = (name: string) => config.collections.find((c) => c.name === name)!;

describe('the editor configuration, derived from the registry', () => {
  it('has every collection, named in the site language', () => {
    for (const name of COLLECTION_NAMES) expect(byName(name).label, name).toBe(COLLECTIONS[name].name.zh);
    expect(byName('sops-mdx').label).toBe('SOP（MDX）');
    expect(byName('plans-yaml').label).toBe('运营计划（YAML）');
    expect(cmsConfig({ locale: 'en' }).collections.find((c) => c.name === 'glossary')!.label).toBe('glossary');
    expect(cmsConfig({ locale: 'zh-TW' }).collections.find((c) => c.name === 'cadence')!.label).toBe('工作節奏');
  });

  it('finds every field of every collection in its form, with a label and the field help', () => {
    for (const name of COLLECTION_NAMES) {
      const keys = schemaKeys(jsonSchemaWithHelp(name as CollectionName));
      const cmsNames = config.collections.filter((c) => c.name === name || c.name.startsWith(`${name}-`)).map((c) => c.name);
      expect(cmsNames.length, name).toBeGreaterThan(0);
      for (const cmsName of cmsNames) {
        const paths = fieldPaths(formOf(byName(cmsName)));
        for (const { path, help } of keys) {
          const field = paths.get(path);
          expect(field, `${cmsName}: ${path}`).toBeDefined();
          expect(field!.label, `${cmsName}: ${path}`).toMatch(/\S/);
          expect(field!.hint, `${cmsName}: ${path}`).toContain(help!.zh);
        }
      }
    }
  });

  it('marks required fields and optional ones as the schema does', () => {
    const sop = fieldPaths(formOf(byName('sops')));
    expect(sop.get('title')!.required).toBe(true);
    expect(sop.get('owner')!.required).toBe(true);
    expect(sop.get('steps')!.required).toBe(true);
    expect(sop.get('trigger')!.required).toBe(false);
    expect(sop.get('reviewEvery')!.required).toBe(false);
    expect(sop.get('steps[].do')!.required).toBe(true);
    expect(sop.get('steps[].by')!.required).toBe(false);
  });

  it('shows enums as selects with their names from the dictionary, values as stored', () => {
    const sop = fieldPaths(formOf(byName('sops')));
    expect(sop.get('frequency')!.widget).toBe('select');
    expect(sop.get('frequency')!.options).toContainEqual({ label: '每日（daily）', value: 'daily' });
    const cadence = fieldPaths(formOf(byName('cadence')));
    expect(cadence.get('every')!.options).toContainEqual({ label: '每周（week）', value: 'week' });
    expect(cadence.get('on')!.options).toContainEqual({ label: '周一（mon）', value: 'mon' });
    expect(cadence.get('on')!.options).toContainEqual({ label: '每月 15 日', value: 15 });
    const role = fieldPaths(formOf(byName('roles')));
    expect(role.get('level')!.options).toContainEqual({ label: '初级（junior）', value: 'junior' });
    expect(role.get('kpis[].better')!.options).toContainEqual({ label: '越低越好（lower）', value: 'lower' });
  });

  it('makes every reference a relation: titles shown, ids stored', () => {
    const sop = fieldPaths(formOf(byName('sops')));
    for (const path of ['owner', 'steps[].by'])
      expect(sop.get(path), path).toMatchObject({ widget: 'relation', collection: 'roles', value_field: '{{slug}}', display_fields: ['title'] });
    for (const path of ['participants', 'related']) expect(sop.get(path), path).toMatchObject({ widget: 'relation', multiple: true });
    expect(sop.get('department')).toMatchObject({ widget: 'relation', collection: 'departments', display_fields: ['name'] });
    const role = fieldPaths(formOf(byName('roles')));
    for (const path of ['department', 'reportsTo', 'onboarding[].sops']) expect(role.get(path)!.widget, path).toBe('relation');
    expect(fieldPaths(formOf(byName('departments'))).get('lead')!.widget).toBe('relation');
    expect(fieldPaths(formOf(byName('plans'))).get('stages[].staff[].role')!.widget).toBe('relation');
    const cadence = fieldPaths(formOf(byName('cadence')));
    expect(cadence.get('owner')!.collection).toBe('roles');
    expect(cadence.get('sop')!.collection).toBe('sops');
    expect(fieldPaths(formOf(byName('glossary'))).get('seeAlso')).toMatchObject({
      widget: 'relation',
      collection: 'glossary',
      file: 'glossary',
      value_field: 'items.*.term',
    });
  });

  it('lists every role and SOP by title when the handbook has them in .md and .mdx (one relation reads one extension)', () => {
    const entries = {
      role: [
        { id: 'presales-cs', title: '售前客服', extension: '.md' },
        { id: 'cs-lead', title: '客服主管', extension: '.mdx' },
      ],
      sop: [{ id: 'first-reply-20s', title: '首次响应 20 秒', extension: '.md' }],
    };
    const sop = fieldPaths(formOf(cmsConfig({ locale: 'zh-CN', entries }).collections.find((c) => c.name === 'sops')!));
    expect(sop.get('owner')).toMatchObject({ widget: 'select' });
    expect(sop.get('owner')!.options).toContainEqual({ label: '客服主管（cs-lead）', value: 'cs-lead' });
    expect(sop.get('participants')).toMatchObject({ widget: 'select', multiple: true });
    // SOPs are all .md here: still a relation, which lists new SOPs at once.
    expect(sop.get('related')).toMatchObject({ widget: 'relation', collection: 'sops' });
  });

  it("checks money, months and durations with the checker's own patterns and messages", () => {
    const plan = fieldPaths(formOf(byName('plans')));
    expect(plan.get('months[].revenue')!.pattern![0]).toBe(MONEY_INPUT_PATTERN);
    expect(plan.get('months[].revenue')!.pattern![1]).toMatch(/^金额写法无法识别/);
    expect(plan.get('period.start')!.pattern![0]).toBe(MONTH_INPUT_PATTERN);
    expect(fieldPaths(formOf(byName('sops'))).get('sla')!.pattern![0]).toBe(DURATION_INPUT_PATTERN);
    const site = fieldPaths(formOf(byName('site')));
    expect(site.get('editUrl')!.pattern![1]).toBe('编辑链接要以 https:// 或 http:// 开头');
    expect(fieldPaths(formOf(byName('sops'))).get('reviewEvery')).toMatchObject({ widget: 'number', value_type: 'int', min: 1 });
    expect(fieldPaths(formOf(byName('roles'))).get('headcount.current')).toMatchObject({ widget: 'number', value_type: 'int', min: 0 });
  });

  it('edits lists of objects, the two list files as one list each, site.yaml as one file and bodies as Markdown (.mdx as text)', () => {
    const plan = fieldPaths(formOf(byName('plans')));
    for (const path of ['months', 'stages', 'stages[].budget', 'fixedCosts']) expect(plan.get(path)!.widget, path).toBe('list');
    for (const name of ['glossary', 'cadence']) {
      const [items] = formOf(byName(name));
      expect(items).toMatchObject({ widget: 'list', root: true });
    }
    expect((byName('site').files as { file: string }[])[0]!.file).toBe('content/site.yaml');
    expect(formOf(byName('sops')).at(-1)).toMatchObject({ name: 'body', widget: 'markdown' });
    expect(formOf(byName('sops-mdx')).at(-1)).toMatchObject({ name: 'body', widget: 'text' });
    expect(formOf(byName('departments')).some((f) => f.name === 'body')).toBe(false);
    expect(formOf(byName('plans-yaml')).some((f) => f.name === 'body')).toBe(false);
    expect(formOf(byName('plans')).at(-1)).toMatchObject({ name: 'body', widget: 'markdown' });
  });

  it("reads each collection through Opsbook's own file format (in-place YAML edits)", () => {
    const formats = editorFormats();
    for (const collection of config.collections) {
      const format = (collection.files as { format: string }[] | undefined)?.[0]?.format ?? collection.format;
      expect(format, collection.name).toBe(formatName(collection.name));
      expect(formats[format as string], collection.name).toBeDefined();
    }
    expect(formats['opsbook-sops']).toEqual({ extension: 'md', kind: { frontMatter: true, shorthands: [{ path: ['steps'], key: 'do' }] } });
    expect(formats['opsbook-plans-yaml']!.kind.frontMatter).toBe(false);
    expect(formats['opsbook-plans']!.kind.frontMatter).toBe(true);
    expect(formats['opsbook-glossary']!.kind.listField).toBe('items');
  });

  it("is valid for Sveltia CMS (the package's own JSON Schema), in every locale and with each Git host", () => {
    const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
    const validate = ajv.compile(JSON.parse(readFileSync(`${cmsPackageDir()}/schema/sveltia-cms.json`, 'utf8')));
    const editors = [
      undefined,
      { backend: 'forgejo', repo: 'ops/handbook', baseUrl: 'https://git.example.com/', branch: 'main', contentPath: 'handbook/content' },
      { backend: 'gitlab', repo: 'ops/handbook', baseUrl: 'https://gitlab.example.com', branch: 'main', contentPath: 'content', appId: 'abc' },
      { backend: 'github', repo: 'ops/handbook', branch: 'main', contentPath: 'content' },
    ] as const;
    for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
      for (const editor of editors) {
        const valid = validate(cmsConfig({ locale, editor }));
        expect(validate.errors ?? [], `${locale} ${editor?.backend}`).toEqual([]);
        expect(valid).toBe(true);
      }
    }
  });

  it("names the Git host of site.yaml's editor, and its content folder", () => {
    const forgejo = cmsConfig({
      locale: 'zh-CN',
      editor: { backend: 'forgejo', repo: 'ops/handbook', baseUrl: 'https://git.example.com/', branch: 'main', contentPath: 'handbook/content', appId: 'id-1' },
    });
    expect(forgejo.backend).toMatchObject({
      name: 'gitea',
      repo: 'ops/handbook',
      base_url: 'https://git.example.com',
      api_root: 'https://git.example.com/api/v1',
      app_id: 'id-1',
    });
    expect(byNameIn(forgejo, 'sops').folder).toBe('handbook/content/sops');
    expect((byNameIn(forgejo, 'glossary').files as { file: string }[])[0]!.file).toBe('handbook/content/glossary.yaml');
    const gitlab = cmsConfig({
      locale: 'zh-CN',
      editor: { backend: 'gitlab', repo: 'ops/handbook', baseUrl: 'https://gitlab.example.com', branch: 'main', contentPath: 'content', appId: 'x' },
    });
    expect(gitlab.backend).toMatchObject({ name: 'gitlab', api_root: 'https://gitlab.example.com/api/v4', auth_type: 'pkce' });
  });

  it('is written as YAML that reads back the same', () => {
    const text = cmsConfigYaml({ locale: 'zh-CN' });
    expect(text.startsWith('# Generated by Opsbook')).toBe(true);
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(config)));
  });
});

function byNameIn(c: { collections: CmsCollection[] }, name: string): CmsCollection {
  return c.collections.find((x) => x.name === name)!;
}
