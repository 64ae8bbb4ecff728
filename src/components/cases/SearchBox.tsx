// The search field of the cases table: typing updates the URL after a short pause (replaceState, so
// each keystroke does not become a history entry); an outside change (back/forward) resets the field.
import { useEffect, useRef, useState } from 'react';

export interface SearchBoxProps {
  value: string;
  placeholder: string;
  clearLabel: string;
  onSearch: (text: string) => void;
}

const PAUSE_MS = 250;

export function SearchBox({ value, placeholder, clearLabel, onSearch }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A new value from outside (a link, back/forward, a cleared filter) replaces what is typed.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const change = (next: string) => {
    setText(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => onSearch(next.trim()), PAUSE_MS);
  };
  return (
    <>
      <input
        type="search"
        value={text}
        placeholder={placeholder}
        aria-label={placeholder}
        data-testid="case-search"
        onChange={(e) => change(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            if (timer.current) clearTimeout(timer.current);
            onSearch(text.trim());
          }
        }}
      />
      {text && (
        <button type="button" className="tool" onClick={() => change('')}>
          {clearLabel}
        </button>
      )}
    </>
  );
}
