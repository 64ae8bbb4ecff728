// The one module that owns DuckDB-wasm (like Evidence's browser.js / Mosaic's Coordinator): lazy,
// guarded start in a Web Worker from bundles the app serves itself (no CDN, works offline), then the
// published database file (dashboard.duckdb) attached read-only over HTTP. DuckDB reads the blocks a
// query touches with Range requests, so nothing is downloaded, decoded or inserted up front.
// Views never import duckdb-wasm; they call runQuery (or useSql) with a named query.
import * as duckdb from '@duckdb/duckdb-wasm';
import { Table } from 'apache-arrow';
import ehWorker from './duckdb-worker-eh.ts?worker&url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import type { NamedQuery, Row } from '../queries/types.ts';
import { arrowToRows } from './arrow-rows.ts';
import { backgroundQueue } from './background-queue.ts';
import { checkDatabaseFile, DataFileError } from './database-file.ts';
import { emitLoad } from './load-progress.ts';
import { attachSql, baseViewSql, DASHBOARD_DB_FILE, PUBLISHED_TABLES, readExportStamp, VIEWS_SQL } from '../sql/tables.ts';
import { dataUrl } from './data-url.ts';
import { afterAttach } from './after-attach.ts';
import { wasmConnector } from './wasm-connector.ts';
import { msUntilQuiet } from '../state/page-activity.ts';

export { DataFileError };

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/**
 * Leaves `duckdb:<step>` on the performance timeline (DevTools, the benchmark's start timeline:
 * scripts/bench/start-timeline.ts), so where the engine's start goes can be read off any cold load.
 */
function markStep(step: string): void {
  performance.mark(`duckdb:${step}`);
}

/** The views and tables over the base views (which attachPublishedData creates). */
const BASE_VIEWS_SQL = new Set(PUBLISHED_TABLES.map(baseViewSql));
const VIEWS_OVER_BASE_SQL = VIEWS_SQL.filter((sql) => !BASE_VIEWS_SQL.has(sql));

/** A view's query asked while a background read runs waits at most about this long (plus one message each way). */
const PENDING_QUERY_SLICE_MS = 10;

let dbPromise: Promise<duckdb.AsyncDuckDB> | null = null;
let connPromise: Promise<duckdb.AsyncDuckDBConnection> | null = null;
let readyPromise: Promise<void> | null = null;

/** The database, started once (concurrent callers share the same start). */
export function getDb(): Promise<duckdb.AsyncDuckDB> {
  dbPromise ??= (async () => {
    emitLoad({ phase: 'engine' });
    markStep('start');
    const bundle = await duckdb.selectBundle(BUNDLES);
    // Ours wraps DuckDB-wasm's eh worker and is built as an ES module worker; the mvp fallback is DuckDB-wasm's own.
    const worker = new Worker(bundle.mainWorker!, { type: bundle.mainWorker === ehWorker ? 'module' : 'classic' });
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    markStep('instantiated');
    await db.open({
      // BigInt (count(*)) and DECIMAL (sum of ints) come back as plain JS numbers.
      // A pending query (send(): background reads, the SQL console) runs in slices of this many ms, between which
      // the worker answers other requests (pending-query-relay.ts; DuckDB-wasm's default is 100).
      query: { castBigIntToDouble: true, castDecimalToDouble: true, queryPollingInterval: PENDING_QUERY_SLICE_MS },
      // Read the attached file by HTTP Range requests instead of downloading all of it.
      filesystem: { forceFullHTTPReads: false },
    });
    markStep('opened');
    return db;
  })();
  return dbPromise;
}

function getConnection(): Promise<duckdb.AsyncDuckDBConnection> {
  connPromise ??= getDb().then((db) => db.connect());
  return connPromise;
}

const publishedFileUrl = () => new URL(dataUrl(DASHBOARD_DB_FILE), location.href).href;

let checkPromise: Promise<void> | null = null;

/**
 * DuckDB's own error for a missing or wrong file is "database does not exist": the file is checked first, to say
 * which. Once per page, and started with the engine (loadTables): its round trip needs no engine, so it is not
 * waited for after it.
 */
function publishedFileChecked(): Promise<void> {
  checkPromise ??= checkDatabaseFile(publishedFileUrl(), DASHBOARD_DB_FILE).then(() => markStep('checked'));
  return checkPromise;
}

/**
 * Attach dashboard.duckdb read-only as `published` on `conn` and create a base view over each of its tables.
 * Errors are DataFileErrors naming the file and what is wrong. Also used by the benchmark's floor page.
 */
export async function attachPublishedData(db: duckdb.AsyncDuckDB, conn: duckdb.AsyncDuckDBConnection): Promise<void> {
  const url = publishedFileUrl();
  await publishedFileChecked();
  await db.registerFileURL(DASHBOARD_DB_FILE, url, duckdb.DuckDBDataProtocol.HTTP, false);
  try {
    await conn.query(attachSql());
  } catch (error) {
    throw new DataFileError(DASHBOARD_DB_FILE, `cannot be opened (${(error as Error).message})`);
  }
  markStep('attached');
  // A base view that cannot be created is the file missing that table. Checked this way rather than by listing
  // the file's tables first: duckdb_tables() cost 70-100 ms of the start (0.5 s under load), for an answer
  // the base views give anyway.
  for (const table of PUBLISHED_TABLES) {
    try {
      await conn.query(baseViewSql(table));
    } catch (error) {
      if (/does not exist/i.test((error as Error).message)) throw new DataFileError(DASHBOARD_DB_FILE, `has no table ${table.published}`);
      throw error;
    }
  }
}

/**
 * Once the published file is attached (its HTTP reads go on), nothing may reach a file or the network
 * again: no read_csv('http://…'), COPY … TO, ATTACH or LOAD from the SQL console, a link or anywhere. The
 * lock keeps any later SQL from turning it back on. The workspace tables are in memory, so imports and
 * labels still work.
 */
async function lockDown(conn: duckdb.AsyncDuckDBConnection): Promise<void> {
  await conn.query('SET enable_external_access = false');
  await conn.query('SET lock_configuration = true');
}

/** Attach the published data, create the views, run the after-attach step (the app's workspace restore). */
async function loadTables(): Promise<void> {
  publishedFileChecked().catch(() => undefined); // awaited (and its error thrown) by attachPublishedData
  const db = await getDb();
  const conn = await getConnection();
  emitLoad({ phase: 'data', done: [], total: 1 });
  await attachPublishedData(db, conn);
  for (const sql of VIEWS_OVER_BASE_SQL) await conn.query(sql);
  // A stamp that cannot be read is none: the saved answers are asked again, as before stamps.
  attachedStamp = await readExportStamp(wasmConnector(conn)).catch(() => null);
  markStep('views');
  emitLoad({ phase: 'data', done: [DASHBOARD_DB_FILE], total: 1 });
  // Before the views first query (main.tsx sets it: the analyst's imported documents and labels go back in).
  await afterAttach(wasmConnector(conn));
  markStep('after-attach');
  await lockDown(conn);
  markStep('ready');
  emitLoad({ phase: 'ready' });
}

/** The attached file's export stamp (null: a file written before stamps). */
let attachedStamp: string | null = null;

/**
 * Once the tables are ready, the stamp of the attached dashboard.duckdb: saved answers carrying the same one were
 * computed from this very file (src/sql/tables.ts EXPORT_STAMP_TABLE).
 */
export async function publishedExportStamp(): Promise<string | null> {
  await tablesReady();
  return attachedStamp;
}

/** Resolves once the tables and views exist and the after-attach step ran; rejects with a DataFileError. */
export function tablesReady(): Promise<void> {
  readyPromise ??= loadTables().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    emitLoad({ phase: 'error', message });
    throw error;
  });
  return readyPromise;
}

/**
 * A connection of the caller's own, opened once the tables are ready (the SQL console's, the workspace's
 * writes): its transactions and cancels never touch the dashboard's queries.
 */
export async function openConnection(): Promise<duckdb.AsyncDuckDBConnection> {
  await tablesReady();
  return (await getDb()).connect();
}

/** Run SQL once the tables are ready; rows are plain objects (see arrow-rows.ts). */
export async function runQuery(sql: string): Promise<Row[]> {
  await tablesReady();
  const conn = await getConnection();
  const table = await conn.query(sql);
  return arrowToRows(table);
}

/**
 * Run a named query; its rows typed as the query declares them (`NamedQuery<R>`). The engine returns plain
 * rows: the declared columns are checked against the SQL by the query's tests (tests/queries/columns.ts).
 */
export async function runNamedQuery<R extends object>(query: NamedQuery<R>): Promise<R[]> {
  return (await runQuery(query.sql)) as R[];
}

let backgroundConnection: Promise<duckdb.AsyncDuckDBConnection> | null = null;
/**
 * A warm-up read starts once the page has been still this long: since it was asked (when the view answered) and
 * since the address last changed (state/page-activity.ts). An analyst's first clicks, and a run of changes, then
 * do not share the machine's cores with it.
 */
const WARM_UP_READ_QUIET_MS = 500;
/** Each background read starts after the one before (a connection has one pending query); a warm-up once the page is still. */
const backgroundReads = backgroundQueue((age) => Math.max(msUntilQuiet(WARM_UP_READ_QUIET_MS), WARM_UP_READ_QUIET_MS - age));

/**
 * Run a background read (rows no one waits for now) on a connection of its own as a pending query: the worker
 * runs it in slices and answers the views' queries asked meanwhile between two of them (pending-query-relay.ts),
 * instead of after the whole read. `late`: a warm-up, run once no other background read waits (background-queue.ts).
 */
export function runBackgroundQuery<R extends object>(query: NamedQuery<R>, late = false): Promise<R[]> {
  return backgroundReads.add(async () => {
    backgroundConnection ??= openConnection();
    const reader = await (await backgroundConnection).send(query.sql);
    const batches = [];
    for await (const batch of reader) batches.push(batch);
    return arrowToRows(batches.length > 0 ? new Table(batches) : new Table(reader.schema)) as R[];
  }, late);
}
