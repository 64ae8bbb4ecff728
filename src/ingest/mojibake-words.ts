// General Chinese word evidence for the mojibake repair: a word-frequency list (derived from the jieba
// dictionary, MIT, shipped by the npm package @node-rs/jieba) says whether a candidate reading forms
// words of the language — evidence the garbled notice's own text often lacks (全面 against 全真, 加快
// against 加卡, when each occurs once or never in the notice).
//
// The list is loaded only when a garbled notice is met: in Node from the source the entry point sets
// (setWordListSource: src/export/word-list.ts derives it from the installed package's dictionary); in the
// browser the import worker fetches the derived list the ETL writes to public/data/ (served by the app
// itself) and hands it over with provideWordList() before reading. This module reads no file itself: the
// ingest stays pure.
// Without it the repair works as before, on the notice's own text alone.
import { toSimplified } from './text-convert.ts';
import type { ContextModel } from './mojibake-model.ts';

/** Words (simplified, 1–4 Han characters) and ln P of each as a word of running text. */
export interface WordList {
  lnP: Map<string, number>;
  /** ln P of a Han character the list does not have (as a word of its own). */
  unseen: number;
}

export const WORD_LIST_FILE = 'zh-words.txt';
const MAX_WORD = 4;
// jieba's dictionary gives its fillers (entries of no measured frequency) counts of 1–3, and below 20
// a word changed no reading of the evaluation (scripts/mojibake-eval.ts): 71,000 words are kept of 349,000.
const MIN_FREQ = 20;
const HAN = /^\p{Script=Han}+$/u;
// ln P is kept in steps of half a nat: finer steps change no choice and cost bytes.
const STEP = 0.5;

/**
 * The compact list from jieba's dict.txt (lines "word freq tag"): one line per cost (−ln P in steps of
 * STEP), "cost<TAB>word word …", words in code-point order. Deterministic: the ETL and Node derive the same.
 */
export function deriveWordList(dictText: string): string {
  const entries: [string, number][] = [];
  let total = 0;
  for (const line of dictText.split('\n')) {
    const [word, freqText] = line.split(' ');
    const freq = Number(freqText);
    if (!word || !Number.isFinite(freq)) continue;
    total += freq;
    if (freq >= MIN_FREQ && [...word].length <= MAX_WORD && HAN.test(word)) entries.push([word, freq]);
  }
  const byCost = new Map<number, string[]>();
  for (const [word, freq] of entries) {
    const cost = Math.round(-Math.log(freq / total) / STEP);
    const words = byCost.get(cost);
    if (words) words.push(word);
    else byCost.set(cost, [word]);
  }
  return [...byCost.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([cost, words]) => `${cost}\t${words.sort().join(' ')}`)
    .join('\n');
}

export function parseWordList(text: string): WordList {
  const lnP = new Map<string, number>();
  let rarest = 0;
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const cost = Number(line.slice(0, tab)) * STEP;
    if (cost > rarest) rarest = cost;
    for (const word of line.slice(tab + 1).split(' ')) if (word) lnP.set(word, -cost);
  }
  return { lnP, unseen: -rarest - 1 };
}

let provided: WordList | null = null;
let source: (() => string) | null = null;
let sourceTried = false;

/** Hands the list over (the browser's import worker, after fetching it). */
export function provideWordList(text: string): void {
  provided = parseWordList(text);
}

/**
 * Where to read the list when a garbled notice first needs it (Node: src/export/word-list.ts reads the
 * installed dictionary). Read lazily, so that ingesting clean notices never pays for it.
 */
export function setWordListSource(load: () => string): void {
  source = load;
  sourceTried = false;
}

/** The word list if it is loaded or its source can give it now; null otherwise (the repair then reads without it). */
export function wordList(): WordList | null {
  if (provided || sourceTried || !source) return provided;
  sourceTried = true;
  provided = parseWordList(source());
  return provided;
}

// Characters of a (traditional) reading in the list's simplified script, converted one by one.
const simplifiedOf = new Map<string, string>();
function simplifiedChar(ch: string): string {
  let s = simplifiedOf.get(ch);
  if (s === undefined) {
    const converted = toSimplified(ch);
    s = [...converted].length === 1 ? converted : ch;
    simplifiedOf.set(ch, s);
  }
  return s;
}

/**
 * How much more probable `text` is read as words than as single characters: ln P of its best
 * segmentation into listed words minus ln P of its characters one by one (0 for text that forms no
 * word; characters other than Han separate words and count for nothing), and which characters that
 * segmentation puts inside a word of two or more.
 */
export function readAsWords(
  list: WordList,
  text: readonly string[],
  phrases?: Map<string, number>,
): { bonus: number; inWord: boolean[]; wordStart: boolean[] } {
  const chars = text.map(simplifiedChar);
  const inWord = new Array<boolean>(chars.length).fill(false);
  // Every character starts a word but those inside a word of two or more.
  const wordStart = new Array<boolean>(chars.length).fill(true);
  let bonus = 0;
  let start = 0;
  for (let k = 0; k <= chars.length; k++) {
    if (k < chars.length && HAN.test(chars[k])) continue;
    if (k - start >= 2) bonus += segment(list, chars, start, k, inWord, wordStart, phrases);
    start = k + 1;
  }
  return { bonus, inWord, wordStart };
}

/** The best segmentation of chars[from..to) (a stretch of Han): its bonus; marks the characters in words and where words start. */
function segment(list: WordList, chars: string[], from: number, to: number, inWord: boolean[], wordStart: boolean[], phrases?: Map<string, number>): number {
  const single = (c: string) => list.lnP.get(c) ?? list.unseen;
  const n = to - from;
  // best[k]: ln P of the best segmentation of the first k characters; cut[k]: the length of its last word.
  const best = new Array<number>(n + 1).fill(-Infinity);
  const cut = new Array<number>(n + 1).fill(1);
  best[0] = 0;
  let singles = 0;
  for (let k = 0; k < n; k++) {
    const lp1 = single(chars[from + k]);
    singles += lp1;
    best[k + 1] = best[k] + lp1;
    let word = chars[from + k];
    for (let len = 2; len <= MAX_WORD && len <= k + 1; len++) {
      word = chars[from + k + 1 - len] + word;
      const general = list.lnP.get(word);
      const own = phrases?.get(word);
      const lp = own === undefined ? general : general === undefined ? own : Math.max(general, own);
      if (lp !== undefined && best[k + 1 - len] + lp > best[k + 1]) {
        best[k + 1] = best[k + 1 - len] + lp;
        cut[k + 1] = len;
      }
    }
  }
  for (let k = n; k > 0; k -= cut[k])
    if (cut[k] > 1)
      for (let j = k - cut[k]; j < k; j++) {
        inWord[from + j] = true;
        wordStart[from + j] = j === k - cut[k];
      }
  return best[n] - singles;
}

const phrasesOf = new WeakMap<ContextModel, Map<string, number>>();

/**
 * The notice's own phrases: every stretch of 2–4 Han characters of its readable text that is made of
 * whole words of the list (its best segmentation), in the list's simplified script, with ln P as a word
 * of that text (how often it is written, over its Han characters). Policy Chinese the list lacks is the
 * notice's (先行先試 and 增信, segmented 先行 先 試 and 增 信); a stretch that cuts a word of the list
 * is not a phrase (政業 of 戶政業務). Built once per notice, when a repair first weighs words.
 */
export function noticePhrases(model: ContextModel, list: WordList): Map<string, number> {
  const cached = phrasesOf.get(model);
  if (cached) return cached;
  const counts = new Map<string, number>();
  let han = 0;
  for (const text of model.texts) {
    const chars = [...text].map(simplifiedChar);
    const { wordStart } = readAsWords(list, chars);
    for (let k = 0; k < chars.length; k++) {
      if (!HAN.test(chars[k])) continue;
      han++;
      if (!wordStart[k]) continue;
      let phrase = chars[k];
      for (let end = k + 1; end < k + MAX_WORD && end < chars.length && HAN.test(chars[end]); end++) {
        phrase += chars[end];
        if (end + 1 === chars.length || wordStart[end + 1]) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
      }
    }
  }
  const phrases = new Map<string, number>();
  for (const [phrase, n] of counts) phrases.set(phrase, Math.log(n / han));
  phrasesOf.set(model, phrases);
  return phrases;
}
