// The brief's own named query: the notices behind the compared cases (the Data view lists every notice; the
// brief lists those its cases come from, selected by the same filter predicate as compare.cases).
import type { DocumentRow } from '../ingest/types.ts';
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

/** A source notice of the brief: the documents table's columns, `url` where it was published. */
export type BriefSourceRow = Pick<DocumentRow, 'doc_id' | 'province' | 'title' | 'issuer' | 'published' | 'year' | 'batch' | 'source_file'> & {
  url: string | null;
};

/** The source notices of the brief's cases, one row each. */
export function briefSources(scope: BriefScope): NamedQuery<BriefSourceRow> {
  return {
    id: 'brief.sources',
    columns: ['doc_id', 'province', 'title', 'issuer', 'published', 'year', 'batch', 'source_file', 'url'],
    sql: `SELECT d.doc_id, d.province, d.title, d.issuer, d.published, d.year, d.batch, d.source_file, d.source_url AS url
FROM documents d
WHERE d.doc_id IN (SELECT c.doc_id FROM cases c WHERE ${scopeWhere(scope, 'c')})
ORDER BY d.province, d.year, d.batch NULLS LAST, d.doc_id`,
  };
}
