// A source document's title as a link to where it was published (documents.source_url), or as text when
// its address is not recorded. A title the notice does not state is composed (document-title.ts) and set
// apart — italics and a hint — so it is never taken for the notice's own words.
import { useI18n } from '../../i18n/i18n.tsx';
import type { DocumentRow } from '../../ingest/types.ts';
import { documentTitle, type DocumentNaming } from './document-title.ts';

/** Only web addresses become links (the manifest accepts no other; imported data is checked here again). */
export function safeSourceUrl(value: unknown): string | null {
  return typeof value === 'string' && /^https?:\/\/\S+$/i.test(value) ? value : null;
}

export function DocumentTitle({ doc }: { doc: DocumentNaming & Pick<DocumentRow, 'source_url'> }) {
  const i18n = useI18n();
  const { text, composed } = documentTitle(doc, i18n);
  const url = safeSourceUrl(doc.source_url);
  const label = composed ? (
    <span className="title-fallback" title={i18n.t('doc.composedHint')} data-composed-title>
      {text}
    </span>
  ) : (
    text
  );
  return url ? (
    <a href={url} target="_blank" rel="noopener noreferrer" data-source-url>
      {label}
    </a>
  ) : (
    <>{label}</>
  );
}
