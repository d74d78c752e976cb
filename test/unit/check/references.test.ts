/** check/references.ts: the reference fields of a file, found through the schema, each read on its own. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { referencesIn } from '../../../src/check/references.ts';
import * as schemas from '../../../src/schema/collections.ts';
import { roleRef } from '../../../src/schema/values.ts';

const rows = (schema: z.ZodType, data: unknown) => referencesIn(schema, data).map((r) => [r.kind, r.id, r.path.join('.'), r.inList]);

describe('referencesIn', () => {
  it('finds every reference field of an SOP, in a file that fails its schema', () => {
    const sop = {
      title: '退款审核',
      owner: ' 售后客服 ',
      frequency: '每天',
      participants: ['agent', 42],
      department: 'service',
      steps: ['核对订单', { do: '退款', by: '客服主管' }],
      related: ['first-reply'],
    };
    expect(schemas.sop.safeParse(sop).success).toBe(false);
    expect(rows(schemas.sop, sop)).toEqual([
      ['role', '售后客服', 'owner', false],
      ['role', 'agent', 'participants.0', true],
      ['department', 'service', 'department', false],
      ['role', '客服主管', 'steps.1.by', false],
      ['sop', 'first-reply', 'related.0', true],
    ]);
  });

  it('finds the references of roles, departments, plans, glossary and cadence', () => {
    expect(rows(schemas.role, { department: 'ops', reportsTo: 'boss' })).toEqual([
      ['department', 'ops', 'department', false],
      ['role', 'boss', 'reportsTo', false],
    ]);
    expect(rows(schemas.department, { name: 'x', lead: 'boss' })).toEqual([['role', 'boss', 'lead', false]]);
    expect(rows(schemas.plan, { stages: [{ staff: [{ role: 'agent', count: 'two' }] }] })).toEqual([['role', 'agent', 'stages.0.staff.0.role', false]]);
    expect(rows(schemas.glossary, [{ term: '直通车', seeAlso: ['钻展', 2024] }])).toEqual([
      ['term', '钻展', '0.seeAlso.0', true],
      ['term', '2024', '0.seeAlso.1', true],
    ]);
    expect(rows(schemas.cadence, [{ every: 'week', owner: 'boss', sop: 'first-reply' }])).toEqual([
      ['role', 'boss', '0.owner', false],
      ['sop', 'first-reply', '0.sop', false],
    ]);
  });

  it('reads a list written as one text, at the field itself', () => {
    expect(rows(schemas.sop, { participants: 'agent、boss' })).toEqual([
      ['role', 'agent', 'participants', true],
      ['role', 'boss', 'participants', true],
    ]);
  });

  it('keeps a reference field a reference when it carries help (.meta clones the schema)', () => {
    const schema = z.object({ owner: roleRef.meta({ description: 'the accountable role' }), note: z.string() });
    expect(rows(schema, { owner: 'boss', note: 1 })).toEqual([['role', 'boss', 'owner', false]]);
  });
});

describe('required references', () => {
  const required = (schema: z.ZodType, data: unknown) => referencesIn(schema, data).map((r) => [r.path.join('.'), r.required]);

  it('are the fields the schema cannot do without: an SOP owner, a role department', () => {
    expect(required(schemas.sop, { owner: 'agent', participants: ['boss'], department: 'service', steps: [{ do: 'x', by: 'boss' }], related: ['a'] })).toEqual([
      ['owner', true],
      ['participants.0', false],
      ['department', false],
      ['steps.0.by', false],
      ['related.0', false],
    ]);
    expect(required(schemas.role, { department: 'ops', reportsTo: 'boss', audience: 'management' })).toEqual([
      ['department', true],
      ['reportsTo', false],
      ['audience', false],
    ]);
  });

  it("are never a list file's items nor a list item's fields", () => {
    expect(required(schemas.cadence, [{ owner: 'boss', sop: 'x' }])).toEqual([
      ['0.owner', false],
      ['0.sop', false],
    ]);
    expect(required(schemas.plan, { stages: [{ staff: [{ role: 'agent' }] }] })).toEqual([['stages.0.staff.0.role', false]]);
  });

  it('find audience ids wherever an entry or item names one, and in site.yaml includes', () => {
    const kinds = (schema: z.ZodType, data: unknown) =>
      referencesIn(schema, data)
        .filter((r) => r.kind === 'audience')
        .map((r) => [r.id, r.path.join('.')]);
    expect(
      kinds(schemas.site, {
        name: 'x',
        audiences: [
          { id: 'staff', name: 'a' },
          { id: 'management', name: 'b', includes: ['staff'] },
        ],
      }),
    ).toEqual([['staff', 'audiences.1.includes.0']]);
    expect(kinds(schemas.glossary, [{ term: 'x', audience: 'management' }])).toEqual([['management', '0.audience']]);
    expect(kinds(schemas.department, { name: 'x', audience: 'management' })).toEqual([['management', 'audience']]);
  });
});
