/**
 * Where the built site will live, from the environment of `npm run build`
 * (read by astro.config.mjs): OPSBOOK_BASE, the sub-path the handbook is served
 * under (GitHub Pages project sites, a folder of a bucket or an Nginx host), and
 * OPSBOOK_SITE, its public address. Both are deployment facts, not content, so
 * they are not in site.yaml: the same content folder builds for any host.
 */

export interface Deployment {
  /** Astro `base`: '/handbook/' (leading and trailing slash), absent for the host's root. */
  readonly base?: string;
  /** Astro `site`: an absolute http(s) address, absent when not set. */
  readonly site?: string;
}

export class DeploymentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeploymentError';
  }
}

/** Characters of a URL path that need no escaping (RFC 3986 unreserved, plus '/'). */
const PATH_CHARS = /^[A-Za-z0-9._~\-/]*$/;

/**
 * OPSBOOK_BASE as Astro's `base`: 'handbook', '/handbook' and '/handbook/' all give '/handbook/';
 * '' and '/' give none (the host's root).
 */
export function basePath(value: string | undefined): string | undefined {
  const trimmed = value?.trim() ?? '';
  if (!PATH_CHARS.test(trimmed) || trimmed.split('/').some((part) => part === '.' || part === '..')) {
    throw new DeploymentError(
      `OPSBOOK_BASE="${value}": 只能含字母、数字和 - . _ ~ /，例如 /handbook/ / use letters, digits and - . _ ~ / only, e.g. /handbook/`,
    );
  }
  const parts = trimmed.split('/').filter(Boolean);
  return parts.length ? `/${parts.join('/')}/` : undefined;
}

/** OPSBOOK_SITE as Astro's `site`: an absolute http(s) address such as https://handbook.example.com. */
export function siteAddress(value: string | undefined): URL | undefined {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(trimmed);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new DeploymentError(
      `OPSBOOK_SITE="${value}": 应为完整网址，如 https://handbook.example.com / expected a full address such as https://handbook.example.com`,
    );
  }
  return url;
}

/**
 * Both settings from an environment. The path of OPSBOOK_SITE is the default base
 * (OPSBOOK_SITE=https://team.github.io/handbook/ alone serves the site under /handbook/);
 * OPSBOOK_BASE, when set, wins.
 */
export function deployment(env: Readonly<Record<string, string | undefined>>): Deployment {
  const site = siteAddress(env.OPSBOOK_SITE);
  const explicit = env.OPSBOOK_BASE !== undefined && env.OPSBOOK_BASE.trim() !== '';
  const base = explicit ? basePath(env.OPSBOOK_BASE) : basePath(site?.pathname);
  return { ...(base ? { base } : {}), ...(site ? { site: site.origin } : {}) };
}
