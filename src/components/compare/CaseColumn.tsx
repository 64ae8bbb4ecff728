// One province's cases of the chosen indicator: title (link), place, year/batch, key figures.
import { useI18n } from '../../i18n/i18n.tsx';
import type { Row } from '../../queries/types.ts';
import type { ViewProps } from '../../views/types.ts';
import { CaseLink } from '../cases/CaseLink.tsx';
import { useViewText } from '../cases/text.ts';
import { placeOf, str, strings } from '../cases/values.ts';

export interface CaseColumnProps extends ViewProps {
  province: string;
  rows: Row[];
  side: 'a' | 'b';
}

export function CaseColumn({ province, rows, side, state, update }: CaseColumnProps) {
  const { provinceName, levelName, batchName } = useI18n();
  const tx = useViewText();
  return (
    <section className={`v-panel v-col-${side}`} data-testid={`compare-col-${side}`} data-province={province}>
      <div className="v-col-head">
        <h3>{provinceName(province)}</h3>
        <span className="v-muted">{rows.length}</span>
      </div>
      {rows.length === 0 ? (
        <p className="v-empty">{tx('cmp.noCases')}</p>
      ) : (
        <ul className="v-case-list">
          {rows.map((r) => (
            <li key={str(r.case_id)} className="v-case-item">
              <CaseLink caseId={str(r.case_id)} state={state} update={update}>
                {str(r.title)}
              </CaseLink>
              <div className="v-meta">
                {placeOf(r) || levelName(str(r.level))}
                {r.agency ? ` · ${str(r.agency)}` : ''} · {batchName(r.year as number | null, r.batch as number | null)}
              </div>
              {strings(r.figures).length > 0 && (
                <ul className="v-chips" aria-label={tx('col.figures')}>
                  {strings(r.figures).map((f, i) => (
                    <li key={i} className="v-chip v-chip-fig">
                      {f}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
