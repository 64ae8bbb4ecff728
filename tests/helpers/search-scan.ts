// The Cases view's search as it ran before the search index existed: every case text scanned with `contains`.
// The oracle the index's answers are checked against (tests/queries/indexes.test.ts, search-index.test.ts).
import { orderBy, searchTerms } from '../../src/queries/cases.ts';
import { caseWhere, literal } from '../../src/queries/sql.ts';
import type { Filters } from '../../src/state/filters.ts';

/** One page (20 rows) of the search over the full `cases` view, with its total and snippets. */
export function searchScanSql(f: Filters, search: string, sort: string, page: number): string {
  const terms = searchTerms(search);
  const match = (t: string) =>
    `(${['title', 'background', 'measures', 'outcomes', 'title_original', 'case_id'].map((col) => `contains(c.${col}, ${literal(t)})`).join(' OR ')})`;
  const snippet = terms.length
    ? `CASE ${['background', 'measures', 'outcomes'].map((col) => `WHEN contains(c.${col}, ${literal(terms[0])}) THEN substring(c.${col}, greatest(instr(c.${col}, ${literal(terms[0])}) - 30, 1), 80)`).join(' ')} ELSE NULL END`
    : 'NULL';
  // Figures per case by a grouped join and the total by a subquery over the matches: the same answer as a
  // correlated count and count(*) OVER (), which DuckDB (Node, several threads) now and then failed on over the
  // workspace's layered views ("Attempted to access index 0 within vector of size 0").
  return `WITH matched AS (
  SELECT c.* FROM cases c WHERE ${[caseWhere(f, { alias: 'c' }), ...terms.map(match)].join(' AND ')}
), figures AS (SELECT case_id, count(*) AS n FROM metrics WHERE case_id IN (SELECT case_id FROM matched) GROUP BY case_id)
SELECT c.case_id, c.title, c.province, c.city, c.county, c.level, c.indicator,
  i.name_zh AS indicator_zh, i.name_en AS indicator_en, c.year, c.batch, c.has_body,
  coalesce(fc.n, 0)::INTEGER AS figures, ${snippet} AS snippet, (SELECT count(*) FROM matched) AS total
FROM matched c LEFT JOIN indicators i ON i.code = c.indicator LEFT JOIN figures fc ON fc.case_id = c.case_id
ORDER BY ${orderBy(sort)} LIMIT 20 OFFSET ${page * 20}`;
}
