// Similar cases of a case (other provinces or own): link, place, indicator, score, shared terms.
import { useI18n } from '../../i18n/i18n.tsx';
import type { Row } from '../../queries/types.ts';
import type { ViewProps } from '../../views/types.ts';
import { CaseLink } from './CaseLink.tsx';
import { useViewText } from './text.ts';
import { placeOf, str, strings } from './values.ts';

export function SimilarList({ rows, state, update, testId }: ViewProps & { rows: Row[]; testId: string }) {
  const { t, provinceName, indicatorName } = useI18n();
  const tx = useViewText();
  if (rows.length === 0) return <p className="v-empty">{tx('case.noSimilar')}</p>;
  return (
    <table className="v-pairs" data-testid={testId}>
      <thead>
        <tr>
          <th>{tx('case.place')}</th>
          <th style={{ width: '45%' }}>{t('col.title')}</th>
          <th className="v-score">{tx('col.score')}</th>
          <th style={{ width: '25%' }}>{tx('col.sharedTerms')}</th>
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
              <CaseLink caseId={str(r.case_id)} state={state} update={update}>
                {str(r.title)}
              </CaseLink>
              <div className="v-muted">{indicatorName(str(r.indicator))}</div>
            </td>
            <td className="v-score">{Number(r.score).toFixed(2)}</td>
            <td>
              <ul className="v-chips">
                {strings(r.shared_terms).map((t) => (
                  <li key={t} className="v-chip v-chip-term">
                    {t}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
