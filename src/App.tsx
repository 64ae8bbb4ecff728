// The app shell: header with the views and the language switch, the filter bar, load progress,
// and the current view. All state comes from the URL (state/url-state.ts).
import { useEffect, type ComponentType } from 'react';
import { FilterBar } from './components/FilterBar.tsx';
import { WorkspaceButton } from './components/import/WorkspaceButton.tsx'; // issue 4
import { LoadStatus } from './components/LoadStatus.tsx';
import type { DictKey } from './i18n/dict.ts';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import type { ViewId } from './state/filters.ts';
import { useAppState } from './state/url-state.ts';
import { CasesView } from './views/CasesView.tsx';
import { CaseView } from './views/CaseView.tsx';
import { CompareView } from './views/CompareView.tsx';
import { DataView } from './views/DataView.tsx';
import { IndicatorView } from './views/IndicatorView.tsx';
import { OverviewView } from './views/OverviewView.tsx';
import { SqlView } from './views/SqlView.tsx'; // issue 4
import type { ViewProps } from './views/types.ts';

export type { ViewProps };

/** Views by id. */
const VIEWS: Record<ViewId, ComponentType<ViewProps>> = {
  overview: OverviewView,
  compare: CompareView,
  indicator: IndicatorView,
  cases: CasesView,
  case: CaseView,
  data: DataView,
  sql: SqlView, // issue 4
};

/** The tabs in the header, in order ('case' is reached from a case link, not a tab). */
const NAV: ViewId[] = ['overview', 'compare', 'indicator', 'cases', 'data', 'sql'];

/** Views where the filter bar applies (the case page and data view show fixed content). */
const FILTERED: ViewId[] = ['overview', 'compare', 'indicator', 'cases'];

function Shell({ state, update }: ViewProps) {
  const { t } = useI18n();
  const View = VIEWS[state.view] ?? OverviewView;
  useEffect(() => {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t(`view.${state.view}` as DictKey)} · ${t('app.title')}`;
  }, [state.lang, state.view, t]);
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <span className="subtitle">{t('app.subtitle')}</span>
        </div>
        <nav className="tabs" aria-label="views">
          {NAV.map((view) => (
            <a
              key={view}
              href={`?view=${view}`}
              className={state.view === view || (view === 'cases' && state.view === 'case') ? 'tab active' : 'tab'}
              aria-current={state.view === view ? 'page' : undefined}
              data-view={view}
              onClick={(e) => {
                e.preventDefault();
                update({ view });
              }}
            >
              {t(`view.${view}` as DictKey)}
            </a>
          ))}
        </nav>
        {/* issue 4: import documents, own labels */}
        <WorkspaceButton update={update} />
        <button type="button" className="lang-switch" data-lang={state.lang} onClick={() => update({ lang: state.lang === 'zh' ? 'en' : 'zh' })}>
          {t('lang.switch')}
        </button>
      </header>
      {FILTERED.includes(state.view) && <FilterBar filters={state.filters} onChange={(filters) => update({ filters })} />}
      <main className="view" data-view={state.view}>
        <LoadStatus>
          <View state={state} update={update} />
        </LoadStatus>
      </main>
    </div>
  );
}

export function App() {
  const [state, update] = useAppState();
  return (
    <I18nProvider lang={state.lang}>
      <Shell state={state} update={update} />
    </I18nProvider>
  );
}
