/**
 * Content is data. Text from YAML stays text; HTML in Markdown and MDX bodies is cut to the allowlist even
 * when the check is bypassed; MDX code never runs on the build machine unless site.yaml opts in; the CSP of
 * every page allows Opsbook's own scripts only.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { buildSite, htmlFiles, page, withAstroLane } from './helpers.ts';
import { hostileHandbook } from './hostile.ts';
import { inlineScriptHashes, OWN_SCRIPT_HASHES } from '../../src/integrations/html-hardening.ts';

const EVIL = '<script>alert(1)</script>"onload="alert(2)" <img src=x onerror=alert(3)>';
const evil = (label: string) => `${label}${EVIL}`;

function frontMatter(data: object, body = ''): string {
  return `---\n${stringify(data)}---\n${body}`;
}

describe('hostile text in every string field', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'opsbook-evil-'));
  cpSync('test/fixtures/base', dir, { recursive: true });
  writeFileSync(path.join(dir, 'site.yaml'), stringify({ name: evil('手册'), organization: evil('团队'), description: evil('说明'), locale: 'zh-CN' }));
  writeFileSync(path.join(dir, 'departments/ops.yaml'), stringify({ name: evil('运营'), summary: evil('摘要'), lead: 'boss', order: 1 }));
  writeFileSync(
    path.join(dir, 'roles/boss.md'),
    frontMatter(
      {
        title: evil('总监'),
        department: 'ops',
        level: 'senior',
        holders: [evil('小岑')],
        summary: evil('一句话'),
        responsibilities: [evil('职责')],
        requirements: [evil('要求')],
        tools: [evil('工具'), '直通车'],
        kpis: [{ name: evil('纠纷率'), target: evil('3'), unit: evil('%'), better: 'lower' }],
      },
      '\n[点我](javascript:alert(4)) 和 <a href="javascript:alert(5)">这个</a>，还有直通车。\n',
    ),
  );
  writeFileSync(
    path.join(dir, 'sops/first-reply.md'),
    frontMatter(
      {
        title: evil('首次响应'),
        owner: 'agent',
        participants: ['boss'],
        trigger: evil('触发'),
        frequency: 'daily',
        sla: '20s',
        steps: [evil('步骤'), { do: evil('做'), by: 'boss', note: evil('备注') }],
        tags: [evil('标签')],
        updated: '2026-06-01',
      },
      '\n正文\n',
    ),
  );
  writeFileSync(
    path.join(dir, 'plans/year.yaml'),
    stringify({
      title: evil('计划'),
      store: evil('店'),
      period: { start: '2014-01', end: '2014-01' },
      months: [{ month: '2014-01', revenue: '15万', marketing: '4.5万' }],
      stages: [
        {
          id: 'a',
          name: evil('阶段'),
          start: '2014-01',
          end: '2014-01',
          summary: evil('概要'),
          goals: [evil('目标')],
          budget: [{ item: evil('项目'), amount: '4.5万', note: evil('说明') }],
          milestones: [{ month: '2014-01', title: evil('里程碑') }],
        },
      ],
      fixedCosts: [{ item: evil('软件'), amount: '待定', per: 'year', note: evil('注') }],
      roi: { below: evil('差'), bands: [{ min: 3, label: evil('及格') }] },
    }),
  );
  writeFileSync(path.join(dir, 'glossary.yaml'), stringify([{ term: '直通车', aliases: [evil('别名')], definition: evil('定义') }]));
  writeFileSync(path.join(dir, 'cadence.yaml'), stringify([{ title: evil('复盘'), every: 'weekday', at: '17:30', owner: 'boss' }]));

  // The role body's javascript: links are check errors now (html.url); the build's own defences are what is tested here.
  const built = buildSite(dir, {}, { config: 'test/build/unchecked.config.mjs' });

  it('builds (with the check reporting the javascript: links of the body)', () => {
    expect(built.code, built.output).toBe(0);
    expect(built.output).toContain('roles/boss.md:22');
    expect(built.output).toContain('[html.url]');
  });

  it('escapes the text everywhere and drops javascript: URLs', () => {
    // The browser editor (/admin/) has its own policy: test/unit/editor/cms-assets.test.ts, test/e2e/editor.test.ts.
    const pages = htmlFiles(built.outDir).filter((f) => !f.includes(`${path.sep}pagefind${path.sep}`) && !f.includes(`${path.sep}admin${path.sep}`));
    expect(pages.length).toBeGreaterThan(5);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const where = path.relative(built.outDir, file);
      // Inside a double-quoted attribute value the text is inert (its quotes are escaped): look at markup only.
      const markup = html.replace(/="[^"]*"/g, '=""');
      expect(markup, where).not.toContain('<script>alert');
      expect(markup, where).not.toMatch(/<img src=x/);
      expect(markup, where).not.toMatch(/<[a-z][^>]*\son(load|error)=/i);
      // The guide explains javascript: links in text; no attribute may hold one.
      expect(html, where).not.toMatch(/=\s*"\s*javascript:/i);
    }
    const role = readFileSync(path.join(built.outDir, 'roles/boss/index.html'), 'utf8');
    expect(role).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it("puts a CSP in every page that allows Opsbook's own inline scripts only, which are the only ones there", () => {
    // The browser editor (/admin/) has its own policy: test/unit/editor/cms-assets.test.ts, test/e2e/editor.test.ts.
    const pages = htmlFiles(built.outDir).filter((f) => !f.includes(`${path.sep}pagefind${path.sep}`) && !f.includes(`${path.sep}admin${path.sep}`));
    expect(pages.length).toBeGreaterThan(5);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
      expect(policy, file).toBeDefined();
      const scriptSrc = policy!.split('; ').find((d) => d.startsWith('script-src '))!;
      expect(scriptSrc).toBe(`script-src 'self' 'wasm-unsafe-eval' ${OWN_SCRIPT_HASHES.join(' ')}`);
      for (const hash of inlineScriptHashes(html)) expect(OWN_SCRIPT_HASHES, file).toContain(hash);
      expect(policy).toContain("style-src 'self';");
      expect(html, file).not.toMatch(/<style[\s>]/);
      expect(policy!.replace("img-src 'self' data: https:", '')).not.toMatch(/https?:/);
    }
    expect(built.output.split('\n').filter((line) => line.includes("not Opsbook's own"))).toEqual([]);
  });
});

describe('hostile HTML in bodies', () => {
  const dir = hostileHandbook();

  it('fails the check, and the build, with an error at each line', () => {
    const built = buildSite(dir);
    expect(built.code).not.toBe(0);
    for (const at of ['sops/hostile-md.md:10', 'sops/hostile-md.md:30', 'sops/hostile-md.md:36', 'sops/hostile-mdx.mdx:10', 'sops/hostile-mdx.mdx:22'])
      expect(built.output).toContain(at);
    expect(built.output).toContain('[html.element]');
    expect(built.output).toContain('[html.attribute]');
    expect(built.output).toContain('[html.url]');
  });

  it('with the check bypassed, publishes the text and nothing that runs', () => {
    const built = buildSite(dir, {}, { config: 'test/build/unchecked.config.mjs' });
    expect(built.code, built.output).toBe(0);
    for (const route of ['sops/hostile-md', 'sops/hostile-mdx']) {
      const html = page(built.outDir, route);
      // The page's own 本页目录 fold (shown once a page has three sections: the 变更记录 made it three here) carries
      // Opsbook's icon; everything else in <main> is checked.
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>')).replace(/<details class="toc-fold"[\s\S]*?<\/details>/, '');
      expect(main).toContain('保留的文字');
      expect(main).toContain('还在');
      expect(main, route).not.toMatch(
        /<(?:script|style|iframe|object|embed|form|meta|base|svg|button)\b|\son[a-z]+=|\sstyle=|javascript:|data:text|srcdoc|pwned|evil\.example/i,
      );
    }
  });
});

describe('MDX code on the build machine', () => {
  const SECRET = `opsbook-secret-${process.pid}`;
  const hostname = readFileSync('/etc/hostname', 'utf8').trim();
  const body = `import fs from 'node:fs'

主机：{fs.readFileSync('/etc/hostname', 'utf8')}

密钥：{process.env.OPSBOOK_TEST_SECRET}
`;
  const content = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'opsbook-mdx-code-'));
    cpSync('test/fixtures/base', dir, { recursive: true });
    writeFileSync(path.join(dir, 'sops/leak.mdx'), `---\ntitle: 读文件和环境变量\nowner: agent\nsteps:\n  - 第一步\n---\n\n${body}`);
    return dir;
  };
  const build = (dir: string, dist: string) =>
    withAstroLane((root) =>
      spawnSync(process.execPath, ['scripts/build.ts'], {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          OPSBOOK_DIST: dist,
          OPSBOOK_CONTENT: dir,
          OPSBOOK_TEST_SECRET: SECRET,
          OPSBOOK_BUILD_DATE: '2026-11-25',
          OPSBOOK_TODAY: '2026-11-25',
          NO_COLOR: '1',
        },
        maxBuffer: 64 * 1024 * 1024,
      }),
    );

  it('fails the check and publishes nothing', () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'opsbook-leak-'));
    const dist = path.join(parent, 'dist');
    const result = build(content(), dist);
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status).not.toBe(0);
    expect(output).toContain('sops/leak.mdx:8');
    expect(output).toContain('sops/leak.mdx:10');
    expect(output).toContain('sops/leak.mdx:12');
    expect(output).toContain('[mdx.code]');
    expect(existsSync(dist)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
    expect(output).not.toContain(SECRET);
  });

  it('with the check bypassed, the build evaluates nothing: neither the file nor the secret reaches the page', () => {
    const built = buildSite(content(), { OPSBOOK_TEST_SECRET: SECRET }, { config: 'test/build/unchecked.config.mjs' });
    expect(built.code, built.output).toBe(0);
    const html = page(built.outDir, 'sops/leak');
    expect(html).toContain('主机：');
    expect(html).not.toContain(SECRET);
    if (hostname) expect(html).not.toContain(`主机：${hostname}`);
    for (const file of readdirSync(built.outDir, { recursive: true })) {
      const full = path.join(built.outDir, String(file));
      if (/\.(?:html|js|json)$/.test(String(file))) expect(readFileSync(full, 'utf8'), String(file)).not.toContain(SECRET);
    }
  });

  it('does not import a front matter layout (which @astrojs/mdx would) unless the site opts in', () => {
    const layoutContent = (marker: string, optIn: boolean) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'opsbook-layout-'));
      cpSync('test/fixtures/base', dir, { recursive: true });
      writeFileSync(path.join(dir, 'sops/page.mdx'), '---\ntitle: 版式\nowner: agent\nlayout: ./evil.mjs\nsteps:\n  - 第一步\n---\n\n正文。\n');
      writeFileSync(
        path.join(dir, 'sops/evil.mjs'),
        `import fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(marker)}, 'ran');\nexport default function Layout() { return null; }\n`,
      );
      if (optIn) writeFileSync(path.join(dir, 'site.yaml'), `${readFileSync(path.join(dir, 'site.yaml'), 'utf8')}\nmdx:\n  code: true\n`);
      return dir;
    };
    const marker = path.join(mkdtempSync(path.join(os.tmpdir(), 'opsbook-marker-')), 'ran');
    const checked = buildSite(layoutContent(marker, false));
    expect(checked.code).not.toBe(0);
    expect(checked.output).toContain('sops/page.mdx:4');
    const bypassed = buildSite(layoutContent(marker, false), {}, { config: 'test/build/unchecked.config.mjs' });
    expect(bypassed.code, bypassed.output).toBe(0);
    expect(existsSync(marker)).toBe(false);
    // The same file with the opt-in: the module runs (whatever becomes of the page), so the test above can fail.
    buildSite(layoutContent(marker, true));
    expect(existsSync(marker)).toBe(true);
  });

  it('runs it when site.yaml opts in with mdx: { code: true }', () => {
    const dir = content();
    writeFileSync(path.join(dir, 'site.yaml'), `${readFileSync(path.join(dir, 'site.yaml'), 'utf8')}\nmdx:\n  code: true\n`);
    const parent = mkdtempSync(path.join(os.tmpdir(), 'opsbook-leak-ok-'));
    mkdirSync(path.join(parent, 'dist'));
    const result = build(dir, path.join(parent, 'dist'));
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const html = readFileSync(path.join(parent, 'dist/sops/leak/index.html'), 'utf8');
    expect(html).toContain(`密钥：${SECRET}`);
    if (hostname) expect(html).toContain(`主机：${hostname}`);
  });
});
