// The dashboard's state: which view, which filters, which language. All of it lives in the URL
// (see url-state.ts), so a reload, back/forward or a pasted link restores the same screen.
import type { Level } from '../ingest/types.ts';
import type { ViewId } from './view-list.ts';
export type Lang = 'zh' | 'en';

/** One filter bar for all views. Empty list = no restriction. Province values are full names (福建省). */
export interface Filters {
  provinces: string[];
  indicators: string[];
  cities: string[];
  levels: Level[];
  years: number[];
  batches: number[];
}

/** Columns the cases table sorts by (a URL's `sort=` names one, '-' prefixed for descending). */
export const CASE_SORT_KEYS = ['title', 'province', 'city', 'level', 'indicator', 'year', 'figures', 'case_id'] as const;
export type CaseSortKey = (typeof CASE_SORT_KEYS)[number];

export const EMPTY_FILTERS: Filters = { provinces: [], indicators: [], cities: [], levels: [], years: [], batches: [] };

/** The filters but their years and levels, as a key: what a year or level change leaves as it was. */
export const beyondYearsAndLevels = (f: Filters): string => JSON.stringify({ ...f, years: [], levels: [] });

export interface AppState {
  view: ViewId;
  lang: Lang;
  filters: Filters;
  /** Compare view: the two provinces and the chosen indicator. */
  compareA: string;
  compareB: string;
  indicator: string | null;
  /** Cases view: search text, sort column, page (0-based); case page: the case id. */
  search: string;
  sort: string;
  page: number;
  caseId: string | null;
  /** Overview heatmap: counts or shares of the province's cases. */
  share: boolean;
  /** SQL console: the query text, so a link shows it (never runs it); only in the SQL view's URL ('' = none). */
  sql: string;
}
