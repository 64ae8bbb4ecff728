// Parquet bytes → Arrow table, in pure JS (hyparquet + apache-arrow).
// Why: DuckDB-wasm 1.32's read_parquet downloads its parquet extension from the internet and fails
// offline; Arrow ingestion is built in. Column types come from the Parquet schema, so a column the
// ingest adds later loads without a code change here.
import { Bool, DateDay, Field, Float64, Int32, List, Table, Utf8, vectorFromArray } from 'apache-arrow';
import type { DataType, Vector } from 'apache-arrow';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import type { SchemaTree } from 'hyparquet';

/** Thrown for bytes that are not a Parquet file (e.g. an HTML page served in its place). */
export class NotParquetError extends Error {}

const PAR1 = [0x50, 0x41, 0x52, 0x31];

export function isParquet(bytes: ArrayBuffer): boolean {
  if (bytes.byteLength < 12) return false;
  const head = new Uint8Array(bytes, 0, 4);
  const tail = new Uint8Array(bytes, bytes.byteLength - 4, 4);
  return PAR1.every((b, i) => head[i] === b && tail[i] === b);
}

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

function toInt32(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'bigint' ? Number(value) : Number(value);
  return n;
}

function convert(kind: ColumnKind, values: unknown[]): unknown[] {
  switch (kind) {
    case 'int32':
    case 'float64':
      return values.map(toInt32);
    case 'date':
      return values.map((v) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v))));
    case 'list_utf8':
      return values.map((v) => (Array.isArray(v) ? v.map((x) => (x === null ? null : String(x))) : null));
    case 'bool':
      return values.map((v) => (v === null || v === undefined ? null : Boolean(v)));
    case 'utf8':
      return values.map((v) => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v)));
  }
}

/** Decode a whole Parquet file into an Arrow table with explicit column types. */
export async function parquetToArrow(bytes: ArrayBuffer): Promise<Table> {
  if (!isParquet(bytes)) throw new NotParquetError('not a Parquet file');
  const metadata = parquetMetadata(bytes);
  const schema = parquetSchema(metadata);
  const rows = await parquetReadObjects({ file: bytes, metadata });
  const columns: Record<string, Vector> = {};
  for (const node of schema.children) {
    const name = node.element.name;
    let kind = columnKind(node);
    let values = convert(
      kind,
      rows.map((r) => r[name]),
    );
    // An INT64 column whose values do not fit 32 bits goes to Float64 rather than wrap around.
    if (kind === 'int32' && values.some((v) => typeof v === 'number' && (v > 2 ** 31 - 1 || v < -(2 ** 31) || !Number.isInteger(v)))) {
      kind = 'float64';
      values = convert(kind, values);
    }
    columns[name] = vectorFromArray(values, arrowType(kind));
  }
  return new Table(columns);
}
