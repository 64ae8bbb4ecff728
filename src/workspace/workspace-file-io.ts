// Export and import of the workspace file in the browser: gathers what this browser stores (imported
// notices in IndexedDB, labels) and feeds a colleague's file through the ordinary import and labels paths.
import { confirmImport } from './imported.ts';
import type { ImportedDoc } from './import-doc.ts';
import { importLabelsCsv, labelsCsv } from './labels.ts';
import { idbGetAll, IMPORTS_STORE } from './persist.ts';
import { workspaceConnection } from './connection.ts';
import { newDocs, readWorkspaceZip, writeWorkspaceZip } from './workspace-file.ts';

export async function exportWorkspaceFile(labelCount: number): Promise<Blob> {
  const stored = await idbGetAll<ImportedDoc>(IMPORTS_STORE);
  stored.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  const bytes = writeWorkspaceZip(stored, labelsCsv(), labelCount);
  return new Blob([bytes as BlobPart], { type: 'application/zip' });
}

export interface WorkspaceImportResult {
  docs: number;
  skipped: number;
  labels: number;
  /** Label rows the labels CSV reader refused (e.g. a case not loaded here). */
  labelProblems: string[];
}

export async function importWorkspaceFile(file: File): Promise<WorkspaceImportResult> {
  const contents = readWorkspaceZip(new Uint8Array(await file.arrayBuffer()));
  const conn = await workspaceConnection();
  const [docs, cases] = await Promise.all([conn.query<{ doc_id: string }>('SELECT doc_id FROM documents'), conn.query<{ case_id: string }>('SELECT case_id FROM cases')]);
  const fresh = newDocs(contents.imports, new Set(docs.map((r) => String(r.doc_id))), new Set(cases.map((r) => String(r.case_id))));
  await confirmImport(fresh);
  const labels = contents.labelsCsv.trim() ? await importLabelsCsv(contents.labelsCsv) : { applied: 0, problems: [] };
  return {
    docs: fresh.length,
    skipped: contents.imports.length - fresh.length,
    labels: labels.applied,
    labelProblems: labels.problems.map((p) => `${p.line}: ${p.message}`),
  };
}
