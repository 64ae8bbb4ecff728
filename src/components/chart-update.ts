// How a chart already drawn takes its next option: the one rule for every chart that is updated in place (EChart.tsx)
// and for the warm-up's detached chart (chart-warm-up.ts), so that the warm-up runs the very code an update runs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ECharts options are free-form nested objects
type Option = Record<string, any>;

/**
 * The option is the whole chart, as with notMerge: every component of the old or the new option is replaced
 * (replaceMerge: the new option's components, none of the old one's) — but the tooltip, which is merged while both
 * options have one: with notMerge ECharts disposes of every view and makes it anew, and a new tooltip view makes its
 * HTML container anew and measures the page (a forced layout per chart per update). A chart's tooltip options keep
 * their shape from one update to the next (its formatter is given anew each time). The keys that are no component
 * (color, animation) are merged as values whatever the list says: ChartCard gives them in every option.
 */
function replacedParts(old: Option | null, next: Option): string[] {
  const keys = new Set([...Object.keys(old ?? {}), ...Object.keys(next)]);
  const keepTooltip = Boolean(old?.tooltip && next.tooltip);
  return [...keys].filter((key) => !(key === 'tooltip' && keepTooltip));
}

/**
 * setOption's settings for `next` after `old`. An option with media queries is given whole: ECharts applies its media
 * options on top of a merged option, and with replaceMerge a media option moving a component (a phone's grid) breaks
 * the next update.
 */
export function updateSettings(old: Option | null, next: Option): { notMerge: true } | { replaceMerge: string[] } {
  return next.media ? { notMerge: true } : { replaceMerge: replacedParts(old, next) };
}
