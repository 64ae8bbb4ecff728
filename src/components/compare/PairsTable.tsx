// Each case of A (chosen indicator) beside its nearest case of B, with score and shared terms.
import { useI18n } from '../../i18n/i18n.tsx';
import type { Row } from '../../queries/types.ts';
import type { ViewProps } from '../../views/types.ts';
import { CaseLink } from '../cases/CaseLink.tsx';
import { useViewText } from '../cases/text.ts';
import { placeOf, str, strings } from '../cases/values.ts';

export interface PairsTableProps extends ViewProps {
  rows: Row[];
  a: string;
  b: string;
}

export function PairsTable({ rows, a, b, state, update }: PairsTableProps) {
  const { provinceName, indicatorName } = useI18n();
  const tx = useViewText();
  return (
    <table className="v-pairs" data-testid="compare-pairs">
      <thead>
        <tr>
          <th>{provinceName(a)}</th>
          <th>{provinceName(b)}</th>
          <th className="v-score">{tx('col.score')}</th>
          <th style={{ width: '28%' }}>{tx('col.sharedTerms')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={str(r.a_case_id)}>
            <td>
              <CaseLink caseId={str(r.a_case_id)} state={state} update={update}>
                {str(r.a_title)}
              </CaseLink>
              <div className="v-muted">{placeOf(r, 'a_')}</div>
            </td>
            <td>
              {r.b_case_id ? (
                <>
                  <CaseLink caseId={str(r.b_case_id)} state={state} update={update}>
                    {str(r.b_title)}
                  </CaseLink>
                  <div className="v-muted">
                    {[placeOf(r, 'b_'), indicatorName(str(r.b_indicator))].filter(Boolean).join(' · ')}
                  </div>
                </>
              ) : (
                <span className="v-empty">{tx('cmp.noPair')}</span>
              )}
            </td>
            <td className="v-score">{r.score === null ? '' : Number(r.score).toFixed(2)}</td>
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
