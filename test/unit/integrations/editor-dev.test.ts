import { describe, expect, it } from 'vitest';
import { editorFileAddress } from '../../../src/integrations/editor-dev.ts';

describe("the editor's files in astro dev", () => {
  it('are asked for with the slash the dev server routes them by', () => {
    expect(editorFileAddress('/admin/config.yml', '/')).toBe('/admin/config.yml/');
    expect(editorFileAddress('/admin/config.yml?_=123', '/')).toBe('/admin/config.yml/?_=123');
    expect(editorFileAddress('/handbook/admin/cms/locales/zh-CN.json', '/handbook/')).toBe('/handbook/admin/cms/locales/zh-CN.json/');
  });

  it('leaves every other address alone', () => {
    expect(editorFileAddress('/admin/', '/')).toBeUndefined();
    expect(editorFileAddress('/admin/config.yml/', '/')).toBeUndefined();
    expect(editorFileAddress('/sops/x/', '/')).toBeUndefined();
    expect(editorFileAddress('/robots.txt', '/')).toBeUndefined();
    expect(editorFileAddress('/admin/config.yml', '/handbook/')).toBeUndefined();
  });
});
