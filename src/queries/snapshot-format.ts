// The snapshot files' format (src/queries/snapshot.ts says what they hold). A query's rows are written by column:
// each column's name once, its values as one array — or, when shorter, its distinct values once and an index per
// row (a province, a dimension, the nulls of the columns a row's part of a UNION does not have). At national scale
// the measures panel's stored rows took 10.8 MB as records, a few MB this way. The file is one JSON array, one
// element per line: a header (the format, the export's stamp, each query's id, SQL, row count and column names),
// then every query's columns in turn. Valid JSON for any tool; the browser parses it a line at a time, so a large
// file is read in short tasks between which a click is answered (decodeSnapshotInSlices).
//
// The reader is strict: the file comes over the network. Anything not of this exact shape (another format, an
// older file, a truncated one, a dev server's index.html) is refused with the reason, and the view asks DuckDB.
import type { Snapshot } from './snapshot.ts';
import type { Row } from './types.ts';

/** Names the format in the header; another name or version is another format. */
export const SNAPSHOT_FORMAT = 'yingshang-compare.saved-answers';
export const SNAPSHOT_FORMAT_VERSION = 1;

/** A query as the header lists it: its rows are the next `columns.length` lines. */
interface QueryHeader {
  id: string;
  sql: string;
  rows: number;
  columns: string[];
}

interface Header {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_FORMAT_VERSION;
  stamp?: string;
  queries: QueryHeader[];
}

/** A column whose values repeat: each distinct value once, then per row the index of its value. */
interface DictionaryColumn {
  values: (string | number | boolean | null)[];
  codes: number[];
}

/** A file that is not a snapshot of this format; `message` says why. */
export class SnapshotFormatError extends Error {
  override name = 'SnapshotFormatError';
}

const isPrimitive = (v: unknown): v is string | number | boolean | null => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** The column's values as the shorter of a plain array and a dictionary (only of strings, numbers, booleans, null). */
function encodeColumn(values: unknown[]): string {
  const plain = JSON.stringify(values);
  if (!values.every(isPrimitive)) return plain;
  const index = new Map<string | number | boolean | null, number>();
  const codes = values.map((v) => {
    let code = index.get(v);
    if (code === undefined) index.set(v, (code = index.size));
    return code;
  });
  const dictionary = JSON.stringify({ values: [...index.keys()], codes } satisfies DictionaryColumn);
  return dictionary.length < plain.length ? dictionary : plain;
}

/** The columns of `rows`: the first row's keys, which every row must have, in that order (a query's rows do). */
function columnsOf(id: string, rows: Row[]): string[] {
  const columns = rows.length > 0 ? Object.keys(rows[0]) : [];
  for (const row of rows) {
    const keys = Object.keys(row);
    if (keys.length !== columns.length || keys.some((k, i) => k !== columns[i])) throw new Error(`${id}: its rows do not share one set of columns`);
  }
  return columns;
}

/** The file's text for `snapshot`. */
export function encodeSnapshot(snapshot: Snapshot): string {
  const queries = snapshot.queries.map((q) => ({ id: q.id, sql: q.sql, rows: q.rows.length, columns: columnsOf(q.id, q.rows) }));
  const header: Header = { format: SNAPSHOT_FORMAT, version: SNAPSHOT_FORMAT_VERSION, ...(snapshot.stamp === undefined ? {} : { stamp: snapshot.stamp }), queries };
  const lines = [JSON.stringify(header)];
  snapshot.queries.forEach((q, i) => {
    for (const column of queries[i].columns) lines.push(encodeColumn(q.rows.map((row) => row[column])));
  });
  // JSON.stringify escapes every line break inside a value: each element is exactly one line.
  return `[\n${lines.join(',\n')}\n]\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

function fail(reason: string): never {
  throw new SnapshotFormatError(reason);
}

function checkHeader(value: unknown): Header {
  if (!isObject(value)) fail('no header');
  if (value.format !== SNAPSHOT_FORMAT) fail(`not a saved-answers file (format ${JSON.stringify(value.format)})`);
  if (value.version !== SNAPSHOT_FORMAT_VERSION) fail(`version ${JSON.stringify(value.version)}, this app reads ${SNAPSHOT_FORMAT_VERSION}`);
  if (value.stamp !== undefined && typeof value.stamp !== 'string') fail('a stamp that is not text');
  if (!Array.isArray(value.queries)) fail('no list of queries');
  const sqls = new Set<string>();
  for (const q of value.queries as unknown[]) {
    if (!isObject(q) || typeof q.id !== 'string' || typeof q.sql !== 'string' || !isCount(q.rows) || !Array.isArray(q.columns)) fail('a query without id, SQL, row count or columns');
    const columns = q.columns as unknown[];
    if (!columns.every((c) => typeof c === 'string') || new Set(columns).size !== columns.length) fail(`${q.id}: column names not distinct texts`);
    // Rows are built as plain objects: a key that is no ordinary property name is refused.
    if (columns.includes('__proto__')) fail(`${q.id}: a column named __proto__`);
    if (q.rows > 0 && columns.length === 0) fail(`${q.id}: rows without columns`);
    if (sqls.has(q.sql)) fail(`${q.id}: its SQL text twice`);
    sqls.add(q.sql);
  }
  return value as unknown as Header;
}

/** One column's values, `rows` of them. */
function checkColumn(value: unknown, rows: number, where: string): unknown[] {
  if (Array.isArray(value)) {
    if (value.length !== rows) fail(`${where}: ${value.length} values for ${rows} rows`);
    return value;
  }
  if (!isObject(value) || !Array.isArray(value.values) || !Array.isArray(value.codes)) fail(`${where}: neither values nor a dictionary`);
  const { values, codes } = value as unknown as DictionaryColumn;
  if (!values.every(isPrimitive)) fail(`${where}: a dictionary of other than texts, numbers, booleans or nulls`);
  if (codes.length !== rows) fail(`${where}: ${codes.length} values for ${rows} rows`);
  const out = new Array<unknown>(rows);
  for (let i = 0; i < rows; i++) {
    const code = codes[i];
    if (!Number.isInteger(code) || code < 0 || code >= values.length) fail(`${where}: an index outside its dictionary`);
    out[i] = values[code];
  }
  return out;
}

/** The element on line `line` of the file's lines (`last`: the array's last element, with no comma after it). */
function parseLine(line: string, last: boolean, n: number): unknown {
  const text = last ? line : line.endsWith(',') ? line.slice(0, -1) : fail(`line ${n + 1} is not one element`);
  try {
    return JSON.parse(text);
  } catch {
    return fail(`line ${n + 1} is not JSON`);
  }
}

/** Rows from the columns, `from` to `to` (exclusive), appended to `out`. */
function buildRows(names: string[], columns: unknown[][], from: number, to: number, out: Row[]): void {
  // Each row a copy of one shape, then filled: no object grows key by key (much slower past a few dozen keys).
  const shape: Row = {};
  for (const name of names) shape[name] = null;
  for (let r = from; r < to; r++) {
    const row: Row = { ...shape };
    for (let c = 0; c < names.length; c++) row[names[c]] = columns[c][r];
    out.push(row);
  }
}

/** Rows built between two looks at the clock. */
const ROWS_PER_STEP = 128;

/**
 * Reads `text` a step at a time: yields between two lines or two runs of rows, and returns the snapshot. Throws
 * SnapshotFormatError (with the reason) for a file of any other shape.
 */
function* decodeSteps(text: string): Generator<void, Snapshot> {
  const lines = text.split('\n');
  // One trailing line break (as written); anything else around the array is refused.
  if (lines.at(-1) === '') lines.pop();
  if (lines.length < 3 || lines[0] !== '[' || lines.at(-1) !== ']') fail('not one JSON array, one element per line');
  const elements = lines.length - 2;
  const header = checkHeader(parseLine(lines[1], elements === 1, 1));
  const columnLines = header.queries.reduce((n, q) => n + q.columns.length, 0);
  if (columnLines !== elements - 1) fail(`${elements - 1} columns for the ${columnLines} the header lists`);
  let line = 2;
  const queries: Snapshot['queries'] = [];
  for (const q of header.queries) {
    const columns: unknown[][] = [];
    for (const name of q.columns) {
      yield;
      columns.push(checkColumn(parseLine(lines[line], line === lines.length - 2, line), q.rows, `${q.id}.${name}`));
      line++;
    }
    const rows: Row[] = [];
    for (let from = 0; from < q.rows; from += ROWS_PER_STEP) {
      yield;
      buildRows(q.columns, columns, from, Math.min(q.rows, from + ROWS_PER_STEP), rows);
    }
    queries.push({ id: q.id, sql: q.sql, rows });
  }
  return header.stamp === undefined ? { queries } : { stamp: header.stamp, queries };
}

/** The snapshot in `text`, read at once (Node: the tests, the tools). Throws SnapshotFormatError as decodeSteps. */
export function decodeSnapshot(text: string): Snapshot {
  const steps = decodeSteps(text);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Between two slices of the work: resolves when the reader may go on (the browser: a task of its own). */
export type Pause = () => Promise<void>;

/**
 * decodeSnapshot in slices of about `sliceMs`, `pause` awaited between two: a large file never holds the thread
 * longer than that plus one line's parse or a few hundred rows, so a click waits for no long task.
 */
export async function decodeSnapshotInSlices(text: string, pause: Pause, sliceMs = 8, now: () => number = () => performance.now()): Promise<Snapshot> {
  const steps = decodeSteps(text);
  let sliceStart = now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = now();
    }
  }
}
