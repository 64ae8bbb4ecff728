// Text with marked terms, as React elements (<mark>), never as HTML: document texts are untrusted.
import { highlightPieces } from './highlight.ts';

export interface HighlightedProps {
  text: string | null | undefined;
  /** Term groups; group i is marked with className `classes[i]`. */
  groups: readonly (readonly string[])[];
  classes?: readonly string[];
  /** Tooltip of a marked piece (e.g. the figure's normalised value). */
  titleOf?: (piece: string, group: number) => string | undefined;
}

export function Highlighted({ text, groups, classes = ['v-mark-fig', 'v-mark-hit'], titleOf }: HighlightedProps) {
  const pieces = highlightPieces(text ?? '', groups);
  return (
    <>
      {pieces.map((p, i) =>
        p.group === null ? (
          <span key={i}>{p.text}</span>
        ) : (
          <mark key={i} className={classes[p.group] ?? 'v-mark-hit'} title={titleOf?.(p.text, p.group)}>
            {p.text}
          </mark>
        ),
      )}
    </>
  );
}
