// A visible note when a link held values that could not be used (a NUL byte, page=1e20, an unknown sort…):
// the app shows the default instead and says which parameters it replaced, rather than failing a query.
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useRejectedParams } from '../state/url-state.ts';

const NOTICE_STYLE = {
  margin: '8px 16px',
  padding: '8px 12px',
  border: '1px solid var(--danger)',
  borderRadius: 6,
  background: '#fff6f5',
  fontSize: 14,
} as const;

export function UrlNotice() {
  const { t } = useI18n();
  const rejected = useRejectedParams();
  const [dismissed, setDismissed] = useState<string[] | null>(null);
  if (rejected.length === 0 || dismissed === rejected) return null;
  return (
    <div className="url-notice" role="status" data-testid="url-notice" style={NOTICE_STYLE}>
      <span>{t('url.rejected', { names: rejected.join(', ') })}</span>
      <button type="button" style={{ marginLeft: 12 }} onClick={() => setDismissed(rejected)}>
        {t('url.dismiss')}
      </button>
    </div>
  );
}
