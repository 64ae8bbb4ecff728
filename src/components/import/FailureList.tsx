// Files that cannot be imported: for each, the reason in the UI language, then the reader's own message
// (file, reason, detail). A notice with no case also says what the reader looked for.
import { MAX_IMPORT_BYTES, type ImportFailure } from '../../workspace/index.ts';
import type { DictKey } from '../../i18n/dict.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function FailureList({ failures }: { failures: ImportFailure[] }) {
  const { t } = useI18n();
  return (
    <div className="ws-fail" role="alert" data-testid="import-error">
      <strong>{t('imp.failed')}</strong>
      <ul>
        {failures.map((f, i) => (
          <li key={`${i}:${f.sourceFile}`} data-reason={f.reason}>
            <div>{t(`pre.reason.${f.reason}` as DictKey, { file: f.sourceFile, detail: f.detail, mb: Math.round(MAX_IMPORT_BYTES / 1024 / 1024) })}</div>
            {f.reason === 'no_cases' && <div className="imp-why">{t('pre.noCasesWhy')}</div>}
            <div className="muted imp-detail">
              {t('pre.detail')}
              {f.message}
            </div>
          </li>
        ))}
      </ul>
      <span className="muted">{t('imp.untouched')}</span>
    </div>
  );
}
