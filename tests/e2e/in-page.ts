// Helpers for e2e tests that move within one page (the answers read so far stay in its query cache) and count what
// it asked DuckDB.
import type { Page } from 'playwright-core';
import { parseState, stateToSearch } from '../../src/state/url-state.ts';

/** How many times the page asked a named query (useSql leaves a `sql:<id>` measure per run). */
export const asked = (page: Page, id: string) => page.evaluate((name) => performance.getEntriesByName(name).length, `sql:${id}`);

/**
 * Moves the page to `search` as a click does (no reload: the answers read so far stay in the page's cache). `search`
 * starts with '?' ('?' alone for the landing view: an empty address would stay where the page is).
 */
export const go = (page: Page, search: string) =>
  page.evaluate((s) => {
    history.pushState(null, '', s);
    dispatchEvent(new PopStateEvent('popstate'));
  }, search);

/**
 * Moves the page to `search` as go() does and waits until the view is rendered in that state (main.view's
 * data-state): what the test reads next is the new view's, not the one it left. Another view is mounted afresh, as
 * on a load, with the engine the page has already started: a test that needs another view of the loaded app (or
 * its language) pays no second start of DuckDB.
 */
export async function show(page: Page, search: string): Promise<void> {
  await go(page, search);
  await page.waitForFunction((state) => document.querySelector('main.view')?.getAttribute('data-state') === state, stateToSearch(parseState(search)));
}
