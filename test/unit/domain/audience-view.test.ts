/** domain/audiences.ts audienceView: the handbook as one audience may read it. */
import { describe, expect, it } from 'vitest';
import { audiencesOf, audienceView } from '../../../src/domain/audiences.ts';
import type { Entry, Handbook } from '../../../src/domain/handbook.ts';
import * as schemas from '../../../src/schema/collections.ts';

const entry = <T>(folder: string, id: string, data: T): Entry<T> => ({ id, file: `${folder}/${id}.md`, data });

const site = schemas.site.parse({
  name: '手册',
  audiences: [
    { id: 'staff', name: '全体员工' },
    { id: 'management', name: '管理层', includes: ['staff'], default: ['plans'] },
  ],
});

const handbook: Handbook = {
  site,
  departments: [
    entry('departments', 'service', schemas.department.parse({ name: '客服部' })),
    entry('departments', 'board', schemas.department.parse({ name: '董事会', audience: 'management' })),
  ],
  roles: [
    entry('roles', 'agent', schemas.role.parse({ title: '客服', department: 'service', responsibilities: ['接待'] })),
    entry('roles', 'director', schemas.role.parse({ title: '运营总监', department: 'board', responsibilities: ['统筹'], audience: 'management' })),
  ],
  sops: [
    entry('sops', 'refund', schemas.sop.parse({ title: '退款', owner: 'agent', steps: ['核对'], related: ['budget'] })),
    entry('sops', 'budget', schemas.sop.parse({ title: '预算审批', owner: 'director', steps: ['核对'], audience: 'management' })),
  ],
  plans: [
    entry('plans', 'y2026', schemas.plan.parse({ title: '2026 年度计划', store: '店', period: { start: '2026-01', end: '2026-12' } })),
    entry('plans', 'open', schemas.plan.parse({ title: '公开目标', store: '店', period: { start: '2026-01', end: '2026-12' }, audience: 'staff' })),
  ],
  glossary: schemas.glossary.parse([
    { term: '直通车', definition: '广告' },
    { term: '毛利率', definition: '利润', audience: 'management' },
  ]),
  cadence: schemas.cadence.parse([
    { title: '每日复盘', every: 'day' },
    { title: '月度经营会', every: 'month', on: 1, audience: 'management' },
  ]),
};

const audiences = audiencesOf(site)!;
const ids = (entries: readonly { id: string }[]) => entries.map((e) => e.id);

describe('audienceView', () => {
  it('gives staff only what staff may read: plans default to management, entries that name management are left out', () => {
    const staff = audienceView(handbook, audiences, 'staff');
    expect(ids(staff.handbook.departments)).toEqual(['service']);
    expect(ids(staff.handbook.roles)).toEqual(['agent']);
    expect(ids(staff.handbook.sops)).toEqual(['refund']);
    expect(ids(staff.handbook.plans)).toEqual(['open']);
    expect(staff.handbook.glossary.map((t) => t.term)).toEqual(['直通车']);
    expect(staff.handbook.cadence.map((c) => c.title)).toEqual(['每日复盘']);
    expect(staff.handbook.site).toBe(site);
  });

  it('says which audience a hidden entry belongs to, and nothing for a readable one or none', () => {
    const staff = audienceView(handbook, audiences, 'staff');
    expect(staff.hiddenFor('plan', 'y2026')).toBe('管理层');
    expect(staff.hiddenFor('sop', 'budget')).toBe('管理层');
    expect(staff.hiddenFor('role', 'director')).toBe('管理层');
    expect(staff.hiddenFor('department', 'board')).toBe('管理层');
    expect(staff.hiddenFor('term', '毛利率')).toBe('管理层');
    expect(staff.hiddenFor('sop', 'refund')).toBeUndefined();
    expect(staff.hiddenFor('sop', 'nothing')).toBeUndefined();
    // A kept entry still names the hidden one: the page shows it as plain text.
    expect(staff.handbook.sops[0]!.data.related).toEqual(['budget']);
  });

  it('gives management everything, its own and what it includes', () => {
    const management = audienceView(handbook, audiences, 'management');
    expect(ids(management.handbook.plans)).toEqual(['y2026', 'open']);
    expect(ids(management.handbook.sops)).toEqual(['refund', 'budget']);
    expect(management.handbook.glossary).toHaveLength(2);
    expect(management.handbook.cadence).toHaveLength(2);
    expect(management.hiddenFor('plan', 'y2026')).toBeUndefined();
  });

  it('lets a reader read a <Restricted> block of its own audience or one it includes', () => {
    expect(audienceView(handbook, audiences, 'staff').readsBlock('management')).toBe(false);
    expect(audienceView(handbook, audiences, 'staff').readsBlock(' staff ')).toBe(true);
    expect(audienceView(handbook, audiences, 'management').readsBlock('staff')).toBe(true);
    expect(audienceView(handbook, audiences, 'management').readsBlock('management')).toBe(true);
  });
});
