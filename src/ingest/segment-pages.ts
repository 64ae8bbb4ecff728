// What a notice converted from PDF (or a printed 汇编) carries besides its text: page numbers (— 3 —, -3-,
// 第3页), a running header or footer printed on every page, a table of contents (标题……3), and lines broken
// at the page width in the middle of a sentence. The segmenter sets the page furniture aside before it looks
// for cases (so a page break inside a body is no boundary) and joins hard-wrapped lines back into paragraphs.
import type { Line } from './types.ts';
import { contributorLine, endsLikeProse, numberedBullet, partHeading } from './segment-patterns.ts';

/**
 * A page number on its own line: — 3 —, -3-, - 3 -, 第3页, 第 3 页 共 12 页, 3/12 (a bare 3: see pageFurniture). A number
 * written with a leading zero (— 01 —) is no page's: WeChat articles number their cases so.
 */
export function pageNumberLine(text: string): boolean {
  return (
    /^[-—–－―‒]+\s*(?!0)\d{1,4}\s*[-—–－―‒]+$/.test(text) ||
    /^第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?$/.test(text) ||
    /^\d{1,4}\s*\/\s*\d{1,4}$/.test(text)
  );
}

/** An entry of a table of contents: a title, a leader of dots, a page number (济南市推行……1). */
export function tocEntry(text: string): boolean {
  return /\S\s*(?:[.…·．。]\s*){3,}\s*\d{1,4}$/.test(text);
}

function tocHeading(text: string): boolean {
  // A bulletin's contents: 【本期导读】 / 本期要目 / 本期目录.
  return /^目\s*录$/.test(text) || /^【?本期(?:导读|要目|目录|内容)】?$/.test(text);
}

/** A bulletin's issue number on its own line: 第6期 / 第6期(总第118期) / 总第118期. */
const ISSUE_LINE = /^(?:总\s*)?第\s*[\d一二三四五六七八九十]{1,4}\s*期(?:\s*[(]总第\s*\d{1,4}\s*期[)])?$/;

/** The issuer and the date on one line, or the date alone: 黑龙江省营商环境建设监督局　2025年4月18日. */
const DATED_LINE = /(?:^|\s)\d{4}\s*[年\-./]\s*\d{1,2}\s*[月\-./]\s*\d{1,2}\s*日?$/;

/**
 * A compilation of a bulletin's issues: each issue after the first opens with the masthead printed before (营商环境工作简报),
 * its issue number (第6期) and its issuer and date — no case's text. The first masthead heads the document and stays.
 */
function laterMastheads(texts: string[]): number[] {
  const out: number[] = [];
  texts.forEach((t, i) => {
    if (!ISSUE_LINE.test(t) || i === 0 || !texts.slice(0, i - 1).includes(texts[i - 1])) return;
    out.push(i - 1, i);
    if (i + 1 < texts.length && DATED_LINE.test(texts[i + 1]) && !endsLikeProse(texts[i + 1])) out.push(i + 1);
  });
  return out;
}

/**
 * Indexes of the page furniture: page numbers, table-of-contents lines, and running headers/footers — a line
 * printed again and again (three times at least, or twice with a page number next to it each time) — but for
 * its first printing when that stands apart from page numbers (the document's own title on its cover). A part
 * heading, a bullet or a contributor note may recur in several cases and is never furniture.
 */
export function pageFurniture(lines: Line[]): Set<number> {
  const out = new Set<number>();
  const texts = lines.map((l) => l.simplified);
  texts.forEach((t, i) => {
    if (pageNumberLine(t) || tocEntry(t) || tocHeading(t)) out.add(i);
  });
  // A bare number (3) is a page number only in text broken at a page width, numbering upwards; elsewhere
  // it may mark a case (01 / 1 above a title), which the markers reader decides.
  if (wrapWidth(lines) !== null) {
    let last = 0;
    texts.forEach((t, i) => {
      if (!/^[1-9]\d{0,2}$/.test(t) || Number(t) <= last) return;
      last = Number(t);
      out.add(i);
    });
  }
  // Under 目录, entries may give their page number after blanks only (一、甲市推行…  1), or none at all: then
  // they are the lines that come again further down, as the titles of the bodies.
  const bare = (t: string) => t.replace(/\s+/g, '');
  texts.forEach((t, i) => {
    if (!tocHeading(t)) return;
    let j = i + 1;
    for (; j < texts.length && /\S\s+\d{1,4}$/.test(texts[j]) && !endsLikeProse(texts[j].replace(/\s*\d+$/, '')); j++) out.add(j);
    if (j > i + 1) return;
    const run: number[] = [];
    for (; j < texts.length && !endsLikeProse(texts[j]); j++) {
      if (!texts.slice(j + 1).some((later) => bare(later) === bare(texts[j]))) break;
      run.push(j);
    }
    if (run.length >= 2) for (const k of run) out.add(k);
  });
  for (const i of laterMastheads(texts)) out.add(i);
  const nearPageNumber = (i: number) => [i - 1, i + 1].some((j) => j >= 0 && j < texts.length && pageNumberLine(texts[j]));
  const seen = new Map<string, number[]>();
  texts.forEach((t, i) => seen.set(t, [...(seen.get(t) ?? []), i]));
  for (const [t, at] of seen) {
    if (at.length < 2 || [...t].length > 40 || endsLikeProse(t)) continue;
    if (partHeading(t) !== null || numberedBullet(t) || contributorLine(t) !== null) continue;
    if (at.length < 3 && !at.every(nearPageNumber)) continue;
    // Its first printing, away from a page number, heads the document (a cover, page 1's header): it stays.
    for (const i of at) if (i !== at[0] || nearPageNumber(i)) out.add(i);
  }
  return out;
}

/** Ends a paragraph: a line ending otherwise, in a document broken at the page width, goes on in the next. */
const PARAGRAPH_END = /[。!?;:…”」』)]$/;

/**
 * The width at which the document's lines were broken, when they were: the length most lines that end
 * mid-sentence share (a PDF page's line), provided that hardly any line is longer. Web text, whose lines are
 * paragraphs of any length, has none (null).
 */
export function wrapWidth(lines: Line[]): number | null {
  const long = lines.map((l) => [...l.simplified].length).filter((n) => n >= 20);
  const lengths = new Map<number, number>();
  for (const l of lines) {
    const n = [...l.simplified].length;
    if (n >= 20 && !PARAGRAPH_END.test(l.simplified)) lengths.set(n, (lengths.get(n) ?? 0) + 1);
  }
  let best: [number, number] | null = null;
  for (const [n] of lengths) {
    // Lines of one page width differ by a character or two (half-width digits, punctuation).
    let near = 0;
    for (const [m, c] of lengths) if (Math.abs(m - n) <= 2) near += c;
    if (!best || near > best[1] || (near === best[1] && n < best[0])) best = [n, near];
  }
  if (!best || best[1] < 3) return null;
  const width = best[0];
  return long.filter((n) => n > width + 6).length <= 0.1 * long.length ? width : null;
}

/** A line broken at the page width in mid-sentence: the next line continues it (same paragraph). */
export function hardWrapped(text: string, width: number | null): boolean {
  return width !== null && [...text].length >= width - 3 && !PARAGRAPH_END.test(text) && !numberedBullet(text) && !tableRow(text);
}

/** Whether `next` can continue a hard-wrapped line (it opens no heading, bullet or new item). */
function continuesLine(next: Line): boolean {
  return partHeading(next.simplified) === null && !numberedBullet(next.simplified) && !next.mojibake && !tableRow(next.simplified);
}

/**
 * A row of a table flattened with tabs between its cells, or with runs of blanks (a PDF's table as pdftotext -layout
 * writes it): its width is the table's, not the page's.
 */
function tableRow(text: string): boolean {
  return text.includes('\t') || /\S(?: {2,}|\u3000{2,})\S/.test(text);
}

/**
 * Lines broken at the page width joined back into paragraphs (and wrapped titles into one line). A joined
 * line keeps the first line's number; `joined` lists the numbers of the lines it took in.
 */
export function joinHardWraps(lines: Line[], width: number | null): { lines: Line[]; joined: Map<number, number[]> } {
  const joined = new Map<number, number[]>();
  if (width === null) return { lines, joined };
  const out: Line[] = [];
  // Whether the paragraph goes on is told by its last physical line (at the page width, no full stop), not by the
  // joined text: that is longer than the width once joined, and measuring it again at every line would be quadratic.
  let lastPhysical: Line | null = null;
  for (const l of lines) {
    const last = out[out.length - 1];
    if (last && lastPhysical && !last.mojibake && hardWrapped(lastPhysical.simplified, width) && continuesLine(l)) {
      out[out.length - 1] = { ...last, original: last.original + l.original, simplified: last.simplified + l.simplified };
      const taken = joined.get(last.lineNo);
      if (taken) taken.push(l.lineNo);
      else joined.set(last.lineNo, [l.lineNo]);
    } else out.push(l);
    lastPhysical = l;
  }
  return { lines: out, joined };
}
