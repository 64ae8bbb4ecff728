// Every view a URL may name, in the header's order, with its title in both languages: the one list a new
// view is added to. The URL state reads the ids (url-state.ts), the dictionary the titles (`view.<id>`,
// i18n/dict-app.ts), and views/registry.ts must give each id its entry (component, tab, filter bar) — the
// type checker asks for it. Plain data here, because the URL state may not import the views.
export const VIEW_TITLES = {
  overview: { zh: '总览', en: 'Overview' },
  compare: { zh: '对比', en: 'Compare' },
  indicator: { zh: '指标', en: 'Indicator' },
  cases: { zh: '案例', en: 'Cases' },
  case: { zh: '案例详情', en: 'Case' },
  data: { zh: '数据', en: 'Data' },
  sql: { zh: 'SQL', en: 'SQL' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ViewId = keyof typeof VIEW_TITLES;

/** The view ids in the header's order (the order of VIEW_TITLES). */
export const VIEW_IDS = Object.keys(VIEW_TITLES) as ViewId[];
