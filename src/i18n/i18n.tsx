// Language context: t(key), and names of indicators / provinces / levels in the UI language.
// Indicator names come from the ingest's taxonomy (ingest/indicators.ts), the constant the `indicators`
// table is written from: one source, known before any query, so a filter chip or a URL-chosen indicator
// never shows a code like `getting_electricity`.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { INDICATORS } from '../ingest/indicators.ts';
import type { Lang } from '../state/filters.ts';
import { DICT, PROVINCE_EN, type DictKey } from './dict.ts';

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
  levelName: (level: string | null | undefined) => string;
  batchName: (year: number | null | undefined, batch: number | null | undefined) => string;
  /** The taxonomy in its sort order. */
  indicators: IndicatorInfo[];
  /** Collator for sorting labels in the UI language (no ICU in DuckDB-wasm). */
  collator: Intl.Collator;
}

export function translate(lang: Lang, key: DictKey, vars?: Record<string, string | number>): string {
  const entry = DICT[key] as { zh: string; en: string } | undefined;
  let text = entry ? entry[lang] : key;
  if (vars) for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

export function makeI18n(lang: Lang, indicators: IndicatorInfo[]): I18n {
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
      return lang === 'en' ? (PROVINCE_EN[name] ?? name) : name;
    },
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
  const value = useMemo(() => makeI18n(lang, INDICATORS), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
