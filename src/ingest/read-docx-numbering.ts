// The numbers Word draws before list paragraphs (一、 / (一) / 1. typed as automatic numbering): they are not in
// the paragraph's text but in word/numbering.xml, and a notice's case titles and measures are often numbered so.
// Each paragraph with w:numPr (numId, ilvl) gets its level's text (lvlText "%1、") with the counters filled in
// their levels' formats; a level counts on per list (numId) and restarts the levels below it.
import { Parser } from 'htmlparser2';

interface Level {
  start: number;
  format: string;
  text: string;
}

export interface Numbering {
  /** The number of the next paragraph of list `numId` at level `ilvl` ('' for a bullet or an unknown list). */
  next(numId: string, ilvl: number): string;
}

/** Reads numbering.xml: abstract lists' levels, and which abstract list each list (w:num) uses. */
export function readNumbering(xml: string | null): Numbering {
  const abstract = new Map<string, Level[]>();
  const lists = new Map<string, string>();
  const overrides = new Map<string, Map<number, number>>();
  if (xml) {
    let current: Level[] | null = null;
    let level: Level | null = null;
    let num: string | null = null;
    let overrideLevel = -1;
    new Parser(
      {
        onopentag(name, a) {
          if (name === 'w:abstractNum') abstract.set(a['w:abstractNumId'], (current = []));
          else if (name === 'w:lvl' && current) current[Number(a['w:ilvl'])] = level = { start: 1, format: 'decimal', text: '' };
          else if (name === 'w:start' && level) level.start = Number(a['w:val']);
          else if (name === 'w:numFmt' && level) level.format = a['w:val'];
          else if (name === 'w:lvlText' && level) level.text = a['w:val'] ?? '';
          else if (name === 'w:num') num = a['w:numId'];
          else if (name === 'w:abstractNumId' && num) lists.set(num, a['w:val']);
          else if (name === 'w:lvlOverride' && num) overrideLevel = Number(a['w:ilvl']);
          else if (name === 'w:startOverride' && num && overrideLevel >= 0) {
            if (!overrides.has(num)) overrides.set(num, new Map());
            overrides.get(num)!.set(overrideLevel, Number(a['w:val']));
          }
        },
        onclosetag(name) {
          if (name === 'w:abstractNum') current = null;
          else if (name === 'w:lvl') level = null;
          else if (name === 'w:num') num = null;
          else if (name === 'w:lvlOverride') overrideLevel = -1;
        },
      },
      { xmlMode: true },
    ).end(xml);
  }

  const counters = new Map<string, number[]>();
  return {
    next(numId, ilvl) {
      const levels = abstract.get(lists.get(numId) ?? '');
      const level = levels?.[ilvl];
      if (!levels || !level || level.format === 'bullet' || level.format === 'none') return '';
      const counts = counters.get(numId) ?? [];
      counters.set(numId, counts);
      const startOf = (k: number) => overrides.get(numId)?.get(k) ?? levels[k]?.start ?? 1;
      counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl] + 1;
      counts.length = ilvl + 1; // the levels below restart
      return level.text.replace(/%([1-9])/g, (_, k: string) => {
        const i = Number(k) - 1;
        return formatNumber(counts[i] ?? startOf(i), levels[i]?.format ?? 'decimal');
      });
    },
  };
}

const CHINESE_DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (Word's chineseCounting, below 1000). */
function chineseCounting(n: number): string {
  if (n <= 0 || n >= 1000) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = hundreds ? `${CHINESE_DIGITS[hundreds]}百` : '';
  if (tens) out += `${hundreds || tens > 1 ? CHINESE_DIGITS[tens] : ''}十`;
  else if (hundreds && ones) out += '零';
  if (ones) out += CHINESE_DIGITS[ones];
  return out;
}

function letters(n: number): string {
  const letter = String.fromCharCode(0x61 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, digits] of table) for (; n >= value; n -= value) out += digits;
  return out;
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    default:
      return String(n);
  }
}
