// Repair of lines garbled by an encoding accident: the (traditional) text was encoded in GBK and
// decoded one byte out of step. Example:
//   （一）立足本地特色。    (after an indentation 　: bytes a1 a1 a3 a8 d2 bb a3 a9 … c9 ab)
//   ?。ㄒ唬┝⒆惚镜靥厣?。  (first byte lost → '?'; a1a3 = 。, a8d2 = ㄒ …; the last byte ab left
//                           alone → '?', then the line goes on intact)
// mojibake-decode.ts reads a garbled run backwards (re-encode, put the lost bytes back, decode in
// step); mojibake-model.ts scores the candidate readings with the document's own clean text.
//
// Policy:
// - 'clean': no garbled run found (a '?' that no reading explains is taken as a question mark);
// - 'repaired': every garbled run decoded, each decoded character either fixed by the bytes or
//   singled out by the document's text (no competing reading within 20× its probability; 1000×
//   for a character rebuilt through a vanished pair, see mojibake-decode.ts), and
//   the repaired line no longer looks garbled. `text` is the repaired line;
// - 'unrepaired': garbling seen but not all of it could be verified. `text` is the line as
//   published; `partial` is the best reading with □ (UNKNOWN_CHAR) for every character that is not
//   certain (a run no reading explains becomes one □ per character it stands for) — what the line
//   shows, never a verified text.
import { charClass, gbk } from './text-gbk.ts';
import { type ContextModel, addStructuralPriors, addText, emptyModel } from './mojibake-model.ts';
import { decodeRun } from './mojibake-decode.ts';
import { reproduces } from './mojibake-verify.ts';

export type { ContextModel };

export type MojibakeResult = {
  status: 'clean' | 'repaired' | 'unrepaired';
  text: string;
  /** Unrepaired lines only: the best reading, UNKNOWN_CHAR (□) where a character is not certain. */
  partial?: string;
  /** Repaired lines: each garbled run (code-point offsets in the published line) and its reading. */
  runs?: { from: number; to: number; reading: string }[];
};

const NUMERALS = '一二三四五六七八九十';
const QUESTION = /[?？\uFFFD]/;

// Symbol-row characters that real documents do use: circled/parenthesised numbers, Roman numerals.
const COMMON_SYMBOLS = new Set([...'①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ─…—·№°×']);

// Per UTF-16 code unit: 1 for a symbol-row character prose does not use. Built on first use, it makes
// the check of a clean line (nearly every line) one array read per character, allocating nothing.
let oddSymbolAt: Uint8Array | null = null;
function oddSymbols(): Uint8Array {
  if (!oddSymbolAt) {
    oddSymbolAt = new Uint8Array(0x10000);
    for (const [ch] of gbk().encode) if (charClass(ch) === 'symbol' && !COMMON_SYMBOLS.has(ch)) oddSymbolAt[ch.charCodeAt(0)] = 1;
  }
  return oddSymbolAt;
}

/** Symbol-row characters (bopomofo, box drawing, kana, Greek…) that ordinary prose does not use. */
function symbolCount(text: string): number {
  const odd = oddSymbols();
  let n = 0;
  // GBK characters are all in the BMP; a surrogate half reads as 0 in the table.
  for (let k = 0; k < text.length; k++) n += odd[text.charCodeAt(k)];
  return n;
}

/** Cheap test without context: symbol-row characters, or a '?' beside one. */
export function looksGarbled(line: string): boolean {
  const symbols = symbolCount(line);
  return symbols >= 2 || (QUESTION.test(line) && symbols >= 1);
}

/** A text with a garbled line: the import loads the word list (mojibake-words.ts) only for such a text. */
export function hasGarbledLine(text: string): boolean {
  return text.split(/\r\n|\r|\n/).some(looksGarbled);
}

/** The document's clean lines as a character model: the yardstick of every repair. */
export function buildContextModel(lines: string[]): ContextModel {
  const model = emptyModel();
  const garbled: string[] = [];
  for (const line of lines) {
    // A line with a '?' may hide a short garbled run (維?!? for 維保”) that looksGarbled misses;
    // counted whole, it would teach the model the garbled pairs. Its long intact stretches still count.
    if (looksGarbled(line) || QUESTION.test(line)) garbled.push(line);
    else addText(model, line);
  }
  // A garbled line is back in step after each run: its intact stretches are the document's text too,
  // and often the only place a sub-heading's words occur again (先行先試 in a body).
  for (const line of garbled) for (const stretch of intactStretches(line, model)) addText(model, stretch);
  addStructuralPriors(model);
  return model;
}

// Garbled runs of data/raw hold at most 6 characters in a row that the clean lines also use, by chance.
const MIN_INTACT = 8;

/**
 * The stretches of a garbled line that read as intact text without any repair: long stretches of
 * characters the clean lines use. Shifted bytes decode to characters they do not (symbol rows,
 * rare forms) every few characters, so a garbled run breaks a stretch.
 */
function intactStretches(line: string, model: ContextModel): string[] {
  const stretches: string[] = [];
  let stretch: string[] = [];
  const close = () => {
    if (stretch.length >= MIN_INTACT) stretches.push(stretch.join(''));
    stretch = [];
  };
  for (const ch of line) {
    if (!QUESTION.test(ch) && (model.unigrams.get(ch) ?? 0) > 0 && symbolCount(ch) === 0) stretch.push(ch);
    else close();
  }
  close();
  return stretches;
}

// A reading is accepted when it is far more probable than the garbled text (e^6 ≈ 400×) and its
// characters are on average ordinary for the document (mean ln P above that of random GBK text).
const MIN_GAIN = 6;
const MIN_MEAN_LOG_PROB = -7.5;

/** Shown for a character whose bytes are lost or that the document cannot single out. */
export const UNKNOWN_CHAR = '\u25A1';

export function repairMojibake(line: string, context?: ContextModel): MojibakeResult {
  if (!QUESTION.test(line) && !looksGarbled(line)) return { status: 'clean', text: line };
  let garbledSeen = looksGarbled(line);
  if (!context) return garbledSeen ? { status: 'unrepaired', text: line } : { status: 'clean', text: line };

  const chars = [...line];
  let repaired = '';
  let partial = '';
  let cursor = 0;
  let runs = 0;
  let failed = 0;
  let doubtful = 0;
  const decoded: { from: number; to: number; reading: string }[] = [];
  for (let k = 0; k < chars.length; k++) {
    if (k < cursor || !QUESTION.test(chars[k]) || !oddTextFollows(chars, k, context)) continue;
    const before = chars.slice(cursor, k).join('');
    const run = decodeRun(chars, k, context, repaired + before);
    const verified = run !== null && reproduces(run.chars.join(''), chars.slice(k, run.end).join(''), k === 0);
    if (!run || !verified || run.gain < MIN_GAIN || run.meanLogProb < MIN_MEAN_LOG_PROB) {
      // No reading explains this run: all of it is unknown, about one mark per garbled character.
      const end = Math.max(run?.end ?? 0, garbledExtent(chars, k, context));
      repaired += before + chars.slice(k, end).join('');
      partial += before + UNKNOWN_CHAR.repeat(end - k);
      // A '?' whose next byte was read as full-width punctuation (a3 xx, folded: ?!胺 for 。“非), before
      // text the document never writes, is garbling even where no symbol shows it.
      if (/^[!,.:;]$/.test(chars[k + 1] ?? '') && unknownCount(chars.slice(k + 2, k + 9), context) >= 2) garbledSeen = true;
      cursor = end;
      k = end - 1;
      failed++;
      continue;
    }
    // A decoded character the document never uses elsewhere is not verified by it (國際 read as 嘓).
    run.chars.forEach((c, i) => {
      if (/\p{Script=Han}/u.test(c) && !NUMERALS.includes(c) && (context.unigrams.get(c) ?? 0) === 0)
        run.doubtful.add(i);
    });
    repaired += before + run.chars.join('');
    partial += before + run.chars.map((c, i) => (run.doubtful.has(i) ? UNKNOWN_CHAR : c)).join('');
    doubtful += run.doubtful.size;
    decoded.push({ from: k, to: run.end, reading: run.chars.join('') });
    cursor = run.end;
    k = run.end - 1;
    runs++;
  }
  const rest = chars.slice(cursor).join('');
  repaired += rest;
  partial += rest;
  // A '?' no reading explains, on a line that shows no other sign of garbling, is a question mark.
  if (runs === 0 && (failed === 0 || !garbledSeen)) {
    if (!garbledSeen) return { status: 'clean', text: line };
    return { status: 'unrepaired', text: line, partial: markOddSymbols(line) };
  }
  if (failed === 0 && doubtful === 0 && !looksGarbled(repaired)) return { status: 'repaired', text: repaired, runs: decoded };
  return { status: 'unrepaired', text: line, partial: markOddSymbols(partial) };
}

/**
 * Where a garbled run that no reading explains ends: at the '?' of its lone last byte, or before
 * the first stretch of text the document knows (three characters in a row), or at the line end.
 */
function garbledExtent(chars: string[], start: number, model: ContextModel): number {
  const known = (ch: string | undefined) =>
    ch !== undefined && !QUESTION.test(ch) && (model.unigrams.get(ch) ?? 0) > 0 && symbolCount(ch) === 0;
  for (let j = start + 1; j < chars.length; j++) {
    if (QUESTION.test(chars[j])) return j + 1;
    if (known(chars[j]) && known(chars[j + 1]) && known(chars[j + 2])) return j;
  }
  return chars.length;
}

/** Characters the document's clean text never uses (or symbol-row ones): shifted bytes decode to them. */
function unknownCount(chars: string[], model: ContextModel): number {
  let n = 0;
  for (const ch of chars) if ((model.unigrams.get(ch) ?? 0) === 0 || symbolCount(ch) > 0) n++;
  return n;
}

/** Left-over symbol-row characters and replacement characters of an unrepaired line are unknown too. */
function markOddSymbols(text: string): string {
  let out = '';
  for (const ch of text) out += ch === '\uFFFD' || symbolCount(ch) > 0 ? UNKNOWN_CHAR : ch;
  return out;
}

/**
 * Shifted bytes decode to characters the document otherwise never uses (symbol rows, simplified
 * forms in a traditional text): a '?' followed by none of them in a few characters is a question
 * mark, not worth the search.
 */
function oddTextFollows(chars: string[], k: number, model: ContextModel): boolean {
  let odd = 0;
  for (const ch of chars.slice(k + 1, k + 7)) if ((model.unigrams.get(ch) ?? 0) <= 1 || symbolCount(ch) > 0) odd++;
  // A run of a character or two ends on its lone last byte just after: 顆?;?、 (粒化); or on an
  // ASCII trail byte, a lone Latin letter among Han: 平臺?,F已 (。現).
  if (chars.slice(k + 2, k + 4).some((ch) => QUESTION.test(ch))) odd++;
  for (let j = k + 1; j <= k + 3 && j < chars.length; j++) {
    const alnum = (ch: string | undefined) => ch !== undefined && /^[A-Za-z0-9]$/.test(ch);
    if (/^[A-Za-z]$/.test(chars[j]) && !alnum(chars[j - 1]) && !alnum(chars[j + 1])) {
      odd += 2;
      break;
    }
  }
  return odd >= 2;
}
