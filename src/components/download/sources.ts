// The source documents a download cites, read from DuckDB when a download asks (the Overview draws without
// the engine; runQuery starts it). Read each time: an import adds notices.
import { runNamedQuery } from '../../db/duckdb.ts';
import { documentsQuery, type DocumentListRow } from '../../queries/data.ts';

export function sourceDocuments(): Promise<DocumentListRow[]> {
  return runNamedQuery(documentsQuery());
}
