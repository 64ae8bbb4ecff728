// The analyst's workspace: documents imported in the browser and the analyst's own indicator labels,
// layered over the published data (sql/workspace-views.ts), kept in this browser, and carried to a
// colleague as one file. The one way in for the rest of the app.
import type { WorkspaceImportResult } from './workspace-file-io.ts';

export { restoreWorkspace } from './restore.ts';
export { confirmImport, ImportCancelled, previewImport, readImportFiles, removeImport, useImports, type ImportSummary } from './imported.ts';
export { clearLabels, importLabelsCsv, labelsCsv, setLabel, useLabels, type LabelImportResult } from './labels.ts';
export {
  keepCases,
  MAX_IMPORT_BYTES,
  type ImportedDoc,
  type ImportFailure,
  type ImportFile,
  type ImportOutcome,
  type ImportProgress,
  type PreviewDoc,
} from './import-doc.ts';
export { IMPORT_ACCEPT } from '../ingest/formats.ts';
export type { WorkspaceFileError } from './workspace-file.ts';
export type { WorkspaceImportResult };

// The workspace file's zip code (fflate) loads when a file is saved or opened, not with the page header.

export async function exportWorkspaceFile(labelCount: number): Promise<Blob> {
  return (await import('./workspace-file-io.ts')).exportWorkspaceFile(labelCount);
}

export async function importWorkspaceFile(file: File): Promise<WorkspaceImportResult> {
  return (await import('./workspace-file-io.ts')).importWorkspaceFile(file);
}
