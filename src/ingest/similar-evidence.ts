// Why two similar cases are (or are not) counterparts: the evidence behind `similar.strength`.
//
// The cosine score ranks a case's neighbours well, but every case has a "most similar" case, wanted or not.
// Whether a pair is the same practice is decided here from evidence a reader can check:
// - mechanism terms: shared terms that are not genre words. Genre words (营商环境, 企业, 服务, 推进…) are
//   learned from the corpus: a bigram found in a large share of the cases of several provinces says nothing
//   about one practice. The mechanism score is the cosine over the remaining (distinctive) terms only;
// - the procedure both act on: both cases are filed under the same indicator;
// - the practice named in both titles: a distinctive term in both titles;
// - the reform results both report: the dimensions of their before→after figures (time, steps, documents…).
//
// Rule (docs/data-contract.md, similar.parquet):
//   strong  — same indicator, mechanism ≥ STRONG_SAME_INDICATOR, and the practice named in both titles
//   related — same indicator and mechanism ≥ RELATED_SAME_INDICATOR, or mechanism ≥ RELATED_ANY_INDICATOR
//   weak    — anything else kept.
// The thresholds were set against a reader's judgement of every Fujian case's Shaanxi counterparts in the
// seed corpus (tests/ingest/similar-judged.ts), as round values, not fitted to single cases.

import { extractFigures } from './figures.ts';
import type { Section } from './types.ts';

export type Strength = 'strong' | 'related' | 'weak';

/** A bigram in at least this share of a province's cases is a genre word there… */
export const STOP_SHARE = 0.2;
/** …learned only from provinces with at least this many cases (a share of 3 cases means nothing)… */
export const STOP_MIN_CASES = 12;
/** …and it must be a genre word in two such provinces (or in the only one). */
const STOP_PROVINCES = 2;

/**
 * Genre words of every notice of this family, for corpora too small to learn from. Their bigrams are
 * always treated as genre words (the learned ones come on top).
 */
const GENRE_WORDS = ['优化营商环境', '企业', '服务', '推进', '推动', '提升', '数字化', '创新', '持续', '工作', '机制', '改革'];
export const GENRE_BIGRAMS: ReadonlySet<string> = new Set(
  GENRE_WORDS.flatMap((w) => Array.from({ length: w.length - 1 }, (_, i) => w.slice(i, i + 2))),
);

export const STRONG_SAME_INDICATOR = 0.1;
export const RELATED_SAME_INDICATOR = 0.06;
export const RELATED_ANY_INDICATOR = 0.09;

/**
 * Genre bigrams learned from the corpus. `bigramsOf` gives the distinct bigrams of each case, `provinceOf`
 * its province (null: unknown, never learned from).
 */
export function learnStopBigrams(
  cases: { bigrams: Iterable<string>; province: string | null; weight: number }[],
): Set<string> {
  const casesIn = new Map<string, number>();
  for (const c of cases) if (c.province) casesIn.set(c.province, (casesIn.get(c.province) ?? 0) + c.weight);
  const learnable = [...casesIn].filter(([, n]) => n >= STOP_MIN_CASES).map(([p]) => p);
  const stop = new Set(GENRE_BIGRAMS);
  if (learnable.length === 0) return stop;
  const needed = Math.min(STOP_PROVINCES, learnable.length);
  const perProvince = new Map<string, Map<string, number>>();
  for (const c of cases) {
    if (!c.province || !learnable.includes(c.province)) continue;
    let df = perProvince.get(c.province);
    if (!df) perProvince.set(c.province, (df = new Map()));
    for (const g of c.bigrams) df.set(g, (df.get(g) ?? 0) + c.weight);
  }
  const provincesWith = new Map<string, number>();
  for (const [province, df] of perProvince) {
    const cut = STOP_SHARE * casesIn.get(province)!;
    for (const [g, count] of df) if (count >= cut) provincesWith.set(g, (provincesWith.get(g) ?? 0) + 1);
  }
  for (const [g, k] of provincesWith) if (k >= needed) stop.add(g);
  return stop;
}

/** What a reform result is measured in. */
export type Dimension = 'time' | 'steps' | 'documents' | 'visits' | 'cost';

const DIMENSION_WORDS: [Dimension, RegExp][] = [
  ['steps', /环节|步骤|流程/],
  ['documents', /材料|证明|表单|申请表/],
  ['visits', /跑|到场|见面/],
  ['cost', /成本|费用|节省|节约|减负/],
];
const REDUCED = /压缩|压减|缩短|减少|精简|降低|节省|节约|减至|降至|缩减|提速|以内|之内|减免/;

/**
 * The dimensions of the reform results a case reports: figures of the measures and outcomes that state a
 * reduction (before → after, or 压缩/减少/缩短… in the same phrase). Duration figures are `time`; money `cost`;
 * counts by the word they count. (Figures may one day carry their own dimension; this is the one place to read it.)
 */
export function reportedDimensions(sections: { section: Section; text: string }[]): Set<Dimension> {
  const found = new Set<Dimension>();
  for (const { section, text } of sections) {
    if (!text) continue;
    for (const f of extractFigures(section, text)) {
      const reduced = (f.beforeValue !== null && f.afterValue !== null) || REDUCED.test(phraseAround(text, f.text));
      if (!reduced) continue;
      if (f.kind === 'duration') found.add('time');
      else if (f.kind === 'money') found.add('cost');
      else {
        const phrase = phraseAround(text, f.text);
        for (const [dimension, words] of DIMENSION_WORDS) if (words.test(phrase)) found.add(dimension);
      }
    }
  }
  return found;
}

/** The clause a figure stands in (between punctuation), for the words around its number. */
function phraseAround(text: string, figureText: string): string {
  const at = text.indexOf(figureText);
  if (at < 0) return figureText;
  const before = text.slice(0, at).search(/[^，。；;,、！？\n]*$/u);
  const tail = text.slice(at + figureText.length).search(/[，。；;,！？\n]/u);
  return text.slice(before, tail < 0 ? undefined : at + figureText.length + tail);
}

export interface PairEvidence {
  /** Cosine over distinctive terms only (genre words left out). */
  mechanism: number;
  sameIndicator: boolean;
  /** Distinctive terms found in both titles. */
  titleTerms: string[];
}

export function decideStrength(e: PairEvidence): Strength {
  if (e.sameIndicator && e.mechanism >= STRONG_SAME_INDICATOR && e.titleTerms.length > 0) return 'strong';
  if (e.sameIndicator && e.mechanism >= RELATED_SAME_INDICATOR) return 'related';
  if (e.mechanism >= RELATED_ANY_INDICATOR) return 'related';
  return 'weak';
}
