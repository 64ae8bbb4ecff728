// One counterpart of a case, said in words: how alike (same practice / related practice), the case, and the
// evidence — terms both titles and texts share, the same indicator, the results both report. The score is
// only a tooltip (it is in the data and the CSV). Used by the case page's similar cases and the Compare pairs.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { DictKey } from '../../i18n/dict.ts';
import type { SimilarCaseRow } from '../../queries/cases.ts';
import { CaseCell } from './CaseLink.tsx';
import { Chips } from './Chips.tsx';

/**
 * The evidence of a counterpart, as a similar case (case.similar) or a pair (compare.pairs, where a case
 * with no counterpart has nulls) gives it.
 */
export type CounterpartEvidence = {
  [K in 'strength' | 'title_terms' | 'shared_terms' | 'shared_dimensions' | 'same_indicator' | 'score']: SimilarCaseRow[K] | null;
};

const STRENGTH_KEY: Record<string, DictKey> = { strong: 'sim.strong', related: 'sim.related', weak: 'sim.weak' };
const DIMENSION_KEY: Record<string, DictKey> = {
  time: 'sim.dim.time',
  steps: 'sim.dim.steps',
  documents: 'sim.dim.documents',
  visits: 'sim.dim.visits',
  cost: 'sim.dim.cost',
};

/** Terms in both titles first, then the other shared terms; a term inside a listed one is not repeated. */
export function evidenceTerms(row: CounterpartEvidence, limit = 6): string[] {
  const terms: string[] = [];
  for (const term of [...(row.title_terms ?? []), ...(row.shared_terms ?? [])]) {
    if (!terms.some((t) => t.includes(term) || term.includes(t))) terms.push(term);
  }
  return terms.slice(0, limit);
}

export interface CounterpartProps {
  row: CounterpartEvidence;
  caseId: string;
  title: string;
  /** Muted line under the title (place, indicator). */
  note: string;
  /** The indicator's code, named when both cases share it. */
  indicator: string | null;
}

export function Counterpart({ row, caseId, title, note, indicator }: CounterpartProps) {
  const { t, indicatorName } = useI18n();
  const strength = row.strength ?? 'weak';
  const dims = (row.shared_dimensions ?? []).filter((d) => d in DIMENSION_KEY);
  const facts: ReactNode[] = [];
  if (row.same_indicator === true && indicator) facts.push(t('sim.sameIndicator', { ind: indicatorName(indicator) }));
  if (dims.length) facts.push(t('sim.bothReport', { dims: dims.map((d) => t(DIMENSION_KEY[d])).join(t('sim.sep')) }));
  const terms = evidenceTerms(row);
  return (
    <div className="v-counterpart" data-strength={strength}>
      <span
        className={`v-strength v-strength-${strength}`}
        title={row.score === null ? undefined : t('sim.score', { s: row.score.toFixed(2) })}
      >
        {t(STRENGTH_KEY[strength] ?? 'sim.weak')}
      </span>
      <CaseCell caseId={caseId} title={title} note={note} />
      {terms.length > 0 && (
        <div className="v-evidence">
          <span className="v-muted">{t('sim.terms')}</span>
          <Chips items={terms} kind="term" label={t('sim.terms')} />
        </div>
      )}
      {facts.length > 0 && <div className="v-muted">{facts.map((f, i) => <span key={i}>{i > 0 ? ' · ' : ''}{f}</span>)}</div>}
    </div>
  );
}

/**
 * The counterparts of one case in one province: the strong and related ones; when there are none, "no
 * counterpart in <province>" and the weak ones behind a click.
 */
export function CounterpartList<R extends Pick<CounterpartEvidence, 'strength'>>({
  rows,
  province,
  render,
}: {
  rows: R[];
  province: string;
  render: (row: R) => ReactNode;
}) {
  const { t, provinceName } = useI18n();
  const shown = rows.filter((r) => r.strength === 'strong' || r.strength === 'related');
  const weak = rows.filter((r) => r.strength !== 'strong' && r.strength !== 'related');
  if (shown.length > 0) return <div className="v-counterparts">{shown.map(render)}</div>;
  return (
    <div className="v-counterparts" data-testid="no-counterpart">
      <p className="v-empty">{t('sim.none', { p: provinceName(province) })}</p>
      {weak.length > 0 && (
        <details className="v-weak">
          <summary>{t('sim.showWeak', { n: weak.length })}</summary>
          {weak.map(render)}
        </details>
      )}
    </div>
  );
}
