// The measures panel kept in memory (src/queries/measures-stored.ts): every scope's stored sample and summary of an
// indicator's dimension read once, the rows of a filter state kept in JS. Each answer must be what the panel's
// query (measuresShown, split) and the same question asked of metrics and cases directly answer — for no filter,
// a year, a level, both, provinces (the Indicator view's filter bar, or Compare's two in either order), nothing
// matching — also after the analyst re-files cases and imports a document; other filters are left to the query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_SUMMARY_SQL } from '../../src/sql/indexes.ts';
import { MEASURE_ORDER, MEASURES_SHOWN_PER_PROVINCE } from '../../src/sql/measures-shown.ts';
import { replaceLabelsSql } from '../../src/workspace/workspace-sql.ts';
import { measuresShown, splitMeasuresShown, type MeasureParams } from '../../src/queries/measures.ts';
import { measuresFromStored, storedMeasures } from '../../src/queries/measures-stored.ts';
import { caseWhere, literal } from '../../src/queries/sql.ts';
import { EMPTY_FILTERS, type Filters } from '../../src/state/filters.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { commonestFilterValues } from '../helpers/commonest.ts';
import { CLEAR_WORKSPACE_SQL, importCopySql } from '../helpers/workspace-copy.ts';
import { expectDeclaredColumns } from './columns.ts';

// The panel's questions asked of the full tables: every measure of the indicator's canonical cases.
const measuresOf = ({ filters, indicator, dimension, provinces }: MeasureParams) =>
  `FROM metrics m JOIN cases c ON c.case_id = m.case_id
WHERE ${caseWhere({ ...filters, indicators: [indicator], provinces: provinces ?? filters.provinces }, { alias: 'c' })} AND m.dimension = ${literal(dimension)}`;
const direct = {
  // At most MEASURES_SHOWN_PER_PROVINCE per province, every ⌈n / k⌉-th in the panel's order.
  sample: (p: MeasureParams) => `SELECT * EXCLUDE (k, n) FROM (
  SELECT c.case_id, c.province, c.city, c.county, c.title, m.metric_id, m.dimension, m.section, m.text, m.kind, m.unit_norm,
    m.before_value, m.after_value, m.reduction_pct,
    row_number() OVER (PARTITION BY c.province ORDER BY ${MEASURE_ORDER.replaceAll('m.case_id', 'c.case_id')}) - 1 AS k,
    count(*) OVER (PARTITION BY c.province) AS n
  ${measuresOf(p)}) m
WHERE k % greatest(1, ceil(n / ${MEASURES_SHOWN_PER_PROVINCE}))::BIGINT = 0
ORDER BY m.province, ${MEASURE_ORDER}`,
  summary: (p: MeasureParams) => `SELECT c.province, count(DISTINCT c.case_id) AS cases, count(*) AS measures,
  count(m.after_value) AS n_after, median(m.after_value) AS median_after, min(m.after_value) AS min_after, max(m.after_value) AS max_after,
  count(m.before_value) FILTER (WHERE m.after_value IS NOT NULL) AS n_pairs,
  median(m.before_value) FILTER (WHERE m.after_value IS NOT NULL) AS median_before,
  count(m.reduction_pct) AS n_reduction, median(m.reduction_pct) AS median_reduction_pct
${measuresOf(p)} AND c.province IS NOT NULL
GROUP BY c.province
ORDER BY ${p.provinces ? `CASE c.province ${p.provinces.map((q, i) => `WHEN ${literal(q)} THEN ${i}`).join(' ')} END` : 'cases DESC'}, c.province`,
};

let db: DataDb;
/** Filters the stored rows answer, and filters left to the query. */
let answered: Filters[];
let asked: Filters[];
/** The indicators with most measures, and the two provinces with most cases. */
let indicators: string[];
let provinces: string[];

beforeAll(async () => {
  db = await openDataDb();
  const { provinces: province, cities, years, batches, level } = await commonestFilterValues(db, 2);
  provinces = province.map(String);
  answered = [
    EMPTY_FILTERS,
    { ...EMPTY_FILTERS, years: [Number(years[0])] },
    { ...EMPTY_FILTERS, levels: [level(1)] },
    { ...EMPTY_FILTERS, years: [Number(years[1] ?? years[0])], levels: [level(0)] },
    { ...EMPTY_FILTERS, provinces: [provinces[0]] },
    { ...EMPTY_FILTERS, provinces, years: [Number(years[0])] },
    // The filter bar's indicator is replaced by the view's.
    { ...EMPTY_FILTERS, indicators: ['no_such_indicator'], levels: [level(0)] },
    { ...EMPTY_FILTERS, years: [1900] },
  ];
  asked = [
    { ...EMPTY_FILTERS, years: years.map(Number) },
    { ...EMPTY_FILTERS, levels: [level(0), level(1)] },
    { ...EMPTY_FILTERS, cities: [String(cities[0])] },
    { ...EMPTY_FILTERS, batches: [Number(batches[0])] },
  ];
  indicators = (
    await db.all(`SELECT c.indicator FROM metrics m JOIN cases c USING (case_id)
      WHERE c.duplicate_of IS NULL AND m.dimension IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3`)
  ).map((r) => String(r.indicator));
});
afterAll(() => db?.close());

/** Every answer three ways (kept in memory, the panel's query, the full tables); returns how many rows were compared and how many provinces were sampled. */
async function expectSameMeasures(filters: Filters[], of = indicators): Promise<{ rows: number; sampled: number }> {
  let rows = 0;
  let sampled = 0;
  for (const indicator of of) {
    const dimensions = await db.all(`SELECT DISTINCT m.dimension FROM metrics m JOIN cases c USING (case_id)
      WHERE c.duplicate_of IS NULL AND c.indicator = ${literal(indicator)} AND m.dimension IS NOT NULL ORDER BY 1`);
    for (const { dimension } of dimensions) {
      // Read once per indicator and dimension, as the panel reads them.
      const stored = await db.all(storedMeasures(indicator, String(dimension)));
      // Compare reads its two provinces' rows only.
      const storedOfTwo = await db.all(storedMeasures(indicator, String(dimension), provinces));
      for (const f of filters) {
        // The Indicator view (the filter bar's provinces), and Compare's two provinces either way round.
        for (const two of [undefined, provinces, [...provinces].reverse()]) {
          const p = { filters: f, indicator, dimension: String(dimension), provinces: two };
          const what = `${indicator} ${String(dimension)} ${JSON.stringify(f)} ${two ?? ''}`;
          const kept = measuresFromStored(two ? storedOfTwo : stored, p);
          expect(kept, what).not.toBeNull();
          const sample = await db.all(direct.sample(p));
          const summary = await db.all(direct.summary(p));
          expect(kept!.sample, `sample ${what}`).toEqual(sample);
          expect(kept!.summary, `summary ${what}`).toEqual(summary);
          expect(kept, `measuresShown ${what}`).toEqual(splitMeasuresShown(await db.all(measuresShown(p))));
          rows += sample.length + summary.length;
          sampled += summary.filter((s) => Number(s.measures) > MEASURES_SHOWN_PER_PROVINCE).length;
        }
      }
    }
  }
  return { rows, sampled };
}

describe('the measures panel kept from the stored rows', () => {
  it('answers as the panel’s query and the full tables do, for each scope and provinces', async () => {
    const { rows, sampled } = await expectSameMeasures(answered);
    // Not vacuous: real rows were compared.
    expect(rows).toBeGreaterThan(500);
    // Provinces with more measures of a dimension than the panel shows: their samples (every ⌈n / k⌉-th) were compared.
    expect(sampled).toBeGreaterThan(0);
  });

  it('reads only the provinces asked for (Compare’s two), with one query whichever is A', async () => {
    // The indicator and dimension whose measures are stored for most provinces.
    const [{ indicator, dimension }] = await db.all(`SELECT indicator, dimension FROM measure_sample WHERE province IS NOT NULL
      GROUP BY ALL ORDER BY count(DISTINCT province) DESC, count(*) DESC, 1, 2 LIMIT 1`);
    const read = (asked?: string[]) => db.all(storedMeasures(String(indicator), String(dimension), asked));
    const all = await read();
    const inAll = [...new Set(all.map((r) => r.province).filter((p) => p !== null).map(String))];
    // Not vacuous: rows of more than one province, so asking for one leaves rows out.
    expect(inAll.length).toBeGreaterThan(1);
    for (const asked of [[inAll[0]], inAll.slice(0, 2), provinces]) {
      expect(await read(asked), String(asked)).toEqual(all.filter((r) => asked.includes(String(r.province))));
    }
    expect(storedMeasures(String(indicator), String(dimension), [...provinces].reverse()).sql).toBe(
      storedMeasures(String(indicator), String(dimension), provinces).sql,
    );
  });

  it('leaves two years, two levels, a city or a batch to the query', async () => {
    const stored = await db.all(storedMeasures(indicators[0], 'time'));
    for (const f of asked) expect(measuresFromStored(stored, { filters: f }), JSON.stringify(f)).toBeNull();
  });

  it('follows cases the analyst re-files', async () => {
    const moved = await db.all(`SELECT DISTINCT m.case_id FROM metrics m JOIN cases c USING (case_id)
      WHERE c.duplicate_of IS NULL AND c.indicator = ${literal(indicators[0])} AND m.dimension IS NOT NULL ORDER BY 1 LIMIT 5`);
    const labels = moved.map((r) => ({ case_id: String(r.case_id), indicator: indicators[1], labelled_at: '2026-01-01T00:00:00Z' }));
    try {
      for (const sql of [...replaceLabelsSql(labels), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
      await expectSameMeasures(answered.slice(0, 4), indicators.slice(0, 2));
    } finally {
      for (const sql of [...replaceLabelsSql([]), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
    }
  });

  it('includes a document imported in the browser, and its re-filed case', async () => {
    const [{ doc_id: doc }] = await db.all(`SELECT c.doc_id FROM metrics m JOIN cases c USING (case_id)
      WHERE c.indicator = ${literal(indicators[0])} AND m.dimension IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
    const [{ case_id: refiled }] = await db.all(`SELECT case_id || '-copy' AS case_id FROM base_cases
      WHERE doc_id = ${literal(String(doc))} AND duplicate_of IS NULL ORDER BY 1 LIMIT 1`);
    try {
      const label = [{ case_id: String(refiled), indicator: indicators[2], labelled_at: '2026-01-01T00:00:00Z' }];
      for (const sql of [...importCopySql(String(doc)), ...replaceLabelsSql(label), ...REFRESH_SUMMARY_SQL]) await db.all(sql);
      const copies = (await db.all(storedMeasures(indicators[0], 'time'))).filter((r) => String(r.case_id).endsWith('-copy'));
      expect(copies.length).toBeGreaterThan(0);
      await expectSameMeasures(answered.slice(0, 4));
    } finally {
      for (const sql of CLEAR_WORKSPACE_SQL) await db.all(sql);
    }
  });

  it('returns the columns its row type declares', async () => {
    await expectDeclaredColumns(db, storedMeasures(indicators[0], 'time'));
  });
});
