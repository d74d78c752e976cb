/**
 * What the MDX components of a page read: the handbook, its links and the
 * glossary matcher the automatic term links use (SCRIPT_FOLDING: aliases,
 * Simplified and Traditional spellings). Built once per build, on the page context.
 */
import { pageContext } from '../../page/context.ts';
import type { Handbook } from '../../domain/handbook.ts';
import { SCRIPT_FOLDING } from '../../domain/script.ts';
import { termMatcher, type TermMatcher } from '../../domain/glossary/term-links.ts';
import type { Linker } from '../../domain/urls.ts';

export interface MdxContext {
  readonly handbook: Handbook;
  readonly links: Linker;
  readonly terms: TermMatcher;
}

let cached: Promise<MdxContext> | undefined;

export function mdxContext(): Promise<MdxContext> {
  cached ??= pageContext().then(({ handbook, links }) => ({ handbook, links, terms: termMatcher(handbook.glossary, SCRIPT_FOLDING) }));
  return cached;
}

/** The rendered children of a component, or '' when it has none. */
export async function childrenHtml(slots: { has(name: string): boolean; render(name: string): Promise<string> }): Promise<string> {
  return slots.has('default') ? (await slots.render('default')).trim() : '';
}
