// The exported dataset the tests read (public/data/): made by `npm run etl` when it is missing or older
// than what produces it, once, under a lock — test files run in parallel and e2e suites of several
// worktrees run at once, and two ETLs writing the same directory would corrupt it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DASHBOARD_DB_FILE } from '../../src/sql/tables.ts';
import { DATA_DIR, ROOT } from './paths.ts';

/** The newest modification time under `path` (node_modules directories skipped). */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(path)) {
    // (Not `data` too: src/views/data is a source; generated data lies outside every source path given.)
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** A cross-process lock (mkdir is atomic); a lock older than 5 minutes is from a crashed run. */
export async function withLock<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  const lock = join(ROOT, 'node_modules/.cache', `${name}.lock`);
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 300_000) rmdirSync(lock);
      if (Date.now() - started > 300_000) throw new Error(`timed out waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmdirSync(lock);
  }
}

/**
 * What the export is made from: the notices and the code that reads and writes them — the views' named queries
 * and default state too, whose answers it saves (overview.json, view-*.json: src/queries/snapshot-plans.ts).
 */
const DATASET_SOURCES = ['data/raw', 'src/ingest', 'src/export', 'src/sql', 'src/queries', 'src/state', 'scripts/etl.ts', 'package-lock.json'];

function datasetIsCurrent(): boolean {
  const db = join(DATA_DIR, DASHBOARD_DB_FILE);
  if (!existsSync(db)) return false;
  const sources = Math.max(...DATASET_SOURCES.map((p) => newestMtime(join(ROOT, p))));
  return statSync(db).mtimeMs > sources;
}

/** Run the ETL into public/data/ unless the dataset there is current. */
export async function ensureDataset(): Promise<void> {
  if (datasetIsCurrent()) return;
  await withLock('dataset-etl', () => {
    if (datasetIsCurrent()) return;
    const result = spawnSync('npx', ['tsx', 'scripts/etl.ts'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npm run etl failed with ${result.status}: no dataset to test against`);
  });
}
