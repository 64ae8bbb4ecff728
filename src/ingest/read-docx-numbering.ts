// The numbers Word draws before list paragraphs (一、 / (一) / 1. typed as automatic numbering): they are not in
// the paragraph's text but in word/numbering.xml, and a notice's case titles and measures are often numbered so.
// Each paragraph with w:numPr (numId, ilvl) gets its level's text (lvlText "%1、") with the counters filled in
// their levels' formats; a level counts on and restarts the levels below it. As in Word, lists (w:num) that share
// an abstract list count on together unless one restarts it (w:lvlOverride/w:startOverride): a document put
// together from several files often gives each pasted part its own w:num of the same list. A paragraph style may
// carry the numbering (a multilevel list linked to 标题 1 / Heading 1): numberingOfStyle finds it, from styles.xml
// (the style's own w:numPr, or its basedOn's) or from the level that names the style (w:lvl/w:pStyle).
import { Parser } from 'htmlparser2';

interface Level {
  start: number;
  format: string;
  text: string;
}

export interface Numbering {
  /** The number of the next paragraph of list `numId` at level `ilvl` ('' for a bullet or an unknown list). */
  next(numId: string, ilvl: number): string;
  /** The list a paragraph style puts its paragraphs in (null: none). */
  numberingOfStyle(styleId: string): { numId: string; ilvl: number } | null;
}

interface StyleNumbering {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

/** Reads styles.xml: each paragraph style's own list (w:pPr/w:numPr) and the style it is based on. */
function readStyles(xml: string | null): Map<string, StyleNumbering> {
  const styles = new Map<string, StyleNumbering>();
  if (!xml) return styles;
  let style: StyleNumbering | null = null;
  let inPPr = false;
  new Parser(
    {
      onopentag(name, a) {
        if (name === 'w:style') styles.set(a['w:styleId'] ?? '', (style = {}));
        else if (!style) return;
        else if (name === 'w:basedOn') style.basedOn = a['w:val'];
        else if (name === 'w:pPr') inPPr = true;
        else if (name === 'w:numId' && inPPr) style.numId = a['w:val'];
        else if (name === 'w:ilvl' && inPPr) style.ilvl = Number(a['w:val']) || 0;
      },
      onclosetag(name) {
        if (name === 'w:style') style = null;
        else if (name === 'w:pPr') inPPr = false;
      },
    },
    { xmlMode: true },
  ).end(xml);
  return styles;
}

/** Reads numbering.xml: abstract lists' levels, and which abstract list each list (w:num) uses. */
export function readNumbering(xml: string | null, stylesXml: string | null = null): Numbering {
  const abstract = new Map<string, Level[]>();
  /** The level of an abstract list that names a paragraph style (w:lvl/w:pStyle): abstractNumId and ilvl. */
  const levelOfStyle = new Map<string, { abstractId: string; ilvl: number }>();
  const lists = new Map<string, string>();
  const overrides = new Map<string, Map<number, number>>();
  if (xml) {
    let current: Level[] | null = null;
    let currentId = '';
    let level: Level | null = null;
    let ilvl = 0;
    let num: string | null = null;
    let overrideLevel = -1;
    new Parser(
      {
        onopentag(name, a) {
          if (name === 'w:abstractNum') abstract.set((currentId = a['w:abstractNumId']), (current = []));
          else if (name === 'w:lvl' && current) current[(ilvl = Number(a['w:ilvl']) || 0)] = level = { start: 1, format: 'decimal', text: '' };
          else if (name === 'w:pStyle' && level && a['w:val']) levelOfStyle.set(a['w:val'], { abstractId: currentId, ilvl });
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

  const styles = readStyles(stylesXml);
  /** Counters by abstract list; a list that restarts the numbering (a start override) counts on its own. */
  const counters = new Map<string, number[]>();
  const counterKey = (numId: string) => (overrides.has(numId) ? `num:${numId}` : `abstract:${lists.get(numId)}`);
  return {
    numberingOfStyle(styleId) {
      // The style's own w:numPr, or the nearest style it is based on that has one (a loop in basedOn ends).
      const seen = new Set<string>();
      for (let id: string | undefined = styleId; id && !seen.has(id); id = styles.get(id)?.basedOn) {
        seen.add(id);
        const style = styles.get(id);
        if (style?.numId === undefined) continue;
        if (style.numId === '0') return null;
        const linked = levelOfStyle.get(id);
        return { numId: style.numId, ilvl: style.ilvl ?? (linked && linked.abstractId === lists.get(style.numId) ? linked.ilvl : 0) };
      }
      return null;
    },
    next(numId, ilvl) {
      const levels = abstract.get(lists.get(numId) ?? '');
      const level = levels?.[ilvl];
      if (!levels || !level || level.format === 'bullet' || level.format === 'none') return '';
      const key = counterKey(numId);
      const counts = counters.get(key) ?? [];
      counters.set(key, counts);
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
const LEGAL: Record<string, string> = { 一: '壹', 二: '贰', 三: '叁', 四: '肆', 五: '伍', 六: '陆', 七: '柒', 八: '捌', 九: '玖', 十: '拾', 百: '佰' };

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
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      // The capital numerals of contracts and cheques: 壹 贰 … 拾 佰.
      // Ten to nineteen keep their 壹 (壹拾贰), as Word writes them.
      return (n >= 10 && n < 20 ? '壹' : '') + [...chineseCounting(n)].map((c) => LEGAL[c] ?? c).join('');
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]);
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[n - 1] ?? String(n);
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
