// Option lists of the filter bar. Each list is cross-filtered: it
// respects every other filter but not its own, so picking a second province stays possible.
import { EMPTY_FILTERS, type Filters } from '../state/filters.ts';
import { caseWhere, FILTER_COLUMN } from './sql.ts';
import type { NamedQuery } from './types.ts';

/** An option of a filter: a value of its column (a province, a year…) and its case count. */
export type OptionRow = { value: string | number; n: number };

/** Each value of the filter's column with its case count under the other filters. */
export function filterOptionsQuery(filters: Filters, key: keyof Filters): NamedQuery<OptionRow> {
  const column = FILTER_COLUMN[key];
  return {
    id: `options.${key}`,
    columns: ['value', 'n'],
    sql: `SELECT ${column} AS value, count(*)::INTEGER AS n
FROM cases
WHERE ${caseWhere(filters, { omit: key })} AND ${column} IS NOT NULL
GROUP BY ${column}
ORDER BY n DESC, value`,
  };
}

/** All provinces in the data: the province options with no filter set. */
export function provincesQuery(): NamedQuery<OptionRow> {
  return { ...filterOptionsQuery(EMPTY_FILTERS, 'provinces'), id: 'options.allProvinces' };
}
