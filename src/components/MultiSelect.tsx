// A compact multi-select: a button that opens a checkbox list (with case counts).
import { useEffect, useId, useRef, useState } from 'react';
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
  /** Called when the list opens: options may be fetched only then. */
  onOpen?: () => void;
  /** The options are still being fetched. */
  loading?: boolean;
}

export function MultiSelect<V extends string | number>({ label, options, selected, onChange, name, labelOf, onOpen, loading }: MultiSelectProps<V>) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

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
    <div className={`multi-select${selected.length ? ' active' : ''}`} ref={root} data-filter={name}>
      <button type="button" className="multi-select-button" aria-expanded={open} aria-controls={listId} onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}>
        <span className="multi-select-label">{label}</span>
        <span className="multi-select-value">{summary}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="multi-select-menu" id={listId} role="listbox" aria-multiselectable="true" aria-label={label}>
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
