/**
 * The browser editor (/admin/, Sveltia CMS served by the site) in real Chromium, on the built sample:
 * it loads in Chinese from the site's own files, lists every collection, shows an SOP's values; then,
 * in local-folder mode on a copy of content/ in the browser's origin-private file system (handed to the
 * CMS instead of the native folder picker, which headless Chromium cannot show), it changes an SOP,
 * adds a glossary term and creates an SOP. The saved files must pass `npm run check`, and a build of
 * them shows each change.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectErrors, useSampleSite } from './browser.ts';
import { buildSite, page as builtPage, textOf } from '../build/helpers.ts';

const site = useSampleSite();
const SHOTS = 'test-results/editor';

/** The files of content/ the editor edits (actuals/ holds exports in other encodings), by their path from the project's root. */
function contentFiles(dir = 'content', prefix = 'content/'): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'actuals') Object.assign(files, contentFiles(full, `${prefix}${name}/`));
    } else if (/\.(md|mdx|yaml|yml)$/.test(name)) files[`${prefix}${name}`] = readFileSync(full, 'utf8');
  }
  return files;
}

function titleOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  return (parse(text.split(/^---$/m)[1]!) as { title: string }).title;
}

let context: BrowserContext;
let page: Page;
let errors: string[];
const foreign: string[] = [];

/** The project folder in the origin-private file system: a `.git` (the CMS asks for a repository root) and content/. */
async function seedProject(files: Record<string, string>): Promise<void> {
  await page.evaluate(async (files) => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry('project', { recursive: true }).catch(() => undefined);
    const project = await root.getDirectoryHandle('project', { create: true });
    await project.getDirectoryHandle('.git', { create: true });
    for (const [file, text] of Object.entries(files)) {
      const parts = file.split('/');
      let dir = project;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    }
    // What the person would pick in the folder dialog.
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () => project;
  }, files);
}

/** content/ as the CMS left it in the origin-private file system. */
async function savedFiles(): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const out: Record<string, string> = {};
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else out[`${prefix}${name}`] = await (await (handle as FileSystemFileHandle).getFile()).text();
      }
    };
    const project = await (await navigator.storage.getDirectory()).getDirectoryHandle('project');
    await walk(await project.getDirectoryHandle('content'), 'content/');
    return out;
  });
}

async function openEntry(hash: string): Promise<void> {
  await page.goto(`${site.server.url}/admin/${hash}`);
  await page.getByRole('button', { name: '保存' }).waitFor();
}

/**
 * Adds an item to a list of the form and returns its first field: the form renders fields as they
 * scroll into view, so wait for the new, empty one at the end.
 */
async function addItem(button: RegExp, field: string) {
  await page.getByRole('button', { name: button }).scrollIntoViewIfNeeded();
  const fields = page.getByRole('textbox', { name: field, exact: true });
  const before = await fields.count();
  await page.getByRole('button', { name: button }).click();
  await expect.poll(async () => (await fields.count()) > before || (before > 0 && (await fields.last().inputValue()) === '')).toBe(true);
  await expect.poll(async () => fields.last().inputValue()).toBe('');
  return fields.last();
}

async function save(): Promise<void> {
  await page.getByRole('button', { name: '保存' }).click();
  // Saved: the CMS leaves the editor for the collection's list.
  await page.waitForURL((url) => !/\/new$|\/entries\//.test(url.hash), { timeout: 15_000 });
}

const original = contentFiles();
const changed = new Set(['content/sops/first-reply-20s.md', 'content/glossary.yaml', 'content/sops/tui-kuan-shen-he.md']);

beforeAll(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  context = await site.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  errors = collectErrors(page);
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(site.server.url) && !/^(blob|data):/.test(url)) foreign.push(url);
  });
  await page.goto(`${site.server.url}/admin/`);
  await seedProject(original);
});

afterAll(async () => {
  await context?.close();
});

describe('the browser editor', () => {
  it('loads in Chinese from the site alone, without console errors, and opens the local folder', async () => {
    await page.getByRole('button', { name: '使用本地仓库' }).click();
    await page.getByRole('button', { name: '显示账户菜单' }).waitFor();
    expect(await page.title()).toContain('在浏览器里编辑');
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('lists every collection by its Chinese name', async () => {
    const names = ['站点', '部门', '岗位', '岗位（MDX）', 'SOP', 'SOP（MDX）', '运营计划', '运营计划（YAML）', '术语表', '工作节奏'];
    // The collection list: one line per collection (its name, then its number of entries).
    const lines = async () => (await page.locator('body').innerText()).split('\n').map((line) => line.trim());
    await expect.poll(lines, { timeout: 15_000 }).toContain('工作节奏');
    for (const name of names) expect(await lines(), name).toContain(name);
    await page.goto(`${site.server.url}/admin/#/collections/sops`);
    await page.getByText('首次响应 20 秒').first().waitFor();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `${SHOTS}/editor-list.png` });
  });

  it("shows first-reply-20s's values in the SOP form, and offers the roles by title for its owner", async () => {
    await openEntry('#/collections/sops/entries/first-reply-20s');
    expect(await page.getByRole('textbox', { name: '流程名称' }).inputValue()).toBe('首次响应 20 秒');
    expect(await page.getByRole('textbox', { name: '什么时候开始做' }).inputValue()).toBe('买家在旺旺或千牛上发来第一条消息时');
    expect(await page.getByRole('textbox', { name: '时限' }).inputValue()).toBe('20s');
    expect(await page.getByRole('combobox', { name: '负责到底的岗位' }).innerText()).toContain('售前客服（presales-cs）');
    expect(await page.getByRole('combobox', { name: '频率' }).innerText()).toContain('按需（on-event）');
    const form = await page.getByRole('group').first().innerText();
    expect(form).toContain('客服主管（cs-lead）'); // participants, an .mdx role
    // Opening an entry is a view transition from the list: let it finish before the picture.
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `${SHOTS}/editor-sop.png` });
    await page.getByRole('button', { name: /添加.*按顺序的步骤/ }).scrollIntoViewIfNeeded();
    const steps = page.getByRole('textbox', { name: '这一步做什么', exact: true });
    expect(await steps.first().inputValue()).toBe('上班后立即登录千牛，状态设为在线，确认消息提醒声音已打开');

    await page.getByRole('combobox', { name: '负责到底的岗位' }).click();
    // An option's text ends with the icon name of its tick (check) when it is the one chosen.
    const offered = (await page.getByRole('option').allInnerTexts()).map((text) => text.split('\n')[0]!.trim());
    await page.keyboard.press('Escape');
    const roles = readdirSync('content/roles').map((name) => `${titleOf(`content/roles/${name}`)}（${name.replace(/\.mdx?$/, '')}）`);
    expect(roles.length).toBe(11);
    for (const role of roles) expect(offered, role).toContain(role);
  });

  it('changes the title of an SOP and adds a step whose doer is picked from the list', async () => {
    await openEntry('#/collections/sops/entries/first-reply-20s');
    await page.getByRole('textbox', { name: '流程名称' }).fill('首次响应 20 秒（新版）');
    await (await addItem(/添加.*按顺序的步骤/, '这一步做什么')).fill('下班前把未回复的会话交接给客服主管');
    await page.getByRole('combobox', { name: '谁做' }).last().click();
    await page.getByRole('option', { name: '客服主管（cs-lead）' }).click();
    await save();
    const text = (await savedFiles())['content/sops/first-reply-20s.md']!;
    const before = original['content/sops/first-reply-20s.md']!;
    // Only the title's line and the new step differ: the rest reads back byte for byte.
    expect(text).toBe(
      before
        .replace('title: 首次响应 20 秒\n', 'title: 首次响应 20 秒（新版）\n')
        .replace('    by: cs-lead\nkpis:', '    by: cs-lead\n  - do: 下班前把未回复的会话交接给客服主管\n    by: cs-lead\nkpis:'),
    );
  });

  it('adds a glossary term', async () => {
    await openEntry('#/collections/glossary/entries/glossary');
    await (await addItem(/添加.*一条/, '术语')).fill('退款率');
    await page.getByRole('textbox', { name: '解释', exact: true }).last().fill('退款订单占全部订单的比例，售后的核心指标之一。');
    await save();
    const text = (await savedFiles())['content/glossary.yaml']!;
    const before = original['content/glossary.yaml']!;
    expect(text).toBe(`${before}- term: 退款率\n  definition: 退款订单占全部订单的比例，售后的核心指标之一。\n`);
  });

  it('creates a new SOP, its file name suggested from the Chinese title', async () => {
    await openEntry('#/collections/sops/new');
    await page.getByRole('textbox', { name: '流程名称' }).fill('退款审核');
    // The suggestion appears in the CMS's slug panel.
    await page.getByText('tui-kuan-shen-he', { exact: true }).waitFor();
    await page.getByRole('combobox', { name: '负责到底的岗位' }).click();
    await page.getByRole('option', { name: '售后客服（aftersales-cs）' }).click();
    await (await addItem(/添加.*按顺序的步骤/, '这一步做什么')).fill('核对订单和退款原因');
    await save();
    const text = (await savedFiles())['content/sops/tui-kuan-shen-he.md'];
    expect(text).toBe('---\ntitle: 退款审核\nowner: aftersales-cs\nsteps:\n  - 核对订单和退款原因\n---\n');
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });

  describe('the saved files', () => {
    let folder: string;
    beforeAll(async () => {
      folder = mkdtempSync(path.join(os.tmpdir(), 'opsbook-editor-'));
      cpSync('content', folder, { recursive: true });
      const saved = await savedFiles();
      // Files the CMS did not touch read back as they were.
      for (const [file, text] of Object.entries(original)) if (!changed.has(file)) expect(saved[file], file).toBe(text);
      for (const file of changed) {
        const text = saved[file]!;
        const target = path.join(folder, file.replace(/^content\//, ''));
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, text);
      }
    });
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('pass npm run check', () => {
      const run = spawnSync(process.execPath, ['src/check/cli.ts', '--content', folder, '--json'], {
        encoding: 'utf8',
        env: { ...process.env, OPSBOOK_TODAY: '2026-11-25' },
      });
      const problems = (JSON.parse(run.stdout) as { problems: { severity: string; file: string; message: string }[] }).problems;
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(run.status).toBe(0);
    });

    it('build into pages that show each change (the new SOP on its owner’s role page)', () => {
      const build = buildSite(folder);
      expect(build.code, build.output).toBe(0);
      try {
        const sop = textOf(builtPage(build.outDir, 'sops/first-reply-20s'));
        expect(sop).toContain('首次响应 20 秒（新版）');
        expect(sop).toContain('下班前把未回复的会话交接给客服主管');
        expect(textOf(builtPage(build.outDir, 'glossary'))).toContain('退款率');
        expect(textOf(builtPage(build.outDir, 'sops/tui-kuan-shen-he'))).toContain('核对订单和退款原因');
        expect(textOf(builtPage(build.outDir, 'roles/aftersales-cs'))).toContain('退款审核');
      } finally {
        rmSync(build.outDir, { recursive: true, force: true });
      }
    });
  });
});

describe('the admin page', () => {
  it("speaks the site's language in a browser set to another one", async () => {
    const english = await site.browser.newContext({ locale: 'en-US' });
    const other = await english.newPage();
    const found = collectErrors(other);
    await other.goto(`${site.server.url}/admin/`);
    await other.getByRole('button', { name: '使用本地仓库' }).waitFor();
    expect(found).toEqual([]);
    await english.close();
  });

  it('is kept out of the search index and away from crawlers', () => {
    const dist = inject('sampleDist');
    const html = readFileSync(path.join(dist, 'admin/index.html'), 'utf8');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).not.toContain('data-pagefind-body');
    // Its own policy, not the pages' (which would block the CMS's styles): exactly one.
    expect(html.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(html).toContain("style-src 'self' 'unsafe-inline'");
    expect(readFileSync(path.join(dist, 'admin/config.yml'), 'utf8')).toContain('label: 术语表');
  });
});
