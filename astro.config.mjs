// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import opsbook from './src/integrations/opsbook.ts';
import glossaryLinks from './src/integrations/rehype-glossary-links.ts';
import bodyGuard from './src/integrations/body-guard.ts';
import { deployment } from './src/integrations/deploy.ts';
import { outsideWatchScope } from './src/integrations/watch-scope.ts';
import { contentDir } from './src/integrations/content-dir.ts';

// OPSBOOK_BASE=/handbook/ serves the site under a sub-path; OPSBOOK_SITE=https://… is its public address
// (printed link addresses become absolute; its path is the default base). See README, "Publishing".
const { base, site } = deployment(process.env);
// Astro lets a BASE_URL variable of the environment override import.meta.env.BASE_URL (vitest sets one, some
// CI systems too): every link would then miss the base. The base comes from OPSBOOK_BASE only.
delete process.env.BASE_URL;

export default defineConfig({
  ...(base ? { base } : {}),
  ...(site ? { site } : {}),
  // Plain folders (/roles/x/) make links work from any static host and from dist/ opened as files.
  trailingSlash: 'always',
  // Stylesheets are always files, so the CSP needs no 'unsafe-inline' for <style> (src/integrations/html-hardening.ts).
  build: { format: 'directory', inlineStylesheets: 'never' },
  // bodyGuard() and glossaryLinks() add hast plugins to the Markdown processor (Sätteri), which MDX inherits;
  // the guard goes first, so every body is sanitized (and MDX code removed) before anything else sees it.
  integrations: [opsbook(), bodyGuard(), glossaryLinks(), mdx()],
  // Bodies are text for operations staff: code blocks stay plain (Shiki would add inline styles the guard removes anyway).
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  // The dev server watches the site's source and the content folder only (src/integrations/watch-scope.ts):
  // never dist/, the build's staging folders beside it, or whatever else the project folder holds.
  vite: {
    server: { watch: { ignored: outsideWatchScope(process.cwd(), contentDir()) } },
    // Component scripts are always files too: the CSP hashes only Opsbook's two inline scripts
    // (src/components/layout/inline-scripts.ts), never what Astro would inline into a page.
    build: { assetsInlineLimit: (file) => (/\.(?:js|mjs|css)$/.test(file) ? false : undefined) },
  },
  // Writes .astro/collections/*.schema.json and a file → collection map, which the Astro VS Code extension
  // (setting astro.content-intellisense) uses to check the front matter of roles/sops/plans .md files.
  experimental: { contentIntellisense: true },
});
