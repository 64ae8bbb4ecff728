// Dedupe: the same case published twice (traditional and simplified, another layout, a city's reprint of
// its own cases from a provincial batch) becomes one canonical case; every other copy gets `duplicate_of`.
//
// Comparison is on the simplified normal form, punctuation and spaces removed, as sets of character bigrams
// (Dice coefficient):
//   - both copies have a body: title + body similarity ≥ BODY_THRESHOLD;
//   - one has no body (listed only): title similarity ≥ TITLE_THRESHOLD.
// Measured on the corpus: the four cases a city reprinted score 0.85–1.00 against their provincial copy;
// every other pair of cases scores ≤ 0.10 (body) — 0.5 sits far from both.
//
// Canonical copy of a group, in this order: the one with a body; the one from the original publisher (the
// document listing more cases: a batch notice rather than a reprint of a few of its cases); the longer body;
// then input order. Only cases of different documents, and of the same province when both are known, are
// compared (a document does not list one case twice; a case belongs to one province).

import type { CaseRow, DocumentRow } from './types.ts';

export const BODY_THRESHOLD = 0.5;
export const TITLE_THRESHOLD = 0.8;

export interface DuplicateMatch {
  case_id: string;
  duplicate_of: string;
  score: number;
  compared: 'body' | 'title';
}

/** Text reduced to what is compared: letters, digits and Han characters. */
function compact(text: string): string {
  return text.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');
}

/** Character bigrams as numbers (two UTF-16 units packed), for fast set intersection. */
export function bigramSet(text: string): Set<number> {
  const t = compact(text);
  const set = new Set<number>();
  for (let i = 0; i + 1 < t.length; i++) set.add(t.charCodeAt(i) * 65536 + t.charCodeAt(i + 1));
  return set;
}

/** Dice coefficient of two sets: 2|A∩B| / (|A|+|B|), 0 when both are empty. */
export function dice(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function bodyOf(c: CaseRow): string {
  return [c.background, c.measures, c.outcomes].join('\n');
}

/**
 * Returns the cases with `duplicate_of` set on every non-canonical copy (new objects; input untouched), and
 * the matches found (for the quality report).
 */
export function dedupeCases(cases: CaseRow[], documents: DocumentRow[]): { cases: CaseRow[]; matches: DuplicateMatch[] } {
  const listedByDoc = new Map(documents.map((d) => [d.doc_id, d.cases_listed]));
  const titleSets = cases.map((c) => bigramSet(c.title));
  const fullSets = cases.map((c) => (c.has_body ? bigramSet(c.title + bodyOf(c)) : null));

  // Union-find over matched pairs, so that three copies of a case form one group.
  const parent = cases.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));

  for (let i = 0; i < cases.length; i++) {
    for (let j = i + 1; j < cases.length; j++) {
      const a = cases[i];
      const b = cases[j];
      if (a.doc_id === b.doc_id) continue;
      if (a.province && b.province && a.province !== b.province) continue;
      const fa = fullSets[i];
      const fb = fullSets[j];
      let score: number;
      if (fa && fb) {
        // Bodies of very different sizes cannot reach the threshold: skip the intersection.
        const ratio = Math.min(fa.size, fb.size) / Math.max(fa.size, fb.size);
        if (2 * ratio / (1 + ratio) < BODY_THRESHOLD) continue;
        score = dice(fa, fb);
        if (score < BODY_THRESHOLD) continue;
      } else {
        score = dice(titleSets[i], titleSets[j]);
        if (score < TITLE_THRESHOLD) continue;
      }
      parent[find(j)] = find(i);
    }
  }

  const groups = new Map<number, number[]>();
  cases.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });

  const out = cases.map((c) => ({ ...c, duplicate_of: null as string | null }));
  const matches: DuplicateMatch[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const canonical = [...members].sort((x, y) => {
      const a = cases[x];
      const b = cases[y];
      return (
        Number(b.has_body) - Number(a.has_body) ||
        (listedByDoc.get(b.doc_id) ?? 0) - (listedByDoc.get(a.doc_id) ?? 0) ||
        bodyOf(b).length - bodyOf(a).length ||
        x - y
      );
    })[0];
    for (const m of members) {
      if (m === canonical) continue;
      out[m].duplicate_of = cases[canonical].case_id;
      // Score against the canonical copy itself (the group may have been joined through a third copy).
      const fm = fullSets[m];
      const fc = fullSets[canonical];
      const compared = fm && fc ? 'body' : 'title';
      const score = fm && fc ? dice(fm, fc) : dice(titleSets[m], titleSets[canonical]);
      matches.push({
        case_id: cases[m].case_id,
        duplicate_of: cases[canonical].case_id,
        score: Math.round(score * 1000) / 1000,
        compared,
      });
    }
  }
  return { cases: out, matches };
}
