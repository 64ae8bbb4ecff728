// The benchmark's floor: the least work any page showing our data must do, with the app's own parts —
// start DuckDB-wasm from the same self-hosted bundles (src/db/duckdb.ts getDb), attach the published
// dashboard.duckdb the same way (attachPublishedData), answer one group-by. Marks `floor:answer`.
// Not part of the app: built as a second page (bench/floor.html) only in the test and benchmark builds
// (vite.config.ts, mode `bench`), never into dist/.
import { attachPublishedData, getDb } from '../src/db/duckdb.ts';

async function floor(): Promise<string> {
  const db = await getDb();
  const conn = await db.connect();
  await attachPublishedData(db, conn);
  const result = await conn.query('SELECT province, indicator, count(*) AS n FROM published.cases GROUP BY ALL ORDER BY n DESC');
  performance.mark('floor:answer');
  return `${result.numRows} groups`;
}

const out = document.getElementById('out')!;
floor().then(
  (text) => (out.textContent = text),
  (error: unknown) => (out.textContent = `error: ${String(error)}`),
);
