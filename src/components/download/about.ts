// What a download says about itself (the PNG's frame, the Excel file's "about" sheet): its title, the filters
// it was drawn under, the SQL behind it, the source documents and when it was downloaded.
import type { I18n } from '../../i18n/i18n.tsx';
import type { DocumentRow } from '../../ingest/types.ts';
import type { Filters } from '../../state/filters.ts';

export interface About {
  title: string;
  /** The active filters in words ('' = none apply to this view). */
  filters: string;
  sql: string;
  /** One line per source document: title, issuer, date, batch, address. */
  sources: string[];
  downloaded: Date;
}

/** "省份：福建省、陕西省；指标：获得电力" — every filter set, by the names the filter bar shows. */
export function describeFilters(filters: Filters | null, i18n: I18n): string {
  if (!filters) return i18n.t('download.notFiltered');
  const { t } = i18n;
  const parts: string[] = [];
  const add = (label: string, values: string[]) => values.length && parts.push(`${label}${t('text.colon')}${values.join(i18n.lang === 'zh' ? '、' : ', ')}`);
  add(t('filter.province'), filters.provinces.map((p) => i18n.provinceName(p)));
  add(t('filter.indicator'), filters.indicators.map((c) => i18n.indicatorName(c)));
  add(t('filter.city'), filters.cities.map((c) => i18n.placeName(c)));
  add(t('filter.level'), filters.levels.map((l) => i18n.levelName(l)));
  add(t('filter.year'), filters.years.map(String));
  add(t('filter.batch'), filters.batches.map((b) => i18n.batchName(null, b)));
  return parts.length ? parts.join(i18n.lang === 'zh' ? '；' : '; ') : t('download.noFilters');
}

/** A source document in one line: title (or what stands for it), issuer, date, batch, address where known. */
export function documentLine(doc: Pick<DocumentRow, 'issuer' | 'published' | 'year' | 'batch' | 'source_url'>, i18n: I18n, title: string): string {
  return [
    title,
    doc.issuer ?? '',
    doc.published ?? '',
    i18n.batchName(doc.year, doc.batch),
    doc.source_url || i18n.t('download.noAddress'),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The source line under a PNG: the dataset, its documents' date span, and the download date. */
export function sourceLine(docs: readonly Pick<DocumentRow, 'published'>[], downloaded: Date, i18n: I18n): string {
  const dates = docs.map((d) => d.published ?? '').filter(Boolean).sort();
  const span = dates.length ? (dates[0] === dates[dates.length - 1] ? dates[0] : `${dates[0]} – ${dates[dates.length - 1]}`) : '';
  return i18n.t('download.sourceLine', { n: docs.length, span: span || '—', date: isoDate(downloaded) });
}

export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The about sheet's rows: [label, value]; the sources one per row. */
export function aboutRows(about: About, i18n: I18n): [string, string][] {
  const { t } = i18n;
  return [
    [t('download.about.title'), about.title],
    [t('download.about.filters'), about.filters],
    [t('download.about.downloaded'), `${isoDate(about.downloaded)} ${about.downloaded.toTimeString().slice(0, 8)}`],
    [t('download.about.sql'), about.sql],
    ...about.sources.map((line, i): [string, string] => [i === 0 ? t('download.about.sources') : '', line]),
  ];
}
