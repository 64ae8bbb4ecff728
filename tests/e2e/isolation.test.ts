// The e2e tests' pages share one Chromium profile per worker for its caches (harness.ts, WorkerProfile), never its
// storage: what a test writes — the analyst's label, IndexedDB rows, an OPFS file, a cookie — is there for the
// test's own tabs and gone when the next test starts, while the app's scripts come from the cache.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LABELS_KEY } from '../../src/workspace/persist.ts';
import { useApp } from './harness.ts';

const { app, db } = useApp({ db: true });

/** What the page's origin holds: localStorage keys, IndexedDB databases with their stores' row counts, OPFS entries, cookies. */
const stored = (page: Page) =>
  page.evaluate(async () => {
    const databases: Record<string, number> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const opened = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      let rows = 0;
      for (const store of Array.from(opened.objectStoreNames)) {
        const counted = opened.transaction(store).objectStore(store).count();
        rows += await new Promise<number>((resolve) => (counted.onsuccess = () => resolve(counted.result)));
      }
      opened.close();
      databases[name] = rows;
    }
    const opfs: string[] = [];
    const root = (await navigator.storage.getDirectory()) as unknown as { keys: () => AsyncIterable<string> };
    for await (const entry of root.keys()) opfs.push(entry);
    return { localStorage: Object.keys(localStorage), databases, opfs, cookie: document.cookie };
  });

/** A published case and an indicator it is not filed under. */
const someCase = async () => {
  const [c] = await db.all("SELECT case_id FROM cases WHERE duplicate_of IS NULL AND indicator <> 'tax' ORDER BY case_id LIMIT 1");
  return String(c.case_id);
};

describe("one test's storage never reaches the next", () => {
  it('a test writes the workspace and more; its own tabs share it', async () => {
    const caseId = await someCase();
    const { page, errors } = await app.newPage(`?view=case&case=${caseId}`);
    await page.locator('[data-testid="relabel-select"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="relabel-select"]').selectOption('tax');
    await page.locator('[data-testid="relabel-save"]').click();
    await page.locator('[data-testid="relabel-yours"]').waitFor();
    await page.evaluate(async () => {
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('isolation-check');
        request.onupgradeneeded = () => request.result.createObjectStore('rows');
        request.onsuccess = () => {
          const tx = request.result.transaction('rows', 'readwrite');
          tx.objectStore('rows').put('written', 'row');
          tx.oncomplete = () => (request.result.close(), resolve());
        };
        request.onerror = () => reject(request.error);
      });
      const file = await (await navigator.storage.getDirectory()).getFileHandle('isolation-check', { create: true });
      const writable = await file.createWritable();
      await writable.write('written');
      await writable.close();
      document.cookie = 'isolation-check=written; max-age=3600';
    });
    const written = await stored(page);
    expect(written.localStorage).toContain(LABELS_KEY);
    expect(written.databases['isolation-check']).toBe(1);
    expect(written.opfs).toContain('isolation-check');
    expect(written.cookie).toContain('isolation-check=written');
    // Another tab of the same test: the same browser, the analyst's label is there.
    const other = await app.newPage(`?view=case&case=${caseId}`);
    await other.page.locator('[data-testid="relabel-yours"]').waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
  });

  it('the next test starts from empty storage, its scripts from the cache', async () => {
    const { page, errors } = await app.newPage(`?view=case&case=${await someCase()}`);
    await page.locator('[data-testid="relabel-select"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="relabel-yours"]').count()).toBe(0);
    const left = await stored(page);
    expect(left.localStorage).toEqual([]);
    // The app opens its own (empty) database at start; nothing else, and no row in any.
    expect(Object.keys(left.databases)).not.toContain('isolation-check');
    expect(Object.values(left.databases).every((rows) => rows === 0), JSON.stringify(left.databases)).toBe(true);
    expect(left.opfs).toEqual([]);
    expect(left.cookie).toBe('');
    // The previous test loaded the app in this profile: its scripts came from the HTTP cache (nothing transferred).
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\/assets\/.*\.js$/.test(e.name))
        .map((e) => (e as PerformanceResourceTiming).transferSize),
    );
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts).toEqual(scripts.map(() => 0));
    expect(errors).toEqual([]);
  });
});
