/**
 * A page with a scoped <style> passes its scope to the components it renders (`data-astro-cid-…: true`). A
 * component whose elements stand in for the page's own puts the scope on them, written bare as on the
 * page's own elements (`true` would be written ="true").
 */
export function styleScope(props: Readonly<Record<string, unknown>>): Record<string, ''> {
  return Object.fromEntries(Object.keys(props).flatMap((name) => (name.startsWith('data-astro-cid-') ? [[name, '']] : [])));
}

/** The other attributes passed to a component (its data attributes), without the page's style scope. */
export function withoutScope(props: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([name]) => !name.startsWith('data-astro-cid-')));
}
