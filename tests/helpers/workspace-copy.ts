// A document "imported in the browser" for tests of the workspace layer: a published document copied into the
// workspace tables under new ids (`-copy` appended), with the same texts, figures, places and similar pairs.
import { REFRESH_SUMMARY_SQL } from '../../src/sql/indexes.ts';
import { literal } from '../../src/sql/quote.ts';
import { replaceLabelsSql } from '../../src/workspace/workspace-sql.ts';

/** Statements importing a copy of published document `docId` (ids suffixed `-copy`). */
export function importCopySql(docId: string): string[] {
  const d = literal(docId);
  return [
    `INSERT INTO imported_documents SELECT * REPLACE (doc_id || '-copy' AS doc_id) FROM base_documents WHERE doc_id = ${d}`,
    `INSERT INTO imported_cases SELECT * REPLACE (case_id || '-copy' AS case_id, doc_id || '-copy' AS doc_id,
       duplicate_of || '-copy' AS duplicate_of) FROM base_cases WHERE doc_id = ${d}`,
    `INSERT INTO imported_metrics SELECT m.* REPLACE (m.metric_id || '-copy' AS metric_id, m.case_id || '-copy' AS case_id)
       FROM base_metrics m JOIN base_cases c USING (case_id) WHERE c.doc_id = ${d}`,
    // Its similar pairs, now between the imported copy and the published counterpart.
    `INSERT INTO imported_similar SELECT s.* REPLACE (s.case_id || '-copy' AS case_id)
       FROM base_similar s JOIN base_cases c USING (case_id) WHERE c.doc_id = ${d}`,
  ];
}

/** Statements emptying the workspace (imports and labels) and recomputing the summaries. */
export const CLEAR_WORKSPACE_SQL: string[] = [
  'DELETE FROM imported_similar',
  'DELETE FROM imported_metrics',
  'DELETE FROM imported_cases',
  'DELETE FROM imported_documents',
  ...replaceLabelsSql([]),
  ...REFRESH_SUMMARY_SQL,
];
