// Helpers for e2e tests that move within one page (the answers read so far stay in its query cache) and count what
// it asked DuckDB.
import type { Page } from 'playwright-core';

/** How many times the page asked a named query (useSql leaves a `sql:<id>` measure per run). */
export const asked = (page: Page, id: string) => page.evaluate((name) => performance.getEntriesByName(name).length, `sql:${id}`);

/** Moves the page to `search` as a click does (no reload: the answers read so far stay in the page's cache). */
export const go = (page: Page, search: string) =>
  page.evaluate((s) => {
    history.pushState(null, '', s);
    dispatchEvent(new PopStateEvent('popstate'));
  }, search);
