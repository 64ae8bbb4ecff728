// A list of cases (indicator view): title linking to the case page, province, place, year/batch,
// key figures. One page at a time: `rows` is the page the query read, `total` the list's length (at national
// scale an indicator has tens of thousands of cases, so paging is done in SQL).
import { DataTable } from '../DataTable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { CaseListRow } from '../../queries/cases.ts';
import type { NamedQuery } from '../../queries/types.ts';
import { CaseLink } from './CaseLink.tsx';
import { Chips } from './Chips.tsx';
import { placeOf } from './values.ts';

export interface CaseTableProps {
  id: string;
  /** The table's title (its downloads and SQL dialog are named after it). */
  title: string;
  rows: CaseListRow[];
  query: NamedQuery<CaseListRow>;
  total: number;
  page: number;
  onPage: (page: number) => void;
}

export function CaseTable({ id, title, rows, query, total, page, onPage }: CaseTableProps) {
  const { t, placeName, levelName, batchName } = useI18n();
  return (
    <DataTable
      id={id}
      title={title}
      rows={rows}
      query={query}
      total={total}
      page={page}
      onPage={onPage}
      columns={[
        {
          key: 'title',
          header: t('col.title'),
          width: 460,
          render: (r) => (
            <CaseLink caseId={r.case_id}>
              {r.title}
            </CaseLink>
          ),
        },
        { key: 'province', header: t('col.province'), shown: 'province' },
        { key: 'city', header: t('col.place'), value: (r) => placeOf(r, '', placeName) || levelName(r.level) },
        { key: 'year', header: t('col.period'), value: (r) => batchName(r.year, r.batch) },
        {
          key: 'figures',
          header: t('col.figures'),
          width: 320,
          render: (r) => <Chips items={r.figures} kind="fig" />,
        },
        { key: 'case_id', header: t('col.caseId') },
      ]}
    />
  );
}
