// Parquet → Arrow in pure JS (what the browser does instead of read_parquet), checked against DuckDB's
// own reading of the same real files; then Arrow → rows as the views see them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrowToRows } from '../../src/db/arrow-rows.ts';
import { isParquet, parquetToArrow } from '../../src/db/parquet-arrow.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { DATA_DIR } from '../helpers/paths.ts';

let db: DataDb;
beforeAll(async () => {
  db = await openDataDb(); // runs the ETL if needed
});
afterAll(() => db?.close());

function bytesOf(file: string): ArrayBuffer {
  const buf = readFileSync(join(DATA_DIR, file));
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

describe('parquetToArrow', () => {
  it('decodes cases.parquet with the contract types and the same values DuckDB reads', async () => {
    const table = await parquetToArrow(bytesOf('cases.parquet'));
    const types = Object.fromEntries(table.schema.fields.map((f) => [f.name, String(f.type)]));
    expect(types.case_id).toBe('Utf8');
    expect(types.seq).toBe('Int32');
    expect(types.has_body).toBe('Bool');
    expect(types.flags).toBe('List<Utf8>');
    expect(types.indicator_evidence).toBe('List<Utf8>');
    const rows = arrowToRows(table);
    const expected = await db.all('SELECT case_id, seq, has_body, flags, indicator_evidence, city, year FROM base_cases ORDER BY case_id');
    expect(rows.length).toBe(expected.length);
    const byId = new Map(rows.map((r) => [r.case_id, r]));
    for (const e of expected) {
      const r = byId.get(e.case_id)!;
      expect({ seq: r.seq, has_body: r.has_body, flags: r.flags, ev: r.indicator_evidence, city: r.city, year: r.year }).toEqual({
        seq: e.seq,
        has_body: e.has_body,
        flags: e.flags,
        ev: e.indicator_evidence,
        city: e.city,
        year: e.year,
      });
    }
  });

  it('decodes DATE as a date and nulls as nulls (documents.parquet)', async () => {
    const table = await parquetToArrow(bytesOf('documents.parquet'));
    expect(String(table.schema.fields.find((f) => f.name === 'published')!.type)).toMatch(/^Date/);
    const rows = arrowToRows(table);
    const expected = await db.all('SELECT doc_id, published, issuer, batch FROM documents');
    for (const e of expected) {
      const r = rows.find((x) => x.doc_id === e.doc_id)!;
      expect([r.published, r.issuer, r.batch]).toEqual([e.published, e.issuer, e.batch]);
    }
  });

  it('decodes metrics.parquet column-wise: doubles, nulls and strings equal what DuckDB reads', async () => {
    const table = await parquetToArrow(bytesOf('metrics.parquet'));
    expect(String(table.schema.fields.find((f) => f.name === 'value')!.type)).toBe('Float64');
    const rows = arrowToRows(table);
    const expected = await db.all('SELECT metric_id, case_id, text, value, unit, before_value, after_value FROM base_metrics');
    expect(rows.length).toBe(expected.length);
    // The real data has both missing and present before/after values: nulls must survive the bitmap.
    expect(expected.some((e) => e.before_value === null)).toBe(true);
    expect(expected.some((e) => e.before_value !== null)).toBe(true);
    const byId = new Map(rows.map((r) => [r.metric_id, r]));
    for (const e of expected) {
      const r = byId.get(e.metric_id)!;
      expect([r.case_id, r.text, r.value, r.unit, r.before_value, r.after_value]).toEqual([e.case_id, e.text, e.value, e.unit, e.before_value, e.after_value]);
    }
  });

  it('refuses bytes that are not Parquet (e.g. an HTML page)', async () => {
    const html = new TextEncoder().encode('<!doctype html><html><body>index</body></html>').buffer as ArrayBuffer;
    expect(isParquet(html)).toBe(false);
    await expect(parquetToArrow(html)).rejects.toThrow('not a Parquet file');
    expect(isParquet(bytesOf('metrics.parquet'))).toBe(true);
  });
});
