// The worker-side relay of pending queries, around DuckDB-wasm's own request dispatcher and engine (its Node
// build: the same dispatcher and wasm as the browser's worker; only the worker's message port is replaced by
// direct calls): a long pending query is answered once, when ready; a query asked meanwhile is answered first;
// a cancel stops the read with DuckDB's error; and every answer is the engine's own.
import { createRequire } from 'node:module';
import { RecordBatchReader, Table } from 'apache-arrow';
import { beforeAll, expect, test, vi } from 'vitest';
import { arrowToRows } from '../../src/db/arrow-rows.ts';
import { relayPendingQueries, type WorkerScope } from '../../src/db/pending-query-relay.ts';

const require = createRequire(import.meta.url);
const duckdb = require('@duckdb/duckdb-wasm');
const blocking = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');

type Response = { requestId: number; type: string; data: unknown };

let bindings: { connect(): { useUnsafe<R>(f: (b: unknown, id: number) => R): R }; open(c: object): void };
beforeAll(async () => {
  const dist = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs').replace(/[^/]+$/, '');
  const bundles = { mvp: { mainModule: `${dist}duckdb-mvp.wasm`, mainWorker: '' }, eh: { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: '' } };
  bindings = await blocking.createDuckDB(bundles, new blocking.VoidLogger(), blocking.NODE_RUNTIME);
  await (bindings as unknown as { instantiate(): Promise<void> }).instantiate();
  // The app's slices (duckdb.ts): a few ms.
  bindings.open({ query: { castBigIntToDouble: true, queryPollingInterval: 5 } });
});

/** A worker scope with DuckDB-wasm's dispatcher behind it, the relay installed, and the answers it posts. */
function worker() {
  const answers: Response[] = [];
  const polls = { count: 0 };
  const scope: WorkerScope = { onmessage: null, postMessage: (message) => answers.push(message as Response) };
  class Dispatcher extends duckdb.AsyncDuckDBDispatcher {
    postMessage(message: unknown, transfer: Transferable[]) {
      scope.postMessage(message, transfer);
    }
  }
  const dispatcher = new Dispatcher();
  dispatcher._bindings = bindings;
  // What DuckDB-wasm's worker script sets.
  scope.onmessage = async (event: MessageEvent) => {
    if ((event.data as { type: string }).type === 'POLL_PENDING_QUERY') polls.count += 1;
    await dispatcher.onMessage(event.data);
  };
  relayPendingQueries(scope);
  let nextId = 1;
  const ask = (type: string, data: unknown) => {
    const messageId = nextId++;
    void scope.onmessage!({ data: { messageId, type, data } } as MessageEvent);
    return messageId;
  };
  const answerTo = async (id: number) => {
    await expect.poll(() => answers.some((a) => a.requestId === id), { timeout: 60_000, interval: 5 }).toBe(true);
    return answers.filter((a) => a.requestId === id);
  };
  return { answers, polls, ask, answerTo };
}

/** The rows of a pending query whose header was answered: its chunks fetched as DuckDB-wasm's page side does. */
async function fetchRows(w: ReturnType<typeof worker>, connection: number, header: Uint8Array) {
  const messages: Uint8Array[] = [header];
  for (;;) {
    const [chunk] = await w.answerTo(w.ask('FETCH_QUERY_RESULTS', connection));
    expect(chunk.type).toBe('QUERY_RESULT_CHUNK');
    const bytes = chunk.data as Uint8Array | null;
    if (bytes === null) continue;
    if (bytes.length === 0) break;
    messages.push(bytes);
  }
  const reader = RecordBatchReader.from(messages);
  return arrowToRows(new Table([...reader]));
}

// Long enough for many slices; its answer in closed form: pairs (a, b) of 0..N-1 with a + b ≡ 0 (mod 7).
const N = 4000;
const LONG = `SELECT count(*) AS n FROM range(${N}) a(x), range(${N}) b(y) WHERE (a.x + b.y) % 7 = 0`;
function expectedPairs(): number {
  const inClass = (k: number) => Math.floor((N - 1 - k) / 7) + 1; // numbers in 0..N-1 that are ≡ k (mod 7)
  let pairs = 0;
  for (let r = 0; r < 7; r++) pairs += inClass(r) * inClass((7 - r) % 7);
  return pairs;
}
const connectionId = () => bindings.connect().useUnsafe((_, id) => id);

test('a long pending query is answered once, when ready, and a query asked meanwhile is answered before it', async () => {
  const w = worker();
  const background = connectionId();
  const view = connectionId();
  const started = w.ask('START_PENDING_QUERY', [background, LONG, false]);
  // Asked while the read runs (its first slice is done, the next one is queued in the worker).
  const asked = w.ask('RUN_QUERY', [view, 'SELECT 40 + 2 AS answer']);
  const [header] = await w.answerTo(started);
  // Polled again inside the worker, and the page got one answer: the header.
  expect(w.answers.filter((a) => a.requestId === started)).toHaveLength(1);
  expect(header.type).toBe('QUERY_RESULT_HEADER_OR_NULL');
  expect(header.data).not.toBeNull();
  expect(w.polls.count).toBeGreaterThan(2);
  // The view's query was answered first, and rightly.
  const order = w.answers.map((a) => a.requestId);
  expect(order.indexOf(asked)).toBeLessThan(order.indexOf(started));
  const [viewAnswer] = w.answers.filter((a) => a.requestId === asked);
  expect(viewAnswer.type).toBe('QUERY_RESULT');
  expect(arrowToRows(new Table([...RecordBatchReader.from(viewAnswer.data as Uint8Array)]))).toEqual([{ answer: 42 }]);
  expect(await fetchRows(w, background, header.data as Uint8Array)).toEqual([{ n: expectedPairs() }]);
});

test('a cancel asked during a read ends it with DuckDB’s error; an error in the SQL comes back as DuckDB’s', async () => {
  vi.spyOn(console, 'log').mockImplementation(() => undefined); // the dispatcher logs each error it answers
  const w = worker();
  const background = connectionId();
  const started = w.ask('START_PENDING_QUERY', [background, LONG, false]);
  const cancelled = w.ask('CANCEL_PENDING_QUERY', background);
  const [cancelAnswer] = await w.answerTo(cancelled);
  expect(cancelAnswer).toMatchObject({ type: 'SUCCESS', data: true });
  const [readAnswer] = await w.answerTo(started);
  expect(readAnswer.type).toBe('ERROR');
  expect(JSON.stringify(readAnswer.data)).toMatch(/cancel/i);

  const [failed] = await w.answerTo(w.ask('START_PENDING_QUERY', [background, 'SELECT * FROM no_such_table', false]));
  expect(failed.type).toBe('ERROR');
  expect(JSON.stringify(failed.data)).toMatch(/no_such_table/);
  // The connection reads again after both.
  const [again] = await w.answerTo(w.ask('START_PENDING_QUERY', [background, 'SELECT 7 AS seven', false]));
  expect(await fetchRows(w, background, again.data as Uint8Array)).toEqual([{ seven: 7 }]);
});
