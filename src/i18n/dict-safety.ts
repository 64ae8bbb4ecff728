// UI strings of the safeguards: values refused in a link, the SQL console's linked query (both languages).
export const SAFETY_TEXT = {
  'url.rejected': {
    zh: '链接中有无效的参数，已改用默认值：{names}',
    en: 'Some values in the link were not valid; the defaults are used instead: {names}',
  },
  'url.dismiss': { zh: '知道了', en: 'Dismiss' },
  'sql.linked': {
    zh: '这条查询来自链接，尚未运行。请先阅读，确认无误后再点击“运行”。',
    en: 'This query came with the link and has not been run. Read it first, then click Run.',
  },
  'sql.readOnly': {
    zh: '控制台只运行读取数据的语句（SELECT、WITH、DESCRIBE 等），不会运行 {keyword} 语句。',
    en: 'The console only runs statements that read (SELECT, WITH, DESCRIBE …); a {keyword} statement is not run.',
  },
  'sql.notInLink': {
    zh: '查询太长，未写入链接（分享前请缩短）。',
    en: 'The query is too long to be kept in the link (shorten it to share it).',
  },
} satisfies Record<string, { zh: string; en: string }>;
