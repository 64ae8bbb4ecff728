// The SQL console: write SQL against the tables, run it (Ctrl+Enter), cancel a long one, see the result
// as a table, chart it (x / y / series → bar or line), download it as CSV. The query lives in the URL
// (`sql=`), so a link reproduces it — but a linked query is only shown: it runs when the analyst clicks
// Run, never on opening a link (a link is someone else's SQL). The console only reads (db/console.ts).
import { useEffect, useMemo, useRef, useState } from 'react';
import { ChartCard } from '../../components/ChartCard.tsx';
import { DataTable, type TableColumn } from '../../components/DataTable.tsx';
import { ResultChartControls } from './ResultChartControls.tsx';
import { defaultPick, resultChartOption, type ChartPick } from './result-chart.ts';
import { SchemaPanel } from './SchemaPanel.tsx';
import '../../components/sql/sql.css';
import { cancelConsoleQuery, NotReadOnlyError, QueryCancelledError, runConsoleQuery, type ConsoleResult } from '../../db/console.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { MAX_SQL_URL_CHARS } from '../../state/url-state.ts';
import type { NamedQuery, Row } from '../../queries/types.ts';
import type { ViewProps } from '../types.ts';

export const STARTER_SQL = `-- Cases per province and indicator
SELECT province, indicator, count(*) AS cases
FROM cases
WHERE duplicate_of IS NULL
GROUP BY ALL
ORDER BY province, cases DESC`;

type Run =
  | { status: 'idle' }
  | { status: 'running'; sql: string }
  | { status: 'done'; sql: string; result: ConsoleResult }
  | { status: 'error'; sql: string; message: string }
  | { status: 'cancelled'; sql: string };

export function SqlView({ state, update }: ViewProps) {
  const { t } = useI18n();
  const [text, setText] = useState(state.sql || STARTER_SQL);
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const [pick, setPick] = useState<ChartPick | null>(null);
  // The editor holds a query that came with a link and has not been run yet.
  const [linked, setLinked] = useState(Boolean(state.sql));
  const editor = useRef<HTMLTextAreaElement>(null);

  const execute = async (sql: string) => {
    if (!sql.trim() || run.status === 'running') return;
    setRun({ status: 'running', sql });
    try {
      const result = await runConsoleQuery(sql);
      setRun({ status: 'done', sql, result });
      setPick((old) => (old && result.columns.some((c) => c.name === old.x) && result.columns.some((c) => c.name === old.y) ? old : defaultPick(result.columns)));
    } catch (error) {
      if (error instanceof QueryCancelledError) setRun({ status: 'cancelled', sql });
      else if (error instanceof NotReadOnlyError) setRun({ status: 'error', sql, message: t('sql.readOnly', { keyword: error.keyword || '?' }) });
      else setRun({ status: 'error', sql, message: error instanceof Error ? error.message : String(error) });
    }
  };

  const runEditor = () => {
    const sql = text;
    setLinked(false);
    // The URL keeps the query (replace: typing and re-running is not a history of screens); one too long
    // for a link stays out of it.
    const inUrl = sql.length <= MAX_SQL_URL_CHARS ? sql : '';
    if (inUrl !== state.sql) update({ sql: inUrl }, { replace: true });
    void execute(sql);
  };

  // A link (or back/forward) with a query: show it in the editor, do not run it.
  const lastUrlSql = useRef<string>(state.sql);
  useEffect(() => {
    if (!state.sql || state.sql === lastUrlSql.current) return;
    lastUrlSql.current = state.sql;
    if (state.sql === text) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- only a URL change (not typing) puts the link's SQL in the editor
    setText(state.sql);
    setLinked(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs on a URL change only; `text` is read, not watched
  }, [state.sql]);

  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      runEditor();
    }
  };

  const running = run.status === 'running';
  return (
    <div className="sql-view">
      <SchemaPanel
        onPick={(sql) => {
          setText(sql);
          editor.current?.focus();
        }}
      />
      <div className="sql-main">
        <section className="card sql-editor-card" aria-label={t('sql.title')}>
          <header className="card-header">
            <h3>{t('sql.title')}</h3>
            <div className="card-actions">
              {running ? (
                <button type="button" className="sql-cancel" data-testid="sql-cancel" onClick={() => void cancelConsoleQuery()}>
                  {t('sql.cancel')}
                </button>
              ) : null}
              <button type="button" className="sql-run" data-testid="sql-run" disabled={running} onClick={runEditor}>
                {running ? t('sql.running') : `${t('sql.run')} (Ctrl+Enter)`}
              </button>
            </div>
          </header>
          <p className="card-note">{t('sql.hint')}</p>
          {linked && (
            <p className="card-note sql-linked" role="status" data-testid="sql-linked">
              {t('sql.linked')}
            </p>
          )}
          {text.length > MAX_SQL_URL_CHARS && (
            <p className="card-note" data-testid="sql-not-in-link">
              {t('sql.notInLink')}
            </p>
          )}
          <textarea
            ref={editor}
            className="sql-editor"
            data-testid="sql-editor"
            aria-label="SQL"
            spellCheck={false}
            value={text}
            rows={Math.min(16, Math.max(6, text.split('\n').length + 1))}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
          />
          {run.status === 'error' && (
            <div className="sql-error" role="alert" data-testid="sql-error">
              <strong>{t('sql.error')}</strong>
              <pre>{run.message}</pre>
            </div>
          )}
          {run.status === 'cancelled' && (
            <div className="sql-cancelled" role="status" data-testid="sql-cancelled">
              {t('sql.cancelled')}
            </div>
          )}
        </section>
        {run.status === 'done' && <ResultPanel result={run.result} sql={run.sql} pick={pick} onPick={setPick} />}
      </div>
    </div>
  );
}

function ResultPanel({ result, sql, pick, onPick }: { result: ConsoleResult; sql: string; pick: ChartPick | null; onPick: (p: ChartPick) => void }) {
  const { t } = useI18n();
  const query: NamedQuery = useMemo(() => ({ id: 'sql-result', sql }), [sql]);
  const columns: TableColumn[] = useMemo(
    () => result.columns.map((c) => ({ key: c.name, header: c.name, numeric: c.numeric, width: c.numeric ? undefined : 420 })),
    [result.columns],
  );
  const rows: Row[] = result.rows;
  const option = useMemo(() => (pick ? (r: Row[]) => resultChartOption(r, pick) : () => ({})), [pick]);
  const chartColumns = pick ? [pick.x, ...(pick.series ? [pick.series] : []), pick.y].map((key) => ({ key, header: key })) : [];
  return (
    <>
      <section className="card" aria-label={t('sql.result')} data-testid="sql-result">
        <header className="card-header">
          <h3>{t('sql.result')}</h3>
          <span className="muted" data-testid="sql-meta">
            {t('sql.rows', { n: rows.length, ms: Math.round(result.ms) })}
            {result.truncated ? ' ' + t('sql.truncated', { n: rows.length }) : ''}
          </span>
        </header>
        {rows.length === 0 ? (
          <p className="query-state query-empty">{t('sql.noRows')}</p>
        ) : (
          <DataTable id="sql-result" title={t('sql.result')} rows={rows} columns={columns} query={query} pageSize={25} />
        )}
      </section>
      {rows.length > 0 &&
        (pick ? (
          // Not a QueryChart: the console runs the analyst's SQL on its own cancellable, read-only connection
          // (db/console.ts), never through useSql's cache, so the chart takes the finished run's rows.
          <ChartCard
            title={t('sql.chartTitle', { x: pick.x, y: pick.y })}
            query={{ id: 'sql-chart', sql }}
            rows={rows}
            status="success"
            columns={chartColumns}
            option={option}
            actions={<ResultChartControls columns={result.columns} pick={pick} onChange={onPick} />}
          />
        ) : (
          <p className="card muted">{t('sql.noNumeric')}</p>
        ))}
    </>
  );
}
