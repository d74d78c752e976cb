/**
 * The bad-input corpus (test/fixtures/corpus): each case is one broken file (or
 * a few, for a reporting cycle) laid over the valid handbook in
 * test/fixtures/base. Each must give exactly the expected problems — rule,
 * file, line, field — with a message and no stack trace, and never crash.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { markdownToHtml, mdxToJs } from 'satteri';
import { satteri } from '@astrojs/markdown-satteri';
import { loadContent } from '../../../src/check/load.ts';
import { renderProblem, toText } from '../../../src/check/report.ts';
import { splitFrontMatter } from '../../../src/check/source.ts';
import { bodyGuardPlugin, readMdxCode } from '../../../src/integrations/body-guard.ts';

const BASE = path.resolve('test/fixtures/base');
const CORPUS = path.resolve('test/fixtures/corpus');

type Row = [severity: 'error' | 'warning', rule: string, file: string, line: number | null, path: string];

async function check(prepare: (dir: string) => void) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'opsbook-case-'));
  cpSync(BASE, dir, { recursive: true });
  prepare(dir);
  return loadContent(dir, { today: '2026-11-25' });
}

const EXPECTED: Record<string, Row[]> = {
  // Actuals (执行跟踪): one case per actuals.* rule, laid over the base plan `year` (2014-01 – 2014-02).
  'actuals-after-asof': [['error', 'actuals.afterAsOf', 'actuals/year/a.yaml', 4, 'rows[1].month']],
  'actuals-asof-conflict': [['error', 'actuals.asOf', 'actuals/year/b.yaml', 1, 'asOf']],
  'actuals-cell': [['error', 'actuals.cell', 'actuals/year/export.csv', 2, '支付金额']],
  'actuals-column-conflict': [['error', 'actuals.columnConflict', 'actuals/year/export.csv', 1, '成交金额']],
  'actuals-day-missing': [['warning', 'actuals.dayMissing', 'actuals/year/daily.csv', 2, '']],
  'actuals-derived-mismatch': [['warning', 'actuals.derivedMismatch', 'actuals/year/export.csv', 2, '支付转化率']],
  'actuals-duplicate-ad-revenue': [['error', 'actuals.duplicateDate', 'actuals/year/阿里妈妈.csv', 2, '成交金额']],
  'actuals-duplicate-date': [['error', 'actuals.duplicateDate', 'actuals/year/export.csv', 4, '月份']],
  'actuals-field-missing': [['warning', 'actuals.fieldMissing', 'actuals/year/a-revenue.csv', 2, '']],
  'actuals-gbk-accepted': [],
  'actuals-granularity': [['error', 'actuals.granularity', 'actuals/year/a.yaml', 4, 'rows[2]']],
  'actuals-low-attainment': [['warning', 'actuals.lowAttainment', 'actuals/year/a.yaml', 2, '']],
  'actuals-month-missing': [['warning', 'actuals.monthMissing', 'actuals/year/', null, '']],
  'actuals-negative': [['error', 'actuals.negative', 'actuals/year/export.csv', 2, '推广花费']],
  'actuals-no-header-tab': [['error', 'actuals.noHeader', 'actuals/year/export.csv', 1, '']],
  'actuals-outside-period': [['error', 'actuals.outsidePeriod', 'actuals/year/a.yaml', 4, 'rows[2].month']],
  'actuals-over-budget': [['warning', 'actuals.overBudget', 'actuals/year/a.yaml', 2, '']],
  'actuals-repeated-date': [['warning', 'actuals.repeatedDate', 'actuals/year/b.csv', 2, '']],
  'actuals-rollup': [['error', 'actuals.rollup', 'actuals/year/months.yaml', 2, '']],
  'actuals-row-shape': [
    ['warning', 'actuals.monthMissing', 'actuals/year/', null, ''],
    ['error', 'actuals.rowShape', 'actuals/year/export.csv', 2, ''],
  ],
  'actuals-spend-total': [['error', 'actuals.spendTotal', 'actuals/year/a.yaml', 2, 'rows[0].marketing']],
  'actuals-spreadsheet': [['error', 'actuals.spreadsheet', 'actuals/year/2014-01.xlsx', null, '']],
  'actuals-unknown-column': [['warning', 'actuals.unknownColumn', 'actuals/year/export.csv', 1, '钻展花废']],
  'actuals-unknown-plan': [['error', 'actuals.unknownPlan', 'actuals/yaer/2014-01.yaml', null, '']],
  'actuals-utf16': [['error', 'actuals.encoding', 'actuals/year/export.csv', 1, '']],
  'actuals-xls-renamed': [['error', 'actuals.noHeader', 'actuals/year/export.csv', 1, '']],
  // Both in one run: an unknown column leaves the rest of the file read and compared with the plan.
  'actuals-unknown-column-and-overrun': [
    ['warning', 'actuals.unknownColumn', 'actuals/year/export.csv', 1, '直播观看人数'],
    ['warning', 'actuals.overBudget', 'actuals/year/export.csv', 2, ''],
  ],
  // The plan fails its schema (store left empty): its actuals are still compared with its months.
  'actuals-plan-schema-error': [
    ['warning', 'actuals.overBudget', 'actuals/year/a.yaml', 2, ''],
    ['error', 'schema.tooSmall', 'plans/year.yaml', 2, 'store'],
  ],
  // One month's budget cannot be read: the other month's overrun is still reported, that month's is said to be skipped.
  'actuals-plan-month-unreadable': [
    ['warning', 'actuals.overBudget', 'actuals/year/a.yaml', 2, ''],
    ['error', 'value.money', 'plans/year.yaml', 7, 'months[1].marketing'],
    ['warning', 'check.skipped', 'plans/year.yaml', 7, 'months[1].marketing'],
  ],
  // The plan file cannot be read at all: its actuals are not read either, and the report says so.
  'actuals-plan-unreadable': [
    ['warning', 'check.skipped', 'plans/year.yaml', 1, ''],
    ['error', 'yaml.syntax', 'plans/year.yaml', 4, ''],
  ],
  // The plan's period cannot be read: its actuals cannot be placed, and the report says so at the period.
  'actuals-plan-period-unreadable': [
    ['error', 'schema.type', 'plans/year.yaml', 3, 'period'],
    ['warning', 'check.skipped', 'plans/year.yaml', 3, 'period'],
  ],
  // One run reports the enum error and both references of the same file (a schema error used to hide them).
  // Audiences (site.yaml audiences, audience: on entries, <Restricted to>).
  'audience-hidden-owner': [['error', 'audience.hiddenReference', 'sops/first-reply.md', 3, 'owner']],
  'audience-unknown': [
    ['error', 'audience.unknown', 'glossary.yaml', 4, '[0].audience'],
    ['error', 'audience.unknown', 'plans/year.yaml', 1, 'audience'],
  ],
  'audience-undeclared': [['error', 'audience.unknown', 'sops/secret.md', 4, 'audience']],
  'audience-restricted-unknown': [
    ['error', 'audience.unknown', 'sops/refund.mdx', 10, 'body'],
    ['error', 'mdx.attribute', 'sops/refund.mdx', 12, 'body'],
  ],
  'audience-declaration': [
    ['error', 'audience.unknown', 'site.yaml', 8, 'audiences[1].includes[1]'],
    ['error', 'audience.duplicate', 'site.yaml', 10, 'audiences[2].id'],
    ['error', 'audience.defaultTwice', 'site.yaml', 15, 'audiences[3].default[0]'],
  ],
  // A management SOP owned by a staff role, a <Restricted> block, a management role in a staff SOP's participants.
  'audiences-accepted': [],
  // The site.yaml that declares the id fails its schema: the plan naming that id is not reported again.
  'audience-id-not-slug': [['error', 'schema.invalid', 'site.yaml', 6, 'audiences[1].id']],
  'all-at-once-schema-and-refs': [
    ['error', 'ref.missing', 'sops/refund.md', 3, 'owner'],
    ['error', 'schema.enum', 'sops/refund.md', 4, 'frequency'],
    ['error', 'ref.missing', 'sops/refund.md', 7, 'steps[0].by'],
  ],
  'bom-accepted': [],
  'cadence-bad-time': [['error', 'value.time', 'cadence.yaml', 3, '[0].at']],
  'cadence-week-on-number': [['error', 'cadence.on', 'cadence.yaml', 3, '[0].on']],
  'crlf-accepted': [],
  'cycle-length-1': [
    ['warning', 'role.noSop', 'roles/self.md', 2, ''],
    ['error', 'org.cycle', 'roles/self.md', 4, 'reportsTo'],
  ],
  'cycle-length-3': [['error', 'org.cycle', 'roles/ring-a.md', 4, 'reportsTo']],
  'text-pinyin-annotation': [
    ['warning', 'text.pinyinAnnotation', 'sops/invoice.md', 2, 'title'],
    ['warning', 'text.pinyinAnnotation', 'sops/invoice.md', 6, 'steps[1].do'],
    ['warning', 'text.pinyinAnnotation', 'sops/invoice.md', 10, 'body'],
  ],
  'date-impossible': [['error', 'value.date', 'sops/date.md', 6, 'updated']],
  'department-as-list': [['error', 'yaml.notMapping', 'departments/list.yaml', 1, '']],
  'dup-id-md-mdx': [['error', 'id.duplicate', 'sops/first-reply.mdx', 2, '']],
  'dup-id-plan-yaml-md': [
    ['warning', 'plan.monthMissing', 'plans/year.md', 4, 'period'],
    ['error', 'id.duplicate', 'plans/year.yaml', 1, ''],
  ],
  'duration-chinese-numeral': [['error', 'value.duration', 'sops/sla.md', 6, 'sla']],
  'duration-no-unit': [['error', 'value.duration', 'sops/sla.md', 6, 'sla']],
  'empty-file': [['error', 'file.empty', 'sops/empty.md', 1, '']],
  'enum-cadence-chinese': [
    ['error', 'schema.enum', 'cadence.yaml', 2, '[0].every'],
    ['error', 'schema.enum', 'cadence.yaml', 3, '[0].on'],
  ],
  'enum-fixed-cost-per': [['error', 'schema.enum', 'plans/costs.yaml', 9, 'fixedCosts[0].per']],
  'enum-frequency': [['error', 'schema.enum', 'sops/freq.md', 6, 'frequency']],
  'enum-frequency-chinese': [['error', 'schema.enum', 'sops/freq.md', 6, 'frequency']],
  'enum-level-chinese-accepted': [['warning', 'role.noSop', 'roles/senior.md', 2, '']],
  'file-ignored': [['warning', 'file.ignored', 'roles/readme.txt', null, '']],
  'frontmatter-list': [['error', 'yaml.notMapping', 'sops/list.md', 2, '']],
  'frontmatter-scalar': [['error', 'yaml.notMapping', 'sops/scalar.md', 2, '']],
  'fullwidth-colon-frontmatter': [
    ['error', 'yaml.fullWidthColon', 'roles/designer.md', 2, ''],
    ['warning', 'role.noSop', 'roles/designer.md', 2, ''],
  ],
  'fullwidth-colon-yaml': [['error', 'yaml.fullWidthColon', 'departments/bad.yaml', 1, '']],
  'fullwidth-digits-headcount': [['error', 'schema.type', 'roles/packer.md', 8, 'headcount.current']],
  'fullwidth-digits-money-accepted': [],
  'gbk-file': [['error', 'file.encoding', 'sops/gbk.md', 1, '']],
  // The glossary fails its schema (a term without definition): its terms still exist for seeAlso.
  'glossary-invalid-terms-known': [
    ['error', 'schema.required', 'glossary.yaml', 5, '[1].definition'],
    ['error', 'ref.missing', 'glossary.yaml', 7, '[1].seeAlso[1]'],
  ],
  'glossary-unused': [['warning', 'glossary.unused', 'glossary.yaml', 4, '[1].term']],
  'html-allowed-accepted': [],
  'html-data-url-md': [
    ['error', 'html.url', 'sops/data.md', 10, 'body'],
    ['error', 'html.url', 'sops/data.md', 12, 'body'],
  ],
  'html-event-attribute-md': [
    ['error', 'html.attribute', 'sops/events.md', 10, 'body'],
    ['error', 'html.attribute', 'sops/events.md', 12, 'body'],
  ],
  'html-form-md': [['error', 'html.element', 'sops/form.md', 10, 'body']],
  'html-iframe-md': [['error', 'html.element', 'sops/frame.md', 10, 'body']],
  'html-javascript-url-md': [
    ['error', 'html.url', 'sops/links.md', 10, 'body'],
    ['error', 'html.url', 'sops/links.md', 12, 'body'],
  ],
  'html-meta-base-md': [
    ['error', 'html.element', 'sops/head.md', 10, 'body'],
    ['error', 'html.element', 'sops/head.md', 12, 'body'],
  ],
  'html-object-embed-md': [
    ['error', 'html.element', 'sops/plugin.md', 10, 'body'],
    ['error', 'html.element', 'sops/plugin.md', 12, 'body'],
  ],
  'html-script-md': [['error', 'html.element', 'sops/script.md', 10, 'body']],
  'html-style-attribute-md': [['error', 'html.attribute', 'sops/overlay.md', 10, 'body']],
  'html-style-md': [['error', 'html.element', 'sops/style.md', 10, 'body']],
  'html-svg-onload-md': [['error', 'html.element', 'sops/svg.md', 10, 'body']],
  'mdx-code-attribute': [
    ['error', 'mdx.code', 'sops/attrs.mdx', 10, 'body'],
    ['error', 'mdx.code', 'sops/attrs.mdx', 14, 'body'],
  ],
  'mdx-code-env': [
    ['error', 'mdx.code', 'sops/secret.mdx', 8, 'body'],
    ['error', 'mdx.code', 'sops/secret.mdx', 12, 'body'],
  ],
  'mdx-code-import-file': [
    ['error', 'mdx.code', 'sops/hostname.mdx', 8, 'body'],
    ['error', 'mdx.code', 'sops/hostname.mdx', 10, 'body'],
  ],
  // @astrojs/mdx imports a front matter layout: a module of the author's choosing would run at build time.
  'mdx-code-layout': [
    ['warning', 'file.ignored', 'sops/evil.mjs', null, ''],
    ['error', 'mdx.code', 'sops/layout.mdx', 4, 'layout'],
  ],
  'mdx-code-opt-in-accepted': [],
  'mdx-html-allowed-accepted': [],
  'mdx-html-refused': [
    ['error', 'html.element', 'sops/html.mdx', 10, 'body'],
    ['error', 'html.element', 'sops/html.mdx', 12, 'body'],
    ['error', 'html.element', 'sops/html.mdx', 14, 'body'],
    ['error', 'html.url', 'sops/html.mdx', 16, 'body'],
    ['error', 'html.attribute', 'sops/html.mdx', 18, 'body'],
    ['error', 'html.attribute', 'sops/html.mdx', 20, 'body'],
  ],
  'kpi-bad-better': [['error', 'schema.enum', 'roles/kpi.md', 8, 'kpis[0].better']],
  'list-dunhao': [
    ['error', 'list.separator', 'sops/team.md', 4, 'participants'],
    ['error', 'ref.missing', 'sops/team.md', 4, 'participants'],
  ],
  'list-fullwidth-comma': [['error', 'list.separator', 'sops/team.md', 4, 'participants[0]']],
  'mdx-attribute-expression': [
    ['error', 'mdx.code', 'sops/expr.mdx', 8, 'body'],
    ['error', 'mdx.attribute', 'sops/expr.mdx', 10, 'body'],
  ],
  'mdx-callout-type': [['error', 'mdx.calloutType', 'sops/callout.mdx', 8, 'body']],
  'mdx-component-in-md': [['warning', 'mdx.inMarkdown', 'sops/plain.md', 10, 'body']],
  'mdx-components-accepted': [],
  'mdx-does-not-compile': [['error', 'mdx.compile', 'sops/broken.mdx', 10, '']],
  'mdx-role-body': [
    ['warning', 'role.noSop', 'roles/lead.mdx', 2, ''],
    ['error', 'mdx.unknownId', 'roles/lead.mdx', 9, 'body'],
  ],
  'mdx-rolelink-title': [['error', 'mdx.unknownId', 'sops/links.mdx', 8, 'body']],
  'mdx-rolelink-unknown': [['error', 'mdx.unknownId', 'sops/links.mdx', 8, 'body']],
  'mdx-soplink-unknown': [['error', 'mdx.unknownId', 'sops/links.mdx', 11, 'body']],
  'mdx-term-unknown': [['error', 'mdx.unknownTerm', 'sops/terms.mdx', 8, 'body']],
  'mdx-unknown-attribute': [['warning', 'mdx.unknownAttribute', 'sops/attr.mdx', 8, 'body']],
  'mdx-unknown-component': [['error', 'mdx.unknownComponent', 'sops/typo.mdx', 8, 'body']],
  'money-bad-grouping': [['error', 'value.money', 'plans/money.yaml', 5, 'months[0].revenue']],
  'money-chinese-numerals': [['error', 'value.money', 'plans/money.yaml', 5, 'months[0].revenue']],
  'money-double-unit': [['error', 'value.money', 'plans/money.yaml', 5, 'months[0].revenue']],
  'money-exponent': [['error', 'value.money', 'plans/money.yaml', 5, 'months[0].revenue']],
  'money-negative': [['error', 'value.money', 'plans/money.yaml', 5, 'months[0].marketing']],
  'money-precision': [['error', 'value.money', 'plans/money.yaml', 5, 'months[0].revenue']],
  'money-wan-grouping': [['error', 'value.money', 'plans/money.yaml', 5, 'months[0].revenue']],
  'money-w-unit': [['error', 'value.money', 'plans/money.yaml', 5, 'months[0].revenue']],
  'month-13': [
    ['error', 'value.month', 'plans/month.yaml', 5, 'months[0].month'],
    ['warning', 'check.skipped', 'plans/month.yaml', 5, 'months[0].month'],
  ],
  'month-chinese': [
    ['error', 'value.month', 'plans/month.yaml', 5, 'months[0].month'],
    ['warning', 'check.skipped', 'plans/month.yaml', 5, 'months[0].month'],
  ],
  'month-slash': [
    ['error', 'value.month', 'plans/month.yaml', 5, 'months[0].month'],
    ['warning', 'check.skipped', 'plans/month.yaml', 5, 'months[0].month'],
  ],
  'no-frontmatter': [['error', 'file.frontmatter', 'sops/plain.md', 1, '']],
  'plan-month-duplicate': [['error', 'plan.monthDuplicate', 'plans/dup.yaml', 6, 'months[1].month']],
  'plan-month-outside': [['error', 'plan.monthOutside', 'plans/out.yaml', 6, 'months[1].month']],
  'plan-period-reversed': [['error', 'plan.periodOrder', 'plans/rev.yaml', 3, 'period']],
  'plan-totals-mismatch': [['error', 'plan.totals', 'plans/totals.yaml', 4, 'totals.revenue']],
  'plan-totals-undecided': [
    ['warning', 'plan.totalsUndecided', 'plans/totals.yaml', 4, 'totals.revenue'],
    ['warning', 'plan.totalsUndecided', 'plans/totals.yaml', 4, 'totals.marketing'],
  ],
  // A plan is checked part by part: one field's schema error hides no other check (issue #23).
  'plan-parts-store-and-totals': [
    ['error', 'schema.tooSmall', 'plans/y2026.yaml', 2, 'store'],
    ['error', 'plan.totals', 'plans/y2026.yaml', 4, 'totals.revenue'],
  ],
  'plan-parts-stage-and-months': [
    ['warning', 'plan.monthMissing', 'plans/stages.yaml', 4, 'months'],
    ['error', 'value.month', 'plans/stages.yaml', 15, 'stages[1].end'],
    ['warning', 'check.skipped', 'plans/stages.yaml', 15, 'stages[1].end'],
  ],
  // months is not a list: the checks that read it are skipped, and the report names them at months.
  'plan-parts-months-unreadable': [
    ['error', 'schema.type', 'plans/months.yaml', 5, 'months'],
    ['warning', 'check.skipped', 'plans/months.yaml', 5, 'months'],
  ],
  'plan-zero-months': [['warning', 'plan.monthMissing', 'plans/empty.yaml', 3, 'period']],
  'ref-cadence-sop': [['error', 'ref.missing', 'cadence.yaml', 5, '[0].sop']],
  'ref-glossary-see-also': [['error', 'ref.missing', 'glossary.yaml', 4, '[0].seeAlso[0]']],
  'ref-missing-department': [
    ['warning', 'role.noSop', 'roles/lost.md', 2, ''],
    ['error', 'ref.missing', 'roles/lost.md', 3, 'department'],
  ],
  'ref-missing-owner': [['error', 'ref.missing', 'sops/ghost.md', 3, 'owner']],
  'ref-related-sop': [['error', 'ref.missing', 'sops/related.md', 8, 'related[1]']],
  'ref-step-role': [['error', 'ref.missing', 'sops/by.md', 6, 'steps[0].by']],
  'ref-title-instead-of-id': [['error', 'ref.missing', 'sops/title.md', 3, 'owner']],
  'ref-traditional-title': [
    ['warning', 'role.noSop', 'roles/lead.md', 2, ''],
    ['error', 'ref.missing', 'roles/lead.md', 4, 'reportsTo'],
  ],
  'review-overdue': [['warning', 'sop.reviewOverdue', 'sops/old.md', 6, 'updated']],
  'role-without-sop': [['warning', 'role.noSop', 'roles/idle.md', 2, '']],
  // A javascript: edit link would sit behind every page's "edit this page".
  'site-edit-url-javascript': [['error', 'schema.invalid', 'site.yaml', 4, 'editUrl']],
  'site-bad-locale': [['error', 'schema.enum', 'site.yaml', 2, 'locale']],
  'slug-invalid': [
    ['error', 'id.slug', 'roles/Big Boss.md', 2, ''],
    ['warning', 'role.noSop', 'roles/Big Boss.md', 2, ''],
  ],
  'sop-empty-steps': [['error', 'schema.tooSmall', 'sops/nosteps.md', 4, 'steps']],
  'sop-no-steps': [['error', 'schema.required', 'sops/nosteps.md', 2, 'steps']],
  'stage-budget-mismatch': [['warning', 'stage.budget', 'plans/stages.yaml', 13, 'stages[0].budget']],
  'stage-duplicate-id': [['error', 'stage.duplicate', 'plans/stages.yaml', 10, 'stages[1].id']],
  'stage-outside-year-slip': [
    ['warning', 'stage.uncovered', 'plans/stages.yaml', 8, 'stages'],
    ['error', 'stage.outside', 'plans/stages.yaml', 10, 'stages[1].start'],
  ],
  'stage-overlap': [['warning', 'stage.overlap', 'plans/stages.yaml', 10, 'stages[1].start']],
  'stage-reversed': [
    ['warning', 'stage.uncovered', 'plans/stages.yaml', 8, 'stages'],
    ['error', 'stage.order', 'plans/stages.yaml', 9, 'stages[0].start'],
  ],
  'stage-target-mismatch': [['warning', 'stage.target', 'plans/stages.yaml', 13, 'stages[0].targets.revenue']],
  'stages-uncovered': [['warning', 'stage.uncovered', 'plans/stages.yaml', 8, 'stages']],
  'unclosed-frontmatter': [['error', 'file.frontmatter', 'sops/open.md', 1, '']],
  'unknown-key-sop': [
    ['error', 'schema.required', 'sops/typo.md', 2, 'owner'],
    ['warning', 'schema.unknownKey', 'sops/typo.md', 3, 'owenr'],
  ],
  'unknown-key-typo': [
    ['warning', 'schema.unknownKey', 'roles/typo.md', 2, 'titel'],
    ['error', 'schema.required', 'roles/typo.md', 2, 'title'],
  ],
  'utf16be-file': [['error', 'file.encoding', 'sops/utf16.md', 1, '']],
  'utf16le-file': [['error', 'file.encoding', 'sops/utf16.md', 1, '']],
  'whitespace-file': [['error', 'file.empty', 'departments/blank.yaml', 1, '']],
  'yaml-bad-indent': [['error', 'yaml.syntax', 'sops/bad.md', 2, '']],
  'yaml-duplicate-key': [['error', 'yaml.syntax', 'departments/bad.yaml', 2, '']],
  'yaml-tab-indent': [['error', 'yaml.syntax', 'departments/bad.yaml', 3, '']],
  'yaml-unclosed-quote': [['error', 'yaml.syntax', 'departments/bad.yaml', 3, '']],
  // An alias to no anchor made `yaml` throw while building the value: the check stopped with a stack trace.
  'yaml-unknown-alias': [['error', 'yaml.syntax', 'departments/bad.yaml', 2, '']],
};

/** What some cases must hint, in Chinese and English: [field, zh-CN hint contains, en hint contains]. */
const HINTS: Record<string, [path: string, zh: string, en: string][]> = {
  // An enum value written by its UI name gets the id it means.
  'enum-frequency-chinese': [['frequency', '“每天” 要写成 daily', 'Write daily for "每天"']],
  'enum-cadence-chinese': [
    ['[0].every', '“每周” 要写成 week', 'Write week for "每周"'],
    ['[0].on', '“星期一” 要写成 mon', 'Write mon for "星期一"'],
  ],
  // A money typo gets the nearest readable amount.
  'money-double-unit': [['months[0].revenue', '是不是 4.5万？', 'Did you mean 4.5万?']],
  'money-wan-grouping': [['months[0].revenue', '是不是 12000？', 'Did you mean 12000?']],
  'money-bad-grouping': [['months[0].revenue', '是不是 12.34元？', 'Did you mean 12.34元?']],
  'money-w-unit': [['months[0].revenue', '是不是 15万？', 'Did you mean 15万?']],
  'audience-unknown': [
    ['[0].audience', '“管理层”是受众的名称：要写它的 id management', '"管理层" is the audience\'s name: write its id management'],
    ['audience', '是不是 management？', 'Did you mean management?'],
  ],
  'audience-hidden-owner': [['owner', '给本条目写 audience: management，或给 “agent” 写 audience: staff', 'give "agent" audience: staff']],
  'all-at-once-schema-and-refs': [['frequency', '“每天” 要写成 daily', 'Write daily']],
  'list-fullwidth-comma': [['participants[0]', '拆成 2 项：[agent, boss]', 'Split it into 2 items: [agent, boss]']],
  'list-dunhao': [
    ['participants', '拆成 2 项：[agent, bosss]', 'Split it into 2 items: [agent, bosss]'],
    ['participants', '是不是 boss？', 'Did you mean boss?'],
  ],
};

describe('the base handbook', () => {
  it('is valid, so every problem below comes from its case', async () => {
    expect((await loadContent(BASE, { today: '2026-11-25' })).problems).toEqual([]);
  });
});

describe('bad-input corpus', () => {
  it('has an expectation for every case folder, and at least 50 cases', () => {
    const cases = readdirSync(CORPUS).sort();
    expect(cases).toEqual(Object.keys(EXPECTED).sort());
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, expected) => {
    const { problems } = await check((dir) => cpSync(path.join(CORPUS, name), dir, { recursive: true }));
    const rendered = problems.map((p) => renderProblem(p, 'zh-CN'));
    expect(rendered.map((r): Row => [r.severity, r.rule, r.file, r.line, r.path])).toEqual(expected);
    const renderedEn = problems.map((p) => renderProblem(p, 'en'));
    for (const [field, zh, en] of HINTS[name] ?? []) {
      expect(
        rendered
          .filter((r) => r.path === field)
          .map((r) => r.hint)
          .join('\n'),
        name,
      ).toContain(zh);
      expect(
        renderedEn
          .filter((r) => r.path === field)
          .map((r) => r.hint)
          .join('\n'),
        name,
      ).toContain(en);
    }
    for (const r of [...rendered, ...problems.map((p) => renderProblem(p, 'en'))]) {
      expect(r.message.length).toBeGreaterThan(3);
      expect(r.message).not.toMatch(/undefined|\[object Object\]|\n\s+at /);
      if (r.hint) expect(r.hint).not.toMatch(/undefined|\[object Object\]/);
    }
  });
});

describe('a file read part by part (issue #23)', () => {
  const messages = async (name: string, lang: 'zh-CN' | 'en') => {
    const { problems } = await check((dir) => cpSync(path.join(CORPUS, name), dir, { recursive: true }));
    return problems.map((p) => renderProblem(p, lang)).map((r) => `${r.rule} ${r.path}: ${r.message} | ${r.hint}`);
  };

  it('reports the totals gap of a plan whose store is empty, with both amounts', async () => {
    expect(await messages('plan-parts-store-and-totals', 'zh-CN')).toEqual([
      expect.stringMatching(/^schema\.tooSmall store: /),
      expect.stringContaining('plan.totals totals.revenue: 目标成交额合计写的是 47.5万元，各月之和为 45万元：合计多 2.5万元'),
    ]);
  });

  it('names, in Chinese and English, the checks a broken part stops, and how to get them run', async () => {
    const zh = (await messages('plan-parts-months-unreadable', 'zh-CN')).find((m) => m.startsWith('check.skipped'));
    expect(zh).toBe(
      'check.skipped months: months 读不出来，所以这些核对没有进行：周期内是否每月都有数字；totals.revenue 与各月之和是否一致；' +
        'totals.marketing 与各月之和是否一致；阶段 stages[0] 的预算明细与各月营销预算是否一致 | ' +
        '先改好 months 的错误，再运行 npm run check，这些核对就会进行。',
    );
    const en = (await messages('plan-parts-months-unreadable', 'en')).find((m) => m.startsWith('check.skipped'));
    expect(en).toContain(
      'months cannot be read, so these checks did not run: whether every month of the period has figures; whether totals.revenue matches the months;',
    );
    expect(en).toContain('| Fix the error in months and run npm run check again');
  });

  it('skips only the stage that cannot be read, and says so at its field', async () => {
    const zh = await messages('plan-parts-stage-and-months', 'zh-CN');
    expect(zh[0]).toContain('plan.monthMissing months: 计划周期内有 1 个月没有数字：2014-03');
    expect(zh[2]).toContain(
      'stages[1].end 读不出来，所以这些核对没有进行：阶段 stages[1] 的核对（起止、里程碑、预算明细和目标）；阶段之间是否重叠、是否覆盖周期内每个月',
    );
  });

  it('says that the actuals of a plan whose period cannot be read were not checked', async () => {
    const [, skipped] = await messages('actuals-plan-period-unreadable', 'zh-CN');
    expect(skipped).toContain('period 读不出来，所以这些核对没有进行：actuals/year/ 里的实际数据（读取，并与计划核对）；');
    const [, skippedEn] = await messages('actuals-plan-period-unreadable', 'en');
    expect(skippedEn).toContain('the actuals in actuals/year/ (read and compared with the plan)');
  });

  it('compares the actuals of the months whose figures parsed, and names the month that was not', async () => {
    const [overrun, , skipped] = await messages('actuals-plan-month-unreadable', 'zh-CN');
    expect(overrun).toContain('2014-01 推广花费 5万元，预算 4.5万元，超支 5,000元');
    expect(skipped).toContain('months[1].marketing 读不出来，所以这些核对没有进行：actuals/year/ 里这个月的实际数据与目标、预算的核对（达成率、超支）；');
  });

  it('a valid plan reports no skipped check, and its problems are the same as before', async () => {
    const { problems } = await check((dir) => cpSync(path.join(CORPUS, 'stage-budget-mismatch'), dir, { recursive: true }));
    expect(problems.map((p) => p.rule)).toEqual(['stage.budget']);
  });
});

describe('actuals: columns and the text report', () => {
  it('sets column for CSV cell and header problems, and prints file:line:column', async () => {
    const { problems } = await check((dir) => cpSync(path.join(CORPUS, 'actuals-cell'), dir, { recursive: true }));
    expect(problems.map((p) => [p.rule, p.line, p.column])).toEqual([['actuals.cell', 2, 2]]);
    expect(renderProblem(problems[0]!, 'en')).toMatchObject({ column: 2, path: '支付金额' });
    expect(renderProblem(problems[0]!, 'zh-CN').message).toContain('第 2 行第 2 列（B 列“支付金额”）');
    expect(toText(problems, { lang: 'zh-CN', displayRoot: 'content', color: false })).toContain('content/actuals/year/export.csv:2:2  错误');
  });
  it('leaves column null for YAML problems', async () => {
    const { problems } = await check((dir) => cpSync(path.join(CORPUS, 'actuals-spend-total'), dir, { recursive: true }));
    expect(renderProblem(problems[0]!, 'en').column).toBeNull();
  });
  it('reports every problem of a broken folder at once', async () => {
    const { problems } = await check((dir) => {
      for (const name of ['actuals-cell', 'actuals-unknown-column', 'actuals-spend-total'])
        cpSync(path.join(CORPUS, name), path.join(dir, 'x', name), { recursive: true });
      cpSync(path.join(dir, 'x/actuals-cell/actuals/year/export.csv'), path.join(dir, 'actuals/year/1.csv'), { recursive: true });
      cpSync(path.join(dir, 'x/actuals-unknown-column/actuals/year/export.csv'), path.join(dir, 'actuals/year/2.csv'), { recursive: true });
      cpSync(path.join(dir, 'x/actuals-spend-total/actuals/year/a.yaml'), path.join(dir, 'actuals/year/3.yaml'), { recursive: true });
      rmSync(path.join(dir, 'x'), { recursive: true });
    });
    expect(new Set(problems.map((p) => p.rule))).toEqual(new Set(['actuals.cell', 'actuals.unknownColumn', 'actuals.spendTotal', 'actuals.repeatedDate']));
  });
});

describe('large content', () => {
  it('checks a 2 MB SOP without a problem', async () => {
    const paragraph = '付款后核对收件人、电话和地址，有变动时在订单上用小红旗备注写明变动内容、修改人和时间。\n\n';
    const body = paragraph.repeat(Math.ceil((2 * 1024 * 1024) / Buffer.byteLength(paragraph)));
    const { problems } = await check((dir) =>
      writeFileSync(path.join(dir, 'sops/huge.md'), `---\ntitle: 超长 SOP\nowner: agent\nsteps:\n  - 第一步\n---\n\n${body}`),
    );
    expect(problems).toEqual([]);
  });

  it('checks an SOP of 10,000 steps, and points at a broken one by its line', async () => {
    const steps = Array.from({ length: 10_000 }, (_, i) => (i === 9_876 ? '  - do: 第 9877 步\n    by: nobody\n' : `  - 第 ${i + 1} 步\n`)).join('');
    const { problems } = await check((dir) => writeFileSync(path.join(dir, 'sops/long.md'), `---\ntitle: 一万步\nowner: agent\nsteps:\n${steps}---\n`));
    expect(problems.map((p) => [p.rule, p.file, p.line])).toEqual([['ref.missing', 'sops/long.md', 9_882]]);
  });
});

/**
 * The same hostile cases with the check bypassed: each body rendered the way the build renders it (Sätteri
 * with the body guard, src/integrations/body-guard.ts). Markdown gives HTML, MDX the JavaScript it compiles
 * to; neither may hold anything that runs, and the author's text stays.
 */
const SECURITY_CASES = Object.keys(EXPECTED).filter((name) => /^(?:html-|mdx-code-|mdx-html-)/.test(name));
const RUNS =
  /<(?:script|style|iframe|object|embed|form|meta|base|svg|button)\b|"(?:script|style|iframe|svg|form)"|\son[a-z]+=|on[A-Z][a-z]+:|\sstyle="(?!text-align: (?:left|right|center)")|style:|javascript:|data:text|srcdoc|pwned|readFileSync|process\.env|node:fs|globalThis|import fs/i;

async function rendered(caseDir: string, file: string): Promise<string> {
  const allowCode = existsSync(path.join(caseDir, 'site.yaml')) && readMdxCode(caseDir);
  const body = splitFrontMatter(readFileSync(path.join(caseDir, file), 'utf8'))!.body;
  const hastPlugins = [bodyGuardPlugin({ allowCode })];
  return file.endsWith('.mdx') ? (await mdxToJs(body, { hastPlugins })).code : (await markdownToHtml(body, { hastPlugins })).html;
}

describe('hostile bodies with the check bypassed', () => {
  it('covers every construct in .md and in .mdx', () => {
    expect(SECURITY_CASES.length).toBeGreaterThanOrEqual(17);
    const files = SECURITY_CASES.flatMap((name) => readdirSync(path.join(CORPUS, name, 'sops')));
    expect(files.some((f) => f.endsWith('.md'))).toBe(true);
    expect(files.some((f) => f.endsWith('.mdx'))).toBe(true);
  });

  it.each(SECURITY_CASES.filter((name) => name !== 'mdx-code-opt-in-accepted'))('%s renders nothing that runs, and keeps the text', async (name) => {
    const dir = path.join(CORPUS, name);
    for (const file of readdirSync(path.join(dir, 'sops')).filter((f) => /\.mdx?$/.test(f))) {
      const out = await rendered(dir, path.join('sops', file));
      expect(out, `${name}/${file}`).not.toMatch(RUNS);
      expect(out).toContain('保留的文字');
    }
  });

  it('keeps what the allowlist allows', async () => {
    const html = await rendered(path.join(CORPUS, 'html-allowed-accepted'), 'sops/formatting.md');
    for (const kept of [
      '<br>',
      '<sub>2</sub>',
      '<kbd>Ctrl</kbd>',
      '<details>',
      '<summary>展开看</summary>',
      '<th colspan="2">表头</th>',
      '<th style="text-align: left">a</th>',
      '<img src="/images/flow.png" alt="流程图" width="320">',
      '<img src="https://cdn.example.com/a.png" alt="图">',
      'src="data:image/png;base64,',
      '<a href="mailto:ops@example.com">',
      '<a href="tel:+8610000000">',
      '<a href="/sops/first-reply/">',
      '<input type="checkbox" checked disabled>',
    ])
      expect(html).toContain(kept);
    const js = await rendered(path.join(CORPUS, 'mdx-html-allowed-accepted'), 'sops/allowed.mdx');
    expect(js).toContain('title: "字面文字可以"');
    expect(js).toContain('href: "https://example.com/admin"');
  });

  it('removes the link, not the text, of a javascript: or data: link', async () => {
    expect(await rendered(path.join(CORPUS, 'html-javascript-url-md'), 'sops/links.md')).toContain('<p><a>点我</a></p>');
  });

  it('drops a front matter layout, which @astrojs/mdx would import', async () => {
    // The MDX renderer Astro uses for content .mdx files, with the guard among its hast plugins.
    const compile = async (allowCode: boolean) => {
      const renderer = await satteri({ hastPlugins: [bodyGuardPlugin({ allowCode })] }).createMdxRenderer!({ syntaxHighlight: false }, { optimize: false });
      return (await renderer.process('保留的文字。', path.join(CORPUS, 'mdx-code-layout/sops/layout.mdx'), { title: '版式', layout: './evil.mjs' })).code;
    };
    expect(await compile(false)).not.toContain('evil.mjs');
    expect(await compile(true)).toContain('evil.mjs');
  });

  it('lets MDX code through only when site.yaml opts in', async () => {
    const js = await rendered(path.join(CORPUS, 'mdx-code-opt-in-accepted'), 'sops/hostname.mdx');
    expect(js).toContain('import fs from "node:fs"');
    expect(js).toContain('fs.readFileSync("/etc/hostname", "utf8")');
  });
});
