// Shares written in words rather than with %: 三分之一 (a fraction), 一半 (a half), 三成 (tenths). Case texts
// state cuts this way as often as with a percent sign (材料精简了三分之一, 时间缩短一半, 成本降低三成), so each
// is read as a percent figure: value in percent, unit %. Pure helper for figures.ts.
import { ASCII_NUMBER, CHINESE_NUMBER, parseAsciiNumber, parseChineseNumeral } from './figures-numbers.ts';

/** A share found at a number: where it ends and its value in percent. */
export interface Share {
  end: number;
  percent: number;
}

const NUMERAL_RE = new RegExp(`^(?:${ASCII_NUMBER}|${CHINESE_NUMBER})`);
/** 成 after a numeral begins these words (一成不变, 三成为…, 建成): then it is not tenths. */
const CHENG_WORD = /^成(?:不|为|功|立|本|员|果|效|绩|熟|型|品|交|长|就|都|片|套|批|规模)/;
/** 一半 is a share only as what a change verb acts on (缩短一半, 减少了一半): elsewhere it is 一半的企业, 一半以上. */
const BEFORE_HALF = /(?:压缩|压减|缩短|缩减|减少|降低|下降|精简|节省|节约|提速|提高|提升)(?:了)?(?:近|约|超过|逾)?$/;

const round1 = (x: number) => Math.round(x * 10) / 10;

function numeralValue(s: string): number | null {
  if (/^\d/.test(s)) return parseAsciiNumber(s);
  const parsed = parseChineseNumeral(s);
  return parsed && parsed.multiplier === '' ? parsed.value : null;
}

/**
 * The share that starts with the number `raw` at `numStart` (its text ends at `pos`), if any: X分之Y
 * (denominator first, as Chinese writes it), 一半 after a change verb, or X成 (X tenths).
 */
export function shareAt(text: string, numStart: number, raw: string): Share | null {
  const pos = numStart + raw.length;
  const rest = text.slice(pos);
  if (rest.startsWith('分之')) {
    const m = NUMERAL_RE.exec(rest.slice(2));
    const denominator = numeralValue(raw);
    const numerator = m ? numeralValue(m[0]) : null;
    if (!m || !denominator || numerator === null || numerator > denominator) return null;
    return { end: pos + 2 + m[0].length, percent: round1((100 * numerator) / denominator) };
  }
  if (raw === '一' && rest.startsWith('半') && BEFORE_HALF.test(text.slice(Math.max(0, numStart - 8), numStart))) {
    return { end: pos + 1, percent: 50 };
  }
  // Tenths only for a single numeral 一…九 (三成, 近九成): 十成 and 30成 are not written.
  if (/^[一二两三四五六七八九]$/.test(raw) && rest.startsWith('成') && !CHENG_WORD.test(rest)) {
    return { end: pos + 1, percent: (numeralValue(raw) ?? 0) * 10 };
  }
  return null;
}
