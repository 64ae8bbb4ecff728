// Named queries of the Data view: source documents, taxonomy with counts, whole tables for download.
import { DATA_FILES } from '../sql/tables.ts';
import { ident, literal } from './sql.ts';
import type { NamedQuery } from './types.ts';

/** Source documents with how many cases each lists and parses, rows in the table (a listed case with no body still has one), and duplicates. */
export function documentsQuery(): NamedQuery {
  return {
    id: 'data.documents',
    sql: `SELECT d.doc_id, d.source_file, d.source_url, d.province, d.title, d.issuer, d.published, d.year, d.batch, d.script,
  d.cases_listed, d.cases_parsed,
  coalesce(n.cases_in_table, 0)::INTEGER AS cases_in_table,
  coalesce(n.cases_with_body, 0)::INTEGER AS cases_with_body,
  coalesce(n.duplicates, 0)::INTEGER AS duplicates
FROM documents d
LEFT JOIN document_counts n ON n.doc_id = d.doc_id
ORDER BY d.province, d.year, d.batch NULLS LAST, d.doc_id`,
  };
}

/** The taxonomy with the number of (non-duplicate) cases filed under each indicator. */
export function taxonomyQuery(): NamedQuery {
  return {
    id: 'data.taxonomy',
    sql: `SELECT i.code, i.name_zh, i.name_en, i.sort,
  coalesce(sum(s.cases), 0)::INTEGER AS cases
FROM indicators i
LEFT JOIN case_summary s ON s.indicator = i.code
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

/**
 * Row count of each table: the published rows (DuckDB counts a table from its metadata, reading no column)
 * plus the imported ones. Labels change no row count, so the views' joins are not needed here.
 */
export function tableCountsQuery(tables: string[]): NamedQuery {
  const count = (t: string) => {
    const file = DATA_FILES.find((f) => f.published === t);
    const imported = IMPORTED_OF[t];
    const parts = [`(SELECT count(*) FROM ${ident(file?.base ?? sourceOf(t))})`];
    if (imported) parts.push(`(SELECT count(*) FROM ${imported})`);
    return `SELECT ${literal(t)} AS "table", (${parts.join(' + ')})::INTEGER AS n`;
  };
  return { id: 'data.tableCounts', sql: tables.map(count).join('\nUNION ALL\n') };
}

/** The workspace table of imported rows behind each table that has one (sql/workspace-views.ts). */
const IMPORTED_OF: Record<string, string> = {
  documents: 'imported_documents',
  cases: 'imported_cases',
  metrics: 'imported_metrics',
  similar: 'imported_similar',
};
