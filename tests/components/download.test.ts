// The label layer of downloads (src/components/download/shown.ts, about.ts, png.ts's wrapping): a download
// says what the chart says, in the UI's language.
import { describe, expect, it } from 'vitest';
import { describeFilters, documentLine } from '../../src/components/download/about.ts';
import { wrapText } from '../../src/components/download/png.ts';
import { shownRows } from '../../src/components/download/shown.ts';
import { documentTitle } from '../../src/components/documents/document-title.ts';
import { makeI18n } from '../../src/i18n/i18n.tsx';
import { placeNameEn } from '../../src/i18n/places.ts';
import { INDICATORS } from '../../src/ingest/indicators.ts';
import { EMPTY_FILTERS } from '../../src/state/filters.ts';

const zh = makeI18n('zh', INDICATORS);
const en = makeI18n('en', INDICATORS, placeNameEn);
const columns = [
  { key: 'province', header: 'p', shown: 'province' as const },
  { key: 'city', header: 'c', shown: 'city' as const },
  { key: 'indicator', header: 'i', shown: 'indicator' as const },
  { key: 'share', header: 's', shown: 'percent' as const },
  { key: 'unit', header: 'u', shown: 'unit' as const },
  { key: 'cases', header: 'n' },
];
const rows = [
  { province: '福建省', city: '厦门市', indicator: 'electricity', share: 0.012, unit: '个工作日', cases: 3 },
  { province: '陕西省', city: null, indicator: 'tax', share: 0.2083, unit: '万元', cases: 5 },
];

describe('shownRows', () => {
  it('labels values as the chart does: （省级） for no city, a share in percent with one decimal, names for codes', () => {
    expect(shownRows(rows, columns, zh)).toEqual([
      { province: '福建省', city: '厦门市', indicator: '获得电力', share: 1.2, unit: '个工作日', cases: 3 },
      { province: '陕西省', city: '（省级）', indicator: '纳税', share: 20.8, unit: '万元', cases: 5 },
    ]);
  });

  it('in English: places romanised, indicator names and units in English, numbers untouched', () => {
    expect(shownRows(rows, columns, en)).toEqual([
      { province: 'Fujian', city: 'Xiamen', indicator: 'Getting electricity', share: 1.2, unit: 'working days', cases: 3 },
      { province: 'Shaanxi', city: '(province level)', indicator: 'Paying taxes', share: 20.8, unit: '10k yuan', cases: 5 },
    ]);
  });
});

describe('what a download says about itself', () => {
  it('names every filter set, by the names the filter bar shows, or says there is none', () => {
    expect(describeFilters(EMPTY_FILTERS, zh)).toBe('无（全部数据）');
    expect(describeFilters(null, en)).toBe('This page is not filtered by the filter bar');
    const f = { ...EMPTY_FILTERS, provinces: ['福建省'], indicators: ['tax'], cities: ['厦门市'], batches: [2] };
    expect(describeFilters(f, zh)).toBe('省份：福建省；指标：纳税；城市：厦门市；批次：第2批');
    expect(describeFilters(f, en)).toBe('Province: Fujian; Indicator: Paying taxes; City: Xiamen; Batch: Batch 2');
  });

  it('a document by its title, or — stating none — by issuer, year and batch, with its address where recorded', () => {
    const stated = { title: '陕西省推出2022年第二批优化营商环境典型经验做法', issuer: null, published: '2022-08-08', province: '陕西省', year: 2022, batch: 2, source_url: null };
    expect(documentTitle(stated, zh)).toEqual({ text: stated.title, composed: false });
    const untitled = { title: null, issuer: '福建省发展和改革委员会', published: '2025-12-09', province: '福建省', year: 2025, batch: 3, source_url: 'https://example.gov.cn/n.htm' };
    const title = documentTitle(untitled, zh);
    expect(title).toEqual({ text: '福建省发展和改革委员会 2025 第3批营商环境典型经验做法', composed: true });
    expect(documentTitle(untitled, en).text).toBe('Fujian: business-environment good practices, 2025 Batch 3');
    expect(documentLine(untitled, zh, title.text)).toBe(`${title.text} · 福建省发展和改革委员会 · 2025-12-09 · 2025 第3批 · https://example.gov.cn/n.htm`);
    expect(documentLine(stated, zh, stated.title)).toContain('来源网址未记录');
  });
});

describe('wrapText (the PNG frame)', () => {
  const measure = (s: string) => s.length * 10;
  it('breaks between words, or anywhere in Chinese, never cutting text', () => {
    const english = 'Source: dataset of four notices published 2022-08-08 – 2025-12-09';
    const lines = wrapText(english, 200, measure);
    expect(lines.every((l) => measure(l) <= 200)).toBe(true);
    expect(lines.join(' ')).toBe(english);
    const chinese = '数据来源：营商环境数据集，四份公告，下载于今天';
    const zhLines = wrapText(chinese, 100, measure);
    expect(zhLines.every((l) => measure(l) <= 100)).toBe(true);
    expect(zhLines.join('')).toBe(chinese);
  });
});
