// The one module that owns DuckDB-wasm (like Evidence's browser.js / Mosaic's Coordinator): lazy,
// guarded start in a Web Worker from bundles the app serves itself (no CDN, works offline), then
// every data file decoded in JS and inserted as Arrow. Views never import duckdb-wasm; they call
// runQuery (or useSql) with a named query.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import type { Table } from 'apache-arrow';
import type { Row } from '../queries/types.ts';
import { arrowToRows } from './arrow-rows.ts';
import { emitLoad, type LoadStep } from './load-progress.ts';
import { NotParquetError, parquetToArrow } from './parquet-arrow.ts';
import { DATA_FILES, dataUrl, VIEWS_SQL, type DataFile } from './tables.ts';
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

async function fetchParquet(file: DataFile): Promise<Table | null> {
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
  try {
    return await parquetToArrow(bytes);
  } catch (error) {
    if (error instanceof NotParquetError) {
      // A dev server answers a missing optional file with index.html.
      if (file.emptySchema && /text\/html/.test(response.headers.get('content-type') ?? '')) return null;
      throw new DataFileError(file.file, 'not a Parquet file');
    }
    throw new DataFileError(file.file, `cannot be read (${(error as Error).message})`);
  }
}

async function loadTables(): Promise<void> {
  const total = DATA_FILES.length;
  const done: string[] = [];
  const step = (): LoadStep => ({ phase: 'data', done: [...done], total });
  // Download and decode all files while the engine starts; insert them as they arrive.
  const decoded = DATA_FILES.map((file) =>
    fetchParquet(file).then((table) => {
      return { file, table };
    }),
  );
  const conn = await getConnection();
  emitLoad(step());
  for (const pending of decoded) {
    const { file, table } = await pending;
    if (table === null || table.numRows === 0) {
      // insertArrowTable cannot create a table from zero record batches: create it from the schema.
      const columns = table ? sqlColumns(table) : file.emptySchema!;
      await conn.query(`CREATE OR REPLACE TABLE "${file.table}" (${columns})`);
    } else {
      await conn.insertArrowTable(table, { name: file.table, create: true });
    }
    done.push(file.file);
    emitLoad(step());
  }
  for (const sql of VIEWS_SQL) await conn.query(sql);
  // Issue 4: re-insert the analyst's imported documents and labels before the views first query.
  await restoreWorkspace(conn);
  emitLoad({ phase: 'ready' });
}

function sqlColumns(table: Table): string {
  return table.schema.fields
    .map((f) => {
      const t = String(f.type);
      const sqlType = t.startsWith('List')
        ? 'VARCHAR[]'
        : t.startsWith('Int')
          ? 'INTEGER'
          : t.startsWith('Float')
            ? 'DOUBLE'
            : t.startsWith('Bool')
              ? 'BOOLEAN'
              : t.startsWith('Date')
                ? 'DATE'
                : 'VARCHAR';
      return `"${f.name.replaceAll('"', '""')}" ${sqlType}`;
    })
    .join(', ');
}

/** Resolves once every data file is a table and `cases` exists; rejects with a DataFileError. */
export function tablesReady(): Promise<void> {
  readyPromise ??= loadTables().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    emitLoad({ phase: 'error', message });
    throw error;
  });
  return readyPromise;
}

/** Run SQL once the tables are ready; rows are plain objects (see arrow-rows.ts). */
export async function runQuery(sql: string): Promise<Row[]> {
  await tablesReady();
  const conn = await getConnection();
  const table = await conn.query(sql);
  return arrowToRows(table);
}
