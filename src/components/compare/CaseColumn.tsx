// One province's cases of the chosen indicator: title (link), place, year/batch, key figures.
import { memo, type CSSProperties } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { CaseListRow } from '../../queries/cases.ts';
import { CaseLink } from '../cases/CaseLink.tsx';
import { Chips } from '../cases/Chips.tsx';
import { placeOf, strings } from '../cases/values.ts';
import { provinceColour } from '../province-colour.ts';

export interface CaseColumnProps {
  province: string;
  /** The first cases of the province (the view lists a limited number). */
  rows: CaseListRow[];
  /** How many cases the province has under the indicator (rows may be fewer). */
  total: number;
  side: 'a' | 'b';
}

// memo: re-drawn for its own rows, not for each answer of the view around it.
export const CaseColumn = memo(function CaseColumn({ province, rows, total, side }: CaseColumnProps) {
  const { t, provinceName, placeName, batchName } = useI18n();
  return (
    // The column's rule and case bars in the province's colour, as its bars in the charts above.
    <section
      className={`v-panel v-col-${side}`}
      data-testid={`compare-col-${side}`}
      data-province={province}
      style={{ '--province-colour': provinceColour(province) } as CSSProperties}
    >
      <div className="v-col-head">
        <h3>{provinceName(province)}</h3>
        <span className="v-muted">{rows.length < total ? t('cmp.casesShown', { k: rows.length, n: total }) : total}</span>
      </div>
      {rows.length === 0 ? (
        <p className="v-empty">{t('cmp.noCases')}</p>
      ) : (
        <ul className="v-case-list">
          {rows.map((r) => (
            <li key={r.case_id} className="v-case-item">
              <CaseLink caseId={r.case_id}>
                {r.title}
              </CaseLink>
              <div className="v-meta">
                {/* A case of no city is the province's own body: （省级）, as the Overview's city chart says (its column already names the province). */}
                {placeOf(r, '', placeName) || t('level.none')}
                {r.agency ? ` · ${r.agency}` : ''} · {batchName(r.year, r.batch)}
              </div>
              {strings(r.figures).length > 0 && (
                <Chips items={strings(r.figures)} kind="fig" label={t('col.figures')} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
