// Language context: t(key), and names of indicators / provinces / levels in the UI language.
// Indicator names come from the ingest's taxonomy (ingest/indicators.ts), the constant the `indicators`
// table is written from: one source, known before any query, so a filter chip or a URL-chosen indicator
// never shows a code like `getting_electricity`.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { INDICATORS } from '../ingest/indicators.ts';
import type { Lang } from '../state/filters.ts';
import { DICT, PROVINCE_EN, type DictKey } from './dict.ts';
import { unitName } from './units.ts';

/** Place name → English (places.ts, loaded only in English). */
export type Romanise = (name: string) => string;

export interface IndicatorInfo {
  code: string;
  name_zh: string;
  name_en: string;
  sort: number;
}

export interface I18n {
  lang: Lang;
  /** A UI string; `{name}` placeholders are filled from `vars`. */
  t: (key: DictKey, vars?: Record<string, string | number>) => string;
  indicatorName: (code: string | null | undefined) => string;
  provinceName: (name: string | null | undefined) => string;
  /** A city, county or zone (or province) as shown: 厦门市 in Chinese, Xiamen in English. '' stays ''. */
  placeName: (name: string | null | undefined) => string;
  /** A count with the language's digit grouping: 1,441 (what every view shows a row or case count as). */
  count: (n: number) => string;
  /** A figure's unit as shown: 万元 / 10k yuan. */
  unitName: (unit: string | null | undefined) => string;
  levelName: (level: string | null | undefined) => string;
  batchName: (year: number | null | undefined, batch: number | null | undefined) => string;
  /** The taxonomy in its sort order. */
  indicators: IndicatorInfo[];
  /** Collator for sorting labels in the UI language (no ICU in DuckDB-wasm). */
  collator: Intl.Collator;
}

// Built once per language: toLocaleString builds a formatter on each call.
const COUNT_FORMATS: Record<Lang, Intl.NumberFormat> = { zh: new Intl.NumberFormat('zh-CN'), en: new Intl.NumberFormat('en') };

export function translate(lang: Lang, key: DictKey, vars?: Record<string, string | number>): string {
  const entry = DICT[key] as { zh: string; en: string } | undefined;
  let text = entry ? entry[lang] : key;
  if (vars) for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

/**
 * `romanise` gives place names in English (places.ts); until it has loaded, an English page shows the
 * provinces' English names and the other places as written.
 */
export function makeI18n(lang: Lang, indicators: IndicatorInfo[], romanise?: Romanise): I18n {
  const english = (name: string) => PROVINCE_EN[name] ?? romanise?.(name) ?? name;
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const t = (key: DictKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
  return {
    lang,
    t,
    indicators,
    collator: new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en'),
    indicatorName: (code) => {
      if (!code) return '—';
      const info = byCode.get(code);
      if (!info) return code;
      return lang === 'zh' ? info.name_zh : info.name_en;
    },
    provinceName: (name) => {
      if (!name) return '—';
      return lang === 'en' ? english(name) : name;
    },
    placeName: (name) => {
      if (!name) return '';
      return lang === 'en' ? english(name) : name;
    },
    count: (n) => COUNT_FORMATS[lang].format(n),
    unitName: (unit) => unitName(unit, lang),
    levelName: (level) => {
      if (level === 'province' || level === 'city' || level === 'county') return t(`level.${level}`);
      return level ?? '—';
    },
    batchName: (year, batch) => {
      const b = batch === null || batch === undefined ? t('batch.unknown') : t('batch.n', { n: batch });
      return year ? `${year} ${b}` : b;
    },
  };
}

const I18nContext = createContext<I18n>(makeI18n('zh', INDICATORS));

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  // English place names need pinyin-pro: loaded the first time the UI is in English.
  const [romanise, setRomanise] = useState<Romanise | undefined>(undefined);
  useEffect(() => {
    if (lang !== 'en' || romanise) return;
    let live = true;
    import('./places.ts').then((m) => live && setRomanise(() => m.placeNameEn), () => undefined);
    return () => {
      live = false;
    };
  }, [lang, romanise]);
  const value = useMemo(() => makeI18n(lang, INDICATORS, romanise), [lang, romanise]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
