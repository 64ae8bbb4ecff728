// UI strings of the shared behaviour every view follows: the SQL schema panel's table groups and notes,
// the skip link, the back link, and chart descriptions for screen readers (both languages).
export const CONSISTENCY_TEXT = {
  'schema.internal': { zh: '内部表与视图（{n}）', en: 'Internal tables and views ({n})' },
  'schema.internalNote': {
    zh: '应用内部使用：发布数据（base_*）、导入的文件（imported_*）与预汇总表。分析请用上面的表。',
    en: 'Used by the app itself: the published data (base_*), imported files (imported_*) and pre-aggregates. Query the tables above.',
  },
  'schema.note.cases': {
    zh: '去重后的案例（与图表一致）；含指标中英文名称 indicator_name_zh / _en',
    en: 'Cases without reprints (what the charts count); indicator names in indicator_name_zh / _en',
  },
  'schema.note.cases_all': {
    zh: '全部案例行，含重复转载（duplicate_of 指向原案例）',
    en: 'Every case row, reprints included (duplicate_of names the original)',
  },
  'schema.note.documents': { zh: '来源文件', en: 'Source documents' },
  'schema.note.metrics': { zh: '案例中的数字（时长、金额、数量）', en: 'Figures in the cases (durations, money, counts)' },
  'schema.note.similar': { zh: '相似案例对', en: 'Pairs of similar cases' },
  'schema.note.indicators': { zh: '指标分类：代码与中英文名称', en: 'Indicator taxonomy: codes and names' },
  'schema.note.case_labels': { zh: '您对案例指标的修改', en: 'Your own indicator labels' },
  'a11y.skip': { zh: '跳到主要内容', en: 'Skip to main content' },
  'a11y.filters': { zh: '筛选', en: 'Filters' },
  'a11y.views': { zh: '页面', en: 'Views' },
  'nav.back': { zh: '← 返回', en: '← Back' },
  'chart.describe': { zh: '{title}：{rows}', en: '{title}: {rows}' },
  'chart.describeEmpty': { zh: '{title}：没有数据。', en: '{title}: no data.' },
  'chart.describeMore': { zh: '等，共 {n} 项', en: 'and more, {n} in all' },
} as const;
