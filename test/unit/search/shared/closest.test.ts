import { describe, expect, it } from 'vitest';
import { closestTitles } from '../../../../src/search/shared/closest.ts';

const titles = [
  { title: '急退款与发票处理', pinyin: 'ji tui kuan yu fa piao chu li' },
  { title: '发货通知与催付', pinyin: 'fa huo tong zhi yu cui fu' },
  { title: '直通车日常优化', pinyin: 'zhi tong che ri chang you hua' },
  { title: '每日 17:30 复盘会', pinyin: 'mei ri fu pan hui' },
];
const closest = (q: string) => closestTitles(q, titles).map((t) => t.title);

describe('closestTitles', () => {
  it('are the titles sharing the query’s characters, rarer characters first', () => {
    expect(closest('火箭发射')).toEqual(['发货通知与催付', '急退款与发票处理']);
    expect(closest('直播日常')[0]).toBe('直通车日常优化');
  });

  it('are found through pinyin for a query in Latin letters, a typo included', () => {
    expect(closest('tuikaun')).toEqual(['急退款与发票处理']);
    expect(closest('ztcc')).toEqual(['直通车日常优化']);
  });

  it('are none when nothing is close', () => {
    expect(closest('qqqzzz')).toEqual([]);
    expect(closest('火箭')).toEqual([]);
  });
});
