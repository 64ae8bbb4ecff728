// Reform measures as readers say them: a time in days shown in minutes, hours or days, counts with what
// they count, and a change as "5 → 1.5 天, −70%". Pure; the unit words come from the i18n dictionary and
// units.ts (every unit in the UI's language).
import type { DictKey } from '../../i18n/dict.ts';
import type { I18n } from '../../i18n/i18n.tsx';
import type { CaseMeasureRow } from '../../queries/measures.ts';
import { formatWan, trim } from './values.ts';

type T = (key: DictKey, vars?: Record<string, string | number>) => string;
/** What the formatters need of the UI language. */
export type Say = Pick<I18n, 't' | 'lang' | 'unitName'>;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A time in days as the largest unit that keeps it ≥ 1: 1.5 天, 3 小时, 25 分钟 (0 stays 0). */
export function formatDays(days: number, t: T): string {
  if (days === 0) return '0';
  if (days >= 1) return `${trim(round2(days))} ${t('unit.day')}`;
  if (days * 24 >= 1) return `${trim(round2(days * 24))} ${t('unit.hour')}`;
  return `${trim(round2(days * 1440))} ${t('unit.minute')}`;
}

/** A value of a dimension in its normalised unit (metrics.unit_norm), for labels. */
export function formatMeasureValue(value: number, dimension: string, unitNorm: string, say: Say): string {
  const { t } = say;
  switch (dimension) {
    case 'time':
      return formatDays(value, t);
    case 'steps':
    case 'documents':
    case 'visits':
      return `${trim(round2(value))} ${t(`unit.${dimension}` as DictKey)}`;
    default:
      return unitNorm === '万元' ? formatWan(value, say.lang) : `${trim(round2(value))}${unitNorm === '%' ? '%' : ` ${say.unitName(unitNorm)}`}`;
  }
}

/** "5 天 → 1.5 天, −70%", "→ 1 天", "−62.4%" — what a measure row says, '' when it says no number. */
export function formatChange(row: Pick<CaseMeasureRow, 'dimension' | 'unit_norm' | 'before_value' | 'after_value' | 'reduction_pct'>, say: Say): string {
  const dimension = row.dimension;
  const unit = row.unit_norm ?? '';
  const before = row.before_value;
  const after = row.after_value;
  const pct = row.reduction_pct;
  const parts: string[] = [];
  if (after !== null) {
    parts.push(before !== null ? `${formatMeasureValue(before, dimension, unit, say)} → ${formatMeasureValue(after, dimension, unit, say)}` : `→ ${formatMeasureValue(after, dimension, unit, say)}`);
  }
  if (pct !== null && pct > 0) parts.push(`−${trim(round2(pct))}%`);
  return parts.join(', ');
}
