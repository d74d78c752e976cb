/**
 * Ids unique on one page, for MDX components that point at their own parts
 * (aria-describedby, aria-labelledby): a counter per prefix, kept in the page's
 * Astro.locals (a fresh object for every page a build renders). Call it before
 * the component's first await, so the numbering follows the order in which
 * Astro starts the components, the same in every build.
 */
const KEY = Symbol.for('opsbook.mdx-ids');

export function pageUniqueId(locals: object, prefix: string): string {
  const store = locals as { [KEY]?: Map<string, number> };
  const counters = (store[KEY] ??= new Map());
  const n = (counters.get(prefix) ?? 0) + 1;
  counters.set(prefix, n);
  return `${prefix}-${n}`;
}
