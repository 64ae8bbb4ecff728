// A select of the provinces that have cases (with their counts).
import { useViewSql } from '../../hooks/useSnapshotSql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { compareProvinces } from '../../queries/compare.ts';

export interface ProvincePickerProps {
  label: string;
  value: string;
  onChange: (province: string) => void;
  testId: string;
}

export function ProvincePicker({ label, value, onChange, testId }: ProvincePickerProps) {
  const { provinceName } = useI18n();
  const { data } = useViewSql(compareProvinces());
  const options = (data ?? []).map((r) => ({ value: r.province, n: r.cases }));
  // Keep the current value selectable even if it has no cases (e.g. a pasted link).
  if (!options.some((o) => o.value === value)) options.push({ value, n: 0 });
  return (
    <label>
      {label}
      <select value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {provinceName(o.value)} ({o.n})
          </option>
        ))}
      </select>
    </label>
  );
}
