import { describe, expect, it } from 'vitest';
import {
  CLASSIFIABLE_CODES,
  INDICATORS,
  INDICATOR_CODES,
  INDICATOR_NOTES,
  isIndicatorCode,
  UNCLASSIFIED,
} from '../../src/ingest/indicators.ts';
import { INDICATOR_TERMS } from '../../src/ingest/classify-terms.ts';

// DESIGN.md "Indicator taxonomy", read down the left column, then the right.
const DESIGN_ORDER = [
  'starting_business', 'labor_market', 'construction_permits', 'government_procurement', 'bidding', 'electricity',
  'water_gas', 'registering_property', 'credit', 'minority_investors', 'cross_border_trade', 'tax',
  'enforcing_contracts', 'insolvency', 'market_regulation', 'government_services', 'inclusive_innovation',
  'leaders_walk_process', 'complaints', 'ip',
];
/** The taxonomy: DESIGN.md's 20 indicators, then `other` for cases nothing decides. */
const TAXONOMY = [...DESIGN_ORDER, 'other'];

describe('INDICATORS', () => {
  it('holds the 20 codes of DESIGN.md, sorted 1..20 in its order, then `other` sorted last', () => {
    expect(INDICATORS.map((i) => i.code)).toEqual(TAXONOMY);
    expect(INDICATORS.map((i) => i.sort)).toEqual(TAXONOMY.map((_, k) => k + 1));
    expect(INDICATOR_CODES).toEqual(TAXONOMY);
    expect(UNCLASSIFIED).toBe('other');
    expect(Math.max(...INDICATORS.map((i) => i.sort))).toBe(INDICATORS.find((i) => i.code === 'other')!.sort);
    expect(CLASSIFIABLE_CODES).toEqual(DESIGN_ORDER);
  });

  it('names each indicator in Chinese and English, without duplicates', () => {
    for (const i of INDICATORS.filter((x) => x.code !== 'other')) {
      expect(i.name_zh, i.code).toMatch(/^[\u4e00-\u9fa5、]+$/);
      expect(i.name_en, i.code).toMatch(/^[A-Z][A-Za-z ,]+$/);
    }
    expect(new Set(INDICATORS.map((i) => i.name_zh)).size).toBe(21);
    expect(INDICATORS.find((i) => i.code === 'other')).toMatchObject({ name_zh: '其他（未分类）', name_en: 'Other (unclassified)' });
    expect(INDICATORS.find((i) => i.code === 'ip')!.name_zh).toBe('知识产权创造、保护和运用');
    expect(INDICATORS.find((i) => i.code === 'complaints')!.name_zh).toBe('投诉举报处理');
  });

  it('has a note in zh and en for every indicator and no note for an unknown code', () => {
    expect(Object.keys(INDICATOR_NOTES).sort()).toEqual([...TAXONOMY].sort());
    for (const code of TAXONOMY) {
      expect(INDICATOR_NOTES[code].zh.length, code).toBeGreaterThan(15);
      expect(INDICATOR_NOTES[code].zh, code).toMatch(/[\u4e00-\u9fa5]/);
      expect(INDICATOR_NOTES[code].en.split(' ').length, code).toBeGreaterThan(5);
    }
  });

  it('knows its codes', () => {
    expect(isIndicatorCode('electricity')).toBe(true);
    expect(isIndicatorCode('Electricity')).toBe(false);
  });

  it('gives the classifier terms for every indicator but `other` (nothing is evidence for it), and for nothing else', () => {
    expect(Object.keys(INDICATOR_TERMS).sort()).toEqual([...DESIGN_ORDER].sort());
    for (const [code, terms] of Object.entries(INDICATOR_TERMS)) {
      expect(Object.keys(terms).length, code).toBeGreaterThanOrEqual(5);
      // The generic words of every announcement must not vote.
      for (const generic of ['营商环境', '企业', '服务', '改革']) expect(terms[generic], `${code}: ${generic}`).toBeUndefined();
    }
  });
});
