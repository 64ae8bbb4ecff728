// The text search's index, built at export into dashboard.duckdb (DuckDB's fts extension is not in
// DuckDB-wasm, and it would not split Chinese anyway):
//   search_text   (key, case_id, the searched text columns) one row per canonical published case, sorted by
//                 key = the case's position in case_list's order (the Cases view's default order)
//   search_grams  (gram, key) one row per distinct character bigram of a case's text, sorted by gram then key,
//                 so that DuckDB's zone maps skip every other bigram's rows (a term reads its bigrams' rows only)
// A bigram is two Unicode code points packed into one integer (first << 21 | second). A case's text is its
// searched columns joined by a newline, with a newline at the end, so that every character of the text starts
// a bigram. Search terms never hold whitespace (searchTerms splits on it), so they never match across columns.
//
// What the postings answer (searchCandidatesSql):
//   a term of 2 characters: exactly the cases holding it (its bigram's rows);
//   a term of 1 character: exactly the cases holding it (the rows of every bigram it starts: one range of grams);
//   a longer term: the cases holding all its bigrams, a superset, verified against the candidates' texts.
// Only published cases are indexed: the analyst's imported cases are few and searched by their text directly.
import type { IndexTable } from './indexes.ts';
import { literal } from './quote.ts';

/** The simplified text columns a search looks in, in the order a snippet is taken from. */
export const SEARCH_COLUMNS = ['title', 'background', 'measures', 'outcomes'] as const;

/** Every column a term is looked for in: the simplified texts, the published original title and the id. */
export const MATCHED_COLUMNS = [...SEARCH_COLUMNS, 'title_original', 'case_id'] as const;

/** One text per case, its matched columns joined by newlines (NULLs skipped), ending with a newline. */
const INDEXED_TEXT = `concat_ws(chr(10), ${MATCHED_COLUMNS.join(', ')}) || chr(10)`;

/** Bits of the second code point in a bigram's integer (Unicode needs 21). */
const SECOND_BITS = 21;

const SEARCH_TEXT: IndexTable = {
  published: 'search_text',
  base: 'base_search_text',
  // The key is case_list's (indexes.ts: the Cases view's default order), so a first page lies in few blocks.
  select: (cases) => `SELECT l.key, ${MATCHED_COLUMNS.map((c) => `c.${c}`).join(', ')}
FROM ${cases} c JOIN base_case_list l ON l.case_id = c.case_id`,
  order: 'key',
};

const SEARCH_GRAMS: IndexTable = {
  published: 'search_grams',
  base: 'base_search_grams',
  // Over the text table written just before (export order: SEARCH_INDEXES). Characters by string_split (code
  // points, not bytes), bigrams listed and made distinct per case: no global hash table, one sort at the end.
  select: () => `SELECT gram, key FROM (
  SELECT key, unnest(list_distinct(list_transform(range(1, len(chars)),
    i -> (unicode(chars[i])::BIGINT << ${SECOND_BITS}) | unicode(chars[i + 1])))) AS gram
  FROM (SELECT key, string_split(${INDEXED_TEXT}, '') AS chars FROM ${SEARCH_TEXT.base}))`,
  order: 'gram, key',
};

/** The search index's tables, in the order the export writes them (the bigrams read the texts). */
export const SEARCH_INDEXES: IndexTable[] = [SEARCH_TEXT, SEARCH_GRAMS];

/** A term's code points (not UTF-16 units: a character outside the BMP is one code point, as in DuckDB). */
function codePoints(term: string): number[] {
  return Array.from(term, (ch) => ch.codePointAt(0) ?? 0);
}

/** The distinct bigrams of a term of two or more characters, as the index's integers. */
export function termBigrams(term: string): number[] {
  const cps = codePoints(term);
  const grams = new Set<number>();
  for (let i = 0; i + 1 < cps.length; i++) grams.add(cps[i] * 2 ** SECOND_BITS + cps[i + 1]);
  return [...grams];
}

/** Whether the index's postings alone answer the term exactly (no text to verify): one or two characters. */
export function answeredByIndex(term: string): boolean {
  return codePoints(term).length <= 2;
}

/** Keys (column `key`) of the published cases whose text holds every bigram of `term` (exact for ≤ 2 characters). */
function termCandidatesSql(term: string, grams: string): string {
  const cps = codePoints(term);
  if (cps.length === 1) {
    const low = cps[0] * 2 ** SECOND_BITS;
    return `SELECT DISTINCT key FROM ${grams} WHERE gram BETWEEN ${literal(low)} AND ${literal(low + 2 ** SECOND_BITS - 1)}`;
  }
  return termBigrams(term)
    .map((g) => `SELECT key FROM ${grams} WHERE gram = ${literal(g)}`)
    .join('\nINTERSECT\n');
}

/** Keys of the published cases holding every bigram of every term (non-empty terms). */
export function searchCandidatesSql(terms: string[], grams = 'base_search_grams'): string {
  return terms.map((t) => `(${termCandidatesSql(t, grams)})`).join('\nINTERSECT\n');
}
