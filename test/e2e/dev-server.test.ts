/** Live errors: during `astro dev`, a broken save shows the checker's problems in the terminal and the browser; fixing clears them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';

let dev: ChildProcess;
let output = '';
let browser: Browser;
let content: string;
const PORT = 4400 + Math.floor(Math.random() * 500);

function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST') && key !== 'TEST'));
}

async function waitFor(predicate: () => boolean | Promise<boolean>, what: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}\n${output.slice(-3000)}`);
}

beforeAll(async () => {
  content = mkdtempSync(path.join(os.tmpdir(), 'opsbook-dev-'));
  cpSync('content', content, { recursive: true });
  dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--ignore-lock', '--port', String(PORT), '--host', '127.0.0.1'], {
    // Not vitest's environment (NODE_ENV=test, VITEST…): the dev server must run as a user's would.
    env: { ...userEnv(), OPSBOOK_CONTENT: content, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (chunk) => (output += chunk));
  dev.stderr!.on('data', (chunk) => (output += chunk));
  await waitFor(() => output.includes(`${PORT}`), 'the dev server', 120_000);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  dev?.kill('SIGTERM');
});

describe('astro dev', () => {
  it('reports a broken save in the terminal and the overlay, and clears it once fixed', { timeout: 300_000 }, async () => {
    const page = await browser.newPage();
    // The first request compiles the pages on demand: slow on a busy 2-core machine.
    page.setDefaultTimeout(120_000);
    await page.goto(`http://127.0.0.1:${PORT}/sops/address-check/`, { waitUntil: 'load' });
    expect(await page.locator('h1').first().textContent()).toBeTruthy();

    const file = path.join(content, 'sops/address-check.md');
    const original = readFileSync(file, 'utf8');
    const logged = output.length;
    writeFileSync(file, original.replace(/^owner: .*$/m, 'owner: no-such-role'));

    await waitFor(() => output.slice(logged).includes('no-such-role'), 'the terminal report');
    expect(output.slice(logged)).toMatch(/sops\/address-check\.md:\d+\s+错误\s+owner\s+引用的岗位 “no-such-role” 不存在/);
    const overlay = page.locator('vite-error-overlay');
    await waitFor(async () => (await overlay.count()) > 0, 'the error overlay');
    const overlayText = await overlay.evaluate((el) => el.shadowRoot?.textContent ?? '');
    expect(overlayText).toContain('引用的岗位 “no-such-role” 不存在');

    writeFileSync(file, original);
    await waitFor(async () => (await page.locator('vite-error-overlay').count()) === 0, 'the overlay to clear');
    await page.close();
  });
});
