import { describe, expect, it } from 'vitest';
import * as schemas from '../../../../src/schema/collections.ts';
import { commitNote, entryHistory, namesFromVersions, type ParsedEvent } from '../../../../src/domain/changes/history.ts';
import type { AnyVersion } from '../../../../src/domain/changes/describe.ts';

const sop = (sla: string, owner = 'presales-cs'): AnyVersion => ({
  kind: 'sop',
  version: { id: 'a', data: schemas.sop.parse({ title: '核对', owner, sla, steps: ['一'] }) },
});
const role = (id: string, title: string): AnyVersion => ({
  kind: 'role',
  version: { id, data: schemas.role.parse({ title, department: 'cs', responsibilities: ['接待'] }) },
});

function event(time: number, status: ParsedEvent['status'], version: AnyVersion | undefined, subject = ''): ParsedEvent {
  return { hash: `h${time}`, time, subject, file: 'sops/a.md', status, version };
}

describe('commitNote', () => {
  it('drops subjects that only name the file', () => {
    expect(commitNote('Update sops/address-check.md', 'sops/address-check.md')).toBeUndefined();
    expect(commitNote('更新 address-check.md', 'sops/address-check.md')).toBeUndefined();
    expect(commitNote('address-check', 'sops/address-check.md')).toBeUndefined();
    expect(commitNote('', 'sops/address-check.md')).toBeUndefined();
  });

  it('keeps subjects that say why', () => {
    expect(commitNote('大促前缩短时限', 'sops/a.md')).toBe('大促前缩短时限');
    expect(commitNote('Update sops/a.md: shorter SLA before 双11', 'sops/a.md')).toBe('Update sops/a.md: shorter SLA before 双11');
  });
});

describe('entryHistory', () => {
  const names = namesFromVersions([[{ ...event(1, 'A', role('presales-cs', '售前客服')) }, { ...event(2, 'M', role('presales-cs', '售前专员')) }]]);

  it('names roles by their newest title', () => {
    expect(names.role.get('presales-cs')).toBe('售前专员');
  });

  it('describes a version the schema refused as nothing, and the next against the last readable one', () => {
    const history = entryHistory([event(1, 'A', sop('24h')), event(2, 'M', undefined), event(3, 'M', sop('12h', 'cs-lead'))], 'zh-CN', names)!;
    expect(history.versions.map((v) => [v.time, v.changes.map((c) => c.kind)])).toEqual([
      [3, ['field', 'field']],
      [1, ['entry.added']],
    ]);
    expect(history.versions[0]!.changes[0]).toEqual({ kind: 'field', field: 'owner', from: '售前专员', to: 'cs-lead' });
  });

  it('leaves out versions that changed nothing the parsed data shows, and a first version it cannot compare', () => {
    const history = entryHistory([event(1, 'M', sop('24h')), event(2, 'M', sop('24小时')), event(3, 'M', sop('12h'))], 'zh-CN', names)!;
    expect(history.versions.map((v) => v.time)).toEqual([3]);
  });

  it('marks a removed entry', () => {
    const history = entryHistory([event(1, 'A', sop('24h')), event(2, 'D', undefined)], 'zh-CN', names)!;
    expect(history.removed).toBe(true);
    expect(history.versions[0]!.changes).toEqual([{ kind: 'entry.removed', title: '核对' }]);
  });
});
