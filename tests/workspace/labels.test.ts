// Analyst labels: the CSV round trip with validation (labels-csv.ts), and the overlay of labels on the
// `cases` view (sql/workspace-views.ts) run by DuckDB on the real dataset.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { labelsToCsv, parseLabelsCsv, type LabelContext } from '../../src/workspace/labels-csv.ts';
import { mergeLabelsCsv, validLabels, writeLabels } from '../../src/workspace/label-rows.ts';
import type { LabelRow } from '../../src/workspace/workspace-sql.ts';
import { INDICATORS } from '../../src/ingest/indicators.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';

const context = (caseIds: string[]): LabelContext => ({
  caseIds: new Set(caseIds),
  indicatorCodes: new Set(INDICATORS.map((i) => i.code)),
  namesToCodes: new Map(INDICATORS.flatMap((i) => [[i.name_zh.toLowerCase(), i.code] as const, [i.name_en.toLowerCase(), i.code] as const])),
});

describe('labels CSV', () => {
  test('export has a BOM, the header and one row per label; parsing it gives the labels back', () => {
    const labels = [
      { case_id: 'fj-2023-b2-001', indicator: 'tax', labelled_at: '2025-01-01T00:00:00.000Z' },
      { case_id: 'sn-2022-b2-014', indicator: 'electricity', labelled_at: '2025-01-01T00:00:00.000Z' },
    ];
    const csv = labelsToCsv(labels);
    expect(csv.startsWith('\ufeffcase_id,indicator\r\n')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
    const parsed = parseLabelsCsv(csv, context(['fj-2023-b2-001', 'sn-2022-b2-014']));
    expect(parsed.problems).toEqual([]);
    expect(parsed.labels).toEqual([
      { case_id: 'fj-2023-b2-001', indicator: 'tax' },
      { case_id: 'sn-2022-b2-014', indicator: 'electricity' },
    ]);
  });

  test('bad rows are reported by line and reason, good rows kept; names in either language are accepted', () => {
    const csv = [
      'indicator,case_id,note', // columns in another order, an extra column
      'tax,fj-2023-b2-001,ok',
      'no_such_code,fj-2023-b2-002,',
      'electricity,xx-1999-b9-999,',
      ',fj-2023-b2-003,',
      '获得电力,fj-2023-b2-004,中文名称',
      'Insolvency (resolving),fj-2023-b2-005,',
      'tax,,',
      '"credit","fj-2023-b2-001",later row wins',
    ].join('\n');
    const parsed = parseLabelsCsv(csv, context(['fj-2023-b2-001', 'fj-2023-b2-002', 'fj-2023-b2-003', 'fj-2023-b2-004', 'fj-2023-b2-005']));
    expect(parsed.labels).toEqual([
      { case_id: 'fj-2023-b2-001', indicator: 'credit' },
      { case_id: 'fj-2023-b2-004', indicator: 'electricity' },
    ]);
    expect(parsed.problems).toEqual([
      { line: 3, message: 'unknown indicator "no_such_code"' },
      { line: 4, message: 'unknown case_id "xx-1999-b9-999"' },
      { line: 5, message: 'indicator is empty' },
      { line: 7, message: 'unknown indicator "Insolvency (resolving)"' },
      { line: 8, message: 'case_id is empty' },
    ]);
  });

  test('a file without the two columns is refused as a whole', () => {
    const parsed = parseLabelsCsv('\ufeffid,code\nfj-2023-b2-001,tax\n', context(['fj-2023-b2-001']));
    expect(parsed.labels).toEqual([]);
    expect(parsed.problems).toEqual([{ line: 1, message: 'header must have the columns case_id and indicator (found: id, code)' }]);
    expect(parseLabelsCsv('', context([])).problems[0].message).toBe('empty file');
  });
});

describe('labels over the cases view', () => {
  let db: DataDb;
  beforeAll(async () => {
    db = await openDataDb();
  });
  afterAll(() => db?.close());

  test('a label re-files the case in every query: indicator, source analyst, the original kept; counts move', async () => {
    const [c] = await db.all("SELECT case_id, indicator FROM cases WHERE duplicate_of IS NULL AND indicator <> 'tax' ORDER BY case_id LIMIT 1");
    const byIndicator = async () =>
      Object.fromEntries((await db.all('SELECT indicator, count(*) n FROM cases GROUP BY indicator')).map((r) => [r.indicator, Number(r.n)]));
    const before = await byIndicator();
    await writeLabels(db.conn, [{ case_id: String(c.case_id), indicator: 'tax', labelled_at: '2025-03-01T10:00:00.000Z' }]);
    const [row] = await db.all(`SELECT indicator, indicator_source, indicator_original FROM cases WHERE case_id = '${c.case_id}'`);
    expect(row).toEqual({ indicator: 'tax', indicator_source: 'analyst', indicator_original: c.indicator });
    const after = await byIndicator();
    expect(after.tax).toBe((before.tax ?? 0) + 1);
    expect(after[String(c.indicator)] ?? 0).toBe(before[String(c.indicator)] - 1);
    // Unlabelled cases are untouched.
    expect(Number((await db.all("SELECT count(*) n FROM cases WHERE indicator_source = 'analyst'"))[0].n)).toBe(1);
    expect(Number((await db.all('SELECT count(*) n FROM cases WHERE indicator_original IS NOT NULL'))[0].n)).toBe(1);

    await writeLabels(db.conn, []);
    expect(await byIndicator()).toEqual(before);
  });

  test('a labels CSV merges into the current labels against the loaded cases; nothing is written until applied', async () => {
    const [a, b] = await db.all('SELECT case_id FROM cases ORDER BY case_id LIMIT 2');
    const current: LabelRow[] = [
      { case_id: String(a.case_id), indicator: 'credit', labelled_at: '2025-01-01T00:00:00.000Z' },
      { case_id: String(b.case_id), indicator: 'tax', labelled_at: '2025-01-01T00:00:00.000Z' },
    ];
    const csv = `case_id,indicator\n${a.case_id},获得电力\nxx-1999-b9-999,tax\n`;
    const merged = await mergeLabelsCsv(db.conn, current, csv, '2025-06-01T00:00:00.000Z');
    expect(merged.applied).toBe(1);
    expect(merged.problems).toEqual([{ line: 3, message: 'unknown case_id "xx-1999-b9-999"' }]);
    // The case named again takes the new indicator; the other label stays as it was.
    expect(merged.next).toEqual([current[1], { case_id: String(a.case_id), indicator: 'electricity', labelled_at: '2025-06-01T00:00:00.000Z' }]);
    expect(Number((await db.all("SELECT count(*) n FROM cases WHERE indicator_source = 'analyst'"))[0].n)).toBe(0);
    // A CSV without one valid row changes nothing.
    expect((await mergeLabelsCsv(db.conn, current, 'case_id,indicator\nxx-1999-b9-999,tax\n', 'now')).next).toBeNull();
  });

  test('restoring keeps only well-formed stored labels with a known indicator', () => {
    const ok = { case_id: 'fj-2023-b2-001', indicator: 'tax', labelled_at: '2025-01-01T00:00:00.000Z' };
    const stored = [ok, { ...ok, indicator: 'no_such_code' }, { ...ok, case_id: 42 }, { ...ok, labelled_at: null }, null] as unknown as LabelRow[];
    expect(validLabels(stored)).toEqual([ok]);
  });
});
