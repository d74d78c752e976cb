/** /admin/config.yml: the editor's configuration, generated from the registry (src/editor/cms-config.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import path from 'node:path';
import { loadHandbook } from '../../page/handbook.ts';
import { cmsConfigYaml } from '../../editor/cms-config.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { site } = await loadHandbook();
  return site.editor === false ? [] : [{ params: { file: 'config.yml' } }];
};

export const GET: APIRoute = async () => {
  const { site, roles, sops } = await loadHandbook();
  const editor = site.editor === false ? undefined : site.editor;
  const targets = (entries: readonly { id: string; file: string; data: { title: string } }[]) =>
    entries.map((entry) => ({ id: entry.id, title: entry.data.title, extension: path.extname(entry.file) }));
  const siteUrl = import.meta.env.SITE ? new URL(import.meta.env.BASE_URL, import.meta.env.SITE).href : undefined;
  return new Response(
    cmsConfigYaml({ locale: site.locale, editor, siteUrl, base: import.meta.env.BASE_URL, entries: { role: targets(roles), sop: targets(sops) } }),
    { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } },
  );
};
