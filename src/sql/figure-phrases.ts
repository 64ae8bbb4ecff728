// SQL expressions that write a figure as a phrase and order a case's figures on its card. Shared by the
// case lists (cases.ts), the measures (measures.ts) and the indexes built at export (indexes.ts); kept free of
// other imports because indexes.ts is part of the app's first load (src/sql/tables.ts).

/** SQL: a number with at most two decimals and no trailing zeros (1.5, 3, 0.25). */
const numberSql = (x: string) => `regexp_replace(printf('%.2f', ${x}), '\\.?0+$', '')`;

/** SQL: a value of measure `m` in words — a time in 天 / 小时 / 分钟 (whichever keeps it ≥ 1), else with its unit. */
function valueSql(x: string, m: string): string {
  return `CASE WHEN ${m}.dimension = 'time' THEN (CASE WHEN ${x} = 0 THEN '0天' WHEN ${x} >= 1 THEN ${numberSql(x)} || '天'
    WHEN ${x} * 24 >= 1 THEN ${numberSql(`${x} * 24`)} || '小时' ELSE ${numberSql(`${x} * 1440`)} || '分钟' END)
  ELSE ${numberSql(x)} || ${m}.unit_norm END`;
}

/**
 * SQL: a figure's phrase with the change it states, for case cards — "…压缩至1.5个工作日（5天 → 1.5天，−70%）";
 * the phrase alone for a figure that states no before → after. `m` is the metrics alias.
 */
export function phraseWithChangeSql(m: string): string {
  return `${m}.text || CASE WHEN ${m}.dimension IS NOT NULL AND ${m}.before_value IS NOT NULL AND ${m}.after_value IS NOT NULL THEN
    '（' || ${valueSql(`${m}.before_value`, m)} || ' → ' || ${valueSql(`${m}.after_value`, m)}
    || coalesce('，−' || ${numberSql(`${m}.reduction_pct`)} || '%', '') || '）' ELSE '' END`;
}

/** SQL: the order of a case's figures on its card — stated before → after measures, then times, then other measures. */
export function measureFirstSql(m: string): string {
  return `CASE WHEN ${m}.dimension IS NOT NULL AND ${m}.before_value IS NOT NULL AND ${m}.after_value IS NOT NULL THEN -4
    WHEN ${m}.dimension = 'time' AND ${m}.after_value IS NOT NULL THEN -3 WHEN ${m}.dimension IS NOT NULL AND ${m}.text ~ '[0-9]' THEN -2
    WHEN ${m}.dimension IS NOT NULL THEN -1`;
}

/**
 * The order of figures `m` on a case card: reform measures first (measureFirstSql; a stated before → after
 * written out by phraseWithChangeSql), then before→after figures, durations and money, then the rest; then metric_id.
 */
export function keyFigureOrderSql(m: string): string {
  return `${measureFirstSql(m)}
           WHEN ${m}.before_value IS NOT NULL THEN 0 WHEN ${m}.kind IN ('duration', 'money') THEN 1
           WHEN ${m}.kind = 'percent' THEN 2 ELSE 3 END, ${m}.metric_id`;
}
