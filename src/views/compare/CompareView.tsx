// Compare: two provinces side by side — indicator shares (butterfly chart), which indicators only one
// covers, and for one indicator both provinces' reform outcomes (time, steps, documents, visits, cost),
// their cases in two columns, and nearest-case pairs.
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { BriefButton } from '../../brief/BriefDialog.tsx';
import { cardOption, ChartCard } from '../../components/ChartCard.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { MeasuresPanel } from '../../components/cases/MeasuresPanel.tsx';
import '../views.css';
import './compare.css';
import { butterflyHeight, butterflyOption } from './butterfly.ts';
import { useKeptOrAsked } from './kept-or-asked.ts';
import { likelyIndicators, yearAndLevelStates } from '../../queries/likely-indicators.ts';
import { browserHost, useWarmUp } from '../../components/chart-warm-up.ts';
import { useNarrowScreen } from './use-narrow-screen.ts';
import { CaseColumn } from '../../components/compare/CaseColumn.tsx';
import { PairsTable } from '../../components/compare/PairsTable.tsx';
import { ProvincePicker } from '../../components/compare/ProvincePicker.tsx';
import { useSnapshotSql, ViewSnapshotFile } from '../../hooks/useSnapshotSql.ts';
import { useReadAhead } from '../../hooks/useReadAhead.ts';
import { isCurrent, startSql } from '../../hooks/useSql.ts';
import { UNCLASSIFIED } from '../../ingest/indicators.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { beyondYearsAndLevels } from '../../state/filters.ts';
import { chooseIndicator, chosenIndicator, DEFAULT_STATE } from '../../state/url-state.ts';
import type { CaseListRow } from '../../queries/cases.ts';
import { COMPARE_CASES_PER_PROVINCE, compareCases, comparePairsPage, compareShares, defaultIndicator, type CompareShareRow } from '../../queries/compare.ts';
import { casesFromCells } from '../../queries/compare-cells.ts';
import { firstPairsPageFromCells } from '../../queries/compare-pair-cells.ts';
import { compareKept, splitKept } from '../../queries/compare-kept.ts';
import { compareAheadFile, unfiltered, VIEW_SNAPSHOT_FILES } from '../../queries/snapshot.ts';
import { caseSummaryRowsOf, sharesFromSummary } from '../../queries/view-summaries.ts';
import type { ViewProps } from '../types.ts';

/** Other provinces than the default ones: no file holds their rows. */
const noFile = () => null;

export function CompareView({ state, update }: ViewProps) {
  const { t, lang, provinceName, indicatorName } = useI18n();
  const a = state.compareA;
  const b = state.compareB;
  const nameA = provinceName(a);
  const nameB = provinceName(b);

  // The shares: summed from the two provinces' rows of case_summary read once (summaries.ts), so the indicator is
  // known at once after a filter change and its questions go to the worker together. The chart's SQL button
  // shows compareShares.
  // Saved at export: the default provinces' answers with no filter (other provinces are not found in the file).
  const snapshot = unfiltered(state.filters) ? VIEW_SNAPSHOT_FILES.compare : null;
  const shares = useSnapshotSql(caseSummaryRowsOf([a, b]), snapshot);
  const filters = state.filters;
  const shareRows = useMemo(() => shares.data && sharesFromSummary(shares.data, filters, a, b), [shares.data, filters, a, b]);
  const rows = shareRows ?? [];
  // The filter bar's indicator wins, even where neither province has cases of it (the view says so).
  const barIndicators = state.filters.indicators;
  const indicator = barIndicators.length > 0 ? chosenIndicator(state) : defaultIndicator(rows, state.indicator);
  const first = rows[0];

  // The indicator's questions wait for the shares of these filters: the indicator may be picked from them.
  const ask = indicator !== null && isCurrent(shares);
  const casesQuery = indicator ? compareCases({ filters: state.filters, a, b, indicator, perProvince: COMPARE_CASES_PER_PROVINCE }) : null;
  // The pairs table shows a page of A's cases (a province has hundreds at national scale): a page chosen for
  // other filters, provinces or indicator is forgotten.
  const pairsOf = JSON.stringify([state.filters, a, b, indicator]);
  const [pairsPage, setPairsPage] = useState({ of: pairsOf, page: 0 });
  const page = pairsPage.of === pairsOf ? pairsPage.page : 0;
  const pairsQuery = indicator ? comparePairsPage({ filters: state.filters, a, b, indicator, page }) : null;
  // Then the same rows of the indicators a next year or level change would show (likely-indicators.ts). Every year and
  // level state is in that list: a year or level change neither sums them again nor gives the panel a new list.
  const sameForYearsAndLevels = beyondYearsAndLevels(filters);
  const likely = useMemo(
    () => (shares.data && barIndicators.length === 0 ? likelyIndicators(shares.data, filters, a, b, state.indicator) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the list is the same for every year and level (see above)
    [shares.data, barIndicators.length, sameForYearsAndLevels, a, b, state.indicator],
  );
  // The columns and the first page of pairs kept in memory for years and levels (compare-cells.ts,
  // compare-pair-cells.ts): their rows for (A, B, indicator) are read once in the background, after the view's own
  // answers for them, then those of the likely indicators (useReadAhead); a year or level change then asks neither
  // query. One request for both (compare-kept.ts): one background read fewer on the worker.
  // Those of the default provinces saved at export, one file per indicator (savedAhead), whatever the filters.
  const savedAhead = a === DEFAULT_STATE.compareA && b === DEFAULT_STATE.compareB ? compareAheadFile : noFile;
  const keptRead = useReadAhead(indicator, likely, (x) => JSON.stringify([a, b, x]), (x) => compareKept({ a, b, indicator: x }), savedAhead);
  const keptData = keptRead.rows;
  const kept = useMemo(() => keptData && splitKept(keptData), [keptData]);
  const keptCases = useMemo(() => (kept ? casesFromCells(kept.cases, filters) : null), [kept, filters]);
  const keptPairs = useMemo(() => (kept && page === 0 ? firstPairsPageFromCells(kept.pairs, filters) : null), [kept, page, filters]);
  // Otherwise asked as this view renders, before its charts and panels render and commit (a filter change re-options
  // the shares chart in that commit): the worker starts on them that much sooner. Not with saved answers to show.
  if (ask && !snapshot) {
    if (casesQuery && !keptCases) startSql(casesQuery);
    if (pairsQuery && !keptPairs) startSql(pairsQuery);
  }
  const askedCases = useSnapshotSql(ask && !keptCases ? casesQuery : null, snapshot);
  const askedPairs = useSnapshotSql(ask && !keptPairs ? pairsQuery : null, snapshot);
  const cases = useKeptOrAsked(keptCases, askedCases);
  const pairs = useKeptOrAsked(keptPairs, askedPairs);
  if (isCurrent(askedCases) && isCurrent(askedPairs)) keptRead.markCurrent();
  // Each column's rows and the pager's handler kept while their inputs are: the columns and the pairs table (memo)
  // are not re-drawn when another answer of the view arrives.
  const caseList = cases.data;
  const columns = useMemo(() => caseList && { a: caseList.filter((r) => r.province === a), b: caseList.filter((r) => r.province === b) }, [caseList, a, b]);
  const showPairsPage = useCallback((p: number) => setPairsPage({ of: pairsOf, page: p }), [pairsOf, setPairsPage]);
  const provinces = useMemo(() => [a, b], [a, b]);
  // A column's count: the shares' count of the indicator (the columns list only the latest cases).
  const countOf = (side: 'a' | 'b', list: CaseListRow[]) => {
    const share = rows.find((r) => r.indicator === indicator);
    return share ? share[`${side}_cases`] : list.filter((r) => r.province === (side === 'a' ? a : b)).length;
  };
  // Below the fold (the measures panel from ~1200 px down on a laptop, then the columns and the pairs): their new
  // rows are rendered in a pass of their own after the change's first (React's deferred value: after the shares chart
  // and the lists above are drawn, interruptible) — at 100k cases a year change made ~17 ms of their DOM in the
  // first. Everything they show is deferred together (provinces, indicator, rows, counts): never rows of one state
  // under the names of another.
  const casesShown = cases.data;
  const current = useMemo(
    () => ({
      a,
      b,
      provinces,
      panel: indicator ? { filters, indicator, waiting: !ask, readAhead: likely } : null,
      columns,
      totals: casesShown ? { a: countOf('a', casesShown), b: countOf('b', casesShown) } : null,
      pairs: pairs.data,
      page,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- countOf reads `rows`, `indicator`, `a` and `b`
    [a, b, provinces, filters, indicator, ask, likely, columns, casesShown, rows, pairs.data, page],
  );
  const deferred = useDeferredValue(current);
  // The panel is shown with the indicator: until the deferred pass has one, the current inputs.
  const belowFold = deferred.panel || !current.panel ? deferred : current;
  const pickA = useCallback((p: string) => update({ compareA: p }), [update]);
  const pickB = useCallback((p: string) => update({ compareB: p }), [update]);
  // Stable while the names and the selection are (ChartCard re-options the chart when it changes).
  const narrow = useNarrowScreen();
  const sharesOption = useCallback(
    (data: CompareShareRow[]) => butterflyOption(data, { a: nameA, b: nameB, indicatorName, selected: indicator, provinces: { a, b }, narrow }),
    [nameA, nameB, indicatorName, indicator, a, b, narrow],
  );

  // The chart card as an element kept while its inputs are: the answers of the indicator's questions (cases,
  // pairs) re-render the view, and a ChartCard re-rendered compares its whole option again (echarts-for-react).
  const sharesTitle = t('cmp.shares');
  const note = first ? t('cmp.sharesNote', { a: nameA, an: first.a_total, b: nameB, bn: first.b_total }) : undefined;
  const sharesCard = useMemo(
    () => (
      <ChartCard
        title={sharesTitle}
        query={compareShares({ filters, a, b })}
        rows={shareRows}
        status={shares.status}
        error={shares.error}
        note={note}
        height={butterflyHeight(shareRows?.length ?? 0)}
        columns={[
          { key: 'indicator', header: t('col.indicatorCode') },
          { key: 'indicator_name', header: t('col.indicator'), value: (r, i18n) => i18n.indicatorName(r.indicator) },
          { key: 'a_cases', header: t('col.aCases', { p: nameA }) },
          { key: 'a_pct', header: t('col.aShare', { p: nameA }) },
          { key: 'b_cases', header: t('col.aCases', { p: nameB }) },
          { key: 'b_pct', header: t('col.aShare', { p: nameB }) },
        ]}
        option={sharesOption}
        onClick={(p) => p.data?.indicator && update(chooseIndicator(state, String(p.data.indicator)))}
      />
    ),
    [t, sharesTitle, filters, a, b, shareRows, shares.status, shares.error, note, nameA, nameB, sharesOption, state, update],
  );

  // Once the view answered: the shares chart of each next year and level state drawn off the page in idle time,
  // with the view's sums for it (the shares, the columns and the pairs from the kept rows), so that the first
  // changes run compiled code (chart-warm-up.ts). Its size is the chart's own. Not before the kept rows are in: then the
  // engine is up too (the warm-up would otherwise take the CPU from its start).
  const warmUpPlan = useCallback(() => {
    const summary = shares.data;
    if (!summary) return null;
    const box = document.querySelector<HTMLElement>('[data-query-id="compare.shares"] .echart');
    const options = yearAndLevelStates(summary, a, b).map((state) => () => {
      const stateFilters = { ...filters, ...state };
      if (kept) {
        casesFromCells(kept.cases, stateFilters);
        firstPairsPageFromCells(kept.pairs, stateFilters);
      }
      return cardOption(sharesOption(sharesFromSummary(summary, stateFilters, a, b)), sharesTitle, lang, t);
    });
    return { options, host: browserHost(box?.clientWidth || 960, butterflyHeight(shareRows?.length ?? 0), lang) };
  }, [shares.data, a, b, filters, kept, sharesOption, sharesTitle, lang, t, shareRows]);
  useWarmUp(Boolean(kept) && ask && cases.status === 'success' && pairs.status === 'success', warmUpPlan, 'compare.shares');

  const covered = (r: CompareShareRow, side: 'a' | 'b') => r[`${side}_cases`] > 0;
  // Coverage is about indicators: unclassified cases (`other`) say nothing about what a province covers.
  const indicatorRows = rows.filter((r) => r.indicator !== UNCLASSIFIED);
  const onlyA = indicatorRows.filter((r) => covered(r, 'a') && !covered(r, 'b'));
  const onlyB = indicatorRows.filter((r) => covered(r, 'b') && !covered(r, 'a'));
  const neither = indicatorRows.filter((r) => !covered(r, 'a') && !covered(r, 'b'));
  const choose = (code: string) => update(chooseIndicator(state, code));
  const pickable = rows.filter((r) =>
    barIndicators.length > 0 ? barIndicators.includes(r.indicator) : covered(r, 'a') || covered(r, 'b') || r.indicator === indicator,
  );

  const chips = (list: CompareShareRow[], clickable: boolean) =>
    list.length === 0 ? (
      <span className="v-empty">{t('cmp.none')}</span>
    ) : (
      <ul className="v-chips">
        {list.map((r) => (
          <li key={r.indicator}>
            {clickable ? (
              <button type="button" className="v-chip" aria-pressed={r.indicator === indicator} onClick={() => choose(r.indicator)}>
                {indicatorName(r.indicator)} ({r.a_cases + r.b_cases})
              </button>
            ) : (
              <span className="v-chip">{indicatorName(r.indicator)}</span>
            )}
          </li>
        ))}
      </ul>
    );

  return (
    <ViewSnapshotFile value={snapshot}>
    <div className="v-view" data-testid="compare-view">
      <div className="v-toolbar">
        <ProvincePicker label={t('cmp.a')} value={a} testId="compare-a" onChange={pickA} />
        <button type="button" className="tool" onClick={() => update({ compareA: b, compareB: a })}>
          {t('cmp.swap')}
        </button>
        <ProvincePicker label={t('cmp.b')} value={b} testId="compare-b" onChange={pickB} />
        {a === b && <span className="v-flag-warn">{t('cmp.sameProvinces')}</span>}
        <BriefButton state={state} indicator={indicator} />
      </div>

      {sharesCard}

      {rows.length > 0 && (
        <section className="v-panel" aria-label={t('cmp.coverage')}>
          <h3>{t('cmp.coverage')}</h3>
          <div className="v-coverage">
            <div>
              <div className="v-muted">{t('cmp.onlyA', { p: nameA })}</div>
              {chips(onlyA, true)}
            </div>
            <div>
              <div className="v-muted">{t('cmp.onlyA', { p: nameB })}</div>
              {chips(onlyB, true)}
            </div>
            <div>
              <div className="v-muted">{t('cmp.neither')}</div>
              {chips(neither, false)}
            </div>
          </div>
        </section>
      )}

      {indicator && (
        <>
          <div className="v-toolbar">
            <label>
              {t('cmp.indicator')}
              <select value={indicator} data-testid="compare-indicator" onChange={(e) => choose(e.target.value)}>
                {pickable.map((r) => (
                    <option key={r.indicator} value={r.indicator}>
                      {indicatorName(r.indicator)} ({r.a_cases} : {r.b_cases})
                    </option>
                  ))}
              </select>
            </label>
          </div>
          {/* Not keyed by indicator or provinces: a new one updates the panel's charts (the previous rows kept until
              the new ones arrive, as in the Indicator view) instead of creating them again (an ECharts init each).
              Its charts lie below the shares chart (from ~1200 px down on a laptop): one far off screen is redrawn
              when it comes near (whenNear), not on each filter change. */}
          <MeasuresPanel
            filters={belowFold.panel!.filters}
            indicator={belowFold.panel!.indicator}
            provinces={belowFold.provinces}
            waiting={belowFold.panel!.waiting}
            chartsWhenNear
            readAhead={belowFold.panel!.readAhead}
            savedIn={savedAhead}
            title={t('meas.titleCompare', { ind: indicatorName(belowFold.panel!.indicator) })}
          />
          <h2>{t('cmp.casesOf', { ind: indicatorName(indicator) })}</h2>
          <QueryState status={cases.status} error={cases.error} rows={cases.data}>
            {(list) => (
              <div className="v-grid2 cmp-columns cmp-below-fold">
                <CaseColumn side="a" province={belowFold.a} rows={belowFold.columns?.a ?? []} total={belowFold.totals?.a ?? countOf('a', list)} />
                <CaseColumn side="b" province={belowFold.b} rows={belowFold.columns?.b ?? []} total={belowFold.totals?.b ?? countOf('b', list)} />
              </div>
            )}
          </QueryState>
          <section className="v-panel cmp-below-fold">
            <h3>{t('cmp.pairs', { a: nameA, b: nameB })}</h3>
            <p className="v-muted">{t('cmp.pairsNote')}</p>
            <QueryState status={pairs.status} error={pairs.error} rows={pairs.data}>
              {(list) => <PairsTable rows={belowFold.pairs ?? list} a={belowFold.a} b={belowFold.b} page={belowFold.page} onPage={showPairsPage} />}
            </QueryState>
          </section>
        </>
      )}
    </div>
    </ViewSnapshotFile>
  );
}
