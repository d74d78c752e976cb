/**
 * The rule table: every problem the checker can report, with its wording in
 * Chinese and English, the hint for the slip that usually causes it and, where
 * the hint alone says too little, longer advice. This is the one place for that
 * text: the CLI prints the hint under each problem and the authors' guide
 * (src/guide/rules.ts) is generated from this table, so they never drift.
 */
import { FORMATS, type SourceLocale } from '../i18n/index.ts';
import { formatFen } from '../domain/money.ts';
import type { FenParam, ParamValue, Severity } from './problems.ts';
import { ACTUALS_RULES } from './rules-actuals.ts';

type Params = Readonly<Record<string, ParamValue>>;

interface Say {
  /** A money amount in the reader's locale. */
  money(value: ParamValue): string;
  /** A signed difference in fen: "多 2.5万元" / "2.5万元 more". */
  diff(value: ParamValue): string;
  /** A list of values. */
  list(value: ParamValue): string;
  /** A found value, quoted. */
  value(value: ParamValue): string;
}

type Text = (p: Params, say: Say) => string;

export interface Rule {
  readonly severity: Severity;
  readonly title: Record<SourceLocale, string>;
  readonly message: Record<SourceLocale, Text>;
  /**
   * What to do, printed under the problem. It may return nothing for some facts only when the rule
   * has `advice`, which is printed instead (test/unit/check/rules.test.ts holds every rule to that).
   */
  readonly hint: Record<SourceLocale, (p: Params, say: Say) => string | undefined>;
  /** The general fix: shown in the guide, and by the CLI when the hint has nothing specific to say. */
  readonly advice?: Record<SourceLocale, string>;
}

/** The audiences site.yaml declares, as an audience problem reports them. */
const declaredOf = (p: Params): readonly string[] => (Array.isArray(p.declared) ? p.declared : []);

/** A hint that does not depend on the problem's facts. */
const fixed = (zh: string, en: string): Rule['hint'] => ({ 'zh-CN': () => zh, en: () => en });

const KIND: Record<string, Record<SourceLocale, string>> = {
  role: { 'zh-CN': '岗位', en: 'role' },
  sop: { 'zh-CN': 'SOP', en: 'SOP' },
  department: { 'zh-CN': '部门', en: 'department' },
  term: { 'zh-CN': '术语', en: 'glossary term' },
  audience: { 'zh-CN': '受众', en: 'audience' },
};

const FIELD: Record<string, Record<SourceLocale, string>> = {
  revenue: { 'zh-CN': '目标成交额', en: 'revenue' },
  marketing: { 'zh-CN': '营销推广预算', en: 'marketing budget' },
};

const MONEY_REASON: Record<string, Record<SourceLocale, string>> = {
  format: { 'zh-CN': '写法无法识别', en: 'not a money amount' },
  negative: { 'zh-CN': '金额不能为负数', en: 'amounts cannot be negative' },
  precision: { 'zh-CN': '精度超过 1 分', en: 'finer than one fen (0.01 元)' },
  'too-large': { 'zh-CN': '数额过大', en: 'too large' },
  'chinese-numerals': { 'zh-CN': '用了汉字数字', en: 'written in Chinese numerals' },
  'latin-unit': { 'zh-CN': '用了 w/k 作单位', en: 'uses w/k as a unit' },
  exponent: { 'zh-CN': '用了科学计数法', en: 'written in scientific notation' },
};

const CODE_KIND: Record<string, Record<SourceLocale, string>> = {
  import: { 'zh-CN': ' import 语句', en: 'an import statement' },
  export: { 'zh-CN': ' export 语句', en: 'an export statement' },
  expression: { 'zh-CN': '表达式 { }', en: 'an expression { }' },
  attribute: { 'zh-CN': '写成表达式的属性', en: 'an attribute written as an expression' },
  spread: { 'zh-CN': '展开属性 {...}', en: 'a spread attribute {...}' },
  layout: { 'zh-CN': ' layout 字段（构建时会 import 它指向的模块）', en: 'a layout key (the build imports the module it names)' },
};

const ELEMENT_ADVICE: Record<string, Record<SourceLocale, string>> = {
  script: {
    'zh-CN': '手册不运行正文里的脚本；需要交互的功能请找手册维护者。',
    en: 'The handbook runs no script from a body; ask the maintainers for an interactive feature.',
  },
  style: {
    'zh-CN': '正文里不写样式：用 Markdown 的 **粗体**、*斜体*、标题、列表和表格，样式由网站统一提供。',
    en: 'No styles in a body: use Markdown **bold**, *italic*, headings, lists and tables; the site does the styling.',
  },
  embed: { 'zh-CN': '嵌入的网页、视频或文件改成链接：[标题](https://…)。', en: 'Link to the page, video or file instead: [title](https://…).' },
  form: {
    'zh-CN': '表单改成链接：[填写表单](https://…)；要打勾的清单，在 .mdx 里用 <Checklist>。',
    en: 'Link to the form instead: [fill in the form](https://…); for a list to tick off use <Checklist> in an .mdx file.',
  },
  head: { 'zh-CN': '删掉它：页面的 meta、base、link 和标题由网站生成。', en: 'Remove it: the site writes the meta, base and link tags and the title.' },
  graphic: {
    'zh-CN': '把图形存成图片文件（PNG、JPG），用 ![说明](图片地址) 插入。',
    en: 'Save the drawing as an image file (PNG, JPG) and insert it with ![caption](address).',
  },
  other: {
    'zh-CN': '改用 Markdown，或这些标签：表格、列表、<br>、<details>/<summary>、<kbd>、<sub>/<sup>、<a>、<img>（完整清单见指南“安全”）。',
    en: 'Use Markdown, or these tags: tables, lists, <br>, <details>/<summary>, <kbd>, <sub>/<sup>, <a>, <img> (the full list is in the guide, "Security").',
  },
};

const URL_REASON: Record<string, Record<SourceLocale, string>> = {
  script: { 'zh-CN': '这是会执行脚本的地址', en: 'it runs a script' },
  data: { 'zh-CN': 'data: 地址只能是 PNG、JPEG、GIF、WebP、AVIF 图片', en: 'data: addresses may only be PNG, JPEG, GIF, WebP or AVIF pictures' },
  'http-image': { 'zh-CN': '图片要用 https 地址', en: 'images need an https address' },
  'other-host': { 'zh-CN': '以 // 开头的地址指向别的网站', en: 'an address starting with // points to another site' },
  scheme: {
    'zh-CN': '链接只能是 http(s)://、mailto:、tel: 或本站页面，图片只能是 https:// 或本站文件',
    en: 'links go to http(s)://, mailto:, tel: or a page of the site; images come from https:// or the site',
  },
};

const URL_ADVICE: Record<string, Record<SourceLocale, string>> = {
  script: { 'zh-CN': '链接要指向网页：[文字](https://…)。', en: 'Link to a web page: [text](https://…).' },
  data: { 'zh-CN': '把文件放到网站或网盘上，链接它的地址。', en: 'Put the file on the site or a file share and link its address.' },
  'http-image': {
    'zh-CN': '改成 https:// 开头的地址，或把图片放进网站的 public/ 文件夹，用 /图片.png 这样的地址。',
    en: "Use an https:// address, or put the picture in the site's public/ folder and write /picture.png.",
  },
  'other-host': { 'zh-CN': '写全地址：https://…。', en: 'Write the full address: https://….' },
  scheme: { 'zh-CN': '改成 https://… 的地址。', en: 'Use an https://… address.' },
};

const SEPARATOR: Record<string, Record<SourceLocale, string>> = {
  '，': { 'zh-CN': '全角逗号“，”', en: 'a full-width comma "，"' },
  '、': { 'zh-CN': '顿号“、”', en: 'the enumeration comma "、"' },
  '；': { 'zh-CN': '全角分号“；”', en: 'a full-width semicolon "；"' },
  ',': { 'zh-CN': '逗号“,”', en: 'commas' },
  ';': { 'zh-CN': '分号“;”', en: 'semicolons' },
};

export const RULES = {
  'file.encoding': {
    severity: 'error',
    title: { 'zh-CN': '文件不是 UTF-8 编码', en: 'File is not UTF-8' },
    message: {
      'zh-CN': (p) => `文件编码为 ${p.encoding}，应为 UTF-8`,
      en: (p) => `the file is encoded as ${p.encoding}; expected UTF-8`,
    },
    hint: {
      'zh-CN': () => '用编辑器“另存为 UTF-8”（记事本：编码选 UTF-8；VS Code：右下角编码 → 通过编码保存 → UTF-8）。',
      en: () => 'Save the file again as UTF-8 (VS Code: click the encoding in the status bar → Save with Encoding → UTF-8).',
    },
  },
  'file.empty': {
    severity: 'error',
    title: { 'zh-CN': '文件为空', en: 'Empty file' },
    message: { 'zh-CN': () => '文件是空的', en: () => 'the file is empty' },
    hint: { 'zh-CN': () => '填写内容，或删除这个文件。', en: () => 'Fill it in or delete it.' },
  },
  'file.missing': {
    severity: 'error',
    title: { 'zh-CN': '缺少必需的文件', en: 'Required file missing' },
    message: { 'zh-CN': (p) => `找不到 ${p.file}`, en: (p) => `${p.file} is missing` },
    hint: { 'zh-CN': (p) => `在内容目录下新建 ${p.file}（至少写 name: 手册名称）。`, en: (p) => `Create ${p.file} in the content folder (at least name: …).` },
  },
  'file.ignored': {
    severity: 'warning',
    title: { 'zh-CN': '文件不会被读取', en: 'File is ignored' },
    message: {
      'zh-CN': (p) => `${p.folder}/ 目录只读取 ${p.expected} 文件，这个文件会被忽略`,
      en: (p) => `${p.folder}/ only reads ${p.expected} files; this one is ignored`,
    },
    hint: { 'zh-CN': () => '改成正确的扩展名，或移出这个目录。', en: () => 'Rename it with the right extension or move it out.' },
    advice: {
      'zh-CN': 'Word、Excel 文件不会被读取：把内容抄进 .md 文件（岗位和 SOP 也可用 .mdx）；只是备份的文件请移出 content/。',
      en: 'Word or Excel files are not read: copy the text into a .md file (or .mdx for roles and SOPs); move backups out of content/.',
    },
  },
  'file.frontmatter': {
    severity: 'error',
    title: { 'zh-CN': '缺少 front matter', en: 'Missing front matter' },
    message: {
      'zh-CN': () => '文件开头没有用 --- 包围的 front matter',
      en: () => 'the file does not start with front matter between --- lines',
    },
    hint: {
      'zh-CN': () => '第一行写 ---，接着写字段（如 title: …），再用一行 --- 结束。',
      en: () => 'Start with a --- line, then the fields (title: …), then a closing --- line.',
    },
  },
  'yaml.syntax': {
    severity: 'error',
    title: { 'zh-CN': 'YAML 语法错误', en: 'YAML syntax error' },
    message: { 'zh-CN': (p) => `YAML 无法解析：${p.detail}`, en: (p) => `YAML cannot be parsed: ${p.detail}` },
    hint: {
      'zh-CN': (p) => (p.tab ? '缩进里有 Tab 字符：YAML 只能用空格缩进。' : '检查这一行的缩进、冒号后的空格，以及引号是否成对。'),
      en: (p) =>
        p.tab ? 'A tab is used for indentation: YAML only allows spaces.' : 'Check the indentation, the space after each colon and paired quotes on this line.',
    },
    advice: {
      'zh-CN': '常见原因：冒号后面没有空格（lead:cs-lead）、文字里有“: ”却没加引号、引号不成对、缩进没对齐。含冒号的文字用引号包起来："注意: 先核对"。',
      en: 'Usual causes: no space after a colon (lead:cs-lead), text holding ": " without quotes, unpaired quotes, misaligned indentation. Quote text with a colon: "Note: check first".',
    },
  },
  'yaml.fullWidthColon': {
    severity: 'error',
    title: { 'zh-CN': '字段名后用了全角冒号', en: 'Full-width colon after a key' },
    message: {
      'zh-CN': (p) => `“${p.key}” 后面是全角冒号“：”，YAML 不认识`,
      en: (p) => `"${p.key}" is followed by a full-width colon "：", which YAML does not recognise`,
    },
    hint: { 'zh-CN': (p) => `改成半角冒号加空格：${p.key}: …`, en: (p) => `Use an ASCII colon and a space: ${p.key}: …` },
  },
  'yaml.notMapping': {
    severity: 'error',
    title: { 'zh-CN': '内容结构不对', en: 'Wrong document shape' },
    message: {
      'zh-CN': (p) =>
        `这里应是${p.expected === 'list' ? '列表（每项以 - 开头）' : '键值对（key: value）'}，实际是${p.found === 'list' ? '列表' : p.found === 'mapping' ? '键值对' : `一段文字“${p.value}”`}`,
      en: (p) =>
        `expected ${p.expected === 'list' ? 'a list (items starting with -)' : 'a mapping (key: value)'}, found ${p.found === 'list' ? 'a list' : p.found === 'mapping' ? 'a mapping' : `the text "${p.value}"`}`,
    },
    hint: fixed(
      '岗位、SOP、计划、部门和 site.yaml 的顶层是“字段: 值”，不以 - 开头；glossary.yaml 和 cadence.yaml 相反，顶层是列表，每项以 - 开头。',
      'Roles, SOPs, plans, departments and site.yaml hold "key: value" lines at the top, not items starting with -; glossary.yaml and cadence.yaml are the opposite: a list of items, each starting with -.',
    ),
  },
  'mdx.compile': {
    severity: 'error',
    title: { 'zh-CN': 'MDX 无法编译', en: 'MDX does not compile' },
    message: { 'zh-CN': (p) => `MDX 正文无法编译：${p.detail}`, en: (p) => `the MDX body does not compile: ${p.detail}` },
    hint: {
      'zh-CN': () => '检查这一行附近的 <标签> 是否成对闭合、{ } 是否成对；只想写普通文字时把文件改成 .md。',
      en: () => 'Check that <tags> near this line are closed and { } are paired; for plain text, rename the file to .md.',
    },
    advice: {
      'zh-CN': 'MDX 里 < 和 { 有特殊含义：每个 <标签> 都要闭合，正文里的 { } 要成对；要写“小于”请写 &lt; 或改用 .md 文件。',
      en: 'In MDX, < and { are special: close every <tag>, pair every { }; write &lt; for a literal "<", or use a .md file.',
    },
  },
  'mdx.unknownComponent': {
    severity: 'error',
    title: { 'zh-CN': 'MDX 里用了不存在的组件', en: 'Unknown component in MDX' },
    message: {
      'zh-CN': (p, say) => `没有名为 <${p.name}> 的组件；可用的组件：${say.list(p.known)}`,
      en: (p, say) => `there is no component <${p.name}>; the components are ${say.list(p.known)}`,
    },
    hint: {
      'zh-CN': (p) =>
        p.suggestion
          ? `是不是 <${p.suggestion}>？组件名区分大小写，开头大写。`
          : '换成上面列出的组件之一（自己写的组件要 import，只有 site.yaml 写了 mdx: { code: true } 的网站才允许）。',
      en: (p) =>
        p.suggestion
          ? `Did you mean <${p.suggestion}>? Component names are case-sensitive and start with a capital.`
          : 'Use one of the components listed (components of your own need an import, allowed only when site.yaml says mdx: { code: true }).',
    },
  },
  'mdx.unknownAttribute': {
    severity: 'warning',
    title: { 'zh-CN': '组件的未知属性', en: 'Unknown component attribute' },
    message: {
      'zh-CN': (p, say) =>
        `<${p.component}> 没有 ${p.attribute} 属性，会被忽略${p.allowed ? `；可用：${say.list(p.allowed)}` : `；<${p.component}> 不需要属性`}`,
      en: (p, say) =>
        `<${p.component}> has no attribute ${p.attribute}; it is ignored${p.allowed ? ` (attributes: ${say.list(p.allowed)})` : ` (<${p.component}> takes none)`}`,
    },
    hint: {
      'zh-CN': (p) => (p.suggestion ? `是不是拼错了 ${p.suggestion}？` : '检查拼写，或删除这个属性。'),
      en: (p) => (p.suggestion ? `A typo for ${p.suggestion}?` : 'Check the spelling or remove it.'),
    },
  },
  'mdx.attribute': {
    severity: 'error',
    title: { 'zh-CN': '组件属性写法不对', en: 'Component attribute cannot be checked' },
    message: {
      'zh-CN': (p) =>
        p.reason === 'missing'
          ? p.component === 'Term'
            ? '<Term> 既没有 id，也没有文字，不知道链接到哪个术语'
            : p.component === 'Restricted'
              ? '<Restricted> 缺少 to 属性，不知道哪个受众能读这段文字'
              : `<${p.component}> 缺少 ${p.attribute} 属性，不知道链接到哪里`
          : p.reason === 'bare'
            ? `<${p.component}> 的 ${p.attribute} 属性没有值`
            : `<${p.component}> 的 ${p.attribute} 写成了表达式 { }，检查无法确定它的值`,
      en: (p) =>
        p.reason === 'missing'
          ? p.component === 'Term'
            ? '<Term> has neither an id nor text: it links to no term'
            : p.component === 'Restricted'
              ? '<Restricted> has no to: it says no audience may read its text'
              : `<${p.component}> has no ${p.attribute}: it links nowhere`
          : p.reason === 'bare'
            ? `the ${p.attribute} attribute of <${p.component}> has no value`
            : `the ${p.attribute} of <${p.component}> is an expression { }, so its value cannot be checked`,
    },
    hint: {
      'zh-CN': (p) =>
        p.component === 'Term'
          ? '写成 <Term>直通车</Term> 或 <Term id="直通车">文字</Term>。'
          : p.component === 'Callout'
            ? '写成带引号的文字：type="tip"、"warning" 或 "danger"。'
            : p.component === 'Restricted'
              ? '写成带引号的受众 id，如 <Restricted to="management">…</Restricted>（site.yaml audiences 里的 id）。'
              : `写成带引号的文字，如 <${p.component} ${p.attribute}="${p.component === 'SopLink' ? 'ship-within-72h' : 'cs-lead'}" />（id 即文件名，不带扩展名）。`,
      en: (p) =>
        p.component === 'Term'
          ? 'Write <Term>直通车</Term> or <Term id="直通车">text</Term>.'
          : p.component === 'Callout'
            ? 'Write it as quoted text: type="tip", "warning" or "danger".'
            : p.component === 'Restricted'
              ? 'Write a quoted audience id, e.g. <Restricted to="management">…</Restricted> (an id of site.yaml\'s audiences).'
              : `Write it as quoted text, e.g. <${p.component} ${p.attribute}="${p.component === 'SopLink' ? 'ship-within-72h' : 'cs-lead'}" /> (the id is the file name without extension).`,
    },
    advice: {
      'zh-CN': '把 id 写成普通的文字：<RoleLink id="cs-lead" />，不要写成 {…}，检查才能确认它指向的岗位存在。',
      en: 'Write the id as plain text, <RoleLink id="cs-lead" />, not {…}, so the check can confirm the role exists.',
    },
  },
  'mdx.unknownId': {
    severity: 'error',
    title: { 'zh-CN': '组件链接的条目不存在', en: 'Component links to a missing entry' },
    message: {
      'zh-CN': (p) => `<${p.component} id="${p.id}">：${KIND[String(p.kind)]?.['zh-CN']} “${p.id}” 不存在`,
      en: (p) => `<${p.component} id="${p.id}">: the ${KIND[String(p.kind)]?.en} "${p.id}" does not exist`,
    },
    hint: {
      'zh-CN': (p) =>
        p.byName
          ? `“${p.id}”是标题，或是另一种中文写法（简体/繁体）：id 要写文件名 ${p.suggestion}。`
          : p.suggestion
            ? `是不是 ${p.suggestion}？id 是文件名（不含扩展名），不是标题。`
            : 'id 是文件名（不含扩展名），不是标题。',
      en: (p) =>
        p.byName
          ? `"${p.id}" is a title, or written in the other Chinese script (Simplified/Traditional): the id is the file name ${p.suggestion}.`
          : p.suggestion
            ? `Did you mean ${p.suggestion}? The id is the file name without extension, not the title.`
            : 'The id is the file name without extension, not the title.',
    },
  },
  'mdx.unknownTerm': {
    severity: 'error',
    title: { 'zh-CN': '<Term> 的术语不在术语表里', en: '<Term> names no glossary term' },
    message: {
      'zh-CN': (p) => `<Term> 的 “${p.term}” 不是术语表（glossary.yaml）里的术语或别名`,
      en: (p) => `"${p.term}" in <Term> is no term or alias of the glossary (glossary.yaml)`,
    },
    hint: {
      'zh-CN': (p) =>
        p.suggestion
          ? `是不是 ${p.suggestion}？`
          : `把它加进 glossary.yaml（新术语，或已有术语的 aliases），或${p.viaId ? '改成已有的术语' : '用 id 指明术语：<Term id="直通车">文字</Term>'}。`,
      en: (p) =>
        p.suggestion
          ? `Did you mean ${p.suggestion}?`
          : `Add it to glossary.yaml (as a term, or to a term's aliases), or ${p.viaId ? 'name an existing term' : 'name the term with id: <Term id="直通车">text</Term>'}.`,
    },
  },
  'mdx.calloutType': {
    severity: 'error',
    title: { 'zh-CN': '<Callout> 的 type 不对', en: 'Unknown <Callout> type' },
    message: {
      'zh-CN': (p, say) => `<Callout type="${p.found}">：type 只能是 ${say.list(p.allowed)}`,
      en: (p, say) => `<Callout type="${p.found}">: type must be one of ${say.list(p.allowed)}`,
    },
    hint: {
      'zh-CN': (p) =>
        p.suggestion
          ? `是不是 type="${p.suggestion}"？tip 是提示，warning 是注意，danger 是危险。`
          : 'tip 是提示，warning 是注意，danger 是危险；不写 type 就是 tip。',
      en: (p) =>
        p.suggestion
          ? `Did you mean type="${p.suggestion}"? tip, warning and danger; without a type it is a tip.`
          : 'Use tip, warning or danger; without a type it is a tip.',
    },
  },
  'mdx.inMarkdown': {
    severity: 'warning',
    title: { 'zh-CN': '.md 文件里写了组件', en: 'Component in a .md file' },
    message: {
      'zh-CN': (p) => `<${p.name}> 只在 .mdx 文件里是组件；在 .md 里它会原样显示成未知的 HTML 标签`,
      en: (p) => `<${p.name}> is a component only in .mdx files; in .md it stays an unknown HTML tag`,
    },
    hint: {
      'zh-CN': (p) => `把文件改名为 ${p.mdxFile}（内容不用改），或删掉这个标签。`,
      en: (p) => `Rename the file to ${p.mdxFile} (nothing else changes), or remove the tag.`,
    },
    advice: {
      'zh-CN': '把文件扩展名从 .md 改成 .mdx（内容不用改），组件就会生效。',
      en: 'Rename the file from .md to .mdx (nothing else changes) and the component works.',
    },
  },
  'mdx.code': {
    severity: 'error',
    title: { 'zh-CN': 'MDX 正文里写了代码', en: 'Code in an MDX body' },
    message: {
      'zh-CN': (p) =>
        `MDX ${p.kind === 'layout' ? '文件的 front matter ' : '正文'}里有${CODE_KIND[String(p.kind)]?.['zh-CN'] ?? '代码'}：${p.code}。它会在构建时执行，能读取构建机器上的文件和环境变量，所以默认不允许，构建时也会删掉`,
      en: (p) =>
        `the MDX ${p.kind === 'layout' ? "file's front matter" : 'body'} holds ${CODE_KIND[String(p.kind)]?.en ?? 'code'}: ${p.code}. It would run at build time, with the build machine's files and environment, so it is refused by default and removed by the build`,
    },
    hint: {
      'zh-CN': (p, say) =>
        p.kind === 'layout'
          ? '删掉 layout 这一行：页面的版式由手册提供。'
          : `.mdx 正文只写文字、Markdown 和手册组件（${say.list(p.components)}），组件属性写成带引号的文字。要显示花括号本身，写成 \\{ 或放进 \`代码\`。确实需要代码的网站，由维护者在 site.yaml 写 mdx: { code: true }（有风险，见指南“安全”）。`,
      en: (p, say) =>
        p.kind === 'layout'
          ? 'Remove the layout line: the handbook provides the page layout.'
          : `Write text, Markdown and the handbook's components (${say.list(p.components)}) with quoted attribute values. For a literal brace write \\{ or put it in \`code\`. A site that needs code says mdx: { code: true } in site.yaml (a risk; see the guide, "Security").`,
    },
    advice: {
      'zh-CN':
        'MDX 正文是数据，不是程序：import、export 和 { } 里的代码会在构建时执行，能读出构建机器上的文件和密钥并发布到页面上。删掉它们；要显示花括号就写 \\{ 或放进 `代码`。只有维护者确认内容作者可信时，才在 site.yaml 写 mdx: { code: true }。',
      en: "An MDX body is data, not a program: import, export and code in { } run at build time and can publish the build machine's files and secrets on the page. Remove them; write \\{ or `code` for a literal brace. Only when the maintainers trust every author may site.yaml say mdx: { code: true }.",
    },
  },
  'html.element': {
    severity: 'error',
    title: { 'zh-CN': '正文里有不允许的 HTML 标签', en: 'HTML element not allowed in a body' },
    message: {
      'zh-CN': (p) =>
        `正文里的 <${p.tag}> 不允许：构建时${p.removes === 'content' ? '连同其中的内容一起删除' : p.removes === 'tag' ? '删掉这个标签，只留下其中的文字' : '会删掉它'}`,
      en: (p) =>
        `<${p.tag}> is not allowed in a body: the build ${p.removes === 'content' ? 'removes it with everything inside' : p.removes === 'tag' ? 'removes the tag and keeps its text' : 'removes it'}`,
    },
    hint: {
      'zh-CN': (p) => (ELEMENT_ADVICE[String(p.kind)] ?? ELEMENT_ADVICE.other!)['zh-CN'],
      en: (p) => (ELEMENT_ADVICE[String(p.kind)] ?? ELEMENT_ADVICE.other!).en,
    },
  },
  'html.attribute': {
    severity: 'error',
    title: { 'zh-CN': 'HTML 标签上有不允许的属性', en: 'HTML attribute not allowed' },
    message: {
      'zh-CN': (p) => `<${p.tag}> 的 ${p.attribute} 属性${p.value === undefined ? '' : `值 “${p.value}”`}不允许，构建时会删掉`,
      en: (p) =>
        `the ${p.attribute} attribute of <${p.tag}>${p.value === undefined ? '' : ` with the value "${p.value}"`} is not allowed; the build removes it`,
    },
    hint: {
      'zh-CN': (p, say) =>
        p.group === 'event'
          ? `${p.attribute} 是事件处理代码；手册不运行正文里的脚本，删掉它。`
          : p.group === 'style'
            ? 'style 会改变页面外观，能伪装或遮住页面内容；删掉它，用 Markdown 的粗体、标题、列表和表格，样式由网站统一提供。'
            : `删掉它。${(p.allowed as readonly string[] | undefined)?.length ? `<${p.tag}> 可用的属性：${say.list(p.allowed)}。` : `<${p.tag}> 不需要属性。`}`,
      en: (p, say) =>
        p.group === 'event'
          ? `${p.attribute} is an event handler, i.e. a script; the handbook runs no script from a body. Remove it.`
          : p.group === 'style'
            ? 'style changes how the page looks and can disguise or cover its content; remove it and use Markdown emphasis, headings, lists and tables (the site does the styling).'
            : `Remove it. ${(p.allowed as readonly string[] | undefined)?.length ? `<${p.tag}> takes ${say.list(p.allowed)}.` : `<${p.tag}> takes no attributes.`}`,
    },
  },
  'html.url': {
    severity: 'error',
    title: { 'zh-CN': '不允许的链接或图片地址', en: 'Link or image address not allowed' },
    message: {
      'zh-CN': (p) => `<${p.tag}> 的 ${p.attribute} 地址 “${p.url}” 不允许（${URL_REASON[String(p.reason)]?.['zh-CN']}），构建时会删掉`,
      en: (p) => `the ${p.attribute} address "${p.url}" of <${p.tag}> is not allowed (${URL_REASON[String(p.reason)]?.en}); the build removes it`,
    },
    hint: {
      'zh-CN': (p) => (URL_ADVICE[String(p.reason)] ?? URL_ADVICE.scheme!)['zh-CN'],
      en: (p) => (URL_ADVICE[String(p.reason)] ?? URL_ADVICE.scheme!).en,
    },
  },
  'id.slug': {
    severity: 'error',
    title: { 'zh-CN': '文件名不是合法的 id', en: 'File name is not a valid id' },
    message: {
      'zh-CN': (p) => `id “${p.id}” 不合法：应只含小写字母、数字和连字符`,
      en: (p) => `id "${p.id}" is not valid: use lower-case letters, digits and hyphens`,
    },
    hint: { 'zh-CN': (p) => (p.suggestion ? `例如改名为 ${p.suggestion}` : undefined), en: (p) => (p.suggestion ? `For example ${p.suggestion}` : undefined) },
    advice: {
      'zh-CN':
        '文件名就是 id：只用小写字母、数字和连字符，如 refund-check.md。中文标题写在 title 里；npm run new 会按拼音建议 id。改名后，引用它的地方也要改。',
      en: 'The file name is the id: lower-case letters, digits and hyphens only, such as refund-check.md. Put the Chinese name in title; npm run new suggests an id from pinyin. Update references after renaming.',
    },
  },
  'id.duplicate': {
    severity: 'error',
    title: { 'zh-CN': 'id 重复', en: 'Duplicate id' },
    message: {
      'zh-CN': (p) => `id “${p.id}” 已被 ${p.other} 使用`,
      en: (p) => `id "${p.id}" is already used by ${p.other}`,
    },
    hint: { 'zh-CN': () => '同名的 .md 和 .mdx（或 .yaml 和 .md）只能留一个，或给其中一个改名。', en: () => 'Keep one of the two files, or rename one.' },
  },
  'schema.required': {
    severity: 'error',
    title: { 'zh-CN': '缺少必填字段', en: 'Required field missing' },
    message: { 'zh-CN': (p) => `缺少必填字段 ${p.field}`, en: (p) => `required field ${p.field} is missing` },
    hint: {
      'zh-CN': (p) => `加上一行 ${p.field}: …（字段说明见内容格式文档）`,
      en: (p) => `Add a line ${p.field}: … (see the content format).`,
    },
  },
  'schema.type': {
    severity: 'error',
    title: { 'zh-CN': '字段类型不对', en: 'Wrong type' },
    message: {
      'zh-CN': (p, say) => `应为${p.expected}，实际是 ${say.value(p.found)}`,
      en: (p, say) => `expected ${p.expectedEn ?? p.expected}, found ${say.value(p.found)}`,
    },
    hint: {
      'zh-CN': (p) => (p.fullWidthDigits ? '这里用了全角数字（１２３），请改成半角（123）。' : undefined),
      en: (p) => (p.fullWidthDigits ? 'Full-width digits (１２３): use ASCII digits (123).' : undefined),
    },
    advice: {
      'zh-CN': '按字段要求的类型写：数字不加引号、用半角；列表每项以 - 开头；键值对写成“字段: 值”。',
      en: 'Write the type the key expects: numbers unquoted in ASCII digits; lists as items starting with -; mappings as "key: value" lines.',
    },
  },
  'list.separator': {
    severity: 'error',
    title: { 'zh-CN': '列表各项用全角逗号或顿号隔开', en: 'List items joined by a full-width comma or 、' },
    message: {
      'zh-CN': (p, say) =>
        p.inList
          ? `${say.value(p.found)} 是用${SEPARATOR[String(p.separator)]?.['zh-CN']}连起来的一项：YAML 列表只在半角逗号“,”处分项`
          : `这里应是列表，实际是用${SEPARATOR[String(p.separator)]?.['zh-CN']}隔开的一段文字 ${say.value(p.found)}`,
      en: (p, say) =>
        p.inList
          ? `${say.value(p.found)} is one item joined with ${SEPARATOR[String(p.separator)]?.en}: a YAML list only splits at an ASCII comma ","`
          : `expected a list, found one text separated with ${SEPARATOR[String(p.separator)]?.en}: ${say.value(p.found)}`,
    },
    hint: {
      'zh-CN': (p) => (Array.isArray(p.items) ? `拆成 ${p.items.length} 项：[${p.items.join(', ')}]（半角逗号加空格），或每项一行、以“- ”开头。` : undefined),
      en: (p) =>
        Array.isArray(p.items)
          ? `Split it into ${p.items.length} items: [${p.items.join(', ')}] (ASCII comma and a space), or one per line starting with "- ".`
          : undefined,
    },
    advice: {
      'zh-CN': '列表写成 [cs-lead, presales-cs]（半角逗号加空格），或每项一行、以“- ”开头；中文输入法下的“，”“、”不算分隔。',
      en: 'Write a list as [cs-lead, presales-cs] (ASCII comma and a space), or one item per line starting with "- "; a Chinese keyboard\'s ， or 、 does not separate items.',
    },
  },
  'schema.enum': {
    severity: 'error',
    title: { 'zh-CN': '取值不在允许范围', en: 'Value not allowed' },
    message: {
      'zh-CN': (p, say) => `${say.value(p.found)} 不是允许的取值；可选：${say.list(p.allowed)}`,
      en: (p, say) => `${say.value(p.found)} is not allowed; expected one of ${say.list(p.allowed)}`,
    },
    hint: {
      'zh-CN': (p, say) =>
        p.byName ? `${say.value(p.found)} 要写成 ${p.suggestion}：取值照抄列出的英文 id，不写中文名。` : p.suggestion ? `是不是 ${p.suggestion}？` : undefined,
      en: (p, say) =>
        p.byName
          ? `Write ${p.suggestion} for ${say.value(p.found)}: values are the listed ids, not their names.`
          : p.suggestion
            ? `Did you mean ${p.suggestion}?`
            : undefined,
    },
    advice: {
      'zh-CN': '从列出的取值里选一个，原样照抄（英文小写）。岗位级别也可以写 初级 / 中级 / 高级。',
      en: 'Pick one of the listed values and copy it as written (lower case). A role level may also be 初级 / 中级 / 高级.',
    },
  },
  'schema.tooSmall': {
    severity: 'error',
    title: { 'zh-CN': '内容太少', en: 'Too few items' },
    message: {
      // Not a list: an empty text, usually a scaffold's "" placeholder still to fill in.
      'zh-CN': (p) => (p.isArray ? `至少需要 ${p.minimum} 项，实际 ${p.count ?? 0} 项` : '还没填写：不能为空'),
      en: (p) => (p.isArray ? `needs at least ${p.minimum} item(s), found ${p.count ?? 0}` : 'is empty: fill it in'),
    },
    hint: {
      'zh-CN': (p) => (p.isArray ? '在字段下面至少写一项，每项一行，以“  - ”开头。' : '在冒号后面写上这一项的文字，不能留空，也不能只写 ""。'),
      en: (p) =>
        p.isArray
          ? 'Write at least one item below the key, one per line, starting with "  - ".'
          : 'Write the text after the colon: it cannot be left empty or "".',
    },
    advice: {
      'zh-CN': '列表在字段下面至少写一项，每项一行，以“  - ”开头；文字字段在冒号后写上内容，不能留空。',
      en: 'A list needs at least one item below the key, one per line, starting with "  - "; a text field needs its text after the colon.',
    },
  },
  'schema.invalid': {
    severity: 'error',
    title: { 'zh-CN': '取值无效', en: 'Invalid value' },
    message: { 'zh-CN': (p, say) => `取值 ${say.value(p.found)} 无效（${p.detail}）`, en: (p, say) => `invalid value ${say.value(p.found)} (${p.detail})` },
    hint: fixed(
      '括号里是允许的范围或格式：把值改到范围内，如每月事项的 on 写 1–31。',
      'The brackets give the allowed range or format: bring the value inside it, e.g. on: 1–31 for a monthly item.',
    ),
  },
  'schema.unknownKey': {
    severity: 'warning',
    title: { 'zh-CN': '未知字段', en: 'Unknown key' },
    message: {
      'zh-CN': (p) => `未知字段 “${p.key}”，会被忽略`,
      en: (p) => `unknown key "${p.key}" is ignored`,
    },
    hint: {
      'zh-CN': (p) => (p.suggestion ? `是不是拼错了 ${p.suggestion}？` : '检查拼写，或删除这个字段。'),
      en: (p) => (p.suggestion ? `A typo for ${p.suggestion}?` : 'Check the spelling or remove it.'),
    },
  },
  'value.money': {
    severity: 'error',
    title: { 'zh-CN': '金额写法无法识别', en: 'Unreadable amount' },
    message: {
      'zh-CN': (p, say) =>
        `金额 ${say.value(p.found)} 无法识别（${MONEY_REASON[String(p.reason)]?.['zh-CN'] ?? p.reason}）；应为数字或如 15万、4.5万元、1,188元、待定`,
      en: (p, say) =>
        `amount ${say.value(p.found)} cannot be read (${MONEY_REASON[String(p.reason)]?.en ?? p.reason}); expected a number or e.g. 15万, 4.5万元, 1,188元, 待定`,
    },
    hint: {
      // The nearest readable amount first (4.5万万 → 4.5万: nearestAmount in domain/money.ts), then the rule for the slip.
      'zh-CN': (p) =>
        [
          p.suggestion ? `是不是 ${p.suggestion}？` : undefined,
          (
            {
              exponent: '不要用 1e9 这样的写法：写成 10亿 或 1000000000。',
              'chinese-numerals': '请用阿拉伯数字：十五万 → 15万。',
              'latin-unit': '用“万”“千”代替 w、k：15w → 15万。',
              negative: '金额不能是负数；退款或冲减请写在说明里。',
              precision: '最多精确到分（两位小数的元）。',
            } as Record<string, string>
          )[String(p.reason)],
        ]
          .filter(Boolean)
          .join('') || undefined,
      en: (p) =>
        [
          p.suggestion ? `Did you mean ${p.suggestion}?` : undefined,
          (
            {
              exponent: 'Write 10亿 or 1000000000 instead of 1e9.',
              'chinese-numerals': 'Use digits: 十五万 → 15万.',
              'latin-unit': 'Use 万 or 千 instead of w or k: 15w → 15万.',
              negative: 'Amounts cannot be negative.',
              precision: 'At most two decimals of yuan.',
            } as Record<string, string>
          )[String(p.reason)],
        ]
          .filter(Boolean)
          .join(' ') || undefined,
    },
    advice: {
      'zh-CN': '写成数字（元），或数字加单位：15万、4.5万元、1,188元、3096.00；还没定下来写 待定。',
      en: 'Write a number of yuan, or a number and a unit: 15万, 4.5万元, 1,188元, 3096.00; write 待定 when not decided yet.',
    },
  },
  'value.month': {
    severity: 'error',
    title: { 'zh-CN': '月份写法不对', en: 'Invalid month' },
    message: {
      'zh-CN': (p, say) => `月份 ${say.value(p.found)} 无效；应为 YYYY-MM（如 2014-01）`,
      en: (p, say) => `month ${say.value(p.found)} is invalid; expected YYYY-MM (e.g. 2014-01)`,
    },
    hint: {
      'zh-CN': (p) => (p.reason === 'range' ? '月份只能是 01 到 12。' : p.reason === 'separator' ? '用连字符并补零：2014/1 → 2014-01。' : undefined),
      en: (p) => (p.reason === 'range' ? 'Months run from 01 to 12.' : p.reason === 'separator' ? 'Use a hyphen and two digits: 2014/1 → 2014-01.' : undefined),
    },
    advice: {
      'zh-CN': '写成 YYYY-MM：四位年份、连字符、两位月份（01–12），如 2014-01。',
      en: 'Write YYYY-MM: a four-digit year, a hyphen and a two-digit month (01–12), e.g. 2014-01.',
    },
  },
  'value.date': {
    severity: 'error',
    title: { 'zh-CN': '日期写法不对', en: 'Invalid date' },
    message: {
      'zh-CN': (p, say) => `日期 ${say.value(p.found)} 无效；应为 YYYY-MM-DD（如 2026-03-01）`,
      en: (p, say) => `date ${say.value(p.found)} is invalid; expected YYYY-MM-DD (e.g. 2026-03-01)`,
    },
    hint: fixed(
      '写成 YYYY-MM-DD，月和日补足两位：2026-6-1 → 2026-06-01；日期要真实存在（没有 2 月 30 日）。',
      'Write YYYY-MM-DD with two-digit months and days: 2026-6-1 → 2026-06-01; the day must exist (no 30 February).',
    ),
  },
  'value.duration': {
    severity: 'error',
    title: { 'zh-CN': '时限写法不对', en: 'Invalid duration' },
    message: {
      'zh-CN': (p, say) => `时限 ${say.value(p.found)} 无法识别；应如 20s、30m、24h、3d，或 20秒、24小时、3天`,
      en: (p, say) => `duration ${say.value(p.found)} cannot be read; expected e.g. 20s, 30m, 24h, 3d (or 20秒, 24小时, 3天)`,
    },
    hint: fixed(
      '用阿拉伯数字加单位：20s、30m、24h、3d，或 20秒、30分钟、24小时、3天。只写数字（24）也不行。',
      'Digits and a unit: 20s, 30m, 24h, 3d, or 20秒, 30分钟, 24小时, 3天. A bare number (24) is not enough.',
    ),
  },
  'value.time': {
    severity: 'error',
    title: { 'zh-CN': '时刻写法不对', en: 'Invalid time of day' },
    message: {
      'zh-CN': (p, say) => `时刻 ${say.value(p.found)} 无效；应为 24 小时制的 "HH:MM"（如 "17:30"）`,
      en: (p, say) => `time ${say.value(p.found)} is invalid; expected 24-hour "HH:MM" (e.g. "17:30")`,
    },
    hint: { 'zh-CN': () => '加上引号：at: "09:00"。', en: () => 'Quote it: at: "09:00".' },
  },
  'cadence.on': {
    severity: 'error',
    title: { 'zh-CN': '节奏的 on 与 every 不匹配', en: 'Cadence "on" does not fit "every"' },
    message: {
      'zh-CN': (p, say) =>
        p.every === 'week' ? `每周事项的 on 应为 mon…sun，实际是 ${say.value(p.found)}` : `每月事项的 on 应为日期数字（1–31），实际是 ${say.value(p.found)}`,
      en: (p, say) =>
        p.every === 'week'
          ? `a weekly item needs on: mon…sun, found ${say.value(p.found)}`
          : `a monthly item takes on: a day of month (1–31), found ${say.value(p.found)}`,
    },
    hint: fixed(
      '每周的事项写星期：mon、tue、wed、thu、fri、sat、sun；每月的事项写几号（1–31）；每天和工作日的事项不写 on。',
      'A weekly item takes a weekday: mon, tue, wed, thu, fri, sat, sun; a monthly one a day of the month (1–31); daily and weekday items none.',
    ),
  },
  'ref.missing': {
    severity: 'error',
    title: { 'zh-CN': '引用的条目不存在', en: 'Reference to a missing entry' },
    message: {
      'zh-CN': (p) => `引用的${KIND[String(p.kind)]?.['zh-CN']} “${p.id}” 不存在`,
      en: (p) => `the ${KIND[String(p.kind)]?.en} "${p.id}" does not exist`,
    },
    hint: {
      'zh-CN': (p) => (p.suggestion ? `是不是 ${p.suggestion}？引用要写 id（文件名），不是标题。` : '引用要写 id（文件名，不含扩展名）。'),
      en: (p) =>
        p.suggestion
          ? `Did you mean ${p.suggestion}? References use the id (file name), not the title.`
          : 'References use the id: the file name without extension.',
    },
  },
  'audience.unknown': {
    severity: 'error',
    title: { 'zh-CN': '受众不存在', en: 'Unknown audience' },
    message: {
      'zh-CN': (p, say) =>
        declaredOf(p).length
          ? `受众 “${p.id}” 没有在 site.yaml 的 audiences 里声明（已声明：${say.list(p.declared)}）`
          : `受众 “${p.id}”：site.yaml 没有声明 audiences`,
      en: (p, say) =>
        declaredOf(p).length
          ? `the audience "${p.id}" is not declared in site.yaml's audiences (declared: ${say.list(p.declared)})`
          : `the audience "${p.id}": site.yaml declares no audiences`,
    },
    hint: {
      'zh-CN': (p) =>
        declaredOf(p).length
          ? p.byName
            ? `“${p.id}”是受众的名称：要写它的 id ${p.suggestion}。`
            : p.suggestion
              ? `是不是 ${p.suggestion}？受众要写 site.yaml audiences 里的 id，不是名称。`
              : '受众要写 site.yaml audiences 里的 id（不是名称），或先在那里声明这个受众。'
          : '先在 site.yaml 里声明 audiences（如 staff 全体员工、management 管理层），再给条目写 audience。',
      en: (p) =>
        declaredOf(p).length
          ? p.byName
            ? `"${p.id}" is the audience's name: write its id ${p.suggestion}.`
            : p.suggestion
              ? `Did you mean ${p.suggestion}? An audience is named by its id in site.yaml's audiences, not its name.`
              : "Name an audience by its id in site.yaml's audiences (not its name), or declare it there first."
          : 'Declare audiences in site.yaml first (e.g. staff 全体员工, management 管理层), then give entries an audience.',
    },
  },
  'audience.duplicate': {
    severity: 'error',
    title: { 'zh-CN': '受众 id 重复', en: 'Audience declared twice' },
    message: {
      'zh-CN': (p) => `受众 id “${p.id}” 已经是第 ${p.other} 个受众的 id`,
      en: (p) => `the audience id "${p.id}" is already that of audience ${p.other}`,
    },
    hint: fixed('每个受众的 id 只能用一次：改名，或把两项合并成一项。', 'Each audience id is used once: rename one, or merge the two.'),
  },
  'audience.defaultTwice': {
    severity: 'error',
    title: { 'zh-CN': '栏目被两个受众设为默认', en: 'Collection defaulted to two audiences' },
    message: {
      'zh-CN': (p) => `${p.collection} 已经默认属于受众 “${p.other}”，不能再默认属于 “${p.id}”`,
      en: (p) => `${p.collection} already belongs to the audience "${p.other}" by default, not also to "${p.id}"`,
    },
    hint: fixed(
      '一个栏目只能默认属于一个受众：从其中一个的 default 里删掉它；个别条目可以自己写 audience。',
      'A collection defaults to one audience only: remove it from one default list; single entries may name their own audience.',
    ),
  },
  'audience.hiddenReference': {
    severity: 'error',
    title: { 'zh-CN': '引用了读者看不到的条目', en: 'Reference to an entry its readers may not read' },
    message: {
      'zh-CN': (p, say) => `本条目${p.from}可见，但它引用的${KIND[String(p.kind)]?.['zh-CN']} “${p.id}” 仅${p.to}可见：${say.list(p.blind)}看不到它`,
      en: (p, say) =>
        `this entry is for ${p.from}, but the ${KIND[String(p.kind)]?.en} "${p.id}" it names is for ${p.to} only: ${say.list(p.blind)} may not read it`,
    },
    hint: {
      'zh-CN': (p) =>
        `这个字段必填，页面没法不显示它。改成${p.from}能看到的${KIND[String(p.kind)]?.['zh-CN']}，或给本条目写 audience: ${p.toId}，或给 “${p.id}” 写 audience: ${p.fromId}。`,
      en: (p) =>
        `The field is required, so the page cannot leave it out. Name a ${KIND[String(p.kind)]?.en} ${p.from} may read, or give this entry audience: ${p.toId}, or give "${p.id}" audience: ${p.fromId}.`,
    },
  },
  'org.cycle': {
    severity: 'error',
    title: { 'zh-CN': '汇报关系成环', en: 'Reporting cycle' },
    message: {
      'zh-CN': (p) => `reportsTo 形成了环：${(p.cycle as string[]).join(' → ')}`,
      en: (p) => `reportsTo forms a cycle: ${(p.cycle as string[]).join(' → ')}`,
    },
    hint: {
      'zh-CN': () => '环上的某个岗位应向环外汇报，或删去 reportsTo 成为最高岗位。',
      en: () => 'One role in the loop must report outside it, or have no reportsTo.',
    },
  },
  'plan.periodOrder': {
    severity: 'error',
    title: { 'zh-CN': '计划周期起止颠倒', en: 'Plan period ends before it starts' },
    message: {
      'zh-CN': (p) => `period 从 ${p.start} 到 ${p.end}：结束早于开始`,
      en: (p) => `period runs from ${p.start} to ${p.end}: it ends before it starts`,
    },
    hint: fixed('对调 start 和 end：start 是第一个月，end 是最后一个月。', 'Swap start and end: start is the first month, end the last.'),
  },
  'plan.monthDuplicate': {
    severity: 'error',
    title: { 'zh-CN': '月份重复', en: 'Duplicate month' },
    message: { 'zh-CN': (p) => `月份 ${p.month} 重复出现（第 ${p.first} 项已有）`, en: (p) => `month ${p.month} appears twice (already item ${p.first})` },
    hint: fixed(
      '每个月只写一项：删掉重复的那项，或改成漏掉的月份。',
      'One item per month: remove the repeated one, or change it to the month that is missing.',
    ),
  },
  'plan.monthOutside': {
    severity: 'error',
    title: { 'zh-CN': '月份超出计划周期', en: 'Month outside the period' },
    message: {
      'zh-CN': (p) => `月份 ${p.month} 不在计划周期 ${p.start} – ${p.end} 内`,
      en: (p) => `month ${p.month} lies outside the period ${p.start} – ${p.end}`,
    },
    hint: fixed('改正月份，或放宽 period，或把这个月移到下一份计划。', 'Correct the month, widen the period, or move the month to the next plan.'),
  },
  'plan.totals': {
    severity: 'error',
    title: { 'zh-CN': '合计与各月之和不符', en: 'Totals do not match the months' },
    message: {
      'zh-CN': (p, say) =>
        `${FIELD[String(p.field)]?.['zh-CN']}合计写的是 ${say.money(p.declared)}，各月${p.lowerBound ? '已定部分' : ''}之和为 ${say.money(p.computed)}：合计${say.diff(p.difference)}`,
      en: (p, say) =>
        `declared ${FIELD[String(p.field)]?.en} total ${say.money(p.declared)}, the months${p.lowerBound ? "' decided amounts" : ''} add up to ${say.money(p.computed)}: the total is ${say.diff(p.difference)}`,
    },
    hint: { 'zh-CN': () => '改正合计，或检查哪个月的数字写错了。', en: () => 'Correct the total, or find the month that is wrong.' },
  },
  'plan.totalsUndecided': {
    severity: 'warning',
    title: { 'zh-CN': '合计含待定金额', en: 'Total includes undecided amounts' },
    message: {
      'zh-CN': (p, say) =>
        p.declaredUndecided
          ? `${FIELD[String(p.field)]?.['zh-CN']}合计为待定；各月已定部分合计 ${say.money(p.known)}`
          : `${FIELD[String(p.field)]?.['zh-CN']}有 ${p.count} 个月为待定：已定部分合计 ${say.money(p.known)}，总额只是下限`,
      en: (p, say) =>
        p.declaredUndecided
          ? `the ${FIELD[String(p.field)]?.en} total is undecided; the decided months add up to ${say.money(p.known)}`
          : `${p.count} month(s) of ${FIELD[String(p.field)]?.en} are undecided: the decided ones add up to ${say.money(p.known)}, so the total is a lower bound`,
    },
    hint: fixed(
      '只是提醒：数字定下来后，把“待定”改成金额。在那之前，页面上的合计标为“下限”。',
      'A reminder only: replace 待定 with the amount once it is decided. Until then pages mark the total as a lower bound.',
    ),
  },
  'plan.monthMissing': {
    severity: 'warning',
    title: { 'zh-CN': '计划周期内缺少月份', en: 'Months of the period missing' },
    message: {
      'zh-CN': (p, say) => `计划周期内有 ${p.count} 个月没有数字：${say.list(p.months)}`,
      en: (p, say) => `${p.count} month(s) of the period have no figures: ${say.list(p.months)}`,
    },
    hint: fixed('给这些月份补上 revenue 和 marketing；还没定的写 待定。', 'Add revenue and marketing for these months; write 待定 where not decided yet.'),
  },
  'stage.order': {
    severity: 'error',
    title: { 'zh-CN': '阶段起止颠倒', en: 'Stage ends before it starts' },
    message: {
      'zh-CN': (p) => `阶段“${p.stage}”从 ${p.start} 到 ${p.end}：结束早于开始`,
      en: (p) => `stage "${p.stage}" runs from ${p.start} to ${p.end}: it ends before it starts`,
    },
    hint: fixed('对调阶段的 start 和 end。', "Swap the stage's start and end."),
  },
  'stage.outside': {
    severity: 'error',
    title: { 'zh-CN': '阶段超出计划周期', en: 'Stage outside the period' },
    message: {
      'zh-CN': (p) => `阶段“${p.stage}”（${p.start} – ${p.end}）不在计划周期 ${p.periodStart} – ${p.periodEnd} 内`,
      en: (p) => `stage "${p.stage}" (${p.start} – ${p.end}) lies outside the period ${p.periodStart} – ${p.periodEnd}`,
    },
    hint: {
      'zh-CN': (p) => (p.yearSlip ? `年份是不是写错了？应为 ${p.yearSlip}。` : undefined),
      en: (p) => (p.yearSlip ? `A slip of the year? Probably ${p.yearSlip}.` : undefined),
    },
    advice: {
      'zh-CN': '把阶段的月份改到计划周期内（常见的是年份写错），或放宽 period。',
      en: 'Move the stage inside the period (often the year is wrong), or widen the period.',
    },
  },
  'stage.duplicate': {
    severity: 'error',
    title: { 'zh-CN': '阶段 id 重复', en: 'Duplicate stage id' },
    message: {
      'zh-CN': (p) => `阶段 id “${p.id}” 重复（第 ${p.first} 个阶段已用）`,
      en: (p) => `stage id "${p.id}" is used twice (already by stage ${p.first})`,
    },
    hint: fixed('给其中一个阶段换个 id，本计划内不重复，如 peak。', 'Give one of the stages another id, unique in the plan, such as peak.'),
  },
  'stage.milestoneOutside': {
    severity: 'warning',
    title: { 'zh-CN': '里程碑不在阶段内', en: 'Milestone outside its stage' },
    message: {
      'zh-CN': (p) => `阶段“${p.stage}”的里程碑月份 ${p.month} 不在 ${p.start} – ${p.end} 内`,
      en: (p) => `milestone month ${p.month} of stage "${p.stage}" lies outside ${p.start} – ${p.end}`,
    },
    hint: fixed('把里程碑移到它所在月份的阶段下，或改正月份。', 'Move the milestone under the stage of its month, or correct the month.'),
  },
  'stage.overlap': {
    severity: 'warning',
    title: { 'zh-CN': '阶段重叠', en: 'Stages overlap' },
    message: {
      'zh-CN': (p, say) => `阶段“${p.stage}”与“${p.other}”重叠：${say.list(p.months)}`,
      en: (p, say) => `stage "${p.stage}" overlaps "${p.other}": ${say.list(p.months)}`,
    },
    hint: fixed('调整两个阶段的 start、end，让每个月只属于一个阶段。', "Adjust the two stages' start and end so that each month belongs to one stage."),
  },
  'stage.uncovered': {
    severity: 'warning',
    title: { 'zh-CN': '有月份不属于任何阶段', en: 'Months under no stage' },
    message: {
      'zh-CN': (p, say) => `${p.count} 个月不属于任何阶段：${say.list(p.months)}`,
      en: (p, say) => `${p.count} month(s) fall under no stage: ${say.list(p.months)}`,
    },
    hint: { 'zh-CN': () => '延长相邻阶段，或为这些月份加一个阶段。', en: () => 'Stretch a neighbouring stage or add one for these months.' },
  },
  'stage.budget': {
    severity: 'warning',
    title: { 'zh-CN': '阶段预算明细与月度预算不符', en: 'Stage budget lines differ from its months' },
    message: {
      'zh-CN': (p, say) =>
        `阶段“${p.stage}”的预算明细合计 ${say.money(p.budget)}，而 ${p.start} – ${p.end} 各月营销预算合计 ${say.money(p.marketing)}：明细${say.diff(p.difference)}`,
      en: (p, say) =>
        `the budget lines of stage "${p.stage}" add up to ${say.money(p.budget)}, but the marketing budget of ${p.start} – ${p.end} adds up to ${say.money(p.marketing)}: the lines are ${say.diff(p.difference)}`,
    },
    hint: { 'zh-CN': () => '补齐或修正预算明细，或调整各月预算，使两者一致。', en: () => 'Complete the budget lines or adjust the months so both agree.' },
  },
  'stage.target': {
    severity: 'warning',
    title: { 'zh-CN': '阶段目标与月度目标不符', en: 'Stage target differs from its months' },
    message: {
      'zh-CN': (p, say) => `阶段“${p.stage}”的目标成交额为 ${say.money(p.target)}，其各月目标合计 ${say.money(p.revenue)}：阶段目标${say.diff(p.difference)}`,
      en: (p, say) =>
        `stage "${p.stage}" targets ${say.money(p.target)} in revenue, its months add up to ${say.money(p.revenue)}: the target is ${say.diff(p.difference)}`,
    },
    hint: fixed(
      '改正阶段的 targets.revenue，或检查这几个月的 revenue 哪个写错了。',
      "Correct the stage's targets.revenue, or find the month whose revenue is wrong.",
    ),
  },
  'check.skipped': {
    severity: 'warning',
    title: { 'zh-CN': '有核对没有进行', en: 'Checks skipped' },
    message: {
      'zh-CN': (p) => `${p.part} 读不出来，所以这些核对没有进行：${skippedChecks(p.checks, 'zh-CN').join('；')}`,
      en: (p) => `${p.part} cannot be read, so these checks did not run: ${skippedChecks(p.checks, 'en').join('; ')}`,
    },
    hint: {
      'zh-CN': (p) => `先改好 ${p.part ?? '这一项'} 的错误，再运行 npm run check，这些核对就会进行。`,
      en: (p) => `Fix the error in ${p.part ?? 'this part'} and run npm run check again: these checks will then run.`,
    },
    advice: {
      'zh-CN': '检查会逐项读取文件：一项写错时，只跳过用到它的核对（例如 months 写错时跳过合计核对），其余照常核对。',
      en: 'The check reads a file part by part: a part written wrongly skips only the checks that use it (a broken months skips the totals check), and every other check runs.',
    },
  },
  'sop.reviewOverdue': {
    severity: 'warning',
    title: { 'zh-CN': 'SOP 复核已逾期', en: 'SOP review overdue' },
    message: {
      'zh-CN': (p) => `上次复核 ${p.updated}，每 ${p.every} 个月复核一次，应在 ${p.due} 前复核`,
      en: (p) => `last reviewed ${p.updated}, reviewed every ${p.every} months: it was due by ${p.due}`,
    },
    hint: {
      'zh-CN': () => '与负责人一起过一遍步骤，再把 updated 改为复核日期。',
      en: () => 'Walk through the steps with the owner, then set updated to the review date.',
    },
  },
  'role.noSop': {
    severity: 'warning',
    title: { 'zh-CN': '岗位没有任何 SOP', en: 'Role has no SOP' },
    message: { 'zh-CN': (p) => `岗位“${p.role}”不负责也不参与任何 SOP`, en: (p) => `role "${p.role}" owns and takes part in no SOP` },
    hint: {
      'zh-CN': () => '在相关 SOP 的 owner、participants 或步骤的 by 中加上这个岗位。',
      en: () => 'Name it as owner, participant or step role in an SOP.',
    },
  },
  ...ACTUALS_RULES,
  'text.pinyinAnnotation': {
    severity: 'warning',
    title: { 'zh-CN': '文字里夹着拼音注音', en: 'Pinyin annotation inside the text' },
    message: {
      'zh-CN': (p, say) => `“${p.written}” 里夹着拼音注音 ${say.list(p.found)}：多半是从网页复制时带进来的，读者看着别扭，搜索也找不到被隔开的词`,
      en: (p, say) =>
        `"${p.written}" holds the pinyin annotation ${say.list(p.found)}, most likely copied in from a web page: it breaks the words for readers and for search`,
    },
    hint: {
      'zh-CN': (p) => `删掉括号里的拼音，改成：${p.cleaned}`,
      en: (p) => `Remove the bracketed pinyin: ${p.cleaned}`,
    },
    advice: {
      'zh-CN': '网页上给汉字标的拼音（运(yùn)营），复制成纯文字后会留在字中间。导入 Word 或网页文字时 npm run import 会自动删掉；手写内容请按提示改。',
      en: 'Pinyin shown above characters on web pages (运(yùn)营) stays inside the words when copied as plain text. npm run import removes it from Word and web text; in hand-written content, change it as the hint says.',
    },
  },
  'glossary.unused': {
    severity: 'warning',
    title: { 'zh-CN': '术语未被使用', en: 'Glossary term never used' },
    message: {
      'zh-CN': (p) => `术语“${p.term}”（及其别名）没有出现在任何岗位、SOP 或计划中`,
      en: (p) => `the term "${p.term}" (and its aliases) appears in no role, SOP or plan`,
    },
    hint: fixed(
      '在用到它的岗位、SOP 或计划里写上这个词或它的别名；确实用不到，就从术语表删掉。',
      'Use the term (or an alias) in a role, SOP or plan that needs it; if none does, remove it from the glossary.',
    ),
  },
} satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

/** The hint printed under a problem: the rule's hint for these facts, else its general advice. */
export function hintFor(rule: Rule, params: Params, lang: SourceLocale): string | undefined {
  return rule.hint[lang](params, makeSay(lang)) || rule.advice?.[lang];
}

export function ruleOf(id: string): Rule {
  return (RULES as Record<string, Rule>)[id] ?? RULES['schema.invalid'];
}

/** The checks `check.skipped` lists, by id (`id@subject`, as check/cross-checks.ts notes them). */
const SKIPPED_CHECK: Record<string, Record<SourceLocale, (subject: string) => string>> = {
  'plan.monthOutside': { 'zh-CN': () => '各月是否都在计划周期内', en: () => 'whether every month lies in the period' },
  'plan.monthMissing': { 'zh-CN': () => '周期内是否每月都有数字', en: () => 'whether every month of the period has figures' },
  'plan.totals': { 'zh-CN': (s) => `${s} 与各月之和是否一致`, en: (s) => `whether ${s} matches the months` },
  stage: {
    'zh-CN': (s) => `阶段 ${s} 的核对（起止、里程碑、预算明细和目标）`,
    en: (s) => `stage ${s} (its months, milestones, budget lines and target)`,
  },
  'stage.budget': {
    'zh-CN': (s) => `阶段 ${s} 的预算明细与各月营销预算是否一致`,
    en: (s) => `whether the budget lines of stage ${s} match its months`,
  },
  'stage.target': { 'zh-CN': (s) => `阶段 ${s} 的目标与各月目标是否一致`, en: (s) => `whether the target of stage ${s} matches its months` },
  stages: { 'zh-CN': () => '阶段之间是否重叠、是否覆盖周期内每个月', en: () => 'whether stages overlap or leave months of the period uncovered' },
  actuals: { 'zh-CN': (s) => `${s} 里的实际数据（读取，并与计划核对）`, en: (s) => `the actuals in ${s} (read and compared with the plan)` },
  actualsMonth: {
    'zh-CN': (s) => `${s} 里这个月的实际数据与目标、预算的核对（达成率、超支）`,
    en: (s) => `the actuals in ${s} of this month against its target and budget (attainment, overspending)`,
  },
};

function skippedChecks(checks: ParamValue, lang: SourceLocale): string[] {
  return (Array.isArray(checks) ? checks : []).map((check: string) => {
    const at = check.indexOf('@');
    const [id, subject] = at < 0 ? [check, ''] : [check.slice(0, at), check.slice(at + 1)];
    return SKIPPED_CHECK[id]?.[lang](subject) ?? check;
  });
}

/** How the checker's messages put values into words, per language. */
const SAY_WORDS: Record<
  SourceLocale,
  {
    readonly diff: (amount: string, more: boolean) => string;
    readonly separator: string;
    readonly nothing: string;
    readonly quote: (text: string) => string;
    readonly list: string;
    readonly mapping: string;
  }
> = {
  'zh-CN': {
    diff: (amount, more) => `${more ? '多' : '少'} ${amount}`,
    separator: '、',
    nothing: '空',
    quote: (text) => `“${text}”`,
    list: '列表',
    mapping: '键值对',
  },
  en: {
    diff: (amount, more) => `${amount} ${more ? 'more' : 'less'}`,
    separator: ', ',
    nothing: 'nothing',
    quote: (text) => `"${text}"`,
    list: 'a list',
    mapping: 'a mapping',
  },
};

export function makeSay(lang: SourceLocale): Say {
  const words = SAY_WORDS[lang];
  return {
    money(value) {
      if (value && typeof value === 'object' && 'fen' in value) return formatFen((value as FenParam).fen, lang);
      return FORMATS[lang].undecided;
    },
    diff(value) {
      const fen = value && typeof value === 'object' && 'fen' in value ? (value as FenParam).fen : 0;
      return words.diff(formatFen(Math.abs(fen), lang), fen >= 0);
    },
    list(value) {
      const items = Array.isArray(value) ? value : [String(value)];
      return items.join(words.separator);
    },
    value(value) {
      if (value === undefined) return words.nothing;
      if (value === null) return 'null';
      if (typeof value === 'string') return words.quote(value);
      if (Array.isArray(value)) return words.list;
      if (typeof value === 'object') return words.mapping;
      return String(value);
    },
  };
}
