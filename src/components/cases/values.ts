// Small readers of query rows for the views (rows are plain JS values, see db/arrow-rows.ts).
import type { Row } from '../../queries/types.ts';

/** A list column as strings ([] for null). */
export function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(String);
  return [];
}

export function str(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** "福州市 · 鼓楼区" or '' (province level); `name` shows each part in the UI language (i18n.placeName). */
export function placeOf(row: Row, prefix = '', name: (place: string) => string = (p) => p): string {
  return [row[`${prefix}city`], row[`${prefix}county`]]
    .filter((v) => v !== null && v !== undefined && v !== '')
    .map((v) => name(String(v)))
    .join(' · ');
}

/**
 * Where a case is from in one line: its city and county (placeOf), or — a province-level case, which has neither —
 * its province, so that a case shown among others' (a counterpart) never stands without a place.
 */
export function placeOrProvince(row: Row, prefix: string, province: string | null | undefined, names: { placeName: (p: string) => string; provinceName: (p: string) => string }): string {
  return placeOf(row, prefix, names.placeName) || (province ? names.provinceName(province) : '');
}

/** A province or city without its kind (福建省 → 福建, 厦门市 → 厦门), as titles also write them; null if none is left. */
function shortName(name: string): string | null {
  const short = name.replace(/[省市]$/u, '');
  return short.length >= 2 && short !== name ? short : null;
}

/**
 * The title without the places of its case it starts with (its province, its city, in full or without 省 / 市):
 * 厦门市创新构建… of a 厦门市 case is 创新构建…, so that the label, which names the place first, names it once.
 */
export function titleAfterPlace(title: string, places: (string | null)[]): string {
  const names = places.filter((p): p is string => Boolean(p)).flatMap((p) => [p, shortName(p)]).filter((n): n is string => n !== null);
  let rest = title;
  for (;;) {
    // The full name before the short one (厦门市, not 厦门 leaving 市); a title that is only the place keeps it.
    const name = names.find((n) => rest.startsWith(n));
    if (name === undefined || name.length === rest.length) return rest;
    rest = rest.slice(name.length);
  }
}

/** Money in 万元 as a short label: 1.2亿元 / 350万元 in Chinese, 1.2bn / 120M / 500k yuan in English. */
export function formatWan(wan: number, lang: 'zh' | 'en' = 'zh'): string {
  if (lang === 'en') {
    if (Math.abs(wan) >= 100_000) return `${trim(wan / 100_000)}bn yuan`;
    return Math.abs(wan) >= 100 ? `${trim(wan / 100)}M yuan` : `${trim(wan * 10)}k yuan`;
  }
  if (Math.abs(wan) >= 10_000) return `${trim(wan / 10_000)}亿元`;
  return `${trim(wan)}万元`;
}

// One formatter for every call: toLocaleString with options builds a new one each time, and a filter change
// formats thousands of chart labels (it was the largest single function in a profile of the Indicator view).
const TWO_DECIMALS = new Intl.NumberFormat('en', { maximumFractionDigits: 2, useGrouping: false });

export function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : TWO_DECIMALS.format(n);
}

const GROUPED = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** `trim` with thousands separators, for a label read at a glance (1,400,000 rather than 1400000). */
export function grouped(n: number): string {
  return GROUPED.format(n);
}

/** Cut a label for a chart axis (full text stays in the tooltip and the CSV). */
export function shorten(text: string, max = 18): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
