// The source documents a download cites, read from DuckDB when a download asks (the Overview draws without
// the engine; runQuery starts it). Read each time: an import adds notices.
import { runQuery } from '../../db/duckdb.ts';
import { documentsQuery } from '../../queries/data.ts';
import type { Row } from '../../queries/types.ts';

export function sourceDocuments(): Promise<Row[]> {
  return runQuery(documentsQuery().sql);
}
