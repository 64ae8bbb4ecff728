// STUB (owned by the ingest-text helper): a normalised document → header, cases, parts.
import type { NormalisedDocument, SegmentResult } from './types.ts';

export function segmentDocument(doc: NormalisedDocument): SegmentResult {
  return {
    header: { title: null, issuer: null, year: null, batch: null, published: null, casesAnnounced: null },
    cases: [],
    headerLineNos: [],
    unassigned: doc.lines,
  };
}
