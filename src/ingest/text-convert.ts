// Chinese script conversion (opencc-js) and width folding, shared by normalise and mojibake.
import * as OpenCC from 'opencc-js';

type Convert = (text: string) => string;

// Building a converter loads its dictionaries (tens of ms): do it once, on first use.
let t2s: Convert | null = null;
let s2t: Convert | null = null;

/** Traditional (or mixed) Chinese → simplified. Non-Chinese text passes unchanged. */
export function toSimplified(text: string): string {
  // 'tw' (Taiwan standard) → 'cn' converts these documents best: 著力 → 着力, 裡 → 里,
  // where 't' → 'cn' leaves 著 untouched.
  if (!t2s) t2s = OpenCC.Converter({ from: 'tw', to: 'cn' });
  return text === '' ? text : t2s(text);
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
