// Counterparts of a case, province by province (other provinces, or its own): strong and related ones said
// in words with their evidence; a province with neither says "no counterpart in <province>" and offers the
// weak ones on request.
import { useI18n } from '../../i18n/i18n.tsx';
import type { Row } from '../../queries/types.ts';
import { Counterpart, CounterpartList } from './Counterpart.tsx';
import { placeOf, str } from './values.ts';

/** Rows grouped by province, in query order (strongest first within each). */
function byProvince(rows: Row[]): [string, Row[]][] {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = str(r.province);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups];
}

export function SimilarList({ rows, testId }: { rows: Row[]; testId: string }) {
  const { t, provinceName, placeName, indicatorName } = useI18n();
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
                key={str(r.case_id)}
                row={r}
                caseId={str(r.case_id)}
                title={str(r.title)}
                note={[placeOf(r, '', placeName), indicatorName(str(r.indicator))].filter(Boolean).join(' · ')}
                indicator={str(r.indicator) || null}
              />
            )}
          />
        </section>
      ))}
    </div>
  );
}
