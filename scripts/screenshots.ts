/**
 * `npm run screenshots [-- route …]`: screenshots of the built dist/ in real
 * Chromium at 1280 px and 360 px, light and dark, plus a print PDF of each
 * route, into test-results/screenshots/ — for people to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, serveDir } from '../test/e2e/browser.ts';
import { deployment } from '../src/integrations/deploy.ts';

const routes = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/org/', '/roles/presales-cs/', '/sops/address-check/'];
const out = path.resolve('test-results/screenshots');
mkdirSync(out, { recursive: true });

// Routes are given without the base of a sub-path build (OPSBOOK_BASE); the server adds it.
const base = deployment(process.env).base ?? '/';
const server = await serveDir(path.resolve('dist'), base);
const browser = await launchBrowser();
try {
  for (const route of routes) {
    const name = route.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home';
    for (const width of [1280, 360]) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
        await page.goto(`${server.url}${base}${route.replace(/^\//, '')}`, { waitUntil: 'networkidle' });
        const file = path.join(out, `${name}-${width}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        process.stdout.write(`${file}\n`);
        await page.close();
      }
    }
    const page = await browser.newPage();
    await page.goto(`${server.url}${base}${route.replace(/^\//, '')}`, { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(out, `${name}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    process.stdout.write(`${pdf}\n`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
