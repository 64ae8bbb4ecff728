// AppState ⇄ URL query string. The URL is the single source of truth: reload, back/forward and a
// pasted link restore the same screen. Defaults are left out of the URL so links stay short.
import { useSyncExternalStore } from 'react';
import { LEVELS, type Level } from '../ingest/types.ts';
import { CASE_SORT_KEYS, EMPTY_FILTERS, type AppState, type Filters } from './filters.ts';
import { VIEW_IDS } from './view-list.ts';
import { noteChange } from './page-activity.ts';


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
  sql: '',
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

// ---- reading the URL: every value is checked; a bad one falls back to the default and is reported ----

/** Longest accepted value of a text parameter (a province, a case id, a search) and of a whole list. */
export const MAX_VALUE_CHARS = 200;
export const MAX_LIST_CHARS = 4000;
/**
 * Longest SQL kept in a link. Longer queries stay in the editor but not in the URL, so links stay far below
 * what servers accept in a request line (scripts/serve.ts accepts 64 KB; many servers stop at 8–16 KB).
 */
export const MAX_SQL_URL_CHARS = 6000;
/** Highest page of the cases table a link may ask for (20 rows a page: 2 million rows). */
export const MAX_PAGE = 99_999;

// Control characters (NUL ends a DuckDB statement); the SQL text may hold tabs and line breaks.
/* eslint-disable no-control-regex -- matching control characters is what these two patterns are for */
const CONTROL = /[\u0000-\u001f\u007f]/;
const SQL_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/* eslint-enable no-control-regex */

const plainText = (value: string, max = MAX_VALUE_CHARS) => value.length <= max && !CONTROL.test(value);

/** Read params one by one; `rejected` collects the names whose values were not used. */
class ParamReader {
  readonly rejected: string[] = [];
  constructor(private readonly params: URLSearchParams) {}

  private reject(name: string): void {
    if (!this.rejected.includes(name)) this.rejected.push(name);
  }

  /** A text value, or null when absent, empty or invalid (invalid ones are reported). */
  text(name: string, valid: (value: string) => boolean = (v) => plainText(v)): string | null {
    const raw = this.params.get(name);
    if (raw === null || raw === '') return null;
    if (!valid(raw)) {
      this.reject(name);
      return null;
    }
    return raw;
  }

  /** A comma-separated list, distinct items in order; invalid items are dropped and reported. */
  list<T extends string | number>(name: string, item: (value: string) => T | null): T[] {
    const raw = this.params.get(name);
    if (!raw) return [];
    if (raw.length > MAX_LIST_CHARS) {
      this.reject(name);
      return [];
    }
    const out: T[] = [];
    for (const part of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
      const value = plainText(part) ? item(part) : null;
      if (value === null) this.reject(name);
      else if (!out.includes(value)) out.push(value);
    }
    return out;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | null {
    return this.text(name, (v) => (allowed as readonly string[]).includes(v)) as T | null;
  }
}

const yearItem = (v: string) => (/^\d{4}$/.test(v) ? Number(v) : null);
const batchItem = (v: string) => (/^\d{1,3}$/.test(v) ? Number(v) : null);
const textItem = (v: string) => v;

/** A sort value is a known column key, '-' prefixed for descending (an own key: never `constructor`). */
export function isCaseSort(value: string): boolean {
  const key = value.startsWith('-') ? value.slice(1) : value;
  return (CASE_SORT_KEYS as readonly string[]).includes(key);
}

export interface ParsedUrl {
  state: AppState;
  /** URL parameters whose values were not valid and were replaced by the default. */
  rejected: string[];
}

/** The state a query string describes, and which of its values had to be left out. */
export function parseUrl(search: string): ParsedUrl {
  const read = new ParamReader(new URLSearchParams(search));
  const view = read.oneOf('view', VIEW_IDS) ?? DEFAULT_STATE.view;
  const page = read.text('page', (v) => /^\d{1,5}$/.test(v) && Number(v) <= MAX_PAGE);
  const filters: Filters = {
    provinces: read.list(FILTER_PARAMS.provinces, textItem),
    indicators: read.list(FILTER_PARAMS.indicators, textItem),
    cities: read.list(FILTER_PARAMS.cities, textItem),
    levels: read.list(FILTER_PARAMS.levels, (v) => ((LEVELS as string[]).includes(v) ? (v as Level) : null)),
    years: read.list(FILTER_PARAMS.years, yearItem),
    batches: read.list(FILTER_PARAMS.batches, batchItem),
  };
  const state: AppState = {
    view,
    lang: read.oneOf('lang', ['zh', 'en'] as const) ?? DEFAULT_STATE.lang,
    filters,
    compareA: read.text('a') ?? DEFAULT_STATE.compareA,
    compareB: read.text('b') ?? DEFAULT_STATE.compareB,
    indicator: read.text('indicator'),
    search: read.text('q') ?? '',
    sort: read.text('sort', isCaseSort) ?? '',
    page: page === null ? 0 : Number(page),
    caseId: read.text('case'),
    share: read.oneOf('share', ['1', '0'] as const) === '1',
    // The console's query belongs to the SQL view's URL only (another view's link never carries one).
    sql: view === 'sql' ? (read.text('sql', (v) => v.length <= MAX_SQL_URL_CHARS && !SQL_CONTROL.test(v)) ?? '') : '',
  };
  return { state, rejected: read.rejected };
}

export function parseState(search: string): AppState {
  return parseUrl(search).state;
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
  if (state.sql && state.view === 'sql' && state.sql.length <= MAX_SQL_URL_CHARS) params.set('sql', state.sql);
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

/**
 * Merge a change into a state; a new filter or search sends the table back to its first page, and leaving
 * the SQL view drops its query (a statement never travels in another view's link).
 */
export function applyUpdate(state: AppState, partial: Partial<AppState>): AppState {
  const next = { ...state, ...partial };
  if (next.view !== 'sql') next.sql = '';
  const resetsPage = ('filters' in partial || 'search' in partial || 'sort' in partial) && !('page' in partial);
  if (resetsPage) next.page = 0;
  return next;
}

// ---- the browser side: location.search as an external store ----

const listeners = new Set<() => void>();
// Back and forward are changes too (work no one waits for gives way to them, page-activity.ts).
if (typeof window !== 'undefined') window.addEventListener('popstate', () => noteChange());

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * `next`, keeping the objects of `previous` it equals: the filters (and each of their lists) and the rejected names
 * a URL change left as they were are the same objects as before, so a component given or selecting one of them
 * (useAppSelector, React.memo) is not re-rendered for a change elsewhere in the URL.
 */
export function shareUnchanged(previous: ParsedUrl, next: ParsedUrl): ParsedUrl {
  const before = previous.state.filters;
  const lists = Object.fromEntries(
    (Object.keys(FILTER_PARAMS) as (keyof Filters)[]).map((key) => [key, sameList(before[key], next.state.filters[key]) ? before[key] : next.state.filters[key]]),
  ) as unknown as Filters;
  const filters = (Object.keys(lists) as (keyof Filters)[]).every((key) => lists[key] === before[key]) ? before : lists;
  const rejected = sameList(previous.rejected, next.rejected) ? previous.rejected : next.rejected;
  return { state: { ...next.state, filters }, rejected };
}

// Parsed states cached by query string so useSyncExternalStore sees a stable object.
let cachedSearch: string | null = null;
let cachedParse: ParsedUrl = { state: DEFAULT_STATE, rejected: [] };

function parsedSnapshot(): ParsedUrl {
  const search = window.location.search;
  if (search !== cachedSearch) {
    cachedSearch = search;
    cachedParse = shareUnchanged(cachedParse, parseUrl(search));
  }
  return cachedParse;
}

const snapshot = (): AppState => parsedSnapshot().state;
const rejectedSnapshot = (): string[] => parsedSnapshot().rejected;
const NONE: string[] = [];

/** The URL parameters of the current address whose values were not valid (and were replaced by defaults). */
export function useRejectedParams(): string[] {
  return useSyncExternalStore(subscribe, rejectedSnapshot, () => NONE);
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
  noteChange();
  for (const listener of listeners) listener();
}

/**
 * Change the state from the current URL's, without reading it during render: for a component that only
 * navigates (a click on a chart), so that it does not re-render on every URL change as useAppState's do.
 */
export const updateAppState: UpdateState = (partial, options) => navigate(applyUpdate(snapshot(), partial), options);

/** A change of the filters alone, from the current URL's (the filter bar: no render reads the whole state for it). */
export const updateFilters = (change: Partial<Filters>): void => updateAppState({ filters: { ...snapshot().filters, ...change } });

/** [state, update]: update pushes a history entry; back/forward re-render from the URL. */
export function useAppState(): [AppState, UpdateState] {
  const state = useSyncExternalStore(subscribe, snapshot, () => DEFAULT_STATE);
  return [state, updateAppState];
}

/**
 * One part of the URL state: the component re-renders only when that part changes, not on every URL change (the
 * header on the view and language, the filter bar on the filters). `select` returns a value of the state (kept as the
 * same object while unchanged: shareUnchanged) or one computed as a primitive — never a new object per call.
 */
export function useAppSelector<T>(select: (state: AppState) => T): T {
  return useSyncExternalStore(
    subscribe,
    () => select(snapshot()),
    () => select(DEFAULT_STATE),
  );
}
