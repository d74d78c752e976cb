/**
 * One zod schema per collection of the content format
 * (../shared/specs/content-format.md). Astro's content config and the checker
 * both import these: there is no second copy of a rule.
 */
import { z } from 'zod';
import { audienceRef, clock, date, departmentRef, duration, kpi, money, month, percent, ref, roleRef, sopRef, termRef, text, textList } from './values.ts';
import { help } from './help.ts';
import { SLUG_PATTERN } from '../domain/text.ts';

const LEVEL_ALIASES: Record<string, 'junior' | 'mid' | 'senior'> = { 初级: 'junior', 初級: 'junior', 中级: 'mid', 中級: 'mid', 高级: 'senior', 高級: 'senior' };
export const LEVELS = ['junior', 'mid', 'senior'] as const;
export const FREQUENCIES = ['on-event', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'seasonal'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export const EDITOR_BACKENDS = ['gitea', 'forgejo', 'gitlab', 'github'] as const;
/** The collections whose entries (or items) may belong to an audience: every one but site.yaml. */
export const AUDIENCE_COLLECTIONS = ['departments', 'roles', 'sops', 'plans', 'glossary', 'cadence'] as const;
export type AudienceCollection = (typeof AUDIENCE_COLLECTIONS)[number];

/** `audience:` on any entry or list item: who may read it. */
const audienceField = audienceRef
  .optional()
  .meta(
    help(
      '谁能读它：site.yaml audiences 里的受众 id（如 management）；不写就属于默认受众（见 audiences 的 default，否则是第一个受众）',
      "who may read it: an audience id of site.yaml's audiences (e.g. management); without it, the audience whose default lists the collection, else the first",
    ),
  );

const audience = z.object({
  // The id is a folder of dist/ and the site's base path (/management/): a slug.
  id: z
    .string()
    .trim()
    .regex(SLUG_PATTERN, '受众 id 只用小写字母、数字和 -，如 management / the audience id: lower-case letters, digits and -, e.g. management')
    .meta(help('受众 id：小写字母、数字和 -；也是它那个站点的路径 /<id>/', "the audience's id: lower-case letters, digits and -; also its site's path /<id>/")),
  name: text.meta(help('受众名称，如 全体员工、管理层', "the audience's name, e.g. 全体员工 (all staff), 管理层 (management)")),
  includes: z.array(audienceRef).default([]).meta(help('它也能读这些受众的全部内容（受众 id）', 'it also reads everything of these audiences (ids)')),
  default: z
    .array(z.enum(AUDIENCE_COLLECTIONS))
    .default([])
    .meta(
      help(
        '这些栏目的条目默认属于它（departments / roles / sops / plans / glossary / cadence），条目自己写了 audience 的除外',
        'collections whose entries belong to it unless they name an audience (departments, roles, sops, plans, glossary, cadence)',
      ),
    ),
});

export const site = z.object({
  name: text.meta(help('手册名称：页眉、浏览器标签页、打印页脚都用它', "the handbook's name: header, browser tab, printed pages")),
  organization: text.optional().meta(help('团队或公司名称，显示在页脚', 'team or company, shown in the footer')),
  locale: z
    .enum(LOCALES)
    .default('zh-CN')
    .meta(help('页面和检查报告的语言：zh-CN 简体 / zh-TW 繁体 / en 英文', 'language of the pages and the checker: zh-CN, zh-TW or en')),
  currency: z.enum(['CNY']).default('CNY').meta(help('币种，目前只有 CNY', 'currency; only CNY for now')),
  description: text.optional().meta(help('一句话介绍，写进各页的 meta description', "one sentence, the pages' meta description")),
  /** Internal handbooks are not for search engines unless the team says so. */
  robots: z
    .boolean()
    .default(false)
    .meta(
      help(
        '允许搜索引擎收录：true 允许；false 每页带 noindex，robots.txt 拒绝爬虫',
        'search engines: true lets them in; false: noindex on every page, robots.txt says no',
      ),
    ),
  // An address of the web: a javascript: or data: editUrl would put code behind every page's edit link.
  editUrl: z
    .string()
    .trim()
    .regex(/^https?:\/\/\S+$/i, '编辑链接要以 https:// 或 http:// 开头 / the edit link must start with https:// or http://')
    .optional()
    .meta(help('“编辑此页”链接：{file} 换成条目在 content/ 里的路径', '"edit this page" link: {file} becomes the path inside content/')),
  editor: z
    .union([
      z.literal(false),
      z.object({
        backend: z
          .enum(EDITOR_BACKENDS)
          .meta(help('代码托管平台：gitea / forgejo（自建）、gitlab、github', 'the Git host: gitea / forgejo (self-hosted), gitlab or github')),
        repo: z
          .string()
          .trim()
          .regex(/^[^/\s]+\/[^\s]+$/, '仓库写成 所有者/名称，如 ops/handbook / the repository as owner/name, e.g. ops/handbook')
          .meta(help('仓库：所有者/名称，如 ops/handbook', 'the repository, owner/name: ops/handbook')),
        baseUrl: z
          .string()
          .trim()
          .regex(/^https?:\/\/\S+$/i, '地址要以 https:// 或 http:// 开头 / the address must start with https:// or http://')
          .optional()
          .meta(
            help(
              '自建平台的地址，如 https://git.example.com；gitlab.com、github.com 不用写',
              'the self-hosted host, e.g. https://git.example.com; omit for gitlab.com or github.com',
            ),
          ),
        branch: text.default('main').meta(help('保存到哪个分支（默认 main）', 'the branch saves go to (default main)')),
        contentPath: text
          .default('content')
          .meta(help('content/ 文件夹在仓库里的路径（默认 content）', 'where the content folder sits in the repository (default content)')),
        appId: text
          .optional()
          .meta(
            help(
              '平台上为编辑器建的 OAuth 应用的客户端 ID；不写就用访问令牌登录',
              "the client id of the editor's OAuth application on the host; without it, sign in with an access token",
            ),
          ),
      }),
    ])
    .optional()
    .meta(
      help(
        '浏览器编辑器（/admin/）保存到哪个 Git 仓库；不写只能用本机文件夹编辑（npm run dev），false 不生成编辑器',
        'where the browser editor (/admin/) saves: a Git repository; without it only local-folder editing (npm run dev); false builds no editor',
      ),
    ),
  search: z
    .object({
      lexicon: z
        .boolean()
        .default(true)
        .meta(
          help(
            '搜索时用 Opsbook 自带的电商词库（退钱→退款、ztc→直通车 等同义词和行话）；false 关闭',
            "search with Opsbook's e-commerce lexicon (退钱 → 退款, ztc → 直通车: synonyms and trade shorthand); false turns it off",
          ),
        ),
      lexiconOff: z
        .array(text)
        .default([])
        .meta(
          help(
            '关掉词库里的某些词条：写上词条里的任意一个词（如 亲），整条不再用于搜索',
            'switch lexicon entries off: any spelling of an entry (e.g. 亲) turns off the whole entry for search',
          ),
        ),
    })
    .default({ lexicon: true, lexiconOff: [] })
    .meta(help('站内搜索的设置', 'site search settings')),
  mdx: z
    .object({
      code: z
        .boolean()
        .default(false)
        .meta(
          help(
            '允许 MDX 代码：true 允许 .mdx 正文 import 和写 { } 代码，它们在构建时执行，能读构建机器上的文件和环境变量（风险：任何能改 content/ 的人都能把它们发布出去；见指南“安全”）',
            'code in MDX: true lets .mdx bodies import and run { } code at build time, with the build machine\'s files and environment (risk: anyone who can edit content/ can publish them; see the guide, "Security")',
          ),
        ),
    })
    .default({ code: false })
    .meta(help('MDX 正文能做什么（默认只有文字和手册组件）', 'what MDX bodies may do (by default text and the components only)')),
  audiences: z
    .array(audience)
    .optional()
    .meta(
      help(
        '谁能读什么：第一个受众范围最广，条目默认属于它。检查已支持；按受众分别构建站点（dist/<id>/）还没有完成，声明了受众的手册在构建时会停止，以免把受限内容发布给所有人。不写就是一个给所有人的站点',
        'who may read what: the first is the widest, entries belong to it by default. The checker reads it; building one site per audience (dist/<id>/) is not done yet, so a handbook that declares audiences stops at the build rather than publish restricted content to everyone. Without it, one site for everyone',
      ),
    ),
});

export const department = z.object({
  name: text.meta(help('部门名称，如 客服部', "the department's name")),
  summary: text.optional().meta(help('一句话介绍，显示在部门列表和部门页', 'one line, shown in lists and on its page')),
  lead: roleRef.optional().meta(help('负责人的岗位 id（roles/ 下的文件名）', "the lead's role id (a file name in roles/)")),
  order: z.number().optional().meta(help('排序用的数字，小的在前；不写的排在最后', 'sort order, smaller first; departments without one come last')),
  audience: audienceField,
});

const headcount = z.object({
  current: z.number().int().nonnegative().meta(help('现有人数（整数）', 'people now (whole number)')),
  planned: z.number().int().nonnegative().meta(help('计划人数（整数）', 'people planned (whole number)')),
});

const staffing = z.object({
  base: z.number().int().nonnegative().meta(help('订单很少时的人数', 'people at low volume')),
  steps: z
    .array(
      z.object({
        atOrdersPerDay: z.number().positive().meta(help('每天订单达到这个数……', 'when daily orders reach this …')),
        add: z.number().int().positive().meta(help('……再加这么多人', '… add this many people')),
      }),
    )
    .default([])
    .meta(help('单量门槛', 'order-volume thresholds')),
});

const level = z
  .preprocess((value) => (typeof value === 'string' && value in LEVEL_ALIASES ? LEVEL_ALIASES[value] : value), z.enum(LEVELS))
  // For editors: JSON Schema sees only the enum after the preprocess, so list the Chinese names too.
  .meta({ enum: [...LEVELS, ...Object.keys(LEVEL_ALIASES)] });

const onboardingPhase = z.object({
  phase: text.meta(help('阶段名称，如 第一天、第一周、第一个月', "the phase's name, e.g. Day 1, Week 1, Month 1")),
  sops: z.array(sopRef).min(1).meta(help('这一阶段要学的 SOP（id），按学习顺序', 'the SOPs to learn in this phase (ids), in order')),
});

export const role = z.object({
  title: text.meta(help('岗位名称，如 客服主管', "the role's name")),
  department: departmentRef.meta(help('所属部门的 id（departments/ 下的文件名）', 'its department (id)')),
  reportsTo: roleRef.optional().meta(help('直接上级的岗位 id；不写＝最高岗位；不能成环', 'the manager (role id); none = top of the chart; no loops')),
  level: level.optional().meta(help('级别：junior / mid / senior，也可写 初级 / 中级 / 高级', 'level: junior / mid / senior (or 初级 / 中级 / 高级)')),
  headcount: headcount.optional().meta(help('编制：现有人数 current、计划人数 planned', 'headcount: current and planned')),
  holders: textList.default([]).meta(help('现在在这个岗位上的人', 'who holds the role now')),
  summary: text.optional().meta(help('一句话介绍这个岗位', 'one line about the role')),
  responsibilities: textList.min(1).meta(help('岗位职责，至少一条', 'responsibilities, at least one')),
  requirements: textList.default([]).meta(help('任职资格', 'requirements')),
  kpis: z
    .array(kpi)
    .default([])
    .meta(help('考核指标：name 名称、target 目标、unit 单位、better 越高/越低越好', 'KPIs: name, target, unit, better (higher or lower)')),
  tools: textList.default([]).meta(help('常用工具，最好用术语表里的词', 'tools, ideally glossary terms')),
  staffing: staffing
    .optional()
    .meta(
      help(
        '按每日订单量配人：base 基础人数，每到 atOrdersPerDay 单/天再加 add 人；计划页据此算人手',
        'people by daily orders: base, then add people at atOrdersPerDay; plans use it for staffing',
      ),
    ),
  onboarding: z
    .array(onboardingPhase)
    .optional()
    .meta(
      help(
        '入职路径分阶段（可不写）：每段写 phase 阶段名和 sops 要学的 SOP；没列到的负责/参与的 SOP 排在最后的“之后”里。不写就按负责在前、每日在前排列',
        'onboarding in phases (optional): each a phase name and its sops; SOPs of the role not listed come last, under "Later". Without it: owned first, daily first',
      ),
    ),
  audience: audienceField,
});

const step = z.union([
  text.transform((doText) => ({ do: doText }) as { do: string; by?: string; note?: string }),
  z.object({
    do: text.meta(help('这一步做什么', 'what to do')),
    by: roleRef.optional().meta(help('谁做（岗位 id）', 'who does it (role id)')),
    note: text.optional().meta(help('提醒、例外情况', 'a reminder or an exception')),
  }),
]);

export const sop = z.object({
  title: text.meta(help('流程名称，如 售后退款处理', "the procedure's name")),
  owner: roleRef.meta(help('负责到底的岗位 id（roles/ 下的文件名）', 'the accountable role (id)')),
  participants: z.array(roleRef).default([]).meta(help('参与的岗位 id', 'roles taking part (ids)')),
  department: departmentRef.optional().meta(help('所属部门 id；不写就用负责岗位的部门', "department (id); default: the owner's")),
  trigger: text.optional().meta(help('什么时候开始做，如 买家付款后、每日 17:30', 'when it starts')),
  frequency: z
    .enum(FREQUENCIES)
    .optional()
    .meta(
      help(
        '频率：on-event（有事就做）/ daily / weekly / monthly / quarterly / yearly / seasonal',
        'on-event, daily, weekly, monthly, quarterly, yearly or seasonal',
      ),
    ),
  sla: duration.optional().meta(help('时限：必须在多长时间内做完，如 20s、24h、3天', 'the time within which it must be done: 20s, 24h, 3d')),
  steps: z.array(step).min(1).meta(help('按顺序的步骤，至少一步', 'the steps in order, at least one')),
  kpis: z.array(kpi).default([]).meta(help('考核指标，写法同岗位', 'KPIs, as for roles')),
  related: z.array(sopRef).default([]).meta(help('相关 SOP 的 id', 'related SOPs (ids)')),
  tags: textList.default([]).meta(help('标签，方便查找', 'tags')),
  updated: date.optional().meta(help('上次复核的日期（YYYY-MM-DD）', 'date of the last review (YYYY-MM-DD)')),
  reviewEvery: z.number().int().positive().default(12).meta(help('每隔几个月复核；逾期会警告', 'months between reviews; overdue ones are warned about')),
  audience: audienceField,
});

const period = z.object({
  start: month.meta(help('第一个月', 'first month')),
  end: month.meta(help('最后一个月（含）', 'last month (included)')),
});

const stage = z.object({
  id: ref.meta(help('阶段 id，本计划内不重复', 'stage id, unique in the plan')),
  name: text.meta(help('阶段名称', "the stage's name")),
  start: month.meta(help('开始月份', 'first month')),
  end: month.meta(help('结束月份（含），在计划周期内', 'last month, inside the period')),
  summary: text.optional().meta(help('一句话概述', 'one line')),
  goals: textList.default([]).meta(help('阶段目标', 'goals')),
  targets: z
    .object({ revenue: money.optional().meta(help('目标成交额：应等于这几个月 revenue 之和', "revenue target: should equal the months' revenue")) })
    .optional()
    .meta(help('数字目标', 'figures to reach')),
  budget: z
    .array(z.object({ item: text.meta(help('项目', 'item')), amount: money.meta(help('金额', 'amount')), note: text.optional().meta(help('说明', 'note')) }))
    .default([])
    .meta(help('预算明细，合计应等于这几个月的 marketing', "budget lines; should add up to the months' marketing")),
  milestones: z
    .array(z.object({ month: month.meta(help('月份，在阶段之内', 'month, inside the stage')), title: text.meta(help('要完成的事', 'what is done by then')) }))
    .default([])
    .meta(help('里程碑', 'milestones')),
  staff: z
    .array(z.object({ role: roleRef.meta(help('岗位 id', 'role id')), count: z.number().int().nonnegative().meta(help('人数', 'how many')) }))
    .default([])
    .meta(help('这个阶段需要的人手', 'people the stage needs')),
});

/** The content format's default ROI grades, in the site's language (a plan without `roi` uses these). */
export const DEFAULT_ROI_BY_LOCALE = {
  'zh-CN': {
    below: '不及格',
    bands: [
      { min: 3, label: '及格' },
      { min: 4, label: '良好' },
      { min: 5, label: '优秀' },
    ],
  },
  'zh-TW': {
    below: '不及格',
    bands: [
      { min: 3, label: '及格' },
      { min: 4, label: '良好' },
      { min: 5, label: '優秀' },
    ],
  },
  en: {
    below: 'fail',
    bands: [
      { min: 3, label: 'pass' },
      { min: 4, label: 'good' },
      { min: 5, label: 'excellent' },
    ],
  },
} as const;

export const DEFAULT_ROI = DEFAULT_ROI_BY_LOCALE['zh-CN'];

const roi = z.object({
  below: text.meta(help('低于最低一档的评语', 'label below the lowest band')),
  bands: z
    .array(z.object({ min: z.number().nonnegative().meta(help('ROI 下限', 'lowest ROI of the band')), label: text.meta(help('评语', 'label')) }))
    .min(1)
    .meta(help('各档：ROI 达到 min 即为 label', 'bands: from min upwards, label')),
});

export const plan = z.object({
  title: text.meta(help('计划名称，如 年度运营计划', "the plan's name")),
  store: text.meta(help('店铺或品牌名称', 'store or brand')),
  period: period.meta(help('计划周期，起止月份', 'the period: first and last month')),
  currency: z.enum(['CNY']).optional().meta(help('币种；不写就用 site.yaml 的（目前只有 CNY）', 'currency; default: site.yaml (CNY only for now)')),
  totals: z
    .object({
      revenue: money.optional().meta(help('目标成交额合计', 'revenue target, total')),
      marketing: money.optional().meta(help('营销推广预算合计', 'marketing budget, total')),
    })
    .optional()
    .meta(help('合计：目标成交额 revenue、营销推广预算 marketing；检查会与各月之和核对', 'totals, checked against the months')),
  months: z
    .array(
      z.object({
        month: month.meta(help('月份', 'the month')),
        revenue: money.meta(help('当月目标成交额', "the month's revenue target")),
        marketing: money.meta(help('当月营销推广预算', "the month's marketing budget")),
      }),
    )
    .default([])
    .meta(help('逐月数字，周期内每月一项', 'one item per month of the period')),
  stages: z.array(stage).default([]).meta(help('阶段，按时间先后；不重叠、不留空月', 'stages in order; no overlaps, no gaps')),
  /** Absent: the default grades in the site's language (see roiBands in domain/plan/plan.ts). */
  roi: roi.optional().meta(help('ROI 评级（成交额 ÷ 营销预算）；不写就用默认的一套', 'ROI grades (revenue ÷ marketing); the defaults when absent')),
  fixedCosts: z
    .array(
      z.object({
        item: text.meta(help('项目', 'item')),
        amount: money.meta(help('金额', 'amount')),
        per: z.enum(['year', 'month', 'once']).meta(help('计费方式：year 每年 / month 每月 / once 一次性', 'charged per: year, month or once')),
        status: z.enum(['ordered', 'planned']).optional().meta(help('状态：ordered 已订 / planned 计划中', 'status: ordered or planned')),
        note: text.optional().meta(help('说明', 'note')),
      }),
    )
    .default([])
    .meta(help('固定成本：软件、房租等', 'fixed costs: software, rent …')),
  averageOrderValue: money.optional().meta(help('客单价：把成交额换算成日订单量和人手', 'average order value: turns revenue into orders/day and staffing')),
  tracking: z
    .object({
      lowAttainment: percent
        .optional()
        .meta(help('某月达成率低于它时提醒（默认 80%）；0 关闭', 'warn when a finished month attains less (default 80%); 0 turns it off')),
      channels: textList
        .default([])
        .meta(
          help(
            '自己用的推广渠道名（抖音、小红书），CSV 表头和 spend 里可用',
            "the team's own spend channels (抖音, 小红书), accepted as CSV headers and spend keys",
          ),
        ),
    })
    .optional()
    .meta(
      help(
        '执行跟踪设置：实际数据放在 actuals/<计划 id>/（npm run new -- actuals <id>）',
        'plan-vs-actual settings: actuals live in actuals/<plan id>/ (npm run new -- actuals <id>)',
      ),
    ),
  audience: audienceField,
});

export const glossaryTerm = z.object({
  term: text.meta(help('术语；正文里第一次出现时自动链接到这里', 'the term; its first use in a body links here')),
  aliases: textList.default([]).meta(help('别的写法：繁体、英文、简称', 'other spellings: Traditional, English, short')),
  definition: text.meta(help('解释', 'what it means')),
  seeAlso: z.array(termRef).default([]).meta(help('相关术语（写术语本身）', 'related terms (as written in term)')),
  audience: audienceField,
});

export const glossary = z.array(glossaryTerm);

export const cadenceItem = z
  .object({
    title: text.meta(help('事项名称', 'what happens')),
    every: z
      .enum(['day', 'weekday', 'week', 'month'])
      .meta(help('周期：day 每天 / weekday 工作日 / week 每周 / month 每月', 'how often: day, weekday, week or month')),
    on: z
      .union([z.enum(WEEKDAYS), z.number().int().min(1).max(31)])
      .optional()
      .meta(help('哪天：每周的写 mon…sun，每月的写几号（1–31）', 'which day: weekly mon…sun; monthly day 1–31')),
    at: clock.optional().meta(help('时刻："HH:MM"，加引号', 'time of day: "HH:MM", quoted')),
    owner: roleRef.optional().meta(help('负责岗位 id', 'owner (role id)')),
    sop: sopRef.optional().meta(help('对应的 SOP id', 'the SOP it runs (id)')),
    audience: audienceField,
  })
  .superRefine((item, ctx) => {
    // A weekly item may leave the day open (每周一次，哪天都行); a day of month does not fit it.
    if (item.every === 'week' && item.on !== undefined && typeof item.on !== 'string') {
      ctx.addIssue({
        code: 'custom',
        path: ['on'],
        input: item.on,
        message: 'A weekly item takes on: mon..sun',
        params: { rule: 'cadence.on', every: 'week' },
      });
    }
    if (item.every === 'month' && item.on !== undefined && typeof item.on !== 'number') {
      ctx.addIssue({
        code: 'custom',
        path: ['on'],
        input: item.on,
        message: 'A monthly item takes on: day of month (1–31)',
        params: { rule: 'cadence.on', every: 'month' },
      });
    }
  });

export const cadence = z.array(cadenceItem);

export type SiteData = z.output<typeof site>;
export type AudienceData = z.output<typeof audience>;
export type DepartmentData = z.output<typeof department>;
export type RoleData = z.output<typeof role>;
export type SopData = z.output<typeof sop>;
export type PlanData = z.output<typeof plan>;
export type StageData = PlanData['stages'][number];
export type GlossaryTermData = z.output<typeof glossaryTerm>;
export type CadenceItemData = z.output<typeof cadenceItem>;
export type Step = SopData['steps'][number];
