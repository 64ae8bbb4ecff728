// Line patterns of the segment stage. All match the simplified, width-folded form of a line
// (Line.simplified): （一） arrives as (一), ０１ as 01.

const CN_NUM = '一二三四五六七八九十百零〇两';

/** Chinese numeral (一…九十九) or digits → number; null if not a numeral. */
export function parseNumeral(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const digit = (c: string) => '零一二三四五六七八九'.indexOf(c === '〇' ? '零' : c === '两' ? '二' : c);
  if (!new RegExp(`^[${CN_NUM}]+$`).test(s)) return null;
  if (s === '十') return 10;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? digit(m[1]) : 1) * 10 + (m[2] ? digit(m[2]) : 0);
  if (s.length === 1) return digit(s) > 0 ? digit(s) : null;
  return null;
}

/** A line that opens a case body: 附件3 / 典型案例(二) / 案例3 / 01 (alone on its line). */
export function caseMarker(text: string): number | null {
  let m = /^附件\s*(\d{1,3})$/.exec(text);
  if (m) return Number(m[1]);
  m = new RegExp(`^(?:典型)?(?:案例|经验|做法)\\s*[(]?([${CN_NUM}\\d]{1,4})[)]?$`).exec(text);
  if (m) return parseNumeral(m[1]);
  m = /^(\d{1,3})$/.exec(text);
  if (m) return Number(m[1]);
  return null;
}

/** The line that opens the list of announced cases: `附件:` possibly followed by the first entry. */
export function listOpener(text: string): string | null {
  const m = /^附件\s*[:]\s*(.*)$/.exec(text);
  return m ? m[1] : null;
}

/** A numbered list entry `12.标题` / `12、标题`. */
export function listEntry(text: string): { no: number; title: string } | null {
  const m = /^(\d{1,3})\s*[.、．]\s*(\S.*)$/.exec(text);
  return m ? { no: Number(m[1]), title: m[2].trim() } : null;
}

export type PartName = 'background' | 'measures' | 'outcomes';

// Keywords of the part headings, longest first so that 主要做法和成效 is not read as 主要做法.
const PART_KEYWORDS: [RegExp, PartName][] = [
  [/^(?:主要|具体|工作|创新)?做法(?:和|及|与)(?:主要|取得)?成效$/, 'measures'],
  [/^(?:背景情况|背景描述|基本情况|工作背景|改革背景|项目背景|背景)$/, 'background'],
  [/^(?:主要做法|具体做法|工作做法|创新做法|经验做法|主要举措|具体举措|改革举措|工作举措|做法)$/, 'measures'],
  [/^(?:主要成效|取得成效|工作成效|实施成效|改革成效|取得的成效|应用成效|成效|工作成果|取得成果)$/, 'outcomes'],
];

/** A body part heading (一、背景情况 / 二、主要做法和成效 / 三、取得成效 …) → which part it opens. */
export function partHeading(text: string): PartName | null {
  const core = text
    .replace(new RegExp(`^(?:[${CN_NUM}]{1,3}\\s*[、.]|[(][${CN_NUM}]{1,3}[)]|\\d{1,2}\\s*[、.])\\s*`), '')
    .replace(/[:。]$/, '')
    .trim();
  if (core.length > 12) return null;
  for (const [re, part] of PART_KEYWORDS) if (re.test(core)) return part;
  return null;
}

/** Web-page furniture: breadcrumbs, publish-time stamps, share/print links, footers. */
export function isFurniture(text: string): boolean {
  return (
    /^(?:您现在的位置|当前位置|首页\s*[>»])/.test(text) ||
    /^(?:发布时间|发布日期|来源|浏览次数|作者|字号|【字体)/.test(text) ||
    /全文如下/.test(text) ||
    /^(?:分享到|打印本页|打印|关闭窗口|关闭|返回顶部|上一篇|下一篇|扫一扫|相关链接|【打印】|【关闭】)/.test(text) ||
    /(?:版权所有|主办单位|承办单位|ICP备|网站标识码|联系我们)/.test(text)
  );
}

/** A line that is only a date: 2023年12月4日 / 2022-08-08. */
export function dateLine(text: string): string | null {
  const m = /^(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*日?$/.exec(text);
  return m ? isoDate(m[1], m[2], m[3]) : null;
}

export function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Ends like a sentence (or a clause), i.e. body prose rather than a heading or title. */
export function endsLikeProse(text: string): boolean {
  return /[。;:,、!?]$/.test(text);
}

/** Character-bigram Dice similarity of two titles, ignoring spaces and punctuation. */
export function titleSimilarity(a: string, b: string): number {
  const clean = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '');
  const grams = (s: string) => {
    const out = new Map<string, number>();
    const cs = [...clean(s)];
    for (let i = 1; i < cs.length; i++) out.set(cs[i - 1] + cs[i], (out.get(cs[i - 1] + cs[i]) ?? 0) + 1);
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  let total = 0;
  let common = 0;
  for (const v of ga.values()) total += v;
  for (const v of gb.values()) total += v;
  for (const [k, v] of ga) common += Math.min(v, gb.get(k) ?? 0);
  return total === 0 ? (clean(a) === clean(b) ? 1 : 0) : (2 * common) / total;
}
