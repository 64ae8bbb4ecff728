// The units a figure can carry, what kind of figure each makes, and how it normalises
// (money → 万元, durations → days, everything else → its own base unit). Pure data for figures.ts.
import type { MetricKind } from './types.ts';

export interface UnitDef {
  /** How the unit appears in the text, e.g. 个多月. */
  written: string;
  /** The unit as reported in `unit` (approximation markers left out): 个多月 → 个月. */
  unit: string;
  kind: MetricKind;
  /** Normalised unit (metrics.unit_norm). */
  norm: string;
  /** value × factor (× multiplier) = value in `norm`. */
  factor: number;
  /** 个半月 / 年半: add half a unit to the number. */
  plusHalf?: boolean;
}

const DAY = 1;
const def = (written: string, kind: MetricKind, norm: string, factor: number, unit = written, plusHalf = false): UnitDef =>
  ({ written, unit, kind, norm, factor, plusHalf });

const MONEY: UnitDef[] = [
  def('元', 'money', '万元', 1e-4),
  def('美元', 'money', '万美元', 1e-4),
];

// 工作日 count as days as stated (a working-day count is not converted to calendar days); unit_norm 天.
// 日 and 年 are only durations in some contexts (9月4日 and 2023年 are dates): figures.ts checks that.
const DURATION: UnitDef[] = [
  def('个工作日', 'duration', '天', DAY),
  def('工作日', 'duration', '天', DAY),
  def('个自然日', 'duration', '天', DAY),
  def('自然日', 'duration', '天', DAY),
  def('天', 'duration', '天', DAY),
  def('日', 'duration', '天', DAY),
  def('个小时', 'duration', '天', DAY / 24),
  def('个多小时', 'duration', '天', DAY / 24, '个小时'),
  def('个半小时', 'duration', '天', DAY / 24, '个小时', true),
  def('小时', 'duration', '天', DAY / 24),
  def('分钟', 'duration', '天', DAY / 1440),
  def('秒钟', 'duration', '天', DAY / 86400),
  def('秒', 'duration', '天', DAY / 86400),
  def('个星期', 'duration', '天', 7 * DAY),
  def('星期', 'duration', '天', 7 * DAY),
  def('周', 'duration', '天', 7 * DAY),
  def('个月', 'duration', '天', 30 * DAY),
  def('个多月', 'duration', '天', 30 * DAY, '个月'),
  def('个半月', 'duration', '天', 30 * DAY, '个月', true),
  def('年半', 'duration', '天', 365 * DAY, '年', true),
  def('年', 'duration', '天', 365 * DAY),
];

const PERCENT: UnitDef[] = [
  def('%', 'percent', '%', 1),
  def('个百分点', 'percent', '百分点', 1),
  def('百分点', 'percent', '百分点', 1),
];

// Counts of things: measure words. A count normalises to its measure word (1.5万家 → 15000 家).
// 期 is left out on purpose: 二期/三期 name phases (ordinals), not amounts.
const COUNT_WORDS = [
  '人次', '户次', '家次', '件次', '个次', '车次', '架次', '场次', '批次', '部门', '部分',
  '人', '名', '位', '户', '家', '个', '项', '件', '次', '笔', '条', '份', '场', '批', '支', '台', '套',
  '枚', '只', '间', '栋', '幢', '处', '所', '类', '款', '张', '例', '起', '种', '座', '辆', '艘', '票',
  '宗', '本', '册', '轮', '组', '块', '单', '字', '部',
];
// 趟 is a trip, counted as the 次 of a visit (跑2趟 = 跑2次).
const COUNT: UnitDef[] = [...COUNT_WORDS.map((w) => def(w, 'count', w, 1)), def('趟', 'count', '次', 1)];

// Physical quantities and ratios: kind 'other', normalised to their base unit.
const OTHER_WORDS = [
  '平方公里', '平方千米', '平方米', '立方米', '公里', '千米', '公顷', '亩', '吨', '千克', '公斤',
  '千瓦时', '千瓦', '兆瓦', '千伏安', '千伏', '标箱', '倍', '番',
];
const OTHER: UnitDef[] = [
  ...OTHER_WORDS.map((w) => def(w, 'other', w, 1)),
  // Three writings of one unit, normalised to one.
  def('平米', 'other', '平方米', 1),
  def('㎡', 'other', '平方米', 1),
  def('伏', 'other', '伏', 1),
];

/** Every unit, longest first so that 个工作日 wins over 个 and 千瓦 over the multiplier 千. */
export const UNITS: UnitDef[] = [...MONEY, ...DURATION, ...PERCENT, ...COUNT, ...OTHER]
  .sort((a, b) => b.written.length - a.written.length);

/** Multipliers written between a number and its unit (1.5万家, 59.68亿元, 3千万元), longest first. */
export const MULTIPLIERS: [string, number][] = [
  ['万亿', 1e12], ['千亿', 1e11], ['百亿', 1e10], ['十亿', 1e9], ['千万', 1e7], ['百万', 1e6], ['十万', 1e5],
  ['亿', 1e8], ['万', 1e4], ['千', 1e3], ['百', 1e2],
];

export function multiplierValue(m: string): number {
  if (m === '') return 1;
  const hit = MULTIPLIERS.find(([w]) => w === m);
  return hit ? hit[1] : 1;
}

/** The unit written at `pos` in `text`, if any. */
export function unitAt(text: string, pos: number): UnitDef | null {
  for (const u of UNITS) if (text.startsWith(u.written, pos)) return u;
  return null;
}

/** The multiplier written at `pos` in `text`, if any ('' when none). */
export function multiplierAt(text: string, pos: number): string {
  for (const [w] of MULTIPLIERS) if (text.startsWith(w, pos)) return w;
  return '';
}
