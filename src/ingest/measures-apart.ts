// Before → after stated apart: a reform's effect written as two statements instead of one 由X压缩至Y —
// a passage "改革前，…材料23份…；改革后，…材料减至8份…" or a small table whose columns are the state before and
// after (事项 / 原时限 / 现时限, 改革前 / 改革后). Each after figure takes the before figure of the same subject
// (time, documents, steps, visits, cost) as its before side; that before figure, now one side of the change,
// is no longer a row of its own. Pure: runs in Node and in the browser.
import type { Dimension, Figure } from './types.ts';
import { subjectBefore } from './measures-subjects.ts';

/** A measure with where its phrase lies in the section text. */
export interface Located<M> {
  at: number;
  end: number;
  measure: M;
}

type MeasureLike = Figure & { dimension: Dimension | null; reductionPct: number | null };

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The cut in percent of a change with both sides (1 decimal), or null when it is not a cut. */
export function cutPercent(before: number | null, after: number | null): number | null {
  if (before === null || after === null || before <= 0 || after > before) return null;
  return round1((100 * (before - after)) / before);
}

// Words that open the state before / after a reform. 较改革前 / 比改革前 is a baseline of a single figure
// (较改革前压缩10个工作日), and 改革前后 names both at once: neither opens a passage.
// A passage may also tell the change as then and now (过去，…需要15个工作日。现在，…压缩至当天 / 以前…跑2趟，现在只需跑1趟):
// those words open a clause, and 过去 followed by a span of time (过去一年, 过去3年) is no before state.
const BEFORE_MARK = /(?<![较比与同])(?:改革|优化|改造|实施|推行|试点)(?:以)?前(?!后)|(?<=^|[。，,；;！!\n\s])(?:过去|以前|以往|原来|此前)(?![一二两三四五六七八九十几\d数多年月天周]|的)/g;
const AFTER_MARK = /(?:改革|优化|改造|实施|推行|试点)(?:以)?后|(?<=^|[。，,；;！!\n\s])(?:现在|如今|现)(?=[，,在只仅可通全已]|[\u4e00-\u9fa5])/g;
/** How far an after mark may follow its before mark (a passage is a sentence or two). */
const PASSAGE_REACH = 240;
const CLAUSE_BREAK = /[，,。；;！!？?\n\t]/;

/** Column names of a before / after table: 原时限, 改革前时限, 现材料, 改革后, 目前时限 … */
const BEFORE_COLUMN = /^(?:原|改革前|优化前|改造前|以前|过去|此前|之前|改前)/;
const AFTER_COLUMN = /^(?:现|改革后|优化后|改造后|目前|现在|当前|改后)/;
/** Cells of a table row as the readers write it (src/ingest/read-*.ts: tab-separated), or aligned with spaces / |. */
const CELL_SEPARATOR = /\t+|[ \u3000]{2,}|\s*\|\s*/g;

interface Cell {
  text: string;
  start: number;
  end: number;
}

function cellsOf(line: string, lineStart: number): Cell[] {
  const cells: Cell[] = [];
  let from = 0;
  const push = (to: number) => {
    const raw = line.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) cells.push({ text, start: lineStart + from + lead, end: lineStart + from + lead + text.length });
  };
  CELL_SEPARATOR.lastIndex = 0;
  for (let m = CELL_SEPARATOR.exec(line); m; m = CELL_SEPARATOR.exec(line)) {
    push(m.index);
    from = m.index + m[0].length;
  }
  push(line.length);
  return cells;
}

/** What a measure counts or times, by its own dimension or the nouns of its clause; durations are time. */
function subjectOf<M extends MeasureLike>(text: string, item: Located<M>, from: number): Dimension | null {
  const m = item.measure;
  if (m.kind === 'percent') return null;
  if (m.dimension && m.dimension !== 'other_reduction' && m.dimension !== 'cost_saving') return m.dimension;
  let start = item.at;
  while (start > from && !CLAUSE_BREAK.test(text[start - 1])) start--;
  const named = subjectBefore(text.slice(start, item.end));
  if (named) return named;
  return m.kind === 'duration' ? 'time' : null;
}

/** The value of one side, in unit_norm (a word measure such as 最多跑一次 carries it as after_value). */
const sideValue = (m: MeasureLike) => m.afterValue ?? m.valueNorm;

/** True when two figures measure in units that compare: the same unit_norm, or counts of one subject. */
const comparable = (a: MeasureLike, b: MeasureLike) => a.kind === b.kind && (a.unitNorm === b.unitNorm || a.kind === 'count');

/** An after figure's before side and what the two measure. */
interface Pair<M> {
  before: Located<M>;
  subject: Dimension;
}
type Pairs<M> = Map<Located<M>, Pair<M>>;
type Subjected<M> = { item: Located<M>; subject: Dimension | null };

/** Reads the pairs of one passage or table row: `afters` take their before side from `befores`, by subject. */
function pairBySubject<M extends MeasureLike>(afters: Subjected<M>[], befores: Subjected<M>[], paired: Pairs<M>): void {
  const taken = new Set([...paired.values()].map((p) => p.before));
  for (const a of afters) {
    const subject = a.subject;
    if (!subject || a.item.measure.beforeValue !== null || paired.has(a.item)) continue;
    const b = befores.find((c) => !taken.has(c.item) && !paired.has(c.item) && c.subject === subject &&
      c.item.measure.beforeValue === null && comparable(a.item.measure, c.item.measure));
    if (!b) continue;
    taken.add(b.item);
    paired.set(a.item, { before: b.item, subject });
  }
}

/** 改革前 … 改革后 … passages: the figures between the marks are the before sides of those after the second. */
function pairPassages<M extends MeasureLike>(text: string, items: Located<M>[], paired: Pairs<M>, subjects: Map<Located<M>, Dimension | null>): void {
  for (const before of text.matchAll(BEFORE_MARK)) {
    const p = before.index;
    AFTER_MARK.lastIndex = p;
    const after = AFTER_MARK.exec(text);
    if (!after || after.index - p > PASSAGE_REACH) continue;
    const q = after.index;
    if ([...text.slice(p + 1, q).matchAll(BEFORE_MARK)].length > 0) continue; // a later 改革前 opens the passage
    const endMatch = /[。！!？?\n]/.exec(text.slice(q));
    const end = endMatch ? q + endMatch.index : text.length;
    const inRange = (a: number, b: number) => items.filter((i) => i.at >= a && i.at < b).map((item) => ({ item, subject: subjects.get(item) ?? null }));
    pairBySubject(inRange(q, end), inRange(p, q), paired);
  }
}

/**
 * Tables with before / after columns: in each row, the after column's figure takes the before column's. And
 * the same table turned (rows 改革前 / 改革后 under a header of what is measured): each column pairs its two rows.
 */
function pairTables<M extends MeasureLike>(text: string, items: Located<M>[], paired: Pairs<M>): void {
  const lines: { text: string; start: number }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    lines.push({ text: line, start });
    start += line.length + 1;
  }
  const inCell = (cell: Cell) => items.find((i) => i.at >= cell.start && i.at < cell.end);
  for (let h = 0; h < lines.length; h++) {
    const header = cellsOf(lines[h].text, lines[h].start);
    if (h + 2 < lines.length && header.length >= 2) pairTurnedRows(header, cellsOf(lines[h + 1].text, lines[h + 1].start), cellsOf(lines[h + 2].text, lines[h + 2].start), inCell, paired);
    if (header.length < 3 || /\d/.test(lines[h].text)) continue;
    const columns = columnPairs(header.map((c) => c.text));
    if (columns.length === 0) continue;
    for (let r = h + 1; r < lines.length; r++) {
      const row = cellsOf(lines[r].text, lines[r].start);
      if (row.length !== header.length) break;
      for (const [bi, ai, named] of columns) {
        const a = inCell(row[ai]);
        const b = inCell(row[bi]);
        if (!a || !b) continue;
        // The column names what is measured (原申请材料); else the row's name; a duration is a time.
        const subject = named ?? subjectBefore(row[0].text) ?? (a.measure.kind === 'duration' ? 'time' : null);
        pairBySubject([{ item: a, subject }], [{ item: b, subject }], paired);
      }
    }
  }
}

/** Rows 改革前 / 改革后 (first cells of at most 5 characters) under `header`: column k pairs the two rows' figures. */
function pairTurnedRows<M extends MeasureLike>(
  header: Cell[], before: Cell[], after: Cell[], inCell: (cell: Cell) => Located<M> | undefined, paired: Pairs<M>,
): void {
  const isMark = (cells: Cell[], re: RegExp) => cells.length === header.length && cells[0].text.length <= 5 && re.test(cells[0].text);
  if (/\d/.test(header.map((c) => c.text).join('')) || !isMark(before, BEFORE_COLUMN) || !isMark(after, AFTER_COLUMN)) return;
  for (let k = 1; k < header.length; k++) {
    const a = inCell(after[k]);
    const b = inCell(before[k]);
    if (!a || !b) continue;
    const subject = subjectBefore(header[k].text) ?? (a.measure.kind === 'duration' ? 'time' : null);
    pairBySubject([{ item: a, subject }], [{ item: b, subject }], paired);
  }
}

/** Before / after column pairs of a header: [before index, after index, what they measure]. */
function columnPairs(names: string[]): [number, number, Dimension | null][] {
  const rest = (name: string, re: RegExp) => name.replace(re, '');
  const befores = names.map((n, i) => [i, n] as const).filter(([, n]) => BEFORE_COLUMN.test(n));
  const afters = names.map((n, i) => [i, n] as const).filter(([, n]) => AFTER_COLUMN.test(n));
  const pairs: [number, number, Dimension | null][] = [];
  for (const [bi, bn] of befores) {
    const what = rest(bn, BEFORE_COLUMN);
    // 原时限 ↔ 现时限 by what follows the mark; a lone 改革前 ↔ 改革后 pair when each is the only one.
    const match = afters.find(([, an]) => rest(an, AFTER_COLUMN) === what) ?? (befores.length === 1 && afters.length === 1 ? afters[0] : undefined);
    if (match) pairs.push([bi, match[0], subjectBefore(what) ?? subjectBefore(rest(match[1], AFTER_COLUMN))]);
  }
  return pairs;
}

/**
 * Reads before → after stated apart (passages and tables, above) over the measures of one section text, in
 * text order; returns them with each after figure carrying the change and its before figure left out.
 */
export function pairStatedApart<M extends MeasureLike>(text: string, items: Located<M>[]): Located<M>[] {
  const paired: Pairs<M> = new Map();
  if ((/前/.test(text) && /后/.test(text)) || (/过去|以前|以往|原来|此前/.test(text) && /现在|如今|现/.test(text))) {
    const subjects = new Map(items.map((i) => [i, subjectOf(text, i, 0)]));
    pairPassages(text, items, paired, subjects);
  }
  if (text.includes('\n')) pairTables(text, items, paired);
  if (paired.size === 0) return items;
  const consumed = new Set([...paired.values()].map((p) => p.before));
  return items.filter((i) => !consumed.has(i)).map((i) => {
    const pair = paired.get(i);
    if (!pair) return i;
    const before = sideValue(pair.before.measure);
    const after = sideValue(i.measure);
    return { ...i, measure: { ...i.measure, dimension: pair.subject, beforeValue: before, afterValue: after, reductionPct: cutPercent(before, after) } };
  });
}
