// Similar cases of a case (other provinces or own): link, place, indicator, score, shared terms.
import { useI18n } from '../../i18n/i18n.tsx';
import type { Row } from '../../queries/types.ts';
import type { ViewProps } from '../../views/types.ts';
import { CaseCell } from './CaseLink.tsx';
import { SimilarityCells } from './SimilarityCells.tsx';
import { placeOf, str } from './values.ts';

export function SimilarList({ rows, state, update, testId }: ViewProps & { rows: Row[]; testId: string }) {
  const { t, provinceName, indicatorName } = useI18n();
  if (rows.length === 0) return <p className="v-empty">{t('case.noSimilar')}</p>;
  return (
    <table className="v-pairs" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('case.place')}</th>
          <th style={{ width: '45%' }}>{t('col.title')}</th>
          <th className="v-score">{t('col.score')}</th>
          <th style={{ width: '25%' }}>{t('col.sharedTerms')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={str(r.case_id)}>
            <td>
              {provinceName(str(r.province))}
              <div className="v-muted">{placeOf(r)}</div>
            </td>
            <td>
              <CaseCell caseId={str(r.case_id)} title={str(r.title)} note={indicatorName(str(r.indicator))} state={state} update={update} />
            </td>
            <SimilarityCells row={r} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
