// Each case of A (chosen indicator) beside its nearest case of B, with score and shared terms.
import { useI18n } from '../../i18n/i18n.tsx';
import type { Row } from '../../queries/types.ts';
import type { ViewProps } from '../../views/types.ts';
import { CaseCell } from '../cases/CaseLink.tsx';
import { SimilarityCells } from '../cases/SimilarityCells.tsx';
import { placeOf, str } from '../cases/values.ts';

export interface PairsTableProps extends ViewProps {
  rows: Row[];
  a: string;
  b: string;
}

export function PairsTable({ rows, a, b, state, update }: PairsTableProps) {
  const { t, provinceName, indicatorName } = useI18n();
  return (
    <table className="v-pairs" data-testid="compare-pairs">
      <thead>
        <tr>
          <th>{provinceName(a)}</th>
          <th>{provinceName(b)}</th>
          <th className="v-score">{t('col.score')}</th>
          <th style={{ width: '28%' }}>{t('col.sharedTerms')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={str(r.a_case_id)}>
            <td>
              <CaseCell caseId={str(r.a_case_id)} title={str(r.a_title)} note={placeOf(r, 'a_')} state={state} update={update} />
            </td>
            <td>
              {r.b_case_id ? (
                <CaseCell
                  caseId={str(r.b_case_id)}
                  title={str(r.b_title)}
                  note={[placeOf(r, 'b_'), indicatorName(str(r.b_indicator))].filter(Boolean).join(' · ')}
                  state={state}
                  update={update}
                />
              ) : (
                <span className="v-empty">{t('cmp.noPair')}</span>
              )}
            </td>
            <SimilarityCells row={r} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
