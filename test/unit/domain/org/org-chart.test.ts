import { describe, expect, it } from 'vitest';
import { chartNodes, orgChart } from '../../../../src/domain/org/org-chart.ts';
import type { Entry } from '../../../../src/domain/handbook.ts';
import type { RoleData } from '../../../../src/schema/collections.ts';

const role = (id: string, reportsTo?: string, department = 'ops'): Entry<RoleData> => ({
  id,
  file: `roles/${id}.md`,
  data: { title: id, department, reportsTo, holders: [], responsibilities: ['x'], requirements: [], kpis: [], tools: [] },
});

describe('org chart layout', () => {
  it('shows every role once, under its manager; a cycle and an unknown manager at the top, marked', () => {
    const roles = [role('boss'), role('x', 'boss'), role('y', 'x'), role('a', 'b'), role('b', 'a'), role('lost', 'ghost')];
    const chart = orgChart(roles);
    const nodes = chartNodes(chart);
    expect(nodes.map((n) => n.role.id).sort()).toEqual(['a', 'b', 'boss', 'lost', 'x', 'y']);
    const byId = new Map(nodes.map((n) => [n.role.id, n]));
    expect(byId.get('y')!.managerId).toBe('x');
    expect(byId.get('x')!.managerId).toBe('boss');
    expect(chart.roots[0]!.role.id).toBe('boss');
    expect(byId.get('a')!.detached).toBe('cycle');
    expect(byId.get('lost')!.detached).toBe('unknown-manager');
    expect(byId.get('boss')!.detached).toBeUndefined();
  });

  it('spreads the first manager with several reports, stacks leaves of a department', () => {
    const roles = [role('boss'), role('l1', 'boss'), role('l2', 'boss'), role('a1', 'l1'), role('a2', 'l1'), role('b1', 'l2')];
    const chart = orgChart(roles);
    expect(chart.roots[0]!.layout).toBe('row');
    expect(chart.columns).toBeGreaterThanOrEqual(2);
  });

  it('keeps 40 roles within 10 columns and a short column', () => {
    const roles = [role('ceo')];
    for (let d = 0; d < 8; d++) {
      roles.push(role(`head${d}`, 'ceo', `d${d}`));
      for (let i = 0; i < 3 + (d % 3); i++) roles.push(role(`r${d}-${i}`, `head${d}`, `d${d}`));
    }
    const chart = orgChart(roles.slice(0, 40));
    expect(chartNodes(chart)).toHaveLength(40);
    expect(chart.columns).toBeLessThanOrEqual(10);
    expect(chart.rows).toBeLessThanOrEqual(7);
  });

  it('draws a chain of single reports top-down before spreading', () => {
    const roles = [role('ceo'), role('coo', 'ceo'), ...['a', 'b', 'c'].flatMap((d) => [role(d, 'coo'), role(`${d}1`, d), role(`${d}2`, d)])];
    const chart = orgChart(roles);
    const coo = chart.roots[0]!.reports[0]!;
    expect(coo.role.id).toBe('coo');
    expect(coo.layout).toBe('row');
    expect(coo.columns).toBe(3);
  });

  it('groups reports by department order, then title', () => {
    const roles = [role('boss'), role('z', 'boss', 'first'), role('m', 'boss', 'second'), role('a', 'boss', 'second')];
    const chart = orgChart(roles, { departmentOrder: ['first', 'second'] });
    expect(chart.roots[0]!.reports.map((n) => n.role.id)).toEqual(['z', 'a', 'm']);
  });
});
