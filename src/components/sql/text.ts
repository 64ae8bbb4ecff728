// UI strings of the analyst workflows (SQL console, import, labels), both languages. Kept beside these
// components rather than in i18n/dict.ts so engineers do not edit one file at once; same shape as DICT.
import { useI18n } from '../../i18n/i18n.tsx';

export const WORK_TEXT = {
  'sql.nav': { zh: 'SQL', en: 'SQL' },
  'sql.title': { zh: 'SQL 查询', en: 'SQL console' },
  'sql.hint': {
    zh: '对数据表直接写 SQL（DuckDB 语法）。Ctrl+Enter 运行。查询会写入链接，可直接分享。',
    en: 'Write SQL (DuckDB dialect) against the tables. Ctrl+Enter runs it. The query is kept in the link, so it can be shared.',
  },
  'sql.run': { zh: '运行', en: 'Run' },
  'sql.cancel': { zh: '取消', en: 'Cancel' },
  'sql.running': { zh: '正在运行…', en: 'Running…' },
  'sql.cancelled': { zh: '查询已取消。', en: 'Query cancelled.' },
  'sql.error': { zh: 'DuckDB 报错：', en: 'DuckDB error:' },
  'sql.rows': { zh: '{n} 行 · {ms} 毫秒', en: '{n} rows · {ms} ms' },
  'sql.truncated': { zh: '（结果过多，只显示前 {n} 行）', en: '(too many rows: the first {n} are shown)' },
  'sql.noRows': { zh: '查询没有返回任何行。', en: 'The query returned no rows.' },
  'sql.schema': { zh: '表与字段', en: 'Tables and columns' },
  'sql.schemaHint': { zh: '点击表名插入查询；示例值取自第一条非空数据。', en: 'Click a table to query it; examples are the first non-null value.' },
  'sql.view': { zh: '视图', en: 'view' },
  'sql.table': { zh: '表', en: 'table' },
  'sql.rowCount': { zh: '{n} 行', en: '{n} rows' },
  'sql.column': { zh: '字段', en: 'Column' },
  'sql.type': { zh: '类型', en: 'Type' },
  'sql.example': { zh: '示例', en: 'Example' },
  'sql.result': { zh: '查询结果', en: 'Result' },
  'sql.chart': { zh: '图表', en: 'Chart' },
  'sql.x': { zh: '横轴', en: 'X' },
  'sql.y': { zh: '数值', en: 'Y' },
  'sql.series': { zh: '分组', en: 'Series' },
  'sql.none': { zh: '（无）', en: '(none)' },
  'sql.bar': { zh: '柱状图', en: 'Bar' },
  'sql.line': { zh: '折线图', en: 'Line' },
  'sql.noNumeric': { zh: '结果中没有数值列，无法作图。', en: 'The result has no numeric column to chart.' },
  'sql.chartTitle': { zh: '{y} 按 {x}', en: '{y} by {x}' },

  'ws.button': { zh: '导入与标注', en: 'Import & labels' },
  'ws.title': { zh: '我的工作区', en: 'My workspace' },
  'ws.close': { zh: '关闭', en: 'Close' },
  'ws.note': {
    zh: '导入的文件和标注只保存在本浏览器中。',
    en: 'Imported documents and labels are kept in this browser only.',
  },
  'imp.title': { zh: '导入公告文件', en: 'Import an announcement' },
  'imp.hint': {
    zh: '拖入或选择 .txt 格式的典型经验做法公告（UTF-8）。解析方式与已发布数据相同，新案例会出现在所有页面中并标为“导入”。',
    en: 'Drop or choose a .txt announcement of typical practices (UTF-8). It is read like the published data; its cases appear in every view, marked as imported.',
  },
  'imp.choose': { zh: '选择文件…', en: 'Choose files…' },
  'imp.drop': { zh: '或把文件拖到这里', en: 'or drop files here' },
  'imp.working': { zh: '正在解析 {n} 个文件…', en: 'Reading {n} file(s)…' },
  'imp.done': { zh: '已导入 {file}：{cases} 个案例，{metrics} 个数据', en: 'Imported {file}: {cases} cases, {metrics} figures' },
  'imp.failed': { zh: '无法导入：', en: 'Not imported:' },
  'imp.untouched': { zh: '已加载的数据未受影响。', en: 'The data loaded before is unchanged.' },
  'imp.list': { zh: '已导入的文件', en: 'Imported documents' },
  'imp.none': { zh: '尚未导入任何文件。', en: 'No document imported yet.' },
  'imp.remove': { zh: '移除', en: 'Remove' },
  'imp.cases': { zh: '{n} 个案例', en: '{n} cases' },
  'imp.when': { zh: '导入于 {t}', en: 'imported {t}' },

  'lab.title': { zh: '我的指标标注', en: 'My indicator labels' },
  'lab.hint': {
    zh: '在案例页可把案例改归到另一指标；改动在所有页面生效，并标为“分析人员标注”。',
    en: 'On a case page a case can be re-filed under another indicator; the change applies in every view, marked as an analyst’s.',
  },
  'lab.none': { zh: '尚无标注。', en: 'No labels yet.' },
  'lab.export': { zh: '导出 CSV', en: 'Export CSV' },
  'lab.import': { zh: '导入 CSV…', en: 'Import CSV…' },
  'lab.clear': { zh: '全部清除', en: 'Clear all' },
  'lab.applied': { zh: '已应用 {n} 条标注。', en: '{n} label(s) applied.' },
  'lab.problems': { zh: '{n} 行未导入（已有标注保持不变）：', en: '{n} row(s) not imported (existing labels are unchanged):' },
  'lab.line': { zh: '第 {line} 行：{message}', en: 'line {line}: {message}' },
  'lab.from': { zh: '原为 {ind}', en: 'was {ind}' },
  'lab.remove': { zh: '撤销', en: 'Undo' },

  'rel.label': { zh: '改归指标', en: 'Re-file under' },
  'rel.save': { zh: '保存', en: 'Save' },
  'rel.reset': { zh: '恢复原指标（{ind}）', en: 'Back to {ind}' },
  'rel.saved': { zh: '已改归，所有页面已更新。', en: 'Re-filed; every view is updated.' },
  'rel.yours': { zh: '这是您的标注（原指标：{ind}）', en: 'Your label (originally: {ind})' },
} as const;

export type WorkTextKey = keyof typeof WORK_TEXT;

/** wt(key, vars): a string in the UI language; `{name}` placeholders filled from vars. */
export function useWorkText(): (key: WorkTextKey, vars?: Record<string, string | number>) => string {
  const { lang } = useI18n();
  return (key, vars) => {
    let text: string = WORK_TEXT[key][lang];
    if (vars) for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, String(value));
    return text;
  };
}
