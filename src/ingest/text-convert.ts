// Chinese script conversion (opencc-js) and width folding, shared by normalise and mojibake.
import * as OpenCC from 'opencc-js';

type Convert = (text: string) => string;

// Building a converter loads its dictionaries (tens of ms): do it once, on first use.
let t2s: Convert | null = null;
let s2t: Convert | null = null;
let standardT2s: Convert | null = null;

const HAN = /\p{Script=Han}/u;

/** Traditional (or mixed) Chinese → simplified. Non-Chinese text passes unchanged. */
export function toSimplified(text: string): string {
  // 'tw' (Taiwan standard) → 'cn' converts these documents best: 著力 → 着力, 裡 → 里,
  // where 't' → 'cn' leaves 著 untouched.
  if (!t2s) t2s = OpenCC.Converter({ from: 'tw', to: 'cn' });
  return text === '' ? text : t2s(text);
}

/**
 * How many Han characters of `text` are traditional: changed by the standard traditional → simplified
 * converter ('t' → 'cn'). Unlike toSimplified it leaves Taiwan variants alone, so simplified text counts
 * (almost) none: 显著, 著名, 么 are simplified too, and toSimplified would rewrite them (显着, 幺).
 */
export function countTraditional(text: string): { han: number; traditional: number } {
  if (!standardT2s) standardT2s = OpenCC.Converter({ from: 't', to: 'cn' });
  const a = [...text];
  let han = 0;
  let traditional = 0;
  for (const c of a) if (HAN.test(c)) han++;
  if (han === 0) return { han, traditional };
  const b = [...standardT2s(text)];
  // opencc maps Han text character for character; where a phrase changed the length, compare characters one by one.
  for (let i = 0; i < a.length; i++) {
    if (!HAN.test(a[i])) continue;
    const converted = a.length === b.length ? b[i] : standardT2s(a[i]);
    if (converted !== a[i]) traditional++;
  }
  return { han, traditional };
}

/**
 * A typed search term in the normal form of the texts it is looked for in: converted when it holds a
 * traditional character (營商 → 营商), else left as typed — 显著 must find the 显著 of a simplified notice,
 * which toSimplified would turn into 显着.
 */
export function toSearchForm(term: string): string {
  return countTraditional(term).traditional > 0 ? toSimplified(term) : term;
}

/** Simplified → traditional: only used to undo the converter that garbled lines went through. */
export function toTraditional(text: string): string {
  if (!s2t) s2t = OpenCC.Converter({ from: 'cn', to: 'tw' });
  return text === '' ? text : s2t(text);
}

/**
 * Fold full-width forms of ASCII (U+FF01–FF5E: digits, letters, （）：，…) and the ideographic
 * space to ASCII. The corpus already mixes both (`附件:` beside `（一）`); one form lets later
 * stages match numbering, dates and figures with one pattern.
 */
export function foldFullWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

const CORNER_QUOTES: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’' };

/**
 * Traditional text quotes with corner brackets (「一业一证」), simplified text with curly quotes (“一业一证”): the
 * normal form of a traditional line writes the latter, so its titles read and match as a simplified notice's do.
 * One character for one, like the script conversion (positions are kept).
 */
export function toSimplifiedQuotes(text: string): string {
  return text.replace(/[「」『』]/g, (c) => CORNER_QUOTES[c]);
}
