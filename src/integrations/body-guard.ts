/**
 * The build's half of "content is data": a Sätteri hast plugin (the hast tree
 * a rehype plugin sees; see rehype-glossary-links.ts for why not rehype) that
 * runs first on every Markdown and MDX body and replaces its tree with the one
 * src/domain/html/guard.ts allows: HTML through the allowlist's sanitizer, and
 * in MDX no import/export, {expression} or expression attribute unless
 * site.yaml says `mdx: { code: true }`. MDX compiles the tree after the hast
 * plugins, so what is removed here is never turned into JavaScript: a body
 * that got past the checker still runs nothing, on the site or the build machine.
 */
import type { AstroIntegration } from 'astro';
import type { Root } from 'hast';
import type { HastPluginDefinition, HastPluginEntry } from 'satteri';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { contentDir } from './content-dir.ts';
import { guardTree, MAY_NEED_GUARD } from '../domain/html/guard.ts';
import { MDX_COMPONENTS } from '../mdx/components.ts';
import { site as siteSchema } from '../schema/collections.ts';

const NAME = 'opsbook-body-guard';

/** Bumped when what the guard lets through changes, so Astro's content cache is dropped. */
const GUARD_VERSION = 1;

/** site.yaml's `mdx.code`, read the way the checker reads it; anything unreadable means no code. */
export function readMdxCode(folder: string): boolean {
  const file = path.join(folder, 'site.yaml');
  if (!existsSync(file)) return false;
  try {
    const parsed = siteSchema.safeParse(parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')));
    return parsed.success && parsed.data.mdx.code === true;
  } catch {
    return false;
  }
}

/** A plain copy of Sätteri's lazily read tree, which the guard may rewrite. */
function plain(node: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['type', 'tagName', 'properties', 'value', 'name', 'attributes', 'data', 'position']) {
    if (node[key] !== undefined) out[key] = structuredClone(node[key]);
  }
  if (Array.isArray(node.children)) out.children = node.children.map((child) => plain(child as Record<string, unknown>));
  return out;
}

export function bodyGuardPlugin(options: { allowCode: boolean }): HastPluginDefinition {
  return {
    name: `${NAME}@${GUARD_VERSION}${options.allowCode ? '-code' : ''}`,
    before(root, ctx) {
      // A `layout:` in an .mdx file's front matter makes @astrojs/mdx import that module into the page: code.
      const frontmatter = (ctx.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
      if (!options.allowCode && frontmatter && Object.hasOwn(frontmatter, 'layout')) delete frontmatter.layout;
      if (!MAY_NEED_GUARD.test(ctx.source)) return;
      const format = ctx.sourceFormat === 'mdx' ? 'mdx' : 'markdown';
      const { tree, changed } = guardTree(plain(root as unknown as Record<string, unknown>) as unknown as Root, {
        format,
        allowCode: options.allowCode,
        components: MDX_COMPONENTS,
      });
      if (changed) ctx.replaceNode(root, tree);
    },
  };
}

/** Puts the guard first among the Markdown processor's hast plugins (Markdown and MDX). */
export default function bodyGuard(): AstroIntegration {
  return {
    name: NAME,
    hooks: {
      'astro:config:setup': ({ config, addWatchFile }) => {
        const root = contentDir();
        addWatchFile(path.join(root, 'site.yaml'));
        const processor = config.markdown.processor as { name: string; options: { hastPlugins?: HastPluginEntry[] } };
        // Without Sätteri the guard could not run: refuse to build rather than publish unguarded bodies.
        if (processor.name !== 'satteri') throw new Error(`${NAME} needs the Sätteri Markdown processor; "${processor.name}" is configured.`);
        const plugins = (processor.options.hastPlugins ??= []);
        const existing = plugins.findIndex((p) => typeof p === 'object' && p !== null && 'name' in p && String(p.name).startsWith(NAME));
        if (existing >= 0) plugins.splice(existing, 1);
        plugins.unshift(bodyGuardPlugin({ allowCode: readMdxCode(root) }));
      },
    },
  };
}
