/**
 * Checks of the MDX components used in role and SOP bodies: the component
 * exists, its attributes are known, <Callout type> is allowed, <RoleLink id>
 * and <SopLink id> name existing entries, <Term> names a glossary term. Each
 * problem points at its line in the file. Pure: takes the uses read from the
 * parsed bodies (src/mdx/components.ts), returns problems.
 *
 * MDX would stop the build with a stack trace at an unknown component, and the
 * components would otherwise render an unknown id as plain text: the checker
 * says what is wrong, where, and what was probably meant.
 */
import type { Handbook } from '../domain/handbook.ts';
import type { ParamValue, Problem, Severity } from '../check/problems.ts';
import { idSuggestion } from '../check/cross-checks.ts';
import { nearest } from '../domain/text.ts';
import { unknownAudienceParams } from '../check/audiences.ts';
import type { TermMatcher } from '../domain/glossary/term-links.ts';
import {
  CALLOUT_TYPES,
  MDX_COMPONENT_NAMES,
  MDX_COMPONENTS,
  attributeText,
  isCalloutType,
  isMdxComponent,
  termNameOf,
  type ComponentUse,
  type MdxComponentName,
} from './components.ts';

/** The component uses of one body. */
export interface BodyUses {
  /** Path relative to the content folder (sops/x.mdx). */
  readonly file: string;
  /** Line of the file on which the body starts: a use on line n of the body is on line bodyLine + n − 1. */
  readonly bodyLine: number;
  readonly uses: readonly ComponentUse[];
  /** Names the body imports or exports itself: components of its own, not checked. */
  readonly declared?: ReadonlySet<string>;
}

/** A component written in a .md body, where it is not a component (see componentTagsInHtml). */
export interface MarkdownTag {
  readonly name: MdxComponentName;
  readonly line: number;
}

export interface MdxCheckOptions {
  /** The glossary matcher the site links with (termMatcher with SCRIPT_FOLDING). */
  readonly terms: TermMatcher;
  /** Folds Traditional/Simplified spelling, for "did you mean". */
  readonly fold?: (text: string) => string;
  /** Ids of entries that exist but failed their schema: links to them are not reported. */
  readonly alsoKnown?: Partial<Record<'role' | 'sop', readonly string[]>>;
  /** The audience ids <Restricted to> may name; default: those the handbook's site.yaml declares. */
  readonly audiences?: readonly string[];
}

/** Names authors reach for, and the component they mean. */
const COMPONENT_GUESSES: Readonly<Record<string, MdxComponentName>> = {
  step: 'Steps',
  steplist: 'Steps',
  procedure: 'Steps',
  tip: 'Callout',
  note: 'Callout',
  warning: 'Callout',
  danger: 'Callout',
  alert: 'Callout',
  aside: 'Callout',
  admonition: 'Callout',
  info: 'Callout',
  role: 'RoleLink',
  rolelink: 'RoleLink',
  sop: 'SopLink',
  soplink: 'SopLink',
  glossary: 'Term',
  abbr: 'Term',
  dfn: 'Term',
  todo: 'Checklist',
  tasklist: 'Checklist',
  tasks: 'Checklist',
  checkbox: 'Checklist',
  checkboxes: 'Checklist',
};

/** <Callout type> slips: other words for the three types. */
const CALLOUT_GUESSES: Readonly<Record<string, string>> = {
  note: 'tip',
  info: 'tip',
  hint: 'tip',
  提示: 'tip',
  技巧: 'tip',
  小贴士: 'tip',
  warn: 'warning',
  caution: 'warning',
  attention: 'warning',
  important: 'warning',
  注意: 'warning',
  警告: 'warning',
  error: 'danger',
  critical: 'danger',
  危险: 'danger',
  危險: 'danger',
  禁止: 'danger',
};

function componentSuggestion(name: string): string | undefined {
  const bare = name.toLowerCase();
  return MDX_COMPONENT_NAMES.find((c) => c.toLowerCase() === bare) ?? COMPONENT_GUESSES[bare] ?? nearest(name, MDX_COMPONENT_NAMES);
}

export function checkMdxBodies(
  bodies: readonly BodyUses[],
  handbook: Pick<Handbook, 'roles' | 'sops' | 'glossary'> & { readonly site?: Pick<Handbook['site'], 'audiences'> },
  options: MdxCheckOptions,
): Problem[] {
  const problems: Problem[] = [];
  const fold = options.fold ?? ((s: string) => s);
  const known = {
    role: new Map(handbook.roles.map((r) => [r.id, r.data.title])),
    sop: new Map(handbook.sops.map((s) => [s.id, s.data.title])),
  };
  for (const [kind, ids] of Object.entries(options.alsoKnown ?? {})) for (const id of ids) known[kind as 'role' | 'sop'].set(id, id);
  const spellings = handbook.glossary.flatMap((t) => [t.term, ...t.aliases]);
  const audiences = options.audiences?.map((id) => ({ id })) ?? handbook.site?.audiences ?? [];

  for (const body of bodies) {
    for (const use of body.uses) {
      const add = (severity: Severity, rule: string, params: Record<string, ParamValue>) =>
        problems.push({ severity, rule, file: body.file, path: ['body'], params, line: body.bodyLine + (use.line ?? 1) - 1 });
      const root = use.name.split('.')[0]!;
      if (body.declared?.has(root)) continue;

      if (!isMdxComponent(use.name)) {
        // Lower-case names are HTML (<div>, <aside>); only a component name in lower case (<callout>) is a slip.
        const html = /^[a-z]/.test(use.name) && !use.name.includes('.');
        if (html && !MDX_COMPONENT_NAMES.some((c) => c.toLowerCase() === use.name)) continue;
        add('error', 'mdx.unknownComponent', { name: use.name, suggestion: componentSuggestion(use.name), known: MDX_COMPONENT_NAMES.map((c) => `<${c}>`) });
        continue;
      }

      const allowed: readonly string[] = MDX_COMPONENTS[use.name];
      for (const attribute of Object.keys(use.attributes)) {
        if (allowed.includes(attribute)) continue;
        add('warning', 'mdx.unknownAttribute', {
          component: use.name,
          attribute,
          allowed: allowed.length ? [...allowed] : undefined,
          suggestion: nearest(attribute, allowed),
        });
      }
      // A written attribute whose value only runs at build time ({expression}, or bare): its target cannot be checked.
      const textOf = (attribute: string): string | undefined => {
        const value = use.attributes[attribute];
        const text = attributeText(value);
        if (value && text === undefined)
          add('error', 'mdx.attribute', { component: use.name, attribute, reason: value.kind === 'bare' ? 'bare' : 'expression' });
        return text;
      };

      switch (use.name) {
        case 'Callout': {
          const type = textOf('type');
          if (type !== undefined && !isCalloutType(type)) {
            const guess = CALLOUT_GUESSES[type.trim().toLowerCase()] ?? nearest(type.trim(), CALLOUT_TYPES);
            add('error', 'mdx.calloutType', { found: type, allowed: [...CALLOUT_TYPES], suggestion: guess });
          }
          break;
        }
        case 'RoleLink':
        case 'SopLink': {
          const kind = use.name === 'RoleLink' ? 'role' : 'sop';
          if (!use.attributes.id) {
            if (!use.spread) add('error', 'mdx.attribute', { component: use.name, attribute: 'id', reason: 'missing' });
            break;
          }
          const id = textOf('id');
          if (id === undefined || known[kind].has(id)) break;
          const { suggestion, byName } = idSuggestion(id, known[kind], fold);
          add('error', 'mdx.unknownId', { component: use.name, kind, id, suggestion, byName });
          break;
        }
        case 'Term': {
          if (use.attributes.id && textOf('id') === undefined) break;
          const name = termNameOf(use);
          if (name === undefined) {
            if (!use.spread) add('error', 'mdx.attribute', { component: 'Term', attribute: 'id', reason: use.textIsExact ? 'missing' : 'expression' });
            break;
          }
          if (options.terms.lookup(name)) break;
          add('error', 'mdx.unknownTerm', { term: name, suggestion: termSuggestion(name, spellings, fold), viaId: Boolean(use.attributes.id) });
          break;
        }
        case 'Restricted': {
          if (!use.attributes.to) {
            if (!use.spread) add('error', 'mdx.attribute', { component: 'Restricted', attribute: 'to', reason: 'missing' });
            break;
          }
          const to = textOf('to');
          if (to !== undefined && !audiences.some((a) => a.id === to.trim())) add('error', 'audience.unknown', unknownAudienceParams(to.trim(), audiences));
          break;
        }
        default:
          break;
      }
    }
  }
  return problems;
}

/** The glossary spelling closest to `name`, as written or folded to one script. */
function termSuggestion(name: string, spellings: readonly string[], fold: (s: string) => string): string | undefined {
  const direct = nearest(name, spellings);
  if (direct !== undefined) return direct;
  const folded = new Map(spellings.map((s) => [fold(s), s]));
  const near = nearest(fold(name), folded.keys());
  return near === undefined ? undefined : folded.get(near);
}

/** Components written in a .md body: MDX syntax that Markdown shows as unknown HTML. */
export function checkMarkdownBodies(bodies: readonly { file: string; bodyLine: number; tags: readonly MarkdownTag[] }[]): Problem[] {
  return bodies.flatMap(({ file, bodyLine, tags }) =>
    tags.map((tag): Problem => ({
      severity: 'warning',
      rule: 'mdx.inMarkdown',
      file,
      path: ['body'],
      params: { name: tag.name, mdxFile: file.replace(/\.md$/i, '.mdx') },
      line: bodyLine + tag.line - 1,
    })),
  );
}
