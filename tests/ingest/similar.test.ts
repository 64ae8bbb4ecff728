import { describe, expect, it } from 'vitest';
import { hanBigrams, similarCases } from '../../src/ingest/similar.ts';
import type { CaseRow } from '../../src/ingest/types.ts';
import { ingestRawCorpus } from '../helpers/etl.ts';

function kase(case_id: string, province: string, title: string, measures: string, duplicate_of: string | null = null): CaseRow {
  return { case_id, doc_id: `${province}-doc`, seq: 1, province, city: null, county: null, level: 'province', agency: null, title,
    title_original: title, indicator: 'government_services', indicator_source: 'classifier', indicator_alts: [], indicator_evidence: [],
    background: '', measures, outcomes: '', body_original: measures, has_body: true, duplicate_of, flags: [], year: 2023, batch: 1 };
}

const MADE_UP = [
  kase('fj-1', '福建省', '福州市推行企业开门接电', '供电公司主动对接企业用电需求，提前规划电网配套工程，实现低压小微企业接电零投资、办电零跑腿，接电时长压缩至2天。'),
  kase('fj-2', '福建省', '厦门市税务局推行个人税信码', '税务部门以纳税信用为基础生成税信码，纳税人扫码即可查询涉税信息，办税更便捷。'),
  kase('fj-3', '福建省', '泉州市法院推进破产审判', '法院建立破产案件繁简分流机制，管理人履职保障，破产财产网络拍卖，企业重整提速。'),
  kase('sn-1', '陕西省', '榆林市持续优化电力营商环境', '供电企业推行办电零跑腿，小微企业低压接电零投资，电网规划与项目用电需求同步，接电时长大幅缩短。'),
  kase('sn-2', '陕西省', '铜川市提升纳税人满意度', '税务局打造办税服务样板间，纳税人办税缴费一次办好，涉税事项网上办理。'),
  kase('sn-3', '陕西省', '西安市办理破产便利化', '法院推进破产案件快审，管理人依法履职，破产财产处置线上拍卖，重整企业信用修复。'),
  kase('sn-1b', '陕西省', '榆林市持续优化电力营商环境（转载）', '供电企业推行办电零跑腿，小微企业低压接电零投资，电网规划与项目用电需求同步，接电时长大幅缩短。', 'sn-1'),
];

describe('similarCases on made-up texts', () => {
  const rows = similarCases(MADE_UP, { perProvince: 2 });
  const nearest = (id: string, province: string) =>
    rows.filter((r) => r.case_id === id && r.other_case_id.startsWith(province === '陕西省' ? 'sn' : 'fj'))[0];

  it('pairs each case with the case of the same practice in the other province', () => {
    expect(nearest('fj-1', '陕西省').other_case_id).toBe('sn-1');
    expect(nearest('fj-2', '陕西省').other_case_id).toBe('sn-2');
    expect(nearest('fj-3', '陕西省').other_case_id).toBe('sn-3');
    expect(nearest('sn-1', '福建省').other_case_id).toBe('fj-1');
  });

  it('lists readable shared terms, the telling ones first', () => {
    const terms = nearest('fj-1', '陕西省').shared_terms;
    expect(terms.length).toBeGreaterThan(0);
    for (const t of terms) expect(t).toMatch(/^\p{Script=Han}{2,4}$/u);
    expect(terms.some((t) => t.includes('接电') || t.includes('办电') || t.includes('供电'))).toBe(true);
  });

  it('ignores duplicates, never pairs a case with itself, keeps top-k per province, scores in (0, 1]', () => {
    expect(rows.some((r) => r.case_id === 'sn-1b' || r.other_case_id === 'sn-1b')).toBe(false);
    expect(rows.some((r) => r.case_id === r.other_case_id)).toBe(false);
    for (const id of ['fj-1', 'sn-2']) {
      for (const p of ['fj', 'sn']) {
        expect(rows.filter((r) => r.case_id === id && r.other_case_id.startsWith(p)).length).toBeLessThanOrEqual(2);
      }
    }
    expect(rows.every((r) => r.score > 0 && r.score <= 1.0001)).toBe(true);
  });

  it('takes bigrams inside runs of Han characters only', () => {
    expect([...hanBigrams('办电2天，零跑腿').keys()]).toEqual(['办电', '零跑', '跑腿']);
  });

  it('pairs 600 cases of five provinces', () => {
    const many: CaseRow[] = [];
    for (let i = 0; i < 600; i++) {
      const base = MADE_UP[i % 6];
      many.push({ ...base, case_id: `c${i}`, province: `省${i % 5}`, measures: base.measures + '第' + '一二三四五六七八九十'[i % 10] + '批' + base.title });
    }
    const result = similarCases(many);
    expect(result.length).toBeGreaterThan(600);
  });
});

describe('similar cases on the real corpus', () => {
  const POWER_TITLE = /接电|办电|用电|供电|电力|电网/;

  it("Fujian's and Shaanxi's electricity cases find each other", async () => {
    const dataset = await ingestRawCorpus();
    const byId = new Map(dataset.cases.map((c) => [c.case_id, c]));
    const isPower = (c: CaseRow) => c.indicator === 'electricity' || /办电|接电|供电/.test(c.title + c.measures);
    const nearestIn = (c: CaseRow, province: string) =>
      dataset.similar
        .filter((r) => r.case_id === c.case_id && byId.get(r.other_case_id)!.province === province)
        .sort((a, b) => b.score - a.score)[0];

    const fujianPower = dataset.cases.filter((c) => c.province === '福建省' && c.duplicate_of === null && POWER_TITLE.test(c.title));
    expect(fujianPower.length).toBeGreaterThanOrEqual(3);
    for (const c of fujianPower) {
      const best = nearestIn(c, '陕西省');
      expect(best, c.title).toBeDefined();
      expect(isPower(byId.get(best.other_case_id)!), `${c.title} → ${byId.get(best.other_case_id)!.title}`).toBe(true);
    }
    const shaanxiPower = dataset.cases.filter((c) => c.province === '陕西省' && POWER_TITLE.test(c.title));
    expect(shaanxiPower.length).toBeGreaterThanOrEqual(1);
    for (const c of shaanxiPower) {
      const other = byId.get(nearestIn(c, '福建省').other_case_id)!;
      expect(POWER_TITLE.test(other.title), `${c.title} → ${other.title}`).toBe(true);
    }
  });
});

describe('similarCases on identical texts', () => {
  it('gives the same rows, in input order, as when the copies differ by a digit (same vectors, texts not shared)', () => {
    const provinces = ['福建省', '陕西省', '山西省'];
    const copies = (tag: (i: number) => string) =>
      provinces.flatMap((province, p) =>
        MADE_UP.slice(0, 6).map((c, i) => ({ ...c, case_id: `${c.case_id}-${p}`, province, measures: c.measures + tag(p * 6 + i) })),
      );
    const shared = similarCases(copies(() => ''), { perProvince: 2 });
    const distinct = similarCases(copies((k) => String(k)), { perProvince: 2 });
    expect(shared.length).toBeGreaterThan(18);
    // Copies are each other's best match (not 1: terms in over half of the cases are left out of the index).
    expect(shared.find((r) => r.case_id === 'fj-1-0' && r.other_case_id.endsWith('-1'))).toMatchObject({ other_case_id: 'fj-1-1', score: expect.any(Number) });
    expect(shared).toEqual(distinct);
  });
});
