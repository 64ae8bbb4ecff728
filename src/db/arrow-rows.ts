// Arrow result → plain JS rows for the views: numbers stay numbers (BigInt → number), DATE becomes
// 'YYYY-MM-DD', lists become arrays, so components never see Arrow types.
import { DataType } from 'apache-arrow';
import type { Field, Table } from 'apache-arrow';
import type { Row } from '../queries/types.ts';

function isoDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const ms = value instanceof Date ? value.getTime() : Number(value);
  if (!Number.isFinite(ms)) return null;
  return new Date(ms).toISOString().slice(0, 10);
}

function isoTimestamp(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const ms = value instanceof Date ? value.getTime() : Number(value);
  if (!Number.isFinite(ms)) return null;
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
}

export function plainValue(type: DataType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (DataType.isDate(type)) return isoDate(value);
  if (DataType.isTimestamp(type)) return isoTimestamp(value);
  if (DataType.isList(type) || DataType.isFixedSizeList(type)) {
    const child = (type.children[0] as Field).type;
    const items = Array.from(value as Iterable<unknown>);
    return items.map((item) => plainValue(child, item));
  }
  if (DataType.isStruct(type)) {
    const out: Record<string, unknown> = {};
    for (const field of type.children as Field[]) {
      out[field.name] = plainValue(field.type, (value as Record<string, unknown>)[field.name]);
    }
    return out;
  }
  if (typeof value === 'bigint') return Number(value);
  return value;
}

export function arrowToRows(table: Table): Row[] {
  const fields = table.schema.fields;
  const columns = fields.map((f) => table.getChild(f.name));
  const rows: Row[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Row = {};
    fields.forEach((field, c) => {
      row[field.name] = plainValue(field.type, columns[c]?.get(i));
    });
    rows[i] = row;
  }
  return rows;
}
