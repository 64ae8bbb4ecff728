// Cases: a searchable, sortable, paged table. Search matches traditional and simplified alike (the
// query converts the term), over titles and texts; matches are marked with <mark> React elements.
import { DataTable } from '../../components/DataTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { CaseLink } from '../../components/cases/CaseLink.tsx';
import { Highlighted } from '../../components/cases/Highlighted.tsx';
import { SearchBox } from '../../components/cases/SearchBox.tsx';
import '../views.css';
import { placeOf } from '../../components/cases/values.ts';
import { useEffect, useMemo, useState } from 'react';
import { isCurrent, startSql } from '../../hooks/useSql.ts';
import { useSavedBackgroundRows, useSnapshotHolds, useSnapshotSql } from '../../hooks/useSnapshotSql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { casesListCandidates, casesListPageFromCandidates } from '../../queries/case-page-candidates.ts';
import { isDefaultOrder, loadSimplify, PAGE_SIZE, searchCases, searchTerms, simplifyIfLoaded, type Simplify } from '../../queries/cases.ts';
import { CASES_READ_AHEAD_FILE, unfiltered, VIEW_SNAPSHOT_FILES } from '../../queries/snapshot.ts';
import type { ViewProps } from '../types.ts';

/**
 * The traditional → simplified converter, loaded the first time a search term is typed (its dictionaries
 * are large and only a search needs them); null until then.
 */
function useSimplify(needed: boolean): Simplify | null {
  const [convert, setConvert] = useState<Simplify | null>(() => simplifyIfLoaded());
  useEffect(() => {
    if (!needed || convert) return;
    let live = true;
    loadSimplify().then((f) => live && setConvert(() => f), (error: unknown) => console.warn('converter not loaded:', error));
    return () => {
      live = false;
    };
  }, [needed, convert]);
  return convert;
}

/**
 * Above this many cases the list's candidates take about a second of DuckDB-wasm's worker (1M cases: 4.8 MB of rows
 * scattered over the table), longer than a year or level change asked (its page picked by key, a few tens of ms):
 * the view then asks per change instead of reading ahead — unless they are saved (CASES_READ_AHEAD_FILE) and stand.
 */
const READ_AHEAD_MAX_CASES = 200_000;

export function CasesView({ state, update }: ViewProps) {
  const { t, placeName, levelName, batchName } = useI18n();
  const searching = state.search.trim() !== '';
  const simplify = useSimplify(searching);
  // A typed term waits for the converter (so 營商 finds 营商) rather than query with the raw term first.
  const waiting = searching && !simplify;
  const query = searchCases({ filters: state.filters, search: state.search, sort: state.sort, page: state.page, simplify });
  // The first page without a search term in the default order (the view as it opens and after a year or level
  // change) summed in memory from each (level, year) cell's first cases, read once in the background after the
  // view's first answer with no filter — from its saved answer (CASES_READ_AHEAD_FILE) when it stands, else asked of DuckDB if the
  // list counts at most READ_AHEAD_MAX_CASES (case-page-candidates.ts): a year or level change then asks nothing. Not while they are re-read (a workspace change invalidates every
  // answer): the rows held may be of the data before it.
  const listFirst = !searching && state.page === 0 && isDefaultOrder(state.sort);
  const [readAhead, setReadAhead] = useState(false);
  const listCandidates = useMemo(() => casesListCandidates(), []);
  const candidates = useSavedBackgroundRows(readAhead ? listCandidates : null, CASES_READ_AHEAD_FILE);
  const summed = useMemo(
    () => (candidates && listFirst ? casesListPageFromCandidates(candidates, state.filters) : null),
    [candidates, listFirst, state.filters],
  );
  // Saved at export: the first page in the default order with no filter and no search (another page or order is
  // not in the file: DuckDB answers it).
  const snapshotFile = unfiltered(state.filters) && !searching ? VIEW_SNAPSHOT_FILES.cases : null;
  // Otherwise the page is asked, started at once from this render (the worker answers it while React commits) —
  // unless the file may answer it (useSnapshotSql then decides whether DuckDB is asked at all).
  const asking = !waiting && !summed;
  if (asking && !snapshotFile) startSql(query);
  const result = useSnapshotSql(asking ? query : null, snapshotFile);
  const allCases = !searching && unfiltered(state.filters) && result.data && isCurrent(result) ? (result.data[0]?.total ?? 0) : null;
  const candidatesSaved = useSnapshotHolds(listCandidates, allCases !== null ? CASES_READ_AHEAD_FILE : null);
  if (!readAhead && allCases !== null && (candidatesSaved || allCases <= READ_AHEAD_MAX_CASES)) setReadAhead(true);
  // Asked (another page or order, a province): until its answer the page drawn stays on screen — not the rows the
  // query kept as a placeholder, which may be of a state before the summed ones. A new search term waits for its
  // answer instead: the rows drawn for another term (or none) are no matches of this one.
  const [drawn, setDrawn] = useState({ rows: summed ?? result.data, search: state.search });
  const rows = summed ?? (isCurrent(result) ? result.data : drawn.search === state.search ? drawn.rows : undefined);
  if (rows !== drawn.rows || state.search !== drawn.search) setDrawn({ rows, search: state.search });
  const status = summed ? 'success' : result.status;
  const total = rows && rows.length > 0 ? rows[0].total : 0;
  const terms = searchTerms(state.search, simplify);
  // Also mark the term as typed, for a title_original hit the converter would miss.
  const marks = [terms, state.search.split(/\s+/).filter(Boolean)];

  return (
    <div className="v-view" data-testid="cases-view">
      <div className="v-toolbar">
        <SearchBox
          value={state.search}
          placeholder={t('cases.search')}
          clearLabel={t('cases.clear')}
          onSearch={(search) => update({ search }, { replace: true })}
        />
        {rows && <span className="v-muted" data-testid="case-count">{t('cases.found', { n: total })}</span>}
      </div>
      {rows && rows.length === 0 ? (
        <p className="v-empty" data-testid="cases-empty">
          {t('cases.none')}{' '}
          {state.page > 0 && (
            <button type="button" className="v-linkish" onClick={() => update({ page: 0 })}>
              {t('table.prev')}
            </button>
          )}
        </p>
      ) : (
      <QueryState status={status} error={summed ? null : result.error} rows={rows}>
        {(page) => (
          <DataTable
            id="cases.search"
            title={t('view.cases')}
            rows={page}
            query={query}
            total={total}
            page={state.page}
            pageSize={PAGE_SIZE}
            onPage={(p) => update({ page: p })}
            sort={state.sort}
            onSort={(sort) => update({ sort })}
            columns={[
              {
                key: 'title',
                header: t('col.title'),
                width: 560,
                render: (r) => (
                  <div>
                    <CaseLink caseId={r.case_id}>
                      <Highlighted text={r.title} groups={marks} classes={['v-mark-hit', 'v-mark-hit']} />
                    </CaseLink>
                    {r.snippet ? (
                      <div className="v-snippet">
                        …<Highlighted text={r.snippet} groups={marks} classes={['v-mark-hit', 'v-mark-hit']} />…
                      </div>
                    ) : null}
                  </div>
                ),
              },
              { key: 'province', header: t('col.province'), shown: 'province' },
              { key: 'city', header: t('col.place'), value: (r) => placeOf(r, '', placeName) || levelName(r.level) },
              { key: 'indicator', header: t('col.indicator'), shown: 'indicator' },
              { key: 'year', header: t('col.period'), value: (r) => batchName(r.year, r.batch) },
              { key: 'figures', header: t('col.figureCount'), numeric: true },
              { key: 'case_id', header: t('col.caseId') },
            ]}
          />
        )}
      </QueryState>
      )}
    </div>
  );
}
