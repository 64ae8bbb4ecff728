// The import preview's pure parts on real data: corrections re-read the file (province / year / batch reach the
// document, every case and the ids), excluded cases leave with their figures and pairs, a notice without
// cases says why, a file over the cap is refused unread, and a reprint of a published case points at it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { keepCases, MAX_IMPORT_BYTES, prepareImport, type LoadedIds } from '../../src/workspace/import-doc.ts';
import type { CaseRow } from '../../src/ingest/types.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/import');
const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(FIXTURES, name))) });

let db: DataDb;
beforeAll(async () => {
  db = await openDataDb();
});
afterAll(() => db?.close());

async function loaded(): Promise<LoadedIds> {
  const cases = await db.all('SELECT case_id, doc_id, province, title, background, measures, outcomes, has_body, duplicate_of FROM cases_all');
  const docs = await db.all('SELECT doc_id, cases_listed FROM documents');
  return {
    caseIds: cases.map((r) => String(r.case_id)),
    docIds: docs.map((r) => String(r.doc_id)),
    cases: cases as unknown as CaseRow[],
    documents: docs.map((r) => ({ doc_id: String(r.doc_id), cases_listed: Number(r.cases_listed) })),
  };
}

describe('import preview', () => {
  test('what was found is reported: cases found vs announced, places, evidence, no lines lost', async () => {
    const { imported, failures } = prepareImport([fixture('notice-three-cases.txt')], await loaded());
    expect(failures).toEqual([]);
    const [doc] = imported;
    expect(doc.casesAnnounced).toBe(3);
    expect(doc.cases.map((c) => c.title)).toEqual(expect.arrayContaining([expect.stringContaining('企业开办')]));
    expect(doc.cases).toHaveLength(3);
    expect(doc.document).toMatchObject({ year: 2024, batch: 1 });
    for (const c of doc.cases) expect(c.indicator_evidence.length + c.flags.length).toBeGreaterThan(0);
    expect(Array.isArray(doc.unassigned)).toBe(true);
  });

  test('corrections of province / year / batch reach the document, every case and the ids', async () => {
    const base = await loaded();
    const plain = prepareImport([fixture('notice-three-cases.txt')], base).imported[0];
    const corrected = prepareImport([{ ...fixture('notice-three-cases.txt'), overrides: { province: '江西省', year: 2023, batch: 5 } }], base).imported[0];
    expect(corrected.document).toMatchObject({ province: '江西省', year: 2023, batch: 5 });
    expect(corrected.docId).toMatch(/^jx-2023-b5-/);
    expect(corrected.cases).toHaveLength(plain.cases.length);
    for (const c of corrected.cases) {
      expect(c).toMatchObject({ province: '江西省', year: 2023, batch: 5, doc_id: corrected.docId });
      expect(c.case_id).toMatch(/^jx-2023-b5-\d{3}$/);
    }
    expect(corrected.metrics.every((m) => corrected.cases.some((c) => c.case_id === m.case_id))).toBe(true);
    expect(corrected.origins).toContainEqual(expect.objectContaining({ field: 'province', value: '江西省' }));
    // The same text under another province is still the same text: not imported twice.
    const again = prepareImport([{ ...fixture('notice-three-cases.txt'), overrides: { province: '江西省' } }], {
      ...base,
      docIds: [...base.docIds, plain.docId],
    });
    expect(again.failures.map((f) => f.reason)).toEqual(['already_loaded']);
  });

  test('an excluded case leaves with its figures and similar pairs', async () => {
    const doc = prepareImport([fixture('notice-three-cases.txt')], await loaded()).imported[0];
    const out = doc.cases[1];
    expect(doc.metrics.some((m) => m.case_id === out.case_id)).toBe(true);
    const kept = keepCases(doc, [out.case_id]);
    expect(kept.cases.map((c) => c.case_id)).toEqual(doc.cases.filter((c) => c !== out).map((c) => c.case_id));
    expect(kept.metrics.some((m) => m.case_id === out.case_id)).toBe(false);
    expect(kept.metrics.length).toBe(doc.metrics.filter((m) => m.case_id !== out.case_id).length);
    expect(kept.similar.some((s) => s.case_id === out.case_id || s.other_case_id === out.case_id)).toBe(false);
    expect(kept.warnings.at(-1)).toEqual({ code: 'cases_excluded', params: { n: 1 } });
    expect(kept).not.toHaveProperty('unassigned');
  });

  test('a notice with no case says why, with the reader’s detail', async () => {
    const { imported, failures } = prepareImport([fixture('notice-no-cases.txt')], await loaded());
    expect(imported).toEqual([]);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ sourceFile: 'notice-no-cases.txt', reason: 'no_cases' });
    expect(failures[0].detail.length).toBeGreaterThan(0);
  });

  test('a file over the cap is refused before it is read', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41);
    const { imported, failures } = prepareImport([{ name: 'huge.txt', bytes: big }], { caseIds: [], docIds: [] });
    expect(imported).toEqual([]);
    expect(failures[0]).toMatchObject({ sourceFile: 'huge.txt', reason: 'too_large' });
  });
});

describe('imported cases deduped against the published corpus', () => {
  const reprint = (c: Record<string, unknown>) =>
    new TextEncoder().encode(
      ['关于转发优化营商环境典型案例的通知', '案例一', String(c.title), '一、背景情况', String(c.background), '二、主要做法', String(c.measures), '三、取得成效', String(c.outcomes), ''].join('\n'),
    );

  test('a reprint of a published case gets duplicate_of = that case', async () => {
    const [c] = await db.all("SELECT * FROM cases WHERE duplicate_of IS NULL AND has_body AND length(measures) > 200 ORDER BY case_id DESC LIMIT 1");
    const { imported } = prepareImport([{ name: 'reprint.txt', bytes: reprint(c) }], await loaded());
    expect(imported[0].cases).toHaveLength(1);
    expect(imported[0].cases[0].duplicate_of).toBe(c.case_id);
  });

  test('a reprint of a published copy points at the canonical case the copy points at', async () => {
    const [c] = await db.all('SELECT * FROM cases_all WHERE duplicate_of IS NOT NULL AND has_body ORDER BY case_id LIMIT 1');
    expect(c).toBeDefined();
    const { imported } = prepareImport([{ name: 'reprint2.txt', bytes: reprint(c) }], await loaded());
    expect(imported[0].cases[0].duplicate_of).toBe(c.duplicate_of);
  });

  test('new cases that copy nothing stay canonical', async () => {
    const { imported } = prepareImport([fixture('notice-three-cases.txt')], await loaded());
    expect(imported[0].cases.every((c) => c.duplicate_of === null)).toBe(true);
  });
});
