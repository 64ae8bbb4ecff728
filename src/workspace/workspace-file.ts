// The analyst's workspace as one file a colleague can open in another browser: a zip holding
//   manifest.json  {kind, version, created, imports, labels}: what this file is (checked before anything is read);
//   imports.json   the imported notices as stored in this browser (rows with the confirmed corrections);
//   labels.csv     the analyst's re-labels, in the labels CSV format (case_id, indicator).
// Every part is an open format an analyst can also read elsewhere. Importing adds only what is not here yet:
// a notice already loaded (same doc_id, or any of its case ids) is skipped, and labels replace labels of the
// same case, so the same file imported twice changes nothing the second time.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { DictKey } from '../i18n/dict.ts';
import type { ImportedDoc } from './import-doc.ts';

export const WORKSPACE_KIND = 'yingshang-compare.workspace';
export const WORKSPACE_VERSION = 1;

export interface WorkspaceManifest {
  kind: string;
  version: number;
  created: string;
  imports: number;
  labels: number;
}

export interface WorkspaceContents {
  manifest: WorkspaceManifest;
  imports: ImportedDoc[];
  labelsCsv: string;
}

/** A file that is not a workspace file this app reads; `key` and `vars` say why in the UI's language. */
export class WorkspaceFileError extends Error {
  constructor(
    readonly key: DictKey,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(vars)}`);
    this.name = 'WorkspaceFileError';
  }
}

/** The zip's bytes. `labelCount` is for the manifest only (the CSV is the truth). */
export function writeWorkspaceZip(imports: ImportedDoc[], labelsCsv: string, labelCount: number, created = new Date()): Uint8Array {
  const manifest: WorkspaceManifest = { kind: WORKSPACE_KIND, version: WORKSPACE_VERSION, created: created.toISOString(), imports: imports.length, labels: labelCount };
  return zipSync({
    'manifest.json': strToU8(JSON.stringify(manifest, null, 2)),
    'imports.json': strToU8(JSON.stringify(imports)),
    'labels.csv': strToU8(labelsCsv),
  });
}

function isDoc(value: unknown): value is ImportedDoc {
  const d = value as ImportedDoc;
  return Boolean(d) && typeof d.docId === 'string' && typeof d.sourceFile === 'string' && Array.isArray(d.cases) && Array.isArray(d.metrics) && Array.isArray(d.similar) && typeof d.document === 'object';
}

/** Read and check a workspace file; throws WorkspaceFileError for a file of another kind or version. */
export function readWorkspaceZip(bytes: Uint8Array): WorkspaceContents {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new WorkspaceFileError('wsf.notZip');
  }
  if (!files['manifest.json']) throw new WorkspaceFileError('wsf.noManifest');
  let manifest: WorkspaceManifest;
  try {
    manifest = JSON.parse(strFromU8(files['manifest.json'])) as WorkspaceManifest;
  } catch {
    throw new WorkspaceFileError('wsf.broken', { what: 'manifest.json' });
  }
  if (manifest?.kind !== WORKSPACE_KIND) throw new WorkspaceFileError('wsf.wrongKind', { kind: String(manifest?.kind ?? '?') });
  if (manifest.version !== WORKSPACE_VERSION) {
    throw new WorkspaceFileError('wsf.wrongVersion', { version: String(manifest.version), supported: WORKSPACE_VERSION });
  }
  let imports: unknown;
  try {
    imports = JSON.parse(strFromU8(files['imports.json'] ?? strToU8('[]')));
  } catch {
    throw new WorkspaceFileError('wsf.broken', { what: 'imports.json' });
  }
  if (!Array.isArray(imports) || !imports.every(isDoc)) throw new WorkspaceFileError('wsf.broken', { what: 'imports.json' });
  return { manifest, imports, labelsCsv: files['labels.csv'] ? strFromU8(files['labels.csv']) : '' };
}

/** The imported notices the receiving browser does not have yet (by doc id and by case id). */
export function newDocs(incoming: ImportedDoc[], loadedDocIds: Set<string>, loadedCaseIds: Set<string>): ImportedDoc[] {
  const fresh: ImportedDoc[] = [];
  const docIds = new Set(loadedDocIds);
  const caseIds = new Set(loadedCaseIds);
  for (const doc of incoming) {
    if (docIds.has(doc.docId) || doc.cases.some((c) => caseIds.has(c.case_id))) continue;
    fresh.push(doc);
    docIds.add(doc.docId);
    for (const c of doc.cases) caseIds.add(c.case_id);
  }
  return fresh;
}
