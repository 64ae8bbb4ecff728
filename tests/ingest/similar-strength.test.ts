// Counterpart strength against a reader's judgement of every Fujian case's Shaanxi counterparts (seed corpus).
import { describe, expect, it } from 'vitest';
import { decideStrength, learnStopBigrams, reportedDimensions } from '../../src/ingest/similar-evidence.ts';
import type { SimilarRow } from '../../src/ingest/types.ts';
import { ingestRawCorpus } from '../helpers/etl.ts';
import { JUDGED, judgedCounterparts } from './similar-judged.ts';

async function shaanxiRowsOf() {
  const dataset = await ingestRawCorpus();
  const province = new Map(dataset.cases.map((c) => [c.case_id, c.province]));
  return (id: string): SimilarRow[] =>
    dataset.similar.filter((r) => r.case_id === id && province.get(r.other_case_id) === '陕西省');
}

const shown = (rows: SimilarRow[]) => rows.filter((r) => r.strength !== 'weak');

describe('counterpart strength on the seed corpus, against the judged set', () => {
  it('strong + related agree with the reader: precision and recall of the pairs, and which cases have none', async () => {
    const rowsOf = await shaanxiRowsOf();
    let tp = 0, fp = 0, fn = 0, casesAgreeing = 0;
    for (const [id, judged] of Object.entries(JUDGED)) {
      const truth = new Set(judgedCounterparts(id));
      const either = new Set(judged.either ?? []);
      const kept = shown(rowsOf(id));
      for (const r of kept) {
        if (truth.has(r.other_case_id)) tp++;
        else if (!either.has(r.other_case_id)) fp++;
      }
      for (const t of truth) if (!kept.some((r) => r.other_case_id === t)) fn++;
      const saysNone = kept.every((r) => either.has(r.other_case_id));
      if ((truth.size === 0) === (kept.length === 0) || (truth.size === 0 && saysNone)) casesAgreeing++;
    }
    const cases = Object.keys(JUDGED).length;
    expect(cases).toBeGreaterThan(80); // every Fujian case of the seeds is judged
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.85);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.8);
    expect(casesAgreeing / cases).toBeGreaterThanOrEqual(0.88);
  });

  it('keeps the ranking: where a counterpart exists, the best-scoring Shaanxi case is one (or borderline) for ≥ 90%', async () => {
    const rowsOf = await shaanxiRowsOf();
    let good = 0, total = 0;
    for (const [id, judged] of Object.entries(JUDGED)) {
      const truth = judgedCounterparts(id);
      if (truth.length === 0) continue;
      total++;
      const best = [...rowsOf(id)].sort((a, b) => b.score - a.score)[0];
      if (best && (truth.includes(best.other_case_id) || (judged.either ?? []).includes(best.other_case_id))) good++;
    }
    expect(good / total).toBeGreaterThanOrEqual(0.9);
  });

  // Clear same-practice pairs (reasons in similar-judged.ts).
  it.each([
    ['fj-2023-b2-017', 'sn-2022-b2-034', 'geographical indications for local industries, on both sides'],
    ['fj-2023-b2-035', 'sn-2022-b2-006', 'start building on getting the land (拿地即开工), named in both titles'],
    ['fj-2023-b2-020', 'sn-2022-b2-011', 'property registration service, named in both titles'],
  ])('%s and %s are the same practice: %s', async (a, b) => {
    const row = (await shaanxiRowsOf())(a).find((r) => r.other_case_id === b);
    expect(row?.strength).toBe('strong');
    expect(row!.same_indicator).toBe(true);
    expect(row!.title_terms.length).toBeGreaterThan(0);
  });

  it.each([
    ['fj-2023-b2-048', 'sn-2022-b2-021', 'one-stop litigation service and dispute resolution'],
    ['fj-2023-b2-021', 'sn-2022-b2-008', 'the utility plans the grid from project data before the firm applies'],
    ['fj-2023-b2-031', 'sn-2022-b2-007', 'government–utility joint electricity connection'],
  ])('%s and %s are counterparts: %s', async (a, b) => {
    const row = (await shaanxiRowsOf())(a).find((r) => r.other_case_id === b);
    expect(['strong', 'related']).toContain(row?.strength);
  });

  // Clear non-pairs: Fujian practices with nothing like them in Shaanxi. (fj-2023-b2-047, night-market food checks,
  // is judged to have none too, but since its garbled lines were repaired it shares 随机 / 检查 / 信息公示 with
  // Shaanxi's 信用+双随机 supervision and sits just over the related threshold: it counts as a false positive in the
  // judged-set precision above, not here.)
  it.each([
    ['fj-2025-b3-001', 'an AI assistant for government-service questions (the off-topic pair of the one-window company registration)'],
    ['fj-2025-b3-006', 'instant departure tax refunds for tourists'],
    ['fj-2023-b2-034', 'the Shaxian snack industry'],
    ['fj-2025-b3-017', 'fair-competition review'],
  ])('%s has no counterpart in Shaanxi: %s', async (id) => {
    const rows = (await shaanxiRowsOf())(id);
    expect(rows.length).toBeGreaterThan(0); // nearest cases are still kept, as weak
    expect(shown(rows)).toEqual([]);
  });

  it('lists no genre words among the shared terms', async () => {
    const dataset = await ingestRawCorpus();
    const all = dataset.similar.flatMap((r) => [...r.shared_terms, ...r.title_terms]);
    for (const genre of ['营商环境', '企业', '服务', '推进', '数字化']) expect(all).not.toContain(genre);
  });
});

describe('strength rule and evidence', () => {
  it('needs the same indicator and the practice named in both titles to call a pair the same practice', () => {
    expect(decideStrength({ mechanism: 0.2, sameIndicator: true, titleTerms: ['拿地即开工'] })).toBe('strong');
    expect(decideStrength({ mechanism: 0.2, sameIndicator: true, titleTerms: [] })).toBe('related');
    expect(decideStrength({ mechanism: 0.2, sameIndicator: false, titleTerms: ['拿地即开工'] })).toBe('related');
    expect(decideStrength({ mechanism: 0.07, sameIndicator: true, titleTerms: [] })).toBe('related');
    expect(decideStrength({ mechanism: 0.07, sameIndicator: false, titleTerms: [] })).toBe('weak');
    expect(decideStrength({ mechanism: 0.02, sameIndicator: true, titleTerms: ['税务'] })).toBe('weak');
  });

  it('learns genre words from a large share of cases in two provinces, not from one province or small ones', () => {
    const cases = [];
    for (let i = 0; i < 20; i++) {
      cases.push({ bigrams: ['营商', '环境', i < 10 ? '办电' : `甲${i}`], province: 'A', weight: 1 });
      cases.push({ bigrams: ['营商', '环境', `乙${i}`], province: 'B', weight: 1 });
    }
    for (let i = 0; i < 3; i++) cases.push({ bigrams: ['小省'], province: 'C', weight: 1 });
    const stop = learnStopBigrams(cases);
    expect(stop.has('营商')).toBe(true);
    expect(stop.has('环境')).toBe(true);
    expect(stop.has('办电')).toBe(false); // common in A only
    expect(stop.has('小省')).toBe(false); // C has too few cases to learn from
  });

  it('reads the result dimensions a case reports from its figures', () => {
    const dims = reportedDimensions([
      { section: 'outcomes', text: '办理时间从20个工作日压缩至3个工作日，申请材料由12份减少至5份，办理环节减少2个。' },
    ]);
    expect([...dims].sort()).toEqual(['documents', 'steps', 'time']);
    expect(reportedDimensions([{ section: 'outcomes', text: '共服务企业120家。' }]).size).toBe(0);
  });
});
