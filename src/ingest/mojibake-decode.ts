// Decoding one garbled run back to the bytes it came from. The corruption, as measured on real
// documents (the traditional text had been encoded in GBK before the accident):
//   original bytes   o0 o1 | o2 o3 | o4 o5 …      (traditional GBK: 級 = bc 89, 統 = bd 79)
//   garbled text     '?'  + decode(o1 o2 | o3 o4 | …)
// - the first byte is lost and written '?';
// - a shifted pair in GBK's user-defined area (fe a3 of 二）, a9 8f of ）強) decodes to the Private
//   Use Area and vanishes: two bytes gone without a trace;
// - a shifted pair whose second byte is ASCII (the trail 79 of 統) puts the decoder back in step:
//   that byte shows as a letter and the rest of the line is intact;
// - otherwise the run ends at a byte left alone, written '?' (its partner byte is lost);
// - full-width forms (！ Ｕ ，, bytes a3 xx) were folded to ASCII afterwards.
// Reading it backwards: re-encode the garbled characters, put the lost bytes back (one unknown byte
// at each '?', two at each vanished pair) and decode in step. The unknown bytes are searched,
// every candidate text scored with the document's own character model.
import { compactCode, gbk, gbkCode } from './text-gbk.ts';
import { type ContextModel, type MemoRow, logProb, logProbIn, memoRow, pairCount, plausibleChar } from './mojibake-model.ts';
import { noticePhrases, readAsWords, wordList } from './mojibake-words.ts';

export interface DecodedRun {
  /** Index (in code points) of the opening '?'. */
  start: number;
  /** Index after the last garbled character consumed; the line is intact from here. */
  end: number;
  /** Decoded characters (indentation dropped). */
  chars: string[];
  /** Indexes into `chars` that a close competitor decodes differently. */
  doubtful: Set<number>;
  /** ln P of decoded text + the intact text after it, minus the same for the garbled text. */
  gain: number;
  /** Mean ln P per decoded character. */
  meanLogProb: number;
}

const UNKNOWN = -1;
const LOST = -2; // a byte written '?': its value is gone
// A vanished pair costs a little: in traditional text it is common (a GBK-extension lead, 81–a0,
// after a trail byte a1–a7 makes a user-defined pair), and a steeper cost made the search prefer a
// shorter reading that drops a word (障 for 整合) on garbled sub-headings of the corpus.
const VANISH_COST = Math.log(0.3);
const BEAM = 40;
const PRUNE = 30;
// The search completes thousands of readings of a run (every trail byte of its lone last byte, from
// every state), but the readings still in contention at the end were, over the corpus, all within
// 10 (ln P) of the best one completed at the same place: readings 24 behind are dropped as they come
// (20 already changed a reading of clean sub-headings of the corpus garbled the same way).
const FINISH_PRUNE = 24;
const VANISH_BEAM = 3; // only the best states are tried with vanished bytes: that search is wide
const DOUBT = Math.log(20); // a competitor within 20× the probability makes a character doubtful
// A character one of whose bytes is gone (the partner of the run's lone last byte, or a byte hidden
// by a vanished pair: the lead of the character after the pair, the trail of the one before) is
// chosen by the document's counts alone, and a single pair seen once can tilt them (全真 over 全面
// because 真開 occurs once in 認真開展). Such a character stands only when no other reading comes
// within 100×. (Tried on clean sub-headings of the corpus garbled the same way: 1000× left a third
// more of them unread and made no fewer mistakes.) The lost first byte of a run keeps the common
// margin: at a line start it is the indentation's, and mid-line the choice is mostly 。 against a
// Han character (平臺。現 / 平臺保現), which 100× left to flip with the least change of the text.
const GUESS_DOUBT = Math.log(100);
const LINE_START = '\n';
// General word evidence (mojibake-words.ts) may settle a character the document's counts leave in
// doubt: the best reading then leads its rival by the margin the character needs once the difference
// of their word bonuses is added. (Weights 0.5–2 made the same choices on clean sub-headings of the
// corpus garbled the same way; 1 read the most right without a character wrongly shown as certain.)
const WORD_WEIGHT = 1;

// Garbled runs seen are clauses (a sub-heading, a quoted word); a longer reading is not searched.
const MAX_RUN = 64;

/**
 * The decoded characters of a reading, as a list sharing its beginning with the reading it grew
 * from: the search extends thousands of readings by one character, copying none of them.
 */
interface Decoded {
  ch: string;
  before: Decoded | null;
  length: number;
  /** A byte of it is lost or hidden by a vanished pair: needs the wider margin GUESS_DOUBT. */
  guessed: boolean;
}

/**
 * A reading merged into a better one with the same future (same pending byte, brackets and last two
 * characters) while close behind it: kept, to be judged again at the end as a whole reading.
 */
interface Rival {
  /** The merged reading's characters… */
  out: Decoded | null;
  /** …standing for the winner's first `cut` characters… */
  cut: number;
  /** …and this far behind it then (ln P). */
  gap: number;
  next: Rival | null;
}

interface State {
  i: number;
  pending: number; // byte waiting for its partner (UNKNOWN: the lost first byte)
  out: Decoded | null;
  lp: number;
  rivals: Rival | null;
  /** Brackets the reading has opened and not closed (packed by bracketDepth). */
  depth: number;
}

interface Completed {
  end: number;
  out: Decoded | null;
  lp: number;
  rivals: Rival | null;
  depth: number;
}

// Bracket bookkeeping. A reading is only admissible when it leaves the line's brackets no less
// balanced than its intact text has them: （三、強 is no reading of a numbered sub-heading （三）強.
// Readings that differ only there must not merge in the beam, so the open count is part of a
// state's key: three kinds of bracket, each counted from -4 to 4, packed in base 9.
const BRACKETS: [string, number][] = [['（', 81], ['(', 81], ['）', -81], [')', -81], ['“', 9], ['”', -9], ['《', 1], ['》', -1]];
const BRACKET_STEP = new Map(BRACKETS);
const ZERO_DEPTH = 4 * 81 + 4 * 9 + 4;
function addBracket(depth: number, ch: string): number {
  const step = BRACKET_STEP.get(ch);
  if (step === undefined) return depth;
  const unit = Math.abs(step);
  const digit = Math.floor(depth / unit) % 9;
  const next = digit + Math.sign(step);
  return next < 0 || next > 8 ? depth : depth + step;
}
/** Open counts of a packed depth, one per kind of bracket. */
function unpack(depth: number): [number, number, number] {
  return [Math.floor(depth / 81) - 4, (Math.floor(depth / 9) % 9) - 4, (depth % 9) - 4];
}
function depthOf(text: Iterable<string>): number {
  let d = ZERO_DEPTH;
  for (const ch of text) d = addBracket(d, ch);
  return d;
}
/** The reading (open counts `reading`) leaves no kind of bracket worse off around `context`. */
function bracketsAdmissible(reading: number, context: [number, number, number]): boolean {
  const r = unpack(reading);
  return r.every((open, k) => Math.abs(open + context[k]) <= Math.abs(context[k]));
}

function toArray(out: Decoded | null): string[] {
  const chars: string[] = new Array(out ? out.length : 0);
  for (let d = out; d; d = d.before) chars[d.length - 1] = d.ch;
  return chars;
}

function append(out: Decoded | null, ch: string, guessed = false): Decoded {
  return { ch, before: out, length: out ? out.length + 1 : 1, guessed };
}

/** Positions of the characters with a byte lost or hidden. */
function guessedPositions(out: Decoded | null): Set<number> {
  const at = new Set<number>();
  for (let d = out; d; d = d.before) if (d.guessed) at.add(d.length - 1);
  return at;
}

interface Index {
  /** Characters the repair may produce through a vanished pair, by lead and by trail byte. */
  byLead: Map<number, number[]>;
  byTrail: Map<number, number[]>;
  vanishLeads: Set<number>;
  closings: Map<number, number[]>;
  /** vanishingFirsts by lead byte. */
  firsts: Map<number, number[]>;
  counts: Map<number, number>;
  middles: Map<number, number[]>;
}
const indexes = new WeakMap<ContextModel, Index>();

/** The characters a vanished pair may leave around it: the document's own, its punctuation, numerals. */
function indexFor(model: ContextModel): Index {
  const cached = indexes.get(model);
  if (cached) return cached;
  const table = gbk();
  const byLead = new Map<number, number[]>();
  const byTrail = new Map<number, number[]>();
  const add = (code: number) => {
    const lead = byLead.get(code >> 8);
    if (lead) lead.push(code);
    else byLead.set(code >> 8, [code]);
    const trail = byTrail.get(code & 0xff);
    if (trail) trail.push(code);
    else byTrail.set(code & 0xff, [code]);
  };
  const seen = new Set<number>();
  for (const ch of [...model.unigrams.keys(), ...'（）一二三四五六七八九十']) {
    const code = table.encode.get(ch);
    if (code === undefined || seen.has(code) || !plausibleChar(model, ch)) continue;
    seen.add(code);
    add(code);
  }
  const vanishLeads = new Set<number>();
  for (const code of table.vanishing) vanishLeads.add(code >> 8);
  const counts = new Map<number, number>();
  for (const [ch, n] of model.unigrams) {
    const code = table.encode.get(ch);
    if (code !== undefined) counts.set(code, n);
  }
  const index = { byLead, byTrail, vanishLeads, closings: new Map(), firsts: new Map(), middles: new Map(), counts };
  indexes.set(model, index);
  return index;
}

// The characters of every code with a given lead byte (in trail order), or with a given trail byte
// (in lead order): what an unknown byte may complete. Built once, the search asks for them per state.
const withLeadLists: string[][] = [];
const withTrailLists: string[][] = [];

/** Characters (lead, trail) for a known or unknown lead byte. */
function withLead(lead: number, trail: number): string[] {
  if (lead !== UNKNOWN) {
    const ch = gbk().decodeAt[lead * 256 + trail];
    return ch ? [ch] : [];
  }
  let list = withTrailLists[trail];
  if (!list) {
    list = [];
    for (let l = 0x81; l <= 0xfe; l++) {
      const ch = gbk().decodeAt[l * 256 + trail];
      if (ch) list.push(ch);
    }
    withTrailLists[trail] = list;
  }
  return list;
}

/**
 * Characters (lead, a trail byte that shows as '?' when left alone), in trail order: a trail byte
 * below 80 would have shown as its ASCII character.
 */
function anyTrail(lead: number): string[] {
  let list = withLeadLists[lead];
  if (!list) {
    list = [];
    for (let t = 0x80; t <= 0xfe; t++) {
      const ch = gbk().decodeAt[lead * 256 + t];
      if (ch) list.push(ch);
    }
    withLeadLists[lead] = list;
  }
  return list;
}

/**
 * The states of one step of the search, by key: pending byte, open brackets and the last two
 * characters (the model's history); every state of a step has the same i. Two numbers under 2^30
 * (small integers to V8, unlike one packed key), looked up in two levels.
 */
class StateTable {
  private rows = new Map<number, Map<number, State>>();

  private row(pending: number, depth: number): Map<number, State> {
    const key = (pending + 1) * 729 + depth;
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = new Map()));
    return row;
  }

  get(pending: number, depth: number, last2: string, last: string): State | undefined {
    return this.rows.get((pending + 1) * 729 + depth)?.get(historyKey(last2, last));
  }

  set(s: State, last2: string, last: string): void {
    this.row(s.pending, s.depth).set(historyKey(last2, last), s);
  }

  values(): State[] {
    const all: State[] = [];
    for (const row of this.rows.values()) for (const s of row.values()) all.push(s);
    return all;
  }
}

// The decoder produces GBK characters only, all in the BMP; the line's own text may hold others.
function historyKey(last2: string, last: string): number {
  const a = compactCode(last2.charCodeAt(0));
  const b = compactCode(last.charCodeAt(0));
  return a && b ? a * 0x8000 + b : -1 - (last2.charCodeAt(0) * 0x10000 + last.charCodeAt(0));
}

/**
 * Decode the run opening at chars[start] (a '?'), or null when no reading fits the bytes.
 * `before`: the line's text before the run as it will be shown (earlier runs repaired), for brackets.
 */
export function decodeRun(
  chars: string[],
  start: number,
  model: ContextModel,
  before = '',
): DecodedRun | null {
  const index = indexFor(model);
  const atLineStart = start === 0;
  const prevChar = atLineStart ? LINE_START : chars[start - 1];
  const prevChar2 = start >= 2 ? chars[start - 2] : LINE_START;
  // The model's memo row for a history (null at the line start), then ln P of a character after it:
  // a state's many candidate characters share the row.
  const rowOf = (prev2: string, prev: string) =>
    prev === LINE_START ? null : memoRow(model, prev, prev2 === LINE_START || prev2 === '\u3000' ? undefined : prev2);
  const lpIn = (row: MemoRow | null, prev: string, ch: string) =>
    // The lost first byte at a line start is mostly the first half of the indentation 　 (a1 a1).
    row === null ? (ch === '\u3000' ? Math.log(0.5) : logProb(model, undefined, ch)) : logProbIn(model, row, prev, ch);
  const lpOf = (prev2: string, prev: string, ch: string) => lpIn(rowOf(prev2, prev), prev, ch);
  const last = (s: { out: Decoded | null }) => (s.out ? s.out.ch : prevChar);
  const last2 = (s: { out: Decoded | null }) => (s.out ? (s.out.before ? s.out.before.ch : prevChar) : prevChar2);

  const completed: Completed[] = [];
  let bestDone = -Infinity;
  let states: State[] = [{ i: start + 1, pending: UNKNOWN, out: null, lp: 0, rivals: null, depth: ZERO_DEPTH }];
  while (states.length) {
    const next = new StateTable();
    let topNext = -Infinity;
    // A reading below the coming prune floor by more than DOUBT can neither survive nor make a
    // survivor doubtful (that needs a rival within DOUBT): it need not be built. Lossless, since
    // the floor only rises as readings are added and every further character costs ln P ≤ 0.
    const hopeless = (lp: number) => lp < Math.max(bestDone, topNext) - PRUNE - DOUBT - 1e-9;
    // A reading completed FINISH_PRUNE behind the best one completed at the same place (this step)
    // is never in contention at the end. (Only there: a reading that ends sooner is shorter, and so
    // more probable, without being better.)
    let bestHere = -Infinity;
    const outrun = (lp: number) => lp < bestHere - FINISH_PRUNE;
    const done = (c: Completed) => {
      completed.push(c);
      if (c.lp > bestDone) bestDone = c.lp;
      if (c.lp > bestHere) bestHere = c.lp;
    };
    const push = (s: State) => {
      if (s.lp > topNext) topNext = s.lp;
      const h2 = last2(s);
      const h1 = last(s);
      const old = next.get(s.pending, s.depth, h2, h1);
      if (!old) return next.set(s, h2, h1);
      const [win, lose] = old.lp >= s.lp ? [old, s] : [s, old];
      // The loser is kept as the winner's rival and judged at the end, as a whole reading (the wider
      // margin for guessed bytes included): a partial reading merged here often differs by a
      // shifted numbering, 二） against 二十）.
      if (win.lp - lose.lp < DOUBT) {
        const rival: Rival = { out: lose.out, cut: win.out ? win.out.length : 0, gap: win.lp - lose.lp, next: win.rivals };
        next.set({ ...win, rivals: rival }, h2, h1);
      } else if (win !== old) next.set(win, h2, h1);
    };
    // push() of s extended by `added`, at probability lp: a reading its key's holder already beats
    // by far would change nothing, so it is dropped before it is built (most vanished-pair guesses).
    const offer = (s: State, added: string[], pending: number, lp: number) => {
      if (hopeless(lp)) return;
      let depth = s.depth;
      for (const ch of added) depth = addBracket(depth, ch);
      const before = added.length >= 2 ? added[added.length - 2] : last(s);
      const old = next.get(pending, depth, before, added[added.length - 1]);
      if (old && old.lp - lp >= DOUBT) return;
      let out = s.out;
      for (const ch of added) out = append(out, ch, true);
      push({ i: s.i + 1, pending, out, lp, rivals: s.rivals, depth });
    };
    // One decoded character more, unless the document would never write it, or the reading is
    // already out of the running (hopeless, or beaten by far by its key's holder).
    const extend = (s: State, row: MemoRow | null, ch: string, pending: number) => {
      if (!plausibleChar(model, ch)) return;
      const lp = s.lp + lpIn(row, last(s), ch);
      if (hopeless(lp)) return;
      const depth = addBracket(s.depth, ch);
      const old = next.get(pending, depth, last(s), ch);
      if (old && old.lp - lp >= DOUBT) return;
      push({ i: s.i + 1, pending, out: append(s.out, ch), lp, rivals: s.rivals, depth });
    };
    const finish = (s: State, row: MemoRow | null, ch: string, trailLost = false) => {
      if (!plausibleChar(model, ch)) return;
      const lp = s.lp + lpIn(row, last(s), ch);
      if (outrun(lp)) return;
      const out = append(s.out, ch, trailLost);
      done({ end: s.i + 1, out, lp, rivals: s.rivals, depth: addBracket(s.depth, ch) });
    };
    // The run ends after characters rebuilt through a vanished pair.
    const finishMany = (s: State, added: string[], lp: number) => {
      if (hopeless(lp) || outrun(lp)) return;
      let out = s.out;
      let depth = s.depth;
      for (const ch of added) {
        out = append(out, ch, true);
        depth = addBracket(depth, ch);
      }
      done({ end: s.i + 1, out, lp, rivals: s.rivals, depth });
    };
    const hopelessEnd = (lp: number) => hopeless(lp) || outrun(lp);

    states.forEach((s, rank) => {
      const g = chars[s.i];
      if (g === undefined || s.i - start > MAX_RUN) return; // line ended inside the run: a byte must be missing, no reading
      const code = gbkCode(g);
      const row = rowOf(last2(s), last(s));
      const lpNext = (ch: string) => lpIn(row, last(s), ch);
      if (code !== undefined) {
        const lead = code >> 8;
        const trail = code & 0xff;
        for (const ch of withLead(s.pending, lead)) extend(s, row, ch, trail);
        if (s.pending !== UNKNOWN && rank < VANISH_BEAM)
          vanished(s, lead, trail, index, { model, lpNext, prev: last(s), offer, hopeless }, rank === 0);
      }
      const ascii = g.length === 1 ? g.charCodeAt(0) : 0;
      // Back in step: a single-byte character (ASCII, or € for byte 80) was the trail of the pending lead,
      // either directly or after a vanished pair that hid the lead of its character.
      const single = (ascii >= 0x40 && ascii <= 0x7e) || g === '\u20AC' ? (g === '\u20AC' ? 0x80 : ascii) : 0;
      if (single) {
        for (const ch of withLead(s.pending, single)) finish(s, row, ch);
        if (s.pending !== UNKNOWN && rank < VANISH_BEAM) vanishedThenEnd(s, single, index, { model, lpNext, prev: last(s), finishMany, hopeless: hopelessEnd });
      }
      // A full-width form folded to ASCII: bytes a3 (ascii + 0x80).
      if (ascii >= 0x21 && ascii <= 0x7e)
        for (const ch of withLead(s.pending, 0xa3)) extend(s, row, ch, ascii + 0x80);
      // A byte left alone: its partner (the trail of the pending lead) is lost.
      if (g === '?' || g === '\uFFFD') {
        if (s.pending === UNKNOWN) return;
        for (const ch of anyTrail(s.pending)) finish(s, row, ch, true);
        // …or a pair vanished first, and the lone byte is the trail of the character it began.
        if (rank === 0) vanishedThenEnd(s, LOST, index, { model, lpNext, prev: last(s), finishMany, hopeless: hopelessEnd });
      }
    });
    // Relative pruning: a reading this far behind the best one cannot come back.
    const floor = Math.max(bestDone, topNext) - PRUNE;
    states = next
      .values()
      .filter((st) => st.lp >= floor)
      .sort((a, b) => b.lp - a.lp)
      .slice(0, BEAM);
  }
  // Only readings that keep the line's brackets as its intact text has them.
  const beforeOpen = unpack(depthOf(before));
  const restOpen = new Map<number, [number, number, number]>();
  const admissible = (c: Completed) => {
    let context = restOpen.get(c.end);
    if (!context) {
      const rest = unpack(depthOf(chars.slice(c.end)));
      context = [0, 1, 2].map((k) => beforeOpen[k] + rest[k]) as [number, number, number];
      restOpen.set(c.end, context);
    }
    return bracketsAdmissible(c.depth, context);
  };
  let kept = 0;
  for (const c of completed) if (admissible(c)) completed[kept++] = c;
  completed.length = kept;

  // Compare readings over the same stretch of line: decoded text + the intact text up to a horizon.
  let maxEnd = 0;
  for (const c of completed) if (c.end > maxEnd) maxEnd = c.end;
  const horizon = Math.min(chars.length, maxEnd + 2);
  const scoreOf = (c: Completed) => {
    let lp = c.lp;
    let prev = last(c);
    let prev2 = last2(c);
    for (let k = c.end; k < horizon; k++) {
      lp += lpOf(prev2, prev, chars[k]);
      prev2 = prev;
      prev = chars[k];
    }
    return lp;
  };
  // Readings are scored in the order of the search's own probability: the text up to the horizon
  // only lowers a score, so once a reading is GUESS_DOUBT behind the best score so far, neither it
  // nor any after it can be in contention (a search leaves thousands of completed readings).
  // Only the readings near the most probable one are sorted: a window that widens if the best
  // score turns out lower than it allowed for.
  let maxLp = -Infinity;
  for (const c of completed) if (c.lp > maxLp) maxLp = c.lp;
  let candidates: Candidate[];
  let top: number;
  for (let window = 2 * GUESS_DOUBT; ; window *= 2) {
    const near = completed.filter((c) => c.lp >= maxLp - window).sort((a, b) => b.lp - a.lp);
    candidates = [];
    top = -Infinity;
    for (const c of near) {
      if (top - c.lp >= GUESS_DOUBT) break;
      if (atLineStart && punctuationOpensHeading(toArray(c.out))) continue;
      const score = scoreOf(c);
      candidates.push({ completed: c, rival: null, score });
      if (score > top) top = score;
    }
    if (near.length === completed.length || top - GUESS_DOUBT >= maxLp - window) break;
  }
  if (candidates.length === 0) return null;
  // In contention: the readings close to the best, and the readings merged into them on the way.
  const contenders: Candidate[] = [];
  for (const c of candidates) {
    if (top - c.score >= GUESS_DOUBT) continue;
    contenders.push(c);
    for (let r = c.completed.rivals; r; r = r.next)
      if (top - (c.score - r.gap) < GUESS_DOUBT) contenders.push({ completed: c.completed, rival: r, score: c.score - r.gap });
  }
  const textOf = (c: Candidate) => [...dropIndent(outOf(c), atLineStart), ...chars.slice(c.completed.end, horizon)];
  // Only the best reading and its close competitors matter: rank those (a stable sort, as over all).
  const close = contenders.sort((a, b) => b.score - a.score);
  const best = close[0];
  const bestOut = outOf(best);
  const bestText = textOf(best);
  const bestJoined = bestText.join('');
  const shift = bestOut.length - dropIndent(bestOut, atLineStart).length;
  const bestGuessed = guessedOf(best);
  const doubtful = new Set<number>();
  const seen = new Set([bestJoined]);
  const words = wordList();
  // The text the words of a reading are read in: the two characters before the run, then the reading.
  const lead = chars.slice(Math.max(0, start - 2), start);
  // Words are the list's and the notice's own phrases (先行先試, which the list lacks, is the notice's).
  const phrases = words && close.length > 1 ? noticePhrases(model, words) : undefined;
  const bestWords = words && close.length > 1 ? readAsWords(words, [...lead, ...bestText], phrases) : null;
  for (const other of close.slice(1)) {
    const otherText = textOf(other);
    const joined = otherText.join('');
    if (seen.has(joined)) continue;
    seen.add(joined);
    const margin = best.score - other.score;
    const { span, inserted } = differingSpan(bestText, otherText);
    // A rival that only adds characters leaves the best reading's own in doubt only when it is close
    // and adds them inside the run (one that adds a character at its end reads the lone last byte
    // otherwise: 審批, against 審批次,).
    if (inserted && (margin >= DOUBT || span[span.length - 1] + shift >= bestOut.length)) continue;
    // The words of the language may settle what the document's counts leave close, never overturn
    // them: only a character inside a word of the best reading, against a rival whose own characters
    // there the document never writes together (提醒 against 提效, both the notice's) — a pair that
    // straddles the rival's words does not count (特升明顯 is not supported by the 升明 of 提升明顯).
    // (Letting words settle against a rival the document writes rarely, or only in a word of its own,
    // read more lines right on the evaluation but showed more characters wrongly as certain. So did a
    // log-linear score, counts + words, ranking the readings and deciding certainty by its margin (weights
    // 0.5–1, margins 3–10): at best 366 lines right with 15 characters wrongly certain, or 370 with 25,
    // against 371 and 10 for this rule — a common
    // word beats the right rarer one (增效 over the notice's 增信), and words favour a reading of
    // another length through a vanished pair (泉州錯辦 for 容錯辦).)
    let withWords = -Infinity;
    const tail = bestText.length - 1 - span[span.length - 1];
    if (bestWords) {
      const rivalText = [...lead, ...otherText];
      const rival = readAsWords(words!, rivalText, phrases);
      if (pairsWritten(model, rivalText, lead.length + span[0], rivalText.length - tail, rival) === 0)
        withWords = margin + WORD_WEIGHT * (bestWords.bonus - rival.bonus);
    }
    for (const k of span.map((k) => k + shift)) {
      if (k >= bestOut.length) continue;
      const needed = bestGuessed.has(k) ? GUESS_DOUBT : DOUBT;
      const settledByWords = withWords >= needed && bestWords!.inWord[lead.length + k - shift];
      if (margin < needed && !settledByWords) doubtful.add(k);
    }
  }
  const garbledLp = lpRun(prevChar2, prevChar, chars.slice(start, horizon), lpOf);
  const out = dropIndent(bestOut, atLineStart);
  return {
    start,
    end: best.completed.end,
    chars: out,
    doubtful: new Set([...doubtful].map((k) => k - shift).filter((k) => k >= 0)),
    gain: best.score - garbledLp,
    meanLogProb: best.completed.lp / Math.max(1, bestOut.length),
  };
}

/** A complete reading of the run, or one merged into it on the way (`rival`), and its score. */
interface Candidate {
  completed: Completed;
  rival: Rival | null;
  score: number;
}

/** The decoded characters of a candidate (a merged rival takes over the winner's after its cut). */
function outOf(c: Candidate): string[] {
  const out = toArray(c.completed.out);
  return c.rival ? [...toArray(c.rival.out), ...out.slice(c.rival.cut)] : out;
}

function guessedOf(c: Candidate): Set<number> {
  const own = guessedPositions(c.completed.out);
  if (!c.rival) return own;
  const at = guessedPositions(c.rival.out);
  const moved = (c.rival.out ? c.rival.out.length : 0) - c.rival.cut;
  for (const k of own) if (k >= c.rival.cut) at.add(k + moved);
  return at;
}

type LpOf = (prev2: string, prev: string, ch: string) => number;

interface Search {
  model: ContextModel;
  /** ln P of a character right after the state's reading, and the reading's last character. */
  lpNext: (ch: string) => number;
  prev: string;
  offer: (s: State, added: string[], pending: number, lp: number) => void;
  hopeless: (lp: number) => boolean;
}

/** Two bytes vanished before the garbled character (lead, trail): one or two PUA pairs. */
function vanished(s: State, lead: number, trail: number, index: Index, search: Search, tryTwo: boolean): void {
  const { model, lpNext, prev, offer, hopeless } = search;
  const decodeAt = gbk().decodeAt;
  // Every character in the index is plausible (indexFor keeps no other).
  for (const first of vanishingFirsts(index, s.pending)) {
    const y = first & 0xff;
    const c1 = decodeAt[first]!;
    const lpC1 = lpNext(c1);
    const lp1 = s.lp + VANISH_COST + lpC1;
    if (hopeless(lp1)) continue; // and the two-pair readings below, which cost more
    const afterC1 = memoRow(model, c1, prev);
    for (const last of closingsFor(index, y, lead)) {
      const c3 = decodeAt[last]!;
      const lp = lp1 + logProbIn(model, afterC1, c1, c3);
      if (!hopeless(lp)) offer(s, [c1, c3], trail, lp);
    }
    if (!tryTwo) continue;
    // Two vanished pairs in a row (三）強 → c8 | fd a3 | a9 8f | 8a): a middle character in between.
    const lp1Twice = s.lp + 2 * VANISH_COST + lpC1;
    if (hopeless(lp1Twice)) continue;
    for (const middle of middlesFor(index, y)) {
      const c2 = decodeAt[middle]!;
      const lp2 = lp1Twice + logProbIn(model, afterC1, c1, c2);
      if (hopeless(lp2)) continue;
      const afterC2 = memoRow(model, c2, c1);
      for (const last of closingsFor(index, middle & 0xff, lead)) {
        const c3 = decodeAt[last]!;
        const lp = lp2 + logProbIn(model, afterC2, c2, c3);
        if (!hopeless(lp)) offer(s, [c1, c2, c3], trail, lp);
      }
    }
  }
}

interface EndSearch {
  model: ContextModel;
  lpNext: (ch: string) => number;
  prev: string;
  finishMany: (s: State, added: string[], lp: number) => void;
  hopeless: (lp: number) => boolean;
}

/**
 * A pair vanished, then the run ends on the trail byte of the character that pair began: a
 * single-byte character puts the decoder back in step (統 = bd 79 after a vanished pair shows as
 * 'y'), or a lone byte written '?' ends the run (the trail is then lost: LOST).
 */
function vanishedThenEnd(s: State, trail: number, index: Index, search: EndSearch): void {
  const { model, lpNext, prev, finishMany, hopeless } = search;
  const decodeAt = gbk().decodeAt;
  for (const first of vanishingFirsts(index, s.pending)) {
    const y = first & 0xff;
    const c1 = decodeAt[first]!;
    const lp1 = s.lp + VANISH_COST + lpNext(c1);
    if (hopeless(lp1)) continue;
    const afterC1 = memoRow(model, c1, prev);
    const lasts = trail === LOST ? afterVanishing(index, y) : closingsFor(index, y, trail);
    for (const code of lasts) {
      const c3 = decodeAt[code]!;
      const lp = lp1 + logProbIn(model, afterC1, c1, c3);
      if (!hopeless(lp)) finishMany(s, [c1, c3], lp);
    }
  }
}

/** The characters (lead, y) of the index whose trail y can begin a vanishing pair. */
function vanishingFirsts(index: Index, lead: number): number[] {
  let list = index.firsts.get(lead);
  if (!list) {
    list = (index.byLead.get(lead) ?? []).filter((code) => index.vanishLeads.has(code & 0xff));
    index.firsts.set(lead, list);
  }
  return list;
}

/** Characters (z, t) that can follow a vanished pair (y, z) when t is a lone byte shown as '?' (t ≥ 80). */
function afterVanishing(index: Index, y: number): number[] {
  const key = -1 - y;
  let list = index.closings.get(key);
  if (!list) {
    list = [];
    for (const [lead, codes] of index.byLead)
      if (gbk().vanishing.has(y * 256 + lead)) for (const c of codes) if ((c & 0xff) >= 0x80) list.push(c);
    index.closings.set(key, list);
  }
  return list;
}

/** Characters (z, lead) that can follow a vanished pair (y, z). */
function closingsFor(index: Index, y: number, lead: number): number[] {
  const key = y * 256 + lead;
  let list = index.closings.get(key);
  if (!list) {
    list = (index.byTrail.get(lead) ?? []).filter((c) => gbk().vanishing.has(y * 256 + (c >> 8)));
    index.closings.set(key, list);
  }
  return list;
}

// Between two vanished pairs stands a character ending in a user-defined lead byte: in practice the
// closing bracket of a numbered heading, 、 or 。 — punctuation or a numeral is searched, no more.
const NUMERAL_CODES = new Set([...'一二三四五六七八九十'].map((c) => gbk().encode.get(c)));
function isPunctOrNumeral(code: number): boolean {
  return code >> 8 === 0xa1 || code >> 8 === 0xa3 || NUMERAL_CODES.has(code);
}

/** Characters (z, y2) between two vanished pairs (y, z) and (y2, …). */
function middlesFor(index: Index, y: number): number[] {
  let list = index.middles.get(y);
  if (!list) {
    list = [];
    for (const codes of index.byLead.values())
      for (const c of codes)
        if (isPunctOrNumeral(c) && gbk().vanishing.has(y * 256 + (c >> 8)) && index.vanishLeads.has(c & 0xff)) list.push(c);
    index.middles.set(y, list);
  }
  return list;
}

function dropIndent(out: string[], atLineStart: boolean): string[] {
  return atLineStart && out[0] === '\u3000' ? out.slice(1) : out;
}

/**
 * The positions of `a` that `b` reads otherwise, once the beginning and end both share are set
 * aside: （一）強化 against （一）。強化 differs by an inserted 。, not at every character after it.
 * Where b only inserts, the two characters of a around the insertion are the ones in question.
 */
function differingSpan(a: string[], b: string[]): { span: number[]; inserted: boolean } {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const span: number[] = [];
  for (let k = prefix; k < a.length - suffix; k++) span.push(k);
  if (span.length > 0) return { span, inserted: false };
  for (const k of [prefix - 1, prefix]) if (k >= 0 && k < a.length) span.push(k);
  return { span, inserted: true };
}

// A numbered sub-heading opens with words: （一）。強化 is no reading of （一）強化.
const HEADING_THEN_PUNCTUATION = /^\u3000?[（(][一二三四五六七八九十]+[）)][。，、；：,.;:！？!?]/;
function punctuationOpensHeading(out: string[]): boolean {
  return HEADING_THEN_PUNCTUATION.test(out.slice(0, 8).join(''));
}

function lpRun(prev2: string, prev: string, chars: string[], lpOf: LpOf): number {
  let lp = 0;
  let p = prev;
  let p2 = prev2;
  for (const ch of chars) {
    lp += lpOf(p2, p, ch);
    p2 = p;
    p = ch;
  }
  return lp;
}

/**
 * The most often the document writes any pair of Han characters that touches text[from..to), leaving
 * out pairs that straddle two words of `words` one of which is a word of two or more characters.
 */
function pairsWritten(model: ContextModel, text: string[], from: number, to: number, words?: { inWord: boolean[]; wordStart: boolean[] }): number {
  const han = (c: string | undefined) => c !== undefined && /\p{Script=Han}/u.test(c);
  let most = 0;
  for (let j = Math.max(1, from); j <= Math.min(to, text.length - 1); j++) {
    if (words && words.wordStart[j] && (words.inWord[j] || words.inWord[j - 1])) continue;
    if (han(text[j - 1]) && han(text[j])) most = Math.max(most, pairCount(model, text[j - 1], text[j]));
  }
  return most;
}

/** Every bracket or quote the text opens it also closes (and the reverse). */
export function bracketsBalance(text: string): boolean {
  const pairs: [RegExp, RegExp][] = [
    [/[（(]/g, /[）)]/g],
    [/“/g, /”/g],
    [/《/g, /》/g],
  ];
  return pairs.every(([open, close]) => (text.match(open) ?? []).length === (text.match(close) ?? []).length);
}
