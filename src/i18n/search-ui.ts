/** UI strings of search (the dialog, the search page, result types and facets), in zh-CN, zh-TW and en. */
import { fillParams } from './fill.ts';
import type { Locale, UiParams } from './ui.ts';

const zhCN = {
  'search.dialog': '搜索手册',
  'search.label': '搜索岗位、SOP、术语',
  'search.placeholder': '搜索岗位、SOP、术语…',
  'search.submit': '搜索',
  'search.close': '关闭',
  'search.results': '搜索结果',
  'search.loading': '正在加载搜索…',
  'search.searching': '正在搜索…',
  'search.error': '搜索暂时不可用：{error}',
  'search.devNoIndex': '开发预览（npm run dev）里没有搜索索引：运行 npm run build，再用 npm run preview 打开，就能搜索。',
  'search.count': '{n} 条结果',
  'search.countFor': '“{q}”共 {n} 条结果',
  'search.start': '输入岗位、SOP、术语或任何词语。',
  'search.empty': '没有找到与“{q}”相关的内容。',
  'search.emptyFiltered': '在当前筛选条件下没有找到与“{q}”相关的内容。',
  'search.dropFilters': '去掉筛选条件（{n} 条结果）',
  'search.suggest': '相近的标题：',
  'search.all': '在搜索页查看全部 {n} 条结果',
  'search.more': '显示更多结果',
  'search.keys': '↑↓ 选择 · Enter 打开 · Esc 关闭',
  'search.page': '搜索',
  'search.noscript': '搜索需要启用 JavaScript。也可以从首页、部门或术语表找起。',
  'search.filters': '筛选',
  'search.filtersActive': '筛选（已选 {n} 项）',
  'search.clearFilters': '清除筛选',
  'filter.type': '类型',
  'filter.department': '部门',
  'filter.owner': '负责岗位',
  'filter.frequency': '频率',
  'type.sop': 'SOP',
  'type.role': '岗位',
  'type.term': '术语',
  'type.department': '部门',
  'type.plan': '计划',
} as const;

export type SearchUiKey = keyof typeof zhCN;

const zhTW: Record<SearchUiKey, string> = {
  'search.dialog': '搜尋手冊',
  'search.label': '搜尋職位、SOP、術語',
  'search.placeholder': '搜尋職位、SOP、術語…',
  'search.submit': '搜尋',
  'search.close': '關閉',
  'search.results': '搜尋結果',
  'search.loading': '正在載入搜尋…',
  'search.searching': '正在搜尋…',
  'search.error': '搜尋暫時無法使用：{error}',
  'search.devNoIndex': '開發預覽（npm run dev）裡沒有搜尋索引：執行 npm run build，再用 npm run preview 開啟，就能搜尋。',
  'search.count': '{n} 筆結果',
  'search.countFor': '「{q}」共 {n} 筆結果',
  'search.start': '輸入職位、SOP、術語或任何詞語。',
  'search.empty': '沒有找到與「{q}」相關的內容。',
  'search.emptyFiltered': '在目前的篩選條件下沒有找到與「{q}」相關的內容。',
  'search.dropFilters': '移除篩選條件（{n} 筆結果）',
  'search.suggest': '相近的標題：',
  'search.all': '在搜尋頁查看全部 {n} 筆結果',
  'search.more': '顯示更多結果',
  'search.keys': '↑↓ 選擇 · Enter 開啟 · Esc 關閉',
  'search.page': '搜尋',
  'search.noscript': '搜尋需要啟用 JavaScript。也可以從首頁、部門或術語表找起。',
  'search.filters': '篩選',
  'search.filtersActive': '篩選（已選 {n} 項）',
  'search.clearFilters': '清除篩選',
  'filter.type': '類型',
  'filter.department': '部門',
  'filter.owner': '負責職位',
  'filter.frequency': '頻率',
  'type.sop': 'SOP',
  'type.role': '職位',
  'type.term': '術語',
  'type.department': '部門',
  'type.plan': '計畫',
};

const en: Record<SearchUiKey, string> = {
  'search.dialog': 'Search the handbook',
  'search.label': 'Search roles, SOPs, terms',
  'search.placeholder': 'Search roles, SOPs, terms…',
  'search.submit': 'Search',
  'search.close': 'Close',
  'search.results': 'Search results',
  'search.loading': 'Loading search…',
  'search.searching': 'Searching…',
  'search.error': 'Search is unavailable: {error}',
  'search.devNoIndex': 'The dev preview (npm run dev) has no search index: run npm run build, then npm run preview, to search.',
  'search.count': '{n} results',
  'search.countFor': '{n} results for “{q}”',
  'search.start': 'Type a role, an SOP, a term or any word.',
  'search.empty': 'Nothing found for “{q}”.',
  'search.emptyFiltered': 'Nothing found for “{q}” with these filters.',
  'search.dropFilters': 'Drop the filters ({n} results)',
  'search.suggest': 'Closest titles:',
  'search.all': 'See all {n} results on the search page',
  'search.more': 'Show more results',
  'search.keys': '↑↓ choose · Enter open · Esc close',
  'search.page': 'Search',
  'search.noscript': 'Search needs JavaScript. You can also start from the home page, the departments or the glossary.',
  'search.filters': 'Filters',
  'search.filtersActive': 'Filters ({n} on)',
  'search.clearFilters': 'Clear filters',
  'filter.type': 'Type',
  'filter.department': 'Department',
  'filter.owner': 'Owner role',
  'filter.frequency': 'Frequency',
  'type.sop': 'SOP',
  'type.role': 'Role',
  'type.term': 'Term',
  'type.department': 'Department',
  'type.plan': 'Plan',
};

const DICTIONARIES: Record<Locale, Record<SearchUiKey, string>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

export type SearchTranslate = (key: SearchUiKey, params?: UiParams) => string;

export function useSearchTranslations(locale: Locale): SearchTranslate {
  const dictionary = DICTIONARIES[locale] ?? zhCN;
  return (key, params) =>
    fillParams(dictionary[key], params);
}

/** The site locale a page's <html lang> stands for (HTML_LANG in ui.ts, read back). */
export function localeOfLang(lang: string | null | undefined): Locale {
  const l = (lang ?? '').toLowerCase();
  if (l.startsWith('en')) return 'en';
  if (l === 'zh-hant' || l === 'zh-tw' || l === 'zh-hk') return 'zh-TW';
  return 'zh-CN';
}
