/**
 * `astro dev` starts by syncing the content layer, and the sync rewrites `.astro/data-store.json` (always
 * on a fresh clone, and whenever the content folder differs from the last run) and
 * `.astro/content-assets.mjs`. Astro answers each write with a full reload of the browser. No browser is
 * connected yet, so Vite keeps that reload and hands it to the first page that connects: every first page
 * of a session reloaded once right after loading, and anything looking into it at that moment (a person
 * clicking, a browser test) lost the page. A page that connects after the change already shows it, so a
 * reload sent while no page is connected has nothing to do: drop it instead of queueing it.
 */
import type { ViteDevServer } from 'vite';

interface HotChannel {
  send(...args: unknown[]): void;
}

const isFullReload = (payload: unknown) => typeof payload === 'object' && payload !== null && (payload as { type?: unknown }).type === 'full-reload';

export function dropReloadsWithoutClients(server: ViteDevServer): void {
  const connected = () => server.ws.clients.size > 0;
  for (const channel of [server.ws, server.environments?.client?.hot] as (HotChannel | undefined)[]) {
    if (!channel) continue;
    const send = channel.send.bind(channel);
    channel.send = (...args: unknown[]) => {
      if (isFullReload(args[0]) && !connected()) return;
      send(...args);
    };
  }
}
