// What each snapshot file holds (src/queries/snapshot.ts): a plan per file that asks the view's own named queries
// for its default URL state, in the view's order. Where a view picks its next question from an answer (Compare's
// indicator from the shares, the Indicator view's indicator from its list, the measures' dimension), the plan picks
// it from the same answer with the view's own function. Run at export (src/export/snapshots.ts) and, in the tests,
// over an independent route to the same data.
import { INDICATOR_CODES } from '../ingest/indicators.ts';
import { DEFAULT_STATE } from '../state/url-state.ts';
import { DATA_FILES, publicTableName } from '../sql/tables.ts';
import { casePageCandidates, casesListCandidates } from './case-page-candidates.ts';
import { figureCandidates } from './figure-candidates.ts';
import { searchCases } from './cases.ts';
import { compareKept } from './compare-kept.ts';
import { COMPARE_CASES_PER_PROVINCE, compareCases, comparePairsPage, compareProvinces, defaultIndicator } from './compare.ts';
import { documentsQuery, tableCountsQuery, taxonomyQuery } from './data.ts';
import { indicatorCases, indicatorFigures } from './indicator.ts';
import { measureDimensions, measuresShown, pickDimension } from './measures.ts';
import { storedMeasures } from './measures-stored.ts';
import { overviewSnapshotQueries } from './overview.ts';
import { likelyDimensions } from './likely-dimensions.ts';
import { likelyIndicators } from './likely-indicators.ts';
import { CASES_READ_AHEAD_FILE, compareAheadFile, indicatorMeasuresFile, indicatorReadAheadFile, indicatorSnapshotFile, OVERVIEW_SNAPSHOT_FILE, VIEW_SNAPSHOT_FILES } from './snapshot.ts';
import { caseSummaryRows } from './summaries.ts';
import { caseSummaryRowsOf, dimensionsFromSummary, measureCountsOf, measureCountsQuery, sharesFromSummary, unitSummaryRows } from './view-summaries.ts';
import type { NamedQuery } from './types.ts';

/**
 * Runs a query and hands back its rows, as the view's data hook would. `saved: false`: asked only to pick what the
 * file saves (the view has the answer from another file), not saved itself.
 */
export type Ask = <R extends object>(query: NamedQuery<R>, options?: { saved?: boolean }) => Promise<R[]>;

/** One snapshot file: what to ask for it. */
export interface SnapshotPlan {
  file: string;
  ask: (ask: Ask) => Promise<void>;
}

const filters = DEFAULT_STATE.filters;

/** MeasuresPanel with no dimension chosen: the dimensions, then the picked one's rows and summary (one request). */
async function askMeasures(ask: Ask, indicator: string, provinces?: string[]): Promise<void> {
  const base = { filters, indicator, provinces };
  const counts = measureCountsOf(await ask(measureCountsQuery(indicator, provinces)), indicator);
  const dimension = pickDimension(dimensionsFromSummary(counts, filters, provinces), null);
  if (dimension === null) return;
  await ask(measuresShown({ ...base, dimension }));
}

/**
 * The panel's first read in the background (MeasuresPanel, useReadAhead): every year and level scope's stored rows
 * of the dimension it starts from, from which it answers a year or level change in memory. The dimension is picked
 * from measureDimensions' few rows (what the panel sums from measure_summary's, tests/queries/indexes.test.ts): the
 * file does not hold those thousands of rows again.
 */
async function askStoredMeasures(ask: Ask, indicator: string, provinces?: string[]): Promise<void> {
  const dimension = pickDimension(await ask(measureDimensions({ filters, indicator, provinces })), null);
  if (dimension !== null) await ask(storedMeasures(indicator, dimension, provinces));
}

/** The Indicator view with `indicator` shown and no filter (IndicatorView: its charts, list and measures). */
async function askIndicator(ask: Ask, indicator: string): Promise<void> {
  const params = { filters, indicator };
  await ask(unitSummaryRows(indicator));
  await ask(indicatorFigures({ ...params, unit: null }));
  await ask(indicatorCases({ ...params, page: 0 }));
  await askMeasures(ask, indicator);
}

/** The indicator Compare shows for the default provinces with no filter, picked from their shares as the view does. */
async function compareIndicator(ask: Ask): Promise<string | null> {
  const { compareA: a, compareB: b } = DEFAULT_STATE;
  return defaultIndicator(sharesFromSummary(await ask(caseSummaryRowsOf([a, b])), filters, a, b), DEFAULT_STATE.indicator);
}

/**
 * What Compare reads ahead of `indicator` for the default provinces with no filter, as the view and its measures panel
 * list it: nothing unless the indicator is shown or a year or level change would show it (likelyIndicators), else its
 * kept rows and the panel's stored rows of each dimension a year or level state starts it from (likelyDimensions, from
 * the panel's counts). The lists are picked from answers view-compare.json holds: asked here, not saved again.
 */
async function askCompareAhead(ask: Ask, indicator: string): Promise<void> {
  const { compareA: a, compareB: b } = DEFAULT_STATE;
  const provinces = [a, b];
  const likely = likelyIndicators(await ask(caseSummaryRowsOf(provinces), { saved: false }), filters, a, b, DEFAULT_STATE.indicator);
  if (!likely.includes(indicator)) return;
  await ask(compareKept({ a, b, indicator }));
  // The panel's counts: the two provinces' rows of every indicator, whichever it shows.
  const counts = await ask(measureCountsQuery(indicator, provinces), { saved: false });
  for (const item of likelyDimensions(counts, likely, filters, provinces)) {
    if (item.indicator === indicator) await ask(storedMeasures(indicator, item.dimension, provinces));
  }
}

/** Every snapshot file with its plan, in the order an export writes them. */
export function snapshotPlans(): SnapshotPlan[] {
  const a = DEFAULT_STATE.compareA;
  const b = DEFAULT_STATE.compareB;
  return [
    {
      file: OVERVIEW_SNAPSHOT_FILE,
      ask: async (ask) => {
        for (const query of overviewSnapshotQueries()) await ask(query);
      },
    },
    {
      file: VIEW_SNAPSHOT_FILES.cases,
      ask: async (ask) => void (await ask(searchCases({ filters, search: '', sort: DEFAULT_STATE.sort, page: 0, simplify: null }))),
    },
    // Each (level, year) cell's first cases, which the Cases view reads ahead to answer a year or level change in
    // memory (CasesView): saved, that read costs DuckDB nothing at any size.
    { file: CASES_READ_AHEAD_FILE, ask: async (ask) => void (await ask(casesListCandidates())) },
    {
      file: VIEW_SNAPSHOT_FILES.data,
      ask: async (ask) => {
        await ask(documentsQuery());
        await ask(taxonomyQuery());
        await ask(tableCountsQuery(DATA_FILES.map(publicTableName)));
      },
    },
    {
      // The default provinces (their rows of case_summary only), and the indicator the view picks from their shares
      // (none chosen), with the first page of pairs.
      file: VIEW_SNAPSHOT_FILES.compare,
      ask: async (ask) => {
        await ask(compareProvinces());
        const indicator = await compareIndicator(ask);
        if (indicator === null) return;
        await ask(compareCases({ filters, a, b, indicator, perProvince: COMPARE_CASES_PER_PROVINCE }));
        await ask(comparePairsPage({ filters, a, b, indicator, page: 0 }));
        await askMeasures(ask, indicator, [a, b]);
      },
    },
    // The rows Compare reads ahead once it has answered, for its year and level changes: one file per indicator.
    ...INDICATOR_CODES.map((code) => ({ file: compareAheadFile(code)!, ask: (ask: Ask) => askCompareAhead(ask, code) })),
    { file: VIEW_SNAPSHOT_FILES.indicator, ask: async (ask) => void (await ask(caseSummaryRows())) },
    // Every indicator of the taxonomy: the URL may name any, and the view picks the largest when it names none.
    ...INDICATOR_CODES.flatMap((code) => [
      { file: indicatorSnapshotFile(code)!, ask: (ask: Ask) => askIndicator(ask, code) },
      // Each cell's largest figures and first cases, which the view reads ahead to answer a year or level change's
      // charts and list in memory (IndicatorView): saved, those reads cost DuckDB nothing.
      {
        file: indicatorReadAheadFile(code)!,
        ask: async (ask: Ask) => {
          await ask(figureCandidates(code));
          await ask(casePageCandidates(code));
        },
      },
      // The measures panel's first stored rows, which it reads once it has answered (MeasuresPanel).
      { file: indicatorMeasuresFile(code)!, ask: (ask: Ask) => askStoredMeasures(ask, code) },
    ]),
  ];
}
