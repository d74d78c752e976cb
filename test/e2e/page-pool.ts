/**
 * Pages reused across a test file's tests. Opening a page costs Chromium about 0.3–0.5 s of CPU (a browser
 * context, a tab and a renderer process); navigating an open one costs a fraction of that, and the browser
 * tests open some 300 pages. `pooled(browser)` is the browser with one change: `newPage(options)` hands out a
 * page of an idle context made with the same options (the viewport is set on the page), and the page's
 * `close()` gives it back, as new: the listeners and routes the test added removed, the storage of every
 * origin it visited cleared (cookies, localStorage, sessionStorage, IndexedDB, caches), and about:blank loaded.
 * A test that changed the page in a way this cannot undo (an init script, an exposed function, emulated media,
 * default timeouts, its context) gets a page that is really closed.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

type PageOptions = NonNullable<Parameters<Browser['newPage']>[0]>;

/** Page methods whose effect outlives a navigation and that `release` cannot undo. */
const LASTING = new Set([
  'addInitScript',
  'exposeFunction',
  'exposeBinding',
  'setExtraHTTPHeaders',
  'emulateMedia',
  'setDefaultTimeout',
  'setDefaultNavigationTimeout',
  'context',
  'clock',
  'coverage',
  'routeFromHAR',
  'routeWebSocket',
  'addLocatorHandler',
  'pause',
]);
const ADD_LISTENER = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
const REMOVE_LISTENER = new Set(['off', 'removeListener']);
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };

interface Pooled {
  readonly key: string;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly cdp: CDPSession;
  readonly origins: Set<string>;
  listeners: [event: string, listener: (...args: never[]) => unknown][];
  lasting: boolean;
  idle: boolean;
}

export function pooled(browser: Browser): Browser {
  const pages: Pooled[] = [];

  async function open(options: PageOptions): Promise<Page> {
    const { viewport, ...rest } = options;
    // A page without a viewport (null) needs a context made so.
    const contextOptions = viewport === null ? options : rest;
    const key = JSON.stringify(contextOptions, Object.keys(contextOptions).sort());
    let entry = pages.find((p) => p.idle && p.key === key);
    if (!entry) {
      // The context is made with a viewport so that its pages get one, then each page is given its own.
      const context = await browser.newContext({ viewport: DEFAULT_VIEWPORT, ...contextOptions });
      const page = await context.newPage();
      const origins = new Set<string>();
      page.on('framenavigated', (frame) => {
        const origin = new URL(frame.url()).origin;
        if (origin.startsWith('http')) origins.add(origin);
      });
      entry = { key, context, page, cdp: await context.newCDPSession(page), origins, listeners: [], lasting: false, idle: false };
      pages.push(entry);
    }
    entry.idle = false;
    if (viewport !== null) await entry.page.setViewportSize(viewport ?? DEFAULT_VIEWPORT);
    return facade(entry);
  }

  async function release(entry: Pooled): Promise<void> {
    if (entry.lasting || entry.page.isClosed()) {
      pages.splice(pages.indexOf(entry), 1);
      await entry.context.close();
      return;
    }
    for (const [event, listener] of entry.listeners) entry.page.off(event as 'close', listener as () => void);
    entry.listeners = [];
    await entry.page.unrouteAll({ behavior: 'ignoreErrors' });
    await entry.page.goto('about:blank');
    for (const origin of entry.origins) await entry.cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
    entry.origins.clear();
    await entry.context.clearCookies();
    entry.idle = true;
  }

  function facade(entry: Pooled): Page {
    return new Proxy(entry.page, {
      get(target, property, receiver) {
        if (property === 'close') return () => release(entry);
        if (typeof property === 'string' && LASTING.has(property)) entry.lasting = true;
        const value = Reflect.get(target, property, target) as unknown;
        if (typeof value !== 'function') return value;
        if (typeof property === 'string' && ADD_LISTENER.has(property)) {
          return (event: string, listener: (...args: never[]) => unknown) => {
            entry.listeners.push([event, listener]);
            (value as (e: string, l: unknown) => unknown).call(target, event, listener);
            return receiver;
          };
        }
        if (typeof property === 'string' && REMOVE_LISTENER.has(property)) {
          return (event: string, listener: (...args: never[]) => unknown) => {
            entry.listeners = entry.listeners.filter(([e, l]) => e !== event || l !== listener);
            (value as (e: string, l: unknown) => unknown).call(target, event, listener);
            return receiver;
          };
        }
        return (value as (...args: unknown[]) => unknown).bind(target);
      },
    });
  }

  return new Proxy(browser, {
    get(target, property) {
      if (property === 'newPage') return (options: PageOptions = {}) => open(options);
      if (property === 'close')
        return async () => {
          await Promise.all(pages.map((p) => p.context.close()));
          await target.close();
        };
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
