// SQL building helpers: every value that comes from the URL or the user goes through `literal` (sql/quote.ts).
import { literal } from '../sql/quote.ts';
import type { Filters } from '../state/filters.ts';

export { ident, literal } from '../sql/quote.ts';

export function inList(column: string, values: readonly (string | number)[]): string {
  return `${column} IN (${values.map(literal).join(', ')})`;
}

/** The cases column behind each filter of the filter bar. */
export const FILTER_COLUMN: Record<keyof Filters, string> = {
  provinces: 'province',
  indicators: 'indicator',
  cities: 'city',
  levels: 'level',
  years: 'year',
  batches: 'batch',
};

/** The filter bar's clauses on its own columns (`omit` drops one filter: a chart of that dimension keeps all its bars). */
function filterClauses(filters: Filters, prefix: string, omit?: keyof Filters): string[] {
  const clauses: string[] = [];
  for (const key of Object.keys(FILTER_COLUMN) as (keyof Filters)[]) {
    if (key === omit) continue;
    const values = filters[key];
    if (values.length > 0) clauses.push(inList(prefix + FILTER_COLUMN[key], values));
  }
  return clauses;
}

/**
 * The WHERE predicate for the filter bar over the `cases` table (alias optional).
 * `omit` drops one filter, so a chart of that very dimension keeps all its bars (cross-filtering).
 * Duplicates (duplicate_of set) are always excluded: they are the same case published twice.
 */
export function caseWhere(filters: Filters, options: { alias?: string; omit?: keyof Filters } = {}): string {
  const prefix = options.alias ? `${options.alias}.` : '';
  return [`${prefix}duplicate_of IS NULL`, ...filterClauses(filters, prefix, options.omit)].join(' AND ');
}

/** The same predicate over the indexes (`case_summary`, `case_list`, … sql/indexes.ts), which hold distinct cases only. */
export function summaryWhere(filters: Filters, options: { alias?: string; omit?: keyof Filters } = {}): string {
  return ['TRUE', ...filterClauses(filters, options.alias ? `${options.alias}.` : '', options.omit)].join(' AND ');
}
