// Queries of the analyst's panels: the SQL console's schema (every table and view the analyst can query,
// with its columns, their types, and an example value per column) and the labelled cases of the labels list.
import { literal } from './sql.ts';
import type { NamedQuery } from './types.ts';

/** Tables and views of the main schema with their columns, views (the names to query) first. */
export function schemaQuery(): NamedQuery {
  return {
    id: 'sql.schema',
    sql: `SELECT t.table_name, t.table_type, c.column_name, c.data_type, c.ordinal_position
FROM information_schema.tables t
JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name
WHERE t.table_schema = 'main'
ORDER BY t.table_type DESC, t.table_name, c.ordinal_position`,
  };
}

/** Quote an identifier for SQL. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * One example per column (the first non-null value; any_value skips NULLs), as text cut to 80 characters,
 * plus the row count, in one row.
 */
export function examplesQuery(table: string, columns: string[]): NamedQuery {
  const parts = columns.map((c) => `left(CAST(any_value(${ident(c)}) AS VARCHAR), 80) AS ${ident(c)}`);
  return {
    id: `sql.examples.${table}`,
    sql: `SELECT count(*) AS ${ident('__rows')}${parts.length ? ', ' + parts.join(', ') : ''} FROM ${ident(table)}`,
  };
}

/** Titles and indicators of the labelled cases, for the labels list. */
export function labelledCasesQuery(caseIds: string[]): NamedQuery {
  return {
    id: 'labels.cases',
    sql: `SELECT case_id, title, province, indicator, indicator_original, imported
FROM cases WHERE case_id IN (${caseIds.length ? caseIds.map(literal).join(', ') : 'NULL'})
ORDER BY case_id`,
  };
}
