/** The pure parts of the importers: cells, KPIs, names, typed structure in Word text, time limits, arguments. */
import { describe, expect, it } from 'vitest';
import { parseImportArgs } from '../../../src/import/args.ts';
import { htmlToBlocks, blocksToMarkdown } from '../../../src/import/docx.ts';
import { matchName } from '../../../src/import/match.ts';
import { ImportError } from '../../../src/import/messages.ts';
import { importPlan, moneyValue, readMoneyCell, readMonthCell, type Cell } from '../../../src/import/plan.ts';
import { parseKpi } from '../../../src/import/role.ts';
import { sniff } from '../../../src/import/safety.ts';
import { decodeCsv, readCsv } from '../../../src/import/sheet.ts';
import { findDuration } from '../../../src/import/sop.ts';
import iconv from 'iconv-lite';

describe('month cells', () => {
  it.each<[Cell, ReturnType<typeof readMonthCell>]>([
    ['2014-01', { year: 2014, month: 1 }],
    ['2014/3', { year: 2014, month: 3 }],
    ['2014.03', { year: 2014, month: 3 }],
    ['2014年11月', { year: 2014, month: 11 }],
    ['２０１４年１２月', { year: 2014, month: 12 }],
    ['201405', { year: 2014, month: 5 }],
    ['1月', { month: 1 }],
    ['12月份', { month: 12 }],
    ['十一月', { month: 11 }],
    ['Mar', { month: 3 }],
    [new Date(Date.UTC(2014, 5, 1)), { year: 2014, month: 6 }],
    [41640, { year: 2014, month: 1 }], // an Excel serial date left as a number
    [7, { month: 7 }],
    ['13月', undefined],
    ['合计', undefined],
    [null, undefined],
  ])('%j → %j', (cell, expected) => {
    expect(readMonthCell(cell)).toEqual(expected);
  });
});

describe('money cells', () => {
  it('reads numbers (scaled by a 万元 header), 万 text, ¥ amounts, and empty cells as 待定', () => {
    const value = (cell: Cell, scale = 1) => {
      const read = readMoneyCell(cell, scale);
      return read.ok ? moneyValue(read.money) : `bad:${read.written}`;
    };
    expect(value(150000)).toBe('15万');
    expect(value(15, 10_000)).toBe('15万');
    expect(value('15', 10_000)).toBe('15万');
    expect(value(62500)).toBe('6.25万');
    expect(value('4.5万元')).toBe('4.5万');
    expect(value('¥1,188')).toBe(1188);
    expect(value(2827.68)).toBe(2827.68);
    expect(value('')).toBe('待定');
    expect(value(null)).toBe('待定');
    expect(value('待定')).toBe('待定');
    expect(value('约15万')).toBe('bad:约15万');
    expect(value('十五万')).toBe('bad:十五万');
  });
});

describe('plans from rows', () => {
  const context = { file: 'x.csv', fileTitle: 'x' };
  it('a fiscal year that crosses the new year moves on a year after 12月', () => {
    const rows: Cell[][] = [['2016财年目标'], ['月份', '销售额', '推广费'], ...['10月', '11月', '12月', '1月', '2月'].map((m) => [m, '10万', '2万'])];
    const draft = importPlan([{ name: 'Sheet1', rows }], context);
    expect(draft.values.period).toEqual({ start: '2016-10', end: '2017-02' });
  });
  it('without a total row, no totals are written and the report says so', () => {
    const draft = importPlan(
      [
        {
          name: 'Sheet1',
          rows: [
            ['月份', '目标成交额', '营销预算'],
            ['2014-01', 10, 2],
          ],
        },
      ],
      context,
    );
    expect(draft.values.totals).toBeUndefined();
    expect(draft.left.map((n) => n.zh).join()).toContain('表里没有合计行');
  });
  it('a header-less column of months is still found, and a sheet with months but no money column is refused', () => {
    const found = importPlan(
      [
        {
          name: 'S',
          rows: [
            ['时间段', '销售'],
            ['2014-01', '1万'],
            ['2014-02', '1万'],
            ['2014-03', '1万'],
          ],
        },
      ],
      context,
    );
    expect((found.values.months as { items: unknown[] }).items).toHaveLength(3);
    expect(() =>
      importPlan(
        [
          {
            name: 'S',
            rows: [
              ['月份', '库存'],
              ['2014-01', 5],
            ],
          },
        ],
        context,
      ),
    ).toThrow(ImportError);
  });
});

describe('KPIs', () => {
  it.each([
    ['纠纷率 ≤ 3%', { name: '纠纷率', target: 3, unit: '%', better: 'lower' }],
    ['纠纷率低于3％', { name: '纠纷率', target: 3, unit: '%', better: 'lower' }],
    ['纠纷率3%以内', { name: '纠纷率', target: 3, unit: '%', better: 'lower' }],
    ['DSR评分不低于4.8', { name: 'DSR评分', target: 4.8, better: 'higher' }],
    ['首次响应时间不超过20秒', { name: '首次响应时间', target: 20, unit: '秒', better: 'lower' }],
    ['询单转化率达到60%', { name: '询单转化率', target: 60, unit: '%', better: 'higher' }],
    ['老客回购率15%以上', { name: '老客回购率', target: 15, unit: '%', better: 'higher' }],
  ])('%s', (text, expected) => {
    expect(parseKpi(text)).toEqual(expected);
  });
  it('a line without a numeric target is not a KPI', () => {
    expect(parseKpi('服务态度好')).toBeUndefined();
  });
});

describe('names → ids', () => {
  const roles = [
    { id: 'cs-lead', name: '客服主管' },
    { id: 'presales-cs', name: '售前客服' },
    { id: 'aftersales-cs', name: '售后客服' },
    { id: 'warehouse-keeper', name: '仓储发货员' },
  ];
  it('exact title, id, Traditional script; a title inside the text; ambiguity and nothing', () => {
    expect(matchName('客服主管', roles)).toMatchObject({ found: 'exact', id: 'cs-lead' });
    expect(matchName('cs-lead', roles)).toMatchObject({ found: 'exact', id: 'cs-lead' });
    expect(matchName('售後客服', roles)).toMatchObject({ found: 'exact', id: 'aftersales-cs' });
    expect(matchName('客服主管（小李）', roles)).toMatchObject({ found: 'guess', id: 'cs-lead' });
    expect(matchName('客服', roles)).toMatchObject({ found: 'ambiguous' });
    expect(matchName('主播经理', roles)).toEqual({ found: 'none' });
    expect(
      matchName('客服部', [
        { id: 'customer-service', name: '客服' },
        { id: 'warehouse', name: '仓储' },
      ]),
    ).toMatchObject({ found: 'guess', id: 'customer-service' });
  });
});

describe('Word text → blocks', () => {
  it('typed numbering makes lists, typed section numbers and bold lines make headings', () => {
    const blocks = htmlToBlocks(
      '<h1>退款审核</h1><p><strong>一、目的</strong></p><p>减少错退。</p><p>二、操作步骤</p><p>1、核对订单</p><p>2、核对物流</p><p>（3）提交财务</p><p>第四步：通知买家</p>',
    );
    expect(blocks.map((b) => [b.type, 'text' in b ? b.text : b.items.map((i) => i.text)])).toEqual([
      ['heading', '退款审核'],
      ['heading', '目的'],
      ['paragraph', '减少错退。'],
      ['heading', '操作步骤'],
      ['list', ['核对订单', '核对物流', '提交财务', '通知买家']],
    ]);
  });
  it('nested list items are kept with their item; Markdown uses "- " and starts at ##', () => {
    const blocks = htmlToBlocks(
      '<h3>要点</h3><ul><li>先道歉<ul><li>语气要诚恳</li></ul></li></ul><table><tr><td><p>a|b</p></td><td><p>c</p></td></tr></table>',
    );
    const list = blocks[1] as unknown as { items: { text: string; sub: string[] }[] };
    expect(list.items).toEqual([expect.objectContaining({ text: '先道歉', sub: ['语气要诚恳'] })]);
    expect(blocksToMarkdown(blocks)).toBe('## 要点\n\n- 先道歉\n    - 语气要诚恳\n\n| a\\|b | c |\n| --- | --- |');
  });
});

describe('time limits in text', () => {
  it.each([
    ['发现后24小时内处理完毕', '24h'],
    ['不超过 3 天', '3d'],
    ['买家进线后20秒内回复', '20s'],
    ['开播前30分钟内完成', '30m'],
    ['必须在2个小时内回电', '2h'],
  ])('%s → %s', (text, value) => {
    expect(findDuration(text)?.value).toBe(value);
  });
  it('a number of days that is no limit is not taken', () => {
    expect(findDuration('每周工作5天')).toBeUndefined();
  });
});

describe('files', () => {
  it('sniffs zips and compound files', () => {
    expect(sniff(new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('zip');
    expect(sniff(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('legacy-office');
    expect(sniff(new TextEncoder().encode('月份,目标'))).toBe('other');
  });
  it('decodes CSV in UTF-8, UTF-8 with BOM, UTF-16 and GBK', () => {
    const text = '月份,销售目标\n1月,10万\n';
    expect(decodeCsv(Buffer.from(text), 'a.csv')).toBe(text);
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'a.csv')).toBe(text);
    expect(decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'a.csv')).toBe(text);
    expect(decodeCsv(iconv.encode(text, 'gbk'), 'a.csv')).toBe(text);
    expect(readCsv(iconv.encode('月份;销售目标\n1月;"1,000"\n', 'gb18030'), 'a.csv')[0]!.rows).toEqual([
      ['月份', '销售目标'],
      ['1月', '1,000'],
    ]);
  });
});

describe('arguments', () => {
  it('parses kinds, --split, --year, --dry-run, and refuses what makes no sense', () => {
    expect(parseImportArgs(['sop', 'a.docx', '--split', 'h2', '--dry-run'])).toEqual({
      ok: true,
      command: { kind: 'sop', files: ['a.docx'], id: undefined, dryRun: true, split: 2, year: undefined, content: undefined },
    });
    expect(parseImportArgs(['plan', 'a.csv', '--year', '2014', '--id', 'p'])).toMatchObject({ ok: true, command: { year: 2014, id: 'p' } });
    expect(parseImportArgs(['plan', 'a.csv', '--split', 'h1'])).toMatchObject({ ok: false });
    expect(parseImportArgs(['sop', 'a.docx', '--split', 'h3'])).toMatchObject({ ok: false });
    expect(parseImportArgs(['glossary', 'a.docx'])).toMatchObject({ ok: false });
    expect(parseImportArgs(['sop'])).toMatchObject({ ok: false });
    expect(parseImportArgs(['sop', 'a.docx', 'b.docx'])).toMatchObject({ ok: true, command: { files: ['a.docx', 'b.docx'] } });
    expect(parseImportArgs(['sop', 'a.docx', 'b.docx', '--id', 'x'])).toMatchObject({ ok: false });
    expect(parseImportArgs(['--help'])).toEqual({ ok: true, help: true });
  });
});

describe('Traditional script', () => {
  it('labels, section names and headers are read in either script; values stay as written', async () => {
    const { labelled } = await import('../../../src/import/draft.ts');
    expect(labelled('負責人：客服主管', /负责人|执行人/)).toBe('客服主管');
    expect(labelled('所屬部門：倉儲', /所属部门|部门/)).toBe('倉儲');
    expect(labelled('备注：负责人：张三', /负责人/)).toBeUndefined();
    const draft = importPlan(
      [{ name: '工作表1', rows: [['2015年度目標'], ['月份', '目標成交額', '營銷預算'], ['2015-01', '10萬', '2萬'], ['合計', '10萬', '2萬']] }],
      { file: 'x.xlsx', fileTitle: 'x' },
    );
    expect((draft.values.months as { toJSON(): unknown }).toJSON()).toEqual([{ month: '2015-01', revenue: '10万', marketing: '2万' }]);
    expect((draft.values.totals as { toJSON(): unknown }).toJSON()).toEqual({ revenue: '10万', marketing: '2万' });
  });
});

describe('a job description in Traditional script', () => {
  it('finds its sections and department, and keeps its text as written', async () => {
    const { importRoles } = await import('../../../src/import/role.ts');
    const blocks = htmlToBlocks(
      '<h1>售後專員崗位說明書</h1><p>所屬部門：客服部</p><p><strong>一、崗位職責</strong></p><p>1、處理退換貨</p><p>2、回訪買家</p><p><strong>二、任職要求</strong></p><ul><li>細心耐心</li></ul>',
    );
    const known = { roles: [{ id: 'cs-lead', name: '客服主管' }], departments: [{ id: 'customer-service', name: '客服' }] };
    const [draft] = importRoles({ blocks }, { known, fileTitle: 'x' }).drafts;
    expect(draft!.values).toMatchObject({
      title: '售後專員',
      department: 'customer-service',
      responsibilities: ['處理退換貨', '回訪買家'],
      requirements: ['細心耐心'],
    });
  });
});
