// The browser import's pure parts, run in Node on the real dataset: prepareImport (the same ingest the
// export runs) and the SQL that unions imported rows into the views (sql/workspace-views.ts), executed by
// DuckDB against the exported Parquet loaded exactly as the browser loads it (tests/queries/dataset.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tableColumns } from '../../src/sql/connector.ts';
import { prepareImport, type ImportedDoc } from '../../src/workspace/import-doc.ts';
import { insertDocs, loadedData, removeDoc, restoreDocs } from '../../src/workspace/import-rows.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { madeUpDocument, shaanxiBatchText } from './made-up-doc.ts';

let db: DataDb;
beforeAll(async () => {
  db = await openDataDb();
});
afterAll(() => db?.close());

const loaded = () => loadedData(db.conn);

const count = async (sql: string) => Number((await db.all(sql))[0].n);

describe('prepareImport', () => {
  test('a re-dated real announcement becomes a new document with fresh ids and all its cases', async () => {
    const doc = madeUpDocument();
    const before = await loaded();
    const { imported, failures } = prepareImport([{ name: doc.name, bytes: doc.bytes }], before);
    expect(failures).toEqual([]);
    expect(imported).toHaveLength(1);
    const [d] = imported;
    expect(d.document).toMatchObject({ province: '陕西省', year: 2024, batch: 4, source_file: doc.name });
    // The source announces 36 cases and all have bodies.
    expect(d.cases).toHaveLength(36);
    const taken = new Set(before.caseIds);
    expect(d.cases.filter((c) => taken.has(c.case_id))).toEqual([]);
    expect(new Set(d.cases.map((c) => c.case_id)).size).toBe(36);
    expect(d.metrics.length).toBeGreaterThan(0);
    expect(d.metrics.every((m) => d.cases.some((c) => c.case_id === m.case_id))).toBe(true);
    // Its cases are the published 2022 batch's text: each is a copy of its published twin, and says so.
    const published = new Map((before.cases ?? []).map((c) => [c.case_id, c]));
    for (const c of d.cases) {
      expect(c.duplicate_of).not.toBeNull();
      expect(published.get(c.duplicate_of!)?.title).toBe(c.title);
    }
  });

  test('the very same text as a loaded document is refused, naming the file', async () => {
    const text = shaanxiBatchText();
    const { imported, failures } = prepareImport([{ name: 'copy.txt', bytes: new TextEncoder().encode(text) }], await loaded());
    expect(imported).toEqual([]);
    expect(failures).toHaveLength(1);
    expect(failures[0].message).toMatch(/^copy\.txt: already loaded/);
  });

  test('unreadable files fail with the file and the reason; a readable one beside them still imports', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const gbk = new Uint8Array([0xc4, 0xe3, 0xba, 0xc3, 0x0a]); // 你好 in GBK: not UTF-8
    const prose = new TextEncoder().encode('今天天气很好。\n我们去公园散步。\n');
    const doc = madeUpDocument();
    const { imported, failures } = prepareImport(
      [
        { name: 'logo.png', bytes: png },
        { name: 'gbk.txt', bytes: gbk },
        { name: 'notes.txt', bytes: prose },
        { name: 'empty.txt', bytes: new Uint8Array() },
        { name: doc.name, bytes: doc.bytes },
      ],
      await loaded(),
    );
    expect(failures.map((f) => f.sourceFile)).toEqual(['logo.png', 'gbk.txt', 'notes.txt', 'empty.txt']);
    expect(failures[0].message).toMatch(/^logo\.png: binary file/);
    expect(failures[1].message).toMatch(/^gbk\.txt: not UTF-8/);
    expect(failures[2].message).toMatch(/^notes\.txt: no cases found/);
    expect(failures[3].message).toMatch(/^empty\.txt: empty file/);
    expect(imported.map((d) => d.sourceFile)).toEqual([doc.name]);
  });

  test('two files in one import never share case ids', async () => {
    const a = madeUpDocument();
    const bText = a.text.replace(/发布时间:2024-09-18/, '发布时间:2024-09-19');
    const { imported } = prepareImport(
      [
        { name: 'a.txt', bytes: a.bytes },
        { name: 'b.txt', bytes: new TextEncoder().encode(bText) },
      ],
      await loaded(),
    );
    expect(imported).toHaveLength(2);
    const ids = imported.flatMap((d) => d.cases.map((c) => c.case_id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('imported rows in the views', () => {
  test('inserted cases appear in cases / metrics / documents marked as imported, and removal restores the counts', async () => {
    const casesBefore = await count('SELECT count(*) n FROM cases_all');
    const metricsBefore = await count('SELECT count(*) n FROM metrics');
    const shaanxiBefore = await count("SELECT count(*) n FROM cases WHERE province = '陕西省' AND duplicate_of IS NULL");
    const doc = madeUpDocument();
    const { imported } = prepareImport([{ name: doc.name, bytes: doc.bytes }], await loaded());
    const d = imported[0];
    await insertDocs(db.conn, [d]);

    expect(await count('SELECT count(*) n FROM cases_all')).toBe(casesBefore + 36);
    expect(await count('SELECT count(*) n FROM metrics')).toBe(metricsBefore + d.metrics.length);
    // A re-dated copy of a published batch adds no distinct case: every one is a copy of a published one.
    expect(await count("SELECT count(*) n FROM cases WHERE province = '陕西省' AND duplicate_of IS NULL")).toBe(shaanxiBefore);
    expect(await count(`SELECT count(*) n FROM cases_all WHERE doc_id = '${d.docId}' AND duplicate_of IN (SELECT case_id FROM base_cases WHERE province = '陕西省')`)).toBe(36);
    const rows = await db.all(`SELECT imported, flags, year, batch FROM cases_all WHERE doc_id = '${d.docId}'`);
    expect(rows.every((r) => r.imported === true && (r.flags as string[]).includes('imported') && r.year === 2024 && r.batch === 4)).toBe(true);
    expect(await count('SELECT count(*) n FROM cases_all WHERE imported')).toBe(36);
    expect(await count(`SELECT count(*) n FROM documents WHERE imported AND doc_id = '${d.docId}'`)).toBe(1);
    // published is a DATE in the view like in the Parquet.
    expect((await db.all(`SELECT typeof(published) t FROM documents WHERE doc_id = '${d.docId}'`))[0].t).toBe('DATE');

    await removeDoc(db.conn, d.docId);
    expect(await count('SELECT count(*) n FROM cases_all')).toBe(casesBefore);
    expect(await count('SELECT count(*) n FROM metrics')).toBe(metricsBefore);
    expect(await count('SELECT count(*) n FROM imported_similar')).toBe(0);
    expect(await count('SELECT count(*) n FROM documents WHERE imported')).toBe(0);
  });

  test('text with quotes and backslashes survives the INSERT literally', async () => {
    const cols = await tableColumns(db.conn, 'imported_documents');
    const title = "it's \\n a 'quoted' \"title\" —— 完";
    const doc = { doc_id: 'zz-test', source_file: 'x.txt', province: null, title, issuer: null, year: 2024, batch: null, published: null, script: 'simplified', cases_listed: 0, cases_parsed: 0 };
    await db.conn.insertRows('imported_documents', cols, [doc]);
    const [row] = await db.all("SELECT title FROM documents WHERE doc_id = 'zz-test'");
    expect(row.title).toBe(title);
    await removeDoc(db.conn, 'zz-test');
  });
});

describe('restoring stored documents', () => {
  /**
   * A stored document that no longer fits the tables: its document row is fine, but a case's flags are not
   * a list, so the insert fails after the document row went in.
   */
  const unfit = (doc: ImportedDoc): ImportedDoc => ({
    ...doc,
    docId: 'zz-unfit',
    document: { ...doc.document, doc_id: 'zz-unfit' },
    cases: doc.cases.map((c, i) => ({ ...c, doc_id: 'zz-unfit', flags: i === 0 ? ('not a list' as unknown as string[]) : c.flags })),
  });

  test('an insert that fails leaves nothing behind, not even the rows inserted before the failure', async () => {
    const doc = madeUpDocument();
    const { imported } = prepareImport([{ name: doc.name, bytes: doc.bytes }], await loaded());
    const before = await count('SELECT count(*) n FROM cases_all');
    await expect(insertDocs(db.conn, [unfit(imported[0])])).rejects.toThrow(/expected a list/);
    expect(await count('SELECT count(*) n FROM cases_all')).toBe(before);
    expect(await count('SELECT count(*) n FROM documents WHERE imported')).toBe(0);
  });

  test('stored documents go back in; one that no longer fits is skipped and the others still restored', async () => {
    const doc = madeUpDocument();
    const { imported } = prepareImport([{ name: doc.name, bytes: doc.bytes }], await loaded());
    const good = imported[0];
    const casesBefore = await count('SELECT count(*) n FROM cases_all');
    const summaryBefore = await count('SELECT sum(cases) n FROM case_summary');
    const warn = console.warn;
    console.warn = () => undefined;
    let restored: ImportedDoc[];
    try {
      restored = await restoreDocs(db.conn, [unfit(good), good]);
    } finally {
      console.warn = warn;
    }
    expect(restored.map((d) => d.docId)).toEqual([good.docId]);
    expect(await count('SELECT count(*) n FROM cases_all')).toBe(casesBefore + good.cases.length);
    expect(await count(`SELECT count(*) n FROM documents WHERE imported AND doc_id = '${good.docId}'`)).toBe(1);
    expect(await count("SELECT count(*) n FROM documents WHERE doc_id = 'zz-unfit'")).toBe(0);
    // The Overview's summary was recomputed with the restored cases: it counts distinct cases, the same as `cases`.
    expect(await count('SELECT sum(cases) n FROM case_summary')).toBe(await count('SELECT count(*) n FROM cases'));
    expect(summaryBefore).toBeGreaterThan(0);
    await removeDoc(db.conn, good.docId);
    expect(await count('SELECT count(*) n FROM cases_all')).toBe(casesBefore);
  });

  test('nothing stored: nothing restored, nothing changed', async () => {
    const before = await count('SELECT count(*) n FROM cases_all');
    expect(await restoreDocs(db.conn, [])).toEqual([]);
    expect(await count('SELECT count(*) n FROM cases_all')).toBe(before);
  });
});
