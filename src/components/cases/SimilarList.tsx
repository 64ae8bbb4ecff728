// Counterparts of a case, province by province (other provinces, or its own): strong and related ones said
// in words with their evidence; a province with neither says "no counterpart in <province>" and offers the
// weak ones on request.
import { useI18n } from '../../i18n/i18n.tsx';
import type { SimilarCaseRow } from '../../queries/cases.ts';
import { Counterpart, CounterpartList } from './Counterpart.tsx';
import { placeOrProvince } from './values.ts';

/** Rows grouped by province, in query order (strongest first within each). */
function byProvince(rows: SimilarCaseRow[]): [string, SimilarCaseRow[]][] {
  const groups = new Map<string, SimilarCaseRow[]>();
  for (const r of rows) {
    const key = r.province ?? '';
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups];
}

export function SimilarList({ rows, testId }: { rows: SimilarCaseRow[]; testId: string }) {
  const { t, provinceName, placeName, indicatorName } = useI18n();
  const names = { placeName, provinceName };
  if (rows.length === 0) return <p className="v-empty">{t('case.noSimilar')}</p>;
  return (
    <div className="v-similar" data-testid={testId}>
      {byProvince(rows).map(([province, list]) => (
        <section key={province} className="v-similar-province" data-province={province}>
          <h4>{provinceName(province)}</h4>
          <CounterpartList
            rows={list}
            province={province}
            render={(r) => (
              <Counterpart
                key={r.case_id}
                row={r}
                caseId={r.case_id}
                title={r.title}
                note={[placeOrProvince(r, '', r.province, names), indicatorName(r.indicator)].filter(Boolean).join(' · ')}
                indicator={r.indicator || null}
              />
            )}
          />
        </section>
      ))}
    </div>
  );
}
