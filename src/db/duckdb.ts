// The one module that owns DuckDB-wasm (like Evidence's browser.js / Mosaic's Coordinator): lazy,
// guarded start in a Web Worker from bundles the app serves itself (no CDN, works offline), then
// every data file decoded in JS (in a worker of its own, decode.ts) and inserted as Arrow: the landing
// view's tables first, metrics and similar in the background. Views never import duckdb-wasm; they call
// runQuery (or useSql) with a named query.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import type { Row } from '../queries/types.ts';
import { arrowToRows } from './arrow-rows.ts';
import { emitLoad, type LoadStep } from './load-progress.ts';
import { decodeParquet, type Decoded } from './decode.ts';
import { isParquet, NotParquetError } from './parquet-bytes.ts';
import { DATA_FILES, dataUrl, queryReads, VIEWS_SQL, viewsSqlFor, type DataFile } from './tables.ts';
import { restoreWorkspace } from './workspace.ts';

/** A data file that could not be loaded; the message starts with the file name. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'DataFileError';
  }
}

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

let dbPromise: Promise<duckdb.AsyncDuckDB> | null = null;
let connPromise: Promise<duckdb.AsyncDuckDBConnection> | null = null;
let readyPromise: Promise<void> | null = null;

/** The database, started once (concurrent callers share the same start). */
export function getDb(): Promise<duckdb.AsyncDuckDB> {
  dbPromise ??= (async () => {
    emitLoad({ phase: 'engine' });
    const bundle = await duckdb.selectBundle(BUNDLES);
    const worker = new Worker(bundle.mainWorker!);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    // BigInt (count(*)) and DECIMAL (sum of ints) come back as plain JS numbers.
    await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
    return db;
  })();
  return dbPromise;
}

function getConnection(): Promise<duckdb.AsyncDuckDBConnection> {
  connPromise ??= getDb().then((db) => db.connect());
  return connPromise;
}

/** A data file's bytes, checked to be Parquet, or null for an absent optional file. */
async function fetchBytes(file: DataFile): Promise<ArrayBuffer | null> {
  let response: Response;
  try {
    response = await fetch(dataUrl(file.file));
  } catch (error) {
    throw new DataFileError(file.file, `cannot be fetched (${(error as Error).message})`);
  }
  if (!response.ok) {
    if (response.status === 404 && file.emptySchema) return null;
    throw new DataFileError(file.file, `HTTP ${response.status}`);
  }
  const bytes = await response.arrayBuffer();
  if (!isParquet(bytes)) {
    // A dev server answers a missing optional file with index.html.
    if (file.emptySchema && /text\/html/.test(response.headers.get('content-type') ?? '')) return null;
    throw new DataFileError(file.file, 'not a Parquet file');
  }
  return bytes;
}

/** Decode fetched bytes in the decoder worker; errors name the file. */
async function decode(file: DataFile, bytes: ArrayBuffer | null): Promise<Decoded | null> {
  if (bytes === null) return null;
  try {
    return await decodeParquet(bytes);
  } catch (error) {
    if (error instanceof NotParquetError) throw new DataFileError(file.file, 'not a Parquet file');
    throw new DataFileError(file.file, `cannot be read (${(error as Error).message})`);
  }
}

/** Insert a decoded file as its table (an empty or absent file becomes an empty table of the right columns). */
async function insertTable(conn: duckdb.AsyncDuckDBConnection, file: DataFile, decoded: Decoded | null): Promise<void> {
  if (decoded === null || !decoded.ipc) {
    // insertArrow… cannot create a table from zero record batches: create it from the schema.
    const columns = decoded ? decoded.columns : file.emptySchema!;
    await conn.query(`CREATE OR REPLACE TABLE "${file.table}" (${columns})`);
  } else {
    await conn.insertArrowFromIPCStream(decoded.ipc, { name: file.table, create: true });
  }
}

const FIRST = DATA_FILES.filter((f) => !f.background);
const LATER = DATA_FILES.filter((f) => f.background);
/** Views that read a background table are created once it is loaded. */
const FIRST_VIEWS_SQL = VIEWS_SQL.filter((sql) => !LATER.some((f) => viewsSqlFor(f.table).includes(sql)));

/** Per background file: resolves once its table and views exist. */
const later = new Map<DataFile, Promise<void>>();
let laterAll: Promise<void> | null = null;

/**
 * The landing view's tables (documents, cases, indicators) first, then `ready`; metrics and similar
 * keep loading in the background and queries that read them wait for them (runQuery).
 * Downloads all start at once; background files are decoded only after the first ones are in.
 */
async function loadTables(): Promise<void> {
  const total = FIRST.length;
  const done: string[] = [];
  const step = (): LoadStep => ({ phase: 'data', done: [...done], total });
  // Every download starts now; the decoder worker takes the landing view's files first.
  const downloads = new Map(DATA_FILES.map((file) => [file, fetchBytes(file)]));
  for (const download of downloads.values()) download.catch(() => undefined); // reported where awaited
  const decodedFirst = FIRST.map((file) => downloads.get(file)!.then((bytes) => decode(file, bytes)));
  const conn = await getConnection();
  emitLoad(step());
  for (const [i, file] of FIRST.entries()) {
    await insertTable(conn, file, await decodedFirst[i]);
    done.push(file.file);
    emitLoad(step());
  }
  for (const sql of FIRST_VIEWS_SQL) await conn.query(sql);
  // Background files, one after the other (a decoder worker at a time), each usable as soon as it is in.
  // A connection of their own: a big insert never lands inside the workspace restore's transaction.
  const loader = (await getDb()).connect();
  let previous: Promise<void> = Promise.resolve();
  for (const file of LATER) {
    const after = previous;
    const loaded = (async () => {
      await after.catch(() => undefined);
      const decoded = await decode(file, await downloads.get(file)!);
      const c = await loader;
      await insertTable(c, file, decoded);
      for (const sql of viewsSqlFor(file.table)) await c.query(sql);
    })();
    loaded.catch(() => undefined); // reported once, through laterAll below
    later.set(file, loaded);
    previous = loaded;
  }
  laterAll = Promise.all(later.values()).then(() => undefined);
  laterAll.catch((error: unknown) => emitLoad({ phase: 'error', message: error instanceof Error ? error.message : String(error) }));
  // Issue 4: re-insert the analyst's imported documents and labels before the views first query. Imported
  // documents carry figures and similar pairs, so restoring them waits for every table (only then).
  const { hasStoredImports } = await import('./imported.ts');
  const withImports = await hasStoredImports().catch(() => false);
  if (withImports) await laterAll;
  await restoreWorkspace(conn, { imports: withImports });
  emitLoad({ phase: 'ready' });
}

/** Resolves once the landing view's tables exist and the workspace is restored; rejects with a DataFileError. */
export function tablesReady(): Promise<void> {
  readyPromise ??= loadTables().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    emitLoad({ phase: 'error', message });
    throw error;
  });
  return readyPromise;
}

/** Resolves once every data file is a table, background ones included. */
export async function allTablesReady(): Promise<void> {
  await tablesReady();
  await laterAll;
}

/** Waits for the background tables a query reads (`metrics`, `similar`); others need not wait. */
async function tablesFor(sql: string): Promise<void> {
  await tablesReady();
  const needed = LATER.filter((file) => queryReads(sql, file)).map((file) => later.get(file));
  await Promise.all(needed);
}

/** Run SQL once the tables it reads are loaded; rows are plain objects (see arrow-rows.ts). */
export async function runQuery(sql: string): Promise<Row[]> {
  await tablesFor(sql);
  const conn = await getConnection();
  const table = await conn.query(sql);
  return arrowToRows(table);
}

