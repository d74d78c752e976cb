import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmsAssets, cmsPackageDir, cmsVersion, patchedBundle } from '../../../src/editor/cms-assets.ts';
import { adminBootScript, adminContentSecurityPolicy, gitOrigins } from '../../../src/editor/admin-page.ts';

describe("the editor's files, served by the site", () => {
  const assets = cmsAssets('/handbook/admin/cms/');
  const bundle = assets.find((a) => a.path === 'sveltia-cms.js')!.body() as string;

  it('pins the CMS version of package.json', () => {
    const pinned = (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies['@sveltia/cms'];
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(cmsVersion()).toBe(pinned);
  });

  it('loads its strings, fonts, version check and code highlighting from the site, not from unpkg or jsDelivr', () => {
    expect(bundle).not.toMatch(/cdn\.jsdelivr\.net/);
    expect(bundle).not.toMatch(/unpkg\.com\/@sveltia\/cms@\$\{\w+\}\/locales/);
    expect(bundle).not.toMatch(/unpkg\.com\/@shikijs/);
    expect(bundle).toContain('`/handbook/admin/cms/locales`');
    expect(bundle).toContain('`/handbook/admin/cms/version.json`');
    for (const font of ['source-sans-3-latin-wght-normal', 'noto-mono-latin-400-normal', 'material-symbols-outlined-latin-wght-normal']) {
      expect(bundle).toContain(`/handbook/admin/cms/fonts/${font}.woff2`);
      expect(
        assets.some((a) => a.path === `fonts/${font}.woff2`),
        font,
      ).toBe(true);
    }
    for (const locale of ['zh-CN', 'zh-TW', 'en-US']) expect(assets.some((a) => a.path === `locales/${locale}.json`)).toBe(true);
    expect(JSON.parse(assets.find((a) => a.path === 'version.json')!.body() as string)).toEqual({ version: cmsVersion() });
  });

  it('fails the build when a new bundle moved one of the addresses it rewrites', () => {
    const source = readFileSync(path.join(cmsPackageDir(), 'dist', 'sveltia-cms.js'), 'utf8');
    expect(() => patchedBundle(source.replace(/\/locales`/, '/strings`'), '/admin/cms/')).toThrow(/locale strings/);
    expect(() => patchedBundle(source.replace('cdn.jsdelivr.net/fontsource/fonts/noto-mono', 'example.com/noto-mono'), '/admin/cms/')).toThrow(/fonts/);
  });

  it('has its own CSP: scripts and fonts from the site, connections only to the Git host of site.yaml', () => {
    const local = adminContentSecurityPolicy(undefined);
    expect(local).toContain("script-src 'self';");
    expect(local).toContain("connect-src 'self' blob: data:;");
    expect(local).toContain("frame-src 'none'");
    expect(local).not.toMatch(/unpkg|jsdelivr|unsafe-eval/);
    const forgejo = { backend: 'forgejo', repo: 'ops/handbook', baseUrl: 'https://git.example.com/sub', branch: 'main', contentPath: 'content' } as const;
    expect(gitOrigins(forgejo)).toEqual(['https://git.example.com']);
    expect(adminContentSecurityPolicy(forgejo)).toContain("connect-src 'self' blob: data: https://git.example.com;");
    expect(adminContentSecurityPolicy(undefined, true)).toContain('ws://localhost:*');
  });

  it("starts the CMS in the site's language once Opsbook's file formats are registered", () => {
    const script = adminBootScript('zh-TW');
    expect(script).toContain('window.CMS_MANUAL_INIT = true;');
    expect(script).toContain('locale: "zh-TW"');
    expect(script).toContain('"opsbook-sops":{"extension":"md"');
    expect(script).toContain('"titleLabels":{');
  });
});
