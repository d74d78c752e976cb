/**
 * In the editor (/admin/): a new entry's file name (its id, the CMS's "slug") is suggested from its
 * Chinese title through pinyin (退款审核 → tui-kuan-shen-he), the suggestion `npm run new` makes. As the
 * title is typed, the CMS's own slug panel is opened and filled with the suggestion, so the person sees
 * the file name and can change it there (pencil); once they typed one of their own, it is left alone.
 *
 * The CMS has no hook for a slug, so this drives its slug panel through the page, found by its
 * structure and icon names (not by its words, which follow the interface language): the panel's toggle
 * is the sidebar button with the `anchor` icon, the value is the `.editable-text` field with an `edit`
 * and a `check` button. test/e2e/editor.test.ts fails when a new version of the CMS moves them.
 */
import { suggestSlug } from '../../domain/slug.ts';

const NEW_ENTRY = /^#\/collections\/([^/]+)\/new(?:[/?]|$)/;

function iconButton(root: ParentNode, icon: string): HTMLButtonElement | undefined {
  return [...root.querySelectorAll<HTMLButtonElement>('button')].find(
    (button) => button.querySelector('.material-symbols-outlined')?.textContent?.trim() === icon,
  );
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(find: () => T | undefined, timeout = 2000): Promise<T | undefined> {
  const end = Date.now() + timeout;
  for (;;) {
    const found = find();
    if (found || Date.now() > end) return found;
    await delay(50);
  }
}

/** The label the title field has in each collection's form (the collection's identifier field). */
type TitleLabels = Record<string, string>;

function labelOf(input: Element): string | undefined {
  const id = input.getAttribute('aria-labelledby');
  if (!id) return undefined;
  return document.getElementById(id)?.textContent?.replace(/\*/g, '').trim();
}

let typedByHand = false;
let lastHash = '';
let running: Promise<void> = Promise.resolve();

async function applySlug(slug: string): Promise<void> {
  const findField = () => document.querySelector<HTMLElement>('.editable-text');
  if (!findField()) {
    // The slug panel is closed: open it (the sidebar's anchor button).
    iconButton(document, 'anchor')?.click();
  }
  const field = await waitFor(findField);
  if (!field) return;
  let input = field.querySelector<HTMLInputElement>('input');
  if (!input) {
    iconButton(field, 'edit')?.click();
    input = (await waitFor(() => findField()?.querySelector<HTMLInputElement>('input') ?? undefined)) ?? null;
  }
  if (!input) return;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, slug);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const done = findField();
  if (done) iconButton(done, 'check')?.click();
}

export function startSlugSuggestions(titleLabels: TitleLabels): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener(
    'input',
    (event) => {
      const target = event.target;
      if (!(target instanceof HTMLInputElement)) return;
      const match = NEW_ENTRY.exec(location.hash);
      if (!match) return;
      if (location.hash !== lastHash) {
        lastHash = location.hash;
        typedByHand = false;
      }
      if (target.closest('.editable-text')) {
        // The person typed a file name: keep it.
        if (event.isTrusted) typedByHand = true;
        return;
      }
      if (typedByHand || labelOf(target) !== titleLabels[match[1]!]) return;
      const slug = suggestSlug(target.value);
      if (!slug) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        running = running.then(() => applySlug(slug)).catch(() => undefined);
      }, 300);
    },
    true,
  );
}
