// Putting the analyst's workspace back on every load: stored imported documents, then labels.
import type { Connector } from '../sql/connector.ts';
import { hasStoredImports, restoreImports } from './imported.ts';
import { restoreLabels } from './labels.ts';

/**
 * The engine's after-attach step (set in main.tsx, which loads the workspace's code only then): run after the views exist, before the app is told the
 * data is ready, so the first charts already include imported documents and labels (no flash of the bare
 * dataset). Never fails the load: what cannot be restored is reported in the console and skipped.
 */
export async function restoreWorkspace(conn: Connector): Promise<void> {
  if (await hasStoredImports().catch(() => false)) {
    try {
      await restoreImports(conn);
    } catch (error) {
      console.warn('imported documents could not be restored:', error);
    }
  }
  try {
    await restoreLabels(conn);
  } catch (error) {
    console.warn('analyst labels could not be restored:', error);
  }
}
