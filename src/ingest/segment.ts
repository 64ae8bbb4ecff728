// Segment stage: a normalised document → header, the cases it announces, and each case's body split
// into background / measures / outcomes. Driven only by the text's structure (list `附件:` + numbered
// titles, body markers 附件N / 典型案例(一) / 01, part headings), never by file names or counts.
//
// Decisions (see the report in the pull request):
// - A case's lines: its list entry, its marker, its title lines, its body. Everything before the
//   first body marker is document header; furniture lines anywhere go to the header.
// - A body without part headings puts all its text in `measures`. Text before the first heading
//   of a body that has headings goes to `background` (it is the case's introduction).
// - 主要做法和成效 (measures and outcomes in one part) goes to `measures`.
// - Title: the body's own title lines (wrapped lines joined); when the body has none, the list
//   entry's title; when neither exists, the first clause of the body (titleInferred).
// - Bodies are matched to list entries by title similarity first, then by number; a body whose
//   title contradicts the entry of its number is never given to it.
import type { DocumentHeader, Line, SegmentedCase, SegmentResult } from './types.ts';
import {
  caseMarker,
  dateLine,
  endsLikeProse,
  isFurniture,
  isoDate,
  listEntry,
  listOpener,
  parseNumeral,
  partHeading,
  titleSimilarity,
  type PartName,
} from './segment-patterns.ts';
import { toSimplified } from './text-convert.ts';

interface ListItem {
  no: number;
  title: string; // simplified
  titleOriginal: string;
  lineIdx: number[];
}

interface Body {
  no: number;
  markerIdx: number;
  titleIdx: number[];
  bodyIdx: number[];
  headingLabel: string | null;
  headingIdx: number | null;
}

// ---------- the list of announced cases ----------

function stripEntryNumber(original: string): string {
  return original.replace(/^\s*附件\s*[:：]\s*/, '').replace(/^\s*[\d０-９]{1,3}\s*[.、．]\s*/, '').trim();
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
    for (let i = 0; i + 1 < limit; i++) {
      const a = listEntry(lines[i].simplified);
      const b = listEntry(lines[i + 1].simplified);
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
    const first = listEntry(opener);
    if (first) items.push({ no: first.no, title: first.title, titleOriginal: stripEntryNumber(lines[start].original), lineIdx: [start] });
    i = start + 1;
  }
  let end = start;
  for (; i < limit; i++) {
    const e = listEntry(lines[i].simplified);
    const expected = items.length ? items[items.length - 1].no + 1 : 1;
    if (e && e.no === expected) {
      items.push({ no: e.no, title: e.title, titleOriginal: stripEntryNumber(lines[i].original), lineIdx: [i] });
      end = i;
      continue;
    }
    // A wrapped entry: a plain line followed (within two lines) by the next entry.
    const next = [lines[i + 1], lines[i + 2]].map((l) => (l ? listEntry(l.simplified) : null));
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
  return { items, end };
}

// ---------- bodies ----------

function isHeadingLabelCandidate(text: string): boolean {
  return (
    text.length <= 30 &&
    !endsLikeProse(text) &&
    partHeading(text) === null &&
    caseMarker(text) === null &&
    dateLine(text) === null &&
    !isFurniture(text) &&
    !/^[(].*[)]$/.test(text) && // (此件主动公开)
    !/^[(]?[一二三四五六七八九十]+[)、.]/.test(text) && // sub-headings (一)… / 一、…
    !/^[一二三四五六七八九十]是/.test(text)
  );
}

function findBodies(lines: Line[], from: number): Body[] {
  const markers: { idx: number; no: number }[] = [];
  for (let i = from; i < lines.length; i++) {
    const no = caseMarker(lines[i].simplified);
    if (no !== null && i + 1 < lines.length) markers.push({ idx: i, no });
  }
  // A bare number line (01) is a marker only when the document numbers its cases that way
  // (at least two of them); a stray number inside a body is not.
  const bare = markers.filter((m) => /^\d+$/.test(lines[m.idx].simplified));
  const kept = bare.length >= 2 ? markers : markers.filter((m) => !/^\d+$/.test(lines[m.idx].simplified));

  // Indicator headings (Shaanxi): a short title-like line right before a marker, if the document
  // does that at least twice.
  const headingBefore = kept.map((m) =>
    m.idx - 1 >= from - 1 && m.idx - 1 >= 0 && isHeadingLabelCandidate(lines[m.idx - 1].simplified) && caseMarker(lines[m.idx - 1].simplified) === null
      ? m.idx - 1
      : null,
  );
  const useHeadings = headingBefore.filter((h) => h !== null).length >= 2;

  const bodies: Body[] = [];
  let label: string | null = null;
  kept.forEach((m, k) => {
    const headingIdx = useHeadings ? headingBefore[k] : null;
    if (headingIdx !== null) label = lines[headingIdx].simplified;
    const nextStart = k + 1 < kept.length ? (useHeadings && headingBefore[k + 1] !== null ? headingBefore[k + 1]! : kept[k + 1].idx) : lines.length;
    const idx: number[] = [];
    for (let i = m.idx + 1; i < nextStart; i++) idx.push(i);
    bodies.push({ no: m.no, markerIdx: m.idx, titleIdx: [], bodyIdx: idx, headingLabel: label, headingIdx });
  });
  return bodies;
}

/** Splits a body's first lines into its title (wrapped lines joined) and the rest. */
function splitTitle(lines: Line[], body: Body, entryTitle: string | null): void {
  const idx = body.bodyIdx;
  if (idx.length === 0 || partHeading(lines[idx[0]].simplified) !== null || endsLikeProse(lines[idx[0]].simplified) && lines[idx[0]].simplified.length > 40) {
    return; // no title line
  }
  let n = 1;
  let title = lines[idx[0]].simplified;
  while (n < idx.length && n < 4) {
    const next = lines[idx[n]].simplified;
    if (partHeading(next) !== null || isFurniture(next)) break;
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
    const first = b.bodyIdx[0];
    provisional.set(b, first !== undefined && partHeading(lines[first].simplified) === null ? lines[first].simplified : '');
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

// ---------- header ----------

function readHeader(lines: Line[], headerIdx: number[]): DocumentHeader {
  const texts = headerIdx.map((i) => lines[i].simplified);
  const all = texts.join('\n');
  let published: string | null = null;
  const stamp = /(?:发布时间|发布日期|时间)[:]\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/.exec(all);
  if (stamp) published = isoDate(stamp[1], stamp[2], stamp[3]);
  let issuer: string | null = null;
  texts.forEach((t, k) => {
    const d = dateLine(t);
    if (!d) return;
    if (!published) published = d;
    const prev = texts[k - 1];
    if (!issuer && prev && prev.length <= 40 && !endsLikeProse(prev) && /(办公室|委员会|厅|局|政府|小组|办|中心|院)$/.test(prev)) issuer = prev;
  });
  const title =
    texts.find(
      (t) => t.length <= 60 && /(典型经验|经验做法|典型案例|典型做法)/.test(t) && !endsLikeProse(t) && !listEntry(t) && !isFurniture(t),
    ) ?? null;
  const batchM = /第([一二三四五六七八九十\d]{1,3})批/.exec(title ?? '') ?? /第([一二三四五六七八九十\d]{1,3})批/.exec(all);
  const batch = batchM ? parseNumeral(batchM[1]) : null;
  const yearM = /(\d{4})年(?:度)?第[一二三四五六七八九十\d]{1,3}批/.exec(all);
  const year = yearM ? Number(yearM[1]) : published ? Number((published as string).slice(0, 4)) : null;
  const countM = /共\s*(\d{1,4})\s*[个项条]/.exec(all) ?? /(\d{1,4})\s*[个项条]\s*(?:优化营商环境)?(?:典型|优秀|创新)?(?:经验|做法|案例)/.exec(all);
  return { title, issuer, year, batch, published, casesAnnounced: countM ? Number(countM[1]) : null };
}

// ---------- assembling ----------

function inferTitle(text: string): string {
  const clause = text.split(/[。;,:]/)[0] ?? text;
  return [...clause].slice(0, 30).join('');
}

export function segmentDocument(doc: { lines: Line[] }): SegmentResult {
  const lines = doc.lines;
  // Where do bodies start? The first marker after the list (or anywhere if there is no list).
  const firstMarker = lines.findIndex((l) => caseMarker(l.simplified) !== null);
  const list = findList(lines, firstMarker < 0 ? lines.length : firstMarker);
  const bodies = findBodies(lines, list.end + 1);
  const assigned = new Set<number>();

  const entryFor = new Map<Body, ListItem>();
  if (list.items.length) for (const [b, it] of matchBodies(lines, list.items, bodies)) entryFor.set(b, it);
  for (const b of bodies) splitTitle(lines, b, entryFor.get(b)?.title ?? null);

  const headerIdx: number[] = [];
  const built: { order: number; c: SegmentedCase }[] = [];

  const makeCase = (item: ListItem | null, body: Body | null): SegmentedCase => {
    const lineIdx: number[] = [];
    if (item) lineIdx.push(...item.lineIdx);
    const parts: Record<PartName | 'pre', string[]> = { pre: [], background: [], measures: [], outcomes: [] };
    let bodyOriginal: string[] = [];
    let titleOriginal = item?.titleOriginal ?? '';
    let title = item?.title ?? '';
    let titleInferred = false;
    const mojibake = { repaired: 0, unrepaired: 0 };
    if (body) {
      if (body.headingIdx !== null) lineIdx.push(body.headingIdx);
      lineIdx.push(body.markerIdx, ...body.titleIdx);
      if (body.titleIdx.length) {
        const bodyTitleOriginal = body.titleIdx.map((i) => lines[i].original).join('');
        const bodyTitle = body.titleIdx.map((i) => lines[i].simplified).join('');
        // A title wrapped over lines loses the space between its two phrases when joined; when the list
        // entry says the same words, keep the list's spacing.
        const sameWords = item && item.title.replace(/\s+/g, '') === bodyTitle.replace(/\s+/g, '');
        if (!sameWords) {
          titleOriginal = bodyTitleOriginal;
          title = bodyTitle;
        }
      }
      let current: PartName | 'pre' = 'pre';
      let sawHeading = false;
      for (const i of [...body.titleIdx, ...body.bodyIdx]) {
        const l = lines[i];
        if (l.mojibake) mojibake[l.mojibake]++;
      }
      for (const i of body.bodyIdx) {
        const l = lines[i];
        if (isFurniture(l.simplified)) {
          headerIdx.push(i);
          continue;
        }
        lineIdx.push(i);
        bodyOriginal.push(l.original);
        const h = partHeading(l.simplified);
        if (h) {
          current = h;
          sawHeading = true;
          continue;
        }
        parts[current].push(l.simplified);
      }
      if (sawHeading) parts.background.unshift(...parts.pre);
      else parts.measures.unshift(...parts.pre);
      if (!title) {
        const firstText = [...parts.background, ...parts.measures, ...parts.outcomes][0] ?? '';
        title = inferTitle(firstText);
        titleOriginal = title;
        titleInferred = true;
      }
    }
    for (const i of lineIdx) assigned.add(i);
    return {
      seq: 0,
      titleOriginal,
      title: title || toSimplified(titleOriginal),
      headingLabel: body?.headingLabel ?? null,
      background: parts.background.join('\n'),
      measures: parts.measures.join('\n'),
      outcomes: parts.outcomes.join('\n'),
      bodyOriginal: bodyOriginal.join('\n'),
      hasBody: body !== null && body.bodyIdx.length + body.titleIdx.length > 0,
      titleInferred,
      mojibake,
      lineNos: [...new Set(lineIdx)].sort((a, b) => a - b).map((i) => lines[i].lineNo),
    };
  };

  // Listed cases in list order; bodies that match no entry go right after the case before them.
  const bodyOfItem = new Map<ListItem, Body>();
  for (const [b, it] of entryFor) bodyOfItem.set(it, b);
  list.items.forEach((it, k) => built.push({ order: k, c: makeCase(it, bodyOfItem.get(it) ?? null) }));
  let lastOrder = -1;
  bodies.forEach((b, k) => {
    const it = entryFor.get(b);
    if (it) {
      lastOrder = list.items.indexOf(it);
      return;
    }
    built.push({ order: lastOrder + (k + 1) / (bodies.length + 1), c: makeCase(null, b) });
  });
  built.sort((a, b) => a.order - b.order);
  const cases = built.map((b, k) => ({ ...b.c, seq: k + 1 }));

  // Everything else: header when it precedes the bodies or is furniture, otherwise unassigned.
  // A document in which no case was found keeps only its title-like, date and furniture lines as
  // header: its prose is reported as unassigned rather than hidden in the header.
  const noCases = cases.length === 0;
  const firstBody = bodies.length ? Math.min(...bodies.map((b) => b.headingIdx ?? b.markerIdx)) : lines.length;
  const unassigned: Line[] = [];
  lines.forEach((l, i) => {
    if (assigned.has(i) || headerIdx.includes(i)) return;
    const headerLike = isFurniture(l.simplified) || dateLine(l.simplified) !== null || (l.simplified.length <= 60 && !endsLikeProse(l.simplified));
    if ((i < firstBody && (!noCases || headerLike)) || isFurniture(l.simplified)) headerIdx.push(i);
    else unassigned.push(l);
  });
  const uniqHeader = [...new Set(headerIdx)].sort((a, b) => a - b);
  return {
    header: readHeader(lines, uniqHeader),
    cases,
    headerLineNos: uniqHeader.map((i) => lines[i].lineNo),
    unassigned,
  };
}
