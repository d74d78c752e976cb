/**
 * The org chart's layout, from orgTree: which managers lay their reports out
 * side by side (a row, the classic top-down chart) and which list them below
 * themselves (a stack, an indented tree). Rows where they shorten the chart,
 * stacks where rows would make it too wide: 40 roles stay readable on a screen
 * and on one A4 landscape page.
 */
import type { Entry } from '../handbook.ts';
import { orgTree, reportingCycles, type OrgNode } from './org.ts';
import { byTitle } from '../references.ts';
import type { RoleData } from '../../schema/collections.ts';

export interface ChartNode {
  readonly role: Entry<RoleData>;
  /** The manager the chart shows this role under; undefined for a top box. */
  readonly managerId: string | undefined;
  /** Why a role with a reportsTo is drawn at the top: its manager is unknown, or it is in a reportsTo cycle. */
  readonly detached?: 'unknown-manager' | 'cycle';
  /** row: reports side by side below; stack: reports listed below, indented. */
  readonly layout: 'row' | 'stack';
  /** Columns the node takes (1 for a stack). */
  readonly columns: number;
  /** Boxes from its top to the bottom of its tallest column. */
  readonly rows: number;
  readonly reports: ChartNode[];
}

export interface OrgChart {
  readonly roots: ChartNode[];
  /** Columns of the whole chart (the roots side by side). */
  readonly columns: number;
  /** Boxes down the tallest column. */
  readonly rows: number;
}

/** Columns the chart may grow to by turning stacks into rows (the first row is always made). */
export const MAX_COLUMNS = 10;

interface Work {
  node: OrgNode;
  parent: Work | undefined;
  row: boolean;
  children: Work[];
}

const size = (n: OrgNode): number => 1 + n.reports.reduce((sum, r) => sum + size(r), 0);

function columnsOf(w: Work): number {
  return w.row && w.children.length > 0 ? w.children.reduce((sum, c) => sum + columnsOf(c), 0) : 1;
}

function rowsOf(w: Work): number {
  if (!w.row) return size(w.node);
  return 1 + Math.max(0, ...w.children.map(rowsOf));
}

/** A node may become a row when every manager above it is a row (rows hang from rows, never from a stack). */
function eligible(w: Work): boolean {
  return !w.row && w.children.length > 0 && (w.parent === undefined || w.parent.row);
}

export interface OrgChartOptions {
  /** Department ids in display order: reports are grouped by department in this order, then by title. */
  readonly departmentOrder?: readonly string[];
  readonly maxColumns?: number;
}

export function orgChart(roles: readonly Entry<RoleData>[], options: OrgChartOptions = {}): OrgChart {
  const maxColumns = options.maxColumns ?? MAX_COLUMNS;
  const ids = new Set(roles.map((r) => r.id));
  const inCycle = new Set(reportingCycles(roles).flat());
  const rank = new Map((options.departmentOrder ?? []).map((id, i) => [id, i]));
  const deptRank = (n: OrgNode) => rank.get(n.role.data.department) ?? rank.size;
  const order = (a: OrgNode, b: OrgNode) => deptRank(a) - deptRank(b) || byTitle(a.role, b.role);
  const wrap = (node: OrgNode, parent: Work | undefined): Work => {
    const w: Work = { node, parent, row: false, children: [] };
    w.children = [...node.reports].sort(order).map((r) => wrap(r, w));
    return w;
  };
  // True roots first; roles drawn at the top only because of a bad reportsTo come last.
  const declared = (n: OrgNode) => (n.role.data.reportsTo === undefined ? 0 : 1);
  const roots = orgTree(roles)
    .sort((a, b) => declared(a) - declared(b) || order(a, b))
    .map((n) => wrap(n, undefined));
  const all: Work[] = [];
  const walk = (w: Work) => {
    all.push(w);
    w.children.forEach(walk);
  };
  roots.forEach(walk);

  const width = () => roots.reduce((sum, r) => sum + columnsOf(r), 0);
  const height = () => Math.max(0, ...roots.map(rowsOf));

  // A chain of single reports costs no width: draw it top-down. The first
  // manager with several reports always spreads them, however many.
  const spreadChains = () => {
    let changed = true;
    while (changed) {
      changed = false;
      for (const w of all) {
        if (eligible(w) && w.children.length === 1) {
          w.row = true;
          changed = true;
        }
      }
    }
  };
  spreadChains();
  for (const w of all) if (eligible(w) && w.parent === undefined) w.row = true;
  spreadChains();

  // Then, while it shortens the tallest column and the chart stays within maxColumns,
  // spread the manager that adds the fewest columns.
  for (;;) {
    const before = height();
    const wide = width();
    const limit = Math.max(maxColumns, wide);
    let best: { w: Work; added: number } | undefined;
    for (const w of all) {
      if (!eligible(w)) continue;
      w.row = true;
      const added = width() - wide;
      const shorter = height() < before;
      const fits = width() <= limit;
      w.row = false;
      if (shorter && fits && (best === undefined || added < best.added)) best = { w, added };
    }
    if (!best) break;
    best.w.row = true;
    spreadChains();
  }

  const freeze = (w: Work): ChartNode => {
    const declared = w.node.role.data.reportsTo;
    const detached =
      w.parent !== undefined || declared === undefined
        ? undefined
        : inCycle.has(w.node.role.id)
          ? ('cycle' as const)
          : !ids.has(declared)
            ? ('unknown-manager' as const)
            : undefined;
    return {
      role: w.node.role,
      managerId: w.parent?.node.role.id,
      ...(detached ? { detached } : {}),
      layout: w.row ? 'row' : 'stack',
      columns: columnsOf(w),
      rows: rowsOf(w),
      reports: w.children.map(freeze),
    };
  };
  return { roots: roots.map(freeze), columns: Math.max(1, width()), rows: Math.max(1, height()) };
}

/** Every node of the chart, top-down, depth first. */
export function chartNodes(chart: OrgChart): ChartNode[] {
  const out: ChartNode[] = [];
  const walk = (n: ChartNode) => {
    out.push(n);
    n.reports.forEach(walk);
  };
  chart.roots.forEach(walk);
  return out;
}
