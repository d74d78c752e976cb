/**
 * The admin page's own script (bundled by Astro): registers Opsbook's file formats with the CMS, so
 * saved files keep what the author wrote (src/editor/round-trip.ts), suggests a new entry's file name
 * from its title (./slug-helper.ts), then starts the CMS (the boot script asked it to wait).
 */
import { readEntry, writeEntry } from '../round-trip.ts';
import type { EditorFormat } from '../cms-config.ts';
import { startSlugSuggestions } from './slug-helper.ts';

interface Cms {
  registerCustomFormat(
    name: string,
    extension: string,
    format: { fromFile(text: string): unknown; toFile(data: Record<string, unknown> | unknown[]): string },
  ): void;
  init(): void;
}

const { CMS, OPSBOOK_EDITOR } = window as unknown as {
  CMS: Cms;
  OPSBOOK_EDITOR: { formats: Record<string, EditorFormat>; titleLabels: Record<string, string> };
};

for (const [name, { extension, kind }] of Object.entries(OPSBOOK_EDITOR.formats)) {
  // A format of one file (site.yaml, glossary.yaml, cadence.yaml) keeps that file's text from read to write:
  // a list file reaches the form as the list itself, which cannot carry it.
  let single: string | undefined;
  CMS.registerCustomFormat(name, extension, {
    fromFile: (text) => {
      if (kind.single) single = text;
      return readEntry(text, kind);
    },
    toFile: (data) => {
      const text = writeEntry(data, kind, kind.single ? single : undefined);
      if (kind.single) single = text;
      return text;
    },
  });
}
startSlugSuggestions(OPSBOOK_EDITOR.titleLabels);
CMS.init();
