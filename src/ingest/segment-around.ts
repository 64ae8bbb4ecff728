// The notice's own text around its cases, which a reading would otherwise take for case text: the preamble told
// under a headline (坚持问题导向 持续打造一流营商环境 / 今年以来…本批共遴选出4个典型案例), the closing after the
// last case (各区县、各部门要…), and attachments that are forms (附件2 / 复制推广工作进展情况统计表). Found by where
// they stand and how the cases around them are built, then by how the notice speaks (segment-patterns.ts).
import { announcedCount } from './segment-header.ts';
import type { Body } from './segment-layouts.ts';
import { opensWithPlace } from './segment-layouts.ts';
import {
  ORG_SUFFIX,
  closingParagraph,
  contributorLine,
  dateLine,
  editorNote,
  endsLikeProse,
  isFurniture,
  noticeRemark,
  noticeTitle,
  trailingContributor,
} from './segment-patterns.ts';
import type { IngestMessage } from './messages.ts';
import type { Line, SegmentedCase } from './types.ts';

/** Lines that are neither text nor a signature of it: chrome, dates, a signature block. */
const chrome = (t: string) => isFurniture(t) || editorNote(t) || dateLine(t) !== null;

/** Ends with the unit that presented it: a contributor line, or a paragraph signed (…。(宁波市发展改革委)). */
function signedLine(t: string): boolean {
  return contributorLine(t) !== null || trailingContributor(t) !== null;
}

/** An issuer's name alone on its line (the notice's signature above its date). */
function signatureLine(t: string): boolean {
  return [...t].length <= 40 && !endsLikeProse(t) && ORG_SUFFIX.test(t);
}

/** The body's lines of text, in order, without chrome. */
function textLines(lines: Line[], b: Body): number[] {
  return b.bodyIdx.filter((i) => !chrome(lines[i].simplified));
}

/**
 * Where the notice's closing starts inside the last case (an index into the document's lines), or null.
 * - Where every other case ends with the unit that presented it ((温州市市场监管局) under its text, or
 *   …。(供稿:长沙市数据资源局)), the last case ends there too: what follows its unit is the notice's.
 * - Else the last case's trailing paragraphs that speak as the notice does (closingParagraph): the issuer to its
 *   readers, of the cases as a set. The case keeps at least its first paragraph.
 */
export function closingStart(lines: Line[], bodies: Body[]): number | null {
  const last = bodies[bodies.length - 1];
  if (!last) return null;
  const own = textLines(lines, last);
  const others = bodies.slice(0, -1).map((b) => textLines(lines, b)).filter((t) => t.length > 0);
  if (others.length >= 2 && others.every((t) => signedLine(lines[t[t.length - 1]].simplified))) {
    const signedAt = own.findLastIndex((i) => signedLine(lines[i].simplified));
    if (signedAt >= 0 && signedAt + 1 < own.length) return own[signedAt + 1];
  }
  // The notice's signature (云南省人民政府办公厅 over its date) may follow the closing.
  let end = own.length;
  while (end > 0 && signatureLine(lines[own[end - 1]].simplified)) end--;
  // A paragraph told on the title's line (a first sentence) counts as the case's first.
  const keep = last.leadText !== null ? 0 : 1;
  let k = end;
  while (k - 1 >= keep && closingParagraph(lines[own[k - 1]].simplified)) k--;
  return k < end ? own[k] : null;
}

/**
 * The first "case" of a reading is the notice's preamble under a headline when its title names no place and its
 * text presents the notice's cases (现将…如下 / 本批共遴选出4个典型案例): a case never announces the others.
 */
export function preambleBody(lines: Line[], body: Body, others: number): boolean {
  if (others < 2) return false;
  const title = body.inlineTitle?.text ?? body.titleIdx.map((i) => lines[i].simplified).join('');
  if (title !== '' && opensWithPlace(title)) return false;
  const text = textLines(lines, body);
  const first = [body.leadText ?? '', ...text.map((i) => lines[i].simplified)].filter(Boolean);
  if (first.length === 0 || first.length > 2) return false;
  // A count of the notice's own cases (本批共遴选出4个典型案例), not of a case's reforms (共推出12项改革举措).
  return noticeRemark(first[0]) || (announcedCount(first[0]) !== null && /典型|案例|经验做法/.test(first[0]));
}

/** A form attached to the notice (统计表, 汇总表, 回执, 承诺书): no case, whatever follows its caption. */
export function formTitle(text: string): boolean {
  return [...text].length <= 40 && /^[^。;,:]+(?:表|回执|承诺书|申请书)$/.test(text);
}

/** An attachment marker: 附件2 (alone on its line, or 附件2: with the attachment's title); 附表 / 附表1 (a table attached). */
const ANNEX_LINE = /^(?:附件\s*\d{1,3}|附表\s*\d{0,3})\s*(?::\s*(.*))?$/;

/**
 * The lines of attachments that are forms (附件2 / 复制推广工作进展情况统计表 / its rows), from the attachment
 * marker to the next one or the end: neither case text nor a case.
 */
export function annexFormLines(lines: Line[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const m = ANNEX_LINE.exec(lines[i].simplified);
    if (!m) continue;
    const caption = m[1] ? m[1] : (lines[i + 1]?.simplified ?? '');
    if (!formTitle(caption)) continue;
    let j = i;
    do out.add(j++);
    while (j < lines.length && !ANNEX_LINE.test(lines[j].simplified));
    i = j - 1;
  }
  return out;
}

/** A list under 附件: that names the notice's attachments (the compilation itself, a form), not its cases. */
export function attachmentList(titles: string[]): boolean {
  return titles.some((t) => noticeTitle(t) || formTitle(t));
}

/** Words with which a notice speaks of its cases and its readers, not of one case. */
const NOTICE_WORDS = /各地|各部门|各有关|各区|各市|各县|各州|典型案例|经验做法|典型做法|复制推广|学习借鉴|入选案例/;

/** The paragraphs of a case's text. */
const paragraphs = (c: SegmentedCase) => [c.background, c.measures, c.outcomes].filter(Boolean).join('\n').split('\n').length;

/**
 * Signs that the notice's own text may still sit in a case, for the analyst to check (the reading is kept):
 * - the last case has more paragraphs than any other (of three or more) and ends with a paragraph without figures
 *   that speaks of the notice's cases or readers: a closing worded in a way no rule above knows;
 * - the first case's title names no place while every other one opens with its place, and its text speaks of the
 *   notice's cases or addressees (各地各部门, 典型案例, 经验做法): a preamble under a headline.
 */
export function aroundWarnings(cases: SegmentedCase[]): IngestMessage[] {
  const told = cases.filter((c) => c.hasBody);
  if (told.length < 3) return [];
  const out: IngestMessage[] = [];
  const last = told[told.length - 1];
  const usual = Math.max(...told.slice(0, -1).map(paragraphs));
  const lastParagraph = [last.background, last.measures, last.outcomes].filter(Boolean).join('\n').split('\n').at(-1) ?? '';
  if (paragraphs(last) > usual && !/\d/.test(lastParagraph) && NOTICE_WORDS.test(lastParagraph)) out.push({ code: 'last_case_long', params: { title: last.title, paragraphs: paragraphs(last), usual } });
  const [first, ...rest] = told;
  const text = [first.background, first.measures, first.outcomes].join('\n');
  if (!opensWithPlace(first.title) && rest.every((c) => opensWithPlace(c.title)) && NOTICE_WORDS.test(text)) {
    out.push({ code: 'first_case_preamble', params: { title: first.title } });
  }
  return out;
}
