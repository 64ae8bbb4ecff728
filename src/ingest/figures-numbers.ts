// Numbers as case texts write them: ASCII digits (with thousands separators and decimals), full-width
// digits, and Chinese numerals (三个工作日, 两天, 一百二十家, 二〇二三年). Pure helpers for figures.ts.

/**
 * Full-width digits and signs folded to ASCII, character for character, so that every index into
 * the result is also an index into the input (figure phrases are cut from the input by index).
 */
export function foldDigits(text: string): string {
  return text.replace(/[０-９％．～－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** ASCII number: 12 / 59.68 / 1,234,567 (groups of exactly three after a comma). */
export const ASCII_NUMBER = String.raw`\d+(?:,\d{3}(?!\d))*(?:\.\d+)?`;

/** A run of Chinese numeral characters; validity is checked by parseChineseNumeral. */
export const CHINESE_NUMBER = '[零〇一二两三四五六七八九十百千万亿]+';

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const PLACE: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export function parseAsciiNumber(s: string): number {
  return Number(s.replace(/,/g, ''));
}

/**
 * Value of a Chinese numeral below 万 ("一百二十" → 120, "十五" → 15, "二〇二三" → 2023), or null
 * when the run is not a well-formed numeral.
 */
function parseBelowWan(s: string): number | null {
  if (s === '') return null;
  // Digit-by-digit writing (二〇二三, used for years): no place characters at all.
  if (!/[十百千]/.test(s)) {
    if (s.length === 1) return DIGIT[s] ?? null;
    let v = 0;
    for (const c of s) {
      if (!(c in DIGIT)) return null;
      v = v * 10 + DIGIT[c];
    }
    return v;
  }
  let total = 0;
  let pending: number | null = null;
  for (const c of s) {
    if (c in DIGIT) {
      // two digits in a row (三四十) are not a numeral; a digit after 零 is (一百零五)
      if (pending !== null && pending !== 0 && DIGIT[c] !== 0) return null;
      pending = DIGIT[c];
    } else if (c in PLACE) {
      // "十" alone at the start means 10 (十五 = 15)
      total += (pending ?? (total === 0 ? 1 : NaN)) * PLACE[c];
      if (Number.isNaN(total)) return null;
      pending = null;
    } else return null;
  }
  return total + (pending ?? 0);
}

/**
 * Parses a Chinese numeral, splitting off a trailing 万/亿 as the multiplier the way digits write it
 * (三万 → 3 + 万, like "3万"), so that `unit` keeps the multiplier for both writings.
 * Returns null for runs that are not numbers (万户 alone, 千家万户, 十十).
 */
export function parseChineseNumeral(run: string): { value: number; multiplier: string } | null {
  // An idiom or a bare multiplier (百姓, 千家万户, 万户, 亿万) is not a figure: require a leading digit or 十.
  if (!/^[一二两三四五六七八九十]/.test(run)) return null;
  let body = run;
  let multiplier = '';
  const tail = /(万亿|万|亿)$/.exec(run);
  if (tail) {
    multiplier = tail[1];
    body = run.slice(0, -tail[1].length);
  }
  // 一万五千 (a 万 inside the run): value in units, no multiplier.
  const inner = body.split(/[万亿]/);
  if (inner.length > 2) return null;
  if (inner.length === 2) {
    const hi = parseBelowWan(inner[0]);
    const lo = inner[1] === '' ? 0 : parseBelowWan(inner[1]);
    if (hi === null || lo === null) return null;
    const unit = body.includes('亿') ? 1e8 : 1e4;
    return { value: hi * unit + lo, multiplier };
  }
  const v = parseBelowWan(body);
  return v === null ? null : { value: v, multiplier };
}
