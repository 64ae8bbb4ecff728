// UI strings of the Compare, Indicator, Cases and Case views (both languages). Kept beside the views
// rather than in i18n/dict.ts so the two engineers do not edit one file at once; same shape, so the
// lead can merge them into DICT later.
import { useI18n } from '../../i18n/i18n.tsx';

export const VIEW_TEXT = {
  'cmp.title': { zh: '两省对比', en: 'Two provinces compared' },
  'cmp.a': { zh: '省份 A', en: 'Province A' },
  'cmp.b': { zh: '省份 B', en: 'Province B' },
  'cmp.swap': { zh: '⇄ 交换', en: '⇄ Swap' },
  'cmp.shares': { zh: '各指标案例占本省案例的比例（%）', en: "Indicator shares of each province's cases (%)" },
  'cmp.sharesNote': {
    zh: '{a}：{an} 个案例；{b}：{bn} 个案例。点击条形选择指标。',
    en: '{a}: {an} cases; {b}: {bn} cases. Click a bar to choose the indicator.',
  },
  'cmp.onlyA': { zh: '仅 {p} 涉及', en: 'Only {p}' },
  'cmp.neither': { zh: '两省均未涉及', en: 'Neither' },
  'cmp.coverage': { zh: '指标覆盖差异', en: 'Indicator coverage' },
  'cmp.none': { zh: '无', en: 'none' },
  'cmp.indicator': { zh: '指标', en: 'Indicator' },
  'cmp.casesOf': { zh: '{ind}：两省案例', en: '{ind}: the cases of both provinces' },
  'cmp.noCases': { zh: '该指标下没有案例。', en: 'No cases under this indicator.' },
  'cmp.pairs': { zh: '{a} 案例与最相似的 {b} 案例', en: 'Each {a} case and its nearest {b} case' },
  'cmp.pairsNote': {
    zh: '按文本相似度（简体字 n-gram）配对；相似案例可属于其他指标。',
    en: 'Paired by text similarity (simplified character n-grams); the nearest case may be filed under another indicator.',
  },
  'cmp.noPair': { zh: '没有足够相似的案例', en: 'No similar case' },
  'cmp.sameProvinces': { zh: '请选择两个不同的省份。', en: 'Choose two different provinces.' },
  'col.aShare': { zh: '{p} 占比（%）', en: '{p} share (%)' },
  'col.aCases': { zh: '{p} 案例数', en: '{p} cases' },
  'col.score': { zh: '相似度', en: 'Similarity' },
  'col.sharedTerms': { zh: '共同词语', en: 'Shared terms' },
  'col.place': { zh: '地点', en: 'Place' },
  'col.figures': { zh: '关键数据', en: 'Key figures' },
  'col.figureCount': { zh: '数据点', en: 'Figures' },
  'col.text': { zh: '原文表述', en: 'Phrase' },
  'col.before': { zh: '改革前（天）', en: 'Before (days)' },
  'col.after': { zh: '改革后（天）', en: 'After (days)' },
  'col.wan': { zh: '金额（万元）', en: 'Amount (10k yuan)' },
  'col.unit': { zh: '单位', en: 'Unit' },
  'col.count': { zh: '数量', en: 'Count' },
  'col.caseId': { zh: '案例编号', en: 'Case id' },
  'col.pct': { zh: '占本省案例（%）', en: "Share of province's cases (%)" },
  'ind.pick': { zh: '选择指标', en: 'Choose an indicator' },
  'ind.byProvince': { zh: '各省该指标案例数', en: 'Cases of this indicator by province' },
  'ind.durations': { zh: '办理时间：改革前 → 改革后（天）', en: 'Time taken: before → after (days)' },
  'ind.money': { zh: '金额（万元；≥1 亿元显示为亿元）', en: 'Amounts (in 万元 = 10k yuan; 亿元 = 100 M yuan)' },
  'ind.counts': { zh: '数量类数据（按单位，对数坐标）', en: 'Counts (by unit, log scale)' },
  'ind.limit': { zh: '仅显示最大的 {n} 项。', en: 'The {n} largest only.' },
  'ind.cases': { zh: '该指标的案例', en: 'Cases of this indicator' },
  'ind.before': { zh: '改革前', en: 'Before' },
  'ind.after': { zh: '改革后', en: 'After' },
  'cases.search': { zh: '搜索标题和正文（简繁体均可）', en: 'Search titles and texts (simplified or traditional)' },
  'cases.found': { zh: '找到 {n} 个案例', en: '{n} cases found' },
  'cases.none': { zh: '没有找到匹配的案例。', en: 'No case matches.' },
  'cases.clear': { zh: '清除', en: 'Clear' },
  'case.back': { zh: '← 返回案例列表', en: '← Back to the cases' },
  'case.notFound': { zh: '找不到案例 {id}。', en: 'Case {id} not found.' },
  'case.none': { zh: '未选择案例。', en: 'No case chosen.' },
  'case.place': { zh: '地点', en: 'Place' },
  'case.province': { zh: '省份', en: 'Province' },
  'case.city': { zh: '城市', en: 'City' },
  'case.county': { zh: '县区', en: 'County' },
  'case.level': { zh: '层级', en: 'Level' },
  'case.agency': { zh: '单位', en: 'Agency' },
  'case.document': { zh: '来源', en: 'Source' },
  'case.indicator': { zh: '指标', en: 'Indicator' },
  'case.source': { zh: '归类依据', en: 'Filed by' },
  'case.source.document': { zh: '文件标题归类', en: 'the document’s own heading' },
  'case.source.classifier': { zh: '关键词分类', en: 'the keyword classifier' },
  'case.source.analyst': { zh: '分析人员标注', en: 'an analyst' },
  'case.alts': { zh: '其他可能指标', en: 'Alternatives' },
  'case.evidence': { zh: '判定依据词语', en: 'Deciding terms' },
  'case.background': { zh: '基本情况', en: 'Background' },
  'case.measures': { zh: '主要做法', en: 'Measures' },
  'case.outcomes': { zh: '主要成效', en: 'Outcomes' },
  'case.empty': { zh: '（无）', en: '(none)' },
  'case.figuresNote': { zh: '标黄的是提取出的数据；悬停查看归一化数值。', en: 'Highlighted: the figures found; hover for the normalised value.' },
  'case.original': { zh: '显示发布原文', en: 'Show the published original' },
  'case.hideOriginal': { zh: '隐藏发布原文', en: 'Hide the published original' },
  'case.flags': { zh: '数据标记', en: 'Flags' },
  'case.duplicateOf': { zh: '与 {id} 重复（同一案例再次发布），以该案例为准：', en: 'Duplicate of {id} (the same case published again); see' },
  'case.duplicates': { zh: '同一案例的其他发布：', en: 'Also published as:' },
  'case.similarOther': { zh: '其他省份的相似案例', en: 'Similar cases in other provinces' },
  'case.similarOwn': { zh: '本省的相似案例', en: 'Similar cases in the same province' },
  'case.noSimilar': { zh: '没有相似案例。', en: 'No similar cases.' },
  'case.toCompare': { zh: '在对比视图中查看该指标', en: 'Compare this indicator' },
  'case.toIndicator': { zh: '查看该指标的所有案例', en: 'All cases of this indicator' },
  'flag.missing_body': { zh: '正文缺失（文件只列出了标题）', en: 'Body missing (the document lists only the title)' },
  'flag.title_inferred': { zh: '标题由正文推断', en: 'Title inferred from the body' },
  'flag.mojibake_repaired': { zh: '乱码已修复（原文保留）', en: 'Garbled text repaired (original kept)' },
  'flag.mojibake_unrepaired': { zh: '含无法修复的乱码', en: 'Contains garbled text that could not be repaired' },
  'flag.place_inferred_from_body': { zh: '地点取自正文', en: 'Place taken from the body' },
  'flag.imported': { zh: '由分析人员导入', en: 'Imported by the analyst' },
} satisfies Record<string, { zh: string; en: string }>;

export type ViewTextKey = keyof typeof VIEW_TEXT;

/** tx(key, vars): a string of these views in the UI language; `{name}` placeholders filled from vars. */
export function useViewText(): (key: ViewTextKey, vars?: Record<string, string | number>) => string {
  const { lang } = useI18n();
  return (key, vars) => {
    let text: string = VIEW_TEXT[key][lang];
    if (vars) for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, String(value));
    return text;
  };
}

/** A flag's label, or the flag itself when unknown. */
export function flagKey(flag: string): ViewTextKey | null {
  const key = `flag.${flag}`;
  return key in VIEW_TEXT ? (key as ViewTextKey) : null;
}
