// Named queries of the Data view: source documents, taxonomy with counts, whole tables for download.
import { ident, literal } from './sql.ts';
import type { NamedQuery } from './types.ts';

/** Source documents with how many cases each lists and parses, rows in the table (a listed case with no body still has one), and duplicates. */
export function documentsQuery(): NamedQuery {
  return {
    id: 'data.documents',
    sql: `SELECT d.doc_id, d.source_file, d.source_url, d.province, d.title, d.issuer, d.published, d.year, d.batch, d.script,
  d.cases_listed, d.cases_parsed,
  count(c.case_id)::INTEGER AS cases_in_table,
  count(c.case_id) FILTER (WHERE c.has_body)::INTEGER AS cases_with_body,
  count(c.duplicate_of)::INTEGER AS duplicates
FROM documents d
LEFT JOIN cases_all c ON c.doc_id = d.doc_id
GROUP BY ALL
ORDER BY d.province, d.year, d.batch NULLS LAST, d.doc_id`,
  };
}

/** The taxonomy with the number of (non-duplicate) cases filed under each indicator. */
export function taxonomyQuery(): NamedQuery {
  return {
    id: 'data.taxonomy',
    sql: `SELECT i.code, i.name_zh, i.name_en, i.sort,
  count(c.case_id)::INTEGER AS cases
FROM indicators i
LEFT JOIN cases c ON c.indicator = i.code AND c.duplicate_of IS NULL
GROUP BY i.code, i.name_zh, i.name_en, i.sort
ORDER BY i.sort, i.code`,
  };
}

/** The view holding every row of a data file: `cases` hides reprints, the file (cases.parquet) keeps them. */
const sourceOf = (table: string) => (table === 'cases' ? 'cases_all' : table);

/** Every row of a table, for the CSV download (`table` is one of ours, quoted for `similar`). */
export function wholeTableQuery(table: string): NamedQuery {
  return { id: `data.${table}`, sql: `SELECT * FROM ${ident(sourceOf(table))}` };
}

/** Row count of each table. */
export function tableCountsQuery(tables: string[]): NamedQuery {
  return {
    id: 'data.tableCounts',
    sql: tables.map((t) => `SELECT ${literal(t)} AS "table", count(*)::INTEGER AS n FROM ${ident(sourceOf(t))}`).join('\nUNION ALL\n'),
  };
}
