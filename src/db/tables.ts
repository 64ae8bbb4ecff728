// Which Parquet file feeds which DuckDB table. The published files load into base_* tables; every query
// reads the views of the same name without the prefix (`cases`, …), which union the analyst's imported
// documents and overlay their labels in one place (workspace-sql.ts).
import { WORKSPACE_VIEWS_SQL } from './workspace-sql.ts';

export interface DataFile {
  /** File name under public/data/ (also what errors and downloads name). */
  file: string;
  /** Table it is loaded into. */
  table: string;
  /** Shown in the Data view's download list. */
  label: { zh: string; en: string };
  /** SQL columns to create an empty table with when an optional file is absent. */
  emptySchema?: string;
  /**
   * Loaded after the landing view's tables, in the background: the app is usable before it arrives and
   * only queries that read its view wait for it (duckdb.ts).
   */
  background?: boolean;
}

export const DATA_FILES: DataFile[] = [
  { file: 'documents.parquet', table: 'base_documents', label: { zh: '来源文件', en: 'Source documents' } },
  { file: 'cases.parquet', table: 'base_cases', label: { zh: '案例', en: 'Cases' } },
  { file: 'metrics.parquet', table: 'base_metrics', label: { zh: '数据指标（数字）', en: 'Figures' }, background: true },
  { file: 'indicators.parquet', table: 'indicators', label: { zh: '指标分类', en: 'Indicator taxonomy' } },
  {
    file: 'similar.parquet',
    table: 'base_similar',
    label: { zh: '相似案例', en: 'Similar cases' },
    // Similarity is an add-on: the dashboard works without it.
    emptySchema: 'case_id VARCHAR, other_case_id VARCHAR, score DOUBLE, shared_terms VARCHAR[]',
    background: true,
  },
];

/**
 * Statements run once all files are loaded (workspace-sql.ts): documents, cases, metrics and "similar"
 * are views over the base_* tables, unioned with what the analyst imports in the browser; `cases` also
 * overlays the analyst's labels.
 */
export const VIEWS_SQL = WORKSPACE_VIEWS_SQL;

/** The statements of VIEWS_SQL that read a base table: they can run once that table is loaded. */
export function viewsSqlFor(baseTable: string): string[] {
  return VIEWS_SQL.filter((sql) => new RegExp(`\\b${baseTable}\\b`).test(sql));
}

/** Whether SQL names a data file's table or its view (`base_metrics` / `metrics`), so must wait for it. */
export function queryReads(sql: string, file: DataFile): boolean {
  return new RegExp(`\\b(${publicTableName(file)}|${file.table})\\b`, 'i').test(sql);
}

/** The table name a user sees for a data file (`cases` rather than `base_cases`). */
export function publicTableName(file: DataFile): string {
  // Every base_* table is read through the view of the same name without the prefix.
  return file.table.replace(/^base_/, '');
}

export function dataUrl(file: string): string {
  return `${import.meta.env.BASE_URL}data/${file}`;
}
