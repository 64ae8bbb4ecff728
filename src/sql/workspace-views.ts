// The views every query reads, in SQL: the published dataset with, layered over it, the analyst's workspace
// (documents imported in the browser and the analyst's own indicator labels). Pure (no browser API): the
// browser (db/duckdb.ts) and Node (export/app-tables.ts, tests) create exactly these.
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
// sql/indexes.ts; every change of the workspace recomputes case_summary in the same transaction
// (REFRESH_SUMMARY_SQL, workspace/change.ts).

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

/** Recompute the workspace-dependent indexes after the workspace tables changed (sql/indexes.ts). */
export { REFRESH_SUMMARY_SQL } from './indexes.ts';
