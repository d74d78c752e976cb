/**
 * `npm run typecheck` (tsc) does not read .astro files; Astro's own tooling does.
 * For the .ts files that import components (src/mdx/components/index.ts), an
 * .astro module's default export is a component taking props.
 */
declare module '*.astro' {
  const component: (props: Record<string, unknown>) => unknown;
  export default component;
}
