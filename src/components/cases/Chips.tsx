// A row of chips: the terms two cases share, an indicator's evidence terms, or a case's figures.
export interface ChipsProps {
  items: string[];
  /** 'term' for matched words, 'fig' for figures (styled apart in views.css). */
  kind: 'term' | 'fig';
  label?: string;
}

export function Chips({ items, kind, label }: ChipsProps) {
  return (
    <ul className="v-chips" aria-label={label}>
      {items.map((item, i) => (
        // Figures can repeat within a case, so the position is part of the key.
        <li key={`${i}:${item}`} className={`v-chip v-chip-${kind}`}>
          {item}
        </li>
      ))}
    </ul>
  );
}
