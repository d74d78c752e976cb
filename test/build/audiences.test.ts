/**
 * Audiences (issue #26) in the build. Until the build writes one site per audience, a handbook that
 * declares audiences must not be built as one site for everyone: that would publish plans and
 * <Restricted> text to every reader.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite } from './helpers.ts';

const AUDIENCES = `
audiences:
  - id: staff
    name: 全体员工
  - id: management
    name: 管理层
    includes: [staff]
    default: [plans]
`;

describe('a handbook that declares audiences', () => {
  it('is not built as one site for everyone', () => {
    const content = mkdtempSync(path.join(os.tmpdir(), 'opsbook-audiences-'));
    cpSync('test/fixtures/base', content, { recursive: true });
    writeFileSync(path.join(content, 'site.yaml'), readFileSync(path.join(content, 'site.yaml'), 'utf8') + AUDIENCES);
    const built = buildSite(content);
    expect(built.code).not.toBe(0);
    expect(built.output).toContain('还不能按受众分别构建站点');
    expect(existsSync(path.join(built.outDir, 'index.html'))).toBe(false);
    expect(existsSync(path.join(built.outDir, 'plans'))).toBe(false);
  });
});
