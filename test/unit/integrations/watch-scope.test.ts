/** The dev server watches the site's source and the content folder only (src/integrations/watch-scope.ts). */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { outsideWatchScope } from '../../../src/integrations/watch-scope.ts';

const root = path.resolve('/work/handbook');

describe('outsideWatchScope', () => {
  it('keeps the source, public files, config files and the content folder', () => {
    const ignored = outsideWatchScope(root, path.join(root, 'content'));
    for (const kept of ['', 'src', 'src/pages/index.astro', 'public/favicon.svg', 'astro.config.mjs', 'package.json', 'content', 'content/sops/a.md']) {
      expect(ignored(path.join(root, kept)), kept).toBe(false);
    }
  });

  it('leaves out built sites, staging folders and anything else in the project folder', () => {
    const ignored = outsideWatchScope(root, path.join(root, 'content'));
    for (const left of ['dist', 'dist/index.html', '.dist-abc', 'imports/old.docx', 'bench', '.tmp/x', 'test/e2e/a.test.ts', 'node_modules/x']) {
      expect(ignored(path.join(root, left)), left).toBe(true);
    }
  });

  it('watches a content folder elsewhere ($OPSBOOK_CONTENT), inside or outside the project, and the way to it', () => {
    const inside = outsideWatchScope(root, path.join(root, 'handbooks', 'shop'));
    expect(inside(path.join(root, 'handbooks'))).toBe(false);
    expect(inside(path.join(root, 'handbooks', 'shop', 'sops', 'a.md'))).toBe(false);
    expect(inside(path.join(root, 'handbooks', 'other'))).toBe(true);
    const outside = outsideWatchScope(root, '/srv/handbook');
    expect(outside('/srv/handbook/sops/a.md')).toBe(false);
    expect(outside(path.join(root, 'src', 'a.ts'))).toBe(false);
  });

  it('takes paths relative to the project too', () => {
    const ignored = outsideWatchScope(root, path.join(root, 'content'));
    expect(ignored('dist/index.html')).toBe(true);
    expect(ignored('content/site.yaml')).toBe(false);
  });
});
