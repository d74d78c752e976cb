/**
 * A round trip: Word and Excel files imported into a copy of the sample with `npm run import`, `npm run check`
 * run on the result, then a real build. The imported SOP is on its owner's role page, the imported role and
 * plan have pages of their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { buildSite, page, textOf, type BuildResult } from './helpers.ts';
import { AFTERSALES_JD, PROBLEM_ORDER_SOP, TODAY, planWorkbook, sampleCopy, wordFile } from '../unit/import/files.ts';

let work: string;
let content: string;
let build: BuildResult;
const outputs: string[] = [];

function npm(script: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, OPSBOOK_TODAY: TODAY, OPSBOOK_CONTENT: content };
  const result = spawnSync(process.execPath, [path.resolve(script), ...args], { encoding: 'utf8', env, cwd: work });
  outputs.push(`${result.stdout}${result.stderr}`);
  return result;
}

beforeAll(async () => {
  ({ work, content } = sampleCopy());
  const sop = await wordFile(work, '问题订单处理.docx', PROBLEM_ORDER_SOP);
  const role = await wordFile(work, '售后专员.docx', AFTERSALES_JD);
  const plan = await planWorkbook(work, '2014年度目标.xlsx');
  expect(npm('scripts/import.ts', 'sop', sop, '--id', 'imported-problem-orders').status).toBe(0);
  expect(npm('scripts/import.ts', 'role', role, '--id', 'aftersales-specialist').status).toBe(0);
  expect(npm('scripts/import.ts', 'plan', plan, '--id', 'imported-2014').status).toBe(0);
  build = buildSite(content);
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (build?.outDir) rmSync(build.outDir, { recursive: true, force: true });
});

describe('imported files through npm run check and a build', () => {
  it('npm run check reads them without an error', () => {
    const check = npm('src/check/cli.ts');
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).not.toContain('错误  ');
  });

  it('the build succeeds', () => {
    expect(build.code, build.output.slice(-3000)).toBe(0);
  });

  it("puts the imported SOP on its owner's role page, and gives it its steps", () => {
    const role = page(build.outDir, 'roles/cs-lead');
    const owned = /<section[^>]*data-role-sops="owned"[^>]*>([\s\S]*?)<\/section>/.exec(role)?.[1] ?? '';
    expect(owned).toMatch(/href="[^"]*\/sops\/imported-problem-orders\/"/);
    expect(textOf(owned)).toContain('问题订单处理流程');
    const sop = textOf(page(build.outDir, 'sops/imported-problem-orders'));
    expect(sop).toContain('当场指定处理人和完成时间');
    expect(sop).toContain('先联系谁');
    // The step done by the warehouse keeper puts the SOP among the ones that role takes part in.
    const keeper = page(build.outDir, 'roles/warehouse-keeper');
    const takingPart = /<section[^>]*data-role-sops="taking-part"[^>]*>([\s\S]*?)<\/section>/.exec(keeper)?.[1] ?? '';
    expect(takingPart).toMatch(/\/sops\/imported-problem-orders\//);
  });

  it('gives the imported role and plan their pages', () => {
    const role = textOf(page(build.outDir, 'roles/aftersales-specialist'));
    expect(role).toContain('售后专员');
    expect(role).toContain('签收后回访买家，促成回购');
    const plan = textOf(page(build.outDir, 'plans/imported-2014'));
    expect(plan).toContain('推动力家居生活馆 2014 年度销售目标');
    expect(plan).toContain('430万');
  });
});
