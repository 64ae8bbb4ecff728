// Named queries of the Data view: source documents, taxonomy with counts, whole tables for download.
import { DATA_FILES } from '../sql/tables.ts';
import { ident, literal } from './sql.ts';
import type { NamedQuery, Row } from './types.ts';

/** A source document (dates arrive as ISO 'YYYY-MM-DD' strings, db/arrow-rows.ts) with its case counts. */
export type DocumentListRow = {
  doc_id: string;
  source_file: string;
  source_url: string | null;
  province: string | null;
  title: string | null;
  issuer: string | null;
  published: string | null;
  year: number | null;
  batch: number | null;
  script: string;
  cases_listed: number;
  cases_parsed: number;
  cases_in_table: number;
  cases_with_body: number;
  duplicates: number;
};

/** Source documents with how many cases each lists and parses, rows in the table (a listed case with no body still has one), and duplicates. */
export function documentsQuery(): NamedQuery<DocumentListRow> {
  return {
    id: 'data.documents',
    columns: [
      'doc_id', 'source_file', 'source_url', 'province', 'title', 'issuer', 'published', 'year', 'batch', 'script',
      'cases_listed', 'cases_parsed', 'cases_in_table', 'cases_with_body', 'duplicates',
    ],
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

export type TaxonomyRow = { code: string; name_zh: string; name_en: string; sort: number; cases: number };

/** The taxonomy with the number of (non-duplicate) cases filed under each indicator. */
export function taxonomyQuery(): NamedQuery<TaxonomyRow> {
  return {
    id: 'data.taxonomy',
    columns: ['code', 'name_zh', 'name_en', 'sort', 'cases'],
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

/**
 * Every row of a table, for the CSV download (`table` is one of ours, quoted for `similar`). Plain `Row`s:
 * the table is chosen at run time and the download writes whatever columns it has, so no one row type fits.
 */
export function wholeTableQuery(table: string): NamedQuery<Row> {
  return { id: `data.${table}`, sql: `SELECT * FROM ${ident(sourceOf(table))}` };
}

/**
 * Row count of each table: the published rows (DuckDB counts a table from its metadata, reading no column)
 * plus the imported ones. Labels change no row count, so the views' joins are not needed here.
 */
export type TableCountRow = { table: string; n: number };

export function tableCountsQuery(tables: string[]): NamedQuery<TableCountRow> {
  const count = (t: string) => {
    const file = DATA_FILES.find((f) => f.published === t);
    const imported = IMPORTED_OF[t];
    const parts = [`(SELECT count(*) FROM ${ident(file?.base ?? sourceOf(t))})`];
    if (imported) parts.push(`(SELECT count(*) FROM ${imported})`);
    return `SELECT ${literal(t)} AS "table", (${parts.join(' + ')})::INTEGER AS n`;
  };
  return { id: 'data.tableCounts', columns: ['table', 'n'], sql: tables.map(count).join('\nUNION ALL\n') };
}

/** The workspace table of imported rows behind each table that has one (sql/workspace-views.ts). */
const IMPORTED_OF: Record<string, string> = {
  documents: 'imported_documents',
  cases: 'imported_cases',
  metrics: 'imported_metrics',
  similar: 'imported_similar',
};
