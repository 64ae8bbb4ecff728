// DuckDB-wasm's own worker (its exception-handling build, the one every current browser gets), with pending
// queries polled inside the worker (pending-query-relay.ts) rather than from the page's main thread.
// DuckDB-wasm's script is loaded as it is (its package marks itself free of side effects, so a bundled import of
// it would be dropped); requests that arrive while it loads are kept and handed to it in order.
import duckdbWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { relayPendingQueries, type WorkerScope } from './pending-query-relay.ts';

const scope = globalThis as unknown as WorkerScope;
const early: MessageEvent[] = [];
scope.onmessage = (event) => void early.push(event);
await import(/* @vite-ignore */ duckdbWorkerUrl);
relayPendingQueries(scope);
for (const event of early) void scope.onmessage!(event);
