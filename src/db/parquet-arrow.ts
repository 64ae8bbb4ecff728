// Parquet bytes → Arrow table, in pure JS (hyparquet + apache-arrow), column by column.
// Why: DuckDB-wasm 1.32's read_parquet downloads its parquet extension from the internet and fails
// offline; Arrow ingestion is built in. Column types come from the Parquet schema, so a column the
// ingest adds later loads without a code change here.
// Why column-wise: hyparquet decodes each column chunk into one array; asking it for row objects
// (parquetReadObjects) transposes 100k × 20 values into objects only to pull them apart again — that
// took most of the 56 s load of 100k cases. Numbers go straight from the decoded typed arrays into Arrow
// buffers; only strings, lists, booleans and dates go through Arrow's builders.
import { Bool, DateDay, Field, Float64, Int32, List, makeData, makeVector, Table, Utf8, vectorFromArray } from 'apache-arrow';
import type { DataType, Vector } from 'apache-arrow';
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import type { ColumnData, SchemaTree } from 'hyparquet';

import { isParquet, NotParquetError } from './parquet-bytes.ts';

export { isParquet, NotParquetError };

/** The Arrow types we use: Utf8, Int32, Float64, Bool, DateDay, List<Utf8>. */
type ColumnKind = 'utf8' | 'int32' | 'float64' | 'bool' | 'date' | 'list_utf8';

function arrowType(kind: ColumnKind): DataType {
  switch (kind) {
    case 'utf8':
      return new Utf8();
    case 'int32':
      return new Int32();
    case 'float64':
      return new Float64();
    case 'bool':
      return new Bool();
    case 'date':
      return new DateDay();
    case 'list_utf8':
      return new List(new Field('item', new Utf8(), true));
  }
}

/** Decide a column's kind from its Parquet schema node. */
export function columnKind(node: SchemaTree): ColumnKind {
  const el = node.element;
  const logical = el.logical_type?.type;
  if (node.children.length > 0) {
    // LIST groups (3-level: list → element); we only export lists of strings.
    if (logical === 'LIST' || el.converted_type === 'LIST') return 'list_utf8';
    return 'utf8';
  }
  if (logical === 'DATE' || el.converted_type === 'DATE') return 'date';
  switch (el.type) {
    case 'BOOLEAN':
      return 'bool';
    case 'INT32':
      return 'int32';
    case 'INT64':
      // DuckDB writes BIGINT for count-like columns; our values are small. Checked per value below.
      return 'int32';
    case 'FLOAT':
    case 'DOUBLE':
      return 'float64';
    default:
      return 'utf8';
  }
}

/** One column's decoded chunks (one per row group), joined in row order. */
function joinChunks(chunks: ColumnData[], numRows: number): ArrayLike<unknown> {
  chunks.sort((a, b) => a.rowStart - b.rowStart);
  if (chunks.length === 1 && chunks[0].columnData.length === numRows) return chunks[0].columnData;
  const out: unknown[] = new Array(numRows);
  for (const chunk of chunks) {
    const data = chunk.columnData;
    const end = Math.min(chunk.rowEnd, numRows);
    for (let i = chunk.rowStart; i < end; i++) out[i] = data[i - chunk.rowStart];
  }
  return out;
}

/**
 * A numeric column as an Arrow vector built from one typed buffer plus a validity bitmap, or null when a
 * value does not fit (a non-integer or > 32-bit value in an "int32" column → the caller retries as Float64).
 */
function numericVector(kind: 'int32' | 'float64', values: ArrayLike<unknown>): Vector | null {
  const n = values.length;
  const data = kind === 'int32' ? new Int32Array(n) : new Float64Array(n);
  let bitmap: Uint8Array | null = null;
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      bitmap ??= new Uint8Array((n + 7) >> 3).fill(0xff);
      bitmap[i >> 3] &= ~(1 << (i & 7));
      nullCount++;
      continue;
    }
    const x = typeof v === 'number' ? v : Number(v);
    if (kind === 'int32' && (!Number.isInteger(x) || x > 2 ** 31 - 1 || x < -(2 ** 31))) return null;
    data[i] = x;
  }
  const type = kind === 'int32' ? new Int32() : new Float64();
  return makeVector(makeData({ type, length: n, nullCount, nullBitmap: bitmap ?? undefined, data } as never));
}

const nullish = (v: unknown) => v === null || v === undefined;

/** A validity bitmap (bit set = value present) for `n` values, or null when none is missing. */
function validity(n: number, isNull: (i: number) => boolean): { bitmap: Uint8Array | undefined; nullCount: number } {
  let bitmap: Uint8Array | undefined;
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    if (!isNull(i)) continue;
    bitmap ??= new Uint8Array((n + 7) >> 3).fill(0xff);
    bitmap[i >> 3] &= ~(1 << (i & 7));
    nullCount++;
  }
  return { bitmap, nullCount };
}

const encoder = new TextEncoder();

/** Strings → Arrow's Utf8 layout (offsets + one byte buffer), encoded straight into place. */
function utf8Buffers(strings: (string | null)[]): { offsets: Int32Array; bytes: Uint8Array } {
  const offsets = new Int32Array(strings.length + 1);
  let bytes = new Uint8Array(1024);
  let at = 0;
  // Parquet dictionary pages repeat the same string object; copying its first encoding is cheaper than
  // encoding a long text again (where it was last written: start, end).
  const seen = new Map<string, number>();
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i];
    if (s) {
      // UTF-8 takes at most 3 bytes per UTF-16 code unit.
      if (at + s.length * 3 > bytes.length) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, at + s.length * 3));
        grown.set(bytes.subarray(0, at));
        bytes = grown;
      }
      const first = s.length > 32 ? seen.get(s) : undefined;
      if (first !== undefined) {
        const length = offsets[first + 1] - offsets[first];
        bytes.copyWithin(at, offsets[first], offsets[first + 1]);
        at += length;
      } else {
        if (s.length > 32) seen.set(s, i);
        at += encoder.encodeInto(s, bytes.subarray(at)).written;
      }
    }
    offsets[i + 1] = at;
  }
  return { offsets, bytes: bytes.subarray(0, at) };
}

function utf8Data(strings: (string | null)[]) {
  const { offsets, bytes } = utf8Buffers(strings);
  const { bitmap, nullCount } = validity(strings.length, (i) => strings[i] === null);
  return makeData({ type: new Utf8(), length: strings.length, nullCount, nullBitmap: bitmap, valueOffsets: offsets, data: bytes });
}

function utf8Vector(values: ArrayLike<unknown>): Vector {
  const strings = Array.from(values, (v) => (nullish(v) ? null : typeof v === 'string' ? v : JSON.stringify(v)));
  return makeVector(utf8Data(strings));
}

function listUtf8Vector(values: ArrayLike<unknown>): Vector {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  const items: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Array.isArray(v)) for (const x of v) items.push(nullish(x) ? null : String(x));
    offsets[i + 1] = items.length;
  }
  const { bitmap, nullCount } = validity(n, (i) => !Array.isArray(values[i]));
  const type = arrowType('list_utf8') as List<Utf8>;
  return makeVector(makeData({ type, length: n, nullCount, nullBitmap: bitmap, valueOffsets: offsets, child: utf8Data(items) }));
}

function otherVector(kind: 'bool' | 'date', values: ArrayLike<unknown>): Vector {
  const list = Array.from(values, (v): unknown => {
    if (nullish(v)) return null;
    return kind === 'bool' ? Boolean(v) : v instanceof Date ? v : new Date(String(v));
  });
  return vectorFromArray(list, arrowType(kind));
}

/** Decode a whole Parquet file into an Arrow table with explicit column types. */
export async function parquetToArrow(bytes: ArrayBuffer): Promise<Table> {
  if (!isParquet(bytes)) throw new NotParquetError('not a Parquet file');
  const metadata = parquetMetadata(bytes);
  const schema = parquetSchema(metadata);
  const numRows = Number(metadata.num_rows);
  const chunks = new Map<string, ColumnData[]>();
  await parquetRead({
    file: bytes,
    metadata,
    onChunk: (chunk) => {
      const list = chunks.get(chunk.columnName);
      if (list) list.push(chunk);
      else chunks.set(chunk.columnName, [chunk]);
    },
  });
  const columns: Record<string, Vector> = {};
  for (const node of schema.children) {
    const name = node.element.name;
    const values = joinChunks(chunks.get(name) ?? [], numRows);
    const kind = columnKind(node);
    if (kind === 'int32' || kind === 'float64') {
      // An INT64 column whose values do not fit 32 bits goes to Float64 rather than wrap around.
      columns[name] = numericVector(kind, values) ?? numericVector('float64', values)!;
    } else if (kind === 'utf8') {
      columns[name] = utf8Vector(values);
    } else if (kind === 'list_utf8') {
      columns[name] = listUtf8Vector(values);
    } else {
      columns[name] = otherVector(kind, values);
    }
  }
  return new Table(columns);
}


/** SQL column definitions for a table's schema (to create a table from a file with no rows). */
export function sqlColumns(table: Table): string {
  return table.schema.fields
    .map((f) => {
      const t = String(f.type);
      const sqlType = t.startsWith('List')
        ? 'VARCHAR[]'
        : t.startsWith('Int')
          ? 'INTEGER'
          : t.startsWith('Float')
            ? 'DOUBLE'
            : t.startsWith('Bool')
              ? 'BOOLEAN'
              : t.startsWith('Date')
                ? 'DATE'
                : 'VARCHAR';
      return `"${f.name.replaceAll('"', '""')}" ${sqlType}`;
    })
    .join(', ');
}
