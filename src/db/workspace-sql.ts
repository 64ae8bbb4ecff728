// The analyst's workspace in SQL (issue 4): documents imported in the browser and the analyst's own
// indicator labels, layered over the published dataset. Pure (no browser API) so Node tests run the
// very same statements.
//
// The published tables (base_* views over dashboard.duckdb) keep the contract's columns; what the analyst adds lives beside them:
//   imported_documents / _cases / _metrics / _similar       — same columns as the base tables
//   case_labels (case_id, indicator, labelled_at)            — the analyst's re-filing
// and the names every query reads are views that union / overlay them:
//   documents = base_documents ∪ imported_documents        (+ imported BOOLEAN)
//   metrics   = base_metrics ∪ imported_metrics,  similar = base_similar ∪ imported_similar
//   cases_all = (base_cases ∪ imported_cases) ⟕ case_labels (+ imported BOOLEAN, indicator_original,
//               indicator_name_zh/en): every case row, reprints included
//   cases     = cases_all without the reprints (duplicate_of IS NULL): what every chart counts
// A label replaces `indicator` and sets indicator_source = 'analyst'; the ingest's own code stays in
// `indicator_original` so the case page can say what the analyst changed.
//
// The views' indexes built at export (case_summary, case_list, …) are layered over these views in
// src/queries/indexes.ts; every change of the workspace recomputes case_summary in the same transaction
// (REFRESH_SUMMARY_SQL, workspace.ts changeWorkspace).

/** Statements run once the published tables are attached (idempotent). */
export const WORKSPACE_VIEWS_SQL: string[] = [
  'CREATE TABLE IF NOT EXISTS imported_documents AS SELECT * FROM base_documents LIMIT 0',
  'CREATE TABLE IF NOT EXISTS imported_cases AS SELECT * FROM base_cases LIMIT 0',
  'CREATE TABLE IF NOT EXISTS imported_metrics AS SELECT * FROM base_metrics LIMIT 0',
  'CREATE TABLE IF NOT EXISTS imported_similar AS SELECT * FROM base_similar LIMIT 0',
  'CREATE TABLE IF NOT EXISTS case_labels (case_id VARCHAR PRIMARY KEY, indicator VARCHAR NOT NULL, labelled_at TIMESTAMP)',
  `CREATE OR REPLACE VIEW documents AS
     SELECT *, false AS imported FROM base_documents
     UNION ALL BY NAME
     SELECT *, true AS imported FROM imported_documents`,
  `CREATE OR REPLACE VIEW metrics AS
     SELECT * FROM base_metrics
     UNION ALL BY NAME
     SELECT * FROM imported_metrics`,
  `CREATE OR REPLACE VIEW "similar" AS
     SELECT * FROM base_similar
     UNION ALL BY NAME
     SELECT * FROM imported_similar`,
  // cases_all: every case row, reprints included (duplicate_of names the canonical case);
  // cases: the canonical cases only, so a plain GROUP BY in the SQL console counts what the charts count.
  // Both carry the indicator's names, so an analyst reads 获得电力 without a join.
  `CREATE OR REPLACE VIEW cases_all AS
     WITH unioned AS (
       SELECT *, false AS imported FROM base_cases
       UNION ALL BY NAME
       SELECT * REPLACE (list_append(flags, 'imported') AS flags), true AS imported FROM imported_cases
     )
     SELECT u.* REPLACE (
              coalesce(l.indicator, u.indicator) AS indicator,
              CASE WHEN l.indicator IS NULL THEN u.indicator_source ELSE 'analyst' END AS indicator_source
            ),
            CASE WHEN l.indicator IS NULL THEN NULL ELSE u.indicator END AS indicator_original,
            i.name_zh AS indicator_name_zh, i.name_en AS indicator_name_en
     FROM unioned u LEFT JOIN case_labels l ON l.case_id = u.case_id
     LEFT JOIN indicators i ON i.code = coalesce(l.indicator, u.indicator)`,
  'CREATE OR REPLACE VIEW cases AS SELECT * FROM cases_all WHERE duplicate_of IS NULL',
  `CREATE OR REPLACE VIEW case_figures AS
     SELECT case_id, figures FROM base_case_figures
     UNION ALL
     SELECT case_id, count(*)::INTEGER AS figures FROM imported_metrics GROUP BY case_id`,
];

/** Recompute the workspace-dependent indexes after the workspace tables changed (src/queries/indexes.ts). */
export { REFRESH_SUMMARY_SQL } from '../queries/indexes.ts';

export interface SqlColumn {
  name: string;
  /** DuckDB type as DESCRIBE prints it: VARCHAR, INTEGER, DOUBLE, BOOLEAN, DATE, VARCHAR[] … */
  type: string;
}

/** A SQL string literal with quotes doubled. */
export function stringLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** One JS value as a SQL literal of the column's type (null/undefined → NULL). */
export function sqlValue(value: unknown, type: string): string {
  if (value === null || value === undefined) return 'NULL';
  const upper = type.toUpperCase();
  if (upper.endsWith('[]')) {
    if (!Array.isArray(value)) throw new Error(`expected a list for ${type}, got ${typeof value}`);
    const item = upper.slice(0, -2);
    return `[${value.map((v) => sqlValue(v, item)).join(', ')}]::${upper}`;
  }
  if (upper === 'BOOLEAN') return value ? 'true' : 'false';
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|DOUBLE|FLOAT|REAL|DECIMAL.*)$/.test(upper)) {
    const n = Number(value);
    if (!Number.isFinite(n)) return 'NULL';
    return `CAST(${n} AS ${upper})`;
  }
  if (upper === 'DATE' || upper === 'TIMESTAMP') return `CAST(${stringLiteral(String(value))} AS ${upper})`;
  return stringLiteral(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * INSERT statements for `rows` into `table`, in chunks (a long document's bodies make big statements).
 * Only the table's own columns are written, by name; a column the rows lack is NULL.
 */
export function insertRowsSql(table: string, columns: SqlColumn[], rows: readonly object[], chunk = 100): string[] {
  const names = columns.map((c) => `"${c.name.replaceAll('"', '""')}"`).join(', ');
  const statements: string[] = [];
  for (let start = 0; start < rows.length; start += chunk) {
    const values = rows.slice(start, start + chunk).map((row) => {
      const record = row as Record<string, unknown>;
      return `(${columns.map((c) => sqlValue(record[c.name], c.type)).join(', ')})`;
    });
    statements.push(`INSERT INTO ${table} (${names}) VALUES\n${values.join(',\n')}`);
  }
  return statements;
}

/** Statements that delete one imported document and its cases and figures. */
export function removeImportedSql(docId: string): string[] {
  const id = stringLiteral(docId);
  const cases = `(SELECT case_id FROM imported_cases WHERE doc_id = ${id})`;
  return [
    `DELETE FROM imported_similar WHERE case_id IN ${cases} OR other_case_id IN ${cases}`,
    `DELETE FROM imported_metrics WHERE case_id IN (SELECT case_id FROM imported_cases WHERE doc_id = ${id})`,
    `DELETE FROM imported_cases WHERE doc_id = ${id}`,
    `DELETE FROM imported_documents WHERE doc_id = ${id}`,
  ];
}

export interface LabelRow {
  case_id: string;
  indicator: string;
  /** ISO time the analyst set it. */
  labelled_at: string;
}

/** Replace all labels in the table by `labels` (the browser store is the source of truth). */
export function replaceLabelsSql(labels: readonly LabelRow[]): string[] {
  const columns: SqlColumn[] = [
    { name: 'case_id', type: 'VARCHAR' },
    { name: 'indicator', type: 'VARCHAR' },
    { name: 'labelled_at', type: 'TIMESTAMP' },
  ];
  const rows = labels.map((l) => ({ ...l, labelled_at: l.labelled_at.replace('T', ' ').replace(/Z$/, '') }));
  return ['DELETE FROM case_labels', ...insertRowsSql('case_labels', columns, rows, 500)];
}
