/**
 * The authors' guide (/guide/ in Chinese, /guide/en/ in English): its sections,
 * whose ids are the page's anchors in both languages, and the longer code
 * samples it shows (kept here: braces are awkward in Astro templates).
 */
import { BODY_HTML, REMOVED_WITH_CONTENT } from '../domain/html/allowlist.ts';
import { inLanguage, type Bilingual, type SourceLocale } from '../i18n/index.ts';
import { UNIT_ALIASES, type DurationUnit } from '../domain/time.ts';

export interface GuideSection {
  readonly id: string;
  readonly title: Bilingual;
  readonly children?: readonly GuideSection[];
}

export const GUIDE_SECTIONS: readonly GuideSection[] = [
  { id: 'layout', title: { zh: '文件夹结构', en: 'The content folder' } },
  {
    id: 'editor',
    title: { zh: '在浏览器里编辑', en: 'Editing in the browser' },
    children: [
      { id: 'editor-local', title: { zh: '在自己电脑上编辑', en: 'On your own computer' } },
      { id: 'editor-team', title: { zh: '团队一起编辑（Forgejo / Gitea / GitLab）', en: 'As a team (Forgejo, Gitea, GitLab)' } },
      { id: 'editor-files', title: { zh: '保存后的文件', en: 'What a save writes' } },
    ],
  },
  {
    id: 'collections',
    title: { zh: '每种文件的写法', en: 'Each kind of file' },
    children: [
      { id: 'site-yaml', title: { zh: '站点：site.yaml', en: 'The site: site.yaml' } },
      { id: 'departments', title: { zh: '部门：departments/', en: 'Departments: departments/' } },
      { id: 'roles', title: { zh: '岗位：roles/', en: 'Roles: roles/' } },
      { id: 'sops', title: { zh: 'SOP：sops/', en: 'SOPs: sops/' } },
      { id: 'mdx-components', title: { zh: '正文里的组件（.mdx）', en: 'Components in the body (.mdx)' } },
      { id: 'plans', title: { zh: '运营计划：plans/', en: 'Plans: plans/' } },
      { id: 'glossary', title: { zh: '术语表：glossary.yaml', en: 'Glossary: glossary.yaml' } },
      { id: 'cadence', title: { zh: '工作节奏：cadence.yaml', en: 'Rhythm: cadence.yaml' } },
    ],
  },
  {
    id: 'values',
    title: { zh: '数值的写法', en: 'Writing values' },
    children: [
      { id: 'money', title: { zh: '金额', en: 'Money' } },
      { id: 'months-dates', title: { zh: '月份和日期', en: 'Months and dates' } },
      { id: 'durations', title: { zh: '时限', en: 'Durations' } },
      { id: 'times', title: { zh: '时刻', en: 'Times of day' } },
    ],
  },
  { id: 'actuals', title: { zh: '执行跟踪：实际数据', en: 'Plan vs actual (执行跟踪)' } },
  { id: 'checks', title: { zh: '检查报告：每条提示怎么改', en: 'Checker messages and how to fix them' } },
  { id: 'writing-sops', title: { zh: '怎样写好 SOP 步骤', en: 'Writing good SOP steps' } },
  { id: 'security', title: { zh: '安全：正文里能写什么', en: 'Security: what a body may hold' } },
  { id: 'printing', title: { zh: '打印和 PDF', en: 'Printing and PDF' } },
  {
    id: 'publishing',
    title: { zh: '发布到静态网站', en: 'Publishing on a static host' },
    children: [
      { id: 'object-storage', title: { zh: '对象存储（OSS、S3）', en: 'Object storage (OSS, S3)' } },
      { id: 'nginx', title: { zh: 'Nginx', en: 'Nginx' } },
      { id: 'github-pages', title: { zh: 'GitHub Pages', en: 'GitHub Pages' } },
      { id: 'base-path', title: { zh: '放在子路径下（base）', en: 'Under a sub-path (base)' } },
    ],
  },
];

/** Every section and sub-section id, in page order. */
export function guideAnchors(sections: readonly GuideSection[] = GUIDE_SECTIONS): string[] {
  return sections.flatMap((s) => [s.id, ...guideAnchors(s.children ?? [])]);
}

export function sectionTitle(id: string, lang: SourceLocale, sections: readonly GuideSection[] = GUIDE_SECTIONS): string {
  for (const section of sections) {
    if (section.id === id) return inLanguage(section.title, lang);
    const inner = section.children ? sectionTitle(id, lang, section.children) : '';
    if (inner) return inner;
  }
  return '';
}

/** The spellings of each duration unit the parser accepts (time.ts), ASCII ones first. */
export function durationUnits(): Record<DurationUnit, string[]> {
  const units: Record<DurationUnit, string[]> = { s: [], m: [], h: [], d: [] };
  for (const [word, unit] of Object.entries(UNIT_ALIASES)) units[unit].push(word);
  for (const words of Object.values(units)) words.sort((a, b) => Number(/[^\x00-\x7f]/.test(a)) - Number(/[^\x00-\x7f]/.test(b)));
  return units;
}

/** The duration units as table rows, labelled by `label` (seconds, minutes, hours, days in the guide's language). */
export function durationUnitRows(label: (unit: 'seconds' | 'minutes' | 'hours' | 'days') => string): { label: string; words: string[] }[] {
  const units = durationUnits();
  return [
    { label: label('seconds'), words: units.s },
    { label: label('minutes'), words: units.m },
    { label: label('hours'), words: units.h },
    { label: label('days'), words: units.d },
  ];
}

const say = (lang: SourceLocale, zh: string, en: string) => inLanguage({ zh, en }, lang);

/** An Nginx server block for dist/ (trailing-slash addresses, long caching of hashed assets, optional password). */
export function nginxExample(lang: SourceLocale): string {
  return `server {
    listen 80;
    server_name handbook.example.com;
    root /srv/opsbook/dist;    # ${say(lang, 'npm run build 生成的 dist/ 的内容', 'the contents of dist/ from npm run build')}
    index index.html;
    charset utf-8;             # ${say(lang, '中文页面和 robots.txt 按 UTF-8 发送', 'Chinese pages and robots.txt are sent as UTF-8')}
    absolute_redirect off;     # ${say(lang, '补斜杠的跳转只写路径（在反向代理后面也对）', 'slash redirects carry the path only (right behind a proxy too)')}

    location / {
        # ${say(lang, '/sops/refund-check/ → sops/refund-check/index.html；', '/sops/refund-check/ → sops/refund-check/index.html;')}
        # ${say(lang, '/sops/refund-check（没有斜杠）→ 301 跳到 /sops/refund-check/', '/sops/refund-check (no slash) → 301 to /sops/refund-check/')}
        try_files $uri $uri/ =404;
    }

    # ${say(lang, '文件名带内容哈希，可以长期缓存', 'file names carry a content hash: cache them for long')}
    location /_astro/ {
        add_header Cache-Control "public, max-age=31536000, immutable";
    }

    # ${say(lang, '内部手册：要求登录（用 htpasswd 生成密码文件）', 'an internal handbook: ask for a password (make the file with htpasswd)')}
    # auth_basic "Opsbook";
    # auth_basic_user_file /etc/nginx/opsbook.htpasswd;
}`;
}

/** A GitHub Actions workflow that builds the handbook and publishes it on GitHub Pages. */
export function githubPagesExample(lang: SourceLocale): string {
  return `# .github/workflows/pages.yml
name: ${say(lang, '发布手册', 'Publish the handbook')}
on:
  push:
    branches: [main]
permissions:
  contents: read
  pages: write
  id-token: write
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0    # ${say(lang, '页脚的构建日期取内容最后一次提交的日期', "the footer's build date is the content's last commit")}
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - run: npm ci
      - run: npm run build
        env:
          # ${say(lang, '项目网站在 /<仓库名>/ 下：网址的路径就是 base', 'a project site lives under /<repo>/: the address gives the base')}
          OPSBOOK_SITE: https://<user>.github.io/<repo>/
      - uses: actions/upload-pages-artifact@v3
        with:
          path: dist
      - id: deployment
        uses: actions/deploy-pages@v4`;
}

/** Upload commands for object storage; `prefix` is the folder in the bucket ('' for its root). */
export function objectStorageExample(lang: SourceLocale): string {
  return `# ${say(lang, '阿里云 OSS（ossutil）：上传 dist/ 里的全部文件，只传有变化的', 'Alibaba Cloud OSS (ossutil): upload everything in dist/, changed files only')}
ossutil cp -r -u dist/ oss://my-handbook/

# ${say(lang, 'AWS S3 或兼容 S3 的存储（aws cli）：同步，并删掉旧文件', 'AWS S3 or S3-compatible storage (aws cli): sync and delete stale files')}
aws s3 sync dist/ s3://my-handbook/ --delete`;
}

/** Building for a sub-path, and previewing it. */
export function basePathExample(lang: SourceLocale): string {
  return `# ${say(lang, '站点放在 https://intranet.example.com/handbook/ 下', 'the site lives at https://intranet.example.com/handbook/')}
OPSBOOK_BASE=/handbook/ OPSBOOK_SITE=https://intranet.example.com npm run build

# ${say(lang, '同样的写法：网址的路径部分就是 base', 'the same: the path of the address is the base')}
OPSBOOK_SITE=https://intranet.example.com/handbook/ npm run build

# ${say(lang, '本机预览：http://localhost:4321/handbook/', 'preview locally: http://localhost:4321/handbook/')}
OPSBOOK_BASE=/handbook/ npm run preview`;
}

/**
 * The HTML tags an author may write in a body, from the allowlist itself (src/domain/html/allowlist.ts),
 * leaving out the ones only Markdown writes (its task-list checkbox and footnote section).
 */
export function allowedBodyTags(): string[] {
  return Object.keys(BODY_HTML)
    .filter((tag) => tag !== 'input' && tag !== 'section')
    .map((tag) => `<${tag}>`);
}

/** The elements the build removes with their content (same source). */
export function removedBodyTags(): string[] {
  return REMOVED_WITH_CONTENT.filter(
    (tag) =>
      ![
        'head',
        'html',
        'body',
        'xmp',
        'noembed',
        'noframes',
        'plaintext',
        'frame',
        'frameset',
        'applet',
        'param',
        'optgroup',
        'option',
        'track',
        'source',
        'datalist',
        'output',
        'meter',
        'progress',
        'portal',
        'fencedframe',
        'slot',
      ].includes(tag),
  ).map((tag) => `<${tag}>`);
}

/** A Forgejo / Gitea Actions workflow that builds the handbook on every push: the checker's report is the gate. */
export const EDITOR_CI_EXAMPLE = `# .forgejo/workflows/handbook.yml（Gitea：.gitea/workflows/handbook.yml）
on: [push]
jobs:
  build:
    runs-on: docker
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - run: npm ci
      - run: npm run build   # 检查不通过就停在这里 / stops here when the check fails
      # 然后把 dist/ 发布出去（见“发布到静态网站”）/ then publish dist/ (see "Publishing")`;

/** site.yaml's editor for a self-hosted Forgejo. */
export const EDITOR_SITE_EXAMPLE = `editor:
  backend: forgejo          # gitea | forgejo | gitlab | github
  repo: shop/handbook       # 仓库：所有者/名称
  baseUrl: https://git.example.com
  branch: main
  contentPath: content      # content/ 在仓库里的位置
  appId: 6c1e0f0a-3b7d-4c1e-9d2a-5f8e7a6b4c3d   # OAuth 应用的客户端 ID`;
