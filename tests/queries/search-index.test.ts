// The Cases view's search reads the phrase index built at export (src/sql/search-index.ts). Its answer must be
// the full scan's (tests/helpers/search-scan.ts: every case text read with `contains`): the same rows in the
// same order, totals and snippets, for terms of every length, traditional input, several terms, characters
// that mean something to LIKE or to SQL, a term found nowhere — with filters, sorts and pages, and with a
// document imported in the browser (which the published index does not hold) and a case re-filed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_SUMMARY_SQL } from '../../src/sql/indexes.ts';
import { answeredByIndex, pageSnippetTextsSql, searchCandidatesSql, SNIPPET_COLUMNS } from '../../src/sql/search-index.ts';
import { replaceLabelsSql } from '../../src/workspace/workspace-sql.ts';
import { loadSimplify, searchCases, searchTerms } from '../../src/queries/cases.ts';
import { caseWhere, literal } from '../../src/queries/sql.ts';
import { EMPTY_FILTERS, type Filters } from '../../src/state/filters.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { commonestFilterValues } from '../helpers/commonest.ts';
import { searchScanSql } from '../helpers/search-scan.ts';
import { CLEAR_WORKSPACE_SQL, importCopySql } from '../helpers/workspace-copy.ts';

let db: DataDb;
let searches: string[];
let filters: Filters[];
/** Two pieces of five characters of one text, far apart, as one term. */
let apart: string;

/** Keys of published cases holding `text` in a matched column, by the scan (the index's keys are case_list's). */
const scanKeys = (term: string) => `SELECT l.key FROM cases c JOIN base_case_list l USING (case_id)
  WHERE NOT c.imported AND (contains(c.title, ${literal(term)}) OR contains(c.background, ${literal(term)}) OR contains(c.measures, ${literal(term)})
    OR contains(c.outcomes, ${literal(term)}) OR contains(c.title_original, ${literal(term)}) OR contains(c.case_id, ${literal(term)}))`;

const count = async (sql: string) => Number((await db.all(`SELECT count(*) AS n FROM (${sql})`))[0].n);

/** The phrase of each length found in the most cases (whole words of the corpus' own texts, no whitespace). */
async function frequentPhrases(lengths: number[]): Promise<string[]> {
  const found: string[] = [];
  for (const n of lengths) {
    const [{ p }] = await db.all(`SELECT p FROM (
      SELECT DISTINCT case_id, substring(measures, i, ${n}) AS p FROM cases, range(1, length(measures) - ${n - 2}) t(i) WHERE NOT imported)
      WHERE NOT regexp_matches(p, '[\\s,。、，;；:：()（）“”"0-9A-Za-z]') GROUP BY p ORDER BY count(*) DESC, p LIMIT 1`);
    found.push(String(p));
  }
  return found;
}

beforeAll(async () => {
  db = await openDataDb();
  await loadSimplify();
  // Terms taken from the data: pieces of the longest background (1 to 6 characters and 9: every length the
  // postings answer exactly, the first two that they do not), of a title, a case id; frequent phrases of
  // 3, 4 and 6 characters (in many cases, so the page and the total come from many postings).
  const [c] = await db.all(`SELECT background, title, case_id, province, year FROM cases WHERE background IS NOT NULL ORDER BY length(background) DESC, case_id LIMIT 1`);
  const text = Array.from(String(c.background).replace(/\s/g, ''));
  const piece = (at: number, n: number) => text.slice(at, at + n).join('');
  const title = Array.from(String(c.title));
  apart = piece(80, 5) + piece(200, 5);
  searches = [
    piece(10, 1),
    piece(40, 2),
    piece(60, 3),
    piece(80, 5),
    piece(70, 4),
    piece(90, 6),
    piece(150, 9),
    ...(await frequentPhrases([3, 4, 6])),
    title.slice(0, 2).join(''),
    `${piece(10, 2)} ${piece(100, 3)}`, // several terms: all must match
    `${piece(120, 3)}  ${title.slice(1, 3).join('')} ${piece(10, 1)}`,
    String(c.case_id).slice(0, 6), // found in the id column
    '營商環境', // traditional input, converted to simplified
    '不動產 登記',
    '%', '_', '\\', "'", '50%', '办_', "营商'", '"', // LIKE's and SQL's own characters
    '𠀀', // a code point outside the BMP
    '这个词语不在任何案例中出现', // a term found nowhere
  ];
  filters = [EMPTY_FILTERS, { ...EMPTY_FILTERS, provinces: [String(c.province)] }, { ...EMPTY_FILTERS, years: [Number(c.year)] }];
});
afterAll(() => db?.close());

/** Every search, filter, sort and the first two pages through the index and through the scan; rows compared. */
async function expectScanAnswers(searchList: string[], filterList: Filters[]): Promise<number> {
  let rows = 0;
  for (const search of searchList) {
    for (const f of filterList) {
      for (const sort of ['', '-figures', 'indicator']) {
        for (const page of [0, 1]) {
          const got = await db.all(searchCases({ filters: f, search, sort, page }));
          const expected = await db.all(searchScanSql(f, search, sort, page));
          expect(got, `${search} ${JSON.stringify(f)} ${sort} ${page}`).toEqual(expected);
          rows += expected.length;
        }
      }
    }
  }
  return rows;
}

/**
 * Every page of the list with no search term under `f`, default order and one other, as the scan gives them (the
 * default order's pages are picked by key under the filters, the other's read case_list whole).
 */
async function expectEveryPageWithoutTerm(f: Filters = EMPTY_FILTERS): Promise<number> {
  const [{ n }] = await db.all(`SELECT count(*) AS n FROM cases c WHERE ${caseWhere(f, { alias: 'c' })}`);
  const pages = Math.ceil(Number(n) / 20);
  let rows = 0;
  for (const sort of ['', '-figures']) {
    for (let page = 0; page <= pages; page++) {
      const got = await db.all(searchCases({ filters: f, search: '', sort, page }));
      expect(got, `${JSON.stringify(f)} ${sort} ${page}`).toEqual(await db.all(searchScanSql(f, '', sort, page)));
      rows += got.length;
    }
  }
  expect(rows).toBe(2 * Number(n)); // every case once per order, the page past the last empty
  return rows;
}

/** The filter states a filter change of the view makes (a year, a level, both) and a province with an indicator. */
async function listFilters(): Promise<Filters[]> {
  const { provinces, indicators, years, level } = await commonestFilterValues(db, 2);
  return [
    { ...EMPTY_FILTERS, years: [Number(years[0])] },
    { ...EMPTY_FILTERS, levels: [level(1)] },
    { ...EMPTY_FILTERS, years: [Number(years[1])], levels: [level(0)] },
    { ...EMPTY_FILTERS, provinces: [String(provinces[0])], indicators: [String(indicators[0])] },
  ];
}

describe('the list without a search term', () => {
  // In the default order the page's rows are picked by key under the filters (cases.ts): the same rows as the scan.
  it('gives every page as the full scan does', async () => {
    expect(await expectEveryPageWithoutTerm()).toBeGreaterThan(100);
  });

  it('gives every page under a year, a level, both, a province and an indicator as the full scan does', async () => {
    for (const f of await listFilters()) expect(await expectEveryPageWithoutTerm(f), JSON.stringify(f)).toBeGreaterThan(20);
  }, 120_000);
});

describe('the search index', () => {
  it('answers every search as the full scan does', async () => {
    const rows = await expectScanAnswers(searches, filters);
    expect(rows).toBeGreaterThan(500); // not vacuous: the terms found cases
    // The term found nowhere finds nothing, and the traditional input found its simplified cases.
    expect(await db.all(searchCases({ filters: EMPTY_FILTERS, search: '这个词语不在任何案例中出现', sort: '', page: 0 }))).toEqual([]);
    expect(searchTerms('營商環境')).toEqual(['营商环境']);
    expect((await db.all(searchCases({ filters: EMPTY_FILTERS, search: '營商環境', sort: '', page: 0 }))).length).toBeGreaterThan(0);
  }, 300_000);

  it('holds the cases of a term of up to five characters exactly, once each, and a superset for longer ones', async () => {
    for (const search of searches) {
      for (const term of searchTerms(search)) {
        const exact = await count(scanKeys(term));
        const postings = await count(searchCandidatesSql([term]));
        if (answeredByIndex(term)) {
          expect(Array.from(term).length, term).toBeLessThanOrEqual(5);
          expect(postings, term).toBe(exact);
          // One row per case: the total is the postings' count.
          expect(await count(`SELECT DISTINCT key FROM (${searchCandidatesSql([term])})`), term).toBe(postings);
          expect(await count(`${scanKeys(term)} EXCEPT ${searchCandidatesSql([term])}`), term).toBe(0);
        } else expect(await count(`${scanKeys(term)} EXCEPT ${searchCandidatesSql([term])}`), term).toBe(0);
      }
    }
    // Every phrase of 2 to 5 characters that starts a title (and its first character), looked up exactly.
    const starts = await db.all(`SELECT DISTINCT substring(title, 1, n) AS w FROM cases, range(1, 6) t(n)
      WHERE NOT imported AND NOT regexp_matches(substring(title, 1, n), '\\s') ORDER BY w LIMIT 400`);
    for (const { w } of starts) expect(await count(searchCandidatesSql([String(w)])), String(w)).toBe(await count(scanKeys(String(w))));
    // A longer term whose pieces all occur in a case that does not hold it (two phrases of that case's text, far
    // apart): the index's candidates alone would count it too; the search verifies them against the texts.
    expect(await count(searchCandidatesSql([apart]))).toBeGreaterThan(await count(scanKeys(apart)));
    await expectScanAnswers([apart], [EMPTY_FILTERS]);
  }, 120_000);

  it('holds every snippet text whole in its parts, and no other', async () => {
    // Each case's snippet columns reassembled from search_text_parts, against search_text itself (empty texts have
    // no parts, as NULL ones): the same texts, NULL-safe, for every published case.
    const whole = `SELECT p.case_id AS case_id, ${SNIPPET_COLUMNS.map((c) => `nullif(p.${c}, '') AS ${c}`).join(', ')}
      FROM (${pageSnippetTextsSql('base_search_text')}) p`;
    const texts = `SELECT case_id, ${SNIPPET_COLUMNS.map((c) => `nullif(${c}, '') AS ${c}`).join(', ')} FROM base_search_text
      WHERE ${SNIPPET_COLUMNS.map((c) => `coalesce(${c}, '') <> ''`).join(' OR ')}`;
    expect(await count(`(${whole}) EXCEPT ALL (${texts})`)).toBe(0);
    expect(await count(`(${texts}) EXCEPT ALL (${whole})`)).toBe(0);
    // Not vacuous: many cases, and texts of many parts (a measures text far longer than one part).
    expect(await count(texts)).toBeGreaterThan(100);
    const [{ parts }] = await db.all(`SELECT max(part) AS parts FROM base_search_text_parts`);
    expect(Number(parts)).toBeGreaterThan(10);
  });

  it('searches a document imported in the browser and a re-filed case too', async () => {
    const [{ doc_id: doc }] = await db.all(`SELECT doc_id FROM cases GROUP BY doc_id ORDER BY count(*) DESC, doc_id LIMIT 1`);
    const d = literal(String(doc));
    const [{ case_id: refiled }] = await db.all(`SELECT case_id FROM cases WHERE doc_id <> ${d} ORDER BY case_id LIMIT 1`);
    const [{ code }] = await db.all(`SELECT code FROM indicators ORDER BY sort DESC LIMIT 1`);
    try {
      for (const sql of [
        ...importCopySql(String(doc)),
        ...replaceLabelsSql([{ case_id: String(refiled), indicator: String(code), labelled_at: '2026-01-01T00:00:00Z' }]),
        ...REFRESH_SUMMARY_SQL,
      ]) {
        await db.all(sql);
      }
      const indicatorFilter = { ...EMPTY_FILTERS, indicators: [String(code)] };
      const rows = await expectScanAnswers([...searches.slice(0, 8), 'copy'], [EMPTY_FILTERS, filters[1], indicatorFilter]);
      // The list without a term: the imported cases (no key) among the published ones picked by key, also under
      // the filters (the imported document's own province and year among them) and the re-filed case's indicator.
      await expectEveryPageWithoutTerm();
      const [copy] = await db.all(`SELECT province, year, level FROM cases WHERE imported LIMIT 1`);
      for (const f of [...(await listFilters()), indicatorFilter, { ...EMPTY_FILTERS, provinces: [String(copy.province)], years: [Number(copy.year)] }, { ...EMPTY_FILTERS, levels: [String(copy.level)] as Filters['levels'] }]) {
        await expectEveryPageWithoutTerm(f);
      }
      expect(rows).toBeGreaterThan(100);
      // The imported copies are found (their ids end in -copy; no published case's does).
      const found = await db.all(searchCases({ filters: EMPTY_FILTERS, search: 'copy', sort: '', page: 0 }));
      expect(found.length).toBeGreaterThan(1);
      expect(found.every((r) => String(r.case_id).endsWith('-copy'))).toBe(true);
    } finally {
      for (const sql of CLEAR_WORKSPACE_SQL) await db.all(sql);
    }
  }, 300_000);
});
