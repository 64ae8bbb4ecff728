// When the views' saved answers may be shown (src/hooks/snapshot-trust.ts): with nothing of the analyst's
// workspace stored, yes; with a label stored by an earlier visit, never; and never again once the workspace
// changes in this page (every change ends with invalidateSql).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LABELS_KEY } from '../../src/workspace/persist.ts';

/** Fresh copies of the modules (the trust is per page load), the storage check handed in as main.tsx does. */
async function fresh(check = true) {
  vi.resetModules();
  const trust = await import('../../src/hooks/snapshot-trust.ts');
  const { invalidateSql } = await import('../../src/hooks/query-client.ts');
  const { storedWorkspaceIsEmpty } = await import('../../src/workspace/stored.ts');
  if (check) trust.setStoredWorkspaceCheck(storedWorkspaceIsEmpty);
  return { ...trust, invalidateSql };
}

/** A localStorage holding `items` (Node has none; IndexedDB stays absent: no imported document stored). */
function storage(items: Record<string, string>) {
  vi.stubGlobal('localStorage', { getItem: (key: string) => items[key] ?? null, setItem: () => undefined });
}

afterEach(() => vi.unstubAllGlobals());

describe('snapshot trust', () => {
  it('an empty workspace: usable once the storage is read, outdated for good after a change', async () => {
    storage({});
    const { snapshotTrust, invalidateSql } = await fresh();
    expect(snapshotTrust()).toBe('checking');
    await vi.waitFor(() => expect(snapshotTrust()).toBe('usable'));
    await invalidateSql();
    expect(snapshotTrust()).toBe('outdated');
  });

  it('a label stored by an earlier visit: outdated, never usable', async () => {
    storage({ [LABELS_KEY]: JSON.stringify([{ case_id: 'fj-2023-b2-001', indicator: 'tax', labelled_at: '2026-01-01T00:00:00Z' }]) });
    const { snapshotTrust } = await fresh();
    await vi.waitFor(() => expect(snapshotTrust()).toBe('outdated'));
  });

  it('no storage check handed in: never usable (nothing shown that could be wrong)', async () => {
    storage({});
    const { snapshotTrust } = await fresh(false);
    await vi.waitFor(() => expect(snapshotTrust()).toBe('outdated'));
  });

  it('the labels cleared (an empty list stored): usable again on the next load', async () => {
    storage({ [LABELS_KEY]: '[]' });
    const { snapshotTrust } = await fresh();
    await vi.waitFor(() => expect(snapshotTrust()).toBe('usable'));
  });
});
