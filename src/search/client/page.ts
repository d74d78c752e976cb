/**
 * The search page (/search/?q=…&type=…): the query and the filters live in the
 * address, so a search can be shared; filters are facets with counts; an
 * empty result offers glossary terms and dropping the filters.
 */
import { searchTranslations } from './strings.ts';
import { FILTERS, RECORD_KINDS, type FilterName } from '../shared/kinds.ts';
import { loadEngine, type Counts, type Filters, type Outcome, type SearchEngine } from './engine.ts';
import { configOf, el, fillExcerpts, hitLink, onQueryInput, titleLinks, unavailableText } from './render.ts';

const PAGE = 20;
/** Characters of text around the matches. */
const EXCERPT = 160;
/** Facet values shown before "more". */
const FACET_SHOWN = 8;

export async function mountSearchPage(root: HTMLElement) {
  const t = searchTranslations();
  const config = configOf(root);
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const results = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const empty = root.querySelector<HTMLElement>('[data-search-empty]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const facets = root.querySelector<HTMLElement>('[data-search-facets]')!;
  // On a phone the filters fold behind this button (CSS shows it there only), which says how many are on.
  const fold = root.querySelector<HTMLButtonElement>('[data-search-filters-toggle]')!;
  fold.addEventListener('click', () => {
    const open = fold.getAttribute('aria-expanded') !== 'true';
    fold.setAttribute('aria-expanded', String(open));
    facets.toggleAttribute('data-open', open);
  });

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  let filters: Filters = Object.fromEntries(FILTERS.map((f) => [f, params.getAll(f)] as const).filter(([, v]) => v.length));

  let engine: SearchEngine;
  status.textContent = t('search.loading');
  try {
    engine = await loadEngine(config.bundle, config.base);
  } catch (error) {
    status.textContent = unavailableText(t, error);
    return;
  }
  const allValues = await engine.allFilters();
  let seq = 0;
  let outcome: Outcome | undefined;
  let shown = 0;

  const writeUrl = () => {
    const next = new URLSearchParams();
    if (input.value.trim()) next.set('q', input.value.trim());
    for (const f of FILTERS) for (const v of filters[f] ?? []) next.append(f, v);
    const query = next.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  };

  const showMore = async () => {
    if (!outcome) return;
    const current = outcome;
    const batch = current.hits.slice(shown, shown + PAGE);
    const summaries = await Promise.all(batch.map((h) => h.summary()));
    if (current !== outcome) return;
    const links = summaries.map((d) => hitLink(d, current.marks, t, EXCERPT));
    for (const link of links) {
      const li = el('li');
      li.append(link);
      results.append(li);
    }
    fillExcerpts(links, batch, current.marks, () => current === outcome, EXCERPT);
    shown += batch.length;
    more.hidden = shown >= outcome.hits.length;
  };

  const run = async () => {
    const query = input.value.trim();
    const mine = ++seq;
    writeUrl();
    status.textContent = t('search.searching');
    const found = await engine.search(query, filters);
    if (mine !== seq) return;
    outcome = found;
    shown = 0;
    results.replaceChildren();
    empty.replaceChildren();
    const n = found.hits.length;
    const filtered = FILTERS.some((f) => filters[f]?.length);
    if (!query && !filtered) {
      status.textContent = t('search.start');
    } else if (n) {
      status.textContent = query ? t('search.countFor', { q: query, n }) : t('search.count', { n });
    } else {
      status.textContent = filtered ? t('search.emptyFiltered', { q: query }) : t('search.empty', { q: query });
    }
    empty.hidden = n > 0 || (!query && !filtered);
    // The results first; the facets after them (counting a long list may wait for the result cards).
    await showMore();
    more.hidden = shown >= n;
    if (!empty.hidden) await renderEmpty(query, filtered);
    // Counts per facet: for a facet in use, as if it were not (so its other values stay visible).
    const counts: Counts = await found.counts();
    await Promise.all(
      FILTERS.filter((f) => filters[f]?.length).map(async (f) => {
        const others = await engine.search(query, { ...filters, [f]: [] });
        counts[f] = (await others.counts())[f] ?? {};
      }),
    );
    if (mine !== seq) return;
    renderFacets(counts);
    // The query whose results are on screen (for scripts and tests waiting on a search).
    root.dataset.shown = query;
  };

  const renderEmpty = async (query: string, filtered: boolean) => {
    if (filtered && query) {
      const without = await engine.search(query);
      if (without.hits.length) {
        const drop = el('button', 'search-drop', t('search.dropFilters', { n: without.hits.length }));
        drop.type = 'button';
        drop.addEventListener('click', () => {
          filters = {};
          void run();
        });
        empty.append(drop);
      }
    }
    // The closest titles, when some are close; never a heading over nothing.
    const closest = query ? await engine.closest(query) : [];
    if (closest.length) empty.append(el('p', undefined, t('search.suggest')), titleLinks(closest, t));
  };

  const renderFacets = (counts: Counts) => {
    facets.replaceChildren();
    const active = FILTERS.reduce((n, f) => n + (filters[f]?.length ?? 0), 0);
    fold.textContent = active ? t('search.filtersActive', { n: active }) : t('search.filters');
    for (const name of FILTERS) {
      const values = Object.keys(allValues[name] ?? {});
      if (!values.length) continue;
      const chosen = new Set(filters[name] ?? []);
      const count = (v: string) => counts[name]?.[v] ?? 0;
      const typeOrder = RECORD_KINDS.map((k) => t(`type.${k}`));
      const ordered = values
        .filter((v) => count(v) > 0 || chosen.has(v))
        .sort((a, b) => (name === 'type' ? typeOrder.indexOf(a) - typeOrder.indexOf(b) : count(b) - count(a) || a.localeCompare(b, 'zh')));
      if (!ordered.length) continue;
      const set = el('fieldset', 'search-facet');
      set.append(el('legend', undefined, t(`filter.${name}`)));
      const box = (value: string) => {
        const label = el('label', 'search-facet-value');
        const check = el('input');
        check.type = 'checkbox';
        check.name = name;
        check.value = value;
        check.checked = chosen.has(value);
        check.addEventListener('change', () => toggle(name, value, check.checked));
        label.append(check, el('span', 'search-facet-label', value), el('span', 'search-facet-count', String(count(value))));
        return label;
      };
      ordered.slice(0, FACET_SHOWN).forEach((v) => set.append(box(v)));
      if (ordered.length > FACET_SHOWN) {
        const rest = el('details', 'search-facet-more');
        rest.append(el('summary', undefined, `+${ordered.length - FACET_SHOWN}`));
        ordered.slice(FACET_SHOWN).forEach((v) => rest.append(box(v)));
        if (ordered.slice(FACET_SHOWN).some((v) => chosen.has(v))) rest.open = true;
        set.append(rest);
      }
      facets.append(set);
    }
    // A heading only over filters to show; the button only when there is something to fold.
    const any = facets.childElementCount > 0;
    if (any) facets.prepend(el('h2', 'search-facets-title', t('search.filters')));
    fold.hidden = !any && !active;
    if (active) {
      const clear = el('button', 'search-clear', t('search.clearFilters'));
      clear.type = 'button';
      clear.addEventListener('click', () => {
        filters = {};
        void run();
      });
      facets.append(clear);
    }
  };

  const toggle = (name: FilterName, value: string, on: boolean) => {
    const now = new Set(filters[name] ?? []);
    if (on) now.add(value);
    else now.delete(value);
    filters = { ...filters, [name]: [...now] };
    void run().then(() => facets.querySelector<HTMLInputElement>(`input[name="${name}"][value="${CSS.escape(value)}"]`)?.focus());
  };

  onQueryInput(input, 120, () => void run());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  more.addEventListener('click', () => void showMore());
  await run();
}
