// The yardstick of mojibake repair: a character bigram model of the document's own clean text,
// backed off to a prior by character kind (common Han in either script, punctuation, rare Han,
// GBK symbol rows). A repair is accepted only when this model clearly prefers it.
import { compactCode, gbk, gbkClass, gbkCode } from './text-gbk.ts';
import { toTraditional } from './text-convert.ts';

/** Character counts of a document's clean lines, as published (same script as the garbled text). */
export interface ContextModel {
  unigrams: Map<string, number>;
  /** Pair counts, keyed by pairKey (a string of the two characters when one is outside the BMP). */
  bigrams: Map<number | string, number>;
  /** How many bigrams start with a character. */
  following: Map<string, number>;
  /** How many different characters follow a character. */
  followerTypes: Map<string, number>;
  /**
   * The three counts above by UTF-16 code unit, for characters of the BMP (all GBK characters): the
   * decoder's inner loop reads them hundreds of thousands of times a document.
   */
  unigramAt: Uint32Array;
  followingAt: Uint32Array;
  followerTypesAt: Uint32Array;
  /**
   * Trigram counts: by pairKey of the first two characters, then compactCode of the third (numbers:
   * building string keys for every character of a document costs more than the rest of the model).
   * Characters outside the BMP take no part.
   */
  trigrams: Map<number, Map<number, number>>;
  pairFollowing: Map<number, number>;
  total: number;
  /** The text counted, as added: the notice's own phrases are read from it when a repair needs them (mojibake-words.ts). */
  texts: string[];
  /**
   * Memo of logProb by history, then character code: the decoder asks the same questions again and
   * again. Rows of one character (its code; -1: no history), of a pair the document wrote (pairKey),
   * of a history outside the BMP (by its text).
   */
  memo: Map<number, MemoRow>;
  pairMemo: Map<number, MemoRow>;
  oddMemo: Map<string, MemoRow>;
}

// Pairs that official notices write whatever the document: numbered sub-headings （一）（二）… and
// enumerations 一是、二是… A garbled sub-heading loses exactly these bytes (二 = b6 fe, 三 = c8 fd
// form vanishing pairs once shifted), and the document's other sub-headings may all be garbled too.
const NUMERALS = [...'一二三四五六七八九十'];
const STRUCTURAL_PAIRS: [string, number][] = NUMERALS.flatMap((n) => [
  [`（${n}`, 3],
  [`${n}）`, 3],
  [`${n}是`, 1],
  [`第${n}`, 1],
]);

export function emptyModel(): ContextModel {
  return {
    unigrams: new Map(),
    bigrams: new Map(),
    following: new Map(),
    followerTypes: new Map(),
    unigramAt: new Uint32Array(0x10000),
    followingAt: new Uint32Array(0x10000),
    followerTypesAt: new Uint32Array(0x10000),
    trigrams: new Map(),
    pairFollowing: new Map(),
    total: 0,
    texts: [],
    memo: new Map(),
    pairMemo: new Map(),
    oddMemo: new Map(),
  };
}

export function addText(model: ContextModel, text: string): void {
  model.texts.push(text);
  let prev: string | undefined;
  let prev2: string | undefined;
  for (const ch of text) {
    model.unigrams.set(ch, (model.unigrams.get(ch) ?? 0) + 1);
    if (ch.length === 1) model.unigramAt[ch.charCodeAt(0)]++;
    model.total++;
    if (prev !== undefined) addPair(model, prev, ch, 1);
    if (prev2 !== undefined) addTriple(model, prev2, prev!, ch, 1);
    prev2 = prev;
    prev = ch;
  }
}

/** The key of a pair in `bigrams`. */
function bigramKey(first: string, second: string): number | string {
  const key = pairKey(first, second);
  return key >= 0 ? key : first + second;
}

function addPair(model: ContextModel, first: string, second: string, n: number): void {
  const pair = bigramKey(first, second);
  const seen = model.bigrams.get(pair) ?? 0;
  if (seen === 0) model.followerTypes.set(first, (model.followerTypes.get(first) ?? 0) + 1);
  model.bigrams.set(pair, seen + n);
  model.following.set(first, (model.following.get(first) ?? 0) + n);
  if (first.length === 1) {
    const unit = first.charCodeAt(0);
    if (seen === 0) model.followerTypesAt[unit]++;
    model.followingAt[unit] += n;
  }
}

// …and the numbering closes right after its numeral: （二） rather than （二十） unless the document
// counts that far (its own text then says so).
const STRUCTURAL_TRIPLES: [string, string, string, number][] = NUMERALS.map((n) => ['（', n, '）', 3]);

export function addStructuralPriors(model: ContextModel): void {
  for (const [pair, n] of STRUCTURAL_PAIRS) addPair(model, pair[0], pair[1], n);
  for (const [a, b, c, n] of STRUCTURAL_TRIPLES) addTriple(model, a, b, c, n);
}

/** A number under 2^30 for two BMP characters (their compactCode), -1 when one is not. */
function pairKey(a: string, b: string): number {
  if (a.length !== 1 || b.length !== 1) return -1;
  const first = compactCode(a.charCodeAt(0));
  const second = compactCode(b.charCodeAt(0));
  return first && second ? first * 0x8000 + second : -1;
}

function addTriple(model: ContextModel, a: string, b: string, c: string, n: number): void {
  const pair = pairKey(a, b);
  if (pair < 0 || c.length !== 1) return;
  const third = compactCode(c.charCodeAt(0));
  if (!third) return;
  let followers = model.trigrams.get(pair);
  if (!followers) model.trigrams.set(pair, (followers = new Map()));
  followers.set(third, (followers.get(third) ?? 0) + n);
  model.pairFollowing.set(pair, (model.pairFollowing.get(pair) ?? 0) + n);
}

// ---- prior by character kind ----

let commonHan: Set<string> | null = null;
/** GB2312 Han characters and their traditional forms: what ordinary text in either script uses. */
function isCommonHan(ch: string): boolean {
  if (!commonHan) {
    const simplified: string[] = [];
    for (const [code, c] of gbk().decode) {
      const cls = gbkClass(code);
      if (cls === 'hanzi1' || cls === 'hanzi2') simplified.push(c);
    }
    // One character per line so that opencc converts characters, not phrases.
    const traditional = toTraditional(simplified.join('\n')).split('\n');
    commonHan = new Set([...simplified, ...traditional]);
  }
  return commonHan.has(ch);
}

// basePrior by UTF-16 code unit, filled on first use (NaN: not yet computed).
const priorAt = new Float64Array(0x10000).fill(NaN);

/** Prior probability of a character before the document is consulted. */
function basePrior(ch: string): number {
  if (ch.length !== 1) return computeBasePrior(ch);
  const unit = ch.charCodeAt(0);
  let p = priorAt[unit];
  if (Number.isNaN(p)) p = priorAt[unit] = computeBasePrior(ch);
  return p;
}

function computeBasePrior(ch: string): number {
  if (isCommonHan(ch)) return 1 / 8000;
  const code = gbkCode(ch);
  if (code === undefined) return /[\x21-\x7e]/.test(ch) ? 1 / 2000 : 1e-9;
  const cls = gbkClass(code);
  if (cls === 'punct') return 1 / 500;
  if (cls === 'symbol') return 1e-8; // bopomofo, box drawing, kana: what shifted bytes decode to
  return 1 / 60000; // GBK extension: rare characters
}

/** A character a repair may produce: not a symbol-row character unless the document uses it. */
export function plausibleChar(model: ContextModel, ch: string): boolean {
  return unigramCount(model, ch) > 0 || basePrior(ch) > 1e-7;
}

/** How often the document's clean text writes `first` right before `second`. */
export function pairCount(model: ContextModel, first: string, second: string): number {
  return model.bigrams.get(bigramKey(first, second)) ?? 0;
}

/** How often the document's clean text uses `ch`. */
export function unigramCount(model: ContextModel, ch: string): number {
  return ch.length === 1 ? model.unigramAt[ch.charCodeAt(0)] : (model.unigrams.get(ch) ?? 0);
}

/**
 * ln P(ch | prev2 prev): doc trigram, backed off to doc bigram, to doc unigram, to the kind prior
 * (Witten-Bell). The trigram is what lets a phrase the document repeats decide a character whose
 * bytes are lost (先行先試 over 先行先元, although 元, is the commoner pair after it).
 */
export function logProb(model: ContextModel, prev: string | undefined, ch: string, prev2?: string): number {
  return logProbIn(model, memoRow(model, prev, prev2), prev, ch);
}

/**
 * The memo of logProb for one history. Every row holds the bigram log-probabilities of its last
 * character; a pair the document wrote adds its trigram followers and the weight that backs off to
 * the bigram, the same for every other character (so the pair needs no row of its own).
 */
export interface MemoRow {
  /** ln P(ch | last character) by character code, filled on first use. */
  bigram: Map<number, number>;
  /** A pair the document wrote: counts of what followed it (by compactCode), their total and kinds. */
  followers?: Map<number, number>;
  total?: number;
  /** ln of the Witten-Bell weight of the bigram for a character that never followed the pair. */
  backoff?: number;
}

/** The memo row of a history: a caller looping over characters reads it once. */
export function memoRow(model: ContextModel, prev: string | undefined, prev2?: string): MemoRow {
  if (prev2 !== undefined && prev !== undefined) {
    const pair = pairKey(prev2, prev);
    const followers = pair >= 0 ? model.trigrams.get(pair) : undefined;
    if (followers) {
      let row = model.pairMemo.get(pair);
      if (!row) {
        const total = model.pairFollowing.get(pair)!;
        const backoff = Math.log(followers.size / (total + followers.size));
        model.pairMemo.set(pair, (row = { bigram: memoRow(model, prev).bigram, followers, total, backoff }));
      }
      return row;
    }
  }
  if (prev !== undefined && prev.length !== 1) {
    let row = model.oddMemo.get(prev);
    if (!row) model.oddMemo.set(prev, (row = { bigram: new Map() }));
    return row;
  }
  const key = prev === undefined ? -1 : prev.charCodeAt(0);
  let row = model.memo.get(key);
  if (!row) model.memo.set(key, (row = { bigram: new Map() }));
  return row;
}

/**
 * logProb(model, prev, ch, prev2), given memoRow(model, prev, prev2): the trigram, backed off to
 * the bigram, to the unigram, to the kind prior (Witten-Bell).
 */
export function logProbIn(model: ContextModel, row: MemoRow, prev: string | undefined, ch: string): number {
  if (ch.length !== 1) return computeBigramLogProb(model, prev, ch);
  const code = ch.charCodeAt(0);
  let bigram = row.bigram.get(code);
  if (bigram === undefined) {
    bigram = computeBigramLogProb(model, prev, ch);
    row.bigram.set(code, bigram);
  }
  if (!row.followers) return bigram;
  const third = compactCode(code);
  const tri = third ? row.followers.get(third) : undefined;
  if (tri === undefined) return bigram + row.backoff!;
  const kinds = row.followers.size;
  return Math.log((tri + kinds * Math.exp(bigram)) / (row.total! + kinds));
}

function computeBigramLogProb(model: ContextModel, prev: string | undefined, ch: string): number {
  const uni = (unigramCount(model, ch) + 20 * basePrior(ch)) / (model.total + 20);
  if (prev === undefined) return Math.log(uni);
  const bi = model.bigrams.get(bigramKey(prev, ch)) ?? 0;
  const bmp = prev.length === 1;
  const ctx = bmp ? model.followingAt[prev.charCodeAt(0)] : (model.following.get(prev) ?? 0);
  // Witten-Bell: a character seen before many different ones leaves more room for an unseen pair
  // (新 is followed by dozens of characters, so 新。 is not improbable merely for being unseen).
  const backoff = Math.max(2, bmp ? model.followerTypesAt[prev.charCodeAt(0)] : (model.followerTypes.get(prev) ?? 0));
  return Math.log((bi + backoff * uni) / (ctx + backoff));
}

/** ln P of a run of characters following `prev2 prev`. */
export function logProbOf(model: ContextModel, prev: string | undefined, chars: string[], prev2?: string): number {
  let lp = 0;
  let p = prev;
  let p2 = prev2;
  for (const c of chars) {
    lp += logProb(model, p, c, p2);
    p2 = p;
    p = c;
  }
  return lp;
}
