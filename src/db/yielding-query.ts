// A query that gives way. DuckDB-wasm's worker answers one request at a time: a long read asked with query() holds
// every query asked after it until it ends. Asked as a pending query instead, the worker runs it in slices (the
// database's `queryPollingInterval`, duckdb.ts) and answers one poll per slice; before each poll — and each chunk of
// the result — `giveWay` is awaited, so another connection's queries asked meanwhile are answered between two
// slices instead of after the whole read.
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { RecordBatchReader, Table } from 'apache-arrow';

/** Resolves when the read may take its next slice (e.g. once no view's query is running). */
export type GiveWay = () => Promise<void>;

/**
 * Runs `sql` on `conn` (which must run nothing else meanwhile: a connection has one pending query) and returns its
 * whole result. DuckDB's errors reject as they would from query().
 */
export function yieldingQuery(conn: AsyncDuckDBConnection, sql: string, giveWay: GiveWay): Promise<Table> {
  return conn.useUnsafe(async (bindings, id) => {
    await giveWay();
    // Materialised (not streamed): the result is complete once a poll returns its header, whatever runs next.
    let header = await bindings.startPendingQuery(id, sql, false);
    while (header === null) {
      await giveWay();
      header = await bindings.pollPendingQuery(id);
    }
    const first = header;
    // The header (an Arrow IPC schema message), then one record batch message per chunk; an empty chunk ends it.
    async function* messages(): AsyncGenerator<Uint8Array> {
      yield first;
      for (;;) {
        await giveWay();
        const chunk = await bindings.fetchQueryResults(id);
        if (chunk === null) continue; // the worker asks to be polled again
        if (chunk.length === 0) return;
        yield chunk;
      }
    }
    const reader = await RecordBatchReader.from(messages());
    const batches = [];
    for await (const batch of reader) batches.push(batch);
    return batches.length > 0 ? new Table(batches) : new Table(reader.schema);
  });
}
