// The one filter bar for all views: province(s), indicator(s), city, level, year, batch.
// Each list is cross-filtered by the others (queries/options.ts); the selection lives in the URL.
// A list's options (with case counts) are queried only while its menu is open: six group-bys (or those of every list
// once opened) on every filter change would queue ahead of the view's own queries in DuckDB and slow the filter →
// charts path.
import { memo, useState } from 'react';
import { useSql } from '../hooks/useSql.ts';
import { useI18n, type I18n } from '../i18n/i18n.tsx';
import { filterOptionsQuery, type OptionRow } from '../queries/options.ts';
import type { DictKey } from '../i18n/dict.ts';
import { EMPTY_FILTERS, type Filters } from '../state/filters.ts';
import { updateFilters, useAppSelector } from '../state/url-state.ts';
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

const TITLES: Record<Key, DictKey> = {
  provinces: 'filter.province',
  indicators: 'filter.indicator',
  cities: 'filter.city',
  levels: 'filter.level',
  years: 'filter.year',
  batches: 'filter.batch',
};

/**
 * One filter's list. It reads its own selection from the URL (the same array while that filter is unchanged), and
 * the other filters only while its menu is open (its options are cross-filtered by them): a change of another filter
 * re-renders the lists whose menu is open, not all six.
 */
const FilterSelect = memo(function FilterSelect({ name }: { name: Key }) {
  const i18n = useI18n();
  const [open, setOpen] = useState(false);
  const selected = useAppSelector((s) => s.filters[name]) as (string | number)[];
  const filters = useAppSelector((s) => (open ? s.filters : null));
  const { data, isFetching } = useSql(filters ? filterOptionsQuery(filters, name) : null);
  return (
    <MultiSelect<string | number>
      name={name}
      label={i18n.t(TITLES[name])}
      options={open ? toOptions(name, data, i18n) : NO_OPTIONS}
      selected={selected}
      onChange={(values) => updateFilters({ [name]: values })}
      labelOf={(value) => labelFor(name, value, i18n)}
      onOpenChange={setOpen}
      loading={open && data === undefined && isFetching}
    />
  );
});

const NO_OPTIONS: Option<string | number>[] = [];
const KEYS: Key[] = ['provinces', 'indicators', 'cities', 'levels', 'years', 'batches'];

/** The bar: its lists, and "clear" while any filter is set. Reads the URL itself (App.tsx passes it nothing). */
export function FilterBar() {
  const { t } = useI18n();
  const any = useAppSelector((s) => KEYS.some((k) => s.filters[k].length > 0));
  return (
    // A labelled section: a landmark a screen reader can jump to, like the header's tabs and the view.
    <section className="filter-bar" aria-label={t('a11y.filters')}>
      {KEYS.map((key) => (
        <FilterSelect key={key} name={key} />
      ))}
      {any && (
        <button type="button" className="link clear-filters" onClick={() => updateFilters(EMPTY_FILTERS)}>
          {t('filter.clear')}
        </button>
      )}
    </section>
  );
}
