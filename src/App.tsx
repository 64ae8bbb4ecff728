// The app shell: header with the views and the language switch, the filter bar, load progress,
// and the current view. All state comes from the URL (state/url-state.ts); each part reads only the part of it it
// shows, so a filter change re-renders the filter bar's changed list and the view, not the whole page.
import { lazy, memo, Suspense, useEffect } from 'react';
import { useEngineWanted, wantEngine } from './hooks/engine-start.ts';
import { useViewQueriesRunning } from './hooks/sql-activity.ts';
import { FilterBar } from './components/FilterBar.tsx';
import { DownloadFilters } from './components/download/filters-context.ts';
import { UrlNotice } from './components/UrlNotice.tsx';
import { LoadStatus } from './components/LoadStatus.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { stateToSearch, updateAppState, useAppSelector, useAppState } from './state/url-state.ts';
import { TAB_VIEWS, VIEW_REGISTRY, viewTitleKey } from './views/registry.ts';
import type { ViewProps } from './views/types.ts';
import type { AppState } from './state/filters.ts';

// The workspace button (its import/labels code and papaparse) is not needed to draw the landing view.
const WorkspaceButton = lazy(() => import('./components/import/WorkspaceButton.tsx').then((m) => ({ default: m.WorkspaceButton })));

/** Texts of the shell's own status lines (kept here: two short strings, not worth dictionary keys). */
const STATUS_TEXT = {
  running: { zh: '查询中…', en: 'Querying…' },
  loadingView: { zh: '正在加载页面…', en: 'Loading the page…' },
};

/**
 * While any query runs (e.g. after a filter change): a thin bar along the top of the page and
 * "查询中…", so the page says it is working while the previous charts stay on screen. memo: re-rendered when that
 * changes, not with every URL change of the view it sits in.
 */
const QueryActivity = memo(function QueryActivity() {
  const { lang } = useI18n();
  // The views' own queries: a background read (useSql's `background`) is nothing the page waits for. A counter
  // kept as queries start and end, not a search of the query cache on every render.
  const running = useViewQueriesRunning();
  if (!running) return null;
  return (
    <div className="query-activity query-pending" aria-busy="true" role="status" data-testid="query-activity">
      <div aria-hidden="true" style={{ position: 'fixed', top: 0, left: 0, right: 0, height: 3, background: '#2f6fdf', zIndex: 1000 }} />
      <span
        style={{ position: 'fixed', top: 4, right: 8, fontSize: 12, padding: '1px 6px', borderRadius: 3, background: '#2f6fdf', color: '#fff', zIndex: 1000 }}
      >
        {STATUS_TEXT.running[lang]}
      </span>
    </div>
  );
});

function WorkspaceSlot({ update }: Pick<ViewProps, 'update'>) {
  const { t } = useI18n();
  const placeholder = (
    <button type="button" className="ws-button" disabled>
      {t('ws.button')}
    </button>
  );
  if (!useEngineWanted()) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <WorkspaceButton update={update} />
    </Suspense>
  );
}

/** The title, the views' tabs, the workspace and the language switch. */
function AppHeader({ view: current, lang, update }: { view: AppState['view']; lang: AppState['lang'] } & Pick<ViewProps, 'update'>) {
  const { t } = useI18n();
  const tabOf = (VIEW_REGISTRY[current] ?? VIEW_REGISTRY.overview).tabOf;
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <span className="subtitle">{t('app.subtitle')}</span>
      </div>
      <nav className="tabs" aria-label={t('a11y.views')}>
        {TAB_VIEWS.map((view) => (
          <a
            key={view}
            href={`?view=${view}`}
            className={current === view || tabOf === view ? 'tab active' : 'tab'}
            aria-current={current === view ? 'page' : undefined}
            data-view={view}
            onClick={(e) => {
              e.preventDefault();
              update({ view });
            }}
          >
            {t(viewTitleKey(view))}
          </a>
        ))}
      </nav>
      {/* The analyst's workspace: import documents, own labels. Loaded with DuckDB (after the first chart): what it
          counts is restored into DuckDB, and it shows a disabled look-alike until then. */}
      <WorkspaceSlot update={update} />
      <button type="button" className="lang-switch" data-lang={lang} onClick={() => update({ lang: lang === 'zh' ? 'en' : 'zh' })}>
        {t('lang.switch')}
      </button>
    </header>
  );
}

/**
 * The page around the view: the header, the filter bar and the view. It reads the view and the language only: a
 * filter change re-renders the filter bar's list that changed (FilterBar.tsx) and the view (CurrentView), not this.
 */
function Shell() {
  const { t } = useI18n();
  const view = useAppSelector((s) => s.view);
  const lang = useAppSelector((s) => s.lang);
  const entry = VIEW_REGISTRY[view] ?? VIEW_REGISTRY.overview;
  const View = entry.component;
  // Every view but the Overview queries DuckDB from the start: no reason to hold anything back (hooks/engine-start.ts).
  useEffect(() => {
    if (View !== VIEW_REGISTRY.overview.component) wantEngine();
  }, [View]);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t(viewTitleKey(view))} · ${t('app.title')}`;
  }, [lang, view, t]);
  return (
    <div className="app">
      {/* The first tab stop: past the header's tabs and the filter bar straight to the view. */}
      <a className="skip-link" href="#main" onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}>
        {t('a11y.skip')}
      </a>
      <AppHeader view={view} lang={lang} update={updateAppState} />
      <UrlNotice />
      {entry.filtered && <FilterBar />}
      <CurrentView />
    </div>
  );
}

/** The view under the whole URL state: the one part of the page every URL change re-renders. */
function CurrentView() {
  const [state, update] = useAppState();
  const { t } = useI18n();
  const entry = VIEW_REGISTRY[state.view] ?? VIEW_REGISTRY.overview;
  const View = entry.component;
  return (
    // data-state: the state this render shows (the benchmark waits for it after a URL change).
    <main className="view" data-view={state.view} data-state={stateToSearch(state)} id="main" tabIndex={-1}>
      {/* The view's name as its heading, for a screen reader's list of headings (the tab shows it on screen): the
          cards' h3 titles then sit under an h2, not straight under the page's h1. */}
      <h2 className="visually-hidden">{t(viewTitleKey(state.view))}</h2>
      {/* Inside the view's <main> (drawn fixed at the top of the page): the busy sign belongs to the view. */}
      <QueryActivity />
      <LoadStatus>
        <Suspense fallback={<p className="view-loading" role="status">{STATUS_TEXT.loadingView[state.lang]}</p>}>
          {/* Downloads name the filters the view is drawn under (none on a page the bar does not filter). */}
          <DownloadFilters.Provider value={entry.filtered ? state.filters : null}>
            <View state={state} update={update} />
          </DownloadFilters.Provider>
        </Suspense>
      </LoadStatus>
    </main>
  );
}

export function App() {
  const lang = useAppSelector((s) => s.lang);
  return (
    <I18nProvider lang={lang}>
      <Shell />
    </I18nProvider>
  );
}
