// AppState ⇄ URL query string. The URL is the single source of truth: reload, back/forward and a
// pasted link restore the same screen. Defaults are left out of the URL so links stay short.
import { useCallback, useSyncExternalStore } from 'react';
import type { Level } from '../ingest/types.ts';
import { EMPTY_FILTERS, type AppState, type Filters, type Lang, type ViewId } from './filters.ts';

export const VIEWS: ViewId[] = ['overview', 'compare', 'indicator', 'cases', 'case', 'data', 'sql'];
const LEVELS: Level[] = ['province', 'city', 'county'];

export const DEFAULT_STATE: AppState = {
  view: 'overview',
  lang: 'zh',
  filters: EMPTY_FILTERS,
  compareA: '福建省',
  compareB: '陕西省',
  indicator: null,
  search: '',
  sort: '',
  page: 0,
  caseId: null,
  share: false,
  sql: '', // issue 4: SQL console
};

/** URL parameter of each filter (lists are comma-separated). */
const FILTER_PARAMS: Record<keyof Filters, string> = {
  provinces: 'province',
  indicators: 'ind',
  cities: 'city',
  levels: 'level',
  years: 'year',
  batches: 'batch',
};

function list(params: URLSearchParams, name: string): string[] {
  const raw = params.get(name);
  if (!raw) return [];
  return [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
}

function numbers(values: string[]): number[] {
  return values.map(Number).filter((n) => Number.isInteger(n));
}

export function parseState(search: string): AppState {
  const params = new URLSearchParams(search);
  const view = params.get('view') as ViewId | null;
  const lang = params.get('lang');
  const page = Number(params.get('page') ?? 0);
  const filters: Filters = {
    provinces: list(params, FILTER_PARAMS.provinces),
    indicators: list(params, FILTER_PARAMS.indicators),
    cities: list(params, FILTER_PARAMS.cities),
    levels: list(params, FILTER_PARAMS.levels).filter((l): l is Level => (LEVELS as string[]).includes(l)),
    years: numbers(list(params, FILTER_PARAMS.years)),
    batches: numbers(list(params, FILTER_PARAMS.batches)),
  };
  return {
    view: view && VIEWS.includes(view) ? view : DEFAULT_STATE.view,
    lang: lang === 'en' || lang === 'zh' ? (lang as Lang) : DEFAULT_STATE.lang,
    filters,
    compareA: params.get('a') || DEFAULT_STATE.compareA,
    compareB: params.get('b') || DEFAULT_STATE.compareB,
    indicator: params.get('indicator') || null,
    search: params.get('q') ?? '',
    sort: params.get('sort') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 0,
    caseId: params.get('case') || null,
    share: params.get('share') === '1',
    sql: params.get('sql') ?? '', // issue 4: SQL console
  };
}

/** The query string (with leading '?', or '' for the default state). Stable parameter order. */
export function stateToSearch(state: AppState): string {
  const params = new URLSearchParams();
  if (state.view !== DEFAULT_STATE.view) params.set('view', state.view);
  if (state.lang !== DEFAULT_STATE.lang) params.set('lang', state.lang);
  for (const key of Object.keys(FILTER_PARAMS) as (keyof Filters)[]) {
    const values = state.filters[key];
    if (values.length > 0) params.set(FILTER_PARAMS[key], values.join(','));
  }
  if (state.compareA !== DEFAULT_STATE.compareA) params.set('a', state.compareA);
  if (state.compareB !== DEFAULT_STATE.compareB) params.set('b', state.compareB);
  if (state.indicator) params.set('indicator', state.indicator);
  if (state.search) params.set('q', state.search);
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 0) params.set('page', String(state.page));
  if (state.caseId) params.set('case', state.caseId);
  if (state.share) params.set('share', '1');
  if (state.sql) params.set('sql', state.sql); // issue 4: SQL console
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The indicator the single-indicator views (Compare's cases, the Indicator view) show. The filter bar is
 * the one source of truth: with indicators filtered there, the view's own choice (URL `indicator=`) counts
 * only if it is one of them, else the bar's first is shown. Null = nothing chosen (the view picks a default).
 */
export function chosenIndicator(state: Pick<AppState, 'filters' | 'indicator'>): string | null {
  const bar = state.filters.indicators;
  if (bar.length === 0) return state.indicator;
  return state.indicator && bar.includes(state.indicator) ? state.indicator : bar[0];
}

/**
 * The change of state for choosing an indicator inside a view: with the filter bar restricted to other
 * indicators, the bar follows the choice, so the bar and the view never disagree.
 */
export function chooseIndicator(state: Pick<AppState, 'filters'>, code: string): Partial<AppState> {
  const bar = state.filters.indicators;
  if (bar.length === 0 || bar.includes(code)) return { indicator: code };
  return { indicator: code, filters: { ...state.filters, indicators: [code] } };
}

export interface UpdateOptions {
  /** replaceState instead of pushState (e.g. while typing in a search box). */
  replace?: boolean;
}

export type UpdateState = (partial: Partial<AppState>, options?: UpdateOptions) => void;

/** Merge a change into a state; a new filter or search sends the table back to its first page. */
export function applyUpdate(state: AppState, partial: Partial<AppState>): AppState {
  const next = { ...state, ...partial };
  const resetsPage = ('filters' in partial || 'search' in partial || 'sort' in partial) && !('page' in partial);
  if (resetsPage) next.page = 0;
  return next;
}

// ---- the browser side: location.search as an external store ----

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

// Parsed states cached by query string so useSyncExternalStore sees a stable object.
let cachedSearch: string | null = null;
let cachedState: AppState = DEFAULT_STATE;

function snapshot(): AppState {
  const search = window.location.search;
  if (search !== cachedSearch) {
    cachedSearch = search;
    cachedState = parseState(search);
  }
  return cachedState;
}

/** How many in-app screens lie behind this history entry (0 = the page was opened here). */
function depth(): number {
  const value = (window.history.state as { depth?: unknown } | null)?.depth;
  return typeof value === 'number' ? value : 0;
}

/** True when "back" would return to an earlier screen of this app (not leave it, nor land on a blank tab). */
export function canGoBack(): boolean {
  return depth() > 0;
}

export function navigate(state: AppState, options: UpdateOptions = {}): void {
  const search = stateToSearch(state);
  if (search === window.location.search) return;
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  if (options.replace) window.history.replaceState({ depth: depth() }, '', url);
  else window.history.pushState({ depth: depth() + 1 }, '', url);
  for (const listener of listeners) listener();
}

/** [state, update]: update pushes a history entry; back/forward re-render from the URL. */
export function useAppState(): [AppState, UpdateState] {
  const state = useSyncExternalStore(subscribe, snapshot, () => DEFAULT_STATE);
  const update = useCallback<UpdateState>((partial, options) => navigate(applyUpdate(snapshot(), partial), options), []);
  return [state, update];
}
