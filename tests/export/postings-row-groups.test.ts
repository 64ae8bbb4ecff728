// The export writes the search postings in a session of their own with larger row groups (dashboard-db.ts
// attachForPostings). DuckDB takes the row group size per attached database and, at checkpoint, merges adjacent
// row groups up to it: the session must leave the tables written before it as they were, or every view's table
// would get the postings' coarse row groups. Checked on a file written the export's way, in both sessions.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { attachForPostings, BROWSER_STORAGE_VERSION, POSTINGS_ROW_GROUP_SIZE } from '../../src/export/dashboard-db.ts';
import { openMemoryDatabase, type NodeDatabase } from '../../src/export/node-connector.ts';
import { literal } from '../../src/sql/quote.ts';
import { PUBLISHED_SCHEMA } from '../../src/sql/tables.ts';

/** DuckDB's own row group size. */
const DEFAULT_ROW_GROUP_SIZE = 122_880;

let dir: string;
let db: NodeDatabase;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'postings-row-groups-'));
  db = await openMemoryDatabase();
});
afterAll(async () => {
  db?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Rows of each row group of `table` in the attached file, in order. */
async function rowGroups(table: string): Promise<number[]> {
  const rows = await db.query<{ rows: number }>(`SELECT sum(count) AS rows FROM pragma_storage_info(${literal(`${PUBLISHED_SCHEMA}.${table}`)})
    WHERE column_path = '[0]' GROUP BY row_group_id ORDER BY row_group_id`);
  return rows.map((r) => Number(r.rows));
}

test('the postings session writes larger row groups and leaves the earlier tables as they were', async () => {
  const file = path.join(dir, 'two-sessions.duckdb');
  // A view's table of 600,000 rows, written as the export's first session writes (DuckDB's default row groups).
  const rows = 600_000;
  await db.exec(`ATTACH ${literal(file)} AS ${PUBLISHED_SCHEMA} (STORAGE_VERSION '${BROWSER_STORAGE_VERSION}')`);
  await db.exec(`CREATE TABLE ${PUBLISHED_SCHEMA}.facts AS SELECT range AS id, range % 7 AS kind FROM range(${rows}) ORDER BY id`);
  await db.exec(`DETACH ${PUBLISHED_SCHEMA}`);
  await db.exec(`ATTACH ${literal(file)} AS ${PUBLISHED_SCHEMA} (READ_ONLY)`);
  const before = await rowGroups('facts');
  await db.exec(`DETACH ${PUBLISHED_SCHEMA}`);
  expect(before.length).toBeGreaterThan(1);
  // The postings' session: a table more than one default row group long.
  const postings = POSTINGS_ROW_GROUP_SIZE + 100_000;
  await attachForPostings(db, file);
  await db.exec(`CREATE TABLE ${PUBLISHED_SCHEMA}.postings AS SELECT range AS gram FROM range(${postings}) ORDER BY gram`);
  await db.exec(`DETACH ${PUBLISHED_SCHEMA}`);
  await db.exec(`RESET max_vacuum_tasks`);
  await db.exec(`ATTACH ${literal(file)} AS ${PUBLISHED_SCHEMA} (READ_ONLY)`);
  try {
    expect(await rowGroups('facts')).toEqual(before);
    // Row groups of up to the postings' size (DuckDB's parallel append may cut one short), far beyond what the
    // default makes (122,880 rows, two of them merged at checkpoint).
    const groups = await rowGroups('postings');
    expect(groups.reduce((a, b) => a + b, 0)).toBe(postings);
    expect(Math.max(...groups)).toBeGreaterThan(4 * DEFAULT_ROW_GROUP_SIZE);
    expect(Math.max(...groups)).toBeLessThanOrEqual(POSTINGS_ROW_GROUP_SIZE);
  } finally {
    await db.exec(`DETACH ${PUBLISHED_SCHEMA}`);
  }
});
