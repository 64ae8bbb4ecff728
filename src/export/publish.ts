// The exported dataset is published as a set: the Parquet files, dashboard.duckdb, quality.json and
// the views' snapshots belong together (dashboard.duckdb is built from those very Parquet files, the snapshots
// are computed from dashboard.duckdb). A run writes the whole set into a staging directory beside the output
// directory, then switches directories: `out` → `out.previous.tmp`, `staging` → `out`, previous removed.
// A reader (the dev server, the static server, `vite build` copying public/) therefore finds the old set or
// the new set, never a mix; a failure while writing leaves the old set untouched.
// Why directories and not a symlink: `vite build` copies public/ following links, so generations kept
// under public/ would all be copied into dist/ (and kept outside it, a link would point out of the tree).
// The switch is two renames; a crash between them leaves `out.previous.tmp`, which the next run puts back.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { DASHBOARD_DB_FILE, DATA_FILES } from '../sql/tables.ts';
import { SNAPSHOT_FILES } from '../queries/snapshot.ts';
import { WORD_LIST_FILE } from '../ingest/mojibake-words.ts';

export const QUALITY_FILE = 'quality.json';

/** Every file of an exported set, in the order they are written. */
export const SET_FILES: readonly string[] = [...DATA_FILES.map((f) => f.file), DASHBOARD_DB_FILE, QUALITY_FILE, ...SNAPSHOT_FILES, WORD_LIST_FILE];

/**
 * Files an earlier version of the export wrote in the set and this one does not: a directory holding them is still an
 * exported set (replaced as a whole, so they go).
 */
const FORMER_SET_FILES: readonly string[] = ['view-compare-ahead.json'];

/** Called before each file of the set is written (tests fail a write here; a caller may log progress). */
export interface ExportHooks {
  beforeWrite?: (file: string) => void | Promise<void>;
}

const stagingDir = (outDir: string) => `${outDir}.next.tmp`;
const previousDir = (outDir: string) => `${outDir}.previous.tmp`;

/** The previous set, if a run died between the two renames of its switch. */
async function recover(outDir: string): Promise<void> {
  if (!existsSync(outDir) && existsSync(previousDir(outDir))) await rename(previousDir(outDir), outDir);
}

/**
 * The output directory is replaced as a whole, so it must hold nothing but an exported set: refuse
 * (before writing anything) to replace a directory with other files in it, e.g. `--out .` by mistake.
 */
async function checkReplaceable(outDir: string): Promise<void> {
  if (!existsSync(outDir)) return;
  const known = new Set([...SET_FILES, ...FORMER_SET_FILES]);
  const foreign = (await readdir(outDir)).filter((name) => !known.has(name) && !name.endsWith('.tmp') && !name.endsWith('.tmp.wal'));
  if (foreign.length > 0) {
    throw new Error(`${outDir} holds files an export does not write (${foreign.slice(0, 5).join(', ')}); choose an empty or export-only directory`);
  }
}

/** Write a whole set with `write(dir)` into a staging directory, then switch it in as `outDir`. */
export async function publishSet<T>(outDir: string, write: (dir: string) => Promise<T>): Promise<T> {
  const target = path.resolve(outDir);
  await recover(target);
  await checkReplaceable(target);
  const staging = stagingDir(target);
  const previous = previousDir(target);
  await rm(staging, { recursive: true, force: true });
  await rm(previous, { recursive: true, force: true });
  await mkdir(path.dirname(target), { recursive: true });
  await mkdir(staging);
  try {
    const result = await write(staging);
    const missing = SET_FILES.filter((f) => !existsSync(path.join(staging, f)));
    if (missing.length > 0) throw new Error(`export incomplete, not published: ${missing.join(', ')} missing`);
    if (existsSync(target)) await rename(target, previous);
    try {
      await rename(staging, target);
    } catch (error) {
      if (existsSync(previous)) await rename(previous, target);
      throw error;
    }
    await rm(previous, { recursive: true, force: true });
    return result;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
