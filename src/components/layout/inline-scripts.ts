/**
 * Opsbook's own inline scripts, the only ones a page may run inline. They live
 * here as text so the Content-Security-Policy can hash them when the site is
 * built (src/integrations/html-hardening.ts) instead of hashing whatever inline
 * script a built page happens to contain. Every other script is a file of the site.
 * The components write them with `<script is:inline set:html={…} />`, byte for byte.
 */

/** In <head>, before any paint: applies the colour scheme chosen with SchemeToggle, so a dark choice never flashes light. */
export const THEME_SCRIPT = `
  try {
    const theme = localStorage.getItem('opsbook-theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  } catch {
    // No storage (a private window): follow the system.
  }
`;

/** Wires the colour-scheme button (SchemeToggle.astro): system → light → dark → system, remembered in localStorage. */
export const SCHEME_TOGGLE_SCRIPT = `
  (() => {
    const root = document.documentElement;
    const button = document.querySelector('[data-theme-toggle]');
    const shown = button.querySelector('[data-theme-value]');
    const KEY = 'opsbook-theme';
    const ORDER = ['system', 'light', 'dark'];
    const show = () => (shown.textContent = button.dataset[root.dataset.theme || 'system']);
    button.onclick = () => {
      const next = ORDER[(ORDER.indexOf(root.dataset.theme || 'system') + 1) % 3];
      if (next === 'system') delete root.dataset.theme;
      else root.dataset.theme = next;
      try {
        if (next === 'system') localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, next);
      } catch {
        // Private windows may refuse storage: the choice then lasts for this page.
      }
      show();
    };
    show();
    button.hidden = false;
  })();
`;

export const OWN_INLINE_SCRIPTS: readonly string[] = [THEME_SCRIPT, SCHEME_TOGGLE_SCRIPT];
