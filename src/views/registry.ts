// Every view of the dashboard in one place: its component, its title, whether it is a tab and whether the
// filter bar applies. A new view is its id in VIEW_IDS (state/filters.ts: what a URL may name) and its entry
// here; the type checker asks for the entry, and for the title's key in the dictionary (both languages).
import { lazy, type ComponentType } from 'react';
import type { DictKey } from '../i18n/dict.ts';
import { VIEW_IDS, type ViewId } from '../state/filters.ts';
import { OverviewView } from './overview/OverviewView.tsx';
import type { ViewProps } from './types.ts';

export interface ViewEntry {
  component: ComponentType<ViewProps>;
  /** The header tab's and the page title's text. */
  title: DictKey;
  /** A tab in the header (in VIEW_IDS order); the case page is reached from a case link instead. */
  tab: boolean;
  /** The filter bar applies (the case page, data and SQL views show fixed content). */
  filtered: boolean;
  /** The tab lit while this view shows, when it has none of its own (the case page lights Cases). */
  tabOf?: ViewId;
}

/** Only the landing view is in the first bundle; the others load when first opened (less JS before the first chart). */
const lazyView = (load: () => Promise<ComponentType<ViewProps>>) => lazy(() => load().then((component) => ({ default: component })));

export const VIEW_REGISTRY: Record<ViewId, ViewEntry> = {
  overview: { component: OverviewView, title: 'view.overview', tab: true, filtered: true },
  compare: { component: lazyView(() => import('./compare/CompareView.tsx').then((m) => m.CompareView)), title: 'view.compare', tab: true, filtered: true },
  indicator: { component: lazyView(() => import('./indicator/IndicatorView.tsx').then((m) => m.IndicatorView)), title: 'view.indicator', tab: true, filtered: true },
  cases: { component: lazyView(() => import('./cases/CasesView.tsx').then((m) => m.CasesView)), title: 'view.cases', tab: true, filtered: true },
  case: { component: lazyView(() => import('./case/CaseView.tsx').then((m) => m.CaseView)), title: 'view.case', tab: false, filtered: false, tabOf: 'cases' },
  data: { component: lazyView(() => import('./data/DataView.tsx').then((m) => m.DataView)), title: 'view.data', tab: true, filtered: false },
  sql: { component: lazyView(() => import('./sql/SqlView.tsx').then((m) => m.SqlView)), title: 'view.sql', tab: true, filtered: false },
};

/** The tabs in the header, in order. */
export const TAB_VIEWS: ViewId[] = VIEW_IDS.filter((id) => VIEW_REGISTRY[id].tab);
