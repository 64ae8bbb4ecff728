// The step the engine runs once the published data is attached and its views exist, before the app is told
// the data is ready. The app sets it at start-up (main.tsx: restore the analyst's workspace), so the engine
// knows nothing of what it is; this module stays tiny so main.tsx can set it without loading the engine.
import type { Connector } from '../sql/connector.ts';

export type AfterAttach = (conn: Connector) => Promise<void>;

let step: AfterAttach = async () => undefined;

export function setAfterAttach(next: AfterAttach): void {
  step = next;
}

export function afterAttach(conn: Connector): Promise<void> {
  return step(conn);
}
