/**
 * Opsbook's own inline scripts, the only ones a page may run inline. They live
 * here as text so the Content-Security-Policy can hash them when the site is
 * built (src/integrations/html-hardening.ts) instead of hashing whatever inline
 * script a built page happens to contain. Every other script is a file of the site.
 */

/** In <head>, before any paint: applies the colour scheme chosen with SchemeToggle, so a dark choice never flashes light. */
export const THEME_SCRIPT =
  "try{var t=localStorage.getItem('opsbook-theme');if(t=='light'||t=='dark')document.documentElement.dataset.theme=t}catch(e){}";

/** Wires the colour-scheme button (SchemeToggle.astro): system → light → dark → system, remembered in localStorage. */
export const SCHEME_TOGGLE_SCRIPT =
  "(()=>{const d=document.documentElement,b=document.querySelector('[data-theme-toggle]'),v=b.querySelector('[data-theme-value]'),K='opsbook-theme',o=['system','light','dark'],s=()=>{v.textContent=b.dataset[d.dataset.theme||'system']};b.onclick=()=>{const n=o[(o.indexOf(d.dataset.theme||'system')+1)%3];n==o[0]?delete d.dataset.theme:d.dataset.theme=n;try{n==o[0]?localStorage.removeItem(K):localStorage.setItem(K,n)}catch(e){}s()};s();b.hidden=!1})();";

export const OWN_INLINE_SCRIPTS: readonly string[] = [THEME_SCRIPT, SCHEME_TOGGLE_SCRIPT];
