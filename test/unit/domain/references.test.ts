import { describe, expect, it } from 'vitest';
import { byTitle, relatedFrom, rolesOfDepartment, sopsOfDepartment, sopsOwnedBy, sopsTakingPart, stepsBy } from '../../../src/domain/references.ts';
import type { Entry } from '../../../src/domain/handbook.ts';
import * as schemas from '../../../src/schema/collections.ts';
import type { RoleData, SopData } from '../../../src/schema/collections.ts';

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

const roles = [
  role('lead', { title: '客服主管', department: 'cs' }),
  role('agent', { title: '售前客服', department: 'cs', reportsTo: 'lead' }),
  role('keeper', { title: '仓储发货员', department: 'warehouse' }),
];

const sops = [
  sop('problem-orders', {
    title: '问题订单',
    owner: 'lead',
    participants: ['agent'],
    steps: ['登记', { do: '确认到货', by: 'keeper' }, { do: '回复买家', by: 'agent' }],
    related: ['ship-72h', 'remarks'],
  }),
  sop('ship-72h', { title: '72 小时内发货', owner: 'keeper', related: ['problem-orders'] }),
  sop('remarks', { title: '订单备注', owner: 'agent', department: 'warehouse', related: ['remarks'] }),
  sop('address', { title: '核对收件信息', owner: 'agent', steps: [{ do: '核对', by: 'agent' }] }),
];

describe('sopsOwnedBy / sopsTakingPart', () => {
  it('finds the SOPs a role owns', () => {
    expect(sopsOwnedBy('agent', sops).map((s) => s.id)).toEqual(['remarks', 'address']); // 订单 (dìng) before 核对 (hé)
    expect(sopsOwnedBy('lead', sops).map((s) => s.id)).toEqual(['problem-orders']);
  });

  it('counts participants and step roles, never the SOPs the role owns', () => {
    expect(sopsTakingPart('agent', sops).map((s) => s.id)).toEqual(['problem-orders']);
    // keeper is named only by a step, not as a participant
    expect(sopsTakingPart('keeper', sops).map((s) => s.id)).toEqual(['problem-orders']);
    // a step by the owner does not make the owner a participant
    expect(sopsTakingPart('agent', sops).map((s) => s.id)).not.toContain('address');
    expect(sopsTakingPart('nobody', sops)).toEqual([]);
  });

  it('gives the step numbers a role does', () => {
    expect(stepsBy('agent', sops[0]!.data)).toEqual([3]);
    expect(stepsBy('keeper', sops[0]!.data)).toEqual([2]);
    expect(stepsBy('lead', sops[0]!.data)).toEqual([]);
  });
});

describe('relatedFrom', () => {
  it('lists SOPs that name this one as related, excluding a self-reference', () => {
    expect(relatedFrom('problem-orders', sops).map((s) => s.id)).toEqual(['ship-72h']);
    expect(relatedFrom('remarks', sops).map((s) => s.id)).toEqual(['problem-orders']);
    expect(relatedFrom('address', sops)).toEqual([]);
  });
});

describe('departments', () => {
  it('lists the roles of a department by title', () => {
    expect(rolesOfDepartment('cs', roles).map((r) => r.id)).toEqual(['lead', 'agent']);
    expect(rolesOfDepartment('none', roles)).toEqual([]);
  });

  it("puts an SOP in its own department, else in its owner's", () => {
    expect(sopsOfDepartment('cs', sops, roles).map((s) => s.id)).toEqual(['address', 'problem-orders']);
    expect(sopsOfDepartment('warehouse', sops, roles).map((s) => s.id)).toEqual(['ship-72h', 'remarks']);
  });
});

describe('byTitle', () => {
  it('sorts by title in Chinese collation, then by id', () => {
    const a = sop('a', { title: '订单', owner: 'x' });
    const b = sop('b', { title: '订单', owner: 'x' });
    const c = sop('c', { title: '包邮', owner: 'x' });
    expect([b, a, c].sort(byTitle).map((s) => s.id)).toEqual(['c', 'a', 'b']);
  });
});
