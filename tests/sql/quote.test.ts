// The one quoting helper: whatever text it is given, DuckDB reads back exactly that text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMemoryDatabase, type NodeDatabase } from '../../src/export/node-connector.ts';
import { ident, literal } from '../../src/sql/quote.ts';

let db: NodeDatabase;
beforeAll(async () => {
  db = await openMemoryDatabase();
});
afterAll(() => db.close());

describe('literal', () => {
  it.each([
    ['plain', '不动产'],
    ['quotes', `it's "x" ''`],
    ['backslashes and percent', '\\%_\\\\'],
    ['a NUL inside', 'a\0b'],
    ['only NULs', '\0\0'],
    ['a NUL and a quote', "'\0'"],
    ['outside the BMP', '𠀀𪚥'],
    ['newlines', 'a\nb\r\nc'],
  ])('%s reads back as given', async (_, value) => {
    const rows = await db.query<{ v: string; n: number }>(`SELECT ${literal(value)} AS v, length(${literal(value)}) AS n`);
    expect(rows[0].v).toBe(value);
    expect(Number(rows[0].n)).toBe([...value].length);
  });

  it('refuses numbers that are not finite', () => {
    expect(() => literal(Number.NaN)).toThrow(/finite/);
    expect(literal(-2.5)).toBe('-2.5');
  });
});

describe('ident', () => {
  it('quotes a name, doubling its quotes', async () => {
    const name = 'we"ird name';
    const rows = await db.query<Record<string, number>>(`SELECT 1 AS ${ident(name)}`);
    expect(Object.keys(rows[0])).toEqual([name]);
  });
});
