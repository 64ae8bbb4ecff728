// STUB (owned by the ingest-text helper): raw text → lines in a simplified normal form.
import type { NormalisedDocument } from './types.ts';

export function toSimplified(text: string): string {
  return text;
}

export function normaliseDocument(raw: string): NormalisedDocument {
  const lines = raw.split(/\r?\n/).map((l, i) => ({ lineNo: i + 1, original: l.trim(), simplified: l.trim() }));
  return { script: 'simplified', lines: lines.filter((l) => l.original !== '') };
}
