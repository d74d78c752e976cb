/** Live errors: during `astro dev`, a broken save shows the checker's problems in the terminal and the browser; fixing clears them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { collectErrors, testBrowser } from './browser.ts';
import { takeAstroLane } from '../build/helpers.ts';

let dev: ChildProcess;
let output = '';
let browser: Browser;
let content: string;
let lane: { readonly root: string; release(): void } | undefined;
const PORT = 4400 + Math.floor(Math.random() * 500);

function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST') && key !== 'TEST'));
}

async function waitFor(predicate: () => boolean | Promise<boolean>, what: string, ms = 45_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // A look into the page can hang while Vite reloads it: give each look 5 s, then look again.
    const settled = await Promise.race([
      Promise.resolve(predicate()).catch(() => false),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 5_000)),
    ]);
    if (settled) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}\n${output.slice(-3000)}`);
}

/** A step of the browser's with a limit of its own: a stuck step fails with its name and the server's output. */
async function step<T>(what: string, action: Promise<T>, ms = 45_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}\n${output.slice(-3000)}`)), ms)));
  try {
    return await Promise.race([action, limit]);
  } finally {
    clearTimeout(timer);
  }
}

beforeAll(async () => {
  // The dev server writes .astro/ as builds do: it holds a lane while it is up (test/build/helpers.ts).
  lane = await takeAstroLane();
  content = mkdtempSync(path.join(os.tmpdir(), 'opsbook-dev-'));
  cpSync('content', content, { recursive: true });
  dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--ignore-lock', '--port', String(PORT), '--host', '127.0.0.1'], {
    cwd: lane.root,
    // Not vitest's environment (NODE_ENV=test, VITEST…): the dev server must run as a user's would.
    env: { ...userEnv(), OPSBOOK_CONTENT: content, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (chunk) => (output += chunk));
  dev.stderr!.on('data', (chunk) => (output += chunk));
  await waitFor(() => output.includes(`${PORT}`), 'the dev server', 120_000);
  // The first request compiles pages and may make Vite optimise dependencies again and reload open pages:
  // let that happen before the test opens its page.
  const warm = `http://127.0.0.1:${PORT}/sops/address-check/`;
  await waitFor(async () => (await fetch(warm).catch(() => undefined))?.ok === true, 'the first page', 120_000);
  browser = await testBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (dev && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.once('exit', resolve));
    dev.kill('SIGTERM');
    await exited;
  }
  lane?.release();
});

describe('astro dev', () => {
  it('opens the first page once: no reload queued while the server started (src/integrations/dev-reloads.ts)', async () => {
    const page = await step('a new page', browser.newPage());
    let loads = 0;
    page.on('load', () => loads++);
    await page.goto(`http://127.0.0.1:${PORT}/roles/cs-lead/`, { waitUntil: 'load', timeout: 90_000 });
    // A queued reload arrives as soon as the page's websocket connects: give it ample time to show.
    await page.waitForTimeout(3_000);
    expect(loads).toBe(1);
    await step('closing the page', page.close());
  });

  it('reports a broken save in the terminal and the overlay, and clears it once fixed', { timeout: 300_000 }, async () => {
    const page = await step('a new page', browser.newPage());
    // Every step has its own limit, and together they stay under the test's: a stuck step says which it was.
    page.setDefaultTimeout(45_000);
    await step('opening the SOP', page.goto(`http://127.0.0.1:${PORT}/sops/address-check/`, { waitUntil: 'load', timeout: 90_000 }), 95_000);
    const title = (await step('reading its title', page.locator('h1').first().textContent()))?.trim();
    expect(title).toBeTruthy();

    const file = path.join(content, 'sops/address-check.md');
    const original = readFileSync(path.join('content', 'sops/address-check.md'), 'utf8');
    const logged = output.length;
    writeFileSync(file, original.replace(/^owner: .*$/m, 'owner: no-such-role'));

    await waitFor(() => output.slice(logged).includes('no-such-role'), 'the terminal report');
    expect(output.slice(logged)).toMatch(/sops\/address-check\.md:\d+\s+错误\s+owner\s+引用的岗位 “no-such-role” 不存在/);
    // Read without waiting on an element that a reload may take away; the overlay comes back on reconnect.
    const overlayText = () => page.locator('vite-error-overlay').evaluateAll((els) => els.map((el) => el.shadowRoot?.textContent ?? '').join('\n'));
    await waitFor(async () => (await overlayText().catch(() => '')).includes('引用的岗位 “no-such-role” 不存在'), 'the error overlay');
    // Headed in the site's language, and no empty Stack Trace box.
    // Polled: a reconnect may put up a fresh overlay, which the dev script then tidies.
    const shown = () =>
      page
        .locator('vite-error-overlay')
        .first()
        .evaluate((el) => {
          const root = el.shadowRoot!;
          const visible = (selector: string) => {
            const node = root.querySelector<HTMLElement>(selector);
            return node !== null && getComputedStyle(node).display !== 'none';
          };
          return {
            title: root.querySelector('#title')?.textContent,
            name: root.querySelector('#name')?.textContent,
            stack: visible('#stack'),
            hint: visible('#hint'),
          };
        });
    await expect
      .poll(() => shown().catch(() => undefined), { timeout: 20_000 })
      .toEqual({ title: '内容里有 1 个错误', name: '运营手册 · 内容检查', stack: false, hint: true });

    writeFileSync(file, original);
    await waitFor(async () => (await page.locator('vite-error-overlay').count()) === 0, 'the overlay to clear');
    // The fix reloads the page: wait until the SOP shows again. The page is not closed here: closing it while
    // Vite's reload is still in flight has hung Chromium's close (the step limit caught it); afterAll closes
    // the browser, and with it every page.
    await step('the SOP shown again', page.waitForLoadState('load'));
    await waitFor(async () => (await page.locator('h1').first().textContent())?.trim() === title, 'the SOP title after the reload');
  });

  it('serves the browser editor at /admin/, which offers the local folder (localhost) in Chinese without console errors', async () => {
    const page = await step('a new page', browser.newPage());
    const errors = collectErrors(page);
    await step('opening /admin/', page.goto(`http://127.0.0.1:${PORT}/admin/`, { waitUntil: 'load', timeout: 90_000 }), 95_000);
    await step('the sign-in', page.getByRole('button', { name: '使用本地仓库' }).waitFor({ timeout: 45_000 }));
    const config = await step(
      'config.yml',
      fetch(`http://127.0.0.1:${PORT}/admin/config.yml`).then((r) => r.text()),
    );
    expect(config).toContain('folder: content/sops');
    expect(errors).toEqual([]);
  });
});
