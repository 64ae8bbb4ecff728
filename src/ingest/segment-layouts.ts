// Where cases start, by the evidence a notice of this genre gives. Each reader below finds case starts from
// one kind of structure; segment.ts runs them all and keeps the reading that explains the document best.
// - markers:       explicit case markers of one family (附件3, 典型案例(二), 案例3, 系列之一, 排名1, 【案例1】, ①, 第一篇, 01)
// - part-cycle:    a restart of the part headings (一、背景情况 … 二、主要做法 … 三、取得成效) opens a new case
// - numbered:      top-level numbered titles (一、甲市推行… / 1.甲市推行…) whose numbers run 1..n without restarting
// - title-lines:   a short title-like line (often opening with a place) followed by a body
// - first-sentence: paragraphs whose first sentence is the case's title (甲市推行…。甲市通过…)
// Numbered bullets inside a body ((一), 1., 一是) never start a case: only a numbering that never restarts does.
import { headingToIndicator } from './classify.ts';
import { findPlaces, zoneAfterCity } from './gazetteer.ts';
import {
  AMBIGUOUS_FAMILIES,
  ORG_SUFFIX,
  caseMarkerOf,
  contributorLine,
  dateLine,
  LENTICULAR_TITLE,
  editorNote,
  endsLikeProse,
  isFurniture,
  noticeRemark,
  noticeTitle,
  numberedBullet,
  parseNumeral,
  partHeading,
  titleLike,
  ROMAN,
  type MarkerFamily,
  type PartName,
} from './segment-patterns.ts';
import type { Line } from './types.ts';

/** One case's lines as a reader found them (indexes into the document's lines). */
export interface Body {
  no: number;
  /** The marker line (附件3), null when the layout has none. */
  markerIdx: number | null;
  titleIdx: number[];
  bodyIdx: number[];
  /** Indicator heading the case is filed under, and its line. */
  headingLabel: string | null;
  headingIdx: number | null;
  /** Title given on the marker line or as a paragraph's first sentence (simplified / as published). */
  inlineTitle: { text: string; original: string } | null;
  /** Text that precedes the body lines (the rest of a first-sentence paragraph), simplified. */
  leadText: string | null;
  /** The case has no title line (only its place above it): the title is built from the body and flagged. */
  untitled?: boolean;
  /** The place the section heading above names (一、合肥市 / (一)…): the region that presented the case. */
  region?: string | null;
  /** Every section heading line above the case since the one before (一、市场环境 / (一)开办企业): no case text. */
  sectionIdx?: number[];
}

export type LayoutName = `markers:${MarkerFamily}` | 'part-cycle' | 'numbered' | 'title-lines' | 'first-sentence';

export interface Reading {
  layout: LayoutName;
  bodies: Body[];
}

const PART_ORDER: Record<PartName, number> = { background: 0, measures: 1, outcomes: 2 };

/** Lines that carry no case content (web chrome, editor's notes, dates, contributor notes). */
function isChrome(text: string): boolean {
  return isFurniture(text) || editorNote(text) || dateLine(text) !== null || /^[(].*[)]$/.test(text);
}

/** Opens with a place or a provincial body (省…, 国网…): how most case titles of the genre begin. */
export function opensWithPlace(text: string): boolean {
  // 省税务局… speaks of the notice's own province; 省内/省级… are ordinary words.
  if (/^(?:省(?![份内外级])|国网|国家)/.test(text)) return true;
  // 【南京市】… / 〔江阴市〕…: a place set in brackets before the title.
  const unbracketed = text.replace(/^[【[〔]/, '');
  const first = findPlaces(unbracketed.slice(0, 16))[0];
  return first !== undefined && first.start === 0;
}

/** Places below a county, or zones, that the gazetteer does not list: (贡江镇) / (城关街道) / (县工业园区). */
const LOCAL_PLACE = /^[\u4e00-\u9fa5]{1,12}(?:镇|乡|街道|苏木|社区|园区|开发区|新区|管委会)$/;

const REFORM_VERB = /(推行|推进|推出|打造|创新|构建|深化|实施|建立|建设|探索|优化|提升|实现|破解|助力|赋能|开展|强化|完善|聚焦|落实|搭建|健全|推动|激发|促进|开创|做好|全面)/;

/** Looks like a case title rather than a sub-heading inside a body. */
export function caseTitleLike(text: string): boolean {
  if (!titleLike(text) || noticeTitle(text)) return false;
  // 「无证明城市」让群众办事“减证便民”——威海市: a title signed at its end by the place or unit presenting it.
  if (trailingPresenter(text)) return true;
  // A subtitle under a slogan-like title (破解企业融资难题 / ——大连市金普新区“信易贷”工作纪实) names the case too.
  const core = text.replace(/^[—－-]{1,2}\s*/, '');
  const n = [...core].length;
  if (opensWithPlace(core)) return n >= 6;
  // 【“信易贷”助力小微企业融资】: a line set off whole in brackets, when it is no label (【编者按】, 【主要做法】) nor a place.
  const bracketed = LENTICULAR_TITLE.exec(core);
  if (bracketed && [...bracketed[1]].length >= 6 && partHeading(bracketed[1]) === null && !editorNote(core) && !placeNameLine(bracketed[1])) return true;
  // 劳动争议“调裁审”一体化(象山县): a noun-phrase title, vouched for by the place or body presenting it.
  const presenter = /[(]([^()]{2,24})[)]$/.exec(core);
  if (presenter && n >= 8 && (opensWithPlace(presenter[1]) || ORG_SUFFIX.test(presenter[1]) || LOCAL_PLACE.test(presenter[1]))) return true;
  return n >= 10 && REFORM_VERB.test(core);
}

/**
 * A title signed at its end, after a dash, by the place or the unit that presented the case: 「一站式」知识产权保护
 * 服务——济南市市场监督管理局 → the title and 济南市市场监督管理局. Not a subtitle (破解融资难题——大连市“信易贷”工作纪实):
 * what follows the dash names a place or an organisation and nothing else.
 */
export function trailingPresenter(text: string): { title: string; who: string } | null {
  const m = /^(.{4,50}?)\s*[—－-]{1,2}\s*([^—－\-:,。“”"「」]{2,30})$/.exec(text);
  if (!m || endsLikeProse(m[1])) return null;
  const who = m[2].trim();
  // A place (威海市), a zone of one (青岛市西海岸新区) or one of its bodies (济南市市场监督管理局).
  const named = (ORG_SUFFIX.test(who) || /(?:区|县|市|州|盟|旗)$/.test(who)) && opensWithPlace(who) && !REFORM_VERB.test(who);
  return placeNameLine(who) || named ? { title: m[1].trim(), who } : null;
}

/** A short heading the cases below it are filed under (开办企业, 企业开办, 获得电力 …). */
export function indicatorHeading(text: string): boolean {
  return (
    [...text].length <= 24 &&
    // (温州市市场监管局) signs a case; it files none; nor does the notice's signature (市场监管总局办公厅).
    contributorLine(text) === null &&
    !/(?:办公厅|办公室|委员会|局|厅|部|署|委|政府|中心)$/.test(text) &&
    !/^[(].*[)]$/.test(text) &&
    !endsLikeProse(text) &&
    partHeading(text) === null &&
    !numberedBullet(text) &&
    !opensWithPlace(text) &&
    !REFORM_VERB.test(text) &&
    headingToIndicator(text) !== null
  );
}

function emptyBody(no: number): Body {
  return { no, markerIdx: null, titleIdx: [], bodyIdx: [], headingLabel: null, headingIdx: null, inlineTitle: null, leadText: null };
}

/** Fills each body's lines from its start to the next start (exclusive). starts are sorted. */
function fillBetween(lines: Line[], bodies: Body[], firstLine: (b: Body) => number, bodyStart: (b: Body) => number): void {
  bodies.forEach((b, k) => {
    const end = k + 1 < bodies.length ? firstLine(bodies[k + 1]) : lines.length;
    for (let i = bodyStart(b); i < end; i++) b.bodyIdx.push(i);
  });
}

// ---------- explicit markers ----------

/** Marker lines of the family the document uses for its cases, from line `from` on. */
function markerLines(lines: Line[], from: number): { idx: number; no: number; rest: string; family: MarkerFamily }[] {
  const all: { idx: number; no: number; rest: string; family: MarkerFamily }[] = [];
  for (let i = from; i < lines.length; i++) {
    const m = caseMarkerOf(lines[i].simplified);
    if (m && i + 1 < lines.length) all.push({ idx: i, ...m });
  }
  const byFamily = new Map<MarkerFamily, typeof all>();
  for (const m of all) byFamily.set(m.family, [...(byFamily.get(m.family) ?? []), m]);
  let best: typeof all = [];
  for (const [family, ms] of byFamily) {
    // A marker followed by nothing but chrome before the next one is a page title (系列之一 in the
    // breadcrumb), not a case.
    const kept = ms.filter((m, k) => {
      const end = k + 1 < ms.length ? ms[k + 1].idx : lines.length;
      // 附件1 over the compilation's own title (某省第三批…典型经验做法) attaches all the cases, not one.
      if (family === 'annex' && m.rest === '' && noticeTitle(lines[m.idx + 1]?.simplified ?? '')) return false;
      for (let i = m.idx + 1; i < end; i++) if (!isChrome(lines[i].simplified)) return true;
      return false;
    });
    if (AMBIGUOUS_FAMILIES.has(family)) {
      // A bare number or ① is a case marker only where the document numbers its cases that way:
      // at least two, running 1, 2, 3 … without restarting.
      if (kept.length < 2 || !kept.every((m, k) => m.no === kept[0].no + k)) continue;
      // ① or 3 followed by prose on its line is a bullet; as a case marker it carries a title or stands alone.
      if (!kept.every((m) => m.rest === '' || titleLike(m.rest))) continue;
    }
    if (kept.length > best.length) best = kept;
  }
  // Form fields carry no number: they count in order.
  if (best[0]?.family === 'field') return best.map((m, k) => ({ ...m, no: k + 1 }));
  return best;
}

export function readMarkers(lines: Line[], from: number): Reading | null {
  const kept = markerLines(lines, from);
  if (kept.length === 0) return null;
  // Indicator headings (a short title-like line right before a marker), if the document does that twice; above
  // it, the sections it is part of (一、市场环境 / (一)开办企业 / 案例1:…, the markers restarting in each section).
  const headingsBefore = kept.map((m, k) => {
    const floor = Math.max(from, k > 0 ? kept[k - 1].idx + 2 : 0);
    const found: number[] = [];
    for (let h = m.idx - 1; h >= floor; h--) {
      const t = lines[h].simplified;
      if (caseMarkerOf(t) !== null) break;
      if (!(sectionHeading(t) || (found.length === 0 && isHeadingCandidate(t)))) break;
      found.unshift(h);
    }
    return found;
  });
  const useHeadings = headingsBefore.filter((h) => h.length > 0).length >= 2;
  let label: string | null = null;
  const bodies: Body[] = kept.map((m, k) => {
    const b = emptyBody(m.no);
    b.markerIdx = m.idx;
    const headings = useHeadings ? headingsBefore[k] : [];
    b.headingIdx = headings.length ? headings[headings.length - 1] : null;
    b.sectionIdx = headings.slice(0, -1);
    if (b.headingIdx !== null) label = lines[b.headingIdx].simplified;
    b.headingLabel = label;
    if (m.rest) {
      const original = lines[m.idx].original;
      const split = splitFirstSentence(m.rest);
      if (titleLike(m.rest)) b.inlineTitle = { text: m.rest, original: tailOf(original, m.rest) };
      else if (split) {
        b.inlineTitle = { text: split.title, original: split.title };
        b.leadText = split.rest;
      } else b.leadText = m.rest;
    }
    return b;
  });
  fillBetween(
    lines,
    bodies,
    (b) => Math.min(b.headingIdx ?? b.markerIdx!, ...(b.sectionIdx ?? [])),
    (b) => b.markerIdx! + 1,
  );
  return { layout: `markers:${kept[0].family}`, bodies };
}

/** The part of a published line that corresponds to its simplified tail (same length in characters). */
function tailOf(original: string, simplifiedTail: string): string {
  const chars = [...original];
  return chars.slice(Math.max(0, chars.length - [...simplifiedTail].length)).join('');
}

function isHeadingCandidate(text: string): boolean {
  return (
    text.length <= 30 &&
    !endsLikeProse(text) &&
    partHeading(text) === null &&
    dateLine(text) === null &&
    !isFurniture(text) &&
    !/^[(].*[)]$/.test(text) && // (此件主动公开)
    !/^[(]?[一二三四五六七八九十]+[)、.]/.test(text) && // sub-headings (一)… / 一、…
    !/^[一二三四五六七八九十]是/.test(text)
  );
}

// ---------- title lines above a body ----------

/**
 * The title lines right above line `at` (a part heading or the first body line): up to three title-like
 * lines (a wrapped title), skipping contributor notes, and an indicator heading above them. Stops at `floor`.
 */
function titleAbove(lines: Line[], at: number, floor: number): { titleIdx: number[]; headingIdx: number | null; first: number } {
  let i = at - 1;
  while (i >= floor && contributorLine(lines[i].simplified) !== null) i--;
  const titleIdx: number[] = [];
  while (i >= floor && titleIdx.length < 3) {
    const t = lines[i].simplified;
    if (!titleLike(t) || noticeTitle(t) || caseMarkerOf(t) !== null || lines[i].mojibake === 'unrepaired') break;
    if (titleIdx.length > 0 && indicatorHeading(t)) break;
    titleIdx.unshift(i);
    i--;
  }
  // A short indicator heading above a one-line title files the cases below it.
  let headingIdx: number | null = null;
  // (一、政务服务: a numbered section heading files them the same.)
  const filesUnder = (t: string) => indicatorHeading(t) || (/^[一二三四五六七八九十]{1,3}\s*[、.]/.test(t) && indicatorHeading(headingName(t)));
  if (titleIdx.length >= 2 && filesUnder(lines[titleIdx[0]].simplified)) headingIdx = titleIdx.shift()!;
  else if (titleIdx.length >= 1 && i >= floor && filesUnder(lines[i].simplified)) headingIdx = i;
  // A wrapped title is one title; a run of titles opening with places is a list above the first case.
  while (titleIdx.length > 1 && opensWithPlace(lines[titleIdx[titleIdx.length - 1]].simplified) && titleIdx.length > 1) {
    titleIdx.shift();
  }
  const first = Math.min(...[at, ...titleIdx, ...(headingIdx !== null ? [headingIdx] : [])]);
  return { titleIdx, headingIdx, first };
}

function withHeadingLabels(lines: Line[], bodies: Body[]): void {
  let label: string | null = null;
  for (const b of bodies) {
    if (b.headingIdx !== null) label = sectionName(headingName(lines[b.headingIdx].simplified));
    b.headingLabel = label;
    // Cases grouped under their place (一、合肥市 / (一)推行… / (二)建立…): the heading names who presented them.
    b.region = label !== null && (placeNameLine(label) || townLine(label)) ? label : null;
  }
}

/** A heading's words without its number or brackets: 一、合肥市 / 【呼和浩特市】 → 合肥市 / 呼和浩特市. */
function headingName(text: string): string {
  const t = text.replace(/^[一二三四五六七八九十]{1,3}\s*[、.]\s*/, '');
  const bracketed = /^[【[〔]\s*([^】\]〕]{2,20})\s*[】\]〕]$/.exec(t);
  return bracketed ? bracketed[1] : t;
}

/** A section's name without the count after it: 深化“放管服”改革方面(4项) → 深化“放管服”改革方面. */
function sectionName(text: string): string {
  return text.replace(/\s*[(]共?\s*\d{1,3}\s*[项个条例][)]$/, '');
}

/**
 * A town or street (乡镇 / 街道) named alone on its line (转塘街道 / 三墩镇): in a district's or county's notice the
 * heading of the cases that town presented. The gazetteer stops at counties, so the case stays its county's.
 */
function townLine(text: string): boolean {
  return /^[\u4e00-\u9fa5]{1,8}(?:镇|乡|街道|苏木)$/.test(text) && !placeNameLine(text);
}

/** A heading grouping the cases of the province's own departments (省直部门, 省有关单位, 市直部门). */
function ownBodiesGroup(text: string): boolean {
  return /^[省市区县](?:直|级)?(?:有关)?(?:部门|单位)$/.test(text);
}

// ---------- part-heading cycles ----------

export function readPartCycles(lines: Line[]): Reading | null {
  const starts: number[] = [];
  let prev = -1;
  lines.forEach((l, i) => {
    const p = partHeading(l.simplified);
    if (p === null) return;
    const ord = PART_ORDER[p];
    if (prev < 0 || ord <= prev) starts.push(i);
    prev = ord;
  });
  if (starts.length === 0) return null;
  const bodies: Body[] = [];
  const firsts: number[] = [];
  starts.forEach((h, k) => {
    const floor = k === 0 ? 0 : starts[k - 1] + 1;
    const above = titleAbove(lines, h, floor);
    const b = emptyBody(k + 1);
    b.titleIdx = above.titleIdx;
    b.headingIdx = above.headingIdx;
    bodies.push(b);
    firsts.push(above.first);
  });
  // A single cycle with nothing above it is one body of text, not evidence of a case layout.
  if (bodies.length === 1 && bodies[0].titleIdx.length === 0) return null;
  bodies.forEach((b, k) => {
    const end = k + 1 < bodies.length ? firsts[k + 1] : lines.length;
    // The body opens under its title: a contributor line between the title and the first part heading
    // ((郑州市政务服务和大数据管理局)) is read with the body, which records it as the case's contributor.
    const from = b.titleIdx.length > 0 ? b.titleIdx[b.titleIdx.length - 1] + 1 : starts[k];
    for (let i = from; i < end; i++) b.bodyIdx.push(i);
  });
  withHeadingLabels(lines, bodies);
  return { layout: 'part-cycle', bodies };
}

// ---------- top-level numbered titles ----------

const NUMBERED_TITLE: RegExp[] = [
  // 一、 / 一. (一．, as WPS numbers lists, folded to 一.)
  /^([一二三四五六七八九十]{1,3})\s*[、.]\s*(.+)$/,
  /^[(]([一二三四五六七八九十]{1,3})[)]\s*(.+)$/,
  /^(\d{1,2})\s*[.、]\s*(?!\d)(.+)$/,
  /^[(](\d{1,2})[)]\s*(.+)$/,
  // Numbering that Word files and typeset compilations use: ＜一＞ (folded to <一>), 〈一〉, Ⅰ、.
  /^[<〈]([一二三四五六七八九十]{1,3})[>〉]\s*(.+)$/,
  new RegExp(`^([${ROMAN}])\\s*[、.]?\\s*(.+)$`),
];

/** A section heading above numbered case titles: 一、开办企业 / 获得电力 (short, not a part heading). */
function sectionHeading(text: string): boolean {
  if (partHeading(text) !== null) return false;
  // A second level of sections ((一)开办企业 under 一、市场环境), above cases numbered 1. 2.: it names an
  // indicator, or says it is a theme (…方面, counted): a sub-heading inside a body ((一)优化流程) does neither.
  const sub = /^[(][一二三四五六七八九十]{1,3}[)]\s*(.+)$/.exec(text);
  if (sub) {
    const name = sectionName(sub[1]);
    const named = name !== sub[1] || /(?:方面|领域)$/.test(name);
    return [...name].length <= (named ? 30 : 12) && !endsLikeProse(name) && !opensWithPlace(name) && (named || headingToIndicator(name) !== null);
  }
  // 一、合肥市 / 【呼和浩特市】 / 锡林郭勒盟 / 五、省直部门 over 1.… 2.…: the cases below are that place's (or the
  // province's bodies').
  const group = sectionName(headingName(text));
  if (placeNameLine(group) || ownBodiesGroup(group)) return true;
  const m = /^[一二三四五六七八九十]{1,3}\s*[、.]\s*(.+)$/.exec(text);
  if (m) {
    const name = sectionName(m[1]);
    // 一、持续优化市场化营商环境 (a theme) is a section; 一、甲市推行… (opening with a place) is a case title.
    // A theme named as such (…方面, …领域) or counted ((4项)) may be longer.
    const n = [...name].length;
    const named = name !== m[1] || /(?:方面|领域)$/.test(name);
    return n >= 2 && n <= (named ? 30 : 15) && !endsLikeProse(name) && !opensWithPlace(name);
  }
  return indicatorHeading(text);
}

interface NumberedTitle {
  idx: number;
  no: number;
  text: string;
  title: string;
  lead: string | null;
  headingIdx: number | null;
  /** The section headings since the title before (一、市场环境 / (一)开办企业), headingIdx the last of them. */
  sectionIdx: number[];
}

/** The numbered titles of one numbering style, or null when the style does not number cases. */
function numberedTitlesOf(lines: Line[], from: number, re: RegExp, placeTitlesOnly: boolean): NumberedTitle[] | null {
  const found: NumberedTitle[] = [];
  let section: number | null = null;
  let newSection = false;
  const sections: number[] = [];
  let sinceTitle: number[] = [];
  for (let i = from; i < lines.length; i++) {
    const t = lines[i].simplified;
    if (partHeading(t) !== null) continue;
    const m = re.exec(t);
    const no = m ? parseNumeral(m[1]) : null;
    if (m && no !== null) {
      const prev = found[found.length - 1];
      const inOrder = !prev || no === prev.no + 1 || (newSection && no === 1);
      const text = m[2].trim();
      // The title is the whole line, or a numbered paragraph's first sentence ((一)甲省推行…。甲省…).
      const whole = caseTitleLike(text) || (!placeTitlesOnly && (headlineOverPlacedBody(lines, i, text) || headlineOverParts(lines, i, text)));
      const split = whole || placeTitlesOnly ? null : splitFirstSentence(text, true);
      if (placeTitlesOnly ? whole && opensWithPlace(text) : whole || split) {
        if (!inOrder) return null;
        found.push({ idx: i, no, text, title: split?.title ?? text, lead: split?.rest ?? null, headingIdx: newSection ? section : null, sectionIdx: sinceTitle });
        newSection = false;
        sinceTitle = [];
        continue;
      }
      // A bullet of the same style that restarts within a case: this numbering is inside bodies.
      if (!placeTitlesOnly && prev && no <= prev.no && !newSection) return null;
    }
    if (sectionHeading(t)) {
      section = i;
      newSection = true;
      sections.push(i);
      sinceTitle.push(i);
    }
  }
  if (found.length > 0) found.push(...loneCasesUnderPlaces(lines, sections, found));
  found.sort((a, b) => a.idx - b.idx);
  // A heading belongs to the first case below it (a lone case took its place heading from the case after it).
  found.forEach((f, k) => {
    if (k > 0) f.sectionIdx = f.sectionIdx.filter((i) => i > found[k - 1].idx);
  });
  if (found.length < 2) return null;
  // A list of titles with nothing between them is the notice's list, not its cases.
  const withBody = found.filter((f, k) => f.lead !== null || (k + 1 < found.length ? found[k + 1].idx : lines.length) - f.idx > 1);
  return withBody.length === found.length ? found : null;
}

/**
 * A numbered headline that names no place and uses no reform verb — a question or a slogan (企业开办还能再快一点吗?
 * / 让数据多跑路,让企业少跑腿) — is a case title when the paragraph under it opens with the place presenting the case
 * (南宁市针对…): a bullet inside a body is followed by more of the same case, not by its place.
 */
function headlineOverPlacedBody(lines: Line[], i: number, text: string): boolean {
  const headline = text.replace(/[?!]+$/, '');
  if (!titleLike(headline) || noticeTitle(headline) || [...headline].length < 6 || [...headline].length > 40) return false;
  let j = i + 1;
  while (j < lines.length && isChrome(lines[j].simplified)) j++;
  const next = lines[j]?.simplified ?? '';
  return endsLikeProse(next) && [...next].length > 30 && opensWithPlace(next);
}

/**
 * A numbered noun-phrase headline with neither place nor reform verb (澳资企业商事登记“跨境通办” / 商事纠纷“琴澳联调”) is a
 * case title when the case's first part heading follows it at once (做法:… / 【主要做法】 / 一、基本情况): a bullet
 * inside a body is followed by its own text, not by the parts of a case.
 */
function headlineOverParts(lines: Line[], i: number, text: string): boolean {
  if (!titleLike(text) || noticeTitle(text) || [...text].length < 6 || [...text].length > 40) return false;
  let j = i + 1;
  while (j < lines.length && isChrome(lines[j].simplified)) j++;
  return j < lines.length && partHeading(lines[j].simplified) !== null;
}

/**
 * A place's one case told right under its heading, without a number of its own (四、安庆市怀宁县 / 推行企业注销
 * “一网通办”。怀宁县依托…), among places whose cases are numbered: its paragraph is a case, not the text of the
 * case before. Only where nothing numbered follows in that section (an introduction above numbered cases is not one).
 */
function loneCasesUnderPlaces(lines: Line[], sections: number[], found: NumberedTitle[]): NumberedTitle[] {
  const lone: NumberedTitle[] = [];
  sections.forEach((s, k) => {
    const end = k + 1 < sections.length ? sections[k + 1] : lines.length;
    if (!placeNameLine(sectionName(headingName(lines[s].simplified)))) return;
    if (found.some((f) => f.idx > s && f.idx < end)) return;
    let i = s + 1;
    while (i < end && isChrome(lines[i].simplified)) i++;
    if (i >= end || !endsLikeProse(lines[i].simplified)) return;
    const text = lines[i].simplified;
    const split = splitFirstSentence(text, true);
    // No title sentence: the title is built from the body (flagged), as under a place-name line.
    lone.push({ idx: i, no: 1, text, title: split?.title ?? '', lead: split?.rest ?? text, headingIdx: s, sectionIdx: [s] });
  });
  return lone;
}

/**
 * Numbered case titles (一、甲市推行… / (一)甲市推行… / 1.甲市推行…) from line `from` on. Their numbers run on
 * without restarting, except under a new section heading (一、开办企业 / (一)… / 二、获得电力 / (一)…):
 * bullets inside bodies restart in every case, which is how they are told apart.
 */
export function readNumberedTitles(lines: Line[], from = 0): Reading | null {
  let best: NumberedTitle[] = [];
  // First every numbered line of a style; then, where bullets inside the bodies share the titles' style
  // (1.长沙市:企业开办… / 1.整合环节。… / 2.压缩时间。…), the numbered lines that are whole titles opening
  // with a place.
  for (const placeTitlesOnly of [false, true]) {
    for (const re of NUMBERED_TITLE) {
      const found = numberedTitlesOf(lines, from, re, placeTitlesOnly);
      if (found && found.length > best.length) best = found;
    }
    if (best.length >= 2) break;
  }
  if (best.length < 2) return null;
  const bodies = best.map((f) => {
    const b = emptyBody(f.no);
    b.titleIdx = [f.idx];
    b.headingIdx = f.headingIdx;
    b.sectionIdx = f.sectionIdx.filter((i) => i !== f.headingIdx);
    if (f.lead === null) b.inlineTitle = { text: f.title, original: tailOf(lines[f.idx].original, f.title) };
    else {
      // The title sentence as published: the first characters of the text after the number.
      const after = tailOf(lines[f.idx].original, f.text);
      b.inlineTitle = { text: f.title, original: [...after].slice(0, [...f.title].length).join('') };
      b.leadText = f.lead;
    }
    return b;
  });
  fillBetween(lines, bodies, (b) => Math.min(b.headingIdx ?? b.titleIdx[0], ...(b.sectionIdx ?? [])), (b) => b.titleIdx[0] + 1);
  withHeadingLabels(lines, bodies);
  return { layout: 'numbered', bodies };
}

// ---------- title lines followed by a body ----------

function isBodyLine(text: string): boolean {
  return partHeading(text) !== null || (!titleLike(text) && !isChrome(text) && contributorLine(text) === null);
}

/**
 * A line that is a place name and nothing else (哈尔滨市 / 大理白族自治州大理市 / 南京市江北新区 / 苏州工业园区): a case told
 * under its place. A short city name counts only before a zone named after it.
 */
function placeNameLine(text: string): boolean {
  let end = 0;
  for (const m of findPlaces(text)) {
    if (m.start !== end) return false;
    end = m.end;
    if (m.form !== 'full') break;
  }
  if (end === 0) return false;
  if (end === text.length) return findPlaces(text).every((m) => m.form === 'full');
  const zone = zoneAfterCity(text.slice(end));
  return zone !== null && end + zone.name.length === text.length;
}

export function readTitleLines(lines: Line[]): Reading | null {
  const starts: { at: number; titleIdx: number[]; headingIdx: number | null; first: number; placeIdx: number | null }[] = [];
  // The place heading (郑州市 / 省直单位) the titles below it are grouped under, once one has opened a group.
  let group: number | null = null;
  const groups: number[] = [];
  const plainTitle = (t: string) => titleLike(t) && !noticeTitle(t) && [...t].length >= 6 && !placeNameLine(t);
  const headlines = sloganHeadlines(lines);
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].simplified;
    // A garbled line cannot be read as a title (its characters are not certain).
    if (lines[i].mojibake === 'unrepaired') continue;
    const placeOnly = !caseTitleLike(t) && placeNameLine(t);
    // A place heading over a title and its body (郑州市 / 一、郑州市 / 企业开办“一网通办、一日办结” / 郑州市依托…): the
    // place presented the cases titled under it, up to the next such heading; its titles need no place of their own.
    const groupName = t.replace(/^[一二三四五六七八九十]{1,3}\s*[、.]\s*/, '');
    if ((placeNameLine(groupName) || ownBodiesGroup(groupName) || townLine(groupName)) && i + 2 < lines.length && plainTitle(lines[i + 1].simplified) && isBodyLine(lines[i + 2].simplified)) {
      group = i;
      groups.push(i);
      continue;
    }
    // A noun-phrase title (“企业码”一码通办服务体系) is vouched for by the unit signing it on the next line.
    const signed = titleLike(t) && !noticeTitle(t) && [...t].length >= 6 && i + 1 < lines.length && contributorLine(lines[i + 1].simplified) !== null;
    const grouped = group !== null && plainTitle(t);
    if (!placeOnly && !signed && !grouped && !headlines.has(i) && !caseTitleLike(t)) continue;
    // The body starts after the title (and a contributor note under it).
    let j = i + 1;
    while (j < lines.length && contributorLine(lines[j].simplified) !== null) j++;
    if (j >= lines.length || !isBodyLine(lines[j].simplified)) continue;
    // Under a line naming only its place, the case has no title of its own: it is built from the body (flagged).
    if (placeOnly) {
      starts.push({ at: j, titleIdx: [], headingIdx: null, first: i, placeIdx: i });
      continue;
    }
    // A slogan headline is the title on its own (a question mark ends it, so it reads as no title line above).
    if (headlines.has(i) && !grouped) {
      starts.push({ at: j, titleIdx: [i], headingIdx: null, first: i, placeIdx: null });
      continue;
    }
    if (grouped) {
      starts.push({ at: j, titleIdx: [i], headingIdx: null, first: i, placeIdx: null });
      continue;
    }
    const floor = starts.length ? starts[starts.length - 1].at + 1 : 0;
    const above = titleAbove(lines, j, floor);
    if (!above.titleIdx.includes(i)) continue;
    starts.push({ at: j, ...above, placeIdx: null });
  }
  // The first title under a place heading takes the heading (no case text, and the region of the cases below).
  for (const g of groups) {
    const under = starts.find((s) => s.first === g + 1);
    if (under && under.headingIdx === null) {
      under.headingIdx = g;
      under.first = g;
    }
  }
  // One headline over one text is an article, not a notice of cases: this reading needs two cases at least
  // (a single case told in parts is found by its part headings).
  if (starts.length < 2) return null;
  const bodies = starts.map((s, k) => {
    const b = emptyBody(k + 1);
    b.titleIdx = s.titleIdx;
    b.headingIdx = s.headingIdx;
    // The place line is consumed like a marker; the body's first clause becomes the title.
    b.markerIdx = s.placeIdx;
    b.untitled = s.placeIdx !== null;
    return b;
  });
  bodies.forEach((b, k) => {
    const end = k + 1 < starts.length ? starts[k + 1].first : lines.length;
    const from = b.markerIdx ?? starts[k].titleIdx[starts[k].titleIdx.length - 1];
    for (let i = from + 1; i < end; i++) b.bodyIdx.push(i);
  });
  withHeadingLabels(lines, bodies);
  return { layout: 'title-lines', bodies };
}

/**
 * Unnumbered slogan or question headlines (小微企业融资有了“信用钥匙” / “一件事”怎样才能一次办成?) over a paragraph
 * opening with the place presenting the case: case titles where each opens with another place than the one before
 * (a case's own sub-headings are followed by its one place, again and again). A slogan quotes, asks or turns on a
 * comma: a plain sub-heading (强化数据共享) does none of these.
 */
function sloganHeadlines(lines: Line[]): Set<number> {
  const found = new Map<number, string>();
  lines.forEach((l, i) => {
    const t = l.simplified;
    if (!/[“”"「」?!,]/.test(t) || caseTitleLike(t) || caseMarkerOf(t) !== null || numberedBullet(t) || !headlineOverPlacedBody(lines, i, t)) return;
    const place = findPlaces(lines[i + 1].simplified.slice(0, 16))[0];
    if (place) found.set(i, place.text);
  });
  const opened = [...found.values()];
  const eachAnother = opened.length >= 2 && opened.every((p, k) => k === 0 || p !== opened[k - 1]);
  return new Set(eachAnother ? found.keys() : []);
}

// ---------- paragraphs whose first sentence is the title ----------

/** 甲市推行企业开办“一窗通办”。甲市整合… → the title sentence and the rest; null when the first sentence is no title. */
export function splitFirstSentence(text: string, numbered = false): { title: string; rest: string } | null {
  // A title before a colon: 湛江市推动港口通关便利化:湛江市推行… (not a mere place: 东莞市:推行…。 is below).
  const colon = /^([^。;!?,:]{6,45}):\s*(\S[\s\S]*)$/.exec(text);
  if (colon && !placeOrAgencyOnly(colon[1]) && caseTitleLike(colon[1])) return { title: colon[1], rest: colon[2] };
  const m = /^([^。;!?]{6,45})[。;!?]\s*(\S[\s\S]*)$/.exec(text);
  if (!m) return null;
  const title = m[1];
  // The place (or agency) before a colon, then the title: 东莞市:推行“企业开办全程网办”。东莞市依托…
  const placed = /^([^,:]{2,20}):\s*([^,:]{4,40})$/.exec(title);
  if (placed && placeOrAgencyOnly(placed[1]) && titleLike(placed[2])) return { title, rest: m[2] };
  // A numbered paragraph's title may be two clauses when it opens with the place (上海市推行“一业一证”改革,
  // 破解“准入不准营”难题。): the numbering running through the notice vouches for it.
  const clauses = title.split(',');
  const twoClauses = numbered && clauses.length === 2 && clauses.every((c) => c.length >= 4) && opensWithPlace(title) && REFORM_VERB.test(clauses[0]);
  if (/:/.test(title) || (/,/.test(title) && !twoClauses) || !caseTitleLike(title.replace(',', ''))) return null;
  return { title, rest: m[2] };
}

/** Names a place or a body and nothing else (东莞市, 佛山市顺德区, 国家税务总局广东省税务局): no verb, no clause. */
function placeOrAgencyOnly(text: string): boolean {
  return opensWithPlace(text) && !REFORM_VERB.test(text) && [...text].length <= 20 && !endsLikeProse(text);
}

export function readFirstSentences(lines: Line[]): Reading | null {
  const starts: { idx: number; title: string; rest: string }[] = [];
  lines.forEach((l, i) => {
    // 江苏省委、省政府高度重视…。现将第一批典型做法摘编如下: the notice's preamble opens with a place too.
    const split = endsLikeProse(l.simplified) && l.mojibake !== 'unrepaired' && !noticeRemark(l.simplified) ? splitFirstSentence(l.simplified) : null;
    if (split) starts.push({ idx: i, ...split });
  });
  if (starts.length < 2) return null;
  const bodies = starts.map((s, k) => {
    const b = emptyBody(k + 1);
    b.titleIdx = [s.idx];
    const originalTitle = [...lines[s.idx].original].slice(0, [...s.title].length).join('');
    b.inlineTitle = { text: s.title, original: originalTitle };
    b.leadText = s.rest;
    // A section heading right above the paragraph (一、持续优化法治化营商环境) files it, and is no body text.
    const above = s.idx - 1;
    if (above >= 0 && (k === 0 || above > starts[k - 1].idx) && sectionHeading(lines[above].simplified)) b.headingIdx = above;
    return b;
  });
  fillBetween(lines, bodies, (b) => b.headingIdx ?? b.titleIdx[0], (b) => b.titleIdx[0] + 1);
  withHeadingLabels(lines, bodies);
  return { layout: 'first-sentence', bodies };
}
