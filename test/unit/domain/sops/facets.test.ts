import { describe, expect, it } from 'vitest';
import { facetValueOf, facetValues, NO_FREQUENCY, sopFacets } from '../../../../src/domain/sops/facets.ts';
import type { Entry } from '../../../../src/domain/handbook.ts';
import * as schemas from '../../../../src/schema/collections.ts';
import type { DepartmentData, RoleData, SopData } from '../../../../src/schema/collections.ts';

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
  departments: [
    department('warehouse', { name: '仓储部', order: 2 }),
    department('cs', { name: '客服部', order: 1 }),
    department('empty', { name: '空部门', order: 3 }),
  ],
  roles: [
    role('keeper', { title: '仓储发货员', department: 'warehouse' }),
    role('lead', { title: '客服主管', department: 'cs' }),
    role('agent', { title: '售前客服', department: 'cs' }),
  ],
  sops: [
    sop('address', { title: '核对收件信息', owner: 'agent', frequency: 'on-event' }),
    sop('remarks', { title: '订单备注', owner: 'agent', department: 'warehouse', frequency: 'daily' }),
    sop('ship', { title: '72 小时内发货', owner: 'keeper', frequency: 'daily' }),
    sop('problems', { title: '问题订单', owner: 'lead' }),
  ],
};
const summary = (values: ReturnType<typeof facetValues>) => values.map((v) => [v.value, v.sops.map((s) => s.id)]);

describe('facetValueOf', () => {
  it('reads the department (own, else the owner’s), the owner and the frequency', () => {
    const remarks = handbook.sops[1]!;
    expect(facetValueOf('department', remarks, handbook)).toBe('warehouse');
    expect(facetValueOf('owner', remarks, handbook)).toBe('agent');
    expect(facetValueOf('frequency', handbook.sops[3]!, handbook)).toBe(NO_FREQUENCY);
  });
});

describe('facetValues', () => {
  it('groups SOPs by department in department order, leaving out departments without SOPs', () => {
    expect(summary(facetValues('department', handbook))).toEqual([
      ['cs', ['address', 'problems']],
      ['warehouse', ['ship', 'remarks']],
    ]);
  });

  it('groups by owner in department order, then by title within a department', () => {
    expect(summary(facetValues('owner', handbook))).toEqual([
      ['lead', ['problems']],
      ['agent', ['remarks', 'address']], // 订单 (dìng) before 核对 (hé)
      ['keeper', ['ship']],
    ]);
  });

  it('groups by frequency in the format’s order, SOPs without one last', () => {
    expect(summary(facetValues('frequency', handbook))).toEqual([
      ['on-event', ['address']],
      ['daily', ['ship', 'remarks']],
      [NO_FREQUENCY, ['problems']],
    ]);
  });

  it('puts every SOP in exactly one value of each facet', () => {
    for (const values of Object.values(sopFacets(handbook))) {
      expect(values.flatMap((v) => v.sops.map((s) => s.id)).sort()).toEqual(['address', 'problems', 'remarks', 'ship']);
    }
  });
});
