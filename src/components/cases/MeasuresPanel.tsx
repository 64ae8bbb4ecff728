// Reform outcomes of one indicator's cases, one dimension at a time (time, steps, documents, visits, cost…):
// per province a one-line answer (median after reform, median cut), the after-reform values and the
// reductions as marks per province, before → after per case, and every phrase behind them with a link to
// its case. Used by the Indicator view (all provinces) and the Compare view (`provinces` = the two).
import { memo, useCallback, useMemo, useState } from 'react';
import type { ChartClickParams } from '../ChartCard.tsx';
import { ChartCard } from '../ChartCard.tsx';
import { DataTable } from '../DataTable.tsx';
import { useHiddenWhenEmpty } from '../hidden-when-empty.ts';
import { QueryState } from '../QueryState.tsx';
import type { DownloadColumn } from '../download/shown.ts';
import { useViewSql } from '../../hooks/useSnapshotSql.ts';
import { useReadAhead } from '../../hooks/useReadAhead.ts';
import { isCurrent } from '../../hooks/useSql.ts';
import type { DictKey } from '../../i18n/dict.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  CHARTED_DIMENSIONS,
  measureRows,
  measuresShown,
  MEASURES_SHOWN_PER_PROVINCE,
  pickDimension,
  splitMeasuresShown,
  type DimensionCode,
  type MeasureRow,
  type MeasureSummaryRow,
} from '../../queries/measures.ts';
import { measuresFromStored, prepareStored, storedMeasures } from '../../queries/measures-stored.ts';
import { dimensionsFromSummary, measureCountsOf, measureCountsQuery } from '../../queries/view-summaries.ts';
import { beyondYearsAndLevels, type Filters } from '../../state/filters.ts';
import { updateAppState } from '../../state/url-state.ts';
import { CaseLink } from './CaseLink.tsx';
import { likelyDimensions } from '../../queries/likely-dimensions.ts';
import { measureChartRows } from './measure-chart-rows.ts';
import { afterByProvinceOption, beforeAfterOption, reductionByProvinceOption, type MeasureChartText } from './measureCharts.ts';
import { formatChange, formatMeasureValue } from './measureFormat.ts';
import { trim } from './values.ts';

export interface MeasuresPanelProps {
  filters: Filters;
  indicator: string;
  /** Compare view: exactly these provinces, in this order. */
  provinces?: string[];
  title: string;
  /** The caller's indicator is not yet known for the current filters: ask nothing, keep the previous rows. */
  waiting?: boolean;
  /** Charts far off screen redrawn when they come near (ChartCard whenNear). */
  chartsWhenNear?: boolean;
  /**
   * Compare view: the indicators a next filter change may show; their stored rows are read in the background once
   * the panel's own are in, so such a change asks no query of the panel either.
   */
  readAhead?: string[];
  /**
   * The snapshot file that may hold an indicator's stored rows the panel reads (saved at export for the caller's
   * default state; null: none); those it holds cost DuckDB nothing while they stand. Stable (a module's function).
   */
  savedIn?: (indicator: string) => string | null;
  /**
   * The year and level states a next filter change likely picks (null: none yet): each one's rows, kept from the
   * stored rows, warm the charts off the page in idle time (ChartCard `warmUp`).
   */
  warmUpStates?: readonly Pick<Filters, 'years' | 'levels'>[] | null;
}

const dimKey = (d: string) => `meas.dim.${d}` as DictKey;
const NO_ROWS: MeasureRow[] = [];

// memo: the panel re-renders for its own answers and props, not for each answer of the view around it.
export const MeasuresPanel = memo(function MeasuresPanel({
  filters,
  indicator,
  provinces,
  title,
  waiting = false,
  chartsWhenNear = false,
  readAhead,
  savedIn,
  warmUpStates,
}: MeasuresPanelProps) {
  const i18n = useI18n();
  const { t, provinceName, placeName } = i18n;
  // The dimension chosen, for the indicator it was chosen for (a new indicator starts from time).
  const [choice, setChoice] = useState<{ indicator: string; dimension: string } | null>(null);
  const chosen = choice?.indicator === indicator ? choice.dimension : null;
  const base = { filters, indicator, provinces };
  // Which dimensions: measure_summary's rows of the indicator (on Compare, of its two provinces and every indicator),
  // read once and summed per filter state (summaries.ts: what measureDimensions answers, without a query per filter
  // change). While a new indicator's are asked, the previous indicator's are kept (placeholder) and the dimension
  // picked from them is asked at once — almost always the one the new rows pick too (time, where reported); if not,
  // it is asked again.
  const counts = useViewSql(waiting ? null : measureCountsQuery(indicator, provinces));
  const dimensionRows = useMemo(
    () => counts.data && dimensionsFromSummary(measureCountsOf(counts.data, indicator), filters, provinces),
    [counts.data, indicator, filters, provinces],
  );
  const dimensions = { status: counts.status, error: counts.error, data: dimensionRows };
  const dimension = pickDimension(dimensionRows ?? [], chosen);
  const params = { ...base, dimension: dimension ?? '' };
  // At national scale a dimension has thousands of measures: a sample per province is charted and listed,
  // the per-province summary (measureSummary) counts them all.
  // Both in one request (measuresShown: one query fewer per filter change on DuckDB's single worker); the charts
  // and the list still show and download their own query (rowsQ), whose answer the sample is.
  // A dimension picked from the previous filters' list is asked at once: it is almost always still there.
  // Under the filters the export stores the panel's answers for (one year, one level, provinces), they are kept
  // from every scope's stored rows of the dimension, read once in the background (measures-stored.ts): a filter
  // change then asks nothing. Asked once the panel's answer for the indicator's dimension is in (not queued before it).
  // Then, one at a time, those of the shown indicator and of the indicators the caller may show next (readAhead), each of
  // every dimension a year or level state would start it from (likely-dimensions.ts). Every such state is listed: a
  // year or level change does not list them again. Those saved at export (savedIn) are taken from the file.
  const sameForYearsAndLevels = beyondYearsAndLevels(filters);
  const aheadItems = useMemo(
    () => (counts.data ? likelyDimensions(counts.data, [indicator, ...(readAhead ?? [])], filters, provinces) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the same for every year and level (see above)
    [readAhead, counts.data, indicator, sameForYearsAndLevels, provinces],
  );
  const stored = useReadAhead(
    dimension && !waiting ? { indicator, dimension } : null,
    aheadItems,
    (x) => `${x.indicator}\u0001${x.dimension}`,
    (x) => storedMeasures(x.indicator, x.dimension, provinces),
    (x) => savedIn?.(x.indicator) ?? null,
    prepareStored,
  );
  // Not while re-read (a workspace change invalidates every answer): the rows held may be of the data before it.
  const storedRows = stored.rows;
  const kept = useMemo(() => (storedRows ? measuresFromStored(storedRows, { filters, provinces }) : null), [storedRows, filters, provinces]);
  const shown = useViewSql(dimension && !waiting && !kept ? measuresShown(params) : null);
  const asked = useMemo(() => (shown.data ? splitMeasuresShown(shown.data) : undefined), [shown.data]);
  // Asked: until its answer the rows drawn stay on screen (not the query's placeholder, maybe of an older state).
  const [drawnSplit, setDrawnSplit] = useState(kept ?? asked);
  const split = kept ?? (isCurrent(shown) ? asked : (drawnSplit ?? asked));
  if (split !== drawnSplit) setDrawnSplit(split);
  if (isCurrent(shown) && shown.data?.[0]?.dimension === dimension) stored.markCurrent();
  const shownStatus = kept ? { status: 'success' as const, error: null } : shown;
  const summary = { status: shownStatus.status, error: shownStatus.error, data: split?.summary };

  const all = split?.sample ?? NO_ROWS;
  // The charts are titled and scaled by the dimension of the rows they draw: by `dimension` (known at once from the
  // summary) they would be re-titled, and redrawn, with the previous rows before the new ones arrive.
  const drawnDimension = all[0]?.dimension ?? dimension;
  const dimName = drawnDimension ? t(dimKey(drawnDimension)) : '';
  // The query whose answer the drawn rows are: the charts' and the list's SQL button and downloads.
  const rowsQ = measureRows({ ...base, dimension: drawnDimension ?? '', perProvince: MEASURES_SHOWN_PER_PROVINCE });
  const unitNorm = all.find((r) => r.unit_norm)?.unit_norm ?? '';
  const valueLabel = useCallback((v: number) => formatMeasureValue(v, drawnDimension ?? '', unitNorm, i18n), [drawnDimension, unitNorm, i18n]);
  const text: MeasureChartText = {
    province: provinceName,
    place: placeName,
    value: valueLabel,
    change: (r) => formatChange(r, i18n),
    before: t('ind.before'),
    after: t('ind.after'),
    median: t('meas.median'),
  };
  const charted = drawnDimension !== null && CHARTED_DIMENSIONS.includes(drawnDimension as DimensionCode);
  const log = drawnDimension === 'time';
  // Which charts show (a chart with no rows is hidden, hidden-when-empty.ts): the charts themselves draw the same derivation.
  const drawn = useMemo(() => measureChartRows(all), [all]);
  // Each next state's charted rows, summed once when a chart's warm-up first draws it.
  const warmUp = useMemo(() => {
    if (!warmUpStates || !storedRows) return null;
    const summed = new Map<number, ReturnType<typeof measureChartRows>>();
    const rowsOf = (i: number) => {
      const kept = summed.get(i) ?? measureChartRows(measuresFromStored(storedRows, { filters: { ...filters, ...warmUpStates[i] }, provinces })?.sample ?? NO_ROWS);
      summed.set(i, kept);
      return kept;
    };
    return {
      after: warmUpStates.map((_, i) => () => rowsOf(i).after),
      reductions: warmUpStates.map((_, i) => () => rowsOf(i).reductions),
      pairs: warmUpStates.map((_, i) => () => rowsOf(i).pairs.drawn),
    };
  }, [warmUpStates, storedRows, filters, provinces]);
  const afterChart = useHiddenWhenEmpty(drawn.after, charted);
  const cutChart = useHiddenWhenEmpty(drawn.reductions);
  const pairChart = useHiddenWhenEmpty(drawn.pairs.drawn, charted);
  const totalMeasures = (summary.data ?? []).reduce((n, s) => n + s.measures, 0);
  const sampled = totalMeasures > all.length;
  const openCase = (p: ChartClickParams) => {
    // A mark carries its case's id (measureCharts.ts); ECharts' click params are untyped.
    const caseId: unknown = p.data?.case_id;
    if (typeof caseId === 'string' && caseId) updateAppState({ view: 'case', caseId });
  };
  // Option builders kept stable per rows/dimension/language (ChartCard re-options when they change);
  // `text` and `log` are rebuilt every render from exactly these dependencies.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  const afterOption = useCallback((r: MeasureRow[]) => afterByProvinceOption(r, text, log), [drawnDimension, unitNorm, t]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  const cutOption = useCallback((r: MeasureRow[]) => reductionByProvinceOption(r, text), [drawnDimension, t]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  const pairOption = useCallback((r: MeasureRow[]) => beforeAfterOption(r, text, log), [drawnDimension, unitNorm, t]);
  /** A chart's height: a band per province drawn. */
  const bandsHeight = (drawnRows: MeasureRow[] | undefined) => Math.max(160, new Set((drawnRows ?? []).map((r) => r.province)).size * 70 + 60);

  const csvColumns: DownloadColumn<MeasureRow>[] = [
    { key: 'province', header: t('col.province'), shown: 'province' },
    { key: 'city', header: t('col.city'), shown: 'city' },
    { key: 'case_id', header: t('col.caseId') },
    { key: 'title', header: t('col.title') },
    { key: 'dimension', header: t('col.dimension'), value: (r) => t(dimKey(r.dimension)) },
    { key: 'text', header: t('col.text') },
    { key: 'before_value', header: t('col.beforeValue') },
    { key: 'after_value', header: t('col.afterValue') },
    { key: 'unit_norm', header: t('col.unitNorm'), shown: 'unit' },
    { key: 'reduction_pct', header: t('col.reductionPct') },
  ];

  const sentence = (s: MeasureSummaryRow) => {
    const p = provinceName(s.province);
    const after = s.median_after;
    const pct = s.median_reduction_pct;
    const vars = {
      p,
      after: after === null ? '' : valueLabel(after),
      n: s.n_after,
      min: s.min_after === null ? '' : valueLabel(s.min_after),
      max: s.max_after === null ? '' : valueLabel(s.max_after),
      pct: pct === null ? '' : trim(Math.round(pct * 10) / 10),
      m: s.n_reduction,
      c: s.cases,
    };
    if (after !== null && pct !== null) return t('meas.sentence', vars);
    if (after !== null) return t('meas.sentenceNoCut', vars);
    if (pct !== null) return t('meas.sentenceNoAfter', vars);
    return t('meas.sentenceNone', vars);
  };

  return (
    <section className="v-panel v-measures" data-testid="measures-panel" aria-label={title}>
      <h3>{title}</h3>
      <p className="v-muted">{t('meas.intro')}</p>
      {dimensions.data?.length === 0 ? (
        <p className="v-empty">{t('meas.none')}</p>
      ) : (
      <QueryState result={dimensions}>
        {(dims) => (
          <>
            <div className="v-toolbar" role="group" aria-label={t('meas.pick')}>
              <span className="v-muted">{t('meas.pick')}</span>
              {dims.map((d) => (
                <button
                  key={d.dimension}
                  type="button"
                  className="v-chip"
                  data-dimension={d.dimension}
                  aria-pressed={d.dimension === dimension}
                  onClick={() => setChoice({ indicator, dimension: d.dimension })}
                >
                  {t(dimKey(d.dimension))} ({d.cases})
                </button>
              ))}
            </div>
            {dimension && (
              <QueryState result={summary}>
                {(list) => (
                  <ul className="v-measure-summary" data-testid="measure-summary" aria-label={t('meas.summary', { dim: dimName })}>
                    {list.map((s) => (
                      <li key={s.province} data-province={s.province}>
                        {sentence(s)}
                      </li>
                    ))}
                    {/* Compare: a province the dimension has nothing of says so, rather than being left out. */}
                    {(provinces ?? [])
                      .filter((p) => !list.some((s) => s.province === p))
                      .map((p) => (
                        <li key={p} data-province-absent={p} className="v-muted">
                          {t('meas.sentenceAbsent', { p: provinceName(p), dim: dimName.toLowerCase() })}
                        </li>
                      ))}
                  </ul>
                )}
              </QueryState>
            )}
            {dimension && sampled && (
              <p className="v-muted" data-testid="measures-sampled">
                {t('meas.sampled', { total: totalMeasures, k: MEASURES_SHOWN_PER_PROVINCE })}
              </p>
            )}
            {dimension && (
              <div className="v-grid2">
                {afterChart.mounted && (
                  <ChartCard
                    hidden={afterChart.hidden}
                    whenNear={chartsWhenNear}
                    title={t('meas.after', { dim: dimName })}
                    query={rowsQ}
                    rows={afterChart.rows}
                    status={shownStatus.status}
                    error={shownStatus.error}
                    height={bandsHeight(afterChart.rows)}
                    note={log ? t('meas.logNote') : undefined}
                    columns={csvColumns}
                    option={afterOption}
                    onClick={openCase}
                    warmUp={warmUp?.after}
                  />
                )}
                {cutChart.mounted && (
                  <ChartCard
                    hidden={cutChart.hidden}
                    whenNear={chartsWhenNear}
                    title={t('meas.reduction', { dim: dimName })}
                    query={{ ...rowsQ, id: `${rowsQ.id}.reductions` }}
                    rows={cutChart.rows}
                    status={shownStatus.status}
                    error={shownStatus.error}
                    height={bandsHeight(cutChart.rows)}
                    columns={csvColumns}
                    option={cutOption}
                    onClick={openCase}
                    warmUp={warmUp?.reductions}
                  />
                )}
              </div>
            )}
            {dimension && pairChart.mounted && (
              <ChartCard
                hidden={pairChart.hidden}
                whenNear={chartsWhenNear}
                title={t('meas.beforeAfter', { dim: dimName })}
                query={{ ...rowsQ, id: `${rowsQ.id}.pairs` }}
                rows={pairChart.rows}
                status={shownStatus.status}
                error={shownStatus.error}
                height={Math.max(180, pairChart.rows.length * 44 + 80)}
                note={[log ? t('meas.logNote') : '', drawn.pairs.drawn.length < drawn.pairs.all.length || sampled ? t('meas.pairsSampled', { n: drawn.pairs.drawn.length }) : '']
                  .filter(Boolean)
                  .join(' ') || undefined}
                columns={csvColumns}
                option={pairOption}
                onClick={openCase}
                warmUp={warmUp?.pairs}
              />
            )}
            {dimension && all.length > 0 && (
              <details className="v-measure-list" open={all.length <= 12}>
                <summary>{t('meas.list', { n: all.length })}</summary>
                <DataTable
                  id={rowsQ.id}
                  title={title}
                  query={rowsQ}
                  rows={all}
                  pageSize={12}
                  columns={[
                    { key: 'province', header: t('col.province'), shown: 'province' },
                    {
                      key: 'title',
                      header: t('col.title'),
                      width: 300,
                      render: (r) => (
                        <CaseLink caseId={r.case_id}>
                          {r.title}
                        </CaseLink>
                      ),
                    },
                    { key: 'text', header: t('col.text'), width: 280 },
                    { key: 'change', header: t('col.change'), noCsv: true, render: (r) => formatChange(r, i18n) },
                  ]}
                />
              </details>
            )}
          </>
        )}
      </QueryState>
      )}
    </section>
  );
});
