// The ingest's messages (src/ingest/messages.ts: codes with parameters) in the UI's language. A message stored
// before messages had codes is an English sentence: it is shown as it is, never dropped.
import type { IngestMessage, IngestMessageCode } from '../ingest/messages.ts';
import type { Lang } from '../state/filters.ts';

/** Document fields a message may name (ValueOrigin.field, a hint conflict's field). */
const FIELD: Record<string, { zh: string; en: string }> = {
  province: { zh: '省份', en: 'province' },
  year: { zh: '年份', en: 'year' },
  batch: { zh: '批次', en: 'batch' },
  published: { zh: '发布日期', en: 'publication date' },
  issuer: { zh: '发布单位', en: 'issuer' },
  title: { zh: '标题', en: 'title' },
};

/** One template per code and language; `{name}` is filled from the message's parameters. */
export const INGEST_MESSAGES: Record<IngestMessageCode, { zh: string; en: string }> = {
  hint_conflict: { zh: '{field}：正文为 {text}，清单（sources.json）为 {manifest}；采用正文', en: "{field}: the text says {text}, the manifest says {manifest}; kept the text's" },
  announced_mismatch: { zh: '公告称共 {announced} 个案例，实际找到 {found} 个', en: 'the notice announces {announced} cases, {found} were found' },
  cases_without_text: { zh: '找到的 {found} 个案例中有 {n} 个没有正文（通知只列出了案例名单）', en: '{n} of the {found} cases have no text (the notice only lists them)' },
  published_contradicts_year: { zh: '发布日期为 {published}，但正文所称年份为 {year} 年，请核对', en: 'the notice is dated {published}, but its text names the year {year}: please check' },
  several_provinces: { zh: '发布单位不属于某一省份，案例来自 {n} 个省份', en: 'no province issued the notice; its cases come from {n} provinces' },
  seq_collision: { zh: '两个案例序号相同，案例编号重复', en: 'two cases share a sequence number; their ids collide' },
  last_case_long: { zh: '最后一个案例“{title}”有 {paragraphs} 段，其余案例至多 {usual} 段：可能混入了通知的结束语，请核对', en: "the last case, {title}, has {paragraphs} paragraphs, the others at most {usual}: it may hold the notice's closing — please check" },
  first_case_preamble: { zh: '第一个案例“{title}”未写明地点，且谈及本通知的案例：可能是通知的导语，请核对', en: "the first case, {title}, names no place and speaks of the notice's cases: it may be the preamble — please check" },
  prefix_renamed: { zh: '另一文件的案例编号也以 {shared} 开头；本文件改用 {used}', en: 'case ids of another document share {shared}; this one uses {used}' },
  page_chrome_dropped: { zh: '已略去网页正文以外的 {n} 行（导航、页脚等）', en: '{n} line(s) of the web page outside its article (navigation, footer) left out' },
  cases_excluded: { zh: '分析人员排除了 {n} 个案例', en: '{n} case(s) excluded by the analyst' },
  origin_analyst: { zh: '由分析人员设定', en: 'set by the analyst' },
  origin_manifest: { zh: '取自清单（sources.json）', en: 'from the manifest (sources.json)' },
  origin_named_by: { zh: '由{by}指明', en: 'named by the {by}' },
  origin_case_places: { zh: '据案例标题与正文中的地名推断', en: 'inferred from the places the titles and bodies name' },
  origin_latest_date: { zh: '据正文中最晚的完整日期（{year}）', en: 'from the latest full date in the text ({year})' },
  origin_most_named_year: { zh: '据正文中出现最多的年份（{times} 次）', en: 'from the year named most often in the text ({times}×)' },
};

/** Words a parameter may hold (a field's name, who named the province) in the UI's language. */
function paramText(name: string, value: string | number, lang: Lang): string {
  if ((name === 'field' || name === 'by') && typeof value === 'string') {
    if (value === 'issuer' || value === 'title' || FIELD[value]) return FIELD[value]?.[lang] ?? value;
  }
  return String(value);
}

/** The message in `lang`; a stored English sentence (or a code this build does not know) as it is. */
export function ingestMessage(message: IngestMessage | string, lang: Lang): string {
  if (typeof message === 'string') return message;
  const template = INGEST_MESSAGES[message.code]?.[lang];
  if (!template) return message.code;
  let text = template;
  for (const [name, value] of Object.entries(message.params ?? {})) text = text.replaceAll(`{${name}}`, paramText(name, value as string | number, lang));
  return text;
}
