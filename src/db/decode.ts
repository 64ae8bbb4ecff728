// Decode a Parquet file for DuckDB: in a Web Worker (parquet-worker.ts) so the page stays responsive
// while large files decode; the result is an Arrow IPC stream that DuckDB inserts directly.
import { NotParquetError } from './parquet-bytes.ts';

export interface DecodeRequest {
  id: number;
  bytes: ArrayBuffer;
}

export type DecodeReply =
  | { id: number; ok: true; rows: number; columns: string; ipc?: Uint8Array }
  | { id: number; ok: false; notParquet: boolean; message: string };

/** A decoded file: its rows as an Arrow IPC stream (absent when it has no rows) and its SQL columns. */
export interface Decoded {
  rows: number;
  columns: string;
  ipc?: Uint8Array;
}

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (d: Decoded) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./parquet-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }: MessageEvent<DecodeReply>) => {
    const waiting = pending.get(data.id);
    if (!waiting) return;
    pending.delete(data.id);
    if (data.ok) waiting.resolve({ rows: data.rows, columns: data.columns, ipc: data.ipc });
    else waiting.reject(data.notParquet ? new NotParquetError(data.message) : new Error(data.message));
  };
  worker.onerror = (event) => {
    // A worker that cannot start fails every file still waiting, with the reason.
    for (const waiting of pending.values()) waiting.reject(new Error(event.message || 'decoder worker failed'));
    pending.clear();
  };
  return worker;
}

/** Decode Parquet bytes (transferred: the caller must not use them afterwards). Rejects with NotParquetError. */
export function decodeParquet(bytes: ArrayBuffer): Promise<Decoded> {
  const id = nextId++;
  return new Promise<Decoded>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, bytes } satisfies DecodeRequest, [bytes]);
  });
}
