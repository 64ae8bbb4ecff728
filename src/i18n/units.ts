// Units of the figures (metrics.unit, unit_norm) and figure kinds, in the UI language. The data keeps the
// Chinese unit the notice wrote; only what is shown (labels, hovers, downloads) is translated.
import type { Lang } from '../state/filters.ts';

/** English for the units the ingest normalises to (src/ingest/figures-units.ts) and the counting words notices use. */
const UNIT_EN: Record<string, string> = {
  万元: '10k yuan', 亿元: '100m yuan', 元: 'yuan', 万美元: '10k USD', 美元: 'USD',
  天: 'days', 日: 'days', 个工作日: 'working days', 工作日: 'working days', 小时: 'hours', 分钟: 'minutes', 秒: 'seconds',
  月: 'months', 个月: 'months', 年: 'years', 周: 'weeks',
  '%': '%', 百分点: 'percentage points', 倍: 'times',
  个: 'items', 项: 'items', 件: 'items', 件次: 'items', 份: 'copies', 次: 'times', 趟: 'trips', 人: 'people', 人次: 'person-times',
  名: 'people', 位: 'people', 户: 'households', 户次: 'household-times', 家: 'firms', 家次: 'firm-times',
  环节: 'steps', 道: 'steps', 步: 'steps', 部门: 'departments', 场: 'events', 场次: 'events', 批: 'batches', 批次: 'batches',
  条: 'entries', 张: 'sheets', 本: 'volumes', 册: 'volumes', 部: 'units', 台: 'units', 辆: 'vehicles', 座: 'buildings',
  栋: 'buildings', 间: 'rooms', 所: 'institutions', 处: 'sites', 块: 'plots', 套: 'sets', 类: 'kinds', 种: 'kinds',
  款: 'products', 笔: 'transactions', 票: 'consignments', 例: 'cases', 起: 'cases', 支: 'teams', 只: 'pieces', 枚: 'pieces',
  字: 'characters', 部分: 'parts',
  平方米: 'm²', 平米: 'm²', 个百分点: 'percentage points', 平方公里: 'km²', 公里: 'km', 亩: 'mu', 公顷: 'ha', 吨: 'tonnes', 标箱: 'TEU',
  伏: 'V', 千伏安: 'kVA', 千瓦: 'kW', 千瓦时: 'kWh',
};

/** Magnitudes written before a unit (万件次 = ten thousand items), or alone (1.2亿). */
const MAGNITUDE_EN: Record<string, string> = { 万: '10k', 亿: '100m' };

function unitEn(unit: string): string {
  const known = UNIT_EN[unit];
  if (known) return known;
  const magnitude = MAGNITUDE_EN[unit[0]];
  if (magnitude) {
    const rest = unit.slice(1);
    if (!rest) return magnitude;
    const base = UNIT_EN[rest];
    if (base) return `${magnitude} ${base}`;
  }
  return unit;
}

/** A unit as shown: Chinese as written, English from the table (a unit it does not know stays as written). */
export function unitName(unit: string | null | undefined, lang: Lang): string {
  if (!unit) return '';
  return lang === 'en' ? unitEn(unit) : unit;
}

/** Every unit the table translates (the tests check the corpus's units against it). */
export const TRANSLATED_UNITS: readonly string[] = Object.keys(UNIT_EN);
