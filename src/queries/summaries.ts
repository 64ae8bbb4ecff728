// The small summaries counted per combination of the filter bar's dimensions (indexes.ts: case_summary,
// unit_summary, measure_summary) read whole once — case_summary with the taxonomy, the other two per indicator —
// so that a filter change is summed here rather than asked of DuckDB-wasm: its single worker answers one query
// at a time, and even a query over a hundred summary rows costs 10–15 ms there (planning, the worker's round
// trip, Arrow), so every question answered here takes that off each filter change of the Indicator and Compare
// views and of the Overview (the sums: view-summaries.ts and, the Overview's, overview-sums.ts; this module holds
// what the landing view needs too). The sums are exact (a case lies in one combination;
// the workspace's rows, layered in the views, may be negative) and answer what the SQL answers:
// tests/queries/indexes.test.ts holds each to its query (the Overview's: tests/queries/overview.test.ts).
import type { Filters } from '../state/filters.ts';
import { FILTER_COLUMN } from './sql.ts';
import type { NamedQuery } from './types.ts';

/** The filter bar's dimensions of a summary row (indexes.ts SUMMARY_DIMENSIONS). */
export type Place = { province: string | null; city: string | null; level: string | null; year: number | null; batch: number | null };

/** A case_summary row, or a taxonomy row (`sort` set, no place and no cases). */
export type CaseSummaryRow = Place & { indicator: string | null; name_zh: string | null; name_en: string | null; sort: number | null; cases: number };

/** The filter bar's dimensions of a summary row, as SQL columns. */
export const PLACE = 'province, city, level, year, batch';

/** The taxonomy's rows, then case_summary's (with its `figures` too when asked). */
function summaryRowsSql(figures: boolean): string {
  return `SELECT NULL::VARCHAR AS province, NULL::VARCHAR AS city, NULL::VARCHAR AS level, NULL::INTEGER AS year,
  NULL::INTEGER AS batch, code AS indicator, name_zh, name_en, sort, 0::BIGINT AS cases${figures ? ', 0::BIGINT AS figures' : ''}
FROM indicators
UNION ALL
SELECT ${PLACE}, indicator, NULL, NULL, NULL, cases::BIGINT${figures ? ', figures::BIGINT' : ''} FROM case_summary`;
}

const SUMMARY_COLUMNS = ['province', 'city', 'level', 'year', 'batch', 'indicator', 'name_zh', 'name_en', 'sort', 'cases'];

/** case_summary whole, after the taxonomy: what the Indicator picker and provinces and Compare's shares are summed from. */
export function caseSummaryRows(): NamedQuery<CaseSummaryRow> {
  return { id: 'summary.cases', columns: SUMMARY_COLUMNS, sql: summaryRowsSql(false) };
}

/** A caseSummaryRows row with its figures. */
export type FiguresSummaryRow = CaseSummaryRow & { figures: number };

/** caseSummaryRows with each row's figures: what the Overview's charts and totals tile are summed from. */
export function overviewSummaryRows(): NamedQuery<FiguresSummaryRow> {
  return { id: 'summary.overview', columns: [...SUMMARY_COLUMNS, 'figures'], sql: summaryRowsSql(true) };
}

/** Documents per province, year and batch (`documents`: the published and the imported). */
export type DocumentSummaryRow = { province: string | null; year: number | null; batch: number | null; documents: number };

export function documentSummaryRows(): NamedQuery<DocumentSummaryRow> {
  return {
    id: 'summary.documents',
    columns: ['province', 'year', 'batch', 'documents'],
    sql: `SELECT province, year, batch, count(*)::BIGINT AS documents FROM documents GROUP BY ALL`,
  };
}

/** As summaryWhere (sql.ts) over a row: each filter with values keeps the rows whose column is one of them (NULL never is). */
export function matcher(filters: Filters, omit: (keyof Filters)[]): (row: Record<string, unknown>) => boolean {
  const tests: [string, Set<unknown>][] = [];
  for (const key of Object.keys(FILTER_COLUMN) as (keyof Filters)[]) {
    if (!omit.includes(key) && filters[key].length > 0) tests.push([FILTER_COLUMN[key], new Set<unknown>(filters[key])]);
  }
  return (row) => tests.every(([column, values]) => row[column] !== null && values.has(row[column]));
}

/** DuckDB's ORDER BY of text: by code point (equal to UTF-8 byte order for the codes and names here). */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** ORDER BY of a nullable text column: NULLS LAST. */
export function nullsLast(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return byText(a, b);
}
