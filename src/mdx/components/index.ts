/**
 * The components an MDX role or SOP body may use without importing them, passed
 * to <Content components={mdxComponents} /> (src/components/BodySection.astro) by
 * src/pages/roles/[id].astro and src/pages/sops/[id].astro. Their names and attributes are in
 * src/mdx/components.ts, which the checker reads: `satisfies` keeps both lists equal.
 */
import type { MdxComponentName } from '../components.ts';
import Callout from './Callout.astro';
import Checklist from './Checklist.astro';
import RoleLink from './RoleLink.astro';
import SopLink from './SopLink.astro';
import Steps from './Steps.astro';
import Term from './Term.astro';
import Restricted from './Restricted.astro';

export const mdxComponents = { Steps, Callout, RoleLink, SopLink, Term, Checklist, Restricted } satisfies Record<MdxComponentName, unknown>;
