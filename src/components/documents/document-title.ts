// A source document's title as shown. Most notices state their title; some (a notice pasted from its body,
// a city's reprint) do not, and the data keeps their title empty. Those are named by what they are — issuer
// or province, year and batch: "福建省 2023年第2批营商环境典型经验做法" — and marked as a composed name.
import type { DocumentRow } from '../../ingest/types.ts';
import type { I18n } from '../../i18n/i18n.tsx';

/** What names a document: the documents table's fields that any row about a document carries. */
export type DocumentNaming = Pick<DocumentRow, 'title' | 'issuer' | 'province' | 'year' | 'batch'>;

export interface ShownTitle {
  text: string;
  /** True when the document states no title and `text` was composed from its issuer, province, year and batch. */
  composed: boolean;
}

export function documentTitle(doc: DocumentNaming, i18n: Pick<I18n, 't' | 'lang' | 'provinceName' | 'batchName'>): ShownTitle {
  const stated = doc.title?.trim() ?? '';
  if (stated) return { text: stated, composed: false };
  const issuer = doc.issuer?.trim() && i18n.lang === 'zh' ? doc.issuer.trim() : i18n.provinceName(doc.province);
  const text = i18n.t('doc.composedTitle', { issuer, period: i18n.batchName(doc.year, doc.batch) });
  return { text, composed: true };
}
