/** `npm run pdf` on the sample: one PDF per plan, with the totals and every stage in its text. */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadContent } from '../../src/check/load.ts';

const { handbook } = await loadContent(path.resolve('content'), { today: '2026-11-25' });
let dist: string;
let run: ReturnType<typeof spawnSync>;

beforeAll(() => {
  // Print a copy of the shared sample build, so other tests keep an untouched dist.
  dist = mkdtempSync(path.join(os.tmpdir(), 'opsbook-pdf-'));
  cpSync(inject('sampleDist'), dist, { recursive: true });
  run = spawnSync(process.execPath, ['scripts/pdf.ts', '--no-build', '--dist', dist], { encoding: 'utf8' });
}, 300_000);

function pdfText(file: string): string {
  const result = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (result.error) throw new Error('pdftotext is missing: apt-get install -y poppler-utils');
  // Extraction spaces glyph runs by their position on the page ("430 万元"): compare without spaces.
  return result.stdout.replace(/\s+/g, '');
}

function pageCount(file: string): number {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

describe('npm run pdf', () => {
  it('makes one PDF per plan', () => {
    expect(run.status, String(run.stderr)).toBe(0);
    for (const plan of handbook.plans) expect(existsSync(path.join(dist, 'pdf', `${plan.id}.pdf`)), plan.id).toBe(true);
  });

  it('puts the 2014 totals and every stage name in the PDF, on 8 to 20 A4 pages', () => {
    const file = path.join(dist, 'pdf', 'home-2014.pdf');
    const text = pdfText(file);
    for (const needle of ['430万元', '110万元', '3.91', '及格', '16.25万元', '18.75万元']) expect(text).toContain(needle);
    for (const stage of handbook.plans.find((p) => p.id === 'home-2014')!.data.stages) expect(text).toContain(stage.name);
    const pages = pageCount(file);
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(pages).toBeLessThanOrEqual(20);
  });

  it('puts the 2017 fixed costs and stages in its PDF, on 5 to 16 pages', () => {
    const file = path.join(dist, 'pdf', 'launch-2017.pdf');
    const text = pdfText(file);
    for (const needle of ['2,827.68元', '待定', '8.5万元']) expect(text).toContain(needle);
    for (const stage of handbook.plans.find((p) => p.id === 'launch-2017')!.data.stages) expect(text).toContain(stage.name);
    const pages = pageCount(file);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pages).toBeLessThanOrEqual(16);
  });

  it('says how to install Chromium when it is missing', () => {
    const missing = spawnSync(process.execPath, ['scripts/pdf.ts', '--no-build', '--dist', dist], {
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('apt-get install -y chromium');
  });
});
