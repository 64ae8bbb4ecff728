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
  return `SELECT c.case_id, c.title, c.province, c.city, c.county, c.level, c.indicator,
  i.name_zh AS indicator_zh, i.name_en AS indicator_en, c.year, c.batch, c.has_body,
  (SELECT count(*) FROM metrics m WHERE m.case_id = c.case_id)::INTEGER AS figures, ${snippet} AS snippet, count(*) OVER () AS total
FROM cases c LEFT JOIN indicators i ON i.code = c.indicator
WHERE ${[caseWhere(f, { alias: 'c' }), ...terms.map(match)].join(' AND ')}
ORDER BY ${orderBy(sort)} LIMIT 20 OFFSET ${page * 20}`;
}
