// A select of the provinces that have cases (with their counts).
import { memo, useMemo } from 'react';
import { useViewSql } from '../../hooks/useSnapshotSql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { compareProvinces } from '../../queries/compare.ts';

export interface ProvincePickerProps {
  label: string;
  value: string;
  onChange: (province: string) => void;
  testId: string;
}

// memo, and its options kept while the provinces' answer and the value are: a filter change re-renders the view
// (its answers arrive one by one), and each render rebuilt both pickers' thirty-odd options for nothing.
export const ProvincePicker = memo(function ProvincePicker({ label, value, onChange, testId }: ProvincePickerProps) {
  const { provinceName } = useI18n();
  const { data } = useViewSql(compareProvinces());
  const options = useMemo(() => {
    const list = (data ?? []).map((r) => ({ value: r.province, n: r.cases }));
    // Keep the current value selectable even if it has no cases (e.g. a pasted link).
    if (!list.some((o) => o.value === value)) list.push({ value, n: 0 });
    return list.map((o) => (
      <option key={o.value} value={o.value}>
        {provinceName(o.value)} ({o.n})
      </option>
    ));
  }, [data, value, provinceName]);
  return (
    <label>
      {label}
      <select value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        {options}
      </select>
    </label>
  );
});
