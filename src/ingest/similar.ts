// Similar practices: for every case, its most similar cases in each province (its own included), by
// TF-IDF over character bigrams of the simplified texts, cosine similarity.
//
// - Bigrams are taken inside runs of Han characters only (no digits, no bigrams across punctuation), so
//   traditional and simplified copies, and any layout, give the same terms.
// - tf is sublinear (1 + ln tf), idf = ln((1 + N) / (1 + df)) + 1; vectors are L2-normalised.
// - Scores are accumulated through an inverted index (sparse: only cases sharing a term are touched). Terms
//   present in more than half of the cases carry almost no weight and make the index quadratic, so they are
//   left out of the index (they still count in the vector norms).
// - Scale: cases of identical text (copies, a practice reprinted by several provinces) share one vector, so
//   scores and shared terms are computed once per distinct text (and the rows' shared_terms arrays are
//   shared: treat them as read-only); per case only the texts actually touched are visited, never all n.
//   The result is the same as scoring every case on its own. Still quadratic in the worst case for distinct
//   texts: a term in k cases costs k² (terms in over half of the cases are skipped, as said above).
// - Duplicates (duplicate_of set) are ignored on both sides: their canonical copy stands for them.
// - shared_terms: the shared bigrams of highest weight product, each grown to the longest 3–4 character
//   string present in both texts (办电 → 办电服务), and terms overlapping a stronger one dropped, so the terms
//   read as phrases rather than fragments. Genre words learned from the corpus are left out of them.
// - strength (strong / related / weak) and the evidence behind it: similar-evidence.ts.

import {
  decideStrength,
  learnStopBigrams,
  reportedDimensions,
  type Dimension,
} from './similar-evidence.ts';
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
  const n = live.length;
  // Cases of identical text (a practice published in several provinces, copies) have identical vectors, so
  // scores and shared terms are computed once per distinct text and shared by its cases.
  const textIds = new Map<string, number>();
  const textOf: number[] = live.map((c) => {
    const text = caseText(c);
    let id = textIds.get(text);
    if (id === undefined) textIds.set(text, (id = textIds.size));
    return id;
  });
  const texts = [...textIds.keys()];
  const membersOf: number[][] = texts.map(() => []);
  textOf.forEach((t, i) => membersOf[t].push(i));

  const counts = texts.map((text) => hanBigrams(text));
  // Genre words, learned per province (a text counts once per case that has it).
  const stopBigrams = learnStopBigrams(
    counts.flatMap((m, t) => {
      const byProvince = new Map<string | null, number>();
      for (const i of membersOf[t]) byProvince.set(live[i].province, (byProvince.get(live[i].province) ?? 0) + 1);
      return [...byProvince].map(([province, weight]) => ({ bigrams: m.keys(), province, weight }));
    }),
  );
  // Document frequency counts cases (not distinct texts), as idf is defined over the cases.
  const df = new Map<string, number>();
  counts.forEach((m, t) => {
    for (const term of m.keys()) df.set(term, (df.get(term) ?? 0) + membersOf[t].length);
  });

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
    return { index, text: texts[index], weights };
  });

  // Inverted index: term → [text index, weight].
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

  // The provinces of each text's cases, with those cases in input order.
  const provincesOf = membersOf.map((members) => {
    const byProvince = new Map<string, number[]>();
    for (const i of members) {
      const p = live[i].province ?? '';
      const list = byProvince.get(p);
      if (list) list.push(i);
      else byProvince.set(p, [i]);
    }
    return byProvince;
  });

  // The same vectors without genre words, renormalised: what the mechanism score and the terms are read from.
  const distinctive: (CaseVector | undefined)[] = [];
  const distinctiveOf = (t: number): CaseVector => {
    let v = distinctive[t];
    if (!v) {
      const weights = new Map<string, number>();
      let norm = 0;
      for (const [term, w] of vectors[t].weights) {
        if (stopBigrams.has(term)) continue;
        weights.set(term, w);
        norm += w * w;
      }
      norm = Math.sqrt(norm) || 1;
      for (const [term, w] of weights) weights.set(term, w / norm);
      distinctive[t] = v = { index: t, text: texts[t], weights };
    }
    return v;
  };
  const dimensionsCache: (Set<Dimension> | undefined)[] = [];
  const dimensionsOf = (t: number): Set<Dimension> => {
    const c = live[membersOf[t][0]];
    return (dimensionsCache[t] ??= reportedDimensions([
      { section: 'measures', text: c.measures },
      { section: 'outcomes', text: c.outcomes },
    ]));
  };

  interface TextPairEvidence {
    terms: string[];
    titleTerms: string[];
    mechanism: number;
    dimensions: string[];
  }
  const evidenceCache = new Map<number, TextPairEvidence>();
  const evidenceOf = (a: number, b: number): TextPairEvidence => {
    const key = a * texts.length + b;
    let e = evidenceCache.get(key);
    if (!e) {
      const da = distinctiveOf(a);
      const db = distinctiveOf(b);
      let mechanism = 0;
      for (const [term, w] of da.weights) mechanism += w * (db.weights.get(term) ?? 0);
      const dimsB = dimensionsOf(b);
      e = {
        terms: sharedTerms(da, db, termsPerPair),
        titleTerms: titleTerms(live[membersOf[a][0]].title, live[membersOf[b][0]].title, stopBigrams),
        mechanism,
        dimensions: [...dimensionsOf(a)].filter((d) => dimsB.has(d)),
      };
      evidenceCache.set(key, e);
    }
    return e;
  };

  // Rows per case, returned in input order of the cases.
  const rowsOf: SimilarRow[][] = live.map(() => []);
  const scores = new Float64Array(texts.length);
  for (const v of vectors) {
    // Sparse dot products: only the texts sharing an indexed term are touched.
    const touched: number[] = [];
    for (const [term, w] of v.weights) {
      const list = postings.get(term);
      if (!list) continue;
      for (const [other, ow] of list) {
        if (scores[other] === 0) touched.push(other);
        scores[other] += w * ow;
      }
    }
    // Per province of the other case: the texts scoring enough, best first.
    const byProvince = new Map<string, { text: number; score: number }[]>();
    for (const other of touched) {
      if (scores[other] < minScore) continue;
      for (const province of provincesOf[other].keys()) {
        let list = byProvince.get(province);
        if (!list) byProvince.set(province, (list = []));
        list.push({ text: other, score: scores[other] });
      }
    }
    for (const other of touched) scores[other] = 0;
    for (const list of byProvince.values()) list.sort((a, b) => b.score - a.score || a.text - b.text);

    for (const self of membersOf[v.index]) {
      // Best cases per province: score descending, then input order; the case itself excluded. Provinces in
      // the order of their first case in the input.
      const perProvinceRows: { first: number; picked: { other: number; score: number }[] }[] = [];
      for (const [province, list] of byProvince) {
        const picked: { other: number; score: number }[] = [];
        for (let k = 0; k < list.length && picked.length < perProvince; ) {
          // Texts of equal score: their cases merge in input order.
          let end = k + 1;
          while (end < list.length && list[end].score === list[k].score) end++;
          const tied = list.slice(k, end).flatMap(({ text }) => provincesOf[text].get(province)!).filter((i) => i !== self);
          if (end - k > 1) tied.sort((a, b) => a - b);
          for (const i of tied) if (picked.length < perProvince) picked.push({ other: i, score: list[k].score });
          k = end;
        }
        let first = Infinity;
        for (const { text } of list) {
          const members = provincesOf[text].get(province)!;
          const candidate = members[0] === self ? members[1] : members[0];
          if (candidate !== undefined && candidate < first) first = candidate;
        }
        // The smallest case index of the province among all scoring texts (not only the picked ones).
        if (picked.length) perProvinceRows.push({ first, picked });
      }
      perProvinceRows.sort((a, b) => a.first - b.first);
      for (const { picked } of perProvinceRows) {
        for (const { other, score } of picked) {
          const e = evidenceOf(v.index, textOf[other]);
          // Indicator may be absent when the browser passes only some fields: then it is no evidence.
          const sameIndicator = Boolean(live[self].indicator) && live[self].indicator === live[other].indicator;
          rowsOf[self].push({
            case_id: live[self].case_id,
            other_case_id: live[other].case_id,
            score: Math.round(score * 10000) / 10000,
            shared_terms: e.terms,
            strength: decideStrength({ mechanism: e.mechanism, sameIndicator, titleTerms: e.titleTerms }),
            mechanism_score: Math.round(e.mechanism * 10000) / 10000,
            same_indicator: sameIndicator,
            title_terms: e.titleTerms,
            shared_dimensions: e.dimensions,
          });
        }
      }
    }
  }
  return rowsOf.flat();
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
    if (FUNCTION_CHAR.test(bigram) || terms.some((t) => t.includes(bigram))) continue;
    const term = extendTerm(bigram, a.text, b.text);
    // Overlapping fragments of one phrase (公共资源 / 共资源交) read as noise: keep the first, stronger one.
    if (terms.some((t) => overlaps(t, term))) continue;
    terms.push(term);
  }
  return terms;
}

/**
 * Distinctive terms both titles contain: shared non-genre bigrams grown to the longest Han string (up to 8
 * characters) both titles contain; terms inside or overlapping a longer one dropped. Longest first, at most 3.
 */
function titleTerms(a: string, b: string, stop: ReadonlySet<string>): string[] {
  const isHan = (ch: string | undefined) => ch !== undefined && /\p{Script=Han}/u.test(ch);
  const found: string[] = [];
  for (let i = 0; i + 1 < a.length; i++) {
    const g = a.slice(i, i + 2);
    if (stop.has(g) || !isHan(g[0]) || !isHan(g[1]) || !b.includes(g)) continue;
    let start = i;
    let end = i + 2;
    while (end - start < 8 && isHan(a[end]) && b.includes(a.slice(start, end + 1))) end++;
    while (end - start < 8 && isHan(a[start - 1]) && b.includes(a.slice(start - 1, end))) start--;
    const term = a.slice(start, end);
    // A place name running into a genre word (…市创新) names no practice.
    if (bigramsOf(term).every((x) => stop.has(x) || PLACE_SUFFIX.test(x))) continue;
    found.push(term);
  }
  found.sort((x, y) => y.length - x.length || (x < y ? -1 : 1));
  const kept: string[] = [];
  for (const term of found) if (!kept.some((t) => t.includes(term) || overlaps(t, term))) kept.push(term);
  return kept.slice(0, 3);
}

const PLACE_SUFFIX = /^[省市县区镇乡村]/u;
/** Function characters: a bigram with one spans two words (的交, 户即) and reads as noise in a term list. */
const FUNCTION_CHAR = /[的了和与及等在为是对将把被即]/u;

function bigramsOf(term: string): string[] {
  return Array.from({ length: Math.max(0, term.length - 1) }, (_, i) => term.slice(i, i + 2));
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
