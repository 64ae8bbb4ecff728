// Repair of lines garbled by an encoding accident: simplified GBK text was decoded one byte out of
// step, then the whole document went through a simplified→traditional converter. Example:
//   （一）立足本地特色。  (GBK a3a8 d2bb a3a9 … c9ab a1a3, after an indentation 　 = a1a1)
//   ?。ㄒ唬┝⒆惚镜靥厣?。  (the decoder started on the 2nd byte of 　: the lost byte shows as '?';
//                            it fell back in step at an invalid pair, shown as '?' again)
// A garbled run therefore starts at a '?', contains characters of GBK's symbol rows (ㄒ ┝ ⒆) and
// decodes, after undoing the converter, re-encoding to GBK and shifting one byte, into text whose
// character pairs occur in the clean part of the same document. That last test is the
// verification: shifted clean text also decodes to valid characters, but to pairs nobody writes.
//
// Result: 'clean' (nothing garbled), 'repaired' (every garbled run decoded and verified; a character
// of which the garbling destroyed a byte is restored only when the document's own text singles it
// out, otherwise it stays as '?'), 'unrepaired' (garbling detected but no run verified: the garbled
// text is returned unchanged). Nothing is dropped.
import { charClass, gbk, gbkClass } from './text-gbk.ts';
import { toSimplified, toTraditional } from './text-convert.ts';

export type MojibakeResult = {
  status: 'clean' | 'repaired' | 'unrepaired';
  text: string;
  /** Characters whose bytes the garbling destroyed and that could not be singled out: left as '?'. */
  lost?: number;
};

/** Character-pair counts of a document's clean text (simplified), the yardstick of a repair. */
export interface ContextModel {
  pairs: Map<string, number>;
}

const QUESTION = /[?？\uFFFD]/;

/** Symbol-row characters (bopomofo, box drawing, kana, Greek…) that ordinary prose does not use. */
function symbolCount(text: string): number {
  let n = 0;
  for (const ch of text) if (charClass(ch) === 'symbol' && !COMMON_SYMBOLS.has(ch)) n++;
  return n;
}
// Symbol-row characters that real documents do use: circled/parenthesised small numbers, ×, °, №, Ⅰ.
const COMMON_SYMBOLS = new Set([...'①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ']);

export function looksGarbled(line: string): boolean {
  return symbolCount(line) >= 2 || (QUESTION.test(line) && symbolCount(line) >= 1);
}

export function buildContextModel(lines: string[]): ContextModel {
  const pairs = new Map<string, number>();
  for (const line of lines) {
    if (looksGarbled(line)) continue;
    const chars = [...toSimplified(line)];
    for (let i = 1; i < chars.length; i++) {
      const key = chars[i - 1] + chars[i];
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  }
  return { pairs };
}

// ---- undoing the converter: which simplified characters may stand behind a garbled character ----

let fromTraditional: Map<string, string[]> | null = null;
/** Simplified characters that the s→t converter turns into `ch` (lazily, from opencc itself). */
function simplifiedCandidates(ch: string): string[] {
  if (!fromTraditional) {
    fromTraditional = new Map();
    const chars = [...gbk().encode.keys()];
    const converted = [...toTraditional(chars.join('\n'))].filter((c) => c !== '\n');
    if (converted.length === chars.length) {
      chars.forEach((s, i) => {
        const t = converted[i];
        if (t !== s) fromTraditional!.set(t, [...(fromTraditional!.get(t) ?? []), s]);
      });
    }
  }
  const out = new Set<string>([ch, ...(fromTraditional.get(ch) ?? []), toSimplified(ch)]);
  return [...out].filter((c) => gbk().encode.has(c));
}

// ---- decoding one run ----

interface RunState {
  pending: number; // the byte waiting for its partner
  out: string[]; // decoded characters
  score: number;
  headTrail: number; // first byte of the stream: trail of the character whose lead was lost
}

function pairCount(ctx: ContextModel | undefined, a: string | undefined, b: string | undefined): number {
  if (!ctx || a === undefined || b === undefined) return 0;
  return ctx.pairs.get(a + b) ?? 0;
}

interface Run {
  start: number; // index of the opening '?'
  end: number; // index after the last garbled character consumed
  head: string; // the character whose lead byte was lost ('' when it was indentation)
  body: string; // decoded characters
  tail: string; // character whose trail byte was lost ('' if none)
  lost: number;
  support: number; // share of decoded character pairs found in the context
  garbledSupport: number;
}

/** Pick a character for a half-known GBK code by the document's own pairs; null if not singled out. */
function pickByContext(
  codes: number[],
  before: string | undefined,
  after: string | undefined,
  ctx: ContextModel | undefined,
): string | null {
  let best: string | null = null;
  let bestScore = 0;
  let tie = false;
  for (const code of codes) {
    const ch = gbk().decode.get(code);
    if (!ch) continue;
    const cls = gbkClass(code);
    if (cls !== 'hanzi1' && cls !== 'hanzi2' && cls !== 'punct') continue;
    // Only a Han neighbour decides: pairs with punctuation (元, / 服。) say nothing about the character.
    const s =
      (before && HAN.test(before) ? pairCount(ctx, before, ch) : 0) +
      (after && HAN.test(after) ? pairCount(ctx, ch, after) : 0);
    if (s > bestScore) {
      best = ch;
      bestScore = s;
      tie = false;
    } else if (s === bestScore && s > 0) tie = true;
  }
  return tie ? null : best;
}

function decodeRun(chars: string[], start: number, ctx: ContextModel | undefined): Run | null {
  const table = gbk();
  const first = chars[start + 1];
  if (first === undefined) return null;
  let states: RunState[] = [];
  for (const c of simplifiedCandidates(first)) {
    const code = table.encode.get(c)!;
    states.push({ pending: code & 0xff, out: [], score: 0, headTrail: code >> 8 });
  }
  if (states.length === 0) return null;
  let i = start + 2;
  for (; i < chars.length; i++) {
    const next = new Map<number, RunState>();
    for (const st of states) {
      for (const c of simplifiedCandidates(chars[i])) {
        const code = table.encode.get(c)!;
        const pair = st.pending * 256 + (code >> 8);
        const ch = table.decode.get(pair);
        if (!ch) continue;
        const cls = gbkClass(pair);
        // Only common characters: GB2312 level 1 and ordinary punctuation.
        if (cls !== 'hanzi1' && cls !== 'punct') continue;
        const prev = st.out[st.out.length - 1];
        const score = st.score + 2 + 3 * Math.min(1, pairCount(ctx, prev, ch));
        const key = code & 0xff;
        const old = next.get(key);
        if (!old || old.score < score) next.set(key, { pending: key, out: [...st.out, ch], score, headTrail: st.headTrail });
      }
    }
    if (next.size === 0) break;
    states = [...next.values()];
  }
  const best = states.reduce((a, b) => (b.score > a.score ? b : a));
  if (best.out.length < 2) return null;

  let lost = 0;
  // Head: the lost lead byte + the stream's first byte. At the start of a line a1+a1 is the
  // ideographic space of the indentation (trimmed away, like any indentation).
  let head = '';
  const atLineStart = chars.slice(0, start).every((c) => /\s/.test(c));
  if (!(atLineStart && best.headTrail === 0xa1)) {
    const codes: number[] = [];
    for (let lead = 0x81; lead <= 0xfe; lead++) codes.push(lead * 256 + best.headTrail);
    const picked = pickByContext(codes, chars[start - 1], best.out[0], ctx);
    head = picked ?? '?';
    if (!picked) lost++;
  }
  // Tail: the decoder fell back in step at an invalid pair, shown as '?': the pending byte was the
  // lead of a character whose trail byte is gone.
  let tail = '';
  let end = i;
  if (i < chars.length && QUESTION.test(chars[i])) {
    const codes: number[] = [];
    for (let trail = 0x40; trail <= 0xfe; trail++) codes.push(best.pending * 256 + trail);
    const picked = pickByContext(codes, best.out[best.out.length - 1], chars[i + 1], ctx);
    tail = picked ?? '?';
    if (!picked) lost++;
    end = i + 1;
  }

  // The decoder falls back in step only at an invalid pair (shown as '?'); a run that stops on
  // anything else lost bytes we cannot place (a whole pair can vanish): not verifiable.
  const resynced = i >= chars.length || end === i + 1;
  if (!resynced) return null;
  const support = supportOf(best.out, ctx);
  const garbled = chars.slice(start + 1, i).map((c) => toSimplified(c));
  return { start, end, head, body: best.out.join(''), tail, lost, support, garbledSupport: supportOf(garbled, ctx) };
}

const HAN = /\p{Script=Han}/u;

/** Share of adjacent Han–Han character pairs that the document's clean text also contains. */
function supportOf(chars: string[], ctx: ContextModel | undefined): number {
  let pairs = 0;
  let hits = 0;
  for (let k = 1; k < chars.length; k++) {
    if (!HAN.test(chars[k - 1]) || !HAN.test(chars[k])) continue;
    pairs++;
    if (pairCount(ctx, chars[k - 1], chars[k]) > 0) hits++;
  }
  return pairs < 2 ? 0 : hits / pairs;
}

/**
 * A run is verified when its decoded text is clearly more like the document than the garbled text
 * was: at least half of its Han character pairs occur in the document's clean text. Without a context
 * model (a lone line) the symbol-row test alone cannot verify anything.
 */
function verified(run: Run, garbledText: string): boolean {
  // A whole GBK pair can vanish in the garbling (user-defined codes such as fe a3 in 二）): the
  // decoding then runs on with wrong characters, which shows as an opened bracket never closed.
  const text = run.head + run.body + run.tail;
  const opens = (text.match(/[（(“《]/g) ?? []).length;
  const closes = (text.match(/[）)”》]/g) ?? []).length;
  if (opens !== closes) return false;
  return run.support >= 0.5 && run.support > run.garbledSupport && symbolCount(garbledText) >= 1;
}

export function repairMojibake(line: string, context?: ContextModel): MojibakeResult {
  if (!looksGarbled(line)) return { status: 'clean', text: line };
  const chars = [...line];
  let out = '';
  let cursor = 0;
  let repairedRuns = 0;
  let lost = 0;
  for (let k = 0; k < chars.length; k++) {
    if (k < cursor || !QUESTION.test(chars[k])) continue;
    const run = decodeRun(chars, k, context);
    if (!run) continue;
    const garbledText = chars.slice(run.start, run.end).join('');
    if (!verified(run, garbledText)) continue;
    out += chars.slice(cursor, run.start).join('') + run.head + run.body + run.tail;
    cursor = run.end;
    k = run.end - 1;
    repairedRuns++;
    lost += run.lost;
  }
  if (repairedRuns === 0) return { status: 'unrepaired', text: line };
  out += chars.slice(cursor).join('');
  // A run left unrepaired beside repaired ones still shows its symbol-row characters.
  const status = symbolCount(out) >= 2 ? 'unrepaired' : 'repaired';
  return status === 'repaired' ? { status, text: out, lost } : { status, text: line };
}
