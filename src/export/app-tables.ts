// Node only: the exported dashboard.duckdb opened exactly as the browser opens it (src/sql/tables.ts:
// attached read-only, base_* views, then the workspace views), with rows returned as the browser sees them.
// Used by the landing-view snapshot at export and by the tests that run the app's named queries.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { attachSql, DASHBOARD_DB_FILE, VIEWS_SQL } from '../sql/tables.ts';
import { openMemoryDatabase, type NodeDatabase } from './node-connector.ts';

export { browserValue } from './node-connector.ts';

/** The app's tables in Node: a Connector (rows as the browser gets them) with its connection. */
export type AppTables = NodeDatabase;

/** Opens an in-memory DuckDB with dataDir/dashboard.duckdb attached and the app's views over it. */
export async function openAppTables(dataDir: string): Promise<AppTables> {
  const file = path.join(dataDir, DASHBOARD_DB_FILE);
  if (!existsSync(file)) throw new Error(`${DASHBOARD_DB_FILE} missing in ${dataDir} (run npm run etl)`);
  const db = await openMemoryDatabase();
  try {
    await db.exec(attachSql(file));
    for (const sql of VIEWS_SQL) await db.exec(sql);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
