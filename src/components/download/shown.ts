// A download holds what the chart or table shows: each column's values as the UI labels them, in the UI's
// language — 福建省 / Fujian, （省级） / (province level) for a case of no city, 1.2 for a share drawn as 1.2 %,
// the indicator's name rather than its code. The rows themselves keep the data's values; this is the label layer.
import type { I18n } from '../../i18n/i18n.tsx';
import type { Row } from '../../queries/types.ts';
import type { CsvColumn } from '../csv.ts';

/** How a column's values are shown (and so downloaded). Without one, a value is downloaded as it is. */
export type ShownAs =
  | 'province'
  /** A city; a case with none is a province-level body, labelled so. */
  | 'city'
  /** Any other place (county, zone): romanised in English, '' stays ''. */
  | 'place'
  /** An indicator code, shown by its name. */
  | 'indicator'
  | 'level'
  /** A fraction (0.012) shown as a percentage with one decimal (1.2). */
  | 'percent'
  | 'unit'
  /** A batch number, shown as 第2批 / Batch 2. */
  | 'batch';

/** A column of rows `R` (a query's declared row type; plain `Row`s by default). */
export interface DownloadColumn<R extends Row = Row> extends CsvColumn {
  shown?: ShownAs;
  /** The shown value when it is made of several fields (a place "Xiamen · Siming District"); wins over `shown`. */
  value?: (row: R, i18n: I18n) => unknown;
}

export function shownValue(value: unknown, shown: ShownAs | undefined, i18n: I18n): unknown {
  if (!shown) return value;
  const text = value === null || value === undefined ? '' : String(value);
  switch (shown) {
    case 'province':
      return text ? i18n.provinceName(text) : '';
    case 'city':
      return text ? i18n.placeName(text) : i18n.t('level.none');
    case 'place':
      return i18n.placeName(text);
    case 'indicator':
      return text ? i18n.indicatorName(text) : '';
    case 'level':
      return text ? i18n.levelName(text) : '';
    case 'percent':
      return value === null || value === undefined || value === '' ? null : Math.round(Number(value) * 1000) / 10;
    case 'unit':
      return i18n.unitName(text);
    case 'batch':
      return value === null || value === undefined ? '' : i18n.batchName(null, Number(value));
  }
}

/** The rows as shown: one object per row with each column's shown value under its key. */
export function shownRows<R extends Row>(rows: readonly R[], columns: readonly DownloadColumn<R>[], i18n: I18n): Row[] {
  return rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, c.value ? c.value(row, i18n) : shownValue(row[c.key], c.shown, i18n)])));
}
