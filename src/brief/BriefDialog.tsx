// The Compare view's "comparison brief" button and its overlay: pick the indicators, see the brief as an A4
// page (print / save as PDF), download it as a Word file. The data comes from named queries (assemble.ts);
// the Word writer (docx.ts with the `docx` library) is loaded only when a file is asked for.
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { downloadName, saveBlob } from '../components/download.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { UNCLASSIFIED } from '../ingest/indicators.ts';
import type { AppState } from '../state/filters.ts';
import { assembleBrief, type BriefData, type RunQuery } from './assemble.ts';
import { BriefPrint } from './BriefPrint.tsx';
import { chartPng, type PageChart } from './charts.ts';
import { briefContent } from './content.ts';
import './brief.css';

export interface BriefButtonProps {
  state: AppState;
  /** The indicator the Compare view shows (the brief's default). */
  indicator: string | null;
}

const runNamed: RunQuery = async (query) => {
  const { runNamedQuery } = await import('../db/duckdb.ts');
  return runNamedQuery(query);
};

function BriefOverlay({ state, indicator, onClose }: BriefButtonProps & { onClose: () => void }) {
  const i18n = useI18n();
  const { t, indicatorName } = i18n;
  const [chosen, setChosen] = useState<string[]>(indicator ? [indicator] : []);
  const [data, setData] = useState<BriefData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The chart as drawn when the brief was opened (the overlay covers the page, the chart stays drawn).
  const charts = useMemo(() => {
    const map = new Map<string, PageChart>();
    const png = chartPng('compare.shares');
    if (png) map.set('compare.shares', png);
    return map;
  }, []);

  useEffect(() => {
    let live = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- new choices: drop the old brief while the new one is assembled
    setData(null);
    assembleBrief(runNamed, { filters: state.filters, a: state.compareA, b: state.compareB, indicators: chosen }).then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [state.filters, state.compareA, state.compareB, chosen]);

  useEffect(() => {
    document.documentElement.classList.add('brief-open');
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      document.documentElement.classList.remove('brief-open');
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  const content = useMemo(() => (data ? briefContent(data, i18n) : null), [data, i18n]);
  // Indicators either province covers, in the taxonomy's order, for the picker.
  const choices = (data?.shares ?? []).filter((r) => r.indicator !== UNCLASSIFIED && (Number(r.a_cases) > 0 || Number(r.b_cases) > 0));
  const toggle = (code: string) => setChosen((list) => (list.includes(code) ? list.filter((c) => c !== code) : [...list, code]));

  const saveWord = async () => {
    if (!content) return;
    setSaving(true);
    try {
      const { briefDocx } = await import('./docx.ts');
      const blob = await briefDocx(content, charts, t('brief.noChart'));
      saveBlob(blob, downloadName(`brief_${state.compareA}_${state.compareB}`, 'docx'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return createPortal(
    <div className="brief-overlay" role="dialog" aria-modal="true" aria-label={t('brief.dialog')} data-testid="brief-dialog">
      <div className="brief-panel">
        <div className="brief-bar">
          <strong>{t('brief.dialog')}</strong>
          <span className="brief-spacer" />
          <button type="button" className="tool" data-testid="brief-word" disabled={!content || saving || chosen.length === 0} onClick={saveWord}>
            {t('brief.word')}
          </button>
          <button type="button" className="tool" data-testid="brief-printbtn" disabled={!content} onClick={() => window.print()}>
            {t('brief.print')}
          </button>
          <button type="button" className="tool" onClick={onClose}>
            {t('brief.close')}
          </button>
        </div>
        {choices.length > 0 && (
          <fieldset className="brief-pick" data-testid="brief-pick">
            <legend>{t('brief.pick')}</legend>
            {choices.map((r) => (
              <label key={String(r.indicator)}>
                <input type="checkbox" value={String(r.indicator)} checked={chosen.includes(String(r.indicator))} onChange={() => toggle(String(r.indicator))} />
                {indicatorName(String(r.indicator))}
              </label>
            ))}
          </fieldset>
        )}
        {error && <p className="brief-error">{t('brief.failed', { msg: error })}</p>}
        {!content && !error && <p aria-busy="true">{t('brief.making')}</p>}
        {content && <BriefPrint content={content} charts={charts} noChart={t('brief.noChart')} />}
      </div>
    </div>,
    document.body,
  );
}

export function BriefButton(props: BriefButtonProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="tool" data-testid="brief-open" title={t('brief.buttonTitle')} disabled={!props.indicator} onClick={() => setOpen(true)}>
        {t('brief.button')}
      </button>
      {open && <BriefOverlay {...props} onClose={() => setOpen(false)} />}
    </>
  );
}
