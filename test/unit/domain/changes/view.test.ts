import { describe, expect, it } from 'vitest';
import { daysAgo, entryChangesView } from '../../../../src/domain/changes/view.ts';
import type { EntryHistory } from '../../../../src/domain/changes/history.ts';
import { useTranslations } from '../../../../src/i18n/index.ts';

const t = useTranslations('zh-CN');
const at = (day: string) => Date.parse(`${day}T10:00:00Z`);

const history: EntryHistory = {
  kind: 'sop',
  id: 'a',
  file: 'sops/a.md',
  title: '核对',
  removed: false,
  versions: [
    {
      hash: 'c',
      time: at('2026-01-07'),
      file: 'sops/a.md',
      changes: [
        { kind: 'field', field: 'sla', from: '24 小时', to: '12 小时' },
        { kind: 'step.added', n: 3, text: '转入待发货' },
        { kind: 'field', field: 'owner', from: '售前客服', to: '客服主管' },
        { kind: 'kpi.removed', name: '核对率' },
      ],
      note: '大促前缩短时限',
    },
    { hash: 'a', time: at('2025-11-01'), file: 'sops/a.md', changes: [{ kind: 'entry.added', title: '核对' }] },
  ],
};

describe('daysAgo', () => {
  it('counts days to the build date, not the clock', () => {
    expect(daysAgo('2026-01-10', '2026-01-10', t)).toBe('今天');
    expect(daysAgo('2026-01-09', '2026-01-10', t)).toBe('昨天');
    expect(daysAgo('2026-01-07', '2026-01-10', t)).toBe('3 天前');
    expect(daysAgo('2025-11-01', '2026-01-10', t)).toBe('2025-11-01');
    expect(daysAgo('2026-01-12', '2026-01-10', t)).toBe('2026-01-12');
  });
});

describe('entryChangesView', () => {
  it('sums up the last change in one line: two changes and how many more', () => {
    const view = entryChangesView(history, 'ok', '2026-01-10', t);
    expect(view.last).toEqual({ date: '2026-01-07', text: '3 天前：时限 24 小时 → 12 小时；新增第 3 步：转入待发货，另有 2 处' });
  });

  it('lists every version newest first with all its words and its note', () => {
    const view = entryChangesView(history, 'ok', '2026-01-10', t);
    expect(view.versions).toEqual([
      {
        date: '2026-01-07',
        when: '3 天前',
        words: ['时限 24 小时 → 12 小时', '新增第 3 步：转入待发货', '负责岗位 售前客服 → 客服主管', '删除指标：核对率'],
        note: '大促前缩短时限',
      },
      { date: '2025-11-01', when: '2025-11-01', words: ['新建：核对'] },
    ]);
  });

  it('has nothing to show without a history, and says why', () => {
    expect(entryChangesView(undefined, 'no-git', '2026-01-10', t)).toEqual({ state: 'no-git', versions: [] });
  });
});
