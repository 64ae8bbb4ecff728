// vitest globalSetup of the e2e project: the dataset (made if stale), the build, one static server for it and one
// Chromium, made once for every e2e file instead of once per file. A file connects to that Chromium (playwright's
// browser server) for the contexts a test makes itself; its pages open in the worker's own Chromium profile, kept
// under one directory removed at the end (tests/e2e/harness.ts: startApp(), WorkerProfile).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/serve.ts';
import { chromiumPath } from '../../scripts/system-deps.ts';
import { CHROMIUM_ARGS, DATA_DIR, ensureBuilt, ensureData } from '../e2e/harness.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureData();
  const root = await ensureBuilt();
  const server = await startServer({ root, dataDir: DATA_DIR });
  const browser = await chromium.launchServer({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const profiles = mkdtempSync(join(tmpdir(), 'e2e-profiles-'));
  project.provide('e2eApp', { root, url: server.url, wsEndpoint: browser.wsEndpoint(), profiles });
  return async () => {
    await browser.close();
    await server.close();
    // Each worker closed its Chromium and removed its profile when it ended (tests/setup/e2e-environment.ts); a
    // worker that was killed instead (a crash, a second Ctrl+C) may leave a Chromium writing its profile for a
    // moment: removal is retried, and a directory left in the temp folder is worth a warning, not a failed run.
    try {
      rmSync(profiles, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
    } catch (error) {
      console.warn(`could not remove the e2e profiles (${profiles}): ${String(error)}`);
    }
  };
}
