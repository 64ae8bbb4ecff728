// Whether the views' saved answers (the export's snapshots) may be shown. They are the published data's
// answers: once the analyst's workspace holds anything (documents imported, labels set — in this session or
// stored from an earlier one, restored when the engine starts), the same SQL answers otherwise, so no saved
// answer is shown again for the rest of the page's life; the views wait for DuckDB as without snapshots.
import { useSyncExternalStore } from 'react';

/** 'checking' until the browser's storage has been read. */
export type SnapshotTrust = 'checking' | 'usable' | 'outdated';

let trust: SnapshotTrust = 'checking';
/** Whether nothing of the workspace is stored in this browser (main.tsx hands in workspace/stored.ts). */
let storedWorkspaceIsEmpty: () => Promise<boolean> = () => Promise.resolve(false);
let checking: Promise<void> | null = null;
const listeners = new Set<() => void>();

function set(next: SnapshotTrust): void {
  if (trust === next) return;
  trust = next;
  for (const listener of [...listeners]) listener();
}

/** Set once at start-up, before anything asks (the hooks may not import the workspace). */
export function setStoredWorkspaceCheck(check: () => Promise<boolean>): void {
  storedWorkspaceIsEmpty = check;
}

function checkStorage(): void {
  checking ??= storedWorkspaceIsEmpty().then(
    (empty) => {
      if (trust === 'checking') set(empty ? 'usable' : 'outdated');
    },
    () => set('outdated'),
  );
}

/** The workspace changed (an import, a label, a removal): saved answers no longer hold, for good. */
export function markSnapshotsOutdated(): void {
  set('outdated');
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether saved answers may be shown now (the first call starts reading the storage). */
export function snapshotTrust(): SnapshotTrust {
  checkStorage();
  return trust;
}

/** Once the storage has been read: whether saved answers may be shown. */
export async function snapshotTrustKnown(): Promise<SnapshotTrust> {
  checkStorage();
  await checking;
  return trust;
}

/** React: snapshotTrust(), re-rendering when it changes. */
export function useSnapshotTrust(): SnapshotTrust {
  return useSyncExternalStore(subscribe, snapshotTrust);
}
