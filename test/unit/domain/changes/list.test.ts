import { describe, expect, it } from 'vitest';
import { changeItems, changesMarkdown, feedEntries, sinceDay, weekGroups, weekStart } from '../../../../src/domain/changes/list.ts';
import type { EntryHistory } from '../../../../src/domain/changes/history.ts';
import { useTranslations } from '../../../../src/i18n/index.ts';

const t = useTranslations('zh-CN');
const at = (day: string, hour = 10) => Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

const histories: EntryHistory[] = [
  {
    kind: 'sop',
    id: 'first-reply',
    file: 'sops/first-reply.md',
    title: '首次响应',
    department: 'service',
    removed: false,
    versions: [
      {
        hash: 'c',
        time: at('2026-11-24'),
        file: 'sops/first-reply.md',
        changes: [{ kind: 'field', field: 'sla', from: '20 秒', to: '15 秒' }],
        note: '大促前收紧',
      },
      { hash: 'a', time: at('2026-11-01'), file: 'sops/first-reply.md', changes: [{ kind: 'entry.added', title: '首次响应' }] },
    ],
  },
  {
    kind: 'sop',
    id: 'dropped',
    file: 'sops/dropped.md',
    title: '旧流程',
    removed: true,
    versions: [{ hash: 'b', time: at('2026-11-17'), file: 'sops/dropped.md', changes: [{ kind: 'entry.removed', title: '旧流程' }] }],
  },
  {
    kind: 'plan',
    id: 'year',
    file: 'plans/year.yaml',
    title: '年度计划',
    removed: false,
    versions: [{ hash: 'c', time: at('2026-11-24'), file: 'plans/year.yaml', changes: [{ kind: 'month.added', month: '2014-03' }] }],
  },
];

describe('changeItems', () => {
  it('lists every version of every entry newest first, same-time changes by file', () => {
    const items = changeItems(histories, t);
    expect(items.map((item) => [item.date, item.file, item.words])).toEqual([
      ['2026-11-24', 'plans/year.yaml', ['新增月份：2014-03']],
      ['2026-11-24', 'sops/first-reply.md', ['时限 20 秒 → 15 秒']],
      ['2026-11-17', 'sops/dropped.md', ['删除：旧流程']],
      ['2026-11-01', 'sops/first-reply.md', ['新建：首次响应']],
    ]);
    expect(items[1]).toMatchObject({ department: 'service', note: '大促前收紧', key: 'sops/first-reply.md@c', removed: false });
    expect(changeItems([...histories].reverse(), t)).toEqual(items);
  });
});

describe('weeks', () => {
  it('starts weeks on Monday', () => {
    expect(weekStart('2026-11-25')).toBe('2026-11-23'); // a Wednesday
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // Sunday
  });

  it('groups by week: 本周, 上周, then the dates', () => {
    const groups = weekGroups(changeItems(histories, t), '2026-11-25', t);
    expect(groups.map((g) => [g.label, g.items.length])).toEqual([
      ['本周', 2],
      ['上周', 1],
      ['2026-10-26 – 2026-11-01', 1],
    ]);
  });
});

describe('sinceDay', () => {
  it('reads days, weeks and dates, today included', () => {
    expect(sinceDay('7d', '2026-11-25')).toBe('2026-11-19');
    expect(sinceDay('1d', '2026-11-25')).toBe('2026-11-25');
    expect(sinceDay('2w', '2026-11-25')).toBe('2026-11-12');
    expect(sinceDay('30', '2026-11-25')).toBe('2026-10-27');
    expect(sinceDay('2026-11-01', '2026-11-25')).toBe('2026-11-01');
    expect(sinceDay('lately', '2026-11-25')).toBeUndefined();
  });
});

describe('changesMarkdown', () => {
  it('prints the changes since a day by week, with links to entries still there and notes', () => {
    const markdown = changesMarkdown(changeItems(histories, t), {
      from: '2026-11-17',
      today: '2026-11-25',
      t,
      href: (item) => `https://handbook.example.com/${item.kind}s/${item.id}/`,
    });
    expect(markdown).toBe(
      [
        '## 手册变更（2026-11-17 – 2026-11-25）',
        '',
        '### 本周',
        '',
        '- 2026-11-24 [年度计划](https://handbook.example.com/plans/year/)：新增月份：2014-03',
        '- 2026-11-24 [首次响应](https://handbook.example.com/sops/first-reply/)：时限 20 秒 → 15 秒',
        '  - 提交说明：大促前收紧',
        '',
        '### 上周',
        '',
        '- 2026-11-17 **旧流程**：删除：旧流程',
        '',
      ].join('\n'),
    );
  });

  it('keeps a chat line short: three changes, how many more, and the note cut', () => {
    const many: EntryHistory = {
      ...histories[0]!,
      versions: [
        {
          hash: 'd',
          time: at('2026-11-25'),
          file: 'sops/first-reply.md',
          changes: [1, 2, 3, 4, 5].map((n) => ({ kind: 'step.removed' as const, n, text: `第${n}步` })),
          note: '很长的说明'.repeat(30),
        },
      ],
    };
    const markdown = changesMarkdown(changeItems([many], t), { from: '2026-11-25', today: '2026-11-25', t });
    expect(markdown).toContain('删除第 3 步：第3步，另有 2 处\n');
    const note = markdown.split('\n').find((line) => line.includes('提交说明'))!;
    expect([...note.replace('  - 提交说明：', '')]).toHaveLength(80);
    expect(note.endsWith('…')).toBe(true);
  });

  it('says so when nothing changed', () => {
    expect(changesMarkdown(changeItems(histories, t), { from: '2026-11-25', today: '2026-11-25', t })).toBe('2026-11-25 以来没有变更。\n');
  });
});

describe('feedEntries', () => {
  it('gives each change a stable URN, a title with its words and escaped HTML', () => {
    const items = changeItems([{ ...histories[0]!, title: '<首次>' }], t);
    const [entry] = feedEntries(items, t, 1);
    expect(entry).toEqual({
      id: 'urn:opsbook:change:sops%2Ffirst-reply.md%40c',
      key: 'sops/first-reply.md@c',
      title: '<首次>：时限 20 秒 → 15 秒',
      time: at('2026-11-24'),
      html: '<ul><li>时限 20 秒 → 15 秒</li></ul><p>提交说明：大促前收紧</p>',
    });
    expect(feedEntries(changeItems([{ ...histories[0]!, versions: [{ ...histories[0]!.versions[0]!, note: 'a < b & "c"' }] }], t), t)[0]!.html).toContain(
      '<p>提交说明：a &lt; b &amp; &quot;c&quot;</p>',
    );
    expect(feedEntries(changeItems(histories, t), t, 2)).toHaveLength(2);
  });
});
