// Every view of the dashboard in one place: its component, whether it is a tab and whether the filter bar
// applies. A new view is its id and title in state/view-list.ts (what a URL may name); the type checker
// then asks for its entry here.
import { lazy, type ComponentType } from 'react';
import type { DictKey } from '../i18n/dict.ts';
import { VIEW_IDS, type ViewId } from '../state/view-list.ts';
import { OverviewView } from './overview/OverviewView.tsx';
import type { ViewProps } from './types.ts';

export interface ViewEntry {
  component: ComponentType<ViewProps>;
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
  overview: { component: OverviewView, tab: true, filtered: true },
  compare: { component: lazyView(() => import('./compare/CompareView.tsx').then((m) => m.CompareView)), tab: true, filtered: true },
  indicator: { component: lazyView(() => import('./indicator/IndicatorView.tsx').then((m) => m.IndicatorView)), tab: true, filtered: true },
  cases: { component: lazyView(() => import('./cases/CasesView.tsx').then((m) => m.CasesView)), tab: true, filtered: true },
  case: { component: lazyView(() => import('./case/CaseView.tsx').then((m) => m.CaseView)), tab: false, filtered: false, tabOf: 'cases' },
  data: { component: lazyView(() => import('./data/DataView.tsx').then((m) => m.DataView)), tab: true, filtered: false },
  sql: { component: lazyView(() => import('./sql/SqlView.tsx').then((m) => m.SqlView)), tab: true, filtered: false },
};

/** The key of a view's title (the header tab's and the page title's text), declared in state/view-list.ts. */
export function viewTitleKey(id: ViewId): DictKey {
  return `view.${id}`;
}

/** The tabs in the header, in order. */
export const TAB_VIEWS: ViewId[] = VIEW_IDS.filter((id) => VIEW_REGISTRY[id].tab);
