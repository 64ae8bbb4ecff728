// The text search's index, built at export into dashboard.duckdb (DuckDB's fts extension is not in
// DuckDB-wasm, and it would not split Chinese anyway):
//   search_text   (key, case_id, the searched text columns) one row per canonical published case, sorted by
//                 key = the case's position in case_list's order (the Cases view's default order)
//   search_chars  (gram, key) one row per distinct character of a case's text (gram: its code point)
//   search_grams  (gram, key, next1, next2, next3) one row per character of a case's text: the phrase of five
//                 characters starting there, gram = its first two code points packed into one integer
//                 (first << 21 | second), next1..3 the three after them (0 past the text's end); sorted by
//                 gram, next1, next2, next3, key: a term's rows are one run of the table (its head bigram's,
//                 narrowed by each next character it has), so DuckDB's zone maps skip every other row, and the
//                 next characters compress to runs (sorted by key before them, they took 5–6 bytes a row).
//   search_text_parts (key, col, part, text) the texts a snippet is taken from (SNIPPET_COLUMNS; col: the
//                 column's position there) cut into parts of PART_LENGTH characters, sorted by key, col, part. A
//                 page's snippets read its cases' parts only: DuckDB reads a column 2,048 rows at a time, and
//                 2,048 rows of search_text's measures are ~3 MB (at 1M the page's snippets read 6.6 MB of it
//                 in the browser), 2,048 parts ~200 KB.
// search_chars is sorted by gram, then key (the Cases view's default order).
// A case's text is its searched columns joined by a newline; search terms never hold whitespace (searchTerms
// splits on it), so no posting whose first two characters hold a newline is written, and no term matches
// across columns.
//
// What the postings answer (searchCandidatesSql), one row per case:
//   a term of 1 character: exactly the cases holding it (search_chars);
//   a term of 2 to 5 characters: exactly the cases holding it (search_grams: the distinct keys of its head
//     bigram's rows whose next characters are the term's);
//   a longer term: the cases holding each of its 5-character pieces, a superset, verified against the texts.
// Only published cases are indexed: the analyst's imported cases are few and searched by their text directly.
import type { IndexTable } from './indexes.ts';
import { literal } from './quote.ts';

/** The simplified text columns a search looks in, in the order a snippet is taken from. */
export const SEARCH_COLUMNS = ['title', 'background', 'measures', 'outcomes'] as const;

/** The text columns a snippet is taken from (the title is shown anyway), in the order it looks in them. */
export const SNIPPET_COLUMNS = SEARCH_COLUMNS.slice(1);

/** Every column a term is looked for in: the simplified texts, the published original title and the id. */
export const MATCHED_COLUMNS = [...SEARCH_COLUMNS, 'title_original', 'case_id'] as const;

/** One text per case, its matched columns joined by newlines (NULLs skipped). */
const INDEXED_TEXT = `concat_ws(chr(10), ${MATCHED_COLUMNS.join(', ')})`;

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

/** Characters per row of search_text_parts. */
const PART_LENGTH = 64;

const SEARCH_TEXT_PARTS: IndexTable = {
  published: 'search_text_parts',
  base: 'base_search_text_parts',
  // The snippet columns cut into parts of PART_LENGTH characters (code points, as substring counts them), NULL
  // and empty texts giving none; the two unnests of three run side by side (one row per column).
  select: () => `SELECT key, col, part::INTEGER AS part, substring(text, part * ${PART_LENGTH} + 1, ${PART_LENGTH}) AS text
FROM (SELECT key, col, text, unnest(range(0, (length(text) + ${PART_LENGTH - 1}) // ${PART_LENGTH})) AS part
  FROM (SELECT key, unnest(range(${SNIPPET_COLUMNS.length}))::UTINYINT AS col, unnest([${SNIPPET_COLUMNS.join(', ')}]) AS text FROM ${SEARCH_TEXT.base}))`,
  order: 'key, col, part',
};

/**
 * The snippet columns of the published cases of `page` (a relation with `key` and `case_id`), whole again from
 * their parts: one row per case that has any, by case_id.
 */
export function pageSnippetTextsSql(page: string): string {
  return `SELECT p.case_id, ${SNIPPET_COLUMNS.map((c, i) => `string_agg(t.text, '' ORDER BY t.part) FILTER (WHERE t.col = ${i}) AS ${c}`).join(', ')}
  FROM ${SEARCH_TEXT_PARTS.base} t JOIN ${page} p ON p.key = t.key GROUP BY p.case_id`;
}

/** Characters a posting row names after its head bigram: a row stands for a phrase of up to 2 + NEXT characters. */
const NEXT = 3;
const NEXT_COLUMNS = Array.from({ length: NEXT }, (_, i) => `next${i + 1}`);

/** The longest term the postings answer exactly, with no text to verify. */
const EXACT_LENGTH = 2 + NEXT;

const SEARCH_CHARS: IndexTable = {
  published: 'search_chars',
  base: 'base_search_chars',
  // Every character once per case (the newlines joining the columns left out: a term never holds one).
  select: () => `SELECT gram, key FROM (
  SELECT key, unnest(list_distinct(list_filter(list_transform(string_split(${INDEXED_TEXT}, ''), ch -> unicode(ch)), cp -> cp <> 10))) AS gram
  FROM ${SEARCH_TEXT.base})`,
  order: 'gram, key',
};

const SEARCH_GRAMS: IndexTable = {
  published: 'search_grams',
  base: 'base_search_grams',
  // Over the text table written just before (export order: SEARCH_INDEXES). Code points by string_split (not
  // bytes); a row per position whose head bigram holds no newline, as it comes: making a case's phrases
  // distinct in SQL (list_distinct or list_sort over structs, or a window for the first of each) cost 3–10×
  // the rest of the export at 2,000 cases, so a phrase found twice in a case is two rows and a search takes
  // the distinct keys. One sort at the end.
  select: () => `SELECT (cps[i]::BIGINT << ${SECOND_BITS}) | cps[i + 1] AS gram, key,
  ${NEXT_COLUMNS.map((c, k) => `coalesce(cps[i + ${k + 2}], 0) AS ${c}`).join(', ')}
FROM (SELECT key, cps, unnest(range(1, len(cps))) AS i
  FROM (SELECT key, list_transform(string_split(${INDEXED_TEXT}, ''), ch -> unicode(ch)) AS cps FROM ${SEARCH_TEXT.base}))
WHERE cps[i] <> 10 AND cps[i + 1] <> 10`,
  order: `gram, ${NEXT_COLUMNS.join(', ')}, key`,
};

/** The postings: a row per character of every text (at a million cases, 2.5 billion rows of search_grams). */
export const SEARCH_POSTINGS: IndexTable[] = [SEARCH_CHARS, SEARCH_GRAMS];

/** The search index's tables, in the order the export writes them (the postings read the texts). */
export const SEARCH_INDEXES: IndexTable[] = [SEARCH_TEXT, SEARCH_TEXT_PARTS, ...SEARCH_POSTINGS];

/** A term's code points (not UTF-16 units: a character outside the BMP is one code point, as in DuckDB). */
function codePoints(term: string): number[] {
  return Array.from(term, (ch) => ch.codePointAt(0) ?? 0);
}

/** Whether the index's postings alone answer the term exactly (no text to verify): up to EXACT_LENGTH characters. */
export function answeredByIndex(term: string): boolean {
  return codePoints(term).length <= EXACT_LENGTH;
}

/** Keys of the published cases holding the phrase `cps` (1 to EXACT_LENGTH code points), one row per case. */
function phraseKeysSql(cps: number[], chars: string, grams: string): string {
  if (cps.length === 1) return `SELECT key FROM ${chars} WHERE gram = ${literal(cps[0])}`;
  const nexts = cps.slice(2).map((cp, k) => `${NEXT_COLUMNS[k]} = ${literal(cp)}`);
  return `SELECT DISTINCT key FROM ${grams} WHERE ${[`gram = ${literal(cps[0] * 2 ** SECOND_BITS + cps[1])}`, ...nexts].join(' AND ')}`;
}

/**
 * The phrases whose postings a term is looked up by: the term itself up to EXACT_LENGTH characters; a longer
 * term, its pieces of EXACT_LENGTH characters every EXACT_LENGTH characters and the last such piece (together
 * they cover it, so a case holding the term holds them all).
 */
function termPhrases(cps: number[]): number[][] {
  if (cps.length <= EXACT_LENGTH) return [cps];
  const starts = new Set<number>();
  for (let at = 0; at + EXACT_LENGTH <= cps.length; at += EXACT_LENGTH) starts.add(at);
  starts.add(cps.length - EXACT_LENGTH);
  return [...starts].map((at) => cps.slice(at, at + EXACT_LENGTH));
}

/**
 * Keys of the published cases holding every term (non-empty terms), one row per case: exactly those cases
 * when every term is answeredByIndex, else a superset to verify against the texts.
 */
export function searchCandidatesSql(terms: string[], chars = 'base_search_chars', grams = 'base_search_grams'): string {
  const lookups = terms.flatMap((t) => termPhrases(codePoints(t)).map((cps) => phraseKeysSql(cps, chars, grams)));
  return [...new Set(lookups)].join('\nINTERSECT\n');
}
