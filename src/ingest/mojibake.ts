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
//   published; `partial` (when some run decoded) is the best reading with '?' for every character
//   that is not certain — for display or search, never as a verified text.
import { charClass, gbk } from './text-gbk.ts';
import { type ContextModel, addStructuralPriors, addText, emptyModel } from './mojibake-model.ts';
import { bracketsBalance, decodeRun } from './mojibake-decode.ts';

export type { ContextModel };

export type MojibakeResult = {
  status: 'clean' | 'repaired' | 'unrepaired';
  text: string;
  /** Unrepaired lines only: the best reading, '?' where a character is not certain. */
  partial?: string;
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

/** The document's clean lines as a character model: the yardstick of every repair. */
export function buildContextModel(lines: string[]): ContextModel {
  const model = emptyModel();
  for (const line of lines) if (!looksGarbled(line)) addText(model, line);
  addStructuralPriors(model);
  return model;
}

// A reading is accepted when it is far more probable than the garbled text (e^8 ≈ 3000×) and its
// characters are on average ordinary for the document (mean ln P above that of random GBK text).
const MIN_GAIN = 8;
const MIN_MEAN_LOG_PROB = -7.5;

export function repairMojibake(line: string, context?: ContextModel): MojibakeResult {
  if (!QUESTION.test(line) && !looksGarbled(line)) return { status: 'clean', text: line };
  const garbledSeen = looksGarbled(line);
  if (!context) return garbledSeen ? { status: 'unrepaired', text: line } : { status: 'clean', text: line };

  const chars = [...line];
  let repaired = '';
  let partial = '';
  let cursor = 0;
  let runs = 0;
  let doubtful = 0;
  for (let k = 0; k < chars.length; k++) {
    if (k < cursor || !QUESTION.test(chars[k]) || !oddTextFollows(chars, k, context)) continue;
    const run = decodeRun(chars, k, context);
    if (!run || run.gain < MIN_GAIN || run.meanLogProb < MIN_MEAN_LOG_PROB) continue;
    if (!bracketsBalance(run.chars.join(''))) continue;
    // A decoded character the document never uses elsewhere is not verified by it (國際 read as 嘓).
    run.chars.forEach((c, i) => {
      if (/\p{Script=Han}/u.test(c) && !NUMERALS.includes(c) && (context.unigrams.get(c) ?? 0) === 0)
        run.doubtful.add(i);
    });
    const before = chars.slice(cursor, k).join('');
    repaired += before + run.chars.join('');
    partial += before + run.chars.map((c, i) => (run.doubtful.has(i) ? '?' : c)).join('');
    doubtful += run.doubtful.size;
    cursor = run.end;
    k = run.end - 1;
    runs++;
  }
  const rest = chars.slice(cursor).join('');
  repaired += rest;
  partial += rest;
  if (runs === 0) return garbledSeen ? { status: 'unrepaired', text: line } : { status: 'clean', text: line };
  if (doubtful === 0 && !looksGarbled(repaired)) return { status: 'repaired', text: repaired };
  return { status: 'unrepaired', text: line, partial };
}

/**
 * Shifted bytes decode to characters the document otherwise never uses (symbol rows, simplified
 * forms in a traditional text): a '?' followed by none of them in a few characters is a question
 * mark, not worth the search.
 */
function oddTextFollows(chars: string[], k: number, model: ContextModel): boolean {
  let odd = 0;
  for (const ch of chars.slice(k + 1, k + 7)) if ((model.unigrams.get(ch) ?? 0) <= 1 || symbolCount(ch) > 0) odd++;
  return odd >= 2;
}
