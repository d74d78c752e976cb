/**
 * The browser editor's files, served by the site itself under /admin/cms/: Sveltia CMS's prebuilt
 * bundle (version pinned in package.json), its React chunk, its UI strings and its fonts. As packaged,
 * the bundle fetches its locale strings from unpkg, its fonts from jsDelivr and its code-highlighting
 * engine from unpkg at run time; here each of those addresses is rewritten to the site's own copy of
 * the same file from the npm package. Every rewrite must match exactly as often as expected: a new
 * version of the bundle that moved one fails the build here instead of loading from a CDN.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** An installed package's folder, as Node would find it from `from` (its exports map hides package.json). */
function packageDir(name: string, from?: string): string {
  const paths = require.resolve.paths(name) ?? [];
  const candidates = from ? [path.join(from, 'node_modules'), ...paths] : paths;
  const found = candidates.map((dir) => path.join(dir, name)).find((dir) => existsSync(path.join(dir, 'package.json')));
  if (!found) throw new Error(`${name} is not installed (npm ci)`);
  return found;
}

/** The installed package's folder (node_modules/@sveltia/cms). */
export function cmsPackageDir(): string {
  return packageDir('@sveltia/cms');
}

export function cmsVersion(): string {
  return (JSON.parse(readFileSync(path.join(cmsPackageDir(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The CMS's UI languages the site serves: one per site locale. */
export const CMS_UI_LOCALES = ['zh-CN', 'zh-TW', 'en-US'] as const;

/** Code-highlighting grammars served (a body's ```yaml block); other languages stay plain text. */
const SHIKI_LANGS = ['yaml', 'json', 'markdown', 'shellscript', 'html', 'css', 'javascript', 'typescript', 'csv', 'xml', 'sql', 'python'];

export interface CmsAsset {
  /** Path under /admin/cms/. */
  readonly path: string;
  readonly type: string;
  readonly body: () => string | Uint8Array;
}

interface Rewrite {
  readonly what: string;
  readonly pattern: RegExp;
  readonly count: number;
  readonly replace: (match: string, ...groups: string[]) => string;
}

/** The fonts of the package's npm build (the same fontsource files the CDN serves), by their unhashed name. */
function fontFiles(): Map<string, string> {
  const assets = path.join(cmsPackageDir(), 'npm', 'assets');
  const fonts = new Map<string, string>();
  for (const name of readdirSync(assets)) {
    const match = /^(.+)-[A-Za-z0-9_-]{8}\.woff2$/.exec(name);
    if (match) fonts.set(`${match[1]}.woff2`, path.join(assets, name));
  }
  return fonts;
}

function shikiDir(part: 'langs' | 'themes'): string {
  return path.join(packageDir(`@shikijs/${part}`, cmsPackageDir()), 'dist');
}

function shikiEngine(): string {
  const chunks = path.join(cmsPackageDir(), 'npm', 'chunks');
  const name = readdirSync(chunks).find((file) => /^shiki-engine-.+\.js$/.test(file));
  if (!name) throw new Error('@sveltia/cms: no shiki engine chunk in npm/chunks');
  return path.join(chunks, name);
}

/** The rewrites of the bundle's CDN addresses; `cmsBase` is the URL path of /admin/cms/ (with the site's base). */
function rewrites(cmsBase: string, fonts: Map<string, string>): Rewrite[] {
  return [
    {
      what: 'locale strings (unpkg)',
      // GSe=`${iP}@${rP}/locales` where iP is https://unpkg.com/@sveltia/cms
      pattern: /=`\$\{(\w+)\}@\$\{(\w+)\}\/locales`/g,
      count: 1,
      replace: () => `=\`${cmsBase}locales\``,
    },
    {
      what: 'version check (unpkg)',
      // the bundle compares its version with the newest on unpkg; here with the pinned one (version.json)
      pattern: /=`\$\{(\w+)\}\/package\.json`/g,
      count: 1,
      replace: () => `=\`${cmsBase}version.json\``,
    },
    {
      what: 'fonts (jsDelivr)',
      pattern: /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[\d.]+\/([a-z0-9-]+)\.woff2/g,
      count: 3,
      replace: (_match, family, file) => {
        const name = `${family}-${file}.woff2`;
        if (!fonts.has(name)) throw new Error(`@sveltia/cms: the bundle loads font ${name}, which its npm build does not hold`);
        return `${cmsBase}fonts/${name}`;
      },
    },
    {
      what: 'code highlighting grammars and themes (unpkg)',
      pattern: /`https:\/\/unpkg\.com\/@shikijs`/g,
      count: 1,
      replace: () => `\`${cmsBase}shiki\``,
    },
    {
      what: 'code highlighting engine (unpkg)',
      pattern: /\$\{(\w+)\}@\$\{(\w+)\}\/dist\/shiki-engine\.js/g,
      count: 1,
      replace: () => `${cmsBase}shiki/engine.js`,
    },
  ];
}

/** The bundle with its CDN addresses pointing at the site's copies. */
export function patchedBundle(source: string, cmsBase: string, fonts = fontFiles()): string {
  let out = source;
  for (const rewrite of rewrites(cmsBase, fonts)) {
    const found = out.match(rewrite.pattern)?.length ?? 0;
    if (found !== rewrite.count) {
      throw new Error(`@sveltia/cms ${cmsVersion()}: expected ${rewrite.count} address(es) of its ${rewrite.what} in the bundle, found ${found}`);
    }
    out = out.replace(rewrite.pattern, rewrite.replace as (match: string, ...groups: string[]) => string);
  }
  return out;
}

/** `${name}@${version}/langs` → the served file paths: the bundle asks for langs@<v>/dist/<lang>.mjs. */
function shikiVersion(part: 'langs' | 'themes'): string {
  return (JSON.parse(readFileSync(path.join(shikiDir(part), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** Every file of /admin/cms/ (paths relative to it). */
export function cmsAssets(cmsBase: string): CmsAsset[] {
  const dir = cmsPackageDir();
  const fonts = fontFiles();
  const js = 'text/javascript; charset=utf-8';
  const assets: CmsAsset[] = [
    // The classic-script build (not the ES module): it starts itself, as the CMS's documentation shows.
    { path: 'sveltia-cms.js', type: js, body: () => patchedBundle(readFileSync(path.join(dir, 'dist', 'sveltia-cms.js'), 'utf8'), cmsBase, fonts) },
    { path: 'version.json', type: 'application/json', body: () => JSON.stringify({ version: cmsVersion() }) },
    { path: 'chunks/react-dom.js', type: js, body: () => readFileSync(path.join(dir, 'dist', 'chunks', 'react-dom.js')) },
    { path: 'shiki/engine.js', type: js, body: () => readFileSync(shikiEngine()) },
    { path: 'LICENSE.txt', type: 'text/plain; charset=utf-8', body: () => readFileSync(path.join(dir, 'LICENSE.txt')) },
  ];
  for (const locale of CMS_UI_LOCALES) {
    assets.push({ path: `locales/${locale}.json`, type: 'application/json', body: () => readFileSync(path.join(dir, 'locales', `${locale}.json`)) });
  }
  for (const [name, file] of fonts) assets.push({ path: `fonts/${name}`, type: 'font/woff2', body: () => readFileSync(file) });
  const langs = shikiDir('langs');
  const langVersion = shikiVersion('langs');
  const wanted = new Set<string>();
  const addLang = (lang: string) => {
    if (wanted.has(lang) || !existsSync(path.join(langs, `${lang}.mjs`))) return;
    wanted.add(lang);
    // A grammar imports the grammars it embeds (markdown → html, css, …): serve those too.
    for (const match of readFileSync(path.join(langs, `${lang}.mjs`), 'utf8').matchAll(/from '\.\/([a-z0-9-]+)\.mjs'/g)) addLang(match[1]!);
  };
  SHIKI_LANGS.forEach(addLang);
  for (const lang of wanted) {
    assets.push({ path: `shiki/langs@${langVersion}/dist/${lang}.mjs`, type: js, body: () => readFileSync(path.join(langs, `${lang}.mjs`)) });
  }
  const themes = shikiDir('themes');
  const themeVersion = shikiVersion('themes');
  for (const theme of ['github-light', 'github-dark']) {
    assets.push({ path: `shiki/themes@${themeVersion}/dist/${theme}.mjs`, type: js, body: () => readFileSync(path.join(themes, `${theme}.mjs`)) });
  }
  return assets;
}
