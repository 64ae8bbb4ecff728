// Whether this browser stores anything of the analyst's workspace (imported documents, labels), read without
// loading the workspace's code or DuckDB: the views' saved answers (hooks/snapshot-trust.ts) hold only for the
// published data alone.
import { IMPORTS_STORE, idbCount, LABELS_KEY, localGet } from './persist.ts';

/** True when no label and no imported document is stored (restoreWorkspace will then add nothing). */
export async function storedWorkspaceIsEmpty(): Promise<boolean> {
  const labels = localGet<unknown>(LABELS_KEY, []);
  if (!Array.isArray(labels) || labels.length > 0) return false;
  // A browser refusing IndexedDB has nothing restored either (restore.ts fails soft the same way).
  return (await idbCount(IMPORTS_STORE).catch(() => 0)) === 0;
}
