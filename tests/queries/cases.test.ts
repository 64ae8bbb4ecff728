// Cases-view and case-page queries against the exported Parquet (npm run etl).
import * as OpenCC from 'opencc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseDetail,
  caseDuplicates,
  caseFigures,
  caseSimilar,
  searchCases,
  searchTerms,
  loadSimplify,
  PAGE_SIZE,
} from '../../src/queries/cases.ts';
import { EMPTY_FILTERS } from '../../src/state/filters.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { expectDeclaredColumns } from './columns.ts';

let db: DataDb;
beforeAll(async () => {
  db = await openDataDb();
  await loadSimplify(); // the app loads the converter on the first search; searchTerms uses it from then on
});
afterAll(() => db?.close());

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const search = (text: string, extra: Partial<Parameters<typeof searchCases>[0]> = {}) =>
  db.all(searchCases({ filters: EMPTY_FILTERS, search: text, sort: '', page: 0, pageSize: 500, ...extra }));

describe('case search', () => {
  it('is valid SQL whatever is typed (quotes, wildcards, several words)', async () => {
    for (const text of ["'; DROP TABLE cases; --", '100%_', 'a b  c', '']) {
      await expect(db.explain(searchCases({ filters: EMPTY_FILTERS, search: text, sort: '-year', page: 3 }))).resolves.toBeUndefined();
    }
    expect(await search("营商'环境")).toEqual([]);
  });

  it('finds a case published in traditional script by a term typed in traditional or in simplified', async () => {
    // A case whose published title is traditional: its title differs from title_original.
    const [c] = await db.all(
      `SELECT case_id, title, title_original FROM cases WHERE duplicate_of IS NULL AND title <> title_original
       AND length(title) >= 8 ORDER BY case_id LIMIT 1`,
    );
    expect(c).toBeDefined();
    // A 4-character piece of the title that actually changes between scripts.
    const title = String(c.title);
    let piece = '';
    for (let i = 0; i + 4 <= title.length && !piece; i++) {
      const s = title.slice(i, i + 4);
      if (toTraditional(s) !== s) piece = s;
    }
    expect(piece).not.toBe('');
    for (const typed of [piece, toTraditional(piece)]) {
      const ids = (await search(typed)).map((r) => r.case_id);
      expect(ids).toContain(c.case_id);
    }
  });

  it('finds a case published in simplified script by a term typed in traditional', async () => {
    const [c] = await db.all(
      `SELECT c.case_id, c.measures FROM cases c JOIN documents d USING (doc_id)
       WHERE d.script = 'simplified' AND c.duplicate_of IS NULL AND length(c.measures) > 40 ORDER BY c.case_id LIMIT 1`,
    );
    // A piece of the measures text (not the title): search covers the texts too.
    const piece = String(c.measures).slice(10, 16);
    const typed = toTraditional(piece);
    expect(searchTerms(typed)).toEqual([piece]);
    const rows = await search(typed);
    const hit = rows.find((r) => r.case_id === c.case_id);
    expect(hit).toBeDefined();
    // The snippet around the hit contains the (simplified) term, for highlighting.
    const [t] = await db.all(`SELECT title FROM cases WHERE case_id = '${c.case_id}'`);
    if (!String(t.title).includes(piece)) expect(String(hit!.snippet)).toContain(piece);
  });

  it('finds 显著 as a simplified notice publishes it (the text is not rewritten to 显着, nor the term)', async () => {
    expect(searchTerms('显著')).toEqual(['显著']);
    expect(searchTerms('顯著')).toEqual(['显著']);
    const [c] = await db.all(
      `SELECT c.case_id FROM cases c JOIN documents d USING (doc_id)
       WHERE d.script = 'simplified' AND contains(c.measures || c.outcomes, '显著') ORDER BY c.case_id LIMIT 1`,
    );
    expect(c).toBeDefined();
    expect((await search('显著')).map((r) => r.case_id)).toContain(c.case_id);
  });

  it('requires every word to match', async () => {
    const [c] = await db.all(`SELECT title, province FROM cases WHERE duplicate_of IS NULL AND length(title) >= 8 ORDER BY case_id LIMIT 1`);
    const one = await search(String(c.title).slice(0, 3));
    const both = await search(`${String(c.title).slice(0, 3)} ${String(c.title).slice(-3)}`);
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThanOrEqual(one.length);
    const none = await search(`${String(c.title).slice(0, 3)} 绝无此词组合`);
    expect(none).toEqual([]);
  });

  it('pages and sorts: every page carries the total, pages do not overlap, years descend', async () => {
    const [{ n }] = await db.all('SELECT count(*) AS n FROM cases WHERE duplicate_of IS NULL');
    const p0 = await db.all(searchCases({ filters: EMPTY_FILTERS, search: '', sort: '-year', page: 0 }));
    const p1 = await db.all(searchCases({ filters: EMPTY_FILTERS, search: '', sort: '-year', page: 1 }));
    expect(p0.length).toBe(Math.min(PAGE_SIZE, Number(n)));
    expect(Number(p0[0].total)).toBe(Number(n));
    const ids0 = new Set(p0.map((r) => r.case_id));
    for (const r of p1) expect(ids0.has(r.case_id)).toBe(false);
    const years = [...p0, ...p1].map((r) => Number(r.year));
    for (let i = 1; i < years.length; i++) expect(years[i - 1]).toBeGreaterThanOrEqual(years[i]);
  });

  it('applies the filter bar', async () => {
    const rows = await db.all(
      searchCases({ filters: { ...EMPTY_FILTERS, provinces: ['陕西省'] }, search: '', sort: '', page: 0, pageSize: 1000 }),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.province).toBe('陕西省');
  });
});

describe('case page', () => {
  it('is valid SQL for any id', async () => {
    for (const q of [caseDetail("x'"), caseFigures("x'"), caseSimilar("x'"), caseDuplicates("x'")]) {
      await expect(db.explain(q)).resolves.toBeUndefined();
    }
  });

  it('gives the case with its indicator names and document', async () => {
    const [c] = await db.all(`SELECT case_id, indicator FROM cases WHERE has_body ORDER BY case_id LIMIT 1`);
    const [detail] = await db.all(caseDetail(String(c.case_id)));
    expect(detail.case_id).toBe(c.case_id);
    const [ind] = await db.all(`SELECT name_zh FROM indicators WHERE code = '${c.indicator}'`);
    expect(detail.indicator_zh).toBe(ind.name_zh);
    expect(detail.doc_title === null || typeof detail.doc_title === 'string').toBe(true);
    expect(Array.isArray(detail.indicator_evidence)).toBe(true);
  });

  it('links a duplicate to its canonical case and back', async () => {
    const dups = await db.all('SELECT case_id, duplicate_of FROM cases_all WHERE duplicate_of IS NOT NULL ORDER BY case_id LIMIT 1');
    expect(dups.length).toBe(1);
    const [detail] = await db.all(caseDetail(String(dups[0].case_id)));
    const [canon] = await db.all(`SELECT title FROM cases WHERE case_id = '${dups[0].duplicate_of}'`);
    expect(detail.duplicate_of_title).toBe(canon.title);
    const back = await db.all(caseDuplicates(String(dups[0].duplicate_of)));
    expect(back.map((r) => r.case_id)).toContain(dups[0].case_id);
  });

  it('lists the figures of a case as phrases of its texts (so they can be highlighted)', async () => {
    const [c] = await db.all(
      'SELECT case_id FROM metrics GROUP BY case_id ORDER BY count(*) DESC, case_id LIMIT 1',
    );
    const figures = await db.all(caseFigures(String(c.case_id)));
    const [detail] = await db.all(caseDetail(String(c.case_id)));
    expect(figures.length).toBeGreaterThan(0);
    const found = figures.filter((f) => detail[f.section].includes(f.text));
    expect(found.length).toBe(figures.length);
  });

  it('lists similar cases of other provinces first, strongest then best first, never the case itself', async () => {
    const [c] = await db.all('SELECT case_id FROM "similar" ORDER BY score DESC, case_id LIMIT 1');
    const rows = await db.all(caseSimilar(String(c.case_id)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.case_id)).not.toContain(c.case_id);
    const groups = rows.map((r) => (r.same_province ? 1 : 0));
    expect([...groups].sort()).toEqual(groups);
    for (let i = 1; i < rows.length; i++) {
      if (rows[i].same_province !== rows[i - 1].same_province) continue;
      const rank = (r: (typeof rows)[number]) => ['strong', 'related', 'weak'].indexOf(String(r.strength));
      expect(rank(rows[i - 1])).toBeLessThanOrEqual(rank(rows[i]));
      if (rank(rows[i - 1]) === rank(rows[i])) expect(Number(rows[i - 1].score)).toBeGreaterThanOrEqual(Number(rows[i].score));
    }
    for (const r of rows) {
      expect(Array.isArray(r.shared_terms)).toBe(true);
      expect(Array.isArray(r.title_terms)).toBe(true);
      expect(['strong', 'related', 'weak']).toContain(r.strength);
    }
  });

  it('search, the case, its figures, similar cases and duplicates return the columns their row types declare', async () => {
    for (const text of ['', '营商']) await expectDeclaredColumns(db, searchCases({ filters: EMPTY_FILTERS, search: text, sort: '', page: 0 }));
    const [c] = await db.all<{ case_id: string }>('SELECT case_id FROM "similar" ORDER BY score DESC, case_id LIMIT 1');
    await expectDeclaredColumns(db, caseDetail(c.case_id));
    await expectDeclaredColumns(db, caseFigures(String(c.case_id)));
    await expectDeclaredColumns(db, caseSimilar(String(c.case_id)));
    await expectDeclaredColumns(db, caseDuplicates(String(c.case_id)));
  });
});
