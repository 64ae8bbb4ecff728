// The workspace file: what is written reads back the same; a file of another kind, version or no zip at all
// is refused with its reason; notices already loaded are not added twice.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ImportedDoc } from '../../src/workspace/import-doc.ts';
import { newDocs, readWorkspaceZip, WORKSPACE_KIND, WorkspaceFileError, writeWorkspaceZip } from '../../src/workspace/workspace-file.ts';

const doc = (docId: string, caseIds: string[]): ImportedDoc =>
  ({
    docId,
    sourceFile: `${docId}.txt`,
    importedAt: '2026-01-01T00:00:00Z',
    size: 10,
    document: { doc_id: docId, province: '陕西省' },
    cases: caseIds.map((case_id) => ({ case_id, doc_id: docId, title: '测试案例' })),
    metrics: [],
    similar: [],
    warnings: [],
  }) as unknown as ImportedDoc;

const reason = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof WorkspaceFileError ? [e.key, e.vars] : ['other', String(e)];
  }
  return null;
};

describe('workspace file', () => {
  it('reads back what it wrote', () => {
    const docs = [doc('sn-2024-b4-aaaa', ['sn-2024-b4-001', 'sn-2024-b4-002'])];
    const csv = '\ufeffcase_id,indicator\r\nsn-2024-b4-001,tax\r\n';
    const read = readWorkspaceZip(writeWorkspaceZip(docs, csv, 1));
    expect(read.imports).toEqual(docs);
    // The BOM (kept in the file for Excel) is dropped by the UTF-8 reader.
    expect(read.labelsCsv).toBe(csv.slice(1));
    expect(read.manifest).toMatchObject({ kind: WORKSPACE_KIND, version: 1, imports: 1, labels: 1 });
  });

  it('refuses another kind, another version, a zip without manifest and a non-zip, saying which', () => {
    const zip = (manifest: object) => zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), 'imports.json': strToU8('[]') });
    expect(reason(() => readWorkspaceZip(zip({ kind: 'something.else', version: 1 })))).toEqual(['wsf.wrongKind', { kind: 'something.else' }]);
    expect(reason(() => readWorkspaceZip(zip({ kind: WORKSPACE_KIND, version: 99 })))).toEqual(['wsf.wrongVersion', { version: '99', supported: 1 }]);
    expect(reason(() => readWorkspaceZip(zipSync({ 'a.txt': strToU8('x') }))))?.toEqual(['wsf.noManifest', {}]);
    expect(reason(() => readWorkspaceZip(strToU8('case_id,indicator\n')))).toEqual(['wsf.notZip', {}]);
    const broken = zipSync({ 'manifest.json': strToU8(JSON.stringify({ kind: WORKSPACE_KIND, version: 1 })), 'imports.json': strToU8('[{"x":1}]') });
    expect(reason(() => readWorkspaceZip(broken))).toEqual(['wsf.broken', { what: 'imports.json' }]);
  });

  it('adds only notices not loaded yet (by document id or case id), each once', () => {
    const a = doc('d-a', ['c-1']);
    const b = doc('d-b', ['c-2']);
    const clash = doc('d-c', ['c-9']);
    expect(newDocs([a, b, clash, a], new Set(['d-b']), new Set(['c-9'])).map((d) => d.docId)).toEqual(['d-a']);
  });
});
