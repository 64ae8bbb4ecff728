// CSV, Excel and (for a chart) PNG buttons: every chart and table downloads through these.
import { useI18n } from '../../i18n/i18n.tsx';
import type { Row } from '../../queries/types.ts';
import type { EChartsType } from '../echarts.ts';
import type { DownloadSpec } from './actions.ts';
import { useDownloadFilters } from './filters-context.ts';

/** The PNG's pixel ratio: sharp on a high-density screen and in print. */
const PNG_SCALE = 2;

/** The files' code (the about sheet, the columns shown, the writers) loads at the first click, not with the first page. */
const actions = () => import('./actions.ts');

export function DownloadButtons<R extends Row>({ spec, chart }: { spec: DownloadSpec<R>; chart?: () => EChartsType | null }) {
  const i18n = useI18n();
  const filters = useDownloadFilters();
  const context = { i18n, filters };
  const { t } = i18n;
  const hasRows = spec.rows.length > 0;
  const savePng = () => {
    const instance = chart?.();
    if (!instance) return;
    const url = instance.getDataURL({ type: 'png', pixelRatio: PNG_SCALE, backgroundColor: '#fff' });
    void actions().then((a) => a.downloadPng(spec, context, url, PNG_SCALE));
  };
  return (
    <>
      <button type="button" className="tool" data-download="csv" title={t('chart.csvTitle')} disabled={!hasRows} onClick={() => void actions().then((a) => a.downloadCsv(spec, context))}>
        {t('chart.csv')}
      </button>
      <button type="button" className="tool" data-download="xlsx" title={t('chart.xlsxTitle')} disabled={!hasRows} onClick={() => void actions().then((a) => a.downloadXlsx(spec, context))}>
        {t('chart.xlsx')}
      </button>
      {chart && (
        <button type="button" className="tool" data-download="png" title={t('chart.pngTitle')} disabled={!hasRows} onClick={savePng}>
          {t('chart.png')}
        </button>
      )}
    </>
  );
}
