// Web Worker: Parquet bytes → Arrow IPC stream bytes (parquet-arrow.ts), off the main thread.
// Why: decoding 1.2M figure rows takes seconds; on the main thread the page froze for that long. The IPC
// bytes go to DuckDB's own worker as they are (insertArrowFromIPCStream), so the main thread never
// holds the rows.
import { tableToIPC } from 'apache-arrow';
import { NotParquetError, parquetToArrow, sqlColumns } from './parquet-arrow.ts';
import type { DecodeReply, DecodeRequest } from './decode.ts';

const scope = self as unknown as { onmessage: ((e: MessageEvent<DecodeRequest>) => void) | null; postMessage(m: DecodeReply, t?: Transferable[]): void };

scope.onmessage = async ({ data: { id, bytes } }) => {
  try {
    const table = await parquetToArrow(bytes);
    if (table.numRows === 0) {
      scope.postMessage({ id, ok: true, rows: 0, columns: sqlColumns(table) });
      return;
    }
    const ipc = tableToIPC(table, 'stream');
    scope.postMessage({ id, ok: true, rows: table.numRows, columns: sqlColumns(table), ipc }, [ipc.buffer]);
  } catch (error) {
    scope.postMessage({ id, ok: false, notParquet: error instanceof NotParquetError, message: (error as Error).message });
  }
};
