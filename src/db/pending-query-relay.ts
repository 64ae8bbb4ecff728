// Inside DuckDB-wasm's worker: a pending query (DuckDB-wasm's send(), asked as START_PENDING_QUERY then
// POLL_PENDING_QUERY until its result is ready) runs in slices of the database's `queryPollingInterval`, and
// between two slices the worker takes the messages waiting for it. DuckDB-wasm answers each slice to the page,
// which asks for the next: while the page's main thread is busy drawing, the read stands still. This relay keeps
// the polling in the worker: a slice that is not done is polled again as the worker's next task — after any
// request already waiting (a view's query is answered between two slices of a background read) — and the page
// gets one answer, when the result is ready (or DuckDB's error, e.g. "query was canceled" after cancelSent()).

/** The parts of a worker's global scope the relay wraps (DuckDB-wasm's worker sets `onmessage` and calls `postMessage`). */
export interface WorkerScope {
  onmessage: ((event: MessageEvent) => unknown) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

type Request = { messageId: number; type: string; data: unknown };
type Response = { requestId: number; type: string; data: unknown };

/** Runs `task` as a task of its own after the ones already queued (a message, unlike setTimeout, is not clamped). */
export function macrotaskQueue(): (task: () => void) => void {
  const channel = new MessageChannel();
  const tasks: (() => void)[] = [];
  channel.port1.onmessage = () => tasks.shift()?.();
  return (task) => {
    tasks.push(task);
    channel.port2.postMessage(null);
  };
}

/** Wraps the worker's `onmessage` / `postMessage` once DuckDB-wasm's worker script has set them. */
export function relayPendingQueries(scope: WorkerScope, nextTask = macrotaskQueue()): void {
  const dispatch = scope.onmessage;
  if (!dispatch) throw new Error('DuckDB-wasm’s worker has not set onmessage');
  const answer = scope.postMessage.bind(scope);
  /** Polls the page is waiting on, by message id: answered once their result is ready. */
  const polling = new Map<number, Request>();

  scope.postMessage = (message: unknown, transfer?: Transferable[]) => {
    const response = message as Response;
    const poll = polling.get(response.requestId);
    if (poll && response.type === 'QUERY_RESULT_HEADER_OR_NULL' && response.data === null) {
      // Not ready after this slice: poll again once the requests waiting now have been answered.
      nextTask(() => void dispatch({ data: poll } as MessageEvent));
      return;
    }
    if (poll && (response.type === 'QUERY_RESULT_HEADER_OR_NULL' || response.type === 'ERROR')) polling.delete(response.requestId);
    answer(message, transfer);
  };

  scope.onmessage = (event: MessageEvent) => {
    const request = event.data as Request;
    if (request.type === 'START_PENDING_QUERY' || request.type === 'POLL_PENDING_QUERY') {
      // START's data is [connection, sql, allowStreamResult]; POLL's is the connection.
      const connection = request.type === 'START_PENDING_QUERY' ? (request.data as unknown[])[0] : request.data;
      polling.set(request.messageId, { messageId: request.messageId, type: 'POLL_PENDING_QUERY', data: connection });
    }
    return dispatch(event);
  };
}
