// Segment stage: a normalised document → header, the cases it announces, and each case's body split
// into background / measures / outcomes. Driven only by the text's structure, never by file names or counts:
// the readers of segment-layouts.ts each propose where cases start (markers, part-heading cycles, numbered
// titles, title lines, first sentences); each proposal is assembled here and scored, and the best is kept.
//
// Decisions:
// - A case's lines: its list entry, its marker, its title lines, its body. Everything before the
//   first case is document header; web chrome, editor's notes and the signature go to the header anywhere.
// - A body without part headings puts all its text in `measures`. Text before the first heading
//   of a body that has headings goes to `background` (it is the case's introduction).
// - 主要做法和成效 (measures and outcomes in one part) goes to `measures`.
// - Title: the body's own title lines (wrapped lines joined); when the body has none, the list
//   entry's title; when neither exists, the first clause of the body (titleInferred).
// - Bodies are matched to list entries by title similarity first, then by number; a body whose
//   title contradicts the entry of its number is never given to it.
import type { Line, SegmentedCase, SegmentResult } from './types.ts';
import { readHeader } from './segment-header.ts';
import {
  opensWithPlace,
  readFirstSentences,
  readMarkers,
  readNumberedTitles,
  readPartCycles,
  readTitleLines,
  trailingPresenter,
  type Body,
  type LayoutName,
  type Reading,
} from './segment-layouts.ts';
import {
  LENTICULAR_TITLE,
  ORG_SUFFIX,
  articleEnd,
  caseMarker,
  contributorLine,
  dateLine,
  editorNote,
  endsLikeProse,
  isFurniture,
  listEntry,
  listOpener,
  noticeRemark,
  numberedBullet,
  partHeading,
  partHeadingSplit,
  resultParagraph,
  stripOrnament,
  titleLike,
  titleSimilarity,
  trailingContributor,
  type PartName,
} from './segment-patterns.ts';
import { annexFormLines, attachmentList, closingStart, preambleBody } from './segment-around.ts';
import { joinHardWraps, pageFurniture, wrapWidth } from './segment-pages.ts';
import { findCaseTable, type CaseTable } from './segment-table.ts';
import { toSimplified } from './text-convert.ts';

interface ListItem {
  no: number;
  title: string; // simplified
  titleOriginal: string;
  lineIdx: number[];
  /** A table of cases says who presented each case and the field it is filed under (null when it does not). */
  contributor?: string | null;
  headingLabel?: string | null;
  /** The case's text where a table of cases gives it in a column (主要做法及成效). */
  body?: { text: string; original: string } | null;
  /** Its outcomes, where the table gives them in a column of their own. */
  outcomes?: { text: string; original: string } | null;
}


// ---------- the list of announced cases ----------

function stripEntryNumber(original: string): string {
  return original.replace(/^\s*附件\s*[:：]\s*/, '').replace(/^\s*[\d０-９]{1,3}(?:\s*[.、．]|[\s\u3000])\s*/, '').trim();
}

/** A list entry: 1.标题 / 1、标题, or a number and a blank before a title (1 甲市推行…, a table flattened without its header). */
function entryOf(text: string): { no: number; title: string } | null {
  const e = listEntry(text);
  if (e) return e;
  const m = /^(\d{1,3})\s+(\S.*)$/.exec(text);
  return m && titleLike(m[2]) ? { no: Number(m[1]), title: m[2].trim() } : null;
}

/** Finds `附件:` + numbered entries (or, failing that, a run of entries 1., 2., … in the header). */
function findList(lines: Line[], limit: number): { items: ListItem[]; end: number } {
  let start = -1;
  for (let i = 0; i < limit; i++) {
    const rest = listOpener(lines[i].simplified);
    if (rest !== null) {
      start = i;
      break;
    }
  }
  if (start < 0) {
    // Without 附件:, a list is a run of numbered titles (1.甲市推行… 2.乙市…) before any body: numbered
    // sentences (1.优化办理流程。) are bullets of a body, and a part heading means the bodies have begun.
    const firstPart = lines.findIndex((l) => partHeading(l.simplified) !== null);
    const end = Math.min(limit, firstPart < 0 ? limit : firstPart);
    const entry = (i: number) => {
      const e = entryOf(lines[i].simplified);
      return e && !endsLikeProse(e.title) ? e : null;
    };
    for (let i = 0; i + 1 < end; i++) {
      const a = entry(i);
      const b = entry(i + 1);
      if (a?.no === 1 && b?.no === 2) {
        start = i;
        break;
      }
    }
  }
  if (start < 0) return { items: [], end: -1 };

  const items: ListItem[] = [];
  let i = start;
  const opener = listOpener(lines[start].simplified);
  if (opener !== null) {
    const first = entryOf(opener);
    if (first) items.push({ no: first.no, title: first.title, titleOriginal: stripEntryNumber(lines[start].original), lineIdx: [start] });
    i = start + 1;
  }
  let end = start;
  for (; i < limit; i++) {
    const e = entryOf(lines[i].simplified);
    const expected = items.length ? items[items.length - 1].no + 1 : 1;
    if (e && e.no === expected) {
      items.push({ no: e.no, title: e.title, titleOriginal: stripEntryNumber(lines[i].original), lineIdx: [i] });
      end = i;
      continue;
    }
    // A wrapped entry: a plain line followed (within two lines) by the next entry.
    const next = [lines[i + 1], lines[i + 2]].map((l) => (l ? entryOf(l.simplified) : null));
    if (items.length && !e && next.some((n) => n?.no === expected) && caseMarker(lines[i].simplified) === null) {
      const last = items[items.length - 1];
      last.title += lines[i].simplified;
      last.titleOriginal += lines[i].original;
      last.lineIdx.push(i);
      end = i;
      continue;
    }
    break;
  }
  // 附件:1.河南省第三批…典型经验做法 2.复制推广工作进展情况统计表 lists the notice's attachments, not its cases.
  if (attachmentList(items.map((it) => it.title))) return { items: [], end: -1 };
  return { items, end };
}

// ---------- title lines after a marker ----------

/** Splits a marked body's first lines into its title (wrapped lines joined) and the rest. */
function splitTitle(lines: Line[], body: Body, entryTitle: string | null): void {
  const idx = body.bodyIdx;
  if (body.inlineTitle !== null || body.markerIdx === null || body.untitled) return; // the reading placed the title already
  if (idx.length === 0 || partHeading(lines[idx[0]].simplified) !== null || (endsLikeProse(lines[idx[0]].simplified) && lines[idx[0]].simplified.length > 40)) {
    return; // no title line
  }
  let n = 1;
  let title = lines[idx[0]].simplified;
  while (n < idx.length && n < 4) {
    const next = lines[idx[n]].simplified;
    if (partHeading(next) !== null || isFurniture(next) || contributorLine(next) !== null) break;
    if (entryTitle !== null) {
      // The list says what the title is: take the line if it brings the title closer to it.
      if (titleSimilarity(title + next, entryTitle) <= titleSimilarity(title, entryTitle)) break;
    } else if (next.length > 40 || endsLikeProse(next) || idx.length - n <= 1) break;
    title += next;
    n++;
  }
  body.titleIdx = idx.slice(0, n);
  body.bodyIdx = idx.slice(n);
}

// ---------- matching bodies to list entries ----------

function matchBodies(lines: Line[], items: ListItem[], bodies: Body[]): Map<Body, ListItem> {
  const match = new Map<Body, ListItem>();
  const taken = new Set<ListItem>();
  // Provisional titles (first line) to match on; refined against the entry afterwards.
  const provisional = new Map<Body, string>();
  for (const b of bodies) {
    const first = b.titleIdx[0] ?? b.bodyIdx[0];
    const firstText = first !== undefined && partHeading(lines[first].simplified) === null ? lines[first].simplified : '';
    provisional.set(b, b.inlineTitle?.text ?? firstText);
  }
  // Pass 1: strong title agreement, best pairs first.
  const pairs: { b: Body; it: ListItem; s: number }[] = [];
  for (const b of bodies) {
    const t = provisional.get(b)!;
    if (!t) continue;
    for (const it of items) {
      const s = Math.max(titleSimilarity(t, it.title), titleSimilarity(t, it.title.slice(0, [...t].length + 2)));
      if (s >= 0.6) pairs.push({ b, it, s: s + (b.no === it.no ? 0.05 : 0) });
    }
  }
  pairs.sort((x, y) => y.s - x.s);
  for (const p of pairs) {
    if (match.has(p.b) || taken.has(p.it)) continue;
    match.set(p.b, p.it);
    taken.add(p.it);
  }
  // Pass 2: same number, and the title does not contradict (or there is no title line).
  for (const b of bodies) {
    if (match.has(b)) continue;
    const it = items.find((x) => x.no === b.no && !taken.has(x));
    if (!it) continue;
    const t = provisional.get(b)!;
    if (t === '' || titleSimilarity(t, it.title) >= 0.3) {
      match.set(b, it);
      taken.add(it);
    }
  }
  return match;
}

// ---------- assembling one reading into cases ----------

function inferTitle(text: string): string {
  const clause = text.split(/[。;,:]/)[0] ?? text;
  return [...clause].slice(0, 30).join('');
}

/** An issuer line right above a date line at the end of a notice (福建省发展和改革委员会 / 2025年12月9日). */
function signatureAt(lines: Line[], i: number): boolean {
  const t = lines[i].simplified;
  const next = lines[i + 1]?.simplified ?? '';
  return t.length <= 40 && !endsLikeProse(t) && ORG_SUFFIX.test(t) && dateLine(next) !== null;
}

interface Assembled extends SegmentResult {
  layout: LayoutName | 'table' | 'list-only' | 'none';
  /** Body lines, for scoring: how much of the document the reading explains. */
  bodyCount: number;
  score: number;
}

function assemble(lines: Line[], list: { items: ListItem[]; end: number }, reading: Reading | null, setAside: number[] = []): Assembled {
  const bodies = reading?.bodies ?? [];
  const assigned = new Set<number>();
  // Lines that belong to no case wherever they are (a table's header rows and group headings).
  const headerIdx: number[] = [...setAside];
  const entryFor = new Map<Body, ListItem>();
  if (list.items.length) for (const [b, it] of matchBodies(lines, list.items, bodies)) entryFor.set(b, it);
  // Titles after markers are split off here, against the list entry when there is one (a copy: readings are reused).
  let work = bodies.map((b) => ({ ...b, titleIdx: [...b.titleIdx], bodyIdx: [...b.bodyIdx] }));
  const original = new Map(work.map((w, k) => [w, bodies[k]]));
  for (const b of work) splitTitle(lines, b, entryFor.get(original.get(b)!)?.title ?? null);
  // The notice's preamble told under a headline is no case: its lines are the header's.
  if (work.length && !entryFor.has(original.get(work[0])!) && preambleBody(lines, work[0], work.length - 1)) {
    const b = work[0];
    headerIdx.push(...b.titleIdx, ...b.bodyIdx, ...(b.markerIdx !== null ? [b.markerIdx] : []), ...(b.headingIdx !== null ? [b.headingIdx] : []));
    work = work.slice(1);
  }
  // The notice's closing after its last case, and all after it, is no case text.
  const closingAt = closingStart(lines, work);

  const makeCase = (item: ListItem | null, body: Body | null): SegmentedCase => {
    const lineIdx: number[] = [];
    if (item) lineIdx.push(...item.lineIdx);
    const parts: Record<PartName | 'pre', string[]> = { pre: [], background: [], measures: [], outcomes: [] };
    const bodyOriginal: string[] = [];
    let titleOriginal = item?.titleOriginal ?? '';
    let title = item?.title ?? '';
    let titleInferred = false;
    let contributor: string | null = null;
    let titleSigner: string | null = null;
    const mojibake = { repaired: 0, unrepaired: 0 };
    if (body) {
      if (body.headingIdx !== null) lineIdx.push(body.headingIdx);
      lineIdx.push(...(body.sectionIdx ?? []));
      if (body.markerIdx !== null) lineIdx.push(body.markerIdx);
      lineIdx.push(...body.titleIdx);
      const own = body.inlineTitle ?? (body.titleIdx.length ? {
        text: body.titleIdx.map((i) => lines[i].simplified).join(''),
        original: body.titleIdx.map((i) => lines[i].original).join(''),
      } : null);
      if (own) {
        // A title wrapped over lines loses the space between its two phrases when joined; when the list
        // entry says the same words, keep the list's spacing.
        const sameWords = item && item.title.replace(/\s+/g, '') === own.text.replace(/\s+/g, '');
        if (!sameWords) {
          titleOriginal = own.original;
          title = own.text;
        }
        // 【工业项目“拿地即开工”审批模式】: brackets set a title off; they are no part of it.
        const bracketed = LENTICULAR_TITLE.exec(title);
        if (bracketed) {
          title = bracketed[1];
          titleOriginal = titleOriginal.trim().replace(/^【\s*|\s*】$/g, '');
        }
        // …——威海市: the place or unit signing the title presented the case; it is no part of the title.
        const signed = trailingPresenter(title);
        if (signed) {
          title = signed.title;
          titleOriginal = titleOriginal.replace(/\s*[—－-]{1,2}\s*[^—－-]+$/, '');
          titleSigner = signed.who;
        }
      }
      for (const i of [...body.titleIdx, ...body.bodyIdx]) {
        const l = lines[i];
        if (l.mojibake) mojibake[l.mojibake]++;
      }
      if (body.leadText) parts.pre.push(body.leadText);
      let current: PartName | 'pre' = 'pre';
      let sawHeading = false;
      let firstHeading = null as { part: PartName; no: number | null } | null;
      let signed = false;
      body.bodyIdx.forEach((i) => {
        const l = lines[i];
        const t = l.simplified;
        // Web chrome, editor's notes and the notice's signature (issuer, date, 此件主动公开) are no case text; nor is
        // the notice's closing paragraph after its last case (下一步,省政务办将…复制推广), nor anything after it.
        const closing = (noticeRemark(t) && (bodyOriginal.length > 0 || body.leadText !== null)) || i === closingAt;
        if (signed || closing || isFurniture(t) || editorNote(t) || dateLine(t) !== null || signatureAt(lines, i) || /^[(].*[)]$/.test(t) && contributorLine(t) === null) {
          if (dateLine(t) !== null || closing) signed = true;
          headerIdx.push(i);
          return;
        }
        lineIdx.push(i);
        const who = contributorLine(t);
        if (who !== null) {
          contributor ??= who;
          return;
        }
        bodyOriginal.push(l.original);
        // …减少60%。(供稿:长沙市数据资源局): the unit signing the paragraph is kept out of the text.
        const signedBy = trailingContributor(t);
        if (signedBy) contributor ??= signedBy.who;
        const text = signedBy ? signedBy.rest : t;
        const h = partHeadingSplit(text);
        if (h) {
          current = h.part;
          sawHeading = true;
          firstHeading ??= { part: h.part, no: h.no };
          if (h.rest) parts[current].push(h.rest);
          return;
        }
        parts[current].push(text);
      });
      if (body.leadText) bodyOriginal.unshift(body.leadText);
      // 一、聚焦行业准营… / 二、优化办理流程… / 三、改革成效: where the first part heading is the outcomes, numbered after
      // other items or under numbered items of the case's own, those items are what was done (the measures), not an
      // introduction.
      const measuresBefore = firstHeading?.part === 'outcomes' && ((firstHeading.no ?? 0) > 1 || parts.pre.some(numberedBullet));
      if (sawHeading && measuresBefore) parts.measures.unshift(...parts.pre);
      else if (sawHeading) parts.background.unshift(...parts.pre);
      else {
        parts.measures.unshift(...parts.pre);
        // Without part headings, the paragraph that reports what came of it (截至…/改革以来…, with figures) opens
        // the outcomes, and what follows it is outcomes too; the paragraphs before it are the measures.
        const from = parts.measures.findIndex((p, k) => k > 0 && resultParagraph(p));
        if (from > 0) parts.outcomes.push(...parts.measures.splice(from));
      }
    } else if (item?.body) {
      // A table that gives each case's text in a column: the text is the case's body, in measures but for what
      // a part heading inside the cell says (主要做法:… 取得成效:…).
      let current: PartName = 'measures';
      for (const paragraph of item.body.text.split('\n')) {
        const h = partHeadingSplit(paragraph);
        if (h) current = h.part;
        const text = h ? h.rest : paragraph;
        if (text) parts[current].push(text);
      }
      bodyOriginal.push(item.body.original);
      // Its outcomes in a column of their own (取得成效).
      if (item.outcomes) {
        parts.outcomes.push(...item.outcomes.text.split('\n').filter(Boolean));
        bodyOriginal.push(item.outcomes.original);
      }
    }
    if (body || item?.body) {
      if (!title) {
        const firstText = [...parts.background, ...parts.measures, ...parts.outcomes][0] ?? '';
        title = inferTitle(firstText);
        titleOriginal = title;
        titleInferred = title !== '';
      }
    }
    for (const i of lineIdx) assigned.add(i);
    return {
      seq: 0,
      titleOriginal,
      title: title || toSimplified(titleOriginal),
      headingLabel: body?.headingLabel ?? item?.headingLabel ?? null,
      // The body's own contributor line first; else the unit a table of cases names, or the place heading it is told under.
      contributor: contributor ?? titleSigner ?? item?.contributor ?? body?.region ?? null,
      background: parts.background.join('\n'),
      measures: parts.measures.join('\n'),
      outcomes: parts.outcomes.join('\n'),
      bodyOriginal: bodyOriginal.join('\n'),
      hasBody: (body !== null || Boolean(item?.body)) && parts.background.length + parts.measures.length + parts.outcomes.length > 0,
      titleInferred,
      mojibake,
      lineNos: [...new Set(lineIdx)].sort((a, b) => a - b).map((i) => lines[i].lineNo),
    };
  };

  // Listed cases in list order; bodies that match no entry go right after the case before them.
  const built: { order: number; c: SegmentedCase }[] = [];
  const bodyOfItem = new Map<ListItem, Body>();
  for (const b of work) {
    const it = entryFor.get(original.get(b)!);
    if (it) bodyOfItem.set(it, b);
  }
  list.items.forEach((it, k) => built.push({ order: k, c: makeCase(it, bodyOfItem.get(it) ?? null) }));
  let lastOrder = -1;
  work.forEach((b, k) => {
    const it = entryFor.get(original.get(b)!);
    if (it) {
      lastOrder = list.items.indexOf(it);
      return;
    }
    built.push({ order: lastOrder + (k + 1) / (work.length + 1), c: makeCase(null, b) });
  });
  built.sort((a, b) => a.order - b.order);
  const cases = built.map((b, k) => ({ ...b.c, seq: k + 1 }));

  // A title repeated in a list above the cases (no numbers, no markers) belongs to its case.
  const firstBody = work.length
    ? Math.min(...work.map((b) => Math.min(b.headingIdx ?? Infinity, b.markerIdx ?? Infinity, ...b.titleIdx, ...b.bodyIdx.slice(0, 1))))
    : lines.length;
  if (list.items.length === 0) {
    for (let i = 0; i < firstBody; i++) {
      const t = lines[i].simplified;
      if (assigned.has(i) || !titleLike(t)) continue;
      const c = cases.find((x) => !x.titleInferred && titleSimilarity(t, x.title) >= 0.9);
      if (!c) continue;
      c.lineNos = [...c.lineNos, lines[i].lineNo].sort((a, b) => a - b);
      assigned.add(i);
    }
  }

  // Everything else: header when it precedes the bodies or is chrome, otherwise unassigned.
  // A document in which no case was found keeps only its title-like, date and furniture lines as
  // header: its prose is reported as unassigned rather than hidden in the header.
  const noCases = cases.length === 0;
  const unassigned: Line[] = [];
  const headerSet = new Set(headerIdx);
  lines.forEach((l, i) => {
    if (assigned.has(i) || headerSet.has(i)) return;
    const t = l.simplified;
    const chrome = isFurniture(t) || editorNote(t) || dateLine(t) !== null;
    const headerLike = chrome || (t.length <= 60 && !endsLikeProse(t));
    if ((i < firstBody && (!noCases || headerLike)) || chrome) headerSet.add(i);
    else unassigned.push(l);
  });
  const uniqHeader = [...headerSet].sort((a, b) => a - b);
  const header = readHeader(uniqHeader.map((i) => lines[i].simplified));
  const result: Assembled = {
    header,
    cases,
    headerLineNos: uniqHeader.map((i) => lines[i].lineNo),
    unassigned,
    // A table whose rows carry the cases' texts is read as such; a list alone gives cases without text.
    layout: reading?.layout ?? (list.items.length ? (list.items.some((it) => it.body) ? 'table' : 'list-only') : 'none'),
    bodyCount: work.reduce((n, b) => n + b.bodyIdx.length, 0),
    score: 0,
  };
  result.score = scoreReading(result, lines.length);
  return result;
}

// ---------- choosing the reading ----------

/** Explicit evidence counts for more than layout inferred from the shape of lines. */
const LAYOUT_PRIOR: Record<string, number> = { markers: 2, numbered: 1, 'part-cycle': 1, 'title-lines': 0, 'first-sentence': 0 };

/**
 * How well a reading explains the document: cases with bodies and parts, titles that read like case titles
 * (opening with a place), agreement with the count the notice announces, little left unassigned or hidden in
 * the header. The evidence is scored together; no single marker is required.
 */
function scoreReading(r: Assembled, lineCount: number): number {
  let score = LAYOUT_PRIOR[r.layout.split(':')[0]] ?? 0;
  for (const c of r.cases) {
    if (c.hasBody) score += 1;
    if (c.background && (c.measures || c.outcomes)) score += 0.5;
    if (c.titleInferred) score -= 0.5;
    else if (opensWithPlace(c.title)) score += 0.5;
    // (A headline may ask a question: 企业开办还能再快一点吗?)
    if ([...c.title].length > 60 || endsLikeProse(c.title.replace(/[?!]$/, ''))) score -= 1;
    if (c.hasBody && c.background.length + c.measures.length + c.outcomes.length < 15) score -= 0.5;
  }
  // Where most cases are told in parts, a case with a body but no part is a fragment the reading cut off.
  const inParts = r.cases.filter((c) => c.background !== '' || c.outcomes !== '').length;
  if (inParts >= 0.6 * r.cases.length) {
    score -= 1.5 * r.cases.filter((c) => c.hasBody && c.background === '' && c.outcomes === '').length;
  }
  const announced = r.header.casesAnnounced;
  if (announced !== null) score += announced === r.cases.length ? 3 : -Math.min(3, Math.abs(announced - r.cases.length) * 0.5);
  score -= 0.2 * r.unassigned.length;
  // Prose swallowed by the header is a case the reading missed.
  const headerProse = Math.max(0, r.headerLineNos.length - 12);
  score -= 0.1 * headerProse * (r.bodyCount < lineCount / 2 ? 1 : 0.2);
  return score;
}

/** What the segmenter looks for, named in the error when a document yields no case. */
export const LOOKED_FOR =
  'case markers (附件N, 案例N, 典型案例(一), 最佳实践案例一, NO.1, 系列之一, 排名1, 【案例1】, ①, 第一篇, 01), numbered titles (一、…), ' +
  'part headings (一、背景情况 / 二、主要做法 / 三、取得成效), title lines followed by a body, paragraphs opening with a title sentence, ' +
  'a table of cases under its header row (序号 / 案例名称 / 申报单位)';

export interface Segmentation extends SegmentResult {
  /** The reading the cases were found with (quality.json reports it per document). */
  layout: string;
}

/** The document without some of its lines, and each remaining line's index in the document. */
function withoutLines(lines: Line[], drop: Set<number>): { lines: Line[]; back: number[] } {
  const back = lines.map((_, i) => i).filter((i) => !drop.has(i));
  return { lines: back.map((i) => lines[i]), back };
}

/** A reading found on a subset of the lines, with its indexes brought back to the document's. */
function remapReading(r: Reading, back: number[]): Reading {
  const at = (i: number) => back[i];
  const opt = (i: number | null) => (i === null ? null : at(i));
  return {
    layout: r.layout,
    bodies: r.bodies.map((b) => ({ ...b, markerIdx: opt(b.markerIdx), headingIdx: opt(b.headingIdx), titleIdx: b.titleIdx.map(at), bodyIdx: b.bodyIdx.map(at) })),
  };
}

/** A table's header rows and group headings: no case's lines, but part of the list. */
function tableLinesOfNoRow(table: CaseTable): number[] {
  const inRows = new Set(table.rows.flatMap((r) => r.lineIdx));
  return table.lineIdx.filter((i) => !inRows.has(i));
}

export function segmentDocument(doc: { lines: Line[] }): Segmentation {
  const all = doc.lines.map((l) => ({ ...l, simplified: stripOrnament(l.simplified) }));
  // Page numbers, running headers, a table of contents and what a web page shows after the article (往期推荐…)
  // are set aside first, and lines broken at the page
  // width joined: a page break inside a body is then no boundary, a broken line no title, and the contents'
  // titles no second copy of the cases.
  const furniture = pageFurniture(all);
  const end = all.findIndex((l) => articleEnd(l.simplified));
  if (end >= 0) for (let i = end; i < all.length; i++) furniture.add(i);
  // An attached form (附件2 / 复制推广工作进展情况统计表) holds no case.
  for (const i of annexFormLines(all)) furniture.add(i);
  const kept = all.filter((_, i) => !furniture.has(i));
  const { lines, joined } = joinHardWraps(kept, wrapWidth(kept));
  const withJoined = (lineNos: number[]) => lineNos.flatMap((n) => [n, ...(joined.get(n) ?? [])]);
  // A table of cases (名单) is the list wherever it stands, and the readers look for case texts in the rest of
  // the document: its numbered rows are no case markers, its cells no title lines.
  const table = findCaseTable(lines);
  let list: { items: ListItem[]; end: number };
  let readable = { lines, back: lines.map((_, i) => i) };
  let from: number;
  if (table) {
    list = {
      items: table.rows.map((r) => ({ no: r.no, title: r.title, titleOriginal: r.titleOriginal, lineIdx: r.lineIdx, contributor: r.unit, headingLabel: r.field, body: r.body, outcomes: r.outcomes })),
      end: table.end,
    };
    readable = withoutLines(lines, new Set(table.lineIdx));
    from = 0;
  } else {
    // The list of announced cases sits before the first case marker (or anywhere if there is none).
    // Marker lines in a run (1 甲市推行… / 2 乙市打造…, nothing between them) are the list's entries, not cases.
    const isMarker = (i: number) => i >= 0 && i < lines.length && caseMarker(lines[i].simplified) !== null;
    const firstMarker = lines.findIndex((_, i) => isMarker(i) && !isMarker(i - 1) && !isMarker(i + 1));
    list = findList(lines, firstMarker < 0 ? lines.length : firstMarker);
    from = list.end + 1;
  }
  const rest = readable.lines;
  const readings = [
    readMarkers(rest, from),
    readPartCycles(rest),
    readNumberedTitles(rest, from),
    readTitleLines(rest),
    readFirstSentences(rest),
  ]
    .filter((r): r is Reading => r !== null && r.bodies.length > 0)
    .map((r) => (table ? remapReading(r, readable.back) : r));
  const setAside = table ? tableLinesOfNoRow(table) : [];
  // A reading cannot score more than its prior plus 2 per case plus the announced-count bonus: one that
  // could not beat the best so far is not assembled.
  const candidates: Assembled[] = [];
  for (const r of readings) {
    const bound = (LAYOUT_PRIOR[r.layout.split(':')[0]] ?? 0) + 2 * Math.max(r.bodies.length, list.items.length) + 3;
    if (candidates.length && bound <= Math.max(...candidates.map((c) => c.score))) continue;
    candidates.push(assemble(lines, list, r, setAside));
  }
  // A list read alone (its cases have no text) competes too: a reading must explain more than the list does.
  if (candidates.length === 0 || table) candidates.push(assemble(lines, list, null, setAside));
  // Highest score; ties go to the earlier (more explicit) reading.
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  const layout = best.layout === 'list-only' || best.layout === 'table' || best.layout === 'none' || !list.items.length ? best.layout : `${best.layout}+list`;
  const headerLineNos = [...withJoined(best.headerLineNos), ...all.filter((_, i) => furniture.has(i)).map((l) => l.lineNo)];
  const cases = best.cases.map((c) => ({ ...c, lineNos: withJoined(c.lineNos).sort((a, b) => a - b) }));
  // An unassigned joined line reports the lines it took in as well.
  const byNo = new Map(all.map((l) => [l.lineNo, l]));
  const unassigned = best.unassigned.flatMap((l) => [byNo.get(l.lineNo)!, ...(joined.get(l.lineNo) ?? []).map((n) => byNo.get(n)!)]);
  return { header: best.header, cases, headerLineNos: headerLineNos.sort((a, b) => a - b), unassigned, layout };
}
