/** /admin/cms/…: the CMS bundle, its strings, fonts and the boot script, all served by the site (src/editor/cms-assets.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadHandbook } from '../../../page/handbook.ts';
import { cmsAssets } from '../../../editor/cms-assets.ts';
import { adminBootScript } from '../../../editor/admin-page.ts';

const cmsBase = () => `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}admin/cms/`;

export const getStaticPaths: GetStaticPaths = async () => {
  const { site } = await loadHandbook();
  if (site.editor === false) return [];
  return [{ params: { asset: 'opsbook-admin.js' } }, ...cmsAssets(cmsBase()).map((asset) => ({ params: { asset: asset.path } }))];
};

export const GET: APIRoute = async ({ params }) => {
  if (params.asset === 'opsbook-admin.js') {
    const { site } = await loadHandbook();
    return new Response(adminBootScript(site.locale), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
  }
  const asset = cmsAssets(cmsBase()).find((a) => a.path === params.asset);
  if (!asset) return new Response('not found', { status: 404 });
  const body = asset.body();
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), { headers: { 'Content-Type': asset.type } });
};
