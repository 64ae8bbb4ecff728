// Imported rows into DuckDB in bulk: rows → one Arrow table → a staging table (DuckDB-wasm's
// insertArrowTable) → INSERT … SELECT with each column cast to the target's type. Thousands of rows go in
// at once, where INSERT … VALUES statements cost seconds per thousand rows to parse and plan
// (README, "Importing documents": a synthetic 10k-case document measured both ways).
// The Arrow side only needs four kinds of column (text, number, boolean, list of text): DuckDB does the
// exact typing (INTEGER, DATE, TIMESTAMP…) in the cast, as the target table says.
import { Bool, Field, Float64, List, Table, Utf8, makeData, makeVector, tableToIPC, type Data, type DataType, type Vector } from 'apache-arrow';
import type { SqlColumn } from '../sql/connector.ts';
import { ident } from '../sql/quote.ts';


/** The Arrow type a DuckDB column's values travel as. */
export function arrowTypeOf(duckdbType: string): DataType {
  const upper = duckdbType.toUpperCase();
  if (upper.endsWith('[]')) return new List(new Field('item', arrowTypeOf(upper.slice(0, -2)), true));
  if (upper === 'BOOLEAN') return new Bool();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|DOUBLE|FLOAT|REAL|DECIMAL.*)$/.test(upper)) return new Float64();
  return new Utf8();
}

// Columns are laid out by hand (one UTF-8 buffer + offsets per text column): apache-arrow's generic
// vectorFromArray took ~2 s for 10k cases of ~7 KB each, this takes a few hundred ms.

/** Validity bitmap (1 = present) of `values`, or undefined when none is missing. */
function validity(values: unknown[]): { bitmap: Uint8Array | undefined; nulls: number } {
  let nulls = 0;
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  values.forEach((v, i) => {
    if (v === null || v === undefined) nulls++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  });
  return { bitmap: nulls > 0 ? bitmap : undefined, nulls };
}

const encoder = new TextEncoder();

function textData(values: unknown[]): Data<Utf8> {
  const strings = values.map((v) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v)));
  // Each string encoded straight into one buffer (a UTF-16 unit never takes more than 3 UTF-8 bytes).
  const offsets = new Int32Array(strings.length + 1);
  let units = 0;
  for (const text of strings) units += text.length;
  const buffer = new Uint8Array(units * 3);
  let bytes = 0;
  strings.forEach((text, i) => {
    bytes += encoder.encodeInto(text, buffer.subarray(bytes)).written;
    offsets[i + 1] = bytes;
  });
  const data = buffer.subarray(0, bytes);
  const { bitmap, nulls } = validity(values);
  return makeData({ type: new Utf8(), length: values.length, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, data });
}

function numberData(values: unknown[]): Data<Float64> {
  const numbers = values.map((v) => (v === null || v === undefined || !Number.isFinite(Number(v)) ? null : Number(v)));
  const { bitmap, nulls } = validity(numbers);
  return makeData({ type: new Float64(), length: values.length, nullCount: nulls, nullBitmap: bitmap, data: Float64Array.from(numbers, (n) => n ?? 0) });
}

function boolData(values: unknown[]): Data<Bool> {
  const bits = new Uint8Array((values.length + 7) >> 3);
  values.forEach((v, i) => {
    if (v) bits[i >> 3] |= 1 << (i & 7);
  });
  const { bitmap, nulls } = validity(values);
  return makeData({ type: new Bool(), length: values.length, nullCount: nulls, nullBitmap: bitmap, data: bits });
}

function listData(values: unknown[], type: List): Data<List> {
  const offsets = new Int32Array(values.length + 1);
  const items: unknown[] = [];
  values.forEach((v, i) => {
    if (Array.isArray(v)) items.push(...v);
    offsets[i + 1] = items.length;
  });
  const lists = values.map((v) => (Array.isArray(v) ? v : null));
  const { bitmap, nulls } = validity(lists);
  return makeData({ type, length: values.length, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, child: columnData(items, type.children[0].type) });
}

function columnData(values: unknown[], type: DataType): Data {
  if (type instanceof List) return listData(values, type);
  if (type instanceof Float64) return numberData(values);
  if (type instanceof Bool) return boolData(values);
  return textData(values);
}

/** The rows as an Arrow table with the target table's columns, in its order. */
export function rowsToArrow(columns: SqlColumn[], rows: readonly object[]): Table {
  const vectors: Record<string, Vector> = {};
  for (const column of columns) {
    const values = rows.map((row) => (row as Record<string, unknown>)[column.name]);
    vectors[column.name] = makeVector(columnData(values, arrowTypeOf(column.type)));
  }
  return new Table(vectors);
}

/** The statement that moves the staging table's rows into `table`, each column cast to its type. */
export function insertFromStagingSql(table: string, staging: string, columns: SqlColumn[]): string {
  const names = columns.map((c) => ident(c.name)).join(', ');
  const casts = columns.map((c) => `CAST(${ident(c.name)} AS ${c.type})`).join(', ');
  return `INSERT INTO ${ident(table)} (${names}) SELECT ${casts} FROM ${ident(staging)}`;
}

/** What insertRowsBulk needs of a DuckDB-wasm connection (so tests can pass another engine's). */
export interface BulkConnection {
  query(sql: string): Promise<unknown>;
  insertArrowFromIPCStream(buffer: Uint8Array, options: { name: string; create?: boolean }): Promise<void>;
}

/** Insert `rows` into `table` in one go (call inside the caller's transaction to make it all-or-nothing). */
export async function insertRowsBulk(conn: BulkConnection, table: string, columns: SqlColumn[], rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const staging = `staging_${table}`;
  await conn.query(`DROP TABLE IF EXISTS ${ident(staging)}`);
  // Serialised here rather than by insertArrowTable: that one needs the Table class of DuckDB-wasm's own
  // apache-arrow instance (in Node tests it is another one, and the insert then silently does nothing).
  await conn.insertArrowFromIPCStream(tableToIPC(rowsToArrow(columns, rows), 'stream'), { name: staging, create: true });
  try {
    await conn.query(insertFromStagingSql(table, staging, columns));
  } finally {
    await conn.query(`DROP TABLE IF EXISTS ${ident(staging)}`);
  }
}
