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
//
// Scale: pairs are not all compared; candidates come from an inverted index of each text's rarest bigrams
// (prefix filtering, see PrefixIndex), which finds every pair that can reach the threshold — the same groups
// as comparing all pairs, at near-linear cost.

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
 * Candidate pairs for "Dice ≥ threshold", without comparing every pair (prefix filtering, exact):
 * each set's elements are ordered rarest first (corpus-wide frequency), and two sets that reach the threshold
 * must share an element within the first |A| − ⌈t·|A|/(2−t)⌉ + 1 of each (a set can only match sets of
 * overlap ≥ t·|A|/(2−t), whatever their size). Only those rare elements are put in an inverted index, so a
 * case meets only the cases sharing one of its rare bigrams.
 * Indexes are kept per province (a case of a known province only meets its own province and the unknown one),
 * and hold texts rather than cases: the cases of one identical text in one province form one entry.
 */
class PrefixIndex {
  /** province ('' = unknown) → element → entries. */
  private readonly byProvince = new Map<string, Map<number, TextEntry[]>>();
  /** province → text id → entry. */
  private readonly entries = new Map<string, Map<number, TextEntry>>();
  private readonly prefixes: (number[] | null)[];

  constructor(
    sets: (Set<number> | null)[],
    private readonly textIds: number[],
    threshold: number,
    private readonly provinces: (string | null)[],
  ) {
    const frequency = new Map<number, number>();
    for (const s of sets) if (s) for (const x of s) frequency.set(x, (frequency.get(x) ?? 0) + 1);
    const prefixOfText = new Map<number, number[] | null>();
    this.prefixes = sets.map((s, i) => {
      if (!s || s.size === 0) return null; // dice with an empty set is 0: never a match
      let prefix = prefixOfText.get(textIds[i]);
      if (prefix === undefined) {
        const sorted = [...s].sort((a, b) => frequency.get(a)! - frequency.get(b)! || a - b);
        const minOverlap = Math.ceil((threshold * s.size) / (2 - threshold) - 1e-9);
        prefixOfText.set(textIds[i], (prefix = sorted.slice(0, Math.max(1, s.size - minOverlap + 1))));
      }
      return prefix;
    });
  }

  add(i: number, docId: string): void {
    const prefix = this.prefixes[i];
    if (!prefix) return;
    const key = this.provinces[i] ?? '';
    let entries = this.entries.get(key);
    if (!entries) this.entries.set(key, (entries = new Map()));
    const existing = entries.get(this.textIds[i]);
    if (existing) {
      existing.members.push(i);
      if (existing.otherDoc === null && docId !== existing.firstDoc) existing.otherDoc = i;
      return;
    }
    const entry: TextEntry = { members: [i], firstDoc: docId, otherDoc: null };
    entries.set(this.textIds[i], entry);
    let index = this.byProvince.get(key);
    if (!index) this.byProvince.set(key, (index = new Map()));
    for (const x of prefix) {
      const list = index.get(x);
      if (list) list.push(entry);
      else index.set(x, [entry]);
    }
  }

  /** Indexed texts (entries) sharing a prefix element with case i, each once. */
  candidates(i: number): TextEntry[] {
    const prefix = this.prefixes[i];
    if (!prefix) return [];
    const province = this.provinces[i];
    const indexes = province === null ? [...this.byProvince.values()] : [this.byProvince.get(province), this.byProvince.get('')];
    const out = new Set<TextEntry>();
    for (const index of indexes) {
      if (!index) continue;
      for (const x of prefix) for (const entry of index.get(x) ?? []) out.add(entry);
    }
    return [...out];
  }
}

/** The cases of one identical text in one province, in input order. */
interface TextEntry {
  members: number[];
  firstDoc: string;
  /** The first member from another document than the first member's, if any. */
  otherDoc: number | null;
}

/**
 * Returns the cases with `duplicate_of` set on every non-canonical copy (new objects; input untouched), and
 * the matches found (for the quality report).
 */
export function dedupeCases(cases: CaseRow[], documents: DocumentRow[]): { cases: CaseRow[]; matches: DuplicateMatch[] } {
  const listedByDoc = new Map(documents.map((d) => [d.doc_id, d.cases_listed]));
  const titleSets = cases.map((c) => bigramSet(c.title));
  const fullSets = cases.map((c) => (c.has_body ? bigramSet(c.title + bodyOf(c)) : null));
  const provinces = cases.map((c) => c.province);
  // Identical texts (a case reprinted word for word) give identical sets: a pair of texts is scored once.
  const textIds = new Map<string, number>();
  const textId = (text: string) => {
    let id = textIds.get(text);
    if (id === undefined) textIds.set(text, (id = textIds.size));
    return id;
  };
  const titleIds = cases.map((c) => textId('t' + compact(c.title)));
  const fullIds = cases.map((c) => (c.has_body ? textId('b' + compact(c.title + bodyOf(c))) : -1));
  const verdicts = new Map<number, boolean>();
  const cached = (x: number, y: number, decide: () => boolean): boolean => {
    const key = Math.min(x, y) * 2 ** 26 + Math.max(x, y);
    let verdict = verdicts.get(key);
    if (verdict === undefined) verdicts.set(key, (verdict = decide()));
    return verdict;
  };

  // Union-find over matched pairs, so that three copies of a case form one group.
  const parent = cases.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));

  /** Compares a candidate pair as the rules say; joins the groups on a match. */
  const compare = (i: number, j: number): void => {
    const a = cases[i];
    const b = cases[j];
    if (a.doc_id === b.doc_id) return;
    if (a.province && b.province && a.province !== b.province) return;
    // Already in one group (e.g. the 3rd copy of a case): comparing again cannot change the groups.
    if (find(i) === find(j)) return;
    const fa = fullSets[i];
    const fb = fullSets[j];
    const match =
      fa && fb
        ? cached(fullIds[i], fullIds[j], () => {
            // Bodies of very different sizes cannot reach the threshold: skip the intersection.
            const ratio = Math.min(fa.size, fb.size) / Math.max(fa.size, fb.size);
            return (2 * ratio) / (1 + ratio) >= BODY_THRESHOLD && dice(fa, fb) >= BODY_THRESHOLD;
          })
        : cached(titleIds[i], titleIds[j], () => dice(titleSets[i], titleSets[j]) >= TITLE_THRESHOLD);
    if (!match) return;
    parent[find(j)] = find(i);
  };

  // Both copies have a body: compare bodies. Cases are indexed after they probe, so each pair meets once.
  const bodies = new PrefixIndex(fullSets, fullIds, BODY_THRESHOLD, provinces);
  for (let i = 0; i < cases.length; i++) {
    if (!fullSets[i]) continue;
    for (const entry of bodies.candidates(i)) {
      // The cases of one text in one province from ≥ 2 documents are already one group (identical bodies
      // match): comparing i with one of them from another document than i's gives the same groups.
      if (entry.otherDoc !== null) compare(cases[entry.members[0]].doc_id !== cases[i].doc_id ? entry.members[0] : entry.otherDoc, i);
      else for (const j of entry.members) compare(j, i);
    }
    bodies.add(i, cases[i].doc_id);
  }
  // At least one copy has no body: compare titles. Every case is indexed; the body-less ones probe it.
  const titles = new PrefixIndex(titleSets, titleIds, TITLE_THRESHOLD, provinces);
  for (let i = 0; i < cases.length; i++) titles.add(i, cases[i].doc_id);
  for (let i = 0; i < cases.length; i++) {
    if (fullSets[i]) continue;
    for (const entry of titles.candidates(i)) for (const j of entry.members) if (j !== i) compare(Math.min(i, j), Math.max(i, j));
  }

  const groups = new Map<number, number[]>();
  cases.forEach((_, i) => {
    const root = find(i);
    const members = groups.get(root);
    if (members) members.push(i);
    else groups.set(root, [i]);
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
