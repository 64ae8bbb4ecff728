// Each case of A (chosen indicator) beside its counterparts in B, said in words with the evidence; a case
// with none says so and offers the nearest weak ones on request. Rows come one per pair, a page of A's cases at a
// time (compare.pairsPage: each row says how many cases A has in all).
import { memo } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { COMPARE_PAIRS_PER_PAGE, type ComparePairPageRow, type ComparePairRow } from '../../queries/compare.ts';
import { CaseCell } from '../cases/CaseLink.tsx';
import { Counterpart, CounterpartList } from '../cases/Counterpart.tsx';
import { placeOrProvince, str } from '../cases/values.ts';

export interface PairsTableProps {
  rows: ComparePairPageRow[];
  a: string;
  b: string;
  /** The page shown (from 0) and how to show another. */
  page: number;
  onPage: (page: number) => void;
}

/** Rows grouped by the case of A, in query order. */
function byCaseOfA(rows: ComparePairRow[]): ComparePairRow[][] {
  const groups = new Map<string, ComparePairRow[]>();
  for (const r of rows) {
    const key = r.a_case_id;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()];
}

// memo: re-drawn for its own rows, not for each answer of the view around it.
export const PairsTable = memo(function PairsTable({ rows, a, b, page, onPage }: PairsTableProps) {
  const { t, provinceName, placeName, indicatorName } = useI18n();
  const names = { placeName, provinceName };
  const cases = rows[0]?.a_cases ?? 0;
  const pages = Math.ceil(cases / COMPARE_PAIRS_PER_PAGE);
  return (
    <>
    <table className="v-pairs" data-testid="compare-pairs">
      <thead>
        <tr>
          <th style={{ width: '40%' }}>{provinceName(a)}</th>
          <th>{provinceName(b)}</th>
        </tr>
      </thead>
      <tbody>
        {byCaseOfA(rows).map((group) => {
          const first = group[0];
          const pairs = group.filter((r) => r.b_case_id !== null);
          return (
            <tr key={first.a_case_id} data-has-counterpart={first.has_counterpart}>
              <td>
                <CaseCell caseId={first.a_case_id} title={first.a_title} note={placeOrProvince(first, 'a_', a, names)} />
              </td>
              <td>
                <CounterpartList
                  rows={pairs}
                  province={b}
                  render={(r) => (
                    <Counterpart
                      key={str(r.b_case_id)}
                      row={r}
                      caseId={str(r.b_case_id)}
                      title={str(r.b_title)}
                      note={[placeOrProvince(r, 'b_', b, names), indicatorName(str(r.b_indicator))].filter(Boolean).join(' · ')}
                      indicator={str(r.b_indicator) || null}
                    />
                  )}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
    {pages > 1 && (
      <nav className="pager" aria-label={t('cmp.pairsPages')} data-testid="compare-pairs-pager">
        <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
          {t('table.prev')}
        </button>
        <span data-testid="compare-pairs-page">{t('cmp.pairsPage', { page: page + 1, pages, n: cases })}</span>
        <button type="button" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
          {t('table.next')}
        </button>
      </nav>
    )}
    </>
  );
});
