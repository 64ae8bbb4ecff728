// Overview: totals, province × indicator heatmap (counts or shares), and cases by indicator,
// city, level and year/batch — all under the filter bar.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { DURING_LOAD } from '../../components/chart-warm-up.ts';
import { QueryChart } from '../../components/QueryChart.tsx';
import { DownloadButtons } from '../../components/download/DownloadButtons.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SqlDialog } from '../../components/SqlDialog.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { chooseIndicator } from '../../state/url-state.ts';
import { useEngineWanted } from '../../hooks/engine-start.ts';
import type { DictKey } from '../../i18n/dict.ts';
import { byBatchQuery, byCityQuery, byIndicatorQuery, byLevelQuery, heatmapQuery, totalsQuery, type ByBatchRow, type ByCityRow, type ByIndicatorRow, type ByLevelRow, type HeatmapRow, type TotalsRow } from '../../queries/overview.ts';
import { barHeight, byBatchOption, byCityOption, byIndicatorOption, byLevelOption, CITY_BARS, CITY_ROW, heatmapOption } from './overview-charts.ts';
import { OverviewSummaryProvider, summedOverviewResult, useOverviewSummary, useSummedTotals } from './overview-summary.ts';
import type { ViewProps } from '../types.ts';
import type { overviewRowSets } from './overview-warm-up.ts';

/**
 * Each chart's warm-up (ChartCard `warmUp`, timed DURING_LOAD): its row sets, from overview-warm-up.ts, loaded once the
 * engine is wanted (its code is not needed to draw the first charts, and the first page's script has a size budget).
 * Null until then.
 */
function useOverviewWarmUp(filters: ViewProps['state']['filters']) {
  const engineWanted = useEngineWanted();
  const [rowSets, setRowSets] = useState<typeof overviewRowSets | null>(null);
  useEffect(() => {
    if (engineWanted) void import('./overview-warm-up.ts').then((m) => setRowSets(() => m.overviewRowSets));
  }, [engineWanted]);
  const endsWhenChanged = JSON.stringify(filters);
  // A filter change ends it: from then on the real changes warm the code.
  return useMemo(() => (rowSets ? { rowSets, timing: DURING_LOAD, endsWhenChanged } : null), [rowSets, endsWhenChanged]);
}

/**
 * The level and year charts' height: the two stacked (with their cards' headers and the gap between) are about as
 * tall as the city chart's card beside them (its CITY_BARS rows, its note).
 */
const STACKED_HEIGHT = 280;

const TOTALS: { key: keyof TotalsRow; label: DictKey }[] = [
  { key: 'documents', label: 'overview.documents' },
  { key: 'cases', label: 'overview.cases' },
  { key: 'provinces', label: 'overview.provinces' },
  { key: 'cities', label: 'overview.cities' },
  { key: 'indicators', label: 'overview.indicators' },
  { key: 'figures', label: 'overview.figures' },
];

// Each chart's rows: summed from case_summary once it is read (overview-summary.ts), its query until then.
const useHeatmap = summedOverviewResult((a) => a.heatmap);
const useByIndicator = summedOverviewResult((a) => a.byIndicator);
const useByCity = summedOverviewResult((a) => a.byCity);
const useByLevel = summedOverviewResult((a) => a.byLevel);
const useByBatch = summedOverviewResult((a) => a.byBatch);

function Totals({ state }: ViewProps) {
  const { t, count } = useI18n();
  const query = totalsQuery(state.filters);
  const result = useSummedTotals(query, state.filters);
  const [showSql, setShowSql] = useState(false);
  const columns = TOTALS.map((x) => ({ key: x.key, header: t(x.label) }));
  return (
    <section className="card totals" data-query-id={query.id} aria-label={t('overview.totals')}>
      <header className="card-header">
        <h3>{t('overview.totals')}</h3>
        <div className="card-actions">
          <DownloadButtons spec={{ id: query.id, title: t('overview.totals'), sql: query.sql, rows: result.data ?? [], columns }} />
          <button type="button" className="tool" onClick={() => setShowSql(true)}>
            {t('chart.sql')}
          </button>
        </div>
      </header>
      <QueryState result={result} height={64}>
        {(rows) => (
          <dl className="stat-tiles">
            {TOTALS.map((x) => (
              <div key={x.key} className="stat" data-stat={x.key}>
                <dt>{t(x.label)}</dt>
                <dd>{count(rows[0][x.key] ?? 0)}</dd>
              </div>
            ))}
          </dl>
        )}
      </QueryState>
      {showSql && <SqlDialog query={query} title={t('overview.totals')} onClose={() => setShowSql(false)} />}
    </section>
  );
}

export function OverviewView({ state, update }: ViewProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const nameKey = lang === 'zh' ? 'name_zh' : 'name_en';
  const f = state.filters;
  const { answers, reading } = useOverviewSummary(f);
  const summary = useMemo(() => ({ answers, reading }), [answers, reading]);

  // Stable option builders: a chart is re-optioned only when its rows, the share switch or the
  // language change — not when another chart's query resolves.
  const share = state.share;
  // Chart heights do not follow the filters (no re-layout on a filter change): the indicator charts have
  // room for the whole taxonomy, the city chart for its CITY_BARS cities.
  const indicatorRows = i18n.indicators.length;
  const heatmapHeight = barHeight(indicatorRows, 260) + 40;
  const heatmapChart = useCallback((rows: HeatmapRow[]) => heatmapOption(rows, share, i18n, heatmapHeight), [share, i18n, heatmapHeight]);
  const byIndicatorChart = useCallback((rows: ByIndicatorRow[]) => byIndicatorOption(rows, i18n), [i18n]);
  const byCityChart = useCallback((rows: ByCityRow[]) => byCityOption(rows, i18n), [i18n]);
  const byLevelChart = useCallback((rows: ByLevelRow[]) => byLevelOption(rows, i18n), [i18n]);
  const byBatchChart = useCallback((rows: ByBatchRow[]) => byBatchOption(rows, i18n), [i18n]);

  // The chart's bars are places: cities, and the province-level cases as one more bar. The note counts cities as
  // the totals tile does, and says when the province level is among the bars' candidates.
  const cityNote = (rows: ByCityRow[] | undefined) => {
    const places = new Set((rows ?? []).map((r) => r.city ?? ''));
    if (places.size <= CITY_BARS) return undefined;
    const cities = places.size - (places.has('') ? 1 : 0);
    return t(places.has('') ? 'overview.byCityTopWithProvince' : 'overview.byCityTop', { n: CITY_BARS, total: cities });
  };

  // Clicking an indicator opens the Indicator view on it.
  const openIndicator = (code: unknown) => {
    if (typeof code === 'string' && code) update({ view: 'indicator', ...chooseIndicator(state, code) });
  };

  // Each chart's update code run in idle time before the first filter change (overview-warm-up.ts).
  const warmUp = useOverviewWarmUp(f);
  const heatmapTitle = `${t('overview.heatmap')} · ${t(state.share ? 'overview.heatmapShare' : 'overview.heatmapCount')}`;
  const shareSwitch = (
    <div className="segmented" role="group" aria-label={t('overview.heatmapShare')}>
      <button type="button" aria-pressed={!state.share} data-share="0" onClick={() => update({ share: false })}>
        {t('share.off')}
      </button>
      <button type="button" aria-pressed={state.share} data-share="1" onClick={() => update({ share: true })}>
        {t('share.on')}
      </button>
    </div>
  );

  // The large charts `whenNear`: on a phone or a short window those below the first screen are redrawn when scrolled
  // to, not on each filter change (in a desktop window each is within reach of the first screen: all redrawn).
  return (
    <OverviewSummaryProvider value={summary}>
      <div className="overview">
        <Totals state={state} update={update} />
        <div className="grid-2">
          <QueryChart
            title={heatmapTitle}
            query={heatmapQuery(f)}
            whenNear
            useResult={useHeatmap}
            actions={shareSwitch}
            height={heatmapHeight}
            columns={[
              { key: 'province', header: t('col.province'), shown: 'province' },
              { key: nameKey, header: t('col.indicator') },
              ...(state.share
                ? [
                    // The chart draws the share as a percentage (1.2 %): the download says 1.2, not 0.012.
                    { key: 'share', header: t('col.sharePct'), shown: 'percent' as const },
                    { key: 'cases', header: t('col.cases') },
                    { key: 'province_cases', header: t('col.provinceCases') },
                  ]
                : [{ key: 'cases', header: t('col.cases') }]),
            ]}
            option={heatmapChart}
            warmUp={warmUp}
            onClick={(p, rows) => {
              // Heatmap cells carry [provinceIndex, indicatorIndex, value]; indicators come in row order.
              const codes = [...new Set((rows ?? []).map((r) => r.indicator))];
              if (Array.isArray(p.data)) openIndicator(codes[p.data[1]]);
            }}
          />
          <QueryChart
            title={t('overview.byIndicator')}
            query={byIndicatorQuery(f)}
            whenNear
            useResult={useByIndicator}
            height={heatmapHeight}
            columns={[
              { key: nameKey, header: t('col.indicator') },
              { key: 'province', header: t('col.province'), shown: 'province' },
              { key: 'cases', header: t('col.cases') },
            ]}
            option={byIndicatorChart}
            warmUp={warmUp}
            onClick={(p, rows) => openIndicator(rows?.find((r) => indicatorLabelOf(r, nameKey) === p.name)?.indicator)}
          />
        </div>
        {/* The city chart, and beside it the year and level charts one above the other: the short charts fill the
            tall one's height (side by side, each was the city chart's height, mostly blank). The level chart, under
            the year chart, lies beyond a laptop's first screen and its reach: not `whenNear`, it is redrawn with
            every change wherever it is (three levels' bars: little to draw). */}
        <div className="grid-2 overview-places">
          <QueryChart
            title={t('overview.byCity')}
            query={byCityQuery(f)}
            whenNear
            useResult={useByCity}
            height={barHeight(CITY_BARS, 220, 900, CITY_ROW)}
            note={cityNote}
            columns={[
              { key: 'province', header: t('col.province'), shown: 'province' },
              // A case of no city is a province-level body: （省级） as the chart says, never a blank.
              { key: 'city', header: t('col.city'), shown: 'city' },
              { key: 'cases', header: t('col.cases') },
            ]}
            option={byCityChart}
            warmUp={warmUp}
          />
          <div className="chart-stack">
            <QueryChart
              title={t('overview.byBatch')}
              query={byBatchQuery(f)}
              whenNear
              useResult={useByBatch}
              height={STACKED_HEIGHT}
              columns={[
                { key: 'year', header: t('col.year') },
                { key: 'batch', header: t('col.batch'), shown: 'batch' },
                { key: 'province', header: t('col.province'), shown: 'province' },
                { key: 'cases', header: t('col.cases') },
              ]}
              option={byBatchChart}
              warmUp={warmUp}
            />
            <QueryChart
              title={t('overview.byLevel')}
              query={byLevelQuery(f)}
              useResult={useByLevel}
              height={STACKED_HEIGHT}
              columns={[
                { key: 'level', header: t('col.level'), shown: 'level' },
                { key: 'province', header: t('col.province'), shown: 'province' },
                { key: 'cases', header: t('col.cases') },
              ]}
              option={byLevelChart}
              warmUp={warmUp}
            />
          </div>
        </div>
      </div>
    </OverviewSummaryProvider>
  );
}

function indicatorLabelOf(row: ByIndicatorRow, nameKey: 'name_zh' | 'name_en'): string {
  return row[nameKey] ?? row.indicator;
}
