// Which queries must wait for a background table (metrics, similar) and which view statements run when.
import { describe, expect, it } from 'vitest';
import { DATA_FILES, queryReads, VIEWS_SQL, viewsSqlFor } from '../../src/db/tables.ts';

const file = (name: string) => DATA_FILES.find((f) => f.file === name)!;

describe('background tables', () => {
  it('are metrics and similar; the landing view’s tables load first', () => {
    expect(DATA_FILES.filter((f) => f.background).map((f) => f.table)).toEqual(['base_metrics', 'base_similar']);
  });

  it('a query waits for a table only when it reads its view or base table', () => {
    const metrics = file('metrics.parquet');
    const similar = file('similar.parquet');
    expect(queryReads('SELECT count(*) FROM metrics m JOIN cases c USING (case_id)', metrics)).toBe(true);
    expect(queryReads('SELECT * FROM base_metrics', metrics)).toBe(true);
    expect(queryReads('SELECT province, count(*) FROM cases GROUP BY 1', metrics)).toBe(false);
    expect(queryReads('SELECT * FROM "similar" WHERE case_id = 1', similar)).toBe(true);
    expect(queryReads('SELECT * FROM cases', similar)).toBe(false);
  });

  it('every view statement runs exactly once: with the first tables or with one background table', () => {
    const later = DATA_FILES.filter((f) => f.background).flatMap((f) => viewsSqlFor(f.table));
    expect(new Set(later).size).toBe(later.length);
    const first = VIEWS_SQL.filter((sql) => !later.includes(sql));
    // The cases and documents views never read a background table, so they exist before `ready`.
    expect(first.some((sql) => /VIEW cases/.test(sql))).toBe(true);
    expect(first.some((sql) => /VIEW documents/.test(sql))).toBe(true);
    expect(later.some((sql) => /VIEW metrics/.test(sql))).toBe(true);
    expect(later.some((sql) => /VIEW "similar"/.test(sql))).toBe(true);
  });
});
