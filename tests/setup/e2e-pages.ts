// Around every e2e test: storage cleared before it, its pages closed after it (tests/e2e/harness.ts, WorkerProfile:
// the tests' tabs share one Chromium profile per worker for its caches, never its storage).
import { afterEach, beforeEach } from 'vitest';
import { workerProfile } from '../e2e/harness.ts';

beforeEach(() => workerProfile()?.beforeTest());
afterEach(() => workerProfile()?.afterTest());
