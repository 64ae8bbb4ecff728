// The case page: place, indicator (source, alternatives, deciding terms), the three parts with the
// figures marked, the published original on demand, flags (missing body, repairs, duplicate of …),
// and similar cases of other provinces and of its own. Document text is rendered as text only.
import { useEffect, useState } from 'react';
import { QueryState } from '../../components/QueryState.tsx';
import { CaseLink } from '../../components/cases/CaseLink.tsx';
import { Chips } from '../../components/cases/Chips.tsx';
import { Highlighted } from '../../components/cases/Highlighted.tsx';
import { SimilarList } from '../../components/cases/SimilarList.tsx';
import { DocumentTitle, safeSourceUrl } from '../../components/documents/DocumentTitle.tsx';
import type { DocumentNaming } from '../../components/documents/document-title.ts';
import type { DocumentRow } from '../../ingest/types.ts';
import { RelabelControl } from '../../components/labels/RelabelControl.tsx';
import '../views.css';
import { formatChange } from '../../components/cases/measureFormat.ts';
import { trim } from '../../components/cases/values.ts';
import { useSql } from '../../hooks/useSql.ts';
import { flagKey, type DictKey } from '../../i18n/dict.ts';
import { caseMeasures } from '../../queries/measures.ts';
import { useI18n, type I18n } from '../../i18n/i18n.tsx';
import { caseDetail, caseDuplicates, caseFigures, caseSimilar, loadSimplify, searchTerms, type CaseDetailRow, type CaseFigureRow, type Simplify } from '../../queries/cases.ts';
import { canGoBack } from '../../state/url-state.ts';
import type { ViewProps } from '../types.ts';

const PARTS = ['background', 'measures', 'outcomes'] as const;

/** The case's document (the doc_* columns of caseDetail) as DocumentTitle reads a documents row. */
function documentOf(c: CaseDetailRow): DocumentNaming & Pick<DocumentRow, 'source_url'> {
  return {
    title: c.doc_title, issuer: c.doc_issuer,
    province: c.doc_province, year: c.doc_year, batch: c.doc_batch, source_url: c.doc_source_url,
  };
}

const KINDS = ['duration', 'money', 'count', 'percent', 'other'];

/** Tooltip of a marked figure: its kind and normalised value (before → after where given), in the UI language. */
function figureTitle(f: CaseFigureRow, i18n: I18n): string {
  const unit = i18n.unitName(f.unit_norm);
  const norm = `${trim(f.value_norm)} ${unit}`.trim();
  const change = f.before_value !== null ? ` (${trim(f.before_value)} → ${trim(f.after_value ?? 0)} ${unit})` : '';
  const kind = KINDS.includes(f.kind) ? i18n.t(`kind.${f.kind}` as DictKey) : f.kind;
  return `${kind}${i18n.t('text.colon')}${norm}${change}`;
}

export function CaseView({ state, update }: ViewProps) {
  const { t } = useI18n();
  const caseId = state.caseId;
  const back = (
    <div className="v-links">
      <a
        href="?view=cases"
        data-testid="case-back"
        onClick={(e) => {
          e.preventDefault();
          // Back where the analyst came from (Compare, Indicator, a similar case …); opened from a link: the list.
          if (canGoBack()) window.history.back();
          else update({ view: 'cases', caseId: null });
        }}
      >
        {canGoBack() ? t('nav.back') : t('case.back')}
      </a>
    </div>
  );
  if (!caseId) {
    return (
      <div className="v-view">
        {back}
        <p className="v-empty">{t('case.none')}</p>
      </div>
    );
  }
  return (
    <div className="v-view" data-testid="case-view">
      {back}
      <CaseBody key={caseId} caseId={caseId} state={state} update={update} />
    </div>
  );
}

function CaseBody({ caseId, state, update }: ViewProps & { caseId: string }) {
  const i18n = useI18n();
  const { t, provinceName, placeName, levelName, batchName, indicatorName } = i18n;
  const [showOriginal, setShowOriginal] = useState(false);
  const detail = useSql(caseDetail(caseId));
  const figures = useSql(caseFigures(caseId));
  const measures = useSql(caseMeasures(caseId));
  const similar = useSql(caseSimilar(caseId));
  const duplicates = useSql(caseDuplicates(caseId));
  // A link that carries a search highlights it here too: load the converter when there is one.
  const [convert, setConvert] = useState<Simplify | null>(null);
  useEffect(() => {
    if (!state.search) return;
    let live = true;
    loadSimplify().then((f) => live && setConvert(() => f), () => undefined);
    return () => {
      live = false;
    };
  }, [state.search]);
  const hits = searchTerms(state.search, convert ?? undefined);

  if (detail.data && detail.data.length === 0) return <p className="v-empty">{t('case.notFound', { id: caseId })}</p>;
  return (
    <QueryState result={detail}>
      {([c]) => {
        const figs = figures.data ?? [];
        const titleOf = new Map(figs.map((f) => [f.text, figureTitle(f, i18n)]));
        const flags = c.flags;
        const sourceKey = `case.source.${c.indicator_source}`;
        const similarRows = similar.data ?? [];
        return (
          <>
            <header className="v-case-head">
              <h2 data-testid="case-title">{c.title}</h2>
              {c.title_original !== c.title && <div className="v-muted">{c.title_original}</div>}
              <div className="v-muted">{c.case_id}</div>
            </header>

            <div className="v-grid2">
              <section className="v-panel">
                <h3>{t('case.place')}</h3>
                <dl className="v-facts">
                  <dt>{t('case.province')}</dt>
                  <dd>{provinceName(c.province)}</dd>
                  <dt>{t('case.city')}</dt>
                  <dd>{placeName(c.city) || '—'}</dd>
                  <dt>{t('case.county')}</dt>
                  <dd>{placeName(c.county) || '—'}</dd>
                  <dt>{t('case.level')}</dt>
                  <dd>{levelName(c.level)}</dd>
                  <dt>{t('case.agency')}</dt>
                  <dd>{c.agency || '—'}</dd>
                  <dt>{t('case.document')}</dt>
                  <dd data-testid="case-document">
                    {/* The notice by its title, linked to where it was published when that is recorded. */}
                    <DocumentTitle doc={documentOf(c)} />
                    <div className="v-muted">
                      {[c.doc_issuer, c.doc_published, batchName(c.year, c.batch)]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                    <div className="v-muted" data-testid="case-source-url">
                      {t('doc.source')}
                      {t('text.colon')}
                      {safeSourceUrl(c.doc_source_url) ? (
                        <a href={safeSourceUrl(c.doc_source_url)!} target="_blank" rel="noopener noreferrer" className="break-all">
                          {c.doc_source_url}
                        </a>
                      ) : (
                        t('doc.noSource')
                      )}
                    </div>
                  </dd>
                </dl>
              </section>
              <section className="v-panel">
                <h3>{t('case.indicator')}</h3>
                <dl className="v-facts">
                  <dt>{t('case.indicator')}</dt>
                  <dd data-testid="case-indicator">{indicatorName(c.indicator)}</dd>
                  <dt>{t('case.source')}</dt>
                  <dd>{sourceKey in { 'case.source.document': 1, 'case.source.classifier': 1, 'case.source.analyst': 1 } ? t(sourceKey as DictKey) : c.indicator_source}</dd>
                  <dt>{t('case.alts')}</dt>
                  <dd>{c.indicator_alts.map((code) => indicatorName(code)).join('、') || '—'}</dd>
                  <dt>{t('case.evidence')}</dt>
                  <dd>
                    <Chips items={c.indicator_evidence} kind="term" />
                  </dd>
                </dl>
                <div className="v-links" style={{ marginTop: 8 }}>
                  <button type="button" className="v-linkish" onClick={() => update({ view: 'indicator', indicator: c.indicator })}>
                    {t('case.toIndicator')}
                  </button>
                  <button
                    type="button"
                    className="v-linkish"
                    onClick={() =>
                      update({
                        view: 'compare',
                        indicator: c.indicator,
                        ...(c.province && c.province !== state.compareA && c.province !== state.compareB ? { compareA: c.province } : {}),
                      })
                    }
                  >
                    {t('case.toCompare')}
                  </button>
                </div>
                {/* The analyst re-files the case (labels overlay the cases view) */}
                <RelabelControl caseId={caseId} indicator={c.indicator} original={c.indicator_original || null} />
              </section>
            </div>

            {(flags.length > 0 || c.duplicate_of || (duplicates.data?.length ?? 0) > 0) && (
              <section className="v-panel" data-testid="case-flags">
                <h3>{t('case.flags')}</h3>
                <ul className="v-flags">
                  {flags.map((flag) => {
                    const key = flagKey(flag);
                    return (
                      <li key={flag} className="v-flag-warn" data-flag={flag}>
                        {key ? t(key) : flag}
                      </li>
                    );
                  })}
                  {c.duplicate_of ? (
                    <li className="v-flag-warn" data-flag="duplicate">
                      {t('case.duplicateOf', { id: c.duplicate_of })}{' '}
                      <CaseLink caseId={c.duplicate_of}>
                        {c.duplicate_of_title || c.duplicate_of}
                      </CaseLink>
                    </li>
                  ) : null}
                  {(duplicates.data?.length ?? 0) > 0 && (
                    <li>
                      {t('case.duplicates')}{' '}
                      {duplicates.data!.map((d, i) => (
                        <span key={d.case_id}>
                          {i > 0 && '、'}
                          <CaseLink caseId={d.case_id}>
                            {d.case_id}
                          </CaseLink>
                        </span>
                      ))}
                    </li>
                  )}
                </ul>
              </section>
            )}

            {(measures.data?.length ?? 0) > 0 && (
              <section className="v-panel" data-testid="case-measures">
                <h3>{t('meas.caseTitle')}</h3>
                <ul className="v-measure-items">
                  {measures.data!.map((m) => (
                    <li key={m.metric_id} data-dimension={m.dimension}>
                      <span className="v-chip">{t(`meas.dim.${m.dimension}` as DictKey)}</span> <q>{m.text}</q>
                      {formatChange(m, i18n) && <strong className="v-measure-change"> {formatChange(m, i18n)}</strong>}
                    </li>
                  ))}
                </ul>
              </section>
            )}

            <section className="v-panel">
              {figs.length > 0 && <p className="v-muted">{t('case.figuresNote')}</p>}
              {/* A case the notice only lists (a table of cases) has no text: said once, not as three empty parts. */}
              {!c.has_body && (
                <p className="v-empty" data-testid="case-no-text">
                  {t('case.noText')}
                </p>
              )}
              {c.has_body && PARTS.map((part) => {
                const terms = figs.filter((f) => f.section === part).map((f) => f.text);
                return (
                  <div key={part} style={{ marginBottom: 12 }}>
                    <h3>{t(`case.${part}`)}</h3>
                    {c[part] ? (
                      <p className="v-part" data-part={part}>
                        <Highlighted text={c[part]} groups={[terms, hits]} titleOf={(piece, g) => (g === 0 ? titleOf.get(piece) : undefined)} />
                      </p>
                    ) : (
                      <p className="v-empty">{t('case.empty')}</p>
                    )}
                  </div>
                );
              })}
              {Boolean(c.body_original || c.title_original) && (
                <div>
                  <button type="button" className="tool" aria-expanded={showOriginal} onClick={() => setShowOriginal(!showOriginal)}>
                    {showOriginal ? t('case.hideOriginal') : t('case.original')}
                  </button>
                  {showOriginal && (
                    <pre className="v-original" data-testid="case-original">
                      {c.title_original}
                      {'\n\n'}
                      {c.body_original}
                    </pre>
                  )}
                </div>
              )}
            </section>

            <div className="v-view">
              <section className="v-panel">
                <h3>{t('case.similarOther')}</h3>
                {similar.data ? (
                  <SimilarList rows={similarRows.filter((r) => !r.same_province)} testId="similar-other" />
                ) : (
                  <p className="v-muted">{similar.error?.message ?? '…'}</p>
                )}
              </section>
              <section className="v-panel">
                <h3>{t('case.similarOwn')}</h3>
                {similar.data ? (
                  <SimilarList rows={similarRows.filter((r) => r.same_province)} testId="similar-own" />
                ) : (
                  <p className="v-muted">{similar.error?.message ?? '…'}</p>
                )}
              </section>
            </div>
          </>
        );
      }}
    </QueryState>
  );
}
