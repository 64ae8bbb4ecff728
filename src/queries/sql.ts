// SQL building helpers: every value that comes from the URL or the user goes through `literal`.
import type { Filters } from '../state/filters.ts';

/** A SQL string literal with quotes doubled. */
export function literal(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

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

/**
 * The WHERE predicate for the filter bar over the `cases` table (alias optional).
 * `omit` drops one filter, so a chart of that very dimension keeps all its bars (cross-filtering).
 * Duplicates (duplicate_of set) are always excluded: they are the same case published twice.
 */
export function caseWhere(filters: Filters, options: { alias?: string; omit?: keyof Filters } = {}): string {
  const prefix = options.alias ? `${options.alias}.` : '';
  const clauses = [`${prefix}duplicate_of IS NULL`];
  for (const key of Object.keys(FILTER_COLUMN) as (keyof Filters)[]) {
    if (key === options.omit) continue;
    const values = filters[key];
    if (values.length > 0) clauses.push(inList(prefix + FILTER_COLUMN[key], values));
  }
  return clauses.join(' AND ');
}
