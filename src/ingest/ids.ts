// Stable, readable identifiers for documents, cases and metrics.
//
// case_id = `${province code}-${year}-b${batch}-${seq, 3 digits}`, e.g. fj-2023-b2-029.
//   - year unknown  → `nd` (no date):   fj-nd-b2-029
//   - batch unknown → `bx`:             fj-2023-bx-029
//   - two documents of the same province/year/batch (a city's reprint of the same batch) would collide:
//     the corpus step gives the second one a short document suffix, fj-2023-b2-dbb3a51-001 (d + 6 hex of its content hash) (see pipeline.ts).
// doc_id  = `${province code}-${year}-b${batch}-${8 hex of the FNV-1a hash of the file's bytes}`: the same
//   bytes always give the same id, whatever the file is called.

/** FNV-1a 32-bit hash of bytes, as 8 lowercase hex digits. Pure and fast; not cryptographic. */
export function fnv1aHex(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i];
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The common prefix of a document's ids: province code, year and batch (or their fallbacks). */
export function idPrefix(provinceCode: string, year: number | null, batch: number | null): string {
  return `${provinceCode}-${year ?? 'nd'}-b${batch ?? 'x'}`;
}

export function docId(prefix: string, contentHash: string): string {
  return `${prefix}-${contentHash}`;
}

export function caseId(casePrefix: string, seq: number): string {
  return `${casePrefix}-${String(seq).padStart(3, '0')}`;
}

export function metricId(caseIdValue: string, index: number): string {
  return `${caseIdValue}-m${String(index + 1).padStart(2, '0')}`;
}
