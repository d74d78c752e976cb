/**
 * The search dialog, opened from the header (button, / or Ctrl/⌘+K; see
 * src/search/SearchTrigger.astro). A modal <dialog> (the page
 * behind is inert; Tab cycles inside; Esc closes; focus goes back to where it
 * was) holding a combobox: focus stays in the input while ↑/↓ move through
 * the results and Enter opens one. Loaded on first use only, with the index.
 */
import { searchTranslations, type SearchTranslate } from './strings.ts';
import { loadEngine, type HitSummary, type Outcome, type SearchEngine } from './engine.ts';
import { configOf, el, fillExcerpts, hitLink, onQueryInput, titleLinks, unavailableText, type SearchConfig } from './render.ts';
import stylesheet from './search.css?url';

/** Results shown in the dialog; the rest are on the search page. */
const SHOWN = 8;

class SearchDialog {
  readonly dialog: HTMLDialogElement;
  readonly input: HTMLInputElement;
  readonly list: HTMLElement;
  readonly status: HTMLElement;
  readonly empty: HTMLElement;
  readonly all: HTMLAnchorElement;
  readonly t: SearchTranslate;
  readonly config: SearchConfig;
  engine?: SearchEngine;
  opener: HTMLElement | null = null;
  active = -1;
  seq = 0;

  constructor(config: SearchConfig) {
    this.config = config;
    const t = (this.t = searchTranslations());
    const dialog = (this.dialog = el('dialog', 'search-dialog'));
    dialog.setAttribute('aria-labelledby', 'search-dialog-title');
    const title = el('h2', 'search-vh', t('search.dialog'));
    title.id = 'search-dialog-title';

    const bar = el('div', 'search-bar');
    const input = (this.input = el('input', 'search-input'));
    Object.assign(input, {
      type: 'search',
      id: 'search-dialog-input',
      placeholder: t('search.placeholder'),
      autocomplete: 'off',
      spellcheck: false,
      enterKeyHint: 'go',
    });
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-label', t('search.label'));
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', 'search-dialog-list');
    const close = el('button', 'search-close', t('search.close'));
    close.type = 'button';
    close.addEventListener('click', () => dialog.close());
    bar.append(input, close);

    const status = (this.status = el('p', 'search-status'));
    status.setAttribute('role', 'status');
    const list = (this.list = el('div', 'search-hits'));
    list.id = 'search-dialog-list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', t('search.results'));
    list.hidden = true;
    this.empty = el('div', 'search-empty');
    this.empty.hidden = true;

    const foot = el('div', 'search-foot');
    foot.append(el('span', 'search-keys', t('search.keys')));
    const all = (this.all = el('a', 'search-all'));
    all.hidden = true;
    foot.append(all);

    dialog.append(title, bar, status, list, this.empty, foot);
    document.body.append(dialog);

    onQueryInput(input, 60, () => void this.run());
    input.addEventListener('keydown', (e) => this.onKey(e));
    dialog.addEventListener('keydown', (e) => this.trapTab(e));
    dialog.addEventListener('close', () => this.restoreFocus());
    // A click on the backdrop (outside the dialog's box) closes it.
    dialog.addEventListener('click', (e) => {
      if (e.target === dialog) {
        const r = dialog.getBoundingClientRect();
        if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) dialog.close();
      }
    });
    list.addEventListener('mousemove', (e) => {
      const option = (e.target as Element).closest('[role="option"]');
      const i = option ? this.options().indexOf(option as HTMLElement) : -1;
      if (i >= 0 && i !== this.active) this.setActive(i, false);
    });
  }

  options(): HTMLElement[] {
    return [...this.list.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  open(opener: HTMLElement | null) {
    if (this.dialog.open) {
      this.input.focus();
      return;
    }
    this.opener = opener;
    this.dialog.showModal();
    this.input.focus();
    this.input.select();
    if (!this.engine) {
      this.status.textContent = this.t('search.loading');
      loadEngine(this.config.bundle, this.config.base).then(
        (engine) => {
          this.engine = engine;
          this.status.textContent = '';
          if (this.input.value.trim()) void this.run();
        },
        (error: unknown) => {
          this.status.textContent = unavailableText(this.t, error);
        },
      );
    }
  }

  restoreFocus() {
    const back = this.opener?.isConnected ? this.opener : null;
    this.opener = null;
    back?.focus();
  }

  async run() {
    const engine = this.engine;
    if (!engine) return;
    const query = this.input.value.trim();
    const seq = ++this.seq;
    if (!query) {
      this.render(undefined, []);
      return;
    }
    const outcome = await engine.search(query);
    const top = outcome.hits.slice(0, SHOWN);
    const shown = await Promise.all(top.map((h) => h.summary()));
    if (seq !== this.seq) return; // a newer query is under way
    const links = this.render(outcome, shown);
    fillExcerpts(links, top, outcome.marks, () => seq === this.seq);
  }

  /** Shows an outcome (or clears the list); returns the result links shown. */
  render(outcome: Outcome | undefined, shown: readonly HitSummary[]): HTMLElement[] {
    const t = this.t;
    const links: HTMLElement[] = [];
    this.list.replaceChildren();
    this.empty.replaceChildren();
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    shown.forEach((data, i) => {
      const a = hitLink(data, outcome!.marks, t);
      a.id = `search-dialog-hit-${i}`;
      a.setAttribute('role', 'option');
      a.setAttribute('aria-selected', 'false');
      a.tabIndex = -1;
      this.list.append(a);
      links.push(a);
    });
    const n = outcome?.hits.length ?? 0;
    this.list.hidden = n === 0;
    this.input.setAttribute('aria-expanded', String(n > 0));
    this.status.textContent = !outcome ? '' : n ? t('search.countFor', { q: outcome.query, n }) : t('search.empty', { q: outcome.query });
    this.empty.hidden = !outcome || n > 0;
    if (outcome && n === 0 && this.engine) {
      // The closest titles, when some are close; never a heading over nothing.
      const seq = this.seq;
      void this.engine.closest(outcome.query).then((closest) => {
        if (seq !== this.seq || !closest.length) return;
        this.empty.append(el('p', undefined, t('search.suggest')), titleLinks(closest, t));
      });
    }
    this.all.hidden = !outcome || n <= SHOWN;
    if (outcome) {
      this.all.href = `${this.config.page}?q=${encodeURIComponent(outcome.query)}`;
      this.all.textContent = t('search.all', { n });
    }
    if (n > 0) this.setActive(0, false);
    return links;
  }

  setActive(i: number, scroll = true) {
    const options = this.options();
    options.forEach((o, k) => o.setAttribute('aria-selected', String(k === i)));
    this.active = i;
    const option = options[i];
    if (option) {
      this.input.setAttribute('aria-activedescendant', option.id);
      if (scroll) option.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  onKey(e: KeyboardEvent) {
    if (e.isComposing) return; // an IME is still composing Chinese: its keys are its own
    if (e.key === 'Escape') {
      // A search field would take the first Esc to clear itself: close at once instead.
      e.preventDefault();
      this.dialog.close();
      return;
    }
    const options = this.options();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!options.length) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.setActive((this.active + step + options.length) % options.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const option = options[this.active] ?? options[0];
      if (option instanceof HTMLAnchorElement) location.assign(option.href);
      else if (this.input.value.trim()) location.assign(`${this.config.page}?q=${encodeURIComponent(this.input.value.trim())}`);
    }
  }

  /** Tab and Shift+Tab go round the dialog's controls (the page behind is inert anyway). */
  trapTab(e: KeyboardEvent) {
    if (e.key !== 'Tab') return;
    const focusable = [...this.dialog.querySelectorAll<HTMLElement>('input, button, a[href]:not([tabindex="-1"])')].filter((x) => !x.closest('[hidden]'));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }
}

let instance: SearchDialog | undefined;
let styled: Promise<void> | undefined;

/** The dialog's stylesheet, added on first use (a <link>, so the trigger's bundle holds no CSS loader). */
function loadStyles(): Promise<void> {
  styled ??= new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheet;
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
    setTimeout(resolve, 1500);
  });
  return styled;
}

/** Opens the dialog; `opener` gets focus back when it closes (default: what had focus). */
export async function openSearchDialog(opener?: HTMLElement | null) {
  const trigger = document.querySelector<HTMLElement>('[data-search-trigger]');
  const focused = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  await loadStyles();
  instance ??= new SearchDialog(configOf(trigger));
  instance.open(opener ?? focused ?? trigger);
}
