// The brief's own named queries: what the dashboard lists but no view query returns in this shape — the
// notices behind the compared cases, and the before → after figures of those cases. Both read the same rows
// the Compare view lists (same filter predicate as compare.cases), and do no arithmetic on them.
import type { Filters } from '../state/filters.ts';
import { caseWhere } from '../queries/sql.ts';
import type { NamedQuery } from '../queries/types.ts';

export interface BriefScope {
  filters: Filters;
  a: string;
  b: string;
  indicators: string[];
}

/** The cases the brief is about: the Compare view's filters, both provinces, the chosen indicators. */
function scopeWhere({ filters, a, b, indicators }: BriefScope, alias: string): string {
  return caseWhere({ ...filters, provinces: [a, b], indicators }, { alias });
}

/** The source notices of the brief's cases, one row each. */
export function briefSources(scope: BriefScope): NamedQuery {
  return {
    id: 'brief.sources',
    sql: `SELECT d.doc_id, d.province, d.title, d.issuer, d.published, d.year, d.batch, d.source_file
FROM documents d
WHERE d.doc_id IN (SELECT c.doc_id FROM cases c WHERE ${scopeWhere(scope, 'c')})
ORDER BY d.province, d.year, d.batch NULLS LAST, d.doc_id`,
  };
}

/** The reductions the brief's cases report ("从X压缩至Y"): the phrase and its before / after values as found. */
export function briefReductions(scope: BriefScope): NamedQuery {
  return {
    id: 'brief.reductions',
    sql: `SELECT c.province, c.indicator, c.case_id, c.title, m.metric_id, m.text, m.kind, m.before_value, m.after_value, m.unit_norm
FROM metrics m JOIN cases c ON c.case_id = m.case_id
WHERE ${scopeWhere(scope, 'c')} AND m.before_value IS NOT NULL AND m.after_value IS NOT NULL
ORDER BY c.province, c.indicator, c.year DESC, c.batch DESC, c.seq, m.metric_id`,
  };
}
