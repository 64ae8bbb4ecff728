// Named queries of the Indicator view: one indicator across provinces (its reform measures: measures.ts).
// The view picks the indicator itself, so the filter bar's indicator clause is replaced by it.
import type { Filters } from '../state/filters.ts';
import { CASE_LIST_COLUMNS, caseListSql, caseListTotalSql, PAGE_SIZE, type CaseListRow, type CaseTotalRow } from './cases.ts';
import { literal, summaryWhere } from './sql.ts';
import type { NamedQuery } from './types.ts';

/** Charts of money and counts show at most this many figures (the largest). */
export const FIGURE_LIMIT = 40;

export interface IndicatorParams {
  filters: Filters;
  indicator: string;
}

/** The filter bar with the view's indicator, over figure_facts (indexes.ts: canonical cases' money and count figures). */
function indicatorWhere(filters: Filters, indicator: string, alias = 'f'): string {
  return summaryWhere({ ...filters, indicators: [indicator] }, { alias });
}

/** An indicator of the picker with its case count under the other filters. */
export type IndicatorOptionRow = { code: string; name_zh: string; name_en: string; sort: number; cases: number };

/** The taxonomy with each indicator's case count under the other filters (for the picker). */
export function indicatorOptions(filters: Filters): NamedQuery<IndicatorOptionRow> {
  return {
    id: 'indicator.options',
    columns: ['code', 'name_zh', 'name_en', 'sort', 'cases'],
    sql: `SELECT i.code, i.name_zh, i.name_en, i.sort, coalesce(sum(s.cases), 0)::BIGINT AS cases
FROM indicators i
LEFT JOIN case_summary s ON s.indicator = i.code AND ${summaryWhere(filters, { alias: 's', omit: 'indicators' })}
GROUP BY i.code, i.name_zh, i.name_en, i.sort
ORDER BY i.sort, i.code`,
  };
}

/** Per province: the indicator's cases, and their share of the province's cases in percent. */
export type IndicatorProvinceRow = { province: string; cases: number; total: number; pct: number };

export function indicatorByProvince({ filters, indicator }: IndicatorParams): NamedQuery<IndicatorProvinceRow> {
  const mine = `coalesce(sum(s.cases) FILTER (WHERE s.indicator = ${literal(indicator)}), 0)::BIGINT`;
  return {
    id: 'indicator.provinces',
    columns: ['province', 'cases', 'total', 'pct'],
    sql: `SELECT s.province, ${mine} AS cases, sum(s.cases)::BIGINT AS total,
  round(100.0 * ${mine} / sum(s.cases), 1) AS pct
FROM case_summary s
WHERE ${summaryWhere(filters, { alias: 's', omit: 'indicators' })} AND s.province IS NOT NULL
GROUP BY s.province
ORDER BY cases DESC, s.province`,
  };
}

/** A figure of a case with where the case is from (its text as the notice writes it). */
type FigureOfCase = { case_id: string; province: string | null; city: string | null; title: string; text: string };

export type MoneyFigureRow = FigureOfCase & { wan_yuan: number };

/** The largest money figures in 万元 (the view shows 亿元 where large). */
export function indicatorMoney({ filters, indicator }: IndicatorParams): NamedQuery<MoneyFigureRow> {
  return {
    id: 'indicator.money',
    columns: ['case_id', 'province', 'city', 'title', 'text', 'wan_yuan'],
    sql: `SELECT f.case_id, f.province, f.city, f.title, f.text, f.value_norm AS wan_yuan
FROM figure_facts f
WHERE ${indicatorWhere(filters, indicator)} AND f.kind = 'money'
ORDER BY wan_yuan DESC, f.case_id, f.metric_id
LIMIT ${FIGURE_LIMIT}`,
  };
}

/** The units of the indicator's count figures (张, 户, 家 …), most figures first: a count chart shows one unit. */
export type CountUnitRow = { unit: string; figures: number };

export function indicatorCountUnits({ filters, indicator }: IndicatorParams): NamedQuery<CountUnitRow> {
  return {
    id: 'indicator.countUnits',
    columns: ['unit', 'figures'],
    sql: `SELECT f.unit_norm AS unit, sum(f.figures)::BIGINT AS figures
FROM unit_summary f
WHERE ${indicatorWhere(filters, indicator)}
GROUP BY f.unit_norm
HAVING sum(f.figures) > 0
ORDER BY figures DESC, unit`,
  };
}

/** The largest count figures in ONE unit (counts of different things never share an axis). */
export type CountFigureRow = FigureOfCase & { value: number; unit: string };

export function indicatorCounts({ filters, indicator, unit }: IndicatorParams & { unit: string }): NamedQuery<CountFigureRow> {
  return {
    id: 'indicator.counts',
    columns: ['case_id', 'province', 'city', 'title', 'text', 'value', 'unit'],
    sql: `SELECT f.case_id, f.province, f.city, f.title, f.text, f.value_norm AS value, f.unit_norm AS unit
FROM figure_facts f
WHERE ${indicatorWhere(filters, indicator)} AND f.kind = 'count' AND f.unit_norm = ${literal(unit)}
ORDER BY value DESC, f.case_id, f.metric_id
LIMIT ${FIGURE_LIMIT}`,
  };
}

/** One page of the indicator's cases with place, year and key figures (PAGE_SIZE rows). */
export function indicatorCases({ filters, indicator, page = 0 }: IndicatorParams & { page?: number }): NamedQuery<CaseListRow> {
  return { id: 'indicator.cases', columns: CASE_LIST_COLUMNS, sql: caseListSql({ filters, indicator, page, pageSize: PAGE_SIZE }) };
}

/** How many cases the indicator's list has (for its pager). */
export function indicatorCaseTotal({ filters, indicator }: IndicatorParams): NamedQuery<CaseTotalRow> {
  return { id: 'indicator.caseTotal', columns: ['total'], sql: caseListTotalSql({ filters, indicator }) };
}
