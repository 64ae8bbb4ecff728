// The two table cells that say how alike two cases are: the similarity score and the terms they share
// (the case page's similar cases, the Compare view's pairs).
import type { Row } from '../../queries/types.ts';
import { Chips } from './Chips.tsx';
import { strings } from './values.ts';

/** `row.score` (null: no pair, shown empty) and `row.shared_terms`. */
export function SimilarityCells({ row }: { row: Row }) {
  return (
    <>
      <td className="v-score">{row.score === null ? '' : Number(row.score).toFixed(2)}</td>
      <td>
        <Chips items={strings(row.shared_terms)} kind="term" />
      </td>
    </>
  );
}
