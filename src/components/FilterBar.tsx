// The one filter bar for all views: province(s), indicator(s), city, level, year, batch.
// Each list is cross-filtered by the others (queries/options.ts); the selection lives in the URL.
// A list's options (with case counts) are queried only once its menu has been opened: six group-bys on
// every filter change would queue ahead of the view's own queries in DuckDB and slow the filter → charts path.
import { useState } from 'react';
import { useSql } from '../hooks/useSql.ts';
import { useI18n, type I18n } from '../i18n/i18n.tsx';
import { filterOptionsQuery, type OptionRow } from '../queries/options.ts';
import type { Filters } from '../state/filters.ts';
import { EMPTY_FILTERS } from '../state/filters.ts';
import { MultiSelect, type Option } from './MultiSelect.tsx';

type Key = keyof Filters;

function labelFor(key: Key, value: string | number, i18n: I18n): string {
  switch (key) {
    case 'provinces':
      return i18n.provinceName(String(value));
    case 'indicators':
      return i18n.indicatorName(String(value));
    case 'cities':
      return i18n.placeName(String(value));
    case 'levels':
      return i18n.levelName(String(value));
    case 'batches':
      return i18n.batchName(null, Number(value));
    default:
      return String(value);
  }
}

function toOptions(key: Key, rows: OptionRow[] | undefined, i18n: I18n): Option<string | number>[] {
  const options = (rows ?? []).map((r) => {
    const value = key === 'years' || key === 'batches' ? Number(r.value) : String(r.value);
    return { value, label: labelFor(key, value, i18n), count: r.n };
  });
  if (key === 'years' || key === 'batches') return options.sort((a, b) => Number(a.value) - Number(b.value));
  if (key === 'indicators') {
    const order = new Map(i18n.indicators.map((ind, i) => [ind.code, i]));
    return options.sort((a, b) => (order.get(String(a.value)) ?? 99) - (order.get(String(b.value)) ?? 99));
  }
  if (key === 'levels') {
    const order = ['province', 'city', 'county'];
    return options.sort((a, b) => order.indexOf(String(a.value)) - order.indexOf(String(b.value)));
  }
  return options; // by count, as the query orders them
}

function FilterSelect({ name, filters, onChange }: { name: Key; filters: Filters; onChange: (f: Filters) => void }) {
  const i18n = useI18n();
  const [opened, setOpened] = useState(false);
  const { data, isFetching } = useSql(opened ? filterOptionsQuery(filters, name) : null);
  const titles: Record<Key, Parameters<I18n['t']>[0]> = {
    provinces: 'filter.province',
    indicators: 'filter.indicator',
    cities: 'filter.city',
    levels: 'filter.level',
    years: 'filter.year',
    batches: 'filter.batch',
  };
  return (
    <MultiSelect<string | number>
      name={name}
      label={i18n.t(titles[name])}
      options={toOptions(name, data, i18n)}
      selected={filters[name] as (string | number)[]}
      onChange={(values) => onChange({ ...filters, [name]: values })}
      labelOf={(value) => labelFor(name, value, i18n)}
      onOpen={() => setOpened(true)}
      loading={opened && data === undefined && isFetching}
    />
  );
}

const KEYS: Key[] = ['provinces', 'indicators', 'cities', 'levels', 'years', 'batches'];

export function FilterBar({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
  const { t } = useI18n();
  const any = KEYS.some((k) => filters[k].length > 0);
  return (
    <div className="filter-bar" role="group" aria-label={t('a11y.filters')}>
      {KEYS.map((key) => (
        <FilterSelect key={key} name={key} filters={filters} onChange={onChange} />
      ))}
      {any && (
        <button type="button" className="link clear-filters" onClick={() => onChange(EMPTY_FILTERS)}>
          {t('filter.clear')}
        </button>
      )}
    </div>
  );
}
