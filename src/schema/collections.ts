/**
 * One zod schema per collection of the content format
 * (../shared/specs/content-format.md). Astro's content config and the checker
 * both import these: there is no second copy of a rule.
 */
import { z } from 'zod';
import { clock, date, duration, kpi, money, month, percent, ref, text, textList } from './values.ts';

const LEVEL_ALIASES: Record<string, 'junior' | 'mid' | 'senior'> = { 初级: 'junior', 初級: 'junior', 中级: 'mid', 中級: 'mid', 高级: 'senior', 高級: 'senior' };
export const LEVELS = ['junior', 'mid', 'senior'] as const;
export const FREQUENCIES = ['on-event', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'seasonal'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;

export const site = z.object({
  name: text,
  organization: text.optional(),
  locale: z.enum(LOCALES).default('zh-CN'),
  currency: z.enum(['CNY']).default('CNY'),
  description: text.optional(),
  /** Internal handbooks are not for search engines unless the team says so. */
  robots: z.boolean().default(false),
  editUrl: z.string().trim().min(1).optional(),
});

export const department = z.object({
  name: text,
  summary: text.optional(),
  lead: ref.optional(),
  order: z.number().optional(),
});

const headcount = z.object({
  current: z.number().int().nonnegative(),
  planned: z.number().int().nonnegative(),
});

const staffing = z.object({
  base: z.number().int().nonnegative(),
  steps: z
    .array(z.object({ atOrdersPerDay: z.number().positive(), add: z.number().int().positive() }))
    .default([]),
});

const level = z
  .preprocess((value) => (typeof value === 'string' && value in LEVEL_ALIASES ? LEVEL_ALIASES[value] : value), z.enum(LEVELS))
  // For editors: JSON Schema sees only the enum after the preprocess, so list the Chinese names too.
  .meta({ enum: [...LEVELS, ...Object.keys(LEVEL_ALIASES)] });

export const role = z.object({
  title: text,
  department: ref,
  reportsTo: ref.optional(),
  level: level.optional(),
  headcount: headcount.optional(),
  holders: textList.default([]),
  summary: text.optional(),
  responsibilities: textList.min(1),
  requirements: textList.default([]),
  kpis: z.array(kpi).default([]),
  tools: textList.default([]),
  staffing: staffing.optional(),
});

const step = z.union([
  text.transform((doText) => ({ do: doText }) as { do: string; by?: string; note?: string }),
  z.object({ do: text, by: ref.optional(), note: text.optional() }),
]);

export const sop = z.object({
  title: text,
  owner: ref,
  participants: z.array(ref).default([]),
  department: ref.optional(),
  trigger: text.optional(),
  frequency: z.enum(FREQUENCIES).optional(),
  sla: duration.optional(),
  steps: z.array(step).min(1),
  kpis: z.array(kpi).default([]),
  related: z.array(ref).default([]),
  tags: textList.default([]),
  updated: date.optional(),
  reviewEvery: z.number().int().positive().default(12),
});

const period = z.object({ start: month, end: month });

const stage = z.object({
  id: ref,
  name: text,
  start: month,
  end: month,
  summary: text.optional(),
  goals: textList.default([]),
  targets: z.object({ revenue: money.optional() }).optional(),
  budget: z.array(z.object({ item: text, amount: money, note: text.optional() })).default([]),
  milestones: z.array(z.object({ month, title: text })).default([]),
  staff: z.array(z.object({ role: ref, count: z.number().int().nonnegative() })).default([]),
});

/** The content format's default ROI grades, in the site's language (a plan without `roi` uses these). */
export const DEFAULT_ROI_BY_LOCALE = {
  'zh-CN': { below: '不及格', bands: [{ min: 3, label: '及格' }, { min: 4, label: '良好' }, { min: 5, label: '优秀' }] },
  'zh-TW': { below: '不及格', bands: [{ min: 3, label: '及格' }, { min: 4, label: '良好' }, { min: 5, label: '優秀' }] },
  en: { below: 'fail', bands: [{ min: 3, label: 'pass' }, { min: 4, label: 'good' }, { min: 5, label: 'excellent' }] },
} as const;

export const DEFAULT_ROI = DEFAULT_ROI_BY_LOCALE['zh-CN'];

const roi = z.object({
  below: text,
  bands: z.array(z.object({ min: z.number().nonnegative(), label: text })).min(1),
});

export const plan = z.object({
  title: text,
  store: text,
  period,
  currency: z.enum(['CNY']).optional(),
  totals: z.object({ revenue: money.optional(), marketing: money.optional() }).optional(),
  months: z.array(z.object({ month, revenue: money, marketing: money })).default([]),
  stages: z.array(stage).default([]),
  /** Absent: the default grades in the site's language (see roiBands in domain/plan/plan.ts). */
  roi: roi.optional(),
  fixedCosts: z
    .array(
      z.object({
        item: text,
        amount: money,
        per: z.enum(['year', 'month', 'once']),
        status: z.enum(['ordered', 'planned']).optional(),
        note: text.optional(),
      }),
    )
    .default([]),
  averageOrderValue: money.optional(),
  /** 执行跟踪 settings (actuals-format.md): the low-attainment threshold and the team's own spend channels. */
  tracking: z.object({ lowAttainment: percent.optional(), channels: textList.default([]) }).optional(),
});

export const glossaryTerm = z.object({
  term: text,
  aliases: textList.default([]),
  definition: text,
  seeAlso: textList.default([]),
});

export const glossary = z.array(glossaryTerm);

export const cadenceItem = z
  .object({
    title: text,
    every: z.enum(['day', 'weekday', 'week', 'month']),
    on: z.union([z.enum(WEEKDAYS), z.number().int().min(1).max(31)]).optional(),
    at: clock.optional(),
    owner: ref.optional(),
    sop: ref.optional(),
  })
  .superRefine((item, ctx) => {
    if (item.every === 'week' && typeof item.on !== 'string') {
      ctx.addIssue({ code: 'custom', path: ['on'], input: item.on, message: 'A weekly item needs on: mon..sun', params: { rule: 'cadence.on', every: 'week' } });
    }
    if (item.every === 'month' && item.on !== undefined && typeof item.on !== 'number') {
      ctx.addIssue({ code: 'custom', path: ['on'], input: item.on, message: 'A monthly item takes on: day of month (1–31)', params: { rule: 'cadence.on', every: 'month' } });
    }
  });

export const cadence = z.array(cadenceItem);

export type SiteData = z.output<typeof site>;
export type DepartmentData = z.output<typeof department>;
export type RoleData = z.output<typeof role>;
export type SopData = z.output<typeof sop>;
export type PlanData = z.output<typeof plan>;
export type StageData = PlanData['stages'][number];
export type GlossaryTermData = z.output<typeof glossaryTerm>;
export type CadenceItemData = z.output<typeof cadenceItem>;
export type Step = SopData['steps'][number];
