// What a figure is about, by the nouns near it: the dimension (time, steps, documents, visits, cost) a
// reform measure is read in. Pure helpers for measures.ts and measures-apart.ts.
import type { Dimension } from './types.ts';

/** What a figure is about, by the nouns near it. Order matters: the nearest noun wins. */
const SUBJECTS: [Dimension, RegExp][] = [
  // 往返两地办税次数减少2次: the number of round trips is visits too (往返一次要半天 is a time).
  ['visits', /跑动|跑腿|跑路|跑次|往返[\u4e00-\u9fa5]{0,6}?次数|趟|跑/g],
  ['documents', /材料|资料|要件/g],
  ['steps', /环节|步骤|流程|节点|手续|程序/g],
  ['time', /时间|时限|时长|用时|耗时|周期|审限|时效|办结时间|提速/g],
  ['cost', /成本|费用|电费|收费|投资|投入|利息|利率|费/g],
];

/** The dimension named by the noun nearest the end of `text` (the subject before a figure), if any. */
export function subjectBefore(text: string): Dimension | null {
  let best: Dimension | null = null;
  let bestAt = -1;
  for (const [dimension, re] of SUBJECTS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index + m[0].length > bestAt || (m.index + m[0].length === bestAt && best === 'cost')) {
        bestAt = m.index + m[0].length;
        best = dimension;
      }
    }
  }
  return best;
}

/** The dimension named right after a count (1个报装环节, 1项申请材料), if any. */
export function subjectAfter(text: string): Dimension | null {
  const head = text.slice(0, 6);
  for (const [dimension, re] of SUBJECTS) {
    if (dimension === 'time' || dimension === 'cost') continue;
    re.lastIndex = 0;
    if (re.test(head)) return dimension;
  }
  return null;
}

/** Text before a figure, cut at the last quote mark (a slogan in quotes names no subject of a figure). */
export const unquoted = (s: string) => s.slice(Math.max(s.lastIndexOf('”'), s.lastIndexOf('“')) + 1);
