// The brief as words in the UI language: sections of paragraphs, tables and the chart, built once from the
// assembled data, so the Word file (docx.ts) and the print view (BriefPrint.tsx) say exactly the same.
import { formatChange, formatMeasureValue } from '../components/cases/measureFormat.ts';
import { placeOf, trim } from '../components/cases/values.ts';
import { documentTitle } from '../components/documents/document-title.ts';
import type { DictKey } from '../i18n/dict.ts';
import type { I18n } from '../i18n/i18n.tsx';
import type { MeasureRow, MeasureSummaryRow } from '../queries/measures.ts';
import type { BriefCase, BriefData, BriefMeasure } from './assemble.ts';

export type Block =
  | { kind: 'p'; text: string; note?: boolean }
  | { kind: 'h3'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][]; widths: number[] }
  /** A chart of the page, by its query id; `caption` under it. */
  | { kind: 'chart'; chartId: string; caption: string };

export interface Section {
  heading: string;
  blocks: Block[];
}

export interface BriefContent {
  title: string;
  subtitle: string;
  meta: string[];
  sections: Section[];
}

export type BriefI18n = Pick<I18n, 'lang' | 't' | 'unitName' | 'provinceName' | 'placeName' | 'indicatorName' | 'levelName' | 'batchName'>;

/** The filters that apply in the Compare view (it picks its own provinces and indicator), said in words. */
function filtersText(data: BriefData, i18n: BriefI18n): string {
  const { t, levelName } = i18n;
  const f = data.params.filters;
  const sep = i18n.lang === 'zh' ? '、' : ', ';
  const parts: string[] = [];
  if (f.cities.length) parts.push(`${t('filter.city')}: ${f.cities.map((c) => i18n.placeName(c)).join(sep)}`);
  if (f.levels.length) parts.push(`${t('filter.level')}: ${f.levels.map((l) => levelName(l)).join(sep)}`);
  if (f.years.length) parts.push(`${t('filter.year')}: ${f.years.join(sep)}`);
  if (f.batches.length) parts.push(`${t('filter.batch')}: ${f.batches.join(sep)}`);
  return parts.length ? parts.join('; ') : t('brief.noFilters');
}

const num = (v: unknown) => (v === null || v === undefined ? '—' : trim(Number(v)));

/** Phrases per side in the brief's measure tables; the rest are counted, not listed (the dashboard lists all). */
const PHRASES_PER_SIDE = 6;

/** The measures panel's one-line answer for a province (same dictionary sentences, same rounding). */
/** A province's summary with the unit its measures' values are in (from its rows; none without rows). */
type SummaryInUnit = MeasureSummaryRow & { unit_norm: string | null | undefined };

function summarySentence(s: SummaryInUnit | undefined, province: string, dimension: string, i18n: BriefI18n): string {
  const { t, provinceName } = i18n;
  if (!s) return t('brief.noMeasures', { p: provinceName(province) });
  const value = (v: number | null) => (v === null ? '' : formatMeasureValue(v, dimension, s.unit_norm ?? '', i18n));
  const pct = s.median_reduction_pct;
  const vars = {
    p: provinceName(province),
    after: value(s.median_after),
    n: s.n_after,
    min: value(s.min_after),
    max: value(s.max_after),
    pct: pct === null ? '' : trim(Math.round(pct * 10) / 10),
    m: s.n_reduction,
    c: s.cases,
  };
  const hasAfter = s.median_after !== null;
  if (hasAfter && pct !== null) return t('meas.sentence', vars);
  if (hasAfter) return t('meas.sentenceNoCut', vars);
  if (pct !== null) return t('meas.sentenceNoAfter', vars);
  return t('meas.sentenceNone', vars);
}

function phrases(rows: MeasureRow[], i18n: BriefI18n): string[] {
  const list = rows.slice(0, PHRASES_PER_SIDE).map((r) => {
    const change = formatChange(r, i18n);
    return change ? `${r.text}（${change}）` : r.text;
  });
  if (rows.length > PHRASES_PER_SIDE) list.push(i18n.t('brief.morePhrases', { n: rows.length - PHRASES_PER_SIDE }));
  return list;
}

/** One dimension, the two provinces side by side: the summary sentence, then the phrases behind it. */
function measureTable(m: BriefMeasure, a: string, b: string, i18n: BriefI18n): Block {
  const { t, provinceName } = i18n;
  const sides = a === b ? [a] : [a, b];
  const cols = sides.map((p) => {
    const unit = m.rows.find((r) => r.province === p)?.unit_norm;
    const summary = m.summary.find((s) => s.province === p);
    return [summarySentence(summary ? { ...summary, unit_norm: unit } : undefined, p, m.dimension, i18n), ...phrases(m.rows.filter((r) => r.province === p), i18n)];
  });
  const n = Math.max(...cols.map((c) => c.length));
  const dim = t(`meas.dim.${m.dimension}` as DictKey);
  return {
    kind: 'table',
    header: sides.map((p) => `${dim} · ${provinceName(p)}`),
    widths: sides.map(() => 100 / sides.length),
    rows: Array.from({ length: n }, (_, k) => cols.map((c) => c[k] ?? '')),
  };
}

function casesTable(cases: BriefCase[], other: string, i18n: BriefI18n): Block {
  const { t, batchName, provinceName, levelName } = i18n;
  return {
    kind: 'table',
    header: [t('brief.col.title'), t('brief.col.place'), t('brief.col.batch'), t('brief.col.key'), t('brief.col.counterpart', { p: provinceName(other) })],
    widths: [30, 12, 12, 22, 24],
    rows: cases.map(({ row, counterparts }) => [
      row.title,
      placeOf(row, '', i18n.placeName) || levelName(row.level),
      batchName(row.year, row.batch),
      row.figures.slice(0, 2).join(i18n.lang === 'zh' ? '；' : '; ') || '—',
      counterparts.length
        ? counterparts.map((c) => `${c.b_title ?? ''}（${t(c.strength === 'strong' ? 'sim.strong' : 'sim.related')}）`).join('\n')
        : t('brief.noCounterpart'),
    ]),
  };
}

export function briefContent(data: BriefData, i18n: BriefI18n): BriefContent {
  const { t, provinceName, indicatorName } = i18n;
  const { a, b } = data.params;
  const nameA = provinceName(a);
  const nameB = provinceName(b);
  const inds = data.indicators.map((i) => indicatorName(i.code)).join(i18n.lang === 'zh' ? '、' : ', ');
  const created = new Date(data.created);
  const date = i18n.lang === 'zh'
    ? `${created.getFullYear()}年${created.getMonth() + 1}月${created.getDate()}日`
    : created.toLocaleDateString('en-GB', { year: 'numeric', month: 'long', day: 'numeric' });
  const first = data.shares[0];

  const chart: Section = {
    heading: t('brief.sec.chart'),
    blocks: [
      ...(first ? [{ kind: 'p' as const, text: t('brief.totals', { a: nameA, an: num(first.a_total), b: nameB, bn: num(first.b_total) }) }] : []),
      {
        kind: 'table',
        header: [t('brief.col.indicator'), t('brief.col.casesShare', { p: nameA }), t('brief.col.casesShare', { p: nameB })],
        widths: [40, 30, 30],
        rows: data.indicators.map((i) => [
          indicatorName(i.code),
          t('brief.casesShare', { n: num(i.shares?.a_cases ?? 0), pct: num(i.shares?.a_pct ?? 0) }),
          t('brief.casesShare', { n: num(i.shares?.b_cases ?? 0), pct: num(i.shares?.b_pct ?? 0) }),
        ]),
      },
      { kind: 'chart', chartId: 'compare.shares', caption: t('brief.chartCaption') },
    ],
  };

  const measures: Section = {
    heading: t('brief.sec.measures'),
    blocks: data.indicators.flatMap((i): Block[] => [
      { kind: 'h3', text: indicatorName(i.code) },
      ...(i.measures.length === 0
        ? [{ kind: 'p' as const, text: t('meas.none'), note: true }]
        : i.measures.map((m) => measureTable(m, data.params.a, data.params.b, i18n))),
    ]),
  };

  const cases: Section = {
    heading: t('brief.sec.cases'),
    blocks: data.indicators.flatMap((i): Block[] => {
      const side = (list: BriefCase[], p: string, other: string): Block[] => [
        { kind: 'p', text: t('brief.casesOf', { p: provinceName(p), n: list.length }) },
        list.length ? casesTable(list, other, i18n) : { kind: 'p', text: t('brief.noCasesSide'), note: true },
      ];
      return [{ kind: 'h3', text: indicatorName(i.code) }, ...side(i.casesA, a, b), ...(a === b ? [] : side(i.casesB, b, a))];
    }),
  };

  const sources: Section = {
    heading: t('brief.sec.sources'),
    blocks: data.sources.length
      ? [
          {
            kind: 'table',
            header: [t('brief.col.notice'), t('brief.col.issuer'), t('brief.col.date'), t('brief.col.address')],
            widths: [42, 22, 14, 22],
            rows: data.sources.map((d) => [
              // A notice stating no title is named by issuer, year and batch, as in the dashboard.
              documentTitle(d, i18n).text,
              d.issuer || t('brief.unknown'),
              d.published || (d.year ? String(d.year) : t('brief.unknown')),
              d.url || d.source_file,
            ]),
          },
        ]
      : [{ kind: 'p', text: t('brief.noSources'), note: true }],
  };

  return {
    title: t('brief.title', { a: nameA, b: nameB }),
    subtitle: t('brief.subtitle', { inds }),
    meta: [t('brief.filters', { f: filtersText(data, i18n) }), t('brief.date', { d: date }), t('brief.basis')],
    sections: [chart, measures, cases, sources],
  };
}
