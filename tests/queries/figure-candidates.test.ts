// The Indicator view's figure charts summed in memory (src/queries/figure-candidates.ts): each cell's largest
// figures, read once per indicator, filtered per filter state in JS. Every answer must be what the charts' own
// queries (indicatorMoney, indicatorCounts) and the same question asked of metrics and cases directly answer —
// for years, levels, both, nothing matching, each indicator with figures and its units — also after the analyst
// re-files cases and imports a document; under a province, city or batch filter the view asks its query (null).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_SUMMARY_SQL } from '../../src/sql/indexes.ts';
import { replaceLabelsSql } from '../../src/workspace/workspace-sql.ts';
import { figureCandidates, figuresFromCandidates } from '../../src/queries/figure-candidates.ts';
import { figureCandidatesSql } from '../../src/sql/candidates.ts';
import { FIGURE_LIMIT, indicatorCounts, indicatorMoney } from '../../src/queries/indicator.ts';
import { caseWhere, literal } from '../../src/queries/sql.ts';
import { unitSummaryRows, unitsFromSummary } from '../../src/queries/view-summaries.ts';
import { EMPTY_FILTERS, type Filters } from '../../src/state/filters.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { commonestFilterValues } from '../helpers/commonest.ts';
import { CLEAR_WORKSPACE_SQL, importCopySql } from '../helpers/workspace-copy.ts';
import { expectDeclaredColumns } from './columns.ts';

// The charts' questions asked of the full tables: every figure of the indicator's canonical cases.
const figuresOf = (f: Filters, indicator: string, kind: string) =>
  `FROM metrics m JOIN cases c ON c.case_id = m.case_id
WHERE ${caseWhere({ ...f, indicators: [indicator] }, { alias: 'c' })} AND m.kind = ${literal(kind)} AND m.value_norm > 0`;
const direct = {
  money: (f: Filters, indicator: string, limit: number) => `SELECT c.case_id, c.province, c.city, c.title, m.text, m.value_norm AS wan_yuan
${figuresOf(f, indicator, 'money')} ORDER BY wan_yuan DESC, c.case_id, m.metric_id LIMIT ${limit}`,
  units: (f: Filters, indicator: string) => `SELECT m.unit_norm AS unit ${figuresOf(f, indicator, 'count')}
GROUP BY m.unit_norm ORDER BY count(*) DESC, unit`,
  counts: (f: Filters, indicator: string, unit: string, limit: number) => `SELECT c.case_id, c.province, c.city, c.title, m.text, m.value_norm AS value, m.unit_norm AS unit
${figuresOf(f, indicator, 'count')} AND m.unit_norm = ${literal(unit)} ORDER BY value DESC, c.case_id, m.metric_id LIMIT ${limit}`,
};

let db: DataDb;
/** Filters the candidates answer (years and levels), and filters they leave to the query. */
let answered: Filters[];
let asked: Filters[];
/** The indicators with most money and count figures. */
let indicators: string[];

beforeAll(async () => {
  db = await openDataDb();
  const { provinces, cities, years, batches, level } = await commonestFilterValues(db, 3);
  answered = [
    EMPTY_FILTERS,
    { ...EMPTY_FILTERS, years: [Number(years[0])] },
    { ...EMPTY_FILTERS, years: years.slice(0, 2).map(Number) },
    { ...EMPTY_FILTERS, levels: [level(0)] },
    { ...EMPTY_FILTERS, levels: [level(1), level(2)] },
    { ...EMPTY_FILTERS, years: [Number(years[1] ?? years[0])], levels: [level(0)] },
    // The filter bar's indicator is replaced by the view's.
    { ...EMPTY_FILTERS, years: [Number(years[0])], indicators: ['no_such_indicator'] },
    // Nothing matches: both charts empty.
    { ...EMPTY_FILTERS, years: [1900] },
  ];
  asked = [
    { ...EMPTY_FILTERS, provinces: [String(provinces[0])] },
    { ...EMPTY_FILTERS, cities: [String(cities[0])], years: [Number(years[0])] },
    { ...EMPTY_FILTERS, batches: [Number(batches[0])] },
  ];
  indicators = (
    await db.all(`SELECT c.indicator FROM metrics m JOIN cases c USING (case_id)
      WHERE c.duplicate_of IS NULL AND m.kind IN ('money', 'count') GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 4`)
  ).map((r) => String(r.indicator));
});
afterAll(() => db?.close());

/**
 * Every answer of `filters` three ways (summed, the named query, the full tables); returns how many rows were compared
 * and how many answers were cut at `limit`. The corpus has too few figures per indicator for the charts' FIGURE_LIMIT
 * to cut a cell or an answer, so each is also summed with a limit of 3 (held to the full tables with that limit).
 */
async function expectSameFigures(filters: Filters[], of = indicators): Promise<{ rows: number; full: number }> {
  let rows = 0;
  let full = 0;
  for (const indicator of of) {
    const unitRows = await db.all(unitSummaryRows(indicator));
    for (const limit of [FIGURE_LIMIT, 3]) {
    // Read once per indicator, as the view reads them.
    const candidates = await db.all(figureCandidates(indicator, limit));
    for (const f of filters) {
      const p = { filters: f, indicator };
      const what = `${indicator} ${JSON.stringify(f)}`;
      const units = (await db.all(direct.units(f, indicator))).map((r) => String(r.unit));
      // The view's unit: the one picked, else the commonest (unit_summary summed, as the view does).
      const commonest = unitsFromSummary(unitRows, f)[0]?.unit ?? null;
      expect(commonest, `commonest unit ${what}`).toBe(units[0] ?? null);
      for (const unit of [commonest, ...units.slice(1, 3)]) {
        const summed = figuresFromCandidates(candidates, f, unit, limit);
        expect(summed, what).not.toBeNull();
        const money = await db.all(direct.money(f, indicator, limit));
        expect(summed!.money, `money ${limit} ${what}`).toEqual(money);
        const counts = unit === null ? [] : await db.all(direct.counts(f, indicator, unit, limit));
        expect(summed!.counts, `counts ${unit} ${limit} ${what}`).toEqual(counts);
        if (limit === FIGURE_LIMIT) {
          expect(summed!.money, `indicator.money ${what}`).toEqual(await db.all(indicatorMoney(p)));
          expect(summed!.counts, `indicator.counts ${unit} ${what}`).toEqual(await db.all(indicatorCounts({ ...p, unit: unit === commonest ? null : unit })));
        }
        rows += money.length + counts.length;
        full += Number(money.length === limit) + Number(counts.length === limit);
      }
    }
    }
  }
  return { rows, full };
}

describe('the figure charts summed from each cell’s largest figures', () => {
  it('answer as the charts’ queries and the full tables do, for years, levels and both', async () => {
    const { rows, full } = await expectSameFigures(answered);
    // Not vacuous: real rows compared, and answers cut at the limit (where the largest of a union matter).
    expect(rows).toBeGreaterThan(500);
    expect(full).toBeGreaterThan(3);
    // The candidates are fewer than the indicator's figures (cells were cut), yet answered every state.
    const [{ n }] = await db.all(`SELECT count(*) AS n FROM figure_facts WHERE indicator = ${literal(indicators[0])}`);
    expect((await db.all(figureCandidates(indicators[0], 3))).length).toBeLessThan(Number(n));
  });

  it('are stored at export as the read of one indicator asks them of figure_facts, for every indicator', async () => {
    // The view reads the stored rows (figure_candidates, through its macro) while the workspace is empty.
    const all = (await db.all(`SELECT DISTINCT indicator FROM figure_facts ORDER BY 1`)).map((r) => String(r.indicator));
    expect(all.length).toBeGreaterThan(3);
    let rows = 0;
    for (const indicator of all) {
      const sorted = (sql: string) => db.all(`SELECT * EXCLUDE (indicator) FROM (${sql}) ORDER BY metric_id`);
      const asked = await sorted(figureCandidatesSql('figure_facts', `f.indicator = ${literal(indicator)}`));
      expect(await sorted(`SELECT * FROM base_figure_candidates WHERE indicator = ${literal(indicator)}`), indicator).toEqual(asked);
      expect(await db.all(`SELECT * FROM (${figureCandidates(indicator).sql}) ORDER BY metric_id`), indicator).toEqual(asked);
      rows += asked.length;
    }
    expect(figureCandidates(all[0]).sql).toContain('figure_candidates_of');
    expect(rows).toBeGreaterThan(100);
  });

  it('leave province, city and batch filters to the query', async () => {
    const candidates = await db.all(figureCandidates(indicators[0]));
    for (const f of asked) expect(figuresFromCandidates(candidates, f, null), JSON.stringify(f)).toBeNull();
  });

  it('follow cases the analyst re-files', async () => {
    // The largest money and count figures' cases of the first indicator, re-filed into the second.
    const moved = await db.all(`SELECT DISTINCT case_id FROM figure_facts WHERE indicator = ${literal(indicators[0])}
      ORDER BY value_norm DESC, case_id LIMIT 6`);
    const labels = moved.map((r) => ({ case_id: String(r.case_id), indicator: indicators[1], labelled_at: '2026-01-01T00:00:00Z' }));
    const before = await db.all(figureCandidates(indicators[1]));
    try {
      for (const sql of [...replaceLabelsSql(labels), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
      expect(await db.all(figureCandidates(indicators[1]))).not.toEqual(before);
      await expectSameFigures(answered, indicators.slice(0, 2));
    } finally {
      for (const sql of [...replaceLabelsSql([]), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
    }
  });

  it('include a document imported in the browser, and its re-filed case', async () => {
    const [{ doc_id: doc }] = await db.all(`SELECT c.doc_id FROM figure_facts f JOIN cases c USING (case_id)
      WHERE f.indicator = ${literal(indicators[0])} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
    const [{ case_id: refiled }] = await db.all(`SELECT c.case_id || '-copy' AS case_id FROM base_cases c JOIN figure_facts f USING (case_id)
      WHERE c.doc_id = ${literal(String(doc))} AND c.duplicate_of IS NULL ORDER BY f.value_norm DESC, 1 LIMIT 1`);
    try {
      const label = [{ case_id: String(refiled), indicator: indicators[2], labelled_at: '2026-01-01T00:00:00Z' }];
      for (const sql of [...importCopySql(String(doc)), ...replaceLabelsSql(label), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
      const copies = (await db.all(figureCandidates(indicators[0]))).filter((r) => r.case_id.endsWith('-copy'));
      expect(copies.length).toBeGreaterThan(0);
      await expectSameFigures(answered, indicators.slice(0, 3));
    } finally {
      for (const sql of CLEAR_WORKSPACE_SQL) await db.all(sql);
    }
  });

  it('return the columns their row type declares', async () => {
    await expectDeclaredColumns(db, figureCandidates(indicators[0]));
  });
});
