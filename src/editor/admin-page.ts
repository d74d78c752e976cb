/**
 * The admin page's own Content-Security-Policy and boot script. The editor is a separate application
 * from the handbook's pages: Svelte injects its component styles as <style> elements, and saving to a
 * Git host talks to that host's API, so it cannot live under the pages' policy (html-hardening.ts).
 * It allows only that: scripts and fonts from the site, styles from the site or inline, images the
 * editor previews (the site, data:, blob:, https), and connections to the site and the one Git host
 * named in site.yaml. Nothing else is allowed: no frames, no objects, no other origin.
 */
import type { Locale } from '../i18n/index.ts';
import { CMS_LOCALES, cmsConfig, editorFormats, type CmsField, type EditorSettings } from './cms-config.ts';

// github.com and gitlab.com: their APIs and the status pages the CMS checks before saving.
const API_ORIGINS: Record<EditorSettings['backend'], readonly string[]> = {
  github: ['https://api.github.com', 'https://github.com', 'https://www.githubstatus.com'],
  gitlab: ['https://gitlab.com', 'https://status-api.hostedstatus.com'],
  gitea: [],
  forgejo: [],
};

/** The origins the editor talks to for site.yaml's `editor` (none in local-folder mode). */
export function gitOrigins(editor: EditorSettings | undefined): string[] {
  if (!editor) return [];
  if (editor.baseUrl) return [new URL(editor.baseUrl).origin];
  return [...API_ORIGINS[editor.backend]];
}

export function adminContentSecurityPolicy(editor: EditorSettings | undefined, dev = false): string {
  const connect = ["'self'", 'blob:', 'data:', ...gitOrigins(editor), ...(dev ? ['ws://localhost:*', 'ws://127.0.0.1:*'] : [])];
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Svelte adds its components' styles as <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "media-src 'self' blob:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self' blob:",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Runs before the CMS (a classic script, so in order): the CMS waits for Opsbook's file formats
 * (src/editor/client/admin.ts starts it once they are registered), and its interface speaks the site's
 * language unless the person chose another one in its settings (Sveltia reads `sveltia-cms.prefs` at start).
 */
export function adminBootScript(locale: Locale): string {
  return `// Opsbook: generated from src/schema/ (see src/editor/admin-page.ts).
window.CMS_MANUAL_INIT = true;
window.OPSBOOK_EDITOR = ${JSON.stringify({ formats: editorFormats(), titleLabels: titleLabels(locale) })};
(() => {
  const KEY = 'sveltia-cms.prefs';
  try {
    const prefs = JSON.parse(localStorage.getItem(KEY) || '{}') || {};
    if (!prefs.locale || prefs.locale === 'auto') localStorage.setItem(KEY, JSON.stringify({ ...prefs, locale: ${JSON.stringify(CMS_LOCALES[locale])} }));
  } catch {
    // Storage blocked: the CMS follows the browser's language.
  }
})();
`;
}

/** The label of each folder collection's title field (its identifier), for the file-name suggestion. */
export function titleLabels(locale: Locale): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const collection of cmsConfig({ locale }).collections) {
    const identifier = collection.identifier_field;
    const field = (collection.fields as CmsField[] | undefined)?.find((f) => f.name === identifier);
    if (field) labels[collection.name] = field.label;
  }
  return labels;
}
