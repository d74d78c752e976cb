/** robots.txt: internal handbooks (robots: false, the default) ask every crawler to stay out. */
import type { APIRoute } from 'astro';
import { loadHandbook } from '../page/handbook.ts';

export const GET: APIRoute = async () => {
  const { site } = await loadHandbook();
  // The browser editor (/admin/) is never for crawlers, even on a public handbook.
  const body = site.robots ? `User-agent: *\nDisallow: ${import.meta.env.BASE_URL.replace(/\/?$/, '/')}admin/\nAllow: /\n` : 'User-agent: *\nDisallow: /\n';
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
