/**
 * The admin page's own script (bundled by Astro): registers Opsbook's file formats with the CMS, so
 * saved files keep what the author wrote (src/editor/round-trip.ts), suggests a new entry's file name
 * from its title (./slug-helper.ts), then starts the CMS (the boot script asked it to wait).
 */
import { readEntry, writeEntry } from '../round-trip.ts';
import type { EditorFormat } from '../cms-config.ts';
import { startSlugSuggestions } from './slug-helper.ts';

interface Cms {
  registerCustomFormat(name: string, extension: string, format: { fromFile(text: string): unknown; toFile(data: Record<string, unknown>): string }): void;
  init(): void;
}

const { CMS, OPSBOOK_EDITOR } = window as unknown as {
  CMS: Cms;
  OPSBOOK_EDITOR: { formats: Record<string, EditorFormat>; titleLabels: Record<string, string> };
};

for (const [name, { extension, kind }] of Object.entries(OPSBOOK_EDITOR.formats)) {
  CMS.registerCustomFormat(name, extension, {
    fromFile: (text) => readEntry(text, kind),
    toFile: (data) => writeEntry(data, kind),
  });
}
startSlugSuggestions(OPSBOOK_EDITOR.titleLabels);
CMS.init();
