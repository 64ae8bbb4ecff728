// The workspace's own statements: typed INSERTs of imported rows, removing an imported document,
// replacing the analyst's labels. Pure (no browser API) so Node tests run the very same statements.
import type { SqlColumn } from '../sql/connector.ts';
import { insertRowsSql } from '../sql/insert.ts';
import { literal } from '../sql/quote.ts';

/** Statements that delete one imported document and its cases and figures. */
export function removeImportedSql(docId: string): string[] {
  const id = literal(docId);
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
