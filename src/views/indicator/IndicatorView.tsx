// Indicator: one indicator across provinces — cases per province, the reform outcomes its cases report
// (time, steps, documents, visits, cost: before → after, per province), money and counts (one unit at a
// time) charted where comparable, and the cases listed.
import { useCallback, useMemo, useState } from 'react';
import { ChartCard } from '../../components/ChartCard.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { CaseTable } from '../../components/cases/CaseTable.tsx';
import { MeasuresPanel } from '../../components/cases/MeasuresPanel.tsx';
import { countsOption, moneyOption, provincesOption } from './figure-charts.ts';
import '../views.css';
import { useSavedBackgroundRows, useSnapshotSql, ViewSnapshotFile } from '../../hooks/useSnapshotSql.ts';
import { isCurrent, startSql } from '../../hooks/useSql.ts';
import { useSnapshotTrust } from '../../hooks/snapshot-trust.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  caseCountOptions,
  caseCountProvinces,
  caseCountTotal,
  figureChartRows,
  indicatorByProvince,
  indicatorCases,
  indicatorCounts,
  indicatorFigures,
  indicatorMoney,
  FIGURE_LIMIT,
  pickIndicator,
  type CountFigureRow,
  type IndicatorProvinceRow,
  type MoneyFigureRow,
} from '../../queries/indicator.ts';
import { figureCandidates, figuresFromCandidates } from '../../queries/figure-candidates.ts';
import { casePageCandidates, casePageFromCandidates } from '../../queries/case-page-candidates.ts';
import { caseSummaryRows, type CaseSummaryRow } from '../../queries/summaries.ts';
import { caseCountsFromSummary, unitsFromSummary, unitSummaryRows } from '../../queries/view-summaries.ts';
import { indicatorMeasuresFile, indicatorReadAheadFile, indicatorSnapshotFile, unfiltered, VIEW_SNAPSHOT_FILES } from '../../queries/snapshot.ts';
import { yearAndLevelStatesOf } from '../../queries/next-states.ts';
import { chooseIndicator, chosenIndicator } from '../../state/url-state.ts';
import type { ViewProps } from '../types.ts';

const chartHeight = (rows: object[] | undefined, perRow: number) => Math.max(200, (rows?.length ?? 0) * perRow + 70);


/**
 * While the workspace is empty the rows read ahead for later year/level changes are stored at export
 * (src/sql/candidates.ts: a few thousand rows per indicator, the same at any size). Once it changed they are asked of the layered tables and cost about
 * what the indicator's cases and figures are: above this many cases (the largest indicator at national scale:
 * ~1.4 × 10^5, a read of seconds) the read would hold DuckDB-wasm's single worker that long, and a filter change
 * coming meanwhile waits behind it — each change then asks its own queries instead (tens of ms each).
 */
const READ_AHEAD_MAX_CASES = 30_000;

/** The indicator's cases under no filter, from case_summary's rows. */
function casesUnfiltered(rows: CaseSummaryRow[], indicator: string): number {
  let cases = 0;
  for (const r of rows) if (r.sort === null && r.indicator === indicator) cases += r.cases;
  return cases;
}
export function IndicatorView({ state, update }: ViewProps) {
  const { t, lang, indicatorName, provinceName, placeName, unitName } = useI18n();
  // The picker, the provinces chart and the list's total: indicatorCaseCounts' rows, summed from case_summary read
  // once (summaries.ts), so a filter change asks the worker nothing for them.
  // Saved at export with no filter: the indicator list, and each indicator's answers in a file of its own.
  const saved = unfiltered(state.filters);
  const summary = useSnapshotSql(caseSummaryRows(), saved ? VIEW_SNAPSHOT_FILES.indicator : null);
  const filters = state.filters;
  const caseCounts = useMemo(() => summary.data && caseCountsFromSummary(summary.data, filters), [summary.data, filters]);
  const options = useMemo(() => caseCountOptions(caseCounts ?? []), [caseCounts]);
  const chosen = chosenIndicator(state);
  const indicator = pickIndicator(options, chosen);
  const provinceRows = useMemo(
    () => (caseCounts && indicator ? caseCountProvinces(caseCounts, indicator) : undefined),
    [caseCounts, indicator],
  );

  const snapshot = saved && indicator ? indicatorSnapshotFile(indicator) : null;
  const params = { filters: state.filters, indicator: indicator ?? '' };
  const provincesQ = indicatorByProvince(params);
  const moneyQ = indicatorMoney(params);
  // The list's page is the view's own: a new indicator or filter starts at its first page.
  const [listPage, setListPage] = useState({ key: '', page: 0 });
  const listKey = `${indicator}:${JSON.stringify(state.filters)}`;
  const page = listPage.key === listKey ? listPage.page : 0;
  const casesQ = indicatorCases({ ...params, page });
  // An indicator picked from the options (none chosen) is asked about once the options of these filters answered.
  const enabled = indicator !== null && (chosen !== null || isCurrent(summary));
  // The figure charts and the list's first page summed in memory from rows read once per indicator in the
  // background (figure-candidates.ts, case-page-candidates.ts), once the view's answers for it are in (not queued
  // before them on the worker): a year or level change then asks nothing. The indicators read so far stay wanted:
  // back on one, its rows are in the query cache. Not while re-read (a workspace change invalidates every answer):
  // the rows held may be of the data before it.
  const [candidatesOf, setCandidatesOf] = useState<ReadonlySet<string>>(new Set());
  const casesOfIndicator = useMemo(() => (summary.data && indicator ? casesUnfiltered(summary.data, indicator) : 0), [summary.data, indicator]);
  const stored = useSnapshotTrust() === 'usable';
  const readOf = indicator && candidatesOf.has(indicator) && (stored || casesOfIndicator <= READ_AHEAD_MAX_CASES) ? indicator : null;
  // Both kinds of candidates are saved too, in a file of their own fetched now (not with the answers the first
  // drawing waits for): read once it has arrived, from its rows when they stand (nothing asked of DuckDB), else asked.
  const aheadFile = readOf ? indicatorReadAheadFile(readOf) : null;
  const figuresQuery = useMemo(() => figureCandidates(readOf ?? ''), [readOf]);
  const candidateRows = useSavedBackgroundRows(readOf ? figuresQuery : null, aheadFile);
  const pageQuery = useMemo(() => casePageCandidates(readOf ?? ''), [readOf]);
  const pageCandidateRows = useSavedBackgroundRows(readOf ? pageQuery : null, aheadFile);
  const summedPage = useMemo(
    () => (pageCandidateRows ? casePageFromCandidates(pageCandidateRows, filters, page) : null),
    [pageCandidateRows, filters, page],
  );
  // Otherwise the page is asked, started at once: the worker can answer it while this render and the charts'
  // redraw take the main thread. Not in the saved state (no filter): its saved answer may stand (useSnapshotSql).
  if (enabled && !summedPage && !snapshot) startSql(casesQ);
  const asked = useSnapshotSql(enabled && !summedPage ? casesQ : null, snapshot);
  // Asked (a later page, a province filter): until its answer the page drawn stays on screen — not the rows the
  // query kept as a placeholder, which may be of a state before the summed ones.
  const [drawnPage, setDrawnPage] = useState(summedPage ?? asked.data);
  const pageRows = summedPage ?? (isCurrent(asked) ? asked.data : (drawnPage ?? asked.data));
  if (pageRows !== drawnPage) setDrawnPage(pageRows);
  const cases = summedPage ? { status: 'success' as const, error: null, data: summedPage } : { ...asked, data: pageRows };
  // The units: unit_summary's rows of the indicator, read once and summed per filter state.
  const unitCounts = useSnapshotSql(enabled ? unitSummaryRows(indicator) : null, snapshot);
  const units = useMemo(() => (unitCounts.data ? unitsFromSummary(unitCounts.data, filters) : []), [unitCounts.data, filters]);
  // Counts of different things (张, 户, 家) never share an axis: one unit at a time, the commonest first.
  const [chosenUnit, setChosenUnit] = useState<string | null>(null);
  const unitList = units.map((r) => r.unit);
  const picked = chosenUnit && unitList.includes(chosenUnit) ? chosenUnit : null;
  const unit = picked ?? unitList[0] ?? null;
  // Unpicked, the query takes the commonest unit itself: asked with the others, not after the units answered.
  const countsQ = indicatorCounts({ ...params, unit: picked });
  const unitsCurrent = isCurrent(unitCounts);
  const summed = useMemo(
    () => (candidateRows && unitsCurrent ? figuresFromCandidates(candidateRows, filters, unit) : null),
    [candidateRows, unitsCurrent, filters, unit],
  );
  // Otherwise both figure charts' rows in one request (one query fewer on DuckDB's single worker). Either way each
  // chart shows and downloads its own query (moneyQ, countsQ), whose answer its rows are (tests/queries/indexes.test.ts,
  // figure-candidates.test.ts).
  const figures = useSnapshotSql(enabled && !summed ? indicatorFigures({ ...params, unit: picked }) : null, snapshot);
  const askedFigures = useMemo(() => (figures.data ? figureChartRows(figures.data) : undefined), [figures.data]);
  // Asked (a province filter, a new indicator): until its answer the rows drawn stay on screen — not the rows the
  // query kept as a placeholder, which may be of a state before the summed ones.
  const [drawnFigures, setDrawnFigures] = useState(summed ?? askedFigures);
  const figureRows = summed ?? (isCurrent(figures) ? askedFigures : (drawnFigures ?? askedFigures));
  if (figureRows !== drawnFigures) setDrawnFigures(figureRows);
  const figureStatus = summed ? { status: 'success' as const, error: null } : figures;
  if (indicator && !candidatesOf.has(indicator) && enabled && isCurrent(figures) && isCurrent(asked)) setCandidatesOf(new Set([...candidatesOf, indicator]));
  // Once the rows read ahead are in (the engine is up by then): each chart's options of the next year and level
  // states drawn off the page in idle time, with the view's sums for them (ChartCard `warmUp`, chart-warm-up.ts).
  const nextStates = useMemo(
    () => (summary.data && indicator && candidateRows ? yearAndLevelStatesOf(summary.data.filter((r) => r.sort === null && r.indicator === indicator)) : null),
    [summary.data, indicator, candidateRows],
  );
  const warmUp = useMemo(() => {
    if (!nextStates || !summary.data || !indicator || !candidateRows || !unitsCurrent) return null;
    const summaryRows = summary.data;
    const stateFilters = nextStates.map((state) => ({ ...filters, ...state }));
    const figuresOf = (i: number) => figuresFromCandidates(candidateRows, stateFilters[i], unit);
    return {
      provinces: stateFilters.map((f) => () => caseCountProvinces(caseCountsFromSummary(summaryRows, f), indicator)),
      money: stateFilters.map((_, i) => () => figuresOf(i)?.money ?? []),
      counts: stateFilters.map((_, i) => () => figuresOf(i)?.counts ?? []),
    };
  }, [nextStates, summary.data, indicator, candidateRows, unitsCurrent, filters, unit]);
  const moneyRows = figureRows?.money;
  const countRows = figureRows?.counts;
  // The counts chart is titled with the unit of the rows it draws: named after `unit` (the picker's, known at once
  // from the summary) it would be re-titled, and redrawn, with the previous rows before the new ones arrive.
  const drawnUnit = countRows?.[0]?.unit ?? unit;
  // Once shown, the counts card stays mounted, hidden while the filters leave the indicator no counts: its chart is
  // re-optioned when they come back rather than made anew (hidden-when-empty.ts).
  const [countsShown, setCountsShown] = useState(unit !== null);
  if (unit !== null && !countsShown) setCountsShown(true);
  const limitNote = (rows: object[] | undefined) => (rows?.length === FIGURE_LIMIT ? t('ind.limit', { n: FIGURE_LIMIT }) : undefined);
  // Stable per language (ChartCard re-options a chart when its builder changes).
  const provincesChart = useCallback((rows: IndicatorProvinceRow[]) => provincesOption(rows, provinceName, t('col.cases')), [provinceName, t]);
  const moneyChart = useCallback((rows: MoneyFigureRow[]) => moneyOption(rows, placeName, lang), [placeName, lang]);
  const countsChart = useCallback((rows: CountFigureRow[]) => countsOption(rows, placeName, unitName), [placeName, unitName]);

  const figureColumns = [
    { key: 'case_id', header: t('col.caseId') },
    { key: 'province', header: t('col.province'), shown: 'province' as const },
    { key: 'city', header: t('col.city'), shown: 'city' as const },
    { key: 'title', header: t('col.title') },
    { key: 'text', header: t('col.text') },
  ];

  return (
    <div className="v-view" data-testid="indicator-view">
      <div className="v-toolbar">
        <label>
          {t('ind.pick')}
          <select
            value={indicator ?? ''}
            data-testid="indicator-pick"
            onChange={(e) => update(chooseIndicator(state, e.target.value))}
          >
            {options.map((r) => (
              <option key={r.code} value={r.code}>
                {indicatorName(r.code)} ({r.cases})
              </option>
            ))}
          </select>
        </label>
        {indicator && <h2>{indicatorName(indicator)}</h2>}
      </div>

      {indicator && (
        <ViewSnapshotFile value={snapshot}>
          {/* Not keyed by indicator: a new indicator re-options the panel's charts rather than re-creating them.
              The view is long (at national scale the panel's charts alone are several screens): a chart far off screen
              is redrawn when it comes near (whenNear), not on each filter change. Its first stored rows are saved
              at export, whatever the filters (they are every year's and level's). */}
          <MeasuresPanel
            filters={state.filters}
            indicator={indicator}
            title={t('meas.title')}
            waiting={!enabled}
            chartsWhenNear
            savedIn={indicatorMeasuresFile}
            warmUpStates={nextStates}
          />
          <div className="v-grid2">
            <ChartCard
              whenNear
              title={t('ind.byProvince')}
              query={provincesQ}
              rows={provinceRows}
              status={summary.status}
              error={summary.error}
              height={260}
              columns={[
                { key: 'province', header: t('col.province'), shown: 'province' },
                { key: 'cases', header: t('col.cases') },
                { key: 'total', header: t('col.provinceCases') },
                { key: 'pct', header: t('col.pct') },
              ]}
              option={provincesChart}
              warmUp={warmUp?.provinces}
            />
            <ChartCard
              whenNear
              title={t('ind.money')}
              query={moneyQ}
              rows={moneyRows}
              status={figureStatus.status}
              error={figureStatus.error}
              height={chartHeight(moneyRows, 22)}
              note={limitNote(moneyRows)}
              columns={[...figureColumns, { key: 'wan_yuan', header: t('col.wan') }]}
              option={moneyChart}
              warmUp={warmUp?.money}
            />
          </div>
          {countsShown && (
          <ChartCard
            hidden={unit === null}
            whenNear
            title={t('ind.countsOf', { u: unitName(drawnUnit ?? unit ?? '') })}
            actions={
              <label className="v-muted">
                {t('ind.countUnit')}{' '}
                <select value={unit ?? ''} data-testid="count-unit" onChange={(e) => setChosenUnit(e.target.value)}>
                  {units.map((r) => (
                    <option key={r.unit} value={r.unit}>
                      {unitName(r.unit)} ({r.figures})
                    </option>
                  ))}
                </select>
              </label>
            }
            query={countsQ}
            rows={countRows}
            status={figureStatus.status}
            error={figureStatus.error}
            height={chartHeight(countRows, 20)}
            note={limitNote(countRows)}
            columns={[...figureColumns, { key: 'value', header: t('col.count') }, { key: 'unit', header: t('col.unit'), shown: 'unit' }]}
            option={countsChart}
            warmUp={warmUp?.counts}
          />
          )}
          <section className="v-panel">
            <h3>{t('ind.cases')}</h3>
            <QueryState result={cases}>
              {(rows) => (
                <CaseTable
                  id="indicator.cases"
                  title={t('ind.cases')}
                  rows={rows}
                  query={casesQ}
                  total={caseCounts && indicator ? caseCountTotal(caseCounts, indicator) : rows.length}
                  page={page}
                  onPage={(p) => setListPage({ key: listKey, page: p })}
                />
              )}
            </QueryState>
          </section>
        </ViewSnapshotFile>
      )}
    </div>
  );
}
