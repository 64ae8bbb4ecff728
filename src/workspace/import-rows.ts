// Imported documents in the database, over any Connector (the browser's, or Node DuckDB in tests): bulk
// insert, restore on load, removal, and what the ingest needs to know of the loaded data.
import type { CaseRow } from '../ingest/types.ts';
import { inTransaction, tableColumns, type Connector } from '../sql/connector.ts';
import { REFRESH_SUMMARY_SQL } from '../sql/workspace-views.ts';
import { changeWorkspace } from './change.ts';
import type { ImportedDoc, LoadedIds } from './import-doc.ts';
import { removeImportedSql } from './workspace-sql.ts';

const IMPORTED_TABLES = ['imported_documents', 'imported_cases', 'imported_metrics', 'imported_similar'] as const;

/**
 * Insert documents' rows in bulk and recompute the Overview's summary, all in one transaction: on any error
 * nothing of them stays.
 */
export async function insertDocs(conn: Connector, docs: ImportedDoc[]): Promise<void> {
  const [documents, cases, metrics, similar] = await Promise.all(IMPORTED_TABLES.map((t) => tableColumns(conn, t)));
  await inTransaction(conn, async () => {
    await conn.insertRows('imported_documents', documents, docs.map((d) => d.document));
    await conn.insertRows('imported_cases', cases, docs.flatMap((d) => d.cases));
    await conn.insertRows('imported_metrics', metrics, docs.flatMap((d) => d.metrics));
    await conn.insertRows('imported_similar', similar, docs.flatMap((d) => d.similar));
    for (const sql of REFRESH_SUMMARY_SQL) await conn.exec(sql);
  });
}

/**
 * On load: insert the stored documents' rows, all at once, and if that fails one at a time, so a stored
 * document that no longer fits the tables does not block the others. Returns the documents restored.
 */
export async function restoreDocs(conn: Connector, stored: ImportedDoc[]): Promise<ImportedDoc[]> {
  if (stored.length === 0) return [];
  // Timed as a performance measure ('restore-imports'): the e2e test reads it.
  const started = performance.now();
  try {
    await insertDocs(conn, stored);
    performance.measure('restore-imports', { start: started, end: performance.now() });
    return stored;
  } catch {
    const restored: ImportedDoc[] = [];
    for (const doc of stored) {
      try {
        await insertDocs(conn, [doc]);
        restored.push(doc);
      } catch (error) {
        console.warn(`imported document ${doc.sourceFile} could not be restored:`, error);
      }
    }
    return restored;
  }
}

/** Remove an imported document's rows from every view. */
export function removeDoc(conn: Connector, docId: string): Promise<void> {
  return changeWorkspace(conn, removeImportedSql(docId));
}

/** What the ingest needs of the loaded data: ids in use, and the cases and documents to dedupe against. */
export async function loadedData(conn: Connector): Promise<LoadedIds> {
  const [caseRows, docRows] = await Promise.all([
    // Only the fields dedupe and similarCases read are needed.
    conn.query<CaseRow>('SELECT case_id, doc_id, province, title, indicator, background, measures, outcomes, has_body, duplicate_of FROM cases_all'),
    conn.query<{ doc_id: string; cases_listed: number }>('SELECT doc_id, cases_listed FROM documents'),
  ]);
  return {
    caseIds: caseRows.map((r) => String(r.case_id)),
    docIds: docRows.map((r) => String(r.doc_id)),
    cases: caseRows,
    documents: docRows.map((r) => ({ doc_id: String(r.doc_id), cases_listed: Number(r.cases_listed) })),
  };
}
