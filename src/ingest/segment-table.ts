// A list of cases published as a table (名单): 序号 / 案例名称 / 申报单位 / 所属领域, flattened to text by a web
// page or a PDF — cells separated by tabs or runs of spaces on one line, or one cell per line — and sometimes
// grouped under headings (一、开办企业 / 杭州市), each group possibly with its header row again and numbering
// restarting at 1. Each row is a case: its title, the unit or region that presented it, the field it is filed
// under. A notice may give only this table (the cases then have no text) or the case texts after it (the
// table then lists the same cases).
//
// The header row is the evidence: a table is read under a row naming 序号 and a name column, so a run of
// numbered bullets inside a body is never taken for one. Without a header row, only rows whose columns read as
// titles and as places/units or indicators are a table (see headerFromRows).
import { headingToIndicator } from './classify.ts';
import { findPlaces } from './gazetteer.ts';
import { ORG_SUFFIX, endsLikeProse } from './segment-patterns.ts';
import type { Line } from './types.ts';

export interface TableRow {
  no: number;
  /** Simplified / as published. */
  title: string;
  titleOriginal: string;
  /** The presenting unit or region (申报单位 / 申报地区), or the region heading the row is grouped under. */
  unit: string | null;
  /** The field column (所属领域), or the indicator heading the row is grouped under. */
  field: string | null;
  /** The case's text, where the table gives it in a column (主要做法及成效 / 案例简介): simplified / as published. */
  body: { text: string; original: string } | null;
  /** What came of the case, where the table has a column of its own for it (主要做法 | 取得成效): simplified / as published. */
  outcomes: { text: string; original: string } | null;
  lineIdx: number[];
}

export interface CaseTable {
  rows: TableRow[];
  /** First and last line of the table (header row, group headings and rows included). */
  start: number;
  end: number;
  /** Every line the table consists of (header rows, group headings, rows). */
  lineIdx: number[];
}

type Column = 'no' | 'title' | 'unit' | 'field' | 'body' | 'outcomes' | 'other';

/** Cells of a flattened row: tabs, ideographic spaces, two spaces and more, or a bar (| 1 | 标题 | 单位 |) between them. */
const CELL_SEPARATOR = /\t+|\u3000+| {2,}|\s*\|\s*/;

/** A row's text without the bars that open and close it. */
function unbar(text: string): string {
  return text.replace(/^\|\s*|\s*\|$/g, '');
}

const BODY_HEADER =
  /^(?:(?:主要|具体|基本|改革|创新)(?:做法|内容|举措|措施|情况)(?:[及和与、]?(?:成效|效果|亮点|成果))?|(?:做法|举措|措施)[及和与、]?(?:成效|效果|成果)|(?:案例|内容|简要)?(?:简介|介绍|概述|概况))$/;

function columnOf(cell: string): Column | null {
  const c = cell.replace(/\s+/g, '');
  if (/^(?:序号|编号|序)$/.test(c)) return 'no';
  if (/^(?:典型|创新|优秀)?(?:案例|经验|做法|举措|实践|改革)?(?:名称|标题|题目)$/.test(c) || /^(?:典型)?案例$/.test(c)) return 'title';
  if (/^(?:所属|涉及|对应)?(?:领域|类别|类型|指标|评价指标|分类|方向)$/.test(c)) return 'field';
  // The case's text: 主要做法及成效 / 主要内容 / 案例简介 (a bare 经验做法 names the cases themselves: a name column).
  if (BODY_HEADER.test(c)) return 'body';
  // …and what came of it, in a column of its own beside the measures: 取得成效 / 主要成效 / 工作成效.
  if (/^(?:取得|主要|工作|实施|改革|应用)?(?:成效|效果|成果)$/.test(c)) return 'outcomes';
  if (/(?:单位|地区|地市|市州|部门|区域|所在地|设区市)(?:[(][^()]{1,6}[)])?$/.test(c) && [...c].length <= 12) return 'unit';
  if ([...c].length <= 6 && !endsLikeProse(c)) return 'other'; // 备注, 层级 …
  return null;
}

/** An annex label or a caption naming a list: 附件 / 附件2: / 第三批典型案例名单 / 案例汇总表. */
function tableCaption(text: string): boolean {
  return /^附件\s*\d{0,2}\s*:?$/.test(text) || ([...text].length <= 40 && !endsLikeProse(text) && /(?:名单|清单|一览表|汇总表)$/.test(text));
}

/** A header row written on one line: 序号<tab>案例名称<tab>申报单位 … */
function headerOnLine(text: string): Column[] | null {
  // Column names hold no blank, so any blank separates them (序号 案例名称 申报单位).
  const cells = unbar(text).split(/[\s|]+/).filter(Boolean);
  if (cells.length < 2) return null;
  const columns = cells.map(columnOf);
  if (columns.some((c) => c === null) || columns[0] !== 'no' || !columns.includes('title')) return null;
  return columns as Column[];
}

/** A header row written one cell per line, from line i: 序号 / 案例名称 / 申报单位. */
function headerOnLines(lines: Line[], i: number): { columns: Column[]; last: number } | null {
  if (columnOf(lines[i].simplified) !== 'no') return null;
  const columns: Column[] = ['no'];
  let j = i + 1;
  while (j < lines.length && columns.length < 8) {
    const c = columnOf(lines[j].simplified);
    if (c === null || c === 'no' || rowNumber(lines[j].simplified) !== null) break;
    columns.push(c);
    j++;
  }
  return columns.includes('title') ? { columns, last: j - 1 } : null;
}

function headerAt(lines: Line[], i: number): { columns: Column[]; last: number } | null {
  const one = headerOnLine(lines[i].simplified);
  if (one) return { columns: one, last: i };
  return headerOnLines(lines, i);
}

/** A line that is a row number and nothing else (1 / 01 / 1.). */
function rowNumber(text: string): number | null {
  const m = /^(\d{1,3})\s*[.、]?$/.exec(text);
  return m ? Number(m[1]) : null;
}

/** A row on one line: its number and its other cells, or null. */
function rowOnLine(text: string, columns: number): { no: number; cells: string[] } | null {
  const m = /^(\d{1,3})\s*[.、]?(?:[\t\u3000 |])\s*\|?\s*(\S.*)$/.exec(unbar(text));
  if (!m) return null;
  let cells = m[2].split(CELL_SEPARATOR).map((c) => c.trim()).filter(Boolean);
  // Cells separated by single spaces: the last columns are the short ones (unit, field); the title takes the rest.
  if (cells.length < columns - 1) {
    const words = m[2].split(/\s+/);
    if (words.length >= columns - 1) cells = [words.slice(0, words.length - (columns - 2)).join(' '), ...words.slice(words.length - (columns - 2))];
  }
  return { no: Number(m[1]), cells };
}

/** A group heading between rows: 一、开办企业 / (二)获得电力 / 杭州市 — short, no sentence. */
function groupHeading(text: string): string | null {
  if (tableCaption(text)) return null;
  const label = text.replace(/^(?:[一二三四五六七八九十]{1,3}\s*[、.]|[(][一二三四五六七八九十]{1,3}[)])\s*/, '').trim();
  const n = [...label].length;
  return n >= 2 && n <= 16 && !endsLikeProse(label) && !/\s/.test(label) && rowNumber(label) === null ? label : null;
}

/** A line's characters, published and simplified, and the code-point index of each UTF-16 index of the latter. */
interface LineChars {
  original: string[];
  simplified: string[];
  codePointAt: Uint32Array;
}
// Cells of one line are looked up one by one: its characters are split once (a long line has many cells).
const lineChars = new WeakMap<Line, LineChars>();
function charsOf(line: Line): LineChars {
  let chars = lineChars.get(line);
  if (!chars) {
    const simplified = [...line.simplified];
    const codePointAt = new Uint32Array(line.simplified.length + 1);
    let unit = 0;
    simplified.forEach((ch, k) => {
      for (let j = 0; j < ch.length; j++) codePointAt[unit + j] = k;
      unit += ch.length;
    });
    codePointAt[unit] = simplified.length;
    chars = { original: [...line.original], simplified, codePointAt };
    lineChars.set(line, chars);
  }
  return chars;
}

/** The part of a published line that corresponds to a cell's simplified text (same length, found by position). */
function originalCell(line: Line, cell: string): string {
  const at = line.simplified.indexOf(cell);
  if (at < 0) return cell;
  const chars = charsOf(line);
  if (chars.original.length !== chars.simplified.length) return cell;
  const offset = chars.codePointAt[at];
  return chars.original.slice(offset, offset + [...cell].length).join('');
}

/**
 * The first table of cases in the document, or null. Rows follow a header row; numbering runs on, or restarts
 * at 1 under a group heading; the table ends at the first line that is neither a row, a wrapped cell, a group
 * heading followed by rows, nor a repeated header row.
 */
export function findCaseTable(lines: Line[]): CaseTable | null {
  for (let i = 0; i < lines.length; i++) {
    const header = headerAt(lines, i);
    if (!header) continue;
    const table = readTable(lines, i, header);
    if (table) return table;
  }
  // A web page's table copied without its header row: its tabs and its columns' contents are the evidence.
  for (let i = 0; i < lines.length; i++) {
    const header = headerFromRows(lines, i);
    if (header) return readTable(lines, i, header);
  }
  return null;
}

/**
 * The header a table copied without one would have, from its rows at line i: at least two rows numbered 1, 2, …
 * — tab-separated cells on one line, or one cell per line (1 / 标题 / 单位 / 2 / …) — whose first cell reads as a
 * case title (6 characters or more, no sentence) and whose other cells include a column of places or units
 * (杭州市市场监督管理局) or of indicators (开办企业). A figure table inside a body (1<tab>产业园一期<tab>12亿元) has neither.
 */
function headerFromRows(lines: Line[], i: number): { columns: Column[]; last: number } | null {
  const rows = rowsOnLines(lines, i) ?? rowsCellPerLine(lines, i) ?? rowsSpaced(lines, i);
  if (rows === null || rows.length < 2) return null;
  if (!rows.every((r) => [...r[0]].length >= 6 && !endsLikeProse(r[0]))) return null;
  // A unit or field cell is short and no sentence (a body line opening with a place is neither).
  const most = (test: (cell: string) => boolean, k: number) =>
    rows.filter((r) => [...r[k]].length <= 25 && !endsLikeProse(r[k]) && test(r[k])).length * 2 > rows.length;
  const columns: Column[] = ['no', 'title'];
  for (let k = 1; k < rows[0].length; k++) {
    if (rows.every((r) => [...r[k]].length >= 30 && endsLikeProse(r[k]))) columns.push('body');
    else if (most((c) => headingToIndicator(c) !== null && [...c].length <= 12, k)) columns.push('field');
    else if (most((c) => findPlaces(c)[0]?.start === 0 || ORG_SUFFIX.test(c), k)) columns.push('unit');
    else columns.push('other');
  }
  return columns.includes('unit') || columns.includes('field') ? { columns, last: i - 1 } : null;
}

/** Rows of tab-separated cells from line i (cells after the number), all of one width; null when there are none. */
function rowsOnLines(lines: Line[], i: number): string[][] | null {
  const rows: string[][] = [];
  for (let j = i; j < lines.length && lines[j].simplified.includes('\t'); j++) {
    const r = rowOnLine(lines[j].simplified, 0);
    if (!r || r.no !== rows.length + 1 || r.cells.length < 2) break;
    rows.push(r.cells);
  }
  return rows.length >= 2 && rows.every((r) => r.length === rows[0].length) ? rows : null;
}

/**
 * Rows whose cells are separated by single spaces (a PDF's table as a text extractor writes it: 1 推行… 兰州市市场监督管理局
 * 开办企业), numbered 1, 2, … from line i, each with as many cells (at least two after the number). Whether the cells
 * are columns of a table of cases is for headerFromRows to judge (a place or unit column, a field column).
 */
function rowsSpaced(lines: Line[], i: number): string[][] | null {
  const rows: string[][] = [];
  for (let j = i; j < lines.length; j++) {
    const m = /^(\d{1,3})\s*[.、]?[ \u3000]+(\S.*)$/.exec(lines[j].simplified.trim());
    if (!m || Number(m[1]) !== rows.length + 1) break;
    const cells = m[2].split(/[ \u3000]+/);
    if (cells.length < 2) break;
    rows.push(cells);
  }
  return rows.length >= 2 && rows.every((r) => r.length === rows[0].length) ? rows : null;
}

/**
 * Rows written one cell per line from line i (1 / 标题 / 单位 / 2 / …): the cells between two numbers, as many in
 * every row (a title wrapped over two lines makes one more, joined to it); the last row takes as many lines.
 */
function rowsCellPerLine(lines: Line[], i: number): string[][] | null {
  if (rowNumber(lines[i].simplified) !== 1) return null;
  const starts = [i];
  for (let j = i + 1; j < lines.length && j - starts[starts.length - 1] <= 6; j++) {
    if (rowNumber(lines[j].simplified) === starts.length + 1) starts.push(j);
  }
  if (starts.length < 2) return null;
  const sizes = starts.slice(1).map((s, k) => s - starts[k] - 1);
  const width = Math.min(...sizes);
  if (width < 2 || sizes.some((n) => n > width + 1)) return null;
  const rows = starts.map((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1] : Math.min(lines.length, s + width + 1);
    const cells = lines.slice(s + 1, end).map((l) => l.simplified);
    // A wrapped title: its two lines are one cell.
    return cells.length > width ? [cells[0] + cells[1], ...cells.slice(2)] : cells;
  });
  return rows.every((r) => r.length === width) ? rows : null;
}

function readTable(lines: Line[], headerStart: number, first: { columns: Column[]; last: number }): CaseTable | null {
  let columns = first.columns;
  const lineIdx: number[] = [];
  for (let k = headerStart; k <= first.last; k++) lineIdx.push(k);
  // A group heading right above the first header row files the rows under it.
  let group: string | null = null;
  const above = headerStart - 1;
  const aboveLabel = above >= 0 ? groupHeading(lines[above].simplified) : null;
  // Numbered (一、开办企业) or naming an indicator (开办企业): not the notice's last line of prose or its signature.
  if (aboveLabel !== null && (/^(?:[一二三四五六七八九十]{1,3}\s*[、.]|[(][一二三四五六七八九十]{1,3}[)])/.test(lines[above].simplified) || headingToIndicator(aboveLabel) !== null)) {
    group = aboveLabel;
    lineIdx.unshift(above);
  }
  // The table's caption above it (附件2 / 典型案例名单) is no case text, even where the table follows the cases.
  const top = lineIdx.length ? Math.min(...lineIdx) : headerStart; // a table without a header row starts at its first row
  for (let k = top - 1, n = 0; k >= 0 && n < 2 && tableCaption(lines[k].simplified); k--, n++) lineIdx.unshift(k);
  const rows: TableRow[] = [];
  let restart = true;
  let i = first.last + 1;
  const expected = () => (rows.length && !restart ? rows[rows.length - 1].no + 1 : null);
  const startsRow = (j: number): boolean => {
    if (j >= lines.length) return false;
    const t = lines[j].simplified;
    const no = rowNumber(t) ?? rowOnLine(t, columns.length)?.no ?? null;
    const want = expected();
    return no !== null && (want === null ? no === 1 || no === (rows[rows.length - 1]?.no ?? 0) + 1 : no === want);
  };
  while (i < lines.length) {
    const t = lines[i].simplified;
    const again = headerAt(lines, i);
    if (again) {
      columns = again.columns;
      for (let k = i; k <= again.last; k++) lineIdx.push(k);
      i = again.last + 1;
      continue;
    }
    if (startsRow(i)) {
      const inline = rowNumber(t) === null ? rowOnLine(t, columns.length) : null;
      const rowLines = [i];
      let cells: { text: string; line: Line; original?: string }[];
      if (inline) {
        cells = inline.cells.map((c) => ({ text: c, line: lines[i] }));
        const textColumnLast = ['body', 'outcomes'].includes(columns[columns.length - 1]);
        const ends = (j: number) => startsRow(j) || headerAt(lines, j) !== null || (groupHeading(lines[j].simplified) !== null && startsRowAfter(lines, j, columns.length));
        if (cells.length === columns.length - 1) rowLines.push(...wrappedCellLines(lines, i, cells, textColumnLast, ends));
      } else {
        // One cell per line: the lines up to the next row (or group heading, or header row); the last row
        // of the table has no next row, so it takes as many lines as it has cells.
        const no = rowNumber(t)!;
        let next = -1;
        for (let j = i + 1; j < lines.length && j <= i + columns.length + 2; j++) {
          const n = rowNumber(lines[j].simplified);
          if (n === no + 1 || headerAt(lines, j) || (groupHeading(lines[j].simplified) !== null && startsRowAfter(lines, j, columns.length))) {
            next = j;
            break;
          }
        }
        const end = next >= 0 ? next : Math.min(lines.length, i + columns.length);
        for (let j = i + 1; j < end; j++) rowLines.push(j);
        cells = rowLines.slice(1).map((j) => ({ text: lines[j].simplified, line: lines[j] }));
      }
      rows.push(rowOf(inline?.no ?? rowNumber(t)!, cells, columns, group, rowLines));
      restart = false;
      lineIdx.push(...rowLines);
      i = rowLines[rowLines.length - 1] + 1;
      continue;
    }
    const label = groupHeading(t);
    if (label !== null && rows.length && startsRowAfter(lines, i, columns.length)) {
      group = label;
      restart = true;
      lineIdx.push(i);
      i++;
      continue;
    }
    break;
  }
  if (rows.length === 0) return null;
  return { rows, start: Math.min(...lineIdx), end: Math.max(...lineIdx), lineIdx };
}

/** A cell's text ends a sentence: nothing of it wraps onto the next line. */
const closedCell = (text: string) => /[。！？!?；;]$/.test(text);

/**
 * The lines below a row on one line that hold its wrapped cells, as a PDF's table comes out of a text extractor
 * (pdftotext -layout, or one line per baseline): each line holds the parts of the cells that go on, left to right;
 * a line with fewer parts than cells holds the last ones' (the long text column wraps furthest). A one-part line
 * continues only a last column of text (主要做法及成效) whose sentence is open: the notice's prose after the table, a
 * group heading or a list's next line is not a row's.
 * Adds each part to its cell (wrapped halves are one line: no blank between them) and returns the lines taken.
 */
function wrappedCellLines(
  lines: Line[], row: number, cells: { text: string; line: Line; original?: string }[], textColumnLast: boolean, nextRow: (j: number) => boolean,
): number[] {
  const taken: number[] = [];
  for (let j = row + 1; j < lines.length && !nextRow(j); j++) {
    const parts = unbar(lines[j].simplified).split(CELL_SEPARATOR).map((c) => c.trim()).filter(Boolean);
    if (parts.length === 0 || parts.length > cells.length) break;
    const from = cells.length - parts.length;
    // One part alone goes on only with a column of text whose sentence is still open (not a list's last short cell).
    if (parts.length === 1 && (!textColumnLast || closedCell(cells[from].text))) break;
    if (parts.length > 1 && (tableCaption(lines[j].simplified) || endsLikeProse(parts[0]))) break;
    parts.forEach((part, k) => {
      const cell = cells[from + k];
      cell.original = (cell.original ?? originalCell(cell.line, cell.text)) + originalCell(lines[j], part);
      cell.text += part;
    });
    taken.push(j);
  }
  return taken;
}

/** A group heading at line j is followed (after a repeated header row, if any) by a row numbered 1. */
function startsRowAfter(lines: Line[], j: number, columns: number): boolean {
  let k = j + 1;
  const header = k < lines.length ? headerAt(lines, k) : null;
  if (header) k = header.last + 1;
  if (k >= lines.length) return false;
  const t = lines[k].simplified;
  return rowNumber(t) === 1 || rowOnLine(t, columns)?.no === 1;
}

function rowOf(no: number, cells: { text: string; line: Line; original?: string }[], columns: Column[], group: string | null, lineIdx: number[]): TableRow {
  // Columns after 序号; a cell that wrapped over lines makes more cells than columns: the title is the one that
  // wraps (the unit and field are short) — or the case's text, where the table has a column for it.
  const rest = columns.slice(1);
  const surplus = Math.max(0, cells.length - rest.length);
  const titleAt = Math.max(0, rest.includes('body') ? rest.indexOf('body') : rest.indexOf('title'));
  const merged: { text: string; original: string }[] = [];
  cells.forEach((c, k) => {
    const original = c.original ?? originalCell(c.line, c.text);
    if (k > titleAt && k <= titleAt + surplus) {
      // A text's paragraphs stay apart; a title's wrapped halves are one line.
      const join = rest[titleAt] === 'body' ? '\n' : '';
      merged[titleAt].text += join + c.text;
      merged[titleAt].original += join + original;
    } else merged.push({ text: c.text, original });
  });
  const cell = (col: Column) => {
    const k = rest.indexOf(col);
    return k >= 0 && k < merged.length ? merged[k] : null;
  };
  const title = cell('title') ?? { text: '', original: '' };
  const body = cell('body');
  const outcomes = cell('outcomes');
  return {
    no,
    title: title.text,
    titleOriginal: title.original,
    body: body && body.text !== '' ? body : null,
    outcomes: outcomes && outcomes.text !== '' ? outcomes : null,
    lineIdx,
    ...groupColumns(group, cell('unit')?.text ?? null, cell('field')?.text ?? null),
  };
}

/** A group heading stands in for the column the rows lack: an indicator for the field, else a region for the unit. */
function groupColumns(group: string | null, unit: string | null, field: string | null): { unit: string | null; field: string | null } {
  if (group === null) return { unit, field };
  return headingToIndicator(group) !== null ? { unit, field: field ?? group } : { unit: unit ?? group, field };
}
