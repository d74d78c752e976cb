import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { frequencyRank, onboardingPath, onboardingStorageKey, termsInOrder } from '../../../../src/domain/org/onboarding.ts';
import { loadContent } from '../../../../src/check/load.ts';
import { foldScript } from '../../../../src/domain/script.ts';
import type { Entry, Handbook } from '../../../../src/domain/handbook.ts';
import * as schemas from '../../../../src/schema/collections.ts';
import type { RoleData, SopData } from '../../../../src/schema/collections.ts';

const role = (id: string, data: Record<string, unknown>): Entry<RoleData> => ({
  id,
  file: `roles/${id}.md`,
  data: schemas.role.parse({ title: id, department: 'cs', responsibilities: ['x'], ...data }),
});
const sop = (id: string, data: Record<string, unknown>, body?: string): Entry<SopData> => ({
  id,
  file: `sops/${id}.md`,
  data: schemas.sop.parse({ steps: ['do it'], ...data }),
  ...(body ? { body } : {}),
});
const term = (t: string, aliases: string[] = []) => schemas.glossaryTerm.parse({ term: t, aliases, definition: `${t} 的定义` });

const handbook: Pick<Handbook, 'roles' | 'sops' | 'glossary' | 'cadence'> = {
  roles: [role('agent', { title: '售前客服', tools: ['旺旺'], responsibilities: ['20 秒内回复买家'] }), role('lead', { title: '客服主管' })],
  sops: [
    sop('refunds', { title: '退款处理', owner: 'agent', frequency: 'on-event', steps: ['在千牛里登记'] }),
    sop('daily-check', { title: '每日巡检', owner: 'agent', frequency: 'daily' }),
    sop('weekly-report', { title: '周报', owner: 'agent', frequency: 'weekly' }, '周报里写上 DSR。'),
    sop('no-frequency', { title: '无频率', owner: 'agent' }),
    sop('a-daily', { title: '阿 每日', owner: 'agent', frequency: 'daily' }),
    sop('qa', { title: '聊天抽查', owner: 'lead', frequency: 'daily', steps: [{ do: '标出问题', by: 'agent' }] }),
    sop('meeting', { title: '部门例会', owner: 'lead', participants: ['agent'], frequency: 'monthly' }),
    sop('other', { title: '无关', owner: 'lead', frequency: 'daily', steps: ['用直通车'] }),
  ],
  glossary: [term('直通车', ['直通車']), term('千牛'), term('DSR', ['店铺动态评分']), term('旺旺', ['阿里旺旺']), term('聚划算')],
  cadence: [
    schemas.cadenceItem.parse({ title: '月度例会', every: 'month', on: 1, owner: 'lead', sop: 'meeting' }),
    schemas.cadenceItem.parse({ title: '每周周报', every: 'week', on: 'mon', owner: 'agent', sop: 'weekly-report' }),
    schemas.cadenceItem.parse({ title: '直通车检查', every: 'day', owner: 'lead', sop: 'other' }),
    schemas.cadenceItem.parse({ title: '晨会', every: 'day', at: '09:00', owner: 'agent' }),
  ],
};

describe('onboarding path', () => {
  const path_ = onboardingPath('agent', handbook);

  it('lists owned SOPs first, by frequency then title, then the SOPs it takes part in', () => {
    expect(path_.sops.map((s) => [s.sop.id, s.relation])).toEqual([
      ['a-daily', 'owner'],
      ['daily-check', 'owner'],
      ['weekly-report', 'owner'],
      ['refunds', 'owner'],
      ['no-frequency', 'owner'],
      ['qa', 'participant'],
      ['meeting', 'participant'],
    ]);
    expect(path_.sops.find((s) => s.sop.id === 'qa')!.steps).toEqual([1]);
  });

  it('ranks daily < weekly < monthly < quarterly < seasonal < yearly < on-event < none', () => {
    const order = (['daily', 'weekly', 'monthly', 'quarterly', 'seasonal', 'yearly', 'on-event', undefined] as const).map(frequencyRank);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(8);
  });

  it('finds the glossary terms of the role and its SOPs, in the order a newcomer meets them', () => {
    // 旺旺 (a tool of the role), then 千牛 (refunds step) and DSR (weekly report body): SOPs in path order.
    expect(path_.terms.map((t) => t.term.term)).toEqual(['旺旺', 'DSR', '千牛']);
    // 直通车 only appears in an SOP the agent has nothing to do with; 聚划算 nowhere.
  });

  it('joins the rhythm it owns or whose SOP is on its path, in schedule order', () => {
    expect(path_.cadence.map((c) => [c.item.title, c.relation])).toEqual([
      ['晨会', 'owner'],
      ['每周周报', 'owner'],
      ['月度例会', 'joins'],
    ]);
  });

  it('gives every item a stable, unique key that does not depend on its position', () => {
    const keys = path_.items.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('sop:refunds');
    expect(keys).toContain('term:DSR');
    expect(keys).toContain('cadence:晨会');
    const more = onboardingPath('agent', {
      ...handbook,
      sops: [...handbook.sops, sop('new-one', { title: '新增', owner: 'agent', frequency: 'daily' })],
    });
    const before = new Map(path_.items.map((i) => [i.key, i]));
    for (const item of more.items.filter((i) => i.key !== 'sop:new-one')) expect(before.has(item.key), item.key).toBe(true);
    expect(more.items.length).toBe(path_.items.length + 1);
  });

  it('numbers duplicate cadence titles instead of merging them', () => {
    const twice = onboardingPath('agent', {
      ...handbook,
      cadence: [
        schemas.cadenceItem.parse({ title: '团购', every: 'week', on: 'mon', owner: 'agent' }),
        schemas.cadenceItem.parse({ title: '团购', every: 'week', on: 'thu', owner: 'agent' }),
      ],
    });
    expect(twice.cadence.map((c) => c.key)).toEqual(['cadence:团购', 'cadence:团购~2']);
  });

  it('is empty but valid for an unknown role', () => {
    expect(onboardingPath('nobody', handbook).items).toEqual([]);
  });

  it('finds Traditional spellings with a script fold', () => {
    const found = termsInOrder(['開好直通車'], [term('直通车')], foldScript);
    expect(found.map((t) => t.term)).toEqual(['直通车']);
    expect(termsInOrder(['Dsr 下降'], [term('DSR')], (s) => s.toLowerCase()).map((t) => t.term)).toEqual(['DSR']);
  });

  it('keys saved progress by role, and by base path when the site is not at the root', () => {
    expect(onboardingStorageKey('presales-cs')).toBe('opsbook:onboarding:presales-cs');
    expect(onboardingStorageKey('presales-cs', '/handbook/')).toBe('opsbook:onboarding:/handbook:presales-cs');
  });
});

describe('onboarding path of the sample presales agent', async () => {
  const { handbook: sample } = await loadContent(path.resolve('content'), { today: '2026-11-25' });
  const p = onboardingPath('presales-cs', sample, { fold: foldScript });

  it('follows its phases (第一天 first: 首次响应 20 秒), then the SOPs it owns, then those it takes part in, and uses the tools it lists', () => {
    expect(p.phases.map((ph) => ph.title)).toEqual(['第一天', '第一周', '第一个月', undefined]);
    expect(p.sops[0]!.sop.id).toBe('first-reply-20s');
    const rest = p.phases.at(-1)!.sops;
    const firstParticipant = rest.findIndex((s) => s.relation === 'participant');
    expect(rest.slice(0, firstParticipant).every((s) => s.relation === 'owner')).toBe(true);
    expect(rest.slice(firstParticipant).every((s) => s.relation === 'participant')).toBe(true);
    expect(p.sops.map((s) => s.sop.id)).toContain('first-reply-20s');
    expect(p.terms.slice(0, 2).map((t) => t.term.term)).toEqual(['旺旺', '千牛']);
    expect(p.cadence.map((c) => c.item.title)).toContain('截单前催付');
  });
});

describe("onboarding phases (the role's optional `onboarding` field)", () => {
  const phased = {
    ...handbook,
    roles: [
      role('agent', {
        title: '售前客服',
        onboarding: [
          { phase: '第一天', sops: ['refunds', 'qa'] },
          { phase: '第一周', sops: ['weekly-report', 'other', 'refunds', 'missing'] },
        ],
      }),
      role('lead', { title: '客服主管' }),
    ],
  };
  const p = onboardingPath('agent', phased);

  it("puts the listed SOPs first, phase by phase in the author's order, the rest after in the usual order", () => {
    expect(p.phases.map((ph) => [ph.title, ph.sops.map((s) => `${s.sop.id}:${s.relation}`)])).toEqual([
      ['第一天', ['refunds:owner', 'qa:participant']],
      // An SOP in an earlier phase or unknown is skipped; one the role has no part in is there to read.
      ['第一周', ['weekly-report:owner', 'other:read']],
      [undefined, ['a-daily:owner', 'daily-check:owner', 'no-frequency:owner', 'meeting:participant']],
    ]);
    expect(p.sops.map((s) => s.sop.id)).toEqual(p.phases.flatMap((ph) => ph.sops.map((s) => s.sop.id)));
    expect(p.items.slice(0, p.sops.length)).toEqual(p.sops);
  });

  it('keeps the same item keys as without phases, so saved ticks stay', () => {
    const plain = onboardingPath('agent', handbook);
    expect(new Set(p.sops.filter((s) => s.relation !== 'read').map((s) => s.key))).toEqual(new Set(plain.sops.map((s) => s.key)));
  });

  it('is one untitled group without the field', () => {
    const plain = onboardingPath('agent', handbook);
    expect(plain.phases).toHaveLength(1);
    expect(plain.phases[0]!.title).toBeUndefined();
    expect(plain.phases[0]!.sops).toEqual(plain.sops);
  });
});
