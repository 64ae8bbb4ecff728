// The three downloads of a chart or table — CSV, Excel, PNG — each holding what the chart shows, labelled as
// it labels it (shown.ts), in the UI's language. The writers (papaparse, write-excel-file, the PNG frame)
// load on the first download, not with the page.
import type { I18n } from '../../i18n/i18n.tsx';
import type { DocumentListRow } from '../../queries/data.ts';
import type { Row } from '../../queries/types.ts';
import type { Filters } from '../../state/filters.ts';
import { downloadName, saveBlob } from '../download.ts';
import { aboutRows, describeFilters, documentLine, sourceLine, type About } from './about.ts';
import { documentTitle } from '../documents/document-title.ts';
import { shownRows, type DownloadColumn } from './shown.ts';

export interface DownloadSpec<R extends Row = Row> {
  /** File name stem (a query id). */
  id: string;
  /** The chart's or table's title, as on the page. */
  title: string;
  sql?: string;
  rows: readonly R[];
  columns: readonly DownloadColumn<R>[];
}

export interface DownloadContext {
  i18n: I18n;
  /** The filter bar's filters, or null on a page the bar does not filter. */
  filters: Filters | null;
}

export async function downloadCsv<R extends Row>(spec: DownloadSpec<R>, { i18n }: DownloadContext): Promise<void> {
  const { toCsv } = await import('../csv.ts');
  const text = toCsv(shownRows(spec.rows, spec.columns, i18n), spec.columns);
  saveBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), downloadName(spec.id, 'csv'));
}

/** The sources' lines for the about sheet; a download still works when they cannot be read. */
async function sourceLines(i18n: I18n): Promise<{ docs: DocumentListRow[]; lines: string[] }> {
  try {
    const { sourceDocuments } = await import('./sources.ts');
    const docs = await sourceDocuments();
    return { docs, lines: docs.map((d) => documentLine(d, i18n, documentTitle(d, i18n).text)) };
  } catch {
    return { docs: [], lines: [] };
  }
}

export async function downloadXlsx<R extends Row>(spec: DownloadSpec<R>, { i18n, filters }: DownloadContext): Promise<void> {
  const [{ xlsxBlob }, sources] = await Promise.all([import('./xlsx.ts'), sourceLines(i18n)]);
  const shown = shownRows(spec.rows, spec.columns, i18n);
  const about: About = { title: spec.title, filters: describeFilters(filters, i18n), sql: spec.sql ?? '', sources: sources.lines, downloaded: new Date() };
  const blob = await xlsxBlob([
    {
      name: i18n.t('download.sheetData'),
      headers: spec.columns.map((c) => c.header),
      rows: shown.map((r) => spec.columns.map((c) => r[c.key])),
      widths: spec.columns.map((c) => Math.min(60, Math.max(10, c.header.length * 2 + 2))),
    },
    { name: i18n.t('download.sheetAbout'), headers: ['', ''], rows: aboutRows(about, i18n), widths: [18, 100] },
  ]);
  saveBlob(blob, downloadName(spec.id, 'xlsx'));
}

/** The chart's image framed with its title, filters and source line. `chartUrl` is ECharts' getDataURL at `scale`. */
export async function downloadPng<R extends Row>(spec: DownloadSpec<R>, { i18n, filters }: DownloadContext, chartUrl: string, scale: number): Promise<void> {
  const [{ framedPng }, sources] = await Promise.all([import('./png.ts'), sourceLines(i18n)]);
  const blob = await framedPng(
    chartUrl,
    {
      title: spec.title,
      filters: i18n.t('download.filtersLine', { filters: describeFilters(filters, i18n) }),
      source: sourceLine(sources.docs, new Date(), i18n),
    },
    scale,
  );
  saveBlob(blob, downloadName(spec.id, 'png'));
}
