// Node only: the views' default states answered at export, so the browser draws a view before DuckDB-wasm has
// started (src/queries/snapshot.ts, hooks/useSnapshotSql.ts). Each file's plan (src/queries/snapshot-plans.ts)
// runs in Node DuckDB over the exported dashboard.duckdb, opened as the browser opens it (src/sql/tables.ts). The
// browser uses a saved answer only for an identical SQL text; tests/export/snapshots.test.ts proves the rows equal
// a live run of the same SQL. Written by column (src/queries/snapshot-format.ts).
import path from 'node:path';
import { snapshotPlans, type Ask, type SnapshotPlan } from '../queries/snapshot-plans.ts';
import type { Snapshot } from '../queries/snapshot.ts';
import type { NamedQuery } from '../queries/types.ts';
import type { Connector } from '../sql/connector.ts';
import { readExportStamp } from '../sql/tables.ts';
import { encodeSnapshot } from '../queries/snapshot-format.ts';
import { openAppTables } from './app-tables.ts';
import { writeFileAtomic } from './atomic.ts';
import type { Logger } from './logger.ts';

/** Runs `plan` on `conn` (the app's tables): every query it asked to save, once, in the order asked, with its rows. */
export async function computeSnapshot(conn: Connector, plan: SnapshotPlan, stamp?: string): Promise<Snapshot> {
  const queries: Snapshot['queries'] = [];
  const ask: Ask = async <R extends object>(query: NamedQuery<R>, { saved = true } = {}) => {
    const rows = await conn.query(query.sql);
    if (saved && !queries.some((q) => q.sql === query.sql)) queries.push({ id: query.id, sql: query.sql, rows });
    // The rows of this query's SQL: of the row type it declares (the query tests check its columns).
    return rows as R[];
  };
  await plan.ask(ask);
  return stamp === undefined ? { queries } : { stamp, queries };
}

/** Writes every snapshot file beside the Parquet files of `dataDir`; `before` is called with each file's name. */
export async function writeSnapshots(dataDir: string, logger: Logger, before?: (file: string) => void | Promise<void>): Promise<void> {
  const tables = await openAppTables(dataDir);
  let queries = 0;
  try {
    const plans = snapshotPlans();
    const stamp = (await readExportStamp(tables)) ?? undefined;
    for (const plan of plans) {
      await before?.(plan.file);
      const snapshot = await computeSnapshot(tables, plan, stamp);
      await writeFileAtomic(path.join(dataDir, plan.file), encodeSnapshot(snapshot));
      queries += snapshot.queries.length;
    }
    logger.info(`snapshots (the views' default states): ${plans.length} files, ${queries} queries`);
  } finally {
    tables.close();
  }
}
