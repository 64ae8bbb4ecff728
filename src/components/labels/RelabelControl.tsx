// On the case page: re-file the case under another indicator (the analyst's label), or go back to the
// ingest's indicator. The change applies in every view (the `cases` view overlays labels).
import { useState } from 'react';
import { setLabel } from '../../workspace/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import '../import/workspace.css';

export interface RelabelControlProps {
  caseId: string;
  /** The case's indicator as the `cases` view gives it (the label if there is one). */
  indicator: string;
  /** The ingest's indicator when the analyst re-filed the case (indicator_original), else null. */
  original: string | null;
}

export function RelabelControl({ caseId, indicator, original }: RelabelControlProps) {
  const { t, indicators, indicatorName } = useI18n();
  const [choice, setChoice] = useState(indicator);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const save = async (code: string | null) => {
    setBusy(true);
    setMessage(null);
    try {
      // Choosing the ingest's own indicator again removes the label.
      await setLabel(caseId, code === original ? null : code);
      setMessage(t('rel.saved'));
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="relabel" data-testid="relabel">
      {original && (
        <span className="relabel-yours" data-testid="relabel-yours">
          {t('rel.yours', { ind: indicatorName(original) })}
        </span>
      )}
      <label>
        {t('rel.label')}{' '}
        <select value={choice} data-testid="relabel-select" onChange={(e) => setChoice(e.target.value)}>
          {indicators.map((i) => (
            <option key={i.code} value={i.code}>
              {indicatorName(i.code)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="tool" data-testid="relabel-save" disabled={busy || choice === indicator} onClick={() => void save(choice)}>
        {t('rel.save')}
      </button>
      {original && (
        <button
          type="button"
          className="tool"
          data-testid="relabel-reset"
          disabled={busy}
          onClick={() => {
            setChoice(original);
            void save(null);
          }}
        >
          {t('rel.reset', { ind: indicatorName(original) })}
        </button>
      )}
      {message && (
        <span className="muted" role="status">
          {message}
        </span>
      )}
    </div>
  );
}
