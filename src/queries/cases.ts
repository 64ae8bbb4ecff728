// Named queries of the Cases view (search table) and of the case page.
// Search works on the simplified normal form: a typed term holding traditional characters is converted to
// simplified (so 營商 finds 营商; a simplified term such as 显著 is left as typed), then matched with `contains` (no LIKE wildcards to escape) against the simplified columns.
// Published cases are found through the phrase index built at export (sql/search-index.ts), which reads a
// term's postings instead of every case text; imported cases, which the index does not hold, by their text.
// The converter (opencc dictionaries, ~0.5 MB) is loaded on demand (loadSimplify) and passed in, so
// the query functions stay synchronous and no page loads it before someone searches.
import { EMPTY_FILTERS, type CaseSortKey, type Filters } from '../state/filters.ts';
import { keyFigureOrderSql, phraseWithChangeSql } from '../sql/figure-phrases.ts';
import { CASE_LIST_ORDER, CASE_LIST_ORDER_SQL, PAGE_SIZE } from '../sql/candidates.ts';
import { literal, summaryWhere } from './sql.ts';
import { answeredByIndex, MATCHED_COLUMNS, pageSnippetTextsSql, searchCandidatesSql, SNIPPET_COLUMNS } from '../sql/search-index.ts';
import type { CaseRow, MetricRow } from '../ingest/types.ts';
import type { NamedQuery } from './types.ts';

export { PAGE_SIZE };

/**
 * Key figures of a case as a list of phrases (max 4), in the order of its card (keyFigureOrderSql); 'other'
 * figures are left out. A correlated subquery on case `alias` over `metrics`.
 */
export function keyFiguresSql(alias: string, metrics = 'metrics'): string {
  return `coalesce((
    SELECT list(${phraseWithChangeSql('m')} ORDER BY ${keyFigureOrderSql('m')})[1:4]
    FROM ${metrics} m WHERE m.case_id = ${alias}.case_id AND m.kind <> 'other'), [])`;
}

/** Traditional → simplified text conversion. */
export type Simplify = (text: string) => string;

let simplify: Promise<Simplify> | null = null;
let loadedSimplify: Simplify | null = null;

/** Load the converter (once); searchTerms uses it from then on when none is passed. */
export function loadSimplify(): Promise<Simplify> {
  simplify ??= import('../ingest/text-convert.ts').then((m) => (loadedSimplify = m.toSearchForm));
  return simplify;
}

/** The converter if already loaded (synchronously), else null. */
export function simplifyIfLoaded(): Simplify | null {
  return loadedSimplify;
}

/**
 * Search terms: whitespace-separated, each converted to simplified; all must match. Without a converter
 * (none passed, none loaded yet) the terms stay as typed.
 */
export function searchTerms(search: string, convert: Simplify | null = loadedSimplify): string[] {
  return search
    .split(/\s+/)
    .map((t) => t.trim())
    .map((t) => (convert ? convert(t) : t))
    .filter((t) => t !== '');
}

/** A term found in any matched column of the rows aliased `alias` (the published original title and the id too). */
function termMatch(term: string, alias: string): string {
  const lit = literal(term);
  return `(${MATCHED_COLUMNS.map((c) => `contains(${alias}.${c}, ${lit})`).join(' OR ')})`;
}

/** Sortable columns of the cases table; the sort string is a key, '-' prefixed for descending. */
const SORTS: Record<CaseSortKey, string> = {
  title: 'c.title',
  province: 'c.province',
  city: 'c.city',
  level: 'c.level',
  indicator: 'coalesce(i.sort, 999)',
  year: 'c.year',
  figures: 'figures',
  case_id: 'c.case_id',
};

/** The sort key a sort string names, if it is one (an own key only: `constructor` must not find Object's function). */
function sortKey(sort: string): CaseSortKey | undefined {
  const key = sort.startsWith('-') ? sort.slice(1) : sort;
  return Object.hasOwn(SORTS, key) ? (key as CaseSortKey) : undefined;
}

/**
 * ORDER BY of a case list. `last` breaks the final ties: the case id, or among published cases only
 * case_list's `key`, which follows the same order (province, year, batch, seq, case id).
 */
export function orderBy(sort: string, last = 'c.case_id'): string {
  const key = sortKey(sort);
  const tail = `c.province, c.year, c.batch, c.seq, ${last}`;
  if (!key) return tail;
  return `${SORTS[key]} ${sort.startsWith('-') ? 'DESC' : 'ASC'} NULLS LAST, ${tail}`;
}

export interface SearchParams {
  filters: Filters;
  search: string;
  sort: string;
  page: number;
  pageSize?: number;
  /** The converter for the search terms (loadSimplify); default: the loaded one, if any. */
  simplify?: Simplify | null;
}

/**
 * One page of the cases table: filter bar + search, sorted, with the total row count on every row,
 * and a snippet of the first text part that contains the first term (for highlighting in the view).
 * The page's rows come from case_list (indexes.ts: the listed columns only, sorted as the default order);
 * without a search the total is the summary's count, and no case text is read at all.
 */
/** A row of the cases table: the case's place, indicator (with its names) and figure count, the snippet and the total. */
export type SearchRow = {
  case_id: string;
  title: string;
  province: string | null;
  city: string | null;
  county: string | null;
  level: string;
  indicator: string;
  indicator_zh: string | null;
  indicator_en: string | null;
  year: number | null;
  batch: number | null;
  has_body: boolean;
  figures: number;
  /** Text around the first search term; null without a search or when only the title matches. */
  snippet: string | null;
  total: number;
};

export const SEARCH_ROW_COLUMNS = [
  'case_id', 'title', 'province', 'city', 'county', 'level', 'indicator', 'indicator_zh', 'indicator_en', 'year', 'batch',
  'has_body', 'figures', 'snippet', 'total',
] as const;

/** Whether `sort` is the list's default order (province, year, batch, seq, case id): no sortable column named. */
export function isDefaultOrder(sort: string): boolean {
  return !sortKey(sort);
}

/** No filter (`where`, over case_list as `c`) and the default order: case_list's own order, that of its keys. */
function inKeyOrder(where: string, sort: string): boolean {
  return !sortKey(sort) && where === summaryWhere(EMPTY_FILTERS, { alias: 'c' });
}

/**
 * The rows of case_list a page of the list without a search term can come from, in the default order under the
 * filters `where` (over `c`): the first `firsts` published cases under the filters by key — case_list's key is
 * that order, so the page's published rows are among them — and every imported case (no key); the caller filters,
 * sorts and pages them as it would case_list. The keys are picked from the key and filtered columns alone: a
 * filter change reads the titles and places of those rows only, not of every case under the filters (at 1M a
 * year holds ~170k cases), and DuckDB's top-n on the key skips the rest of the key-sorted table by its zone maps.
 */
function pageRowsByKey(where: string, firsts: number): string {
  return caseListRowsOfKeys(`SELECT c.key FROM case_list c WHERE c.key IS NOT NULL AND ${where} ORDER BY c.key LIMIT ${firsts}`);
}

/**
 * case_list's published rows whose key the subquery `keys` selects, and every imported row (no key): the rows a
 * page of the list in its default order can come from, once `keys` holds the first published keys it may show.
 */
export function caseListRowsOfKeys(keys: string): string {
  return `(SELECT * FROM case_list WHERE key IN (${keys})
  UNION ALL SELECT * FROM case_list WHERE key IS NULL)`;
}

export function searchCases({ filters, search, sort, page, pageSize = PAGE_SIZE, simplify: convert = loadedSimplify }: SearchParams): NamedQuery<SearchRow> {
  const terms = searchTerms(search, convert);
  const offset = Math.max(0, Math.floor(page)) * pageSize;
  const columns = `c.case_id, c.title, c.province, c.city, c.county, c.level, c.indicator,
  i.name_zh AS indicator_zh, i.name_en AS indicator_en, c.year, c.batch, c.has_body, c.figures`;
  const tail = `ORDER BY ${orderBy(sort)}
LIMIT ${pageSize} OFFSET ${offset}`;
  if (terms.length === 0) {
    const where = caseListWhere(filters, 'c');
    // In the default order (the view as it opens, its next pages, a filter change), the page's published rows are
    // the smallest keys under the filters (case_list's key is that order): picked from the key and filtered
    // columns, then only their rows and the imported ones (no key) are read — not every case's title (5.5 MB at
    // 100k with no filter; with a filter, the rows of every case under it). Another order reads case_list whole.
    const listed = sortKey(sort) ? 'case_list' : pageRowsByKey(where, offset + pageSize);
    return {
      id: 'cases.search',
      columns: SEARCH_ROW_COLUMNS,
      // The snippet's NULL typed as text, as the search's snippets are.
      sql: `SELECT ${columns}, NULL::VARCHAR AS snippet,
  (SELECT coalesce(sum(cases), 0)::BIGINT FROM case_summary WHERE ${summaryWhere(filters)}) AS total
FROM ${listed} c LEFT JOIN indicators i ON i.code = c.indicator
WHERE ${where}
${tail}`,
    };
  }
  const first = terms[0];
  // Snippet: ~80 characters around the first hit in background/measures/outcomes (title is shown anyway).
  const snippet = `CASE ${SNIPPET_COLUMNS
    .map((col) => `WHEN contains(t.${col}, ${literal(first)}) THEN substring(t.${col}, greatest(instr(t.${col}, ${literal(first)}) - 30, 1), 80)`)
    .join(' ')} ELSE NULL END`;
  // Published cases: the index's keys of the cases holding every term (exact for terms of up to five
  // characters, sql/search-index.ts), under the filters, with only the columns their order needs (at 1M a
  // frequent term has ~100k matches: their titles and ids would be tens of MB). In the default order with no
  // filter, the keys alone: case_list's key is that order, so the page is the smallest keys and the total
  // their count, and no case_list row but the page's is read. The texts of those that must hold a term
  // longer than five characters are read to verify it (its pieces may lie apart): in a MATERIALIZED step,
  // so that DuckDB matches the candidates' texts only, not every text before the join. DuckDB reads only the
  // blocks of the candidates' rows when they are few (up to 50, it hands the join's keys to the text table's
  // scan as a list); with none it would scan every text, hence a key no case has (-1) joined to them.
  // Imported cases (no key: the published index does not hold them) by their own texts. The page is the top-n
  // of the published matches' first rows by key order and the imported matches, whose full rows alone are read.
  const unverified = terms.filter((t) => !answeredByIndex(t));
  const where = caseListWhere(filters, 'c');
  const key = sortKey(sort);
  const byKey = inKeyOrder(where, sort);
  const orderColumns = ['key', 'province', 'year', 'batch', 'seq', 'indicator', 'figures', ...(key && ['title', 'city', 'level', 'case_id'].includes(key) ? [key] : [])];
  const listed = ['case_id', 'title', 'province', 'city', 'county', 'level', 'indicator', 'year', 'batch', 'has_body', 'figures', 'seq', 'key']
    .map((col) => `c.${col}`)
    .join(', ');
  const verified = unverified.length
    ? `\n), checked AS MATERIALIZED (
  SELECT t.key, ${unverified.map((term) => termMatch(term, 't')).join(' AND ')} AS holds
  FROM (SELECT key FROM candidates UNION ALL SELECT -1) c JOIN base_search_text t ON t.key = c.key`
    : '';
  const candidates = byKey
    ? searchCandidatesSql(terms)
    : `SELECT ${orderColumns.map((col) => `c.${col}`).join(', ')} FROM case_list c
  WHERE c.key IN (${searchCandidatesSql(terms)}) AND ${where}`;
  const firsts = byKey
    ? `SELECT key FROM published ORDER BY key LIMIT ${offset + pageSize}`
    : `SELECT c.key FROM published c LEFT JOIN indicators i ON i.code = c.indicator
  ORDER BY ${orderBy(sort, 'c.key')} LIMIT ${offset + pageSize}`;
  return {
    id: 'cases.search',
    columns: SEARCH_ROW_COLUMNS,
    sql: `WITH candidates AS MATERIALIZED (
  ${candidates}${verified}
), published AS MATERIALIZED (
  SELECT * FROM candidates${unverified.length ? ' WHERE key IN (SELECT key FROM checked WHERE holds)' : ''}
), imported AS MATERIALIZED (
  SELECT ${listed} FROM case_list c WHERE c.key IS NULL AND ${where} AND c.case_id IN (
    SELECT t.case_id FROM imported_cases t WHERE t.duplicate_of IS NULL AND ${terms.map((term) => termMatch(term, 't')).join(' AND ')})
), firsts AS (
  ${firsts}
), page AS MATERIALIZED (
  -- The page by a top-n, then ranked among its own rows for the final order.
  SELECT ${columns}, c.key, row_number() OVER (ORDER BY ${orderBy(sort)}) AS rank
  FROM (
    SELECT c.* FROM (
      SELECT ${listed} FROM case_list c WHERE c.key IN (SELECT key FROM firsts)
      UNION ALL
      SELECT * FROM imported
    ) c LEFT JOIN indicators i ON i.code = c.indicator ${tail}
  ) c
  LEFT JOIN indicators i ON i.code = c.indicator
), texts AS (
  -- The page's texts only, for the snippets: the published ones from their parts, by key (sql/search-index.ts).
  ${pageSnippetTextsSql('page')}
  UNION ALL
  SELECT t.case_id, ${SNIPPET_COLUMNS.map((c) => `t.${c}`).join(', ')} FROM imported_cases t WHERE t.case_id IN (SELECT case_id FROM page WHERE key IS NULL)
)
SELECT p.* EXCLUDE (key, rank), ${snippet} AS snippet, (SELECT count(*) FROM published) + (SELECT count(*) FROM imported) AS total
FROM page p LEFT JOIN texts t ON t.case_id = p.case_id
ORDER BY p.rank`,
  };
}

/** The filter bar over case_list (canonical cases only, so no duplicate clause). */
function caseListWhere(filters: Filters, alias: string): string {
  return summaryWhere(filters, { alias });
}

/**
 * A case as the case page shows it: every column of `cases_all` (the published case, `c.*`, with what the
 * workspace layers over it: sql/workspace-views.ts), its indicator's names, the title of the case it
 * duplicates, and its document (`doc_*`; dates arrive as ISO 'YYYY-MM-DD' strings).
 */
export type CaseDetailRow = Pick<CaseRow, keyof CaseRow> & {
  /** Imported by the analyst rather than published. */
  imported: boolean;
  /** The indicator before the analyst's label; null when not relabelled. */
  indicator_original: string | null;
  indicator_name_zh: string | null;
  indicator_name_en: string | null;
  indicator_zh: string | null;
  indicator_en: string | null;
  duplicate_of_title: string | null;
  doc_title: string | null;
  doc_issuer: string | null;
  doc_published: string | null;
  doc_source_file: string | null;
  doc_source_url: string | null;
  doc_province: string | null;
  doc_year: number | null;
  doc_batch: number | null;
};

/** One case with everything the case page shows, including the canonical case if it is a duplicate. */
export function caseDetail(caseId: string): NamedQuery<CaseDetailRow> {
  return {
    id: 'case.detail',
    columns: [
      'case_id', 'doc_id', 'seq', 'province', 'city', 'county', 'level', 'agency', 'title', 'title_original', 'indicator',
      'indicator_source', 'indicator_alts', 'indicator_evidence', 'background', 'measures', 'outcomes', 'body_original',
      'has_body', 'duplicate_of', 'flags', 'year', 'batch', 'imported', 'indicator_original', 'indicator_name_zh',
      'indicator_name_en', 'indicator_zh', 'indicator_en', 'duplicate_of_title', 'doc_title', 'doc_issuer', 'doc_published',
      'doc_source_file', 'doc_source_url', 'doc_province', 'doc_year', 'doc_batch',
    ],
    sql: `SELECT c.*, i.name_zh AS indicator_zh, i.name_en AS indicator_en,
  canon.title AS duplicate_of_title,
  d.title AS doc_title, d.issuer AS doc_issuer, d.published AS doc_published, d.source_file AS doc_source_file,
  d.source_url AS doc_source_url, d.province AS doc_province, d.year AS doc_year, d.batch AS doc_batch
FROM cases_all c
LEFT JOIN indicators i ON i.code = c.indicator
LEFT JOIN cases_all canon ON canon.case_id = c.duplicate_of
LEFT JOIN documents d ON d.doc_id = c.doc_id
WHERE c.case_id = ${literal(caseId)}`,
  };
}

/** The figures found in one case, in text order per section. */
/** A figure as the metrics table holds it (a type alias of the table's row, so it stays a plain row). */
export type CaseFigureRow = Pick<
  MetricRow,
  'metric_id' | 'section' | 'text' | 'value' | 'unit' | 'kind' | 'value_norm' | 'unit_norm' | 'before_value' | 'after_value'
>;

export function caseFigures(caseId: string): NamedQuery<CaseFigureRow> {
  return {
    id: 'case.figures',
    columns: ['metric_id', 'section', 'text', 'value', 'unit', 'kind', 'value_norm', 'unit_norm', 'before_value', 'after_value'],
    sql: `SELECT metric_id, section, text, value, unit, kind, value_norm, unit_norm, before_value, after_value
FROM metrics WHERE case_id = ${literal(caseId)}
ORDER BY CASE section WHEN 'background' THEN 0 WHEN 'measures' THEN 1 ELSE 2 END, metric_id`,
  };
}

/**
 * Similar cases of one case (both directions of `similar`, best score kept), with where they are from and
 * the evidence that makes them counterparts (strength, terms in both titles, shared terms, result
 * dimensions both report, same indicator); `same_province` splits the list into other provinces and own.
 * Strong first, then related, then weak; best score first within each.
 */
export type SimilarCaseRow = {
  case_id: string;
  title: string;
  province: string | null;
  city: string | null;
  county: string | null;
  indicator: string;
  indicator_zh: string | null;
  indicator_en: string | null;
  year: number | null;
  batch: number | null;
  strength: 'strong' | 'related' | 'weak';
  title_terms: string[];
  shared_terms: string[];
  shared_dimensions: string[];
  same_indicator: boolean;
  score: number;
  same_province: boolean;
};

export function caseSimilar(caseId: string): NamedQuery<SimilarCaseRow> {
  const id = literal(caseId);
  const evidence = 'score, shared_terms, strength, title_terms, shared_dimensions, same_indicator';
  return {
    id: 'case.similar',
    columns: [
      'case_id', 'title', 'province', 'city', 'county', 'indicator', 'indicator_zh', 'indicator_en', 'year', 'batch', 'strength',
      'title_terms', 'shared_terms', 'shared_dimensions', 'same_indicator', 'score', 'same_province',
    ],
    sql: `WITH pairs AS (
  SELECT other_case_id AS other, ${evidence} FROM "similar" WHERE case_id = ${id}
  UNION ALL
  SELECT case_id AS other, ${evidence} FROM "similar" WHERE other_case_id = ${id}
), best AS (
  SELECT other, max(score) AS score, arg_max(shared_terms, score) AS shared_terms, arg_max(strength, score) AS strength,
    arg_max(title_terms, score) AS title_terms, arg_max(shared_dimensions, score) AS shared_dimensions,
    arg_max(same_indicator, score) AS same_indicator
  FROM pairs GROUP BY other
)
SELECT o.case_id, o.title, o.province, o.city, o.county, o.indicator, i.name_zh AS indicator_zh,
  i.name_en AS indicator_en, o.year, o.batch, b.strength, b.title_terms, b.shared_terms, b.shared_dimensions,
  b.same_indicator, b.score, o.province IS NOT DISTINCT FROM me.province AS same_province
FROM best b
JOIN cases o ON o.case_id = b.other
JOIN cases_all me ON me.case_id = ${id}
LEFT JOIN indicators i ON i.code = o.indicator
WHERE o.duplicate_of IS NULL AND o.case_id <> ${id}
ORDER BY same_province, CASE b.strength WHEN 'strong' THEN 0 WHEN 'related' THEN 1 ELSE 2 END, b.score DESC, o.case_id`,
  };
}

/** Cases recorded as duplicates of this one (the same case published again). */
export type DuplicateRow = { case_id: string; title_original: string; doc_id: string };

export function caseDuplicates(caseId: string): NamedQuery<DuplicateRow> {
  return {
    id: 'case.duplicates',
    columns: ['case_id', 'title_original', 'doc_id'],
    sql: `SELECT case_id, title_original, doc_id FROM cases_all WHERE duplicate_of = ${literal(caseId)} ORDER BY case_id`,
  };
}

export interface CaseListParams {
  filters: Filters;
  indicator: string;
  /** Restrict to these provinces (compare view); empty = the filter bar's provinces. */
  provinces?: string[];
}

/** The filters of a case list: its indicator, and its provinces when given. */
export function caseListFilters({ filters, indicator, provinces = [] }: CaseListParams): Filters {
  return { ...filters, indicators: [indicator], provinces: provinces.length ? provinces : filters.provinces };
}

/** A case of an indicator's list: place, year, whether it has a body, its key figures as phrases. */
export type CaseListRow = {
  case_id: string;
  province: string | null;
  city: string | null;
  county: string | null;
  level: string;
  agency: string | null;
  title: string;
  year: number | null;
  batch: number | null;
  has_body: boolean;
  figures: string[];
};

/** The columns of caseListSql, in order. */
export const CASE_LIST_COLUMNS = ['case_id', 'province', 'city', 'county', 'level', 'agency', 'title', 'year', 'batch', 'has_body', 'figures'] as const;

/**
 * Cases of one indicator with place, year and key figures (compare columns, indicator view list), from
 * indicator_case_list. `page` limits it to one page of `pageSize` rows (the indicator view's list: at national scale
 * an indicator has tens of thousands of cases); its total is caseListTotalSql. `perProvince` keeps each province's
 * first that many (the compare columns).
 */

export function caseListSql(params: CaseListParams & { page?: number; pageSize?: number; perProvince?: number }): string {
  const order = CASE_LIST_ORDER;
  const paging = params.page === undefined ? '' : `\nLIMIT ${params.pageSize ?? PAGE_SIZE} OFFSET ${Math.max(0, Math.floor(params.page)) * (params.pageSize ?? PAGE_SIZE)}`;
  const perProvince = params.perProvince ? `\nQUALIFY row_number() OVER (PARTITION BY c.province ORDER BY ${order}) <= ${literal(Math.floor(params.perProvince))}` : '';
  return `SELECT c.case_id, c.province, c.city, c.county, c.level, c.agency, c.title, c.year, c.batch, c.has_body,
  c.key_figures AS figures
FROM indicator_case_list c
WHERE ${caseListWhere(caseListFilters(params), 'c')}${perProvince}
ORDER BY ${CASE_LIST_ORDER_SQL}${paging}`;
}

/** How many cases a list holds, for its pager. */
export type CaseTotalRow = { total: number };

/** How many cases caseListSql lists without paging (from the summary). */
export function caseListTotalSql(params: CaseListParams): string {
  return `SELECT coalesce(sum(cases), 0)::INTEGER AS total FROM case_summary WHERE ${summaryWhere(caseListFilters(params))}`;
}
