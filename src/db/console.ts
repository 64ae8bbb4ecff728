// The SQL console's runner: the analyst's free SQL on a connection of its own (so cancelling it never
// cancels a chart's query), sent with send() so a long query can be cancelled (cancelSent()).
// The console only reads, whatever the SQL says (it may come from a link someone else wrote):
// - one statement per run: DuckDB's prepare refuses several, so `COMMIT; DROP VIEW cases` never runs;
// - each run inside `BEGIN TRANSACTION READ ONLY` … ROLLBACK: DuckDB refuses DROP, CREATE OR REPLACE,
//   INSERT … on the views and tables the dashboard reads (TEMP objects are the console's own and rolled back);
// - only statements that start like a read (console-guard.ts): DETACH or ATTACH OR REPLACE, which are no
//   table writes, would otherwise take the published data away from the views;
// - no external access: duckdb.ts turns it off and locks the configuration once the data is attached, so
//   read_csv('http://…'), COPY … TO, ATTACH, LOAD are refused and no SQL can turn them back on.
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { Table } from 'apache-arrow';
import type { Row } from '../queries/types.ts';
import { arrowToRows } from './arrow-rows.ts';
import { assertReadingStatement, NotReadOnlyError } from './console-guard.ts';
import { openConnection } from './duckdb.ts';

export { NotReadOnlyError };

/** Rows kept for display, chart and CSV; a bigger result is cut and says so. */
export const CONSOLE_ROW_LIMIT = 50_000;

export interface ConsoleColumn {
  name: string;
  /** Arrow type, e.g. Utf8, Int32, Float64, List<Utf8>. */
  type: string;
  numeric: boolean;
}

export interface ConsoleResult {
  columns: ConsoleColumn[];
  rows: Row[];
  /** True when the result had more than CONSOLE_ROW_LIMIT rows. */
  truncated: boolean;
  ms: number;
}

export class QueryCancelledError extends Error {
  constructor() {
    super('query cancelled');
    this.name = 'QueryCancelledError';
  }
}

let connPromise: Promise<AsyncDuckDBConnection> | null = null;
let running = false;
let cancelRequested = false;

// After the tables are ready: a console query may read any of them.
function connection(): Promise<AsyncDuckDBConnection> {
  connPromise ??= openConnection();
  return connPromise;
}

/** Run one query (one at a time); rejects with DuckDB's message, or QueryCancelledError. */
export async function runConsoleQuery(sql: string): Promise<ConsoleResult> {
  if (running) throw new Error('another query is still running');
  // Running from the click on: a cancel while the tables are still loading must not be lost.
  running = true;
  cancelRequested = false;
  const started = performance.now();
  try {
    const conn = await connection();
    if (cancelRequested) throw new QueryCancelledError();
    // DuckDB parses first (its own message for a syntax error or several statements), then the read check.
    await checkSingleStatement(conn, sql);
    assertReadingStatement(sql);
    await conn.query('BEGIN TRANSACTION READ ONLY');
    let table: Table;
    try {
      const reader = await conn.send(sql);
      if (cancelRequested) throw new QueryCancelledError();
      const batches = [];
      let count = 0;
      for await (const batch of reader) {
        if (cancelRequested) throw new QueryCancelledError();
        batches.push(batch);
        count += batch.numRows;
        if (count > CONSOLE_ROW_LIMIT) break;
      }
      table = batches.length > 0 ? new Table(batches) : new Table(reader.schema);
    } finally {
      // Not awaited: after a cancel it would wait for DuckDB to stop; the connection runs its requests in order,
      // so the next run's BEGIN still comes after it. Fails harmlessly when the statement ended the transaction.
      void conn.query('ROLLBACK').catch(() => undefined);
    }
    const all = arrowToRows(table);
    const columns = table.schema.fields.map((f) => {
      const type = String(f.type);
      return { name: f.name, type, numeric: /^(Int|Uint|Float|Decimal)/.test(type) };
    });
    return { columns, rows: all.slice(0, CONSOLE_ROW_LIMIT), truncated: all.length > CONSOLE_ROW_LIMIT, ms: performance.now() - started };
  } catch (error) {
    if (cancelRequested) throw new QueryCancelledError();
    if (error instanceof NotReadOnlyError) throw error;
    throw new Error(duckdbMessage(error), { cause: error });
  } finally {
    running = false;
  }
}

/** Throws DuckDB's own error for text holding several statements (or none, or one that does not parse). */
async function checkSingleStatement(conn: AsyncDuckDBConnection, sql: string): Promise<void> {
  const statement = await conn.prepare(sql);
  await statement.close();
}

/**
 * DuckDB-wasm reports errors as JSON ({"exception_type":"Parser","exception_message":"syntax error …"});
 * show them the way DuckDB's shell does: "Parser Error: syntax error …".
 */
export function duckdbMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(raw) as { exception_type?: string; exception_message?: string };
    if (parsed.exception_message) return `${parsed.exception_type ?? ''} Error: ${parsed.exception_message}`.trim();
  } catch {
    // Not JSON: already a plain message.
  }
  return raw;
}

/** Ask DuckDB to stop the running console query. */
export async function cancelConsoleQuery(): Promise<void> {
  if (!running) return;
  cancelRequested = true;
  // Before the connection exists there is nothing to cancel in DuckDB: the flag stops the query from being sent.
  if (!connPromise) return;
  const conn = await connPromise;
  await conn.cancelSent();
}
