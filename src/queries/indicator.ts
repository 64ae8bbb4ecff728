// Named queries of the Indicator view: one indicator across provinces (its reform measures: measures.ts).
// The view picks the indicator itself, so the filter bar's indicator clause is replaced by it.
import type { Filters } from '../state/filters.ts';
import { caseListSql } from './cases.ts';
import { caseWhere, literal } from './sql.ts';
import type { NamedQuery } from './types.ts';

/** Charts of money and counts show at most this many figures (the largest). */
export const FIGURE_LIMIT = 40;

export interface IndicatorParams {
  filters: Filters;
  indicator: string;
}

function indicatorWhere(filters: Filters, indicator: string, alias = 'c'): string {
  return caseWhere({ ...filters, indicators: [indicator] }, { alias });
}

/** The taxonomy with each indicator's case count under the other filters (for the picker). */
export function indicatorOptions(filters: Filters): NamedQuery {
  return {
    id: 'indicator.options',
    sql: `SELECT i.code, i.name_zh, i.name_en, i.sort, count(c.case_id) AS cases
FROM indicators i
LEFT JOIN cases c ON c.indicator = i.code AND ${caseWhere(filters, { alias: 'c', omit: 'indicators' })}
GROUP BY i.code, i.name_zh, i.name_en, i.sort
ORDER BY i.sort, i.code`,
  };
}

/** Per province: the indicator's cases, and their share of the province's cases in percent. */
export function indicatorByProvince({ filters, indicator }: IndicatorParams): NamedQuery {
  return {
    id: 'indicator.provinces',
    sql: `SELECT c.province, count(*) FILTER (WHERE c.indicator = ${literal(indicator)}) AS cases, count(*) AS total,
  round(100.0 * count(*) FILTER (WHERE c.indicator = ${literal(indicator)}) / count(*), 1) AS pct
FROM cases c
WHERE ${caseWhere(filters, { alias: 'c', omit: 'indicators' })} AND c.province IS NOT NULL
GROUP BY c.province
ORDER BY cases DESC, c.province`,
  };
}

/** The largest money figures in 万元 (the view shows 亿元 where large). */
export function indicatorMoney({ filters, indicator }: IndicatorParams): NamedQuery {
  return {
    id: 'indicator.money',
    sql: `SELECT c.case_id, c.province, c.city, c.title, m.text, m.value_norm AS wan_yuan
FROM metrics m JOIN cases c ON c.case_id = m.case_id
WHERE ${indicatorWhere(filters, indicator)} AND m.kind = 'money' AND m.value_norm > 0
ORDER BY wan_yuan DESC, c.case_id, m.metric_id
LIMIT ${FIGURE_LIMIT}`,
  };
}

/** The units of the indicator's count figures (张, 户, 家 …), most figures first: a count chart shows one unit. */
export function indicatorCountUnits({ filters, indicator }: IndicatorParams): NamedQuery {
  return {
    id: 'indicator.countUnits',
    sql: `SELECT m.unit_norm AS unit, count(*) AS figures
FROM metrics m JOIN cases c ON c.case_id = m.case_id
WHERE ${indicatorWhere(filters, indicator)} AND m.kind = 'count' AND m.value_norm > 0
GROUP BY m.unit_norm
ORDER BY figures DESC, unit`,
  };
}

/** The largest count figures in ONE unit (counts of different things never share an axis). */
export function indicatorCounts({ filters, indicator, unit }: IndicatorParams & { unit: string }): NamedQuery {
  return {
    id: 'indicator.counts',
    sql: `SELECT c.case_id, c.province, c.city, c.title, m.text, m.value_norm AS value, m.unit_norm AS unit
FROM metrics m JOIN cases c ON c.case_id = m.case_id
WHERE ${indicatorWhere(filters, indicator)} AND m.kind = 'count' AND m.value_norm > 0 AND m.unit_norm = ${literal(unit)}
ORDER BY value DESC, c.case_id, m.metric_id
LIMIT ${FIGURE_LIMIT}`,
  };
}

/** The indicator's cases with place, year and key figures. */
export function indicatorCases({ filters, indicator }: IndicatorParams): NamedQuery {
  return { id: 'indicator.cases', sql: caseListSql({ filters, indicator }) };
}
