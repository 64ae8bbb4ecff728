// The benchmark's floor: the least work any page showing our data must do, with the app's own parts —
// start DuckDB-wasm from the same self-hosted bundles (src/db/duckdb.ts getDb), fetch cases.parquet,
// decode it the same way (hyparquet → Arrow), insert it, answer one group-by. Marks `floor:answer`.
// Not part of the app: built as a second page (bench/floor.html) only so the benchmark can load it.
import { getDb } from '../db/duckdb.ts';
import { parquetToArrow } from '../db/parquet-arrow.ts';
import { dataUrl } from '../db/tables.ts';

async function floor(): Promise<string> {
  const bytes = fetch(dataUrl('cases.parquet')).then((r) => r.arrayBuffer());
  const db = await getDb();
  const conn = await db.connect();
  await conn.insertArrowTable(await parquetToArrow(await bytes), { name: 'cases', create: true });
  const result = await conn.query('SELECT province, indicator, count(*) AS n FROM cases GROUP BY ALL ORDER BY n DESC');
  performance.mark('floor:answer');
  return `${result.numRows} groups`;
}

const out = document.getElementById('out')!;
floor().then(
  (text) => (out.textContent = text),
  (error: unknown) => (out.textContent = `error: ${String(error)}`),
);
