import { describe, expect, it } from 'vitest';
import { directReports, orgTree, reportingChain, reportingCycles } from '../../../../src/domain/org/org.ts';
import { headcountAt, staffingTable } from '../../../../src/domain/org/staffing.ts';
import type { Entry } from '../../../../src/domain/handbook.ts';
import type { RoleData } from '../../../../src/schema/collections.ts';

const role = (id: string, reportsTo?: string): Entry<RoleData> => ({
  id,
  file: `roles/${id}.md`,
  data: { title: id, department: 'ops', reportsTo, holders: [], responsibilities: ['x'], requirements: [], kpis: [], tools: [] },
});

describe('reporting graph', () => {
  it('finds a cycle of length 1 and one of length 3, each once', () => {
    const roles = [role('boss'), role('self', 'self'), role('a', 'b'), role('b', 'c'), role('c', 'a'), role('d', 'a')];
    expect(reportingCycles(roles)).toEqual([['self'], ['a', 'b', 'c']]);
  });

  it('keeps every role in the tree exactly once, cycles included', () => {
    const roles = [role('boss'), role('x', 'boss'), role('y', 'x'), role('a', 'b'), role('b', 'a')];
    const seen: string[] = [];
    const walk = (nodes: ReturnType<typeof orgTree>) =>
      nodes.forEach((n) => {
        seen.push(n.role.id);
        walk(n.reports);
      });
    walk(orgTree(roles));
    expect(seen.sort()).toEqual(['a', 'b', 'boss', 'x', 'y']);
  });

  it('walks the chain up and the reports down', () => {
    const roles = [role('boss'), role('lead', 'boss'), role('agent', 'lead')];
    expect(reportingChain('agent', roles).map((r) => r.id)).toEqual(['lead', 'boss']);
    expect(directReports('boss', roles).map((r) => r.id)).toEqual(['lead']);
    expect(reportingChain('x', [role('x', 'x')])).toEqual([]);
  });
});

describe('staffing steps', () => {
  const presales = {
    base: 1,
    steps: [
      { atOrdersPerDay: 50, add: 1 },
      { atOrdersPerDay: 150, add: 1 },
    ],
  };
  it.each([
    [0, 1],
    [49, 1],
    [50, 2],
    [149, 2],
    [150, 3],
    [350, 3],
  ])('%d orders a day need %d agents', (orders, count) => {
    expect(headcountAt(presales, orders)).toBe(count);
  });
  it('tabulates the thresholds', () => {
    expect(staffingTable(presales)).toEqual([
      { fromOrdersPerDay: 0, headcount: 1 },
      { fromOrdersPerDay: 50, headcount: 2 },
      { fromOrdersPerDay: 150, headcount: 3 },
    ]);
  });
});
