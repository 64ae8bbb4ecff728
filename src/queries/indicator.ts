// Named queries of the Indicator view: one indicator across provinces (its reform measures: measures.ts).
// The view picks the indicator itself, so the filter bar's indicator clause is replaced by it.
import type { Filters } from '../state/filters.ts';
import { CASE_LIST_COLUMNS, caseListSql, caseListTotalSql, PAGE_SIZE, type CaseListRow, type CaseTotalRow } from './cases.ts';
import { literal, summaryWhere } from './sql.ts';
import { pickColumns, type NamedQuery } from './types.ts';
import { FIGURE_LIMIT } from '../sql/candidates.ts';

/** Charts of money and counts show at most this many figures (the largest). */
export { FIGURE_LIMIT };

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

/**
 * The taxonomy with each indicator's case count under the other filters: the picker's question. The view reads it
 * from indicatorCaseCounts (caseCountOptions); the tests hold that derivation to this query's answer.
 */
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

/**
 * Cases per indicator and province under the filter bar's other filters, with each province's total and the
 * indicator's share of it, and the taxonomy (rows with `sort`, no cases): one query from which the view derives
 * the picker (caseCountOptions), the provinces chart (caseCountProvinces) and the list's total (caseCountTotal),
 * which answer exactly what indicatorOptions, indicatorByProvince and indicatorCaseTotal answer. One query instead
 * of three on DuckDB-wasm's single worker, and the provinces chart need not wait for the indicator to be picked.
 */
export type IndicatorCaseCountRow = {
  indicator: string | null;
  name_zh: string | null;
  name_en: string | null;
  sort: number | null;
  province: string | null;
  cases: number;
  total: number | null;
  pct: number | null;
};

export function indicatorCaseCounts(filters: Filters): NamedQuery<IndicatorCaseCountRow> {
  const where = summaryWhere(filters, { alias: 's', omit: 'indicators' });
  return {
    id: 'indicator.caseCounts',
    columns: ['indicator', 'name_zh', 'name_en', 'sort', 'province', 'cases', 'total', 'pct'],
    sql: `SELECT i.code AS indicator, i.name_zh, i.name_en, i.sort, NULL::VARCHAR AS province, 0::BIGINT AS cases,
  NULL::BIGINT AS total, NULL::DOUBLE AS pct
FROM indicators i
UNION ALL
SELECT s.indicator, NULL, NULL, NULL, s.province, sum(s.cases)::BIGINT,
  (sum(sum(s.cases)) OVER (PARTITION BY s.province))::BIGINT,
  round(100.0 * sum(s.cases) / sum(sum(s.cases)) OVER (PARTITION BY s.province), 1)
FROM case_summary s
WHERE ${where}
GROUP BY s.indicator, s.province`,
  };
}

/** The picker's rows (as indicatorOptions): the taxonomy with each indicator's cases, in taxonomy order. */
export function caseCountOptions(rows: IndicatorCaseCountRow[]): IndicatorOptionRow[] {
  const cases = new Map<string, number>();
  for (const r of rows) if (r.sort === null && r.indicator !== null) cases.set(r.indicator, (cases.get(r.indicator) ?? 0) + Number(r.cases));
  return rows
    .filter((r): r is IndicatorCaseCountRow & { indicator: string; sort: number } => r.sort !== null && r.indicator !== null)
    .map((r) => ({ code: r.indicator, name_zh: r.name_zh ?? '', name_en: r.name_en ?? '', sort: r.sort, cases: cases.get(r.indicator) ?? 0 }))
    .sort((a, b) => a.sort - b.sort || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The indicator the view shows: the one chosen (filter bar first, url-state.ts), else the one with most cases. */
export function pickIndicator(options: IndicatorOptionRow[], chosen: string | null): string | null {
  if (chosen) return chosen;
  let best: IndicatorOptionRow | null = null;
  for (const r of options) if (!best || r.cases > best.cases) best = r;
  return best ? best.code : null;
}

/** The provinces chart's rows (as indicatorByProvince): every province with cases, the indicator's first. */
export function caseCountProvinces(rows: IndicatorCaseCountRow[], indicator: string): IndicatorProvinceRow[] {
  const byProvince = new Map<string, IndicatorProvinceRow>();
  for (const r of rows) {
    if (r.sort !== null || r.province === null || r.total === null) continue;
    const row = byProvince.get(r.province) ?? { province: r.province, cases: 0, total: Number(r.total), pct: 0 };
    if (r.indicator === indicator) Object.assign(row, { cases: Number(r.cases), pct: r.pct ?? 0 });
    byProvince.set(r.province, row);
  }
  return [...byProvince.values()].sort((a, b) => b.cases - a.cases || (a.province < b.province ? -1 : a.province > b.province ? 1 : 0));
}

/** The indicator's cases under the filters, every province (as indicatorCaseTotal: the list's pager). */
export function caseCountTotal(rows: IndicatorCaseCountRow[], indicator: string): number {
  return rows.reduce((n, r) => (r.sort === null && r.indicator === indicator ? n + Number(r.cases) : n), 0);
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

/**
 * The figures of `where` that can be among the FIGURE_LIMIT largest: value_norm at least the FIGURE_LIMIT-th largest
 * value. Exact (every row of the top FIGURE_LIMIT passes), and cheap where it matters: the inner query reads only
 * the filter columns and value_norm, and figure_facts is sorted by value_norm within an indicator's kind and unit, so
 * the outer query's wide columns (text, title) and tie-breakers (case_id, metric_id) are read for the largest
 * values only, not for each of the indicator's hundreds of thousands of figures at national scale.
 */
function largestFigures(where: string): string {
  return `${where} AND f.value_norm >= (SELECT min(t.value_norm) FROM (SELECT f.value_norm FROM figure_facts f WHERE ${where}
  ORDER BY f.value_norm DESC LIMIT ${FIGURE_LIMIT}) t)`;
}

/** A figure of a case with where the case is from (its text as the notice writes it). */
type FigureOfCase = { case_id: string; province: string | null; city: string | null; title: string; text: string };

const FIGURE_OF_CASE = 'f.case_id, f.province, f.city, f.title, f.text';

/** The FIGURE_LIMIT largest figures of `where` with `value` (their figure columns), largest first. */
function largestSql(where: string, value: string, first = ''): string {
  return `SELECT ${first}${FIGURE_OF_CASE}, ${value}
FROM figure_facts f
WHERE ${largestFigures(where)}
ORDER BY f.value_norm DESC, f.case_id, f.metric_id
LIMIT ${FIGURE_LIMIT}`;
}

const MONEY_VALUE = 'f.value_norm AS wan_yuan';
const moneyWhere = ({ filters, indicator }: IndicatorParams) => `${indicatorWhere(filters, indicator)} AND f.kind = 'money'`;

export type MoneyFigureRow = FigureOfCase & { wan_yuan: number };
export const MONEY_COLUMNS: (keyof MoneyFigureRow)[] = ['case_id', 'province', 'city', 'title', 'text', 'wan_yuan'];

/** The largest money figures in 万元 (the view shows 亿元 where large). */
export function indicatorMoney(params: IndicatorParams): NamedQuery<MoneyFigureRow> {
  return { id: 'indicator.money', columns: MONEY_COLUMNS, sql: largestSql(moneyWhere(params), MONEY_VALUE) };
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
export const COUNT_COLUMNS: (keyof CountFigureRow)[] = ['case_id', 'province', 'city', 'title', 'text', 'value', 'unit'];
const COUNT_VALUE = 'f.value_norm AS value, f.unit_norm AS unit';

/**
 * `unit` null: the commonest unit, the first row of indicatorCountUnits, chosen in the query itself — so the
 * view asks for the chart at once instead of after the units answered (one fewer wait on the worker).
 */
function countsWhere({ filters, indicator, unit }: IndicatorParams & { unit: string | null }): string {
  const commonest = `(SELECT u.unit_norm FROM unit_summary u WHERE ${indicatorWhere(filters, indicator, 'u')}
  GROUP BY u.unit_norm HAVING sum(u.figures) > 0 ORDER BY sum(u.figures) DESC, u.unit_norm LIMIT 1)`;
  return `${indicatorWhere(filters, indicator)} AND f.kind = 'count' AND f.unit_norm = ${unit === null ? commonest : literal(unit)}`;
}

export function indicatorCounts(params: IndicatorParams & { unit: string | null }): NamedQuery<CountFigureRow> {
  return { id: 'indicator.counts', columns: COUNT_COLUMNS, sql: largestSql(countsWhere(params), COUNT_VALUE) };
}

/** A row of indicatorFigures: a money figure or a count figure (`part`), the other part's columns NULL. */
export type FigureChartsRow = { part: 'money' | 'count'; metric_id: string } & FigureOfCase & {
  wan_yuan: number | null;
  value: number | null;
  unit: string | null;
};

/**
 * The money chart's rows and the counts chart's rows (indicatorMoney, indicatorCounts) as one request: DuckDB-wasm
 * answers one query at a time and each costs 10–15 ms however small (planning, the worker's round trip, Arrow).
 * Each part keeps its own order (metric_id, the last tie-breaker, is carried for that); figureChartRows splits them.
 */
export function indicatorFigures(params: IndicatorParams & { unit: string | null }): NamedQuery<FigureChartsRow> {
  const part = (name: string) => `${literal(name)} AS part, f.metric_id, `;
  return {
    id: 'indicator.figures',
    columns: ['part', 'metric_id', 'case_id', 'province', 'city', 'title', 'text', 'wan_yuan', 'value', 'unit'],
    sql: `SELECT * FROM (
SELECT * FROM (${largestSql(moneyWhere(params), MONEY_VALUE, part('money'))})
UNION ALL BY NAME
SELECT * FROM (${largestSql(countsWhere(params), COUNT_VALUE, part('count'))})
)
ORDER BY part, coalesce(wan_yuan, value) DESC, case_id, metric_id`,
  };
}

/** indicatorFigures' rows as the two charts' rows: what indicatorMoney and indicatorCounts answer. */
export function figureChartRows(rows: FigureChartsRow[]): { money: MoneyFigureRow[]; counts: CountFigureRow[] } {
  return {
    money: rows.filter((r) => r.part === 'money').map((r) => pickColumns<MoneyFigureRow>(r, MONEY_COLUMNS)),
    counts: rows.filter((r) => r.part === 'count').map((r) => pickColumns<CountFigureRow>(r, COUNT_COLUMNS)),
  };
}

/** One page of the indicator's cases with place, year and key figures (PAGE_SIZE rows). */
export function indicatorCases({ filters, indicator, page = 0 }: IndicatorParams & { page?: number }): NamedQuery<CaseListRow> {
  return { id: 'indicator.cases', columns: CASE_LIST_COLUMNS, sql: caseListSql({ filters, indicator, page, pageSize: PAGE_SIZE }) };
}

/** How many cases the indicator's list has (its pager's question; the view derives it: caseCountTotal). */
export function indicatorCaseTotal({ filters, indicator }: IndicatorParams): NamedQuery<CaseTotalRow> {
  return { id: 'indicator.caseTotal', columns: ['total'], sql: caseListTotalSql({ filters, indicator }) };
}
