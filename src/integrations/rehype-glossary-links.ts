/**
 * Links the first use of each glossary term in a role's, SOP's or plan's body
 * to its glossary entry, with the definition as a CSS-only tooltip:
 *
 *   <span class="term-ref"><a class="term" href="/glossary/#直通车" aria-describedby="term-tip-sops-ztc-daily-1">直通車</a><span
 *     class="term-tip" role="tooltip" id="term-tip-sops-ztc-daily-1" data-pagefind-ignore>直通车：淘宝和天猫站内…</span></span>
 *
 * The tip is a sibling of the link, not inside it, so the link's accessible
 * name stays the word itself and the definition is its description; CSS shows
 * the tip on :hover and :focus-visible (src/styles/terms.css); Pagefind skips it.
 *
 * Astro 7 renders Markdown with Sätteri, not remark/rehype: `markdown.rehypePlugins`
 * would only run after switching the whole pipeline to @astrojs/markdown-remark.
 * So this is a Sätteri hast plugin (the same hast tree a rehype plugin sees),
 * added to the configured processor by the `glossaryLinks()` integration in
 * astro.config.mjs; @astrojs/mdx uses the same processor, so .mdx bodies get it too.
 * The matching itself is src/domain/glossary/term-links.ts.
 */
import type { AstroIntegration } from 'astro';
import type { Element, ElementContent, Root } from 'hast';
import type { HastPluginDefinition, HastPluginEntry } from 'satteri';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { contentDir } from './content-dir.ts';
import { foldScript, scriptVariants } from '../domain/script.ts';
import { routes } from '../domain/urls.ts';
import { glossary as glossarySchema, glossaryTerm, type GlossaryTermData } from '../schema/collections.ts';
import { planTermLinks, termMatcher, tipSeparator, tipText, type TermMatch, type TreeNode } from '../domain/glossary/term-links.ts';

const NAME = 'opsbook-glossary-links';

/** The content folders whose bodies get links. */
export const LINKED_FOLDERS: readonly string[] = ['roles', 'sops', 'plans'];

/**
 * The glossary of a content folder, read the way the checker reads it. Entries
 * that fail the schema are left out here (the checker reports them and stops the build).
 */
export function readGlossary(folder: string): GlossaryTermData[] {
  const file = path.join(folder, 'glossary.yaml');
  if (!existsSync(file)) return [];
  let parsed: unknown;
  try {
    parsed = parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
  const whole = glossarySchema.safeParse(parsed);
  if (whole.success) return whole.data;
  return (Array.isArray(parsed) ? parsed : []).flatMap((item) => {
    const one = glossaryTerm.safeParse(item);
    return one.success ? [one.data] : [];
  });
}

/** Simplified and Traditional spellings of a name (src/domain/script.ts), here for existing imports. */
export { scriptVariants };

export interface GlossaryLinksOptions {
  readonly glossary: readonly GlossaryTermData[];
  /** The site's base path (Astro `base`); links go to <base>glossary/#anchor. */
  readonly base?: string;
  /** The content folder: only bodies in its roles/, sops/ and plans/ get links. Absent: every document. */
  readonly contentRoot?: string;
  /** Extra spellings of each name (default: scriptVariants). */
  readonly variants?: (name: string) => Iterable<string>;
}

/** "sops/ztc-daily" for a body in the content folder's sops/, or undefined when it is not one to link. */
function documentKey(fileURL: URL | undefined, contentRoot: string | undefined): string | undefined {
  if (contentRoot === undefined) return fileURL ? path.basename(fileURLToPath(fileURL)).replace(/\.[^.]+$/, '') : 'body';
  if (!fileURL || fileURL.protocol !== 'file:') return undefined;
  const relative = path.relative(contentRoot, fileURLToPath(fileURL)).split(path.sep);
  if (relative.length !== 2 || !LINKED_FOLDERS.includes(relative[0]!)) return undefined;
  return `${relative[0]}/${relative[1]!.replace(/\.[^.]+$/, '')}`;
}

const idSafe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-');

function linkNodes(match: TermMatch, href: string, id: string): Element {
  const tip = tipText(match);
  const tipChildren: ElementContent[] = tip.lead
    ? [
        { type: 'element', tagName: 'span', properties: { className: ['term-tip-name'] }, children: [{ type: 'text', value: tip.lead }] },
        { type: 'text', value: `${tipSeparator(tip.definition)}${tip.definition}` },
      ]
    : [{ type: 'text', value: tip.definition }];
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['term-ref'] },
    children: [
      { type: 'element', tagName: 'a', properties: { className: ['term'], href, ariaDescribedBy: [id] }, children: [{ type: 'text', value: match.text }] },
      { type: 'element', tagName: 'span', properties: { className: ['term-tip'], role: 'tooltip', id, dataPagefindIgnore: '' }, children: tipChildren },
    ],
  };
}

/** Bumped when what the plugin writes changes (2: no automatic link for a term the body links with <Term>). */
const PLUGIN_VERSION = 2;

/** The Sätteri hast plugin. Its name carries a digest of the glossary, base and version, so Astro's content cache is dropped when one changes. */
export function glossaryLinksPlugin(options: GlossaryLinksOptions): HastPluginDefinition {
  const matcher = termMatcher(options.glossary, { variants: options.variants ?? scriptVariants, fold: foldScript });
  const glossaryPage = routes(options.base ?? '/').glossary;
  const digest = createHash('sha256')
    .update(JSON.stringify([options.glossary, glossaryPage, LINKED_FOLDERS, PLUGIN_VERSION]))
    .digest('hex')
    .slice(0, 12);
  return {
    name: `${NAME}@${digest}`,
    before(root: Readonly<Root>, ctx) {
      if (!matcher.spellings) return;
      const key = documentKey(ctx.fileURL, options.contentRoot);
      if (key === undefined) return;
      const prefix = `term-tip-${idSafe(key.replace('/', '-'))}`;
      let n = 0;
      for (const { node, parts } of planTermLinks(root as TreeNode, matcher)) {
        const replacement: ElementContent[] = parts.map((part) =>
          typeof part === 'string' ? { type: 'text', value: part } : linkNodes(part, `${glossaryPage}#${part.target.anchor}`, `${prefix}-${++n}`),
        );
        ctx.replaceNode(node as Parameters<typeof ctx.replaceNode>[0], replacement);
      }
    },
  };
}

/**
 * The Astro integration: reads contentDir()/glossary.yaml once per build and
 * adds the plugin to the configured Sätteri processor (Markdown and MDX).
 * `astro dev` restarts when the glossary changes.
 */
export default function glossaryLinks(): AstroIntegration {
  return {
    name: NAME,
    hooks: {
      'astro:config:setup': ({ config, addWatchFile, logger }) => {
        const root = contentDir();
        addWatchFile(path.join(root, 'glossary.yaml'));
        const processor = config.markdown.processor as { name: string; options: { hastPlugins?: HastPluginEntry[] } };
        if (processor.name !== 'satteri') {
          logger.warn(`Glossary links need the Sätteri Markdown processor; "${processor.name}" is configured, so bodies are not linked.`);
          return;
        }
        const plugins = (processor.options.hastPlugins ??= []);
        const plugin = glossaryLinksPlugin({ glossary: readGlossary(root), base: config.base, contentRoot: root });
        const existing = plugins.findIndex((p) => typeof p === 'object' && p !== null && 'name' in p && String(p.name).startsWith(NAME));
        if (existing >= 0) plugins.splice(existing, 1, plugin);
        else plugins.push(plugin);
      },
    },
  };
}
