// A chart with its data: title, the ECharts drawing, and CSV / Excel / PNG / SQL buttons (download/*).
// Loading, error and empty are decided once by QueryState; the chart itself only sees rows.
// A chart whose rows are its query's result is written as <QueryChart query={q} … /> (QueryChart.tsx), which
// runs the query; ChartCard itself takes rows the view already has (a snapshot, rows derived from a result):
//   <ChartCard title=… query={q} rows={r.data} status={r.status} error={r.error}
//              columns={[{ key: 'city', header: t('col.city') }, …]} option={(rows) => ({ … })} />
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useI18n, type I18n } from '../i18n/i18n.tsx';
import type { Lang } from '../state/filters.ts';
import type { NamedQuery, Row } from '../queries/types.ts';
import { describeChart } from './chart-description.ts';
import { DownloadButtons } from './download/DownloadButtons.tsx';
import type { DownloadColumn } from './download/shown.ts';
import { EChart, withPendingDrawn } from './EChart.tsx';
import { AFTER_CHANGES, browserHost, useWarmUp, type WarmUpTiming } from './chart-warm-up.ts';
import { markFirstChart } from './first-chart.ts';
import { PALETTE, type EChartsType } from './echarts.ts';
import { QueryState } from './QueryState.tsx';
import { useSameRows } from './same-rows.ts';
import { SqlDialog } from './SqlDialog.tsx';
import { useChartGate } from './useChartGate.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ECharts options are free-form nested objects
export type EChartsOption = Record<string, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ECharts options are free-form nested objects
export type ChartClickParams = Record<string, any>;

/** `R`: the rows the chart draws (its query's declared row type, or rows the view derived from a result). */
export interface ChartCardProps<R extends Row = Row> {
  title: string;
  /** The query behind the chart (SQL button, download name); its rows may be `R` or what `R` is derived from. */
  query: NamedQuery<object>;
  rows: R[] | undefined;
  status: 'pending' | 'error' | 'success';
  error?: Error | null;
  /** Download columns: the keys of `rows` the chart shows, headers in the UI language, `shown` = labelled as the chart labels them. */
  columns: DownloadColumn<R>[];
  /** Rows → option. Keep it stable (useCallback): the chart is re-optioned whenever it changes. */
  option: (rows: R[]) => EChartsOption;
  height?: number;
  /** ECharts `finished`: the drawing is complete. */
  onFinished?: () => void;
  onClick?: (params: ChartClickParams) => void;
  /** Extra controls in the card header (e.g. a count/share switch). */
  actions?: ReactNode;
  /** A line under the title. */
  note?: ReactNode;
  /** Far off screen, a new option waits until the chart comes near the viewport (EChart.tsx): for long views. */
  whenNear?: boolean;
  /** Not shown (no rows under these filters), its chart kept for when rows come back (hidden-when-empty.ts). */
  hidden?: boolean;
  /**
   * The rows a next filter change may give the chart (null: not known yet, or not to be warmed). Once given while the
   * chart is drawn, their options are drawn off the page in idle time, once per page (chart-warm-up.ts): the first
   * changes then run ECharts' update code compiled. Nothing shown changes.
   */
  warmUp?: CardWarmUp<NoInfer<R>> | null;
}

/**
 * A card's warm-up: the rows of each next state, each computed when drawn, timed AFTER_CHANGES; or `rowSets` made from
 * the rows shown when it starts, with its own timing, ended when `endsWhenChanged` (the view's filters as text) changes.
 */
export type CardWarmUp<R extends Row> =
  | readonly (() => R[])[]
  | { rowSets: (shown: R[]) => R[][]; timing: WarmUpTiming; endsWhenChanged?: string };

/** Live chart instances by query id, read by the e2e tests and the benchmark (getOption()). */
const registry = new Map<string, EChartsType>();
(globalThis as { __charts?: Map<string, EChartsType> }).__charts = registry;

/** The option a card gives its chart: the view's drawing, with the palette, the description read out, no animation. */
export function cardOption(drawn: EChartsOption, title: string, lang: Lang, t: I18n['t']): EChartsOption {
  const description = describeChart(drawn, title, lang, {
    describe: (chart, values) => t('chart.describe', { title: chart, rows: values }),
    empty: (chart) => t('chart.describeEmpty', { title: chart }),
    more: (n) => t('chart.describeMore', { n }),
  });
  return {
    color: PALETTE,
    // A screen reader hears the chart's own values (chart-description.ts), not ECharts' generic sentence.
    aria: { enabled: true, decal: { show: false }, label: { description } },
    // No animation: a filter change must show the new numbers at once (target: within 50 ms, docs/performance.md), and
    // `finished` (the app:first-chart mark) fires as soon as the first frame is drawn.
    animation: false,
    ...drawn,
  };
}

export function ChartCard<R extends Row>(props: ChartCardProps<R>) {
  const { title, query, status, error, columns, height = 320, actions, note } = props;
  const rows = useSameRows(props.rows);
  const { t, lang } = useI18n();
  const [showSql, setShowSql] = useState(false);
  const instance = useRef<EChartsType | null>(null);

  // Rebuilt only when the rows (or the option builder) change: a new option object is a setOption with a full
  // re-layout (EChart.tsx), so callers pass a stable `option` (useCallback) and the chart is redrawn once per
  // query result, not on every render of the view.
  const option = useMemo(
    () => (rows && rows.length > 0 ? cardOption(props.option(rows), title, lang, t) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `props` is new every render; only its `option` builder matters
    [rows, props.option, title, lang, t],
  );

  const { waitingForModules, modulesError: moduleFailure, mayDraw, releaseTurn } = useChartGate(option);
  // A chart once drawn keeps its instance while it has no rows (a filter with none, or loading): hidden under the
  // card's message with its last option, it is re-optioned when rows come back — far off screen, only once it comes
  // near (EChart.tsx whenNear) — instead of made anew, an ECharts init and a first drawing on that change.
  // Only an option whose ECharts modules are registered reaches the chart: ECharts silently drops a series of an
  // unregistered type, and the same option object is not set again once they load.
  const drawable = waitingForModules ? null : option;
  const [lastOption, setLastOption] = useState(drawable);
  if (drawable && drawable !== lastOption) setLastOption(drawable);
  const kept = drawable ?? lastOption;
  const showing = drawable !== null;

  // Each state's option as this card builds it, on a detached chart of this one's size; a state without rows draws
  // the rows shown (the update's code is what is warmed).
  const warmUpAsked = props.warmUp;
  const warmUpPlan = useCallback(() => {
    const dom = instance.current?.getDom();
    if (!warmUpAsked || !dom || !rows || rows.length === 0) return null;
    const { timing, states } =
      'rowSets' in warmUpAsked ? { timing: warmUpAsked.timing, states: warmUpAsked.rowSets(rows).map((set) => () => set) } : { timing: AFTER_CHANGES, states: warmUpAsked };
    const options = states.map((rowsOf) => () => {
      const next = rowsOf();
      return cardOption(props.option(next.length > 0 ? next : rows), title, lang, t);
    });
    return { options, host: browserHost(dom.clientWidth || 600, height, lang, timing, dom), updates: timing.updates ?? options.length };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `props` is new every render; only its `option` builder matters
  }, [warmUpAsked, rows, props.option, title, lang, t, height]);
  const endsWhenChanged = warmUpAsked && 'rowSets' in warmUpAsked ? warmUpAsked.endsWhenChanged : undefined;
  useWarmUp(Boolean(warmUpAsked) && showing && mayDraw, warmUpPlan, query.id, endsWhenChanged);

  const onFinished = () => {
    releaseTurn();
    markFirstChart();
    props.onFinished?.();
  };
  const onReady = useCallback(
    (chart: EChartsType) => {
      instance.current = chart;
      registry.set(query.id, chart);
    },
    [query.id],
  );

  return (
    <section className="card chart-card" data-query-id={query.id} aria-label={title} hidden={props.hidden}>
      <header className="card-header">
        <h3>{title}</h3>
        <div className="card-actions">
          {actions}
          <DownloadButtons spec={{ id: query.id, title, sql: query.sql, rows: rows ?? [], columns }} chart={() => withPendingDrawn(instance.current)} />
          <button type="button" className="tool" title={t('chart.sqlTitle')} onClick={() => setShowSql(true)}>
            {t('chart.sql')}
          </button>
        </div>
      </header>
      {note && <div className="card-note">{note}</div>}
      <QueryState
        status={moduleFailure ? 'error' : status}
        error={moduleFailure ?? error}
        rows={waitingForModules ? undefined : rows}
        height={height}
      >
        {() => !mayDraw && <div className="chart-waiting" aria-busy="true" style={{ height }} />}
      </QueryState>
      {kept && mayDraw && (
        <EChart
          option={kept}
          lang={lang}
          height={height}
          hidden={!showing}
          onReady={onReady}
          onFinished={onFinished}
          onClick={props.onClick}
          whenNear={props.whenNear}
        />
      )}
      {showSql && <SqlDialog query={query} title={title} onClose={() => setShowSql(false)} />}
    </section>
  );
}
