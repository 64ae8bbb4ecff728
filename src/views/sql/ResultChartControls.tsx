// Pick what the console's chart shows: x, y (numeric), series, bar or line.
import type { ConsoleColumn } from '../../db/console.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ChartPick } from './result-chart.ts';

export function ResultChartControls({ columns, pick, onChange }: { columns: ConsoleColumn[]; pick: ChartPick; onChange: (p: ChartPick) => void }) {
  const { t } = useI18n();
  const numeric = columns.filter((c) => c.numeric);
  return (
    <span className="sql-chart-controls">
      <label>
        {t('sql.x')}{' '}
        <select value={pick.x} data-testid="chart-x" onChange={(e) => onChange({ ...pick, x: e.target.value })}>
          {columns.map((c) => (
            <option key={c.name}>{c.name}</option>
          ))}
        </select>
      </label>
      <label>
        {t('sql.y')}{' '}
        <select value={pick.y} data-testid="chart-y" onChange={(e) => onChange({ ...pick, y: e.target.value })}>
          {numeric.map((c) => (
            <option key={c.name}>{c.name}</option>
          ))}
        </select>
      </label>
      <label>
        {t('sql.series')}{' '}
        <select value={pick.series} data-testid="chart-series" onChange={(e) => onChange({ ...pick, series: e.target.value })}>
          <option value="">{t('sql.none')}</option>
          {columns
            .filter((c) => c.name !== pick.x && c.name !== pick.y)
            .map((c) => (
              <option key={c.name}>{c.name}</option>
            ))}
        </select>
      </label>
      <span className="segmented">
        {(['bar', 'line'] as const).map((kind) => (
          <button key={kind} type="button" aria-pressed={pick.kind === kind} onClick={() => onChange({ ...pick, kind })}>
            {t(kind === 'bar' ? 'sql.bar' : 'sql.line')}
          </button>
        ))}
      </span>
    </span>
  );
}
