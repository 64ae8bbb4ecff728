// A compact multi-select: a button that opens a group of checkboxes (with case counts). Keyboard: Enter/Space
// or ↓ opens it, arrows / Home / End move between the options, Space ticks one, Esc closes it and focus
// returns to the button; leaving it with Tab closes it.
import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export interface Option<V extends string | number> {
  value: V;
  label: string;
  count?: number;
}

export interface MultiSelectProps<V extends string | number> {
  label: string;
  options: Option<V>[];
  selected: V[];
  onChange: (values: V[]) => void;
  /** data-filter attribute, for tests. */
  name: string;
  /** Label of a selected value that is not among the options (e.g. before the options are loaded). */
  labelOf?: (value: V) => string;
  /** Called when the menu opens (true) or closes (false): options may be fetched only while it is open. */
  onOpenChange?: (open: boolean) => void;
  /** The options are still being fetched. */
  loading?: boolean;
}

export function MultiSelect<V extends string | number>({ label, options, selected, onChange, name, labelOf, onOpenChange, loading }: MultiSelectProps<V>) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  useEffect(() => onOpenChange?.(open), [open, onOpenChange]);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  /** The menu's focusable items (the "all" button and the checkboxes), in order. */
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('button, input') ?? [])];

  // Opened from the keyboard, focus moves to the first option as soon as there is one (options may
  // still be loading when the menu opens), so arrows and Esc act on the menu.
  const focusFirst = useRef(false);
  useEffect(() => {
    if (!open || !focusFirst.current) return;
    const first = menu.current?.querySelector<HTMLElement>('input');
    if (first) {
      first.focus();
      focusFirst.current = false;
    }
  });
  const show = (byKeyboard: boolean) => {
    focusFirst.current = byKeyboard;
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  // Keys inside the open menu: Esc closes it and gives focus back to the button; arrows, Home and End
  // move between the options (and never scroll the page).
  const onMenuKey = (e: ReactKeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
      return;
    }
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const to =
      e.key === 'ArrowDown' ? Math.min(list.length - 1, at + 1) : e.key === 'ArrowUp' ? Math.max(0, at - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? list.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    list[to]?.focus();
  };

  // A selected value stays listed even when the other filters leave it no cases.
  const all = [...options];
  for (const value of selected) if (!all.some((o) => o.value === value)) all.push({ value, label: labelOf?.(value) ?? String(value), count: 0 });

  const summary =
    selected.length === 0
      ? t('filter.all')
      : selected.length === 1
        ? (all.find((o) => o.value === selected[0])?.label ?? String(selected[0]))
        : t('filter.selected', { n: selected.length });

  const toggle = (value: V) => onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);

  return (
    <div
      className={`multi-select${selected.length ? ' active' : ''}`}
      ref={root}
      data-filter={name}
      // The menu closes once focus has left the whole control (Tab past the last option, or elsewhere).
      onBlur={(e) => {
        if (open && !(e.relatedTarget instanceof Node && root.current?.contains(e.relatedTarget))) setOpen(false);
      }}
    >
      <button
        type="button"
        ref={button}
        className="multi-select-button"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onClick={() => (open ? close(false) : show(false))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            show(true);
          } else if (e.key === 'ArrowDown' && open) {
            e.preventDefault();
            // The options may still be loading: focus moves to the first as soon as it is there.
            const first = items()[0];
            if (first) first.focus();
            else show(true);
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            close(true);
          }
        }}
      >
        <span className="multi-select-label">{label}</span>
        <span className="multi-select-value">{summary}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        // A group of checkboxes (each a native checkbox with its label), not a listbox.
        <div className="multi-select-menu" id={listId} role="group" aria-label={label} ref={menu} onKeyDown={onMenuKey}>
          {selected.length > 0 && (
            <button type="button" className="link" onClick={() => onChange([])}>
              {t('filter.all')}
            </button>
          )}
          {loading && <p className="multi-select-loading" aria-busy="true">{t('chart.loading')}</p>}
          {all.map((o) => (
            <label key={String(o.value)} className="multi-select-option">
              <input type="checkbox" checked={selected.includes(o.value)} onChange={() => toggle(o.value)} value={String(o.value)} />
              <span className="option-label">{o.label}</span>
              {o.count !== undefined && <span className="option-count">{o.count}</span>}
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
