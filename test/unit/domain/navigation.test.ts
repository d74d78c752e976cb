import { describe, expect, it } from 'vitest';
import { SIDEBAR_SOPS, breadcrumbs, departmentOf, departmentSequence, prevNext, sidebar, windowAround } from '../../../src/domain/navigation.ts';
import { linker } from '../../../src/domain/urls.ts';
import type { Entry } from '../../../src/domain/handbook.ts';
import * as schemas from '../../../src/schema/collections.ts';
import type { DepartmentData, RoleData, SopData } from '../../../src/schema/collections.ts';

const department = (id: string, data: Record<string, unknown>): Entry<DepartmentData> => ({
  id,
  file: `departments/${id}.yaml`,
  data: schemas.department.parse(data),
});
const role = (id: string, data: Record<string, unknown>): Entry<RoleData> => ({
  id,
  file: `roles/${id}.md`,
  data: schemas.role.parse({ responsibilities: ['x'], ...data }),
});
const sop = (id: string, data: Record<string, unknown>): Entry<SopData> => ({
  id,
  file: `sops/${id}.md`,
  data: schemas.sop.parse({ steps: ['do it'], ...data }),
});

const handbook = {
  departments: [department('warehouse', { name: '仓储部', order: 2 }), department('cs', { name: '客服部', order: 1 })],
  roles: [
    role('lead', { title: '客服主管', department: 'cs' }),
    role('agent', { title: '售前客服', department: 'cs', reportsTo: 'lead' }),
    role('keeper', { title: '仓储发货员', department: 'warehouse' }),
  ],
  sops: [
    sop('address', { title: '核对收件信息', owner: 'agent' }),
    sop('remarks', { title: '订单备注', owner: 'agent', department: 'warehouse' }),
    sop('ship', { title: '72 小时内发货', owner: 'keeper' }),
    sop('problems', { title: '问题订单', owner: 'lead' }),
  ],
  plans: [],
  glossary: [],
};
const links = linker(handbook, '/hb/');
const ids = (items: readonly { href?: string }[]) => items.map((i) => i.href);

describe('departmentOf', () => {
  it('is the department itself, a role’s department, or an SOP’s own department before its owner’s', () => {
    expect(departmentOf({ kind: 'department', id: 'cs' }, handbook)).toBe('cs');
    expect(departmentOf({ kind: 'role', id: 'keeper' }, handbook)).toBe('warehouse');
    expect(departmentOf({ kind: 'sop', id: 'address' }, handbook)).toBe('cs');
    expect(departmentOf({ kind: 'sop', id: 'remarks' }, handbook)).toBe('warehouse');
    expect(departmentOf(undefined, handbook)).toBeUndefined();
    expect(departmentOf({ kind: 'role', id: 'nobody' }, handbook)).toBeUndefined();
  });
});

describe('sidebar', () => {
  it('lists every department in order and opens only the current one, with its roles then SOPs by title', () => {
    const bar = sidebar(handbook, { kind: 'sop', id: 'address' }, links);
    expect(bar.map((d) => [d.link.label, d.open])).toEqual([
      ['客服部', true],
      ['仓储部', false],
    ]);
    expect(bar[0]!.roles.map((r) => r.label)).toEqual(['客服主管', '售前客服']);
    expect(bar[0]!.sops.map((s) => [s.label, s.current])).toEqual([
      ['核对收件信息', true],
      ['问题订单', false],
    ]);
    expect(bar[1]!.roles).toEqual([]);
    expect(bar[1]!.sops).toEqual([]);
  });

  it('does not grow with other departments: a closed department is one link', () => {
    const bar = sidebar(handbook, { kind: 'role', id: 'keeper' }, links);
    const count = bar.reduce((n, d) => n + 1 + d.roles.length + d.sops.length, 0);
    expect(count).toBe(2 + 1 + 2); // two departments, the warehouse's keeper, ship and remarks
    expect(bar[1]!.sops.map((s) => s.label)).toEqual(['72 小时内发货', '订单备注']);
  });

  it('marks the department page itself as current, and opens nothing on other pages', () => {
    expect(sidebar(handbook, { kind: 'department', id: 'cs' }, links)[0]!.link.current).toBe(true);
    expect(sidebar(handbook, undefined, links).every((d) => !d.open && !d.link.current)).toBe(true);
  });
});

describe('breadcrumbs', () => {
  it('goes department → owner role → SOP, the page last and current', () => {
    const trail = breadcrumbs(handbook, { kind: 'sop', id: 'address' }, links);
    expect(trail.map((c) => [c.label, c.href, c.current])).toEqual([
      ['客服部', '/hb/departments/cs/', false],
      ['售前客服', '/hb/roles/agent/', false],
      ['核对收件信息', '/hb/sops/address/', true],
    ]);
  });

  it('leaves out an owner who works in another department than the SOP', () => {
    expect(breadcrumbs(handbook, { kind: 'sop', id: 'remarks' }, links).map((c) => c.label)).toEqual(['仓储部', '订单备注']);
  });

  it('is department → role for a role, and the department alone for a department', () => {
    expect(breadcrumbs(handbook, { kind: 'role', id: 'lead' }, links).map((c) => c.label)).toEqual(['客服部', '客服主管']);
    expect(breadcrumbs(handbook, { kind: 'department', id: 'cs' }, links).map((c) => c.label)).toEqual(['客服部']);
    expect(breadcrumbs(handbook, undefined, links)).toEqual([]);
  });
});

describe('prevNext', () => {
  it('follows the department’s reading order: department, roles, SOPs', () => {
    expect(departmentSequence('cs', handbook).map((p) => `${p.kind}:${p.id}`)).toEqual([
      'department:cs',
      'role:lead',
      'role:agent',
      'sop:address',
      'sop:problems',
    ]);
    const middle = prevNext(handbook, { kind: 'role', id: 'agent' }, links);
    expect(middle.prev?.label).toBe('客服主管');
    expect(middle.next).toMatchObject({ label: '核对收件信息', kind: 'sop', href: '/hb/sops/address/', current: false });
  });

  it('stops at the ends of the department and never crosses into another', () => {
    expect(prevNext(handbook, { kind: 'department', id: 'cs' }, links).prev).toBeUndefined();
    expect(prevNext(handbook, { kind: 'sop', id: 'problems' }, links).next).toBeUndefined();
    expect(ids([prevNext(handbook, { kind: 'sop', id: 'remarks' }, links).prev!])).toEqual(['/hb/sops/ship/']);
  });

  it('is empty for pages outside any department', () => {
    expect(prevNext(handbook, undefined, links)).toEqual({});
    expect(prevNext(handbook, { kind: 'role', id: 'nobody' }, links)).toEqual({});
  });
});

describe('sidebar of a large department', () => {
  const many = Array.from({ length: 60 }, (_, i) => sop(`s${String(i).padStart(2, '0')}`, { title: `流程 ${String(i).padStart(2, '0')}`, owner: 'agent' }));
  const big = { ...handbook, sops: many };
  const bigLinks = linker(big, '/');

  it(`lists at most ${SIDEBAR_SOPS} SOPs, around the page's own, and says how many there are`, () => {
    const bar = sidebar(big, { kind: 'sop', id: 's40' }, bigLinks)[0]!;
    expect(bar.sops).toHaveLength(SIDEBAR_SOPS);
    expect(bar.sopCount).toBe(60);
    const at = bar.sops.findIndex((s) => s.current);
    expect(bar.sops[at]!.label).toBe('流程 40');
    expect(at).toBe(Math.floor(SIDEBAR_SOPS / 2));
  });

  it('starts from the first SOP on the department and role pages, and keeps the window inside the list', () => {
    expect(sidebar(big, { kind: 'department', id: 'cs' }, bigLinks)[0]!.sops[0]!.label).toBe('流程 00');
    const last = sidebar(big, { kind: 'sop', id: 's59' }, bigLinks)[0]!.sops;
    expect(last.at(-1)!.label).toBe('流程 59');
    expect(last).toHaveLength(SIDEBAR_SOPS);
  });

  it('keeps a small department whole', () => {
    expect(windowAround([1, 2, 3], 1, 25)).toEqual([1, 2, 3]);
    expect(windowAround([1, 2, 3, 4, 5], 0, 3)).toEqual([1, 2, 3]);
    expect(windowAround([1, 2, 3, 4, 5], 4, 3)).toEqual([3, 4, 5]);
  });
});
