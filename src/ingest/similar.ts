// Similar practices: for every case, its most similar cases in each province (its own included), by
// TF-IDF over character bigrams of the simplified texts, cosine similarity.
//
// - Bigrams are taken inside runs of Han characters only (no digits, no bigrams across punctuation), so
//   traditional and simplified copies, and any layout, give the same terms.
// - tf is sublinear (1 + ln tf), idf = ln((1 + N) / (1 + df)) + 1; vectors are L2-normalised.
// - Scores are accumulated through an inverted index (sparse: only cases sharing a term are touched). Terms
//   present in more than half of the cases carry almost no weight and make the index quadratic, so they are
//   left out of the index (they still count in the vector norms).
// - Duplicates (duplicate_of set) are ignored on both sides: their canonical copy stands for them.
// - shared_terms: the shared bigrams of highest weight product, each grown to the longest 3–4 character
//   string present in both texts (办电 → 办电服务), and terms overlapping a stronger one dropped, so the terms
//   read as phrases rather than fragments.

import type { CaseRow, SimilarRow } from './types.ts';

export interface SimilarOptions {
  /** Most similar cases kept per case and per province. */
  perProvince?: number;
  /** Shared terms listed per pair. */
  termsPerPair?: number;
  /** Pairs scoring below this are not kept. */
  minScore?: number;
}

interface CaseVector {
  index: number;
  text: string;
  /** term → weight, L2-normalised. */
  weights: Map<string, number>;
}

/** The simplified text a case is compared on. */
function caseText(c: CaseRow): string {
  return [c.title, c.background, c.measures, c.outcomes].filter(Boolean).join('\n');
}

/** Character bigrams inside runs of Han characters, with counts. */
export function hanBigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const run of text.match(/\p{Script=Han}{2,}/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      const g = run.slice(i, i + 2);
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
  }
  return counts;
}

export function similarCases(cases: CaseRow[], options: SimilarOptions = {}): SimilarRow[] {
  const perProvince = options.perProvince ?? 5;
  const termsPerPair = options.termsPerPair ?? 5;
  const minScore = options.minScore ?? 0.05;

  const live = cases.filter((c) => c.duplicate_of === null);
  const counts = live.map((c) => hanBigrams(caseText(c)));
  const df = new Map<string, number>();
  for (const m of counts) for (const term of m.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = live.length;

  const vectors: CaseVector[] = counts.map((m, index) => {
    const weights = new Map<string, number>();
    let norm = 0;
    for (const [term, tf] of m) {
      const w = (1 + Math.log(tf)) * (Math.log((1 + n) / (1 + (df.get(term) ?? 0))) + 1);
      weights.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, w] of weights) weights.set(term, w / norm);
    return { index, text: caseText(live[index]), weights };
  });

  // Inverted index: term → [case index, weight].
  const postings = new Map<string, [number, number][]>();
  const maxDf = Math.max(2, Math.floor(n / 2));
  for (const v of vectors) {
    for (const [term, w] of v.weights) {
      if ((df.get(term) ?? 0) > maxDf) continue;
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push([v.index, w]);
    }
  }

  const rows: SimilarRow[] = [];
  for (const v of vectors) {
    const scores = new Float64Array(n);
    for (const [term, w] of v.weights) {
      const list = postings.get(term);
      if (!list) continue;
      for (const [other, ow] of list) scores[other] += w * ow;
    }
    // Best per province of the other case.
    const byProvince = new Map<string, { other: number; score: number }[]>();
    for (let other = 0; other < n; other++) {
      if (other === v.index || scores[other] < minScore) continue;
      const province = live[other].province ?? '';
      let list = byProvince.get(province);
      if (!list) byProvince.set(province, (list = []));
      list.push({ other, score: scores[other] });
    }
    for (const list of byProvince.values()) {
      list.sort((a, b) => b.score - a.score || a.other - b.other);
      for (const { other, score } of list.slice(0, perProvince)) {
        rows.push({
          case_id: live[v.index].case_id,
          other_case_id: live[other].case_id,
          score: Math.round(score * 10000) / 10000,
          shared_terms: sharedTerms(v, vectors[other], termsPerPair),
        });
      }
    }
  }
  return rows;
}

/**
 * The most telling terms two cases share: shared bigrams by weight product, each extended to the longest
 * 3–4 character Han string around it that both texts contain; terms inside a longer chosen term are dropped.
 */
function sharedTerms(a: CaseVector, b: CaseVector, limit: number): string[] {
  const shared: [string, number][] = [];
  for (const [term, w] of a.weights) {
    const ow = b.weights.get(term);
    if (ow !== undefined) shared.push([term, w * ow]);
  }
  shared.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const terms: string[] = [];
  for (const [bigram] of shared) {
    if (terms.length >= limit) break;
    if (terms.some((t) => t.includes(bigram))) continue;
    const term = extendTerm(bigram, a.text, b.text);
    // Overlapping fragments of one phrase (公共资源 / 共资源交) read as noise: keep the first, stronger one.
    if (terms.some((t) => overlaps(t, term))) continue;
    terms.push(term);
  }
  return terms;
}

/** True when the two terms share a character bigram. */
function overlaps(a: string, b: string): boolean {
  for (let i = 0; i + 1 < b.length; i++) if (a.includes(b.slice(i, i + 2))) return true;
  return false;
}

function extendTerm(bigram: string, textA: string, textB: string): string {
  const best = bigram;
  for (const len of [4, 3]) {
    let from = textA.indexOf(bigram);
    while (from !== -1) {
      for (let start = Math.max(0, from - (len - 2)); start <= from; start++) {
        const candidate = textA.slice(start, start + len);
        if (candidate.length === len && /^\p{Script=Han}+$/u.test(candidate) && textB.includes(candidate)) {
          return candidate;
        }
      }
      from = textA.indexOf(bigram, from + 1);
    }
  }
  return best;
}
