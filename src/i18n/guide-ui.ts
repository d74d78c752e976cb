/**
 * Labels of the authors' guide, in the guide's own language (not the site's:
 * /guide/ is Chinese and /guide/en/ English whatever the site's locale). On a
 * zh-TW site the Chinese page is converted to Traditional as a whole, these
 * labels included (src/guide/components/GuidePage.astro).
 */
import type { GuideLang } from '../guide/example-files.ts';

const zh = {
  title: '编写指南',
  lead: '写给维护这本手册的同事：内容放在哪里，每种文件怎么写，数值怎么写，检查报告里每条提示的意思和改法，怎样写好 SOP，以及怎样打印和发布。页面上的示例和提示都由 Opsbook 的规则直接生成，与当前版本一致。',
  other: 'English version',
  contents: '目录',
  file: '文件',
  written: '写法',
  value: '读作',
  shown: '页面显示',
  checker: '检查报告',
  invalid: '报错',
  rule: '规则',
  ruleTitle: '问题',
  severity: '级别',
  error: '错误',
  warning: '警告',
  output: '检查报告里是这样的',
  fix: '怎么改',
  unit: '单位',
  spellings: '可以写成',
  seconds: '秒',
  minutes: '分钟',
  hours: '小时',
  days: '天',
  bad: '不好',
  good: '好',
  why: '为什么',
} as const;

export type GuideUiKey = keyof typeof zh;

const en: Record<GuideUiKey, string> = {
  title: "Authors' guide",
  lead: 'For the people who keep this handbook up to date: where content lives, how to write each kind of file and each kind of value, what every checker message means and how to fix it, how to write good SOPs, and how to print and publish the site. Its examples and messages are generated from Opsbook\'s own rules, so they match this version.',
  other: '中文版',
  contents: 'Contents',
  file: 'File',
  written: 'Written',
  value: 'Read as',
  shown: 'Shown on pages',
  checker: 'Checker says',
  invalid: 'error',
  rule: 'Rule',
  ruleTitle: 'Problem',
  severity: 'Severity',
  error: 'error',
  warning: 'warning',
  output: 'What the checker prints',
  fix: 'How to fix it',
  unit: 'Unit',
  spellings: 'Write it as',
  seconds: 'seconds',
  minutes: 'minutes',
  hours: 'hours',
  days: 'days',
  bad: 'Weak',
  good: 'Better',
  why: 'Why',
};

const DICTIONARIES: Record<GuideLang, Record<GuideUiKey, string>> = { zh, en };

export function useGuideTranslations(lang: GuideLang): (key: GuideUiKey) => string {
  const dictionary = DICTIONARIES[lang];
  return (key) => dictionary[key];
}
