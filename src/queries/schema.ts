// Queries of the analyst's panels: the SQL console's schema (every table and view the analyst can query,
// with its columns, their types, and an example value per column) and the labelled cases of the labels list.
import { ident, literal } from './sql.ts';

export { ident };
import type { NamedQuery, Row } from './types.ts';

/**
 * Tables and views of the working database's main schema with their columns, views (the names to query)
 * first. Not those of the attached published file (`published.cases` …): the base_* views show them.
 */
export type SchemaColumnRow = { table_name: string; table_type: string; column_name: string; data_type: string; ordinal_position: number };

export function schemaQuery(): NamedQuery<SchemaColumnRow> {
  return {
    id: 'sql.schema',
    columns: ['table_name', 'table_type', 'column_name', 'data_type', 'ordinal_position'],
    sql: `SELECT t.table_name, t.table_type, c.column_name, c.data_type, c.ordinal_position
FROM information_schema.tables t
JOIN information_schema.columns c
  ON c.table_catalog = t.table_catalog AND c.table_schema = t.table_schema AND c.table_name = t.table_name
WHERE t.table_catalog = current_database() AND t.table_schema = 'main'
ORDER BY t.table_type DESC, t.table_name, c.ordinal_position`,
  };
}

/** Rows sampled for the examples: enough to find a non-null value, few enough that 1M cases stay instant. */
export const EXAMPLE_SAMPLE_ROWS = 1000;

/**
 * One example per column (the first non-null value among the first rows; any_value skips NULLs), as text
 * cut to 80 characters, plus the row count, in one row. Only a sample is read: over the attached file, an
 * aggregate of every row would fetch every text column of a big table. Plain `Row`s: the columns are the
 * table's, known only at run time.
 */
export function examplesQuery(table: string, columns: string[]): NamedQuery<Row> {
  const parts = columns.map((c) => `left(CAST(any_value(${ident(c)}) AS VARCHAR), 80) AS ${ident(c)}`);
  return {
    id: `sql.examples.${table}`,
    sql: `SELECT (SELECT count(*) FROM ${ident(table)}) AS ${ident('__rows')}${parts.length ? ', ' + parts.join(', ') : ''}
FROM (SELECT * FROM ${ident(table)} LIMIT ${EXAMPLE_SAMPLE_ROWS})`,
  };
}

/** A labelled case: its title and place, its indicator now and before the label (cases_all's columns). */
export type LabelledCaseRow = {
  case_id: string;
  title: string;
  province: string | null;
  indicator: string;
  indicator_original: string | null;
  imported: boolean;
};

/** Titles and indicators of the labelled cases, for the labels list. */
export function labelledCasesQuery(caseIds: string[]): NamedQuery<LabelledCaseRow> {
  return {
    id: 'labels.cases',
    columns: ['case_id', 'title', 'province', 'indicator', 'indicator_original', 'imported'],
    sql: `SELECT case_id, title, province, indicator, indicator_original, imported
FROM cases_all WHERE case_id IN (${caseIds.length ? caseIds.map(literal).join(', ') : 'NULL'})
ORDER BY case_id`,
  };
}
