// A background read run as a yielding query, in DuckDB-wasm itself (its Node build, the same engine as the
// browser's; the worker's message passing is replaced by direct calls): the read is cut into slices, another
// connection's query is answered between two of them, and neither answer is disturbed.
import { createRequire } from 'node:module';
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { beforeAll, expect, test } from 'vitest';
import { arrowToRows } from '../../src/db/arrow-rows.ts';
import { yieldingQuery } from '../../src/db/yielding-query.ts';

const require = createRequire(import.meta.url);
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');

type SyncConnection = { query(sql: string): Table; useUnsafe<R>(f: (bindings: Bindings, id: number) => R): R };
type Bindings = {
  startPendingQuery(id: number, sql: string, stream: boolean): Uint8Array | null;
  pollPendingQuery(id: number): Uint8Array | null;
  fetchQueryResults(id: number): Uint8Array | null;
};

let db: { connect(): SyncConnection };
beforeAll(async () => {
  const dist = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs').replace(/[^/]+$/, '');
  const bundles = { mvp: { mainModule: `${dist}duckdb-mvp.wasm`, mainWorker: '' }, eh: { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: '' } };
  db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await (db as unknown as { instantiate(): Promise<void> }).instantiate();
  // The app's setting (duckdb.ts): slices of a few ms.
  (db as unknown as { open(c: object): void }).open({ query: { castBigIntToDouble: true, queryPollingInterval: 5 } });
});

/** The async connection's interface over a blocking connection, counting the read's slices. */
function asAsync(conn: SyncConnection, counts: { polls: number }): AsyncDuckDBConnection {
  return {
    useUnsafe: (callback: (bindings: unknown, id: number) => unknown) =>
      conn.useUnsafe((bindings, id) =>
        callback(
          {
            startPendingQuery: async (i: number, sql: string, stream: boolean) => bindings.startPendingQuery(i, sql, stream),
            pollPendingQuery: async (i: number) => {
              counts.polls += 1;
              return bindings.pollPendingQuery(i);
            },
            fetchQueryResults: async (i: number) => bindings.fetchQueryResults(i),
          },
          id,
        ),
      ),
  } as unknown as AsyncDuckDBConnection;
}

// Long enough to take many slices; its answer is known in closed form: pairs (a, b) of 0..N-1 with a + b ≡ 0 mod 7.
const N = 4000;
const LONG = `SELECT count(*) AS n FROM range(${N}) a(x), range(${N}) b(y) WHERE (a.x + b.y) % 7 = 0`;
const expectedPairs = () => {
  let pairs = 0;
  for (let r = 0; r < 7; r++) {
    const inClass = (k: number) => Math.floor((N - 1 - k) / 7) + 1; // numbers in 0..N-1 that are ≡ k mod 7
    pairs += inClass(r) * inClass((7 - r) % 7);
  }
  return pairs;
};

test('a yielding read is answered in slices, and another connection’s query is answered between two of them', async () => {
  const background = db.connect();
  const view = db.connect();
  view.query('CREATE TABLE shown AS SELECT range AS v FROM range(10)');
  const counts = { polls: 0 };
  const order: string[] = [];
  let viewAnswer: unknown[] = [];
  const rows = await yieldingQuery(asAsync(background, counts), LONG, async () => {
    // The view's query, asked while the read is under way (after its first slice).
    if (counts.polls === 1 && viewAnswer.length === 0) {
      viewAnswer = arrowToRows(view.query('SELECT sum(v)::INTEGER AS s FROM shown'));
      order.push('view answered');
    }
  }).then((table) => {
    order.push('read answered');
    return arrowToRows(table);
  });
  expect(counts.polls).toBeGreaterThan(2);
  expect(order).toEqual(['view answered', 'read answered']);
  expect(viewAnswer).toEqual([{ s: 45 }]);
  expect(rows).toEqual([{ n: expectedPairs() }]);
});

test('a read of many chunks comes back whole, and DuckDB’s error rejects the read', async () => {
  const conn = db.connect();
  const counts = { polls: 0 };
  const rows = arrowToRows(await yieldingQuery(asAsync(conn, counts), 'SELECT range AS i, range % 3 AS k FROM range(10000) ORDER BY i', async () => {}));
  expect(rows.length).toBe(10000);
  expect(rows[9999]).toEqual({ i: 9999, k: 0 });
  expect(rows.reduce((s, r) => s + Number(r.i), 0)).toBe((9999 * 10000) / 2);
  await expect(yieldingQuery(asAsync(conn, counts), 'SELECT * FROM no_such_table', async () => {})).rejects.toThrow(/no_such_table/);
  // The connection is usable after the error.
  expect(arrowToRows(await yieldingQuery(asAsync(conn, counts), 'SELECT 1 AS one', async () => {}))).toEqual([{ one: 1 }]);
});
