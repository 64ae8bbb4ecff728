// The workspace's connection in the browser: one of its own for writes (imports, labels), so a transaction
// never mixes with the dashboard's queries. Everything else of the workspace takes it as a Connector.
import { openConnection } from '../db/duckdb.ts';
import { wasmConnector } from '../db/wasm-connector.ts';
import type { Connector } from '../sql/connector.ts';

let connPromise: Promise<Connector> | null = null;

/** The workspace's connection, once every table is loaded (imports write figures and similar pairs too). */
export function workspaceConnection(): Promise<Connector> {
  connPromise ??= openConnection().then(wasmConnector);
  return connPromise;
}
