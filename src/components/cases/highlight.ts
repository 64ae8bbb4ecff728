// Splitting a text into plain and marked pieces, so matches can be wrapped in <mark> React elements.
// Pure (no React): the pieces are rendered by <Highlighted>; text is never turned into HTML.

export interface Piece {
  text: string;
  /** Index of the term group that matched (e.g. 0 = figures, 1 = search hits), or null for plain text. */
  group: number | null;
}

/**
 * Cut `text` at every occurrence of any term. Earlier groups win where terms overlap; within a group
 * longer terms win. Adjacent matches of one group merge into one piece. Empty terms are ignored.
 */
export function highlightPieces(text: string, groups: readonly (readonly string[])[]): Piece[] {
  if (text === '') return [];
  const terms = groups
    .flatMap((list, group) => list.filter((t) => t !== '').map((term) => ({ term, group })))
    .sort((a, b) => a.group - b.group || b.term.length - a.term.length);
  // Each character belongs to the group of the first term that covers it (or to none).
  const owner: (number | null)[] = new Array(text.length).fill(null);
  for (const { term, group } of terms) {
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
      const free = owner.slice(at, at + term.length).every((g) => g === null);
      if (free) owner.fill(group, at, at + term.length);
    }
  }
  const pieces: Piece[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || owner[i] !== owner[start]) {
      pieces.push({ text: text.slice(start, i), group: owner[start] });
      start = i;
    }
  }
  return pieces;
}
