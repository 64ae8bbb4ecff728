// The snapshot files' format: each query's rows by column, read back row for row as written (the export's own files
// here; tests/export/snapshots.test.ts compares those rows with DuckDB's), and a file of any other shape refused
// with its reason, never read in part.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSnapshot, decodeSnapshotInSlices, encodeSnapshot, SnapshotFormatError } from '../../src/queries/snapshot-format.ts';
import { SNAPSHOT_FILES, type Snapshot } from '../../src/queries/snapshot.ts';
import { DATA_DIR } from '../helpers/paths.ts';

const exported = (file: string) => readFileSync(path.join(DATA_DIR, file), 'utf8');

/** Rows as the previous export wrote them (one record per row, every key on every row). */
const records = (snapshot: Snapshot) => JSON.stringify(snapshot);

const refused = (text: string) => {
  try {
    decodeSnapshot(text);
  } catch (error) {
    expect(error).toBeInstanceOf(SnapshotFormatError);
    return (error as Error).message;
  }
  throw new Error('read');
};

describe('a snapshot file', () => {
  it('is written for every published file, valid JSON, and read back to the very rows (values, key order, nulls)', () => {
    const files = readdirSync(DATA_DIR).filter((f) => SNAPSHOT_FILES.includes(f));
    expect(files.sort()).toEqual([...SNAPSHOT_FILES].sort());
    const compareAheadHolding: string[] = [];
    for (const file of files) {
      const text = exported(file);
      expect(() => JSON.parse(text), file).not.toThrow();
      const snapshot = decodeSnapshot(text);
      // Compare's read-ahead file of an indicator no likely state shows holds no query (the file list stays fixed).
      if (file.startsWith('view-compare-ahead-')) {
        if (snapshot.queries.length > 0) compareAheadHolding.push(file);
      } else expect(snapshot.queries.length, file).toBeGreaterThan(0);
      // Written again from what was read: the same text, so nothing was lost or reordered on the way.
      expect(encodeSnapshot(snapshot), file).toBe(text);
    }
    expect(compareAheadHolding.length).toBeGreaterThan(0);
  });

  it('keeps every value of rows built to test it: texts with line breaks and quotes, numbers, booleans, nulls, lists', () => {
    const rows = [
      { a: 'x\ny "q" \u2028', b: 1.5, c: true, d: null, e: [1, 'two'], f: -0 },
      { a: 'x\ny "q" \u2028', b: 1e21, c: false, d: 'set', e: null, f: 7 },
      { a: '福建省', b: -3, c: true, d: null, e: [], f: 7 },
    ];
    const snapshot: Snapshot = { stamp: 's', queries: [{ id: 'q', sql: 'SELECT 1', rows }, { id: 'empty', sql: 'SELECT 2', rows: [] }] };
    const back = decodeSnapshot(encodeSnapshot(snapshot));
    // As JSON would have carried them (-0 is written 0).
    expect(back).toEqual(JSON.parse(records(snapshot)));
    expect(Object.keys(back.queries[0].rows[1])).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('writes a column of repeated values once per value, a column of distinct values as they are', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ province: i % 2 ? '福建省' : '陕西省', id: `case-${i}`, cut: i % 5 ? null : i }));
    const text = encodeSnapshot({ stamp: 's', queries: [{ id: 'q', sql: 'SELECT 1', rows }] });
    const [, province, id, cut] = JSON.parse(text) as unknown[];
    expect(province).toEqual({ values: ['陕西省', '福建省'], codes: rows.map((_, i) => i % 2) });
    expect(id).toEqual(rows.map((r) => r.id));
    expect((cut as { values: unknown[] }).values[0]).toBe(0);
    expect(text.length).toBeLessThan(records({ stamp: 's', queries: [{ id: 'q', sql: 'SELECT 1', rows }] }).length / 2);
  });

  it('is read in slices: a pause between two once the slice is used, the same snapshot in the end', async () => {
    const file = SNAPSHOT_FILES.map((f) => [f, exported(f)] as const).sort((a, b) => b[1].length - a[1].length)[0];
    // The clock moves 1 ms at each look; slices of 4 ms: never more than 4 looks (steps) between two pauses.
    let clock = 0;
    let pauses = 0;
    let sinceLastPause = 0;
    let longest = 0;
    const now = () => {
      longest = Math.max(longest, ++sinceLastPause);
      return clock++;
    };
    const sliced = await decodeSnapshotInSlices(file[1], async () => {
      pauses++;
      sinceLastPause = 0;
    }, 4, now);
    expect(sliced).toEqual(decodeSnapshot(file[1]));
    expect(pauses, file[0]).toBeGreaterThan(3);
    expect(longest).toBeLessThanOrEqual(5);
  });
});

describe('a file of another shape is refused, with the reason', () => {
  const snapshot = decodeSnapshot(exported(SNAPSHOT_FILES[0]));
  const text = encodeSnapshot(snapshot);
  const lines = text.split('\n');
  const withHeader = (change: (header: Record<string, unknown>) => void) => {
    const header = JSON.parse(lines[1].slice(0, -1)) as Record<string, unknown>;
    change(header);
    return [lines[0], `${JSON.stringify(header)},`, ...lines.slice(2)].join('\n');
  };
  const firstColumn = (value: unknown) => [lines[0], lines[1], `${JSON.stringify(value)},`, ...lines.slice(3)].join('\n');
  const rowCount = snapshot.queries[0].rows.length;

  it('the previous export\'s records, a web page, nothing', () => {
    expect(refused(records(snapshot))).toMatch(/one JSON array/);
    expect(refused('<!doctype html><html><body>app</body></html>')).toMatch(/one JSON array/);
    expect(refused('')).toMatch(/one JSON array/);
    expect(refused(`[\n${JSON.stringify(snapshot)}\n]\n`)).toMatch(/not a saved-answers file/);
  });

  it('cut short, a line changed, line breaks of another system', () => {
    expect(refused(text.slice(0, Math.floor(text.length / 2)))).toMatch(/one JSON array/);
    expect(refused([...lines.slice(0, -3), lines.at(-2), ''].join('\n'))).toMatch(/columns for the/);
    expect(refused(text.replace('\n', '\n{'))).toMatch(/line 2 is not JSON/);
    expect(refused(text.replaceAll('\n', '\r\n'))).toMatch(/one JSON array/);
  });

  it('another format or version, a header that does not hold', () => {
    expect(refused(withHeader((h) => (h.version = 2)))).toMatch(/version 2/);
    expect(refused(withHeader((h) => (h.format = 'other')))).toMatch(/not a saved-answers file/);
    expect(refused(withHeader((h) => (h.stamp = 7)))).toMatch(/stamp/);
    expect(refused(withHeader((h) => ((h.queries as { rows: number }[])[0].rows = -1)))).toMatch(/without id, SQL, row count/);
    expect(refused(withHeader((h) => (h.queries as { columns: string[] }[])[0].columns.splice(1, 1, '__proto__')))).toMatch(/__proto__/);
    expect(refused(withHeader((h) => (h.queries as { columns: string[] }[])[0].columns.splice(1, 1, (h.queries as { columns: string[] }[])[0].columns[0])))).toMatch(/not distinct/);
  });

  it('a column of another length, an index outside its dictionary, a dictionary of objects', () => {
    expect(refused(firstColumn(new Array(rowCount + 1).fill(1)))).toMatch(/values for/);
    expect(refused(firstColumn({ values: [1], codes: new Array(rowCount).fill(1) }))).toMatch(/outside its dictionary/);
    expect(refused(firstColumn({ values: [1], codes: new Array(rowCount).fill(0.5) }))).toMatch(/outside its dictionary/);
    expect(refused(firstColumn({ values: [{ a: 1 }], codes: new Array(rowCount).fill(0) }))).toMatch(/dictionary of other/);
    expect(refused(firstColumn('text'))).toMatch(/neither values nor a dictionary/);
  });
});
