// The views' indexes: tables computed at export into dashboard.duckdb, so that a view reads a few narrow,
// sorted rows instead of every case text and figure (docs/performance.md). Like Mosaic's pre-aggregated
// indexes, each is a question already answered for the whole dataset, re-asked only for what changed:
//   case_summary   cases and figures counted per combination of the filter bar's dimensions (Overview,
//                  indicator picker, Compare shares, totals)
//   case_list      one row per canonical case: what a case list shows, its figure count and key figures
//                  (and indicator_case_list: the same sorted by indicator, for the lists of one indicator)
//   measure_facts  the reform measures (metrics.dimension set) with their case's place, indicator and title
//                  (and measure_sample, measure_province_summary: what the measures panel shows of it with no
//                  filter but indicator and provinces, for every indicator and dimension: measures-shown.ts)
//   figure_facts   the money and count figures (value_norm > 0) with their case's place, indicator and title
//   measure_summary, unit_summary  measures per dimension and count figures per unit, counted like case_summary
//                  (read through views: the published rows and a small table of what the workspace changes)
//   pair_facts     each similar pair in both directions, its evidence taken from its best score, with the
//                  province and indicator of the first case and the province of the other (Compare's pairs)
//   document_counts  per published document: case rows, rows with a body, reprints
//   document_values  distinct documents per value of indicator, city and level, per province, year and batch
//                  (the Overview's totals under one such value; recounted over the layered case list once the
//                  workspace changed: distinct documents are no sum of layers)
//   figure_candidates, case_page_candidates  per indicator, each (level, year) cell's largest figures and first
//                  cases of the list (candidates.ts): what the Indicator view sums a year or level change from; read
//                  through table macros (figure_candidates_of), which ask the same of the layered tables once the
//                  workspace changed
// Each is the SELECT below run at export over the app's own views with an empty workspace (src/sql/tables.ts),
// written sorted by the column views filter on first, so DuckDB's zone maps skip the rest of the file.
//
// The analyst's workspace (imported documents, re-filed cases) must still count. The browser therefore reads
// each index through a view (INDEX_VIEWS_SQL): the published rows of cases the analyst did not re-file,
// the published rows of re-filed cases with the analyst's indicator, and the same SELECT run over the
// imported rows only. A label never moves a case's place, year or text, only its indicator, so the published
// row with the indicator replaced is the row the SELECT would give. case_summary is small enough to be a
// table once the workspace changed: recomputed from the published summary with the same three parts after every
// workspace change (REFRESH_SUMMARY_SQL, in the change's transaction); before that it is the published table. tests/queries/indexes.test.ts proves every index
// answers what the full tables answer, also after a label and an import.
//
// Until the workspace first changes, those views are their published tables alone (INDEX_VIEWS_SQL is run on a
// new database, whose workspace is empty): DuckDB plans a query's views every time, and planning the layers'
// unions and anti-joins was most of a query's time in the browser (the Indicator view asks ten per filter
// change). The first change of the workspace lays the layers over them (REFRESH_SUMMARY_SQL) for good.
import { keyFigureOrderSql, phraseWithChangeSql } from './figure-phrases.ts';
import { measureProvinceSummarySelect, measureSampleSelect } from './measures-shown.ts';
import { CANDIDATE_MACROS, casePageCandidatesSql, figureCandidatesSql } from './candidates.ts';

export interface IndexTable {
  /** Table name in dashboard.duckdb. */
  published: string;
  /** The view name over the published table (src/sql/tables.ts base views). */
  base: string;
  /** Rows of the index over `cases` (canonical cases, as the `cases` view) and `metrics` (figures). */
  select: (cases: string, metrics: string) => string;
  /** Physical order at export: the columns views filter on first. */
  order: string;
}

/** The filter bar's dimensions, the grouping of case_summary. */
const SUMMARY_DIMENSIONS = 'province, city, level, indicator, year, batch';

/**
 * Figures per case (`figures`) and the first four key figures (`key_figures`, as keyFiguresSql gives them),
 * for a join on case_id. Grouped, not correlated per case: at a million cases the export stays in memory bounds.
 */
function figuresPerCase(metrics: string): string {
  return `(SELECT case_id, count(*)::INTEGER AS figures,
    list(phrase ORDER BY rank) FILTER (WHERE rank <= 4 AND kind <> 'other') AS key_figures
  FROM (SELECT m.case_id, m.kind, ${phraseWithChangeSql('m')} AS phrase,
      row_number() OVER (PARTITION BY m.case_id, m.kind = 'other' ORDER BY ${keyFigureOrderSql('m')}) AS rank
    FROM ${metrics} m)
  GROUP BY case_id)`;
}

/** case_list's order: the Cases view's default order. */
const CASE_LIST_ORDER = 'province, year, batch, seq, case_id';

/**
 * One row per canonical case (Cases view, case lists of Indicator and Compare). `key`: a published case's
 * position in this order, the integer the search index names it by (search-index.ts); NULL for imported cases.
 */
const CASE_LIST: IndexTable = {
  published: 'case_list',
  base: 'base_case_list',
  select: (cases, metrics) => `SELECT c.case_id, c.doc_id, c.seq, c.province, c.city, c.county, c.level, c.agency, c.indicator,
  c.title, c.year, c.batch, c.has_body,
  coalesce(f.figures, 0)::INTEGER AS figures, coalesce(f.key_figures, []) AS key_figures,
  CASE WHEN NOT c.imported THEN row_number() OVER (ORDER BY ${CASE_LIST_ORDER.replaceAll(/(\w+)/g, 'c.$1')}) - 1 END::INTEGER AS key
FROM ${cases} c LEFT JOIN ${figuresPerCase(metrics)} f ON f.case_id = c.case_id`,
  order: CASE_LIST_ORDER,
};

/**
 * The same rows sorted by indicator first: the Indicator and Compare views list one indicator's cases, which
 * then lie side by side in the file (in case_list, sorted for the Cases view, a page of them touches a block
 * of each column in many places: 33 MB read for 20 rows at 1M cases).
 */
const INDICATOR_CASE_LIST: IndexTable = {
  ...CASE_LIST,
  published: 'indicator_case_list',
  base: 'base_indicator_case_list',
  order: 'indicator, province, year DESC, batch DESC, seq, case_id',
};

/** The reform measures with their case's place, indicator and title (Indicator and Compare measures). */
const MEASURE_FACTS: IndexTable = {
  published: 'measure_facts',
  base: 'base_measure_facts',
  select: (cases, metrics) => `SELECT c.case_id, c.province, c.city, c.county, c.level, c.indicator, c.year, c.batch, c.title,
  m.metric_id, m.dimension, m.section, m.text, m.kind, m.unit_norm, m.before_value, m.after_value, m.reduction_pct
FROM ${metrics} m JOIN ${cases} c ON c.case_id = m.case_id
WHERE m.dimension IS NOT NULL`,
  order: 'indicator, dimension, province, case_id, metric_id',
};

/** The money and count figures (> 0) with their case's place, indicator and title (Indicator's figure charts). */
const FIGURE_FACTS: IndexTable = {
  published: 'figure_facts',
  base: 'base_figure_facts',
  select: (cases, metrics) => `SELECT c.case_id, c.province, c.city, c.level, c.indicator, c.year, c.batch, c.title,
  m.metric_id, m.kind, m.text, m.value_norm, m.unit_norm
FROM ${metrics} m JOIN ${cases} c ON c.case_id = m.case_id
WHERE m.kind IN ('money', 'count') AND m.value_norm > 0`,
  order: 'indicator, kind, unit_norm, value_norm DESC',
};

export const INDEX_TABLES: IndexTable[] = [
  CASE_LIST,
  INDICATOR_CASE_LIST,
  {
    published: 'case_summary',
    base: 'base_case_summary',
    select: (cases, metrics) => `SELECT ${SUMMARY_DIMENSIONS}, count(*)::INTEGER AS cases, coalesce(sum(f.figures), 0)::INTEGER AS figures
FROM ${cases} c LEFT JOIN (SELECT case_id, count(*) AS figures FROM ${metrics} GROUP BY case_id) f ON f.case_id = c.case_id
GROUP BY ALL`,
    order: SUMMARY_DIMENSIONS,
  },
  MEASURE_FACTS,
  FIGURE_FACTS,
];

/** Summaries of the facts like case_summary (additive: a case lies in one combination of the filter dimensions). */
interface FactSummary {
  published: string;
  base: string;
  /** The facts summed (an index of INDEX_TABLES) and which of them, as a condition on its columns. */
  facts: IndexTable;
  where: string;
  /** Grouping columns beyond the filter dimensions. */
  key: string;
  /** Counts over the fact rows f, by name; the first must be > 0 in every row. */
  counts: [string, string][];
}

const FACT_SUMMARIES: FactSummary[] = [
  {
    // measureDimensions: which dimensions an indicator's cases report.
    published: 'measure_summary',
    base: 'base_measure_summary',
    facts: MEASURE_FACTS,
    where: 'TRUE',
    key: 'dimension',
    counts: [
      ['measures', 'count(*)'],
      ['cases', 'count(DISTINCT f.case_id)'],
      ['with_after', 'count(f.after_value)'],
      ['with_before_after', 'count(*) FILTER (WHERE f.before_value IS NOT NULL AND f.after_value IS NOT NULL)'],
      ['with_reduction', 'count(f.reduction_pct)'],
    ],
  },
  {
    // indicatorCountUnits: the units of an indicator's count figures.
    published: 'unit_summary',
    base: 'base_unit_summary',
    facts: FIGURE_FACTS,
    where: "f.kind = 'count'",
    key: 'unit_norm',
    counts: [['figures', 'count(*)']],
  },
];

/** The summary's rows over fact rows `facts` (alias f), the indicator taken from `indicator`, each count times `sign`. */
function factSummarySelect(summary: FactSummary, facts: string, indicator = 'f.indicator', sign = ''): string {
  const dims = SUMMARY_DIMENSIONS.split(', ').map((d) => (d === 'indicator' ? `${indicator} AS indicator` : `f.${d}`));
  return `SELECT ${dims.join(', ')}, f.${summary.key}, ${summary.counts.map(([name, expr]) => `${sign}${expr} AS ${name}`).join(', ')}
FROM ${facts} WHERE ${summary.where}
GROUP BY ALL`;
}

/**
 * What the workspace changes in the summary: re-filed published cases leave their old row (negative counts) and
 * join the new one, imported cases are added. A small table; the summary is a view of the published rows and
 * these, and its readers sum them per group (a group whose counts the workspace took to 0 is dropped by HAVING).
 */
function factSummaryWorkspace(summary: FactSummary): string {
  const relabelled = `${summary.facts.base} f JOIN case_labels l ON l.case_id = f.case_id`;
  const imported = `(${summary.facts.select(IMPORTED_CASES, 'imported_metrics')}) f`;
  return `${factSummarySelect(summary, relabelled, 'f.indicator', '-')}
UNION ALL
${factSummarySelect(summary, relabelled, 'l.indicator')}
UNION ALL
${factSummarySelect(summary, imported)}`;
}

/** The evidence a pair of similar cases carries (the similar table's columns but the two ids and the score). */
const PAIR_EVIDENCE = ['shared_terms', 'strength', 'title_terms', 'shared_dimensions', 'same_indicator'];

/**
 * Pairs of canonical cases over the similar rows of `similar`: both directions, one row per ordered pair with
 * its best score and that score's evidence (on a tie, the row listed in that direction: the choice is stable);
 * the first case's province and indicator, the other's province.
 */
function pairSelect(similar: string, cases: string): string {
  const columns = `score, ${PAIR_EVIDENCE.join(', ')}`;
  // A window, not a grouped arg_max: its sort spills to disk, so the export of a national dataset stays in memory bounds.
  return `SELECT s.case_id, s.other_case_id, a.province, a.indicator, o.province AS other_province, s.${columns.replaceAll(', ', ', s.')}
FROM (SELECT case_id, other_case_id, ${columns}, 1 AS as_listed FROM ${similar}
      UNION ALL SELECT other_case_id, case_id, ${columns}, 0 AS as_listed FROM ${similar}) s
JOIN ${cases} a ON a.case_id = s.case_id JOIN ${cases} o ON o.case_id = s.other_case_id
QUALIFY row_number() OVER (PARTITION BY s.case_id, s.other_case_id ORDER BY s.score DESC, s.as_listed DESC) = 1`;
}

/** Similar pairs (Compare), read through a view like the others; the workspace's part comes from imported_similar. */
const PAIR_FACTS: IndexTable = {
  published: 'pair_facts',
  base: 'base_pair_facts',
  select: (cases) => pairSelect('"similar"', cases),
  order: 'province, indicator, other_province, case_id, other_case_id',
};

/** Indexes read through a view of the same name (case_summary has views of its own, INDEX_VIEWS_SQL / REFRESH_SUMMARY_SQL). */
const VIEWED = INDEX_TABLES.filter((t) => t.published !== 'case_summary');

/** Canonical imported cases, labels applied (the `cases` view restricted to the workspace's own rows). */
const IMPORTED_CASES = '(SELECT * FROM cases WHERE imported)';

/**
 * Per published document: its rows in the cases table, those with a body, and reprints. Labels change none
 * of them; imported documents are counted live from their own (few) rows.
 */
export const DOCUMENT_COUNTS: IndexTable = {
  published: 'document_counts',
  base: 'base_document_counts',
  select: () => `SELECT doc_id, count(*)::INTEGER AS cases_in_table,
  count(*) FILTER (WHERE has_body)::INTEGER AS cases_with_body, count(duplicate_of)::INTEGER AS duplicates
FROM cases_all GROUP BY doc_id`,
  order: 'doc_id',
};

/** The case columns whose documents document_values counts per value (the Overview's totals under one of them). */
export const DOCUMENT_VALUE_DIMENSIONS = ['indicator', 'city', 'level'] as const;

/**
 * Distinct documents with a case of each value of indicator, city and level (`dimension` says which), per the
 * case's province, year and batch, over `cases` (rows of doc_id, place, year, batch and those columns). Such counts
 * add up over province, year and batch as long as no document has cases in two of those combinations (`split`,
 * the same on every row, counts the documents that do): the Overview's totals under one value of one of them are
 * then a sum (views/overview/overview-summary.ts). At a million cases the DISTINCT takes seconds in the browser's
 * single worker; at export it is done once, and read as a few thousand rows.
 */
function documentValuesSelect(cases: string): string {
  const cells = DOCUMENT_VALUE_DIMENSIONS.map((d) => `SELECT DISTINCT '${d}' AS dimension, doc_id, province, year, batch, ${d}::VARCHAR AS value FROM ${cases}`);
  return `WITH cells AS (${cells.join('\nUNION ALL ')}),
split AS (SELECT count(*) AS n FROM (SELECT doc_id FROM ${cases} GROUP BY doc_id HAVING count(DISTINCT (province, year, batch)) > 1))
SELECT dimension, province, year, batch, value, count(*)::INTEGER AS documents, (SELECT n FROM split)::INTEGER AS split
FROM cells GROUP BY dimension, province, year, batch, value`;
}

export const DOCUMENT_VALUES: IndexTable = {
  published: 'document_values',
  base: 'base_document_values',
  select: (cases) => documentValuesSelect(cases),
  order: 'dimension, value, province, year, batch',
};

/**
 * What the measures panel shows with no filter but the indicator (and provinces), or one year and/or one level,
 * for every indicator and dimension (measures-shown.ts): its per-province sample of measure_facts and its
 * per-province summary. A cold load then reads a few hundred rows instead of every measure of the indicator's
 * dimension (15 MB at a million cases), and a year or level filter asks no window or median over them. Once
 * the workspace changed, their views compute the same over the layered measure_facts instead.
 */
const MEASURES_SHOWN: (IndexTable & { over: (facts: string) => string })[] = [
  { published: 'measure_sample', over: measureSampleSelect },
  { published: 'measure_province_summary', over: measureProvinceSummarySelect },
].map(({ published, over }) => ({
  published,
  base: `base_${published}`,
  over,
  select: (cases: string, metrics: string) => over(`(${MEASURE_FACTS.select(cases, metrics)})`),
  order: 'indicator, dimension, by_year, by_level, province',
}));

/**
 * The Indicator view's candidates for every indicator (candidates.ts), over the published figure_facts and
 * indicator_case_list (written before them): the same rows as the browser's own read of one indicator.
 */
const CANDIDATES: IndexTable[] = [
  { published: 'figure_candidates', base: 'base_figure_candidates', select: () => figureCandidatesSql(FIGURE_FACTS.base, 'TRUE'), order: 'indicator' },
  {
    published: 'case_page_candidates',
    base: 'base_case_page_candidates',
    select: () => casePageCandidatesSql(INDICATOR_CASE_LIST.base, 'TRUE'),
    order: 'indicator',
  },
];

/** Every table computed at export, in the order it is written. */
export const EXPORTED_INDEXES: IndexTable[] = [
  ...INDEX_TABLES,
  PAIR_FACTS,
  DOCUMENT_COUNTS,
  DOCUMENT_VALUES,
  ...MEASURES_SHOWN,
  ...FACT_SUMMARIES.map((summary) => ({
    published: summary.published,
    base: summary.base,
    select: (cases: string, metrics: string) => factSummarySelect(summary, `(${summary.facts.select(cases, metrics)}) f`),
    order: `indicator, ${summary.key}, province`,
  })),
  ...CANDIDATES,
];

/** The published rows of cases the analyst did not re-file, then those re-filed with the analyst's indicator. */
function publishedParts(base: string): string {
  return `SELECT b.* FROM ${base} b WHERE NOT EXISTS (SELECT 1 FROM case_labels l WHERE l.case_id = b.case_id)
UNION ALL BY NAME
SELECT b.* REPLACE (l.indicator AS indicator) FROM ${base} b JOIN case_labels l ON l.case_id = b.case_id`;
}

const CASE_SUMMARY_BASE = 'base_case_summary';
/** case_summary with the workspace's layers, once the workspace changed (the view case_summary reads it then). */
const CASE_SUMMARY_LAYERED = 'case_summary_layered';

function summaryOfWorkspace(): string {
  // Re-filed published cases leave their old cell (−1) and join the new one (+1); imported cases are added.
  return `SELECT ${SUMMARY_DIMENSIONS}, sum(cases)::INTEGER AS cases, sum(figures)::INTEGER AS figures FROM (
  SELECT ${SUMMARY_DIMENSIONS}, cases, figures FROM ${CASE_SUMMARY_BASE}
  UNION ALL
  SELECT b.province, b.city, b.level, b.indicator, b.year, b.batch, -1, -b.figures
  FROM base_case_list b JOIN case_labels l ON l.case_id = b.case_id
  UNION ALL
  SELECT b.province, b.city, b.level, l.indicator, b.year, b.batch, 1, b.figures
  FROM base_case_list b JOIN case_labels l ON l.case_id = b.case_id
  UNION ALL
  SELECT ${SUMMARY_DIMENSIONS}, 1, figures FROM (${CASE_LIST.select(IMPORTED_CASES, 'imported_metrics')})
)
GROUP BY ALL
HAVING sum(cases) > 0`;
}

/** The index views with the workspace's layers: the published rows (labels applied) and the imported ones. */
const LAYERED_VIEWS_SQL: string[] = [
  ...VIEWED.map(
    (t) => `CREATE OR REPLACE VIEW ${t.published} AS
${publishedParts(t.base)}
UNION ALL BY NAME
${t.select(IMPORTED_CASES, 'imported_metrics')}`,
  ),
  // Imported pairs join the label-aware `cases` view on both sides (an imported case's counterparts are published cases).
  `CREATE OR REPLACE VIEW ${PAIR_FACTS.published} AS
${publishedParts(PAIR_FACTS.base)}
UNION ALL BY NAME
${pairSelect('imported_similar', 'cases')}`,
  `CREATE OR REPLACE VIEW ${DOCUMENT_COUNTS.published} AS
SELECT * FROM ${DOCUMENT_COUNTS.base}
UNION ALL BY NAME
SELECT doc_id, count(*)::INTEGER AS cases_in_table,
  count(*) FILTER (WHERE has_body)::INTEGER AS cases_with_body, count(duplicate_of)::INTEGER AS duplicates
FROM imported_cases GROUP BY doc_id`,
  ...MEASURES_SHOWN.map((t) => `CREATE OR REPLACE VIEW ${t.published} AS ${t.over(MEASURE_FACTS.published)}`),
  // Distinct documents are no sum of the published and the workspace's rows: counted anew over the layered case list.
  `CREATE OR REPLACE VIEW ${DOCUMENT_VALUES.published} AS ${documentValuesSelect(CASE_LIST.published)}`,
  // Candidates are no sum of layers either (a label moves a figure into another indicator's cells): asked of the
  // layered tables, for the one indicator read.
  ...CANDIDATE_MACROS.map((m) => `CREATE OR REPLACE MACRO ${m.macro}(ind) AS TABLE ${m.layered('ind')}`),
];

/** The same views while the workspace is empty: exactly the published rows, as the layered views would give. */
const PUBLISHED_ONLY_VIEWS_SQL: string[] = [...VIEWED, PAIR_FACTS, DOCUMENT_COUNTS, DOCUMENT_VALUES, ...MEASURES_SHOWN].map(
  (t) => `CREATE OR REPLACE VIEW ${t.published} AS SELECT * FROM ${t.base}`,
);

/**
 * Statements run once the published tables and the workspace views exist (src/sql/tables.ts VIEWS_SQL), on a
 * new database only: its workspace tables are empty, so the index views may be the published tables alone.
 */
export const INDEX_VIEWS_SQL: string[] = [
  ...PUBLISHED_ONLY_VIEWS_SQL,
  ...CANDIDATE_MACROS.map((m) => `CREATE OR REPLACE MACRO ${m.macro}(ind) AS TABLE SELECT * FROM ${m.base} WHERE indicator = ind`),
  // The published summary itself while the workspace is empty (its rows are what summaryOfWorkspace gives then):
  // copying it into a table at attach read it whole, megabytes at national scale, before any view could ask.
  `CREATE OR REPLACE VIEW case_summary AS SELECT * FROM ${CASE_SUMMARY_BASE}`,
  // Empty at attach, when the workspace is too (its rows are restored through REFRESH_SUMMARY_SQL): computing it
  // would scan the published facts' case ids, megabytes at national scale, even with no label to join.
  ...FACT_SUMMARIES.flatMap((summary) => [
    `CREATE OR REPLACE TABLE ${summary.published}_workspace AS SELECT * FROM (${factSummaryWorkspace(summary)}) LIMIT 0`,
    `CREATE OR REPLACE VIEW ${summary.published} AS
SELECT * FROM ${summary.base} UNION ALL BY NAME SELECT * FROM ${summary.published}_workspace`,
  ]),
];

/**
 * After the workspace tables changed (run in the same transaction): the index views with the workspace's layers
 * (idempotent; they stay layered, also once the workspace is empty again), the summaries recomputed.
 */
export const REFRESH_SUMMARY_SQL: string[] = [
  ...LAYERED_VIEWS_SQL,
  // A table of its own (small: one row per combination of the filter dimensions), read by every summed view.
  `CREATE OR REPLACE TABLE ${CASE_SUMMARY_LAYERED} AS ${summaryOfWorkspace()}`,
  `CREATE OR REPLACE VIEW case_summary AS SELECT * FROM ${CASE_SUMMARY_LAYERED}`,
  ...FACT_SUMMARIES.flatMap((summary) => [
    `DELETE FROM ${summary.published}_workspace`,
    `INSERT INTO ${summary.published}_workspace ${factSummaryWorkspace(summary)}`,
  ]),
];
