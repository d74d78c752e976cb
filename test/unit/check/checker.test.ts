/**
 * The broken fixture handbook (test/fixtures/broken): one file per rule of the
 * content format. One run must report every problem, each with its file, line,
 * field and wording — and nothing else.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadContent } from '../../../src/check/load.ts';
import { renderProblem } from '../../../src/check/report.ts';

const BROKEN = path.resolve('test/fixtures/broken');
const { problems } = await loadContent(BROKEN, { today: '2026-11-25' });
const rendered = problems.map((p) => renderProblem(p, 'zh-CN'));
const renderedEn = problems.map((p) => renderProblem(p, 'en'));

type Expected = [severity: 'error' | 'warning', rule: string, file: string, line: number | null, path: string, message: string, hint?: string];

const EXPECTED: Expected[] = [
  ['error', 'cadence.on', 'cadence.yaml', 7, '[1].on', '每周事项的 on 应为 mon…sun'],
  // Reported in the same run as the cadence.on error of another item of the file (it used to hide it).
  ['error', 'ref.missing', 'cadence.yaml', 4, '[0].owner', '引用的岗位 “nobody” 不存在'],
  ['error', 'yaml.syntax', 'departments/broken-yaml.yaml', 3, '', 'YAML 无法解析', '引号是否成对'],
  ['error', 'yaml.fullWidthColon', 'departments/fullwidth-colon.yaml', 1, '', '“name” 后面是全角冒号“：”', 'name: …'],
  ['error', 'file.encoding', 'departments/gbk-saved.yaml', 1, '', '文件编码为 GBK/GB18030，应为 UTF-8', 'UTF-8'],
  ['error', 'ref.missing', 'glossary.yaml', 3, '[0].seeAlso[0]', '引用的术语 “不存在的术语” 不存在'],
  ['warning', 'glossary.unused', 'glossary.yaml', 4, '[1].term', '术语“从没用过的词”'],
  ['warning', 'plan.monthMissing', 'plans/month-list.yaml', 4, 'months', '2 个月没有数字：2014-03、2014-04'],
  ['error', 'plan.monthDuplicate', 'plans/month-list.yaml', 6, 'months[1].month', '月份 2014-01 重复出现'],
  ['error', 'plan.monthOutside', 'plans/month-list.yaml', 7, 'months[2].month', '月份 2015-02 不在计划周期 2014-01 – 2014-04 内'],
  ['error', 'value.money', 'plans/months.yaml', 5, 'months[0].revenue', '金额 “十五万” 无法识别（用了汉字数字）', '十五万 → 15万'],
  ['error', 'value.month', 'plans/months.yaml', 6, 'months[1].month', '月份 “2014-13” 无效', '01 到 12'],
  // The rest of the plan is checked; what needs an unreadable month is skipped, and said so at that month.
  [
    'warning',
    'check.skipped',
    'plans/months.yaml',
    6,
    'months[1].month',
    'months[1].month 读不出来，所以这些核对没有进行：周期内是否每月都有数字',
    '先改好 months[1].month',
  ],
  ['error', 'value.month', 'plans/months.yaml', 7, 'months[2].month', '月份 “2014/2” 无效', '2014/1 → 2014-01'],
  ['error', 'value.money', 'plans/months.yaml', 7, 'months[2].revenue', '“15w”', '15w → 15万'],
  ['error', 'value.money', 'plans/months.yaml', 7, 'months[2].marketing', '“-3万” 无法识别（金额不能为负数）'],
  ['warning', 'check.skipped', 'plans/months.yaml', 7, 'months[2].month', '周期内是否每月都有数字'],
  ['warning', 'stage.uncovered', 'plans/seed-2014.md', 23, 'stages', '6 个月不属于任何阶段：2014-04、2014-05、2014-06、2014-07、2014-08、2014-09'],
  [
    'warning',
    'stage.budget',
    'plans/seed-2014.md',
    29,
    'stages[0].budget',
    '阶段“建设期”的预算明细合计 31.25万元，而 2014-01 – 2014-03 各月营销预算合计 15万元：明细多 16.25万元',
  ],
  [
    'error',
    'stage.outside',
    'plans/seed-2014.md',
    41,
    'stages[1].start',
    '阶段“发展期”（2012-07 – 2012-09）不在计划周期 2014-01 – 2014-12 内',
    '应为 2014-07 – 2014-09',
  ],
  ['warning', 'plan.totalsUndecided', 'plans/stages.yaml', 5, 'totals.revenue', '目标成交额合计为待定；各月已定部分合计 60万元'],
  ['warning', 'plan.totalsUndecided', 'plans/stages.yaml', 6, 'totals.marketing', '已定部分合计 5万元，总额只是下限'],
  ['warning', 'stage.uncovered', 'plans/stages.yaml', 14, 'stages', '2014-05、2014-06'],
  ['warning', 'stage.target', 'plans/stages.yaml', 19, 'stages[0].targets.revenue', '目标成交额为 40万元，其各月目标合计 30万元：阶段目标多 10万元'],
  ['error', 'stage.duplicate', 'plans/stages.yaml', 20, 'stages[1].id', '阶段 id “one” 重复'],
  ['warning', 'stage.overlap', 'plans/stages.yaml', 22, 'stages[1].start', '与“第一阶段”重叠：2014-03'],
  ['error', 'stage.order', 'plans/stages.yaml', 26, 'stages[2].start', '从 2014-06 到 2014-05：结束早于开始'],
  ['error', 'plan.totals', 'plans/totals.yaml', 5, 'totals.revenue', '目标成交额合计写的是 60万元，各月之和为 50万元：合计多 10万元'],
  ['error', 'schema.enum', 'roles/bad-level.md', 4, 'level', '“seniour” 不是允许的取值', '是不是 senior'],
  ['error', 'org.cycle', 'roles/cycle-a.md', 4, 'reportsTo', 'cycle-a → cycle-b → cycle-c → cycle-a'],
  ['error', 'yaml.fullWidthColon', 'roles/fullwidth-colon.md', 2, '', '“title” 后面是全角冒号', 'title: …'],
  ['error', 'schema.type', 'roles/fullwidth-digits.md', 5, 'headcount.current', '应为数字，实际是 “２”', '全角数字'],
  ['warning', 'role.noSop', 'roles/lonely.md', 2, '', '岗位“没有 SOP 的岗位”不负责也不参与任何 SOP'],
  ['error', 'ref.missing', 'roles/missing-dept.md', 3, 'department', '引用的部门 “nowhere” 不存在'],
  ['error', 'schema.tooSmall', 'roles/no-responsibilities.md', 4, 'responsibilities', '至少需要 1 项，实际 0 项'],
  ['warning', 'file.ignored', 'roles/notes.txt', null, '', 'roles/ 目录只读取 .md / .mdx 文件'],
  ['error', 'org.cycle', 'roles/self-loop.md', 4, 'reportsTo', 'self-loop → self-loop'],
  ['error', 'ref.missing', 'roles/traditional-ref.md', 4, 'reportsTo', '引用的岗位 “運營總監” 不存在', '是不是 boss'],
  ['error', 'schema.required', 'roles/typo-key.md', 2, 'responsibilities', '缺少必填字段 responsibilities'],
  ['warning', 'schema.unknownKey', 'roles/typo-key.md', 4, 'responsibilites', '未知字段 “responsibilites”', '是不是拼错了 responsibilities'],
  ['error', 'id.slug', 'roles/运营.md', 2, '', 'id “运营” 不合法'],
  ['error', 'schema.enum', 'sops/bad-frequency.md', 4, 'frequency', '“dayly” 不是允许的取值', '是不是 daily'],
  ['error', 'ref.missing', 'sops/bad-related.md', 9, 'related[1]', '引用的SOP “nothing-here” 不存在'],
  ['error', 'value.duration', 'sops/bad-sla.md', 4, 'sla', '时限 “三天” 无法识别'],
  ['error', 'mdx.unknownId', 'sops/components.mdx', 9, 'body', '<RoleLink id="運營總監">：岗位 “運營總監” 不存在', 'id 要写文件名 boss'],
  ['error', 'mdx.calloutType', 'sops/components.mdx', 11, 'body', '<Callout type="important">：type 只能是 tip、warning、danger', '是不是 type="warning"'],
  ['error', 'mdx.unknownComponent', 'sops/components.mdx', 15, 'body', '没有名为 <Step> 的组件', '是不是 <Steps>'],
  ['error', 'mdx.unknownTerm', 'sops/components.mdx', 19, 'body', '<Term> 的 “直通车” 不是术语表（glossary.yaml）里的术语或别名', '把它加进 glossary.yaml'],
  ['error', 'id.duplicate', 'sops/dup.mdx', 2, '', 'id “dup” 已被 sops/dup.md 使用'],
  ['error', 'file.empty', 'sops/empty.md', 1, '', '文件是空的'],
  ['error', 'yaml.notMapping', 'sops/list-frontmatter.md', 2, '', '这里应是键值对（key: value），实际是列表'],
  ['error', 'file.frontmatter', 'sops/no-frontmatter.md', 1, '', '没有用 --- 包围的 front matter'],
  ['error', 'schema.required', 'sops/no-steps.md', 2, 'steps', '缺少必填字段 steps'],
  ['warning', 'sop.reviewOverdue', 'sops/overdue.md', 6, 'updated', '上次复核 2020-01-15，每 6 个月复核一次，应在 2020-07-15 前复核'],
  ['error', 'ref.missing', 'sops/unknown-owner.md', 3, 'owner', '引用的岗位 “ghost” 不存在'],
];

describe('the broken fixture handbook, in one run', () => {
  it('reports exactly the expected problems, at the expected file, line and field', () => {
    const actual = rendered.map((r) => [r.severity, r.rule, r.file, r.line, r.path].join(' | '));
    const expected = EXPECTED.map(([severity, rule, file, line, fieldPath]) => [severity, rule, file, line, fieldPath].join(' | '));
    expect(actual.sort()).toEqual(expected.sort());
  });

  it.each(EXPECTED)('%s %s in %s:%s (%s)', (severity, rule, file, line, fieldPath, message, hint) => {
    const found = rendered.find((r) => r.rule === rule && r.file === file && r.line === line && r.path === fieldPath);
    expect(found, `${rule} ${file}:${line}`).toBeDefined();
    expect(found!.severity).toBe(severity);
    expect(found!.message).toContain(message);
    if (hint) expect(found!.hint).toContain(hint);
  });

  it('accepts a file saved with a BOM and CRLF line endings', () => {
    expect(problems.filter((p) => p.file === 'departments/crlf-bom.yaml')).toEqual([]);
  });

  it('speaks English when asked, with the same facts', () => {
    const budget = renderedEn.find((r) => r.rule === 'stage.budget')!;
    expect(budget.message).toBe(
      'the budget lines of stage "建设期" add up to ¥312,500, but the marketing budget of 2014-01 – 2014-03 adds up to ¥150,000: the lines are ¥162,500 more',
    );
    const colon = renderedEn.find((r) => r.rule === 'yaml.fullWidthColon' && r.file.startsWith('roles/'))!;
    expect(colon.hint).toBe('Use an ASCII colon and a space: title: …');
  });

  it('has Traditional wording for zh-TW sites', () => {
    const cycle = problems.find((p) => p.rule === 'org.cycle')!;
    expect(renderProblem(cycle, 'zh-TW').message).toContain('形成了環');
  });
});

describe('the sample handbook', async () => {
  const sample = await loadContent(path.resolve('content'), { today: '2026-11-25' });
  it('has no errors and warns about the second quarter of 2014 with both figures', () => {
    const lines = sample.problems.map((p) => renderProblem(p, 'zh-CN'));
    expect(lines.filter((l) => l.severity === 'error')).toEqual([]);
    const q2 = lines.find((l) => l.rule === 'stage.budget' && l.file === 'plans/home-2014.md');
    expect(q2?.message).toContain('16.25万元');
    expect(q2?.message).toContain('18.75万元');
    expect(q2?.message).toContain('2014-04 – 2014-06');
  });
  it('holds what the issue asks of the sample', () => {
    const { handbook } = sample;
    expect(handbook.departments.map((d) => d.data.name).sort()).toEqual(['产品', '仓储', '客服', '推广', '文案', '财务', '视觉', '运营'].sort());
    expect(handbook.roles.length).toBeGreaterThanOrEqual(10);
    expect(handbook.sops.length).toBeGreaterThanOrEqual(15);
    expect(handbook.glossary.length).toBeGreaterThanOrEqual(30);
    expect(handbook.plans.map((p) => p.id).sort()).toEqual(['home-2014', 'launch-2017']);
  });
});
