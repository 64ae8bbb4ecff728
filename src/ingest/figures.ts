// Extract stage: the figures a case text reports (metrics.parquet) — every number that carries a
// unit, with the exact phrase it was read from. Pure: runs in Node and in the browser.
//
// Rules (each has tests in tests/ingest/figures.test.ts):
// - A figure is a number followed by a unit (figures-units.ts). A number without a unit is not a
//   figure: that alone rules out list numbering (1. / 01 / （一） / 一是), document numbers
//   (〔2023〕12号), hotlines (12345), and most codes.
// - `value` is the number as written, `unit` the multiplier + unit as written with approximation
//   markers left out: 1.5万余家 → value 1.5, unit 万家, value_norm 15000, unit_norm 家; 59.68亿元 →
//   value 59.68, unit 亿元, value_norm 596800 (万元). Chinese numerals follow the same rule (三万元 →
//   3, 万元). A bare multiplier (服务群众1.2万。) is kind 'other', unit 万, unit_norm ''.
// - Approximations (超过, 近, 逾, 约, 余, 多, 以上, 左右) keep the number; they stay in `text`.
// - Not figures: dates (2023年, 9月4日, 今年5月, 2021—2023年, 15日起), ordinals (第二批, 第7期),
//   numbers glued to Latin letters or signs (5G, KD6262, 4·26, 7×24小时, 1+N, 9:30), numbers with a
//   leading zero (01, 0591). 日 is a duration only in "X日内", after 超过/最长/需/仅/用时… or on either side of a
//   change (由30日压缩至15日); 年 only for amounts below 1000 (3年, 近五年), never a 4-digit year.
// - Chinese numerals count only before a unit (三个工作日, 两天), not inside quotes (“三个一”),
//   not after 第/几/数/上/成 or inside words (统一, 唯一), and not as "one of a thing" (一次办, 一张网,
//   一件事: the count 1 is a slogan, not a figure; 一天 / 一个工作日 are kept, durations are real).
// - "19条措施" is a count of measures (unit 条); "第16条" (an article) is an ordinal, not a figure.
// - Before/after ("从20个工作日压缩至3个工作日", "由5天缩短至1天", "X天压缩到Y天" — a change verb
//   before 至/到/为 is required; "从39㎡至327㎡" without one is a range, see below): ONE figure whose
//   text is the whole phrase, value/unit the after side, and before_value / after_value both in
//   unit_norm (days, 万元, …) so that they compare with value_norm even when the two sides use
//   different units (从2小时缩短至30分钟). A noun between the first side and the verb (由5个环节减少为2个) only
//   where the sentence makes the first side the before: after 从/由, as the object of 将/把, or counted again on
//   the after side (4个环节合并为1个环节). 一个 after a change verb is the after side (由四个减少到一个), not a slogan.
// - Shares in words (三分之一, 一半, 三成) are percents: figures-shares.ts.
// - Ranges ("2-3项", "3至5个工作日", "1万至2万元"): ONE figure whose value is the upper bound (what
//   the practice commits to at most / the ceiling of a subsidy); before/after stay null.
import type { Figure, MetricKind, Section } from './types.ts';
import { ASCII_NUMBER, CHINESE_NUMBER, foldDigits, parseAsciiNumber, parseChineseNumeral } from './figures-numbers.ts';
import { shareAt } from './figures-shares.ts';
import { MULTIPLIERS, UNITS, multiplierAt, multiplierValue, unitAt, type UnitDef } from './figures-units.ts';

/** A single number + unit found in the text, before pairs and ranges are merged. */
interface Atom {
  numStart: number;
  /** End of the unit and any trailing 内/以上/左右. */
  end: number;
  value: number;
  multiplier: string;
  unit: UnitDef | null; // null: a bare multiplier (1.2万)
  /** A figure only as the after side of a stated change (由四个减少到一个); alone it is a slogan (一个窗口). */
  onlyInChange?: boolean;
}

const NUMBER = `${ASCII_NUMBER}(?![\\d,])|${CHINESE_NUMBER}|半`;
const NUMBER_RE = new RegExp(`${ASCII_NUMBER}|${CHINESE_NUMBER}|半`, 'g');
const APPROX = '余|多';
const TAIL_RE = /^(?:以上|以内|之内|内|左右)/;
const HAN_RE = /\p{Script=Han}/u;
/** Shares written in words (三分之一, 一半, 三成) are percent figures. */
const PERCENT_UNIT = unitAt('%', 0)!;

/** Signs and letters that make a digit part of a code, time, model name or formula, not a figure. */
const GLUED_BEFORE = /[A-Za-z·•./×*+_#〔[@]/;
const GLUED_AFTER = /[A-Za-z·•×*+_#]/;
/** Characters before a Chinese numeral that make it an ordinal, a vague amount or part of a word. */
const CJK_NUMERAL_BLOCKERS = new Set([...'第几数上成统唯同单逐之周初一期星拜每前后']);
/** Prefixes that let a Chinese numeral start with 百/千/万 (近百家, 逾千人, 超万户; also 百余家, 千余册). */
const ROUND_APPROX = new Set([...'近逾超约']);

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');
const UNIT_ALT = UNITS.map((u) => esc(u.written)).join('|');
const MULT_ALT = MULTIPLIERS.map(([m]) => m).join('|');

/** A number with optional approximation, multiplier and unit, as the first side of a pair or range. */
const SIDE = `(${NUMBER})(?:${APPROX})?(${MULT_ALT})?(?:${APPROX})?(${UNIT_ALT})?(?:以上|以内|之内|内|左右)?`;
// 变为 / 整合为 / 合并为 say what several things became (由三个变为一个, 将5个事项整合为1个环节): a change as much as 压缩至.
const CHANGE_VERBS = '压缩|压减|缩短|缩减|缩|减少|减|降低|下降|降|提升|提高|增加|增长|增|扩大|精简|优化|提速|延长|放宽|变|整合|合并|归并|简化';
/** Text that ends with a change verb and its 至/到/为 (…压缩至, 减少到, 变为): what follows is the after side. */
const AFTER_CHANGE_VERB = new RegExp(`(?:${CHANGE_VERBS})(?:了)?(?:至|到|为|成)(?:了)?$`);
/** Text that starts with a change verb (30日压缩至…): what precedes is the before side. */
const BEFORE_CHANGE_VERB = new RegExp(`^(?:的)?(?:大幅|进一步|逐步)?(?:${CHANGE_VERBS})`);
const CHANGE_RE = new RegExp(
  // 由原来的跑4个部门变为跑1个窗口: 跑 (visits) may stand before either side's number.
  `(?:(从|由)(?:原来的|原先的|原本的|过去的|以往的|之前的|改革前的|原|最长|最短|最多|最少|平均|法定的?|承诺的?|的|跑)*)?` +
    `(?:(?:${NUMBER})(?:${MULT_ALT})?\\s*[-~—–至]\\s*)?` + // a range as the before side: 从3—5天缩短至…
    SIDE +
    // 由5个环节减少为2个: what the first side counts may stand between it and the verb (only after 从/由, below).
    `(?:(?:的)?(?<noun>[\\u4e00-\\u9fff]{1,4}?)(?=(?:的)?(?:大幅|进一步|逐步|分别|整体|全面)?(?:${CHANGE_VERBS})))??` +
    `(?:的)?(?:(?:大幅|进一步|逐步|分别|整体|全面)?(?<verb>${CHANGE_VERBS})(?:了)?)?(?:至|到|为|成)` +
    `(?:了)?(?:最短|最快|最多|最长|最低|最高|仅|只需|仅需|平均|目前的|现在的|现在|承诺的|承诺|的|跑)*` +
    `(?:(?:${NUMBER})(?:${MULT_ALT})?\\s*[-~—–]\\s*)?$`, // a range as the after side: …缩短至15—30分钟
  'd',
);
const RANGE_RE = new RegExp(`(?:从|由)?${SIDE}\\s*(?:-|~|—|–|至|到)\\s*$`, 'd');

function parseNumber(s: string): { value: number; multiplier: string } | null {
  if (s === '半') return { value: 0.5, multiplier: '' };
  if (/^\d/.test(s)) return { value: parseAsciiNumber(s), multiplier: '' };
  return parseChineseNumeral(s);
}

/** True when position `pos` lies inside “…” (on the same line): slogans and names, not figures. */
function insideQuotes(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0 && i >= pos - 30; i--) {
    const c = text[i];
    if (c === '“') return true;
    if (c === '”' || c === '\n') return false;
  }
  return false;
}

/** Unit-specific context rules: dates and other look-alikes that use a unit character. */
function unitFitsContext(u: UnitDef, value: number, text: string, numStart: number, unitEnd: number): boolean {
  const next = text[unitEnd] ?? '';
  const prev = text[numStart - 1] ?? '';
  switch (u.written) {
    case '日': // 9月4日, 15日起 are dates; 5日内, 最长不超过5日 and either side of 由30日压缩至15日 are durations
      return prev !== '月' &&
        (/^(?:内|以内|之内)/.test(text.slice(unitEnd)) || /(?:超过|最长|最多|需|仅|用时|耗时|期限为|时限为)$/.test(text.slice(0, numStart)) ||
          BEFORE_CHANGE_VERB.test(text.slice(unitEnd, unitEnd + 8)) || AFTER_CHANGE_VERB.test(text.slice(Math.max(0, numStart - 8), numStart)));
    case '年':
      return value < 1000 && !/[度代级月底初末]/.test(next);
    case '周':
      return !/[年岁]/.test(next);
    case '人':
      return next !== '民';
    case '元':
      return !/[素旦宵]/.test(next);
    default:
      return true;
  }
}

function readAtom(text: string, m: RegExpExecArray): Atom | null {
  const raw = m[0];
  const numStart = m.index;
  const prev = text[numStart - 1] ?? '';
  const isDigits = /^\d/.test(raw);
  let numText = raw;
  if (isDigits) {
    if (GLUED_BEFORE.test(prev) || GLUED_AFTER.test(text[numStart + raw.length] ?? '')) return null;
    // 9:30 is a time; a colon after a word (即:1小时确认) is punctuation, as these texts often write it.
    if (/[:：]/.test(prev) && /\d/.test(text[numStart - 2] ?? '')) return null;
    if (/^[:：]\d/.test(text.slice(numStart + raw.length))) return null;
    if (/^0\d/.test(raw)) return null; // 01 numbering, 0591 area codes
  } else {
    if (insideQuotes(text, numStart) || CJK_NUMERAL_BLOCKERS.has(prev)) return null;
    if (/^[百千万亿]/.test(raw)) {
      if (!ROUND_APPROX.has(prev) && !/^[余多]/.test(text.slice(numStart + raw.length))) return null;
      numText = '一' + raw; // 近百家 → about 100
    }
    if (raw === '半' && /[上下大多一]/.test(prev)) return null; // 上半年, 一半
  }
  if (prev === '第') return null;
  const parsed = parseNumber(numText);
  if (!parsed || !Number.isFinite(parsed.value)) return null;
  const share = shareAt(text, numStart, raw);
  if (share) {
    const tail = TAIL_RE.exec(text.slice(share.end));
    return { numStart, end: share.end + (tail ? tail[0].length : 0), value: share.percent, multiplier: '', unit: PERCENT_UNIT };
  }

  let pos = numStart + raw.length;
  let multiplier = parsed.multiplier;
  if (/^[余多]/.test(text.slice(pos))) pos++;
  let unit = unitAt(text, pos);
  if (!unit && multiplier === '') {
    multiplier = multiplierAt(text, pos);
    pos += multiplier.length;
    if (/^[余多]/.test(text.slice(pos))) pos++;
    unit = unitAt(text, pos);
  }
  if (raw === '半' && unit?.kind !== 'duration') return null;
  if (!unit) {
    // A bare 万/亿 after digits is still an amount (服务群众1.2万); anything else without a unit is not.
    if (!isDigits || !/[万亿]/.test(multiplier)) return null;
    return { numStart, end: pos, value: parsed.value, multiplier, unit: null };
  }
  const unitEnd = pos + unit.written.length;
  if (!unitFitsContext(unit, parsed.value * multiplierValue(multiplier), text, numStart, unitEnd)) return null;
  // "one of a thing" in Chinese numerals (一次办, 一张网, 一件事) is a slogan, not a count — unless a change
  // ends in it (环节由四个减少到一个): then it is the after side, kept if the change has a before side.
  let onlyInChange = false;
  if (!isDigits && unit.kind === 'count' && parsed.value * multiplierValue(multiplier) === 1) {
    if (!AFTER_CHANGE_VERB.test(text.slice(Math.max(0, numStart - 8), numStart))) return null;
    onlyInChange = true;
  }
  // 三位一体, 两个一: a numeral + measure word + 一 is a slogan.
  if (!isDigits && text[unitEnd] === '一') return null;
  // 一类、二类、三类 name classes (of permits, risks), not amounts.
  if (!isDigits && unit.written === '类') return null;
  // A duration followed by another number is a rate's period (一周1班, 每天2次), not a figure.
  if (unit.kind === 'duration' && /^[\d一二两三四五六七八九十]/.test(text.slice(unitEnd))) return null;
  const tail = TAIL_RE.exec(text.slice(unitEnd));
  return { numStart, end: unitEnd + (tail ? tail[0].length : 0), value: parsed.value, multiplier, unit, onlyInChange };
}

const round = (x: number) => Number(x.toPrecision(12));

function normalise(value: number, multiplier: string, unit: UnitDef | null): number {
  const v = value + (unit?.plusHalf ? 0.5 : 0);
  return round(v * multiplierValue(multiplier) * (unit ? unit.factor : 1));
}

// The words before a number that make its phrase readable, without a segmenter: a few character
// classes decide how far back to go (see leadStart).
/** Conjunctions and particles: the phrase starts after them (和5个 → 5个). */
const LEAD_STOP = new Set([...'和及与或等的在了是有对并且而、']);
/** One-character words that introduce an amount on their own (共48个, 达43.4%, 近20个, 翻9倍). */
const LEAD_SINGLE = new Set([...'共达约近逾超仅已均总占翻']);
/** A two-character verb + 了 (缩短了, 节省了): the phrase reaches over 了 to the verb. */
const LE_AFTER_VERB = new RegExp(`(?:${CHANGE_VERBS}|节省|节约|提速)了$`);
/** Two-character words that end in a LEAD_SINGLE character: the phrase takes the word, not its last half (均90天). */
const LEAD_WORDS = new Set(['平均', '人均', '户均', '高达', '长达', '多达', '将近', '接近', '总共', '一共', '大约', '仅仅']);
/** Last characters of three-character words (占有率, 满意度, 原则上, 范围内). */
const LEAD_TRIPLE = new Set([...'率度上内中']);

/**
 * Start of the readable phrase ending at `pos`: the word before the number that says what it is
 * (贷款59.68亿元, 增长18.96%, 压缩至3个工作日, 共48个), never reaching back past `limit` (the end of
 * the previous figure) or across punctuation. Default two Han characters, three
 * for a verb + 至/到/为 (压缩至, 累计为) or a noun + 从/由 (时限由), adjusted by LEAD_* above.
 */
function leadStart(text: string, pos: number, limit: number): number {
  const back = (n: number) => text[pos - n] ?? '';
  const first = back(1);
  let want = 2;
  if (first === '了' && LE_AFTER_VERB.test(text.slice(Math.max(0, pos - 3), pos))) want = 3; // 缩短了71%: 了 marks the verb's aspect
  else if (LEAD_STOP.has(first)) want = 0;
  else if (LEAD_SINGLE.has(first)) want = LEAD_WORDS.has(back(2) + first) ? 2 : 1;
  else if (/[至到为从由]/.test(first)) want = LEAD_STOP.has(back(2)) ? 1 : LEAD_SINGLE.has(back(2)) ? 2 : 3;
  else if (LEAD_TRIPLE.has(first)) want = 3;
  let start = pos;
  while (start > limit && pos - start < want && HAN_RE.test(text[start - 1]) && !(start < pos && LEAD_STOP.has(text[start - 1]))) start--;
  // Never half of an adverb the lead reaches into (分别快12小时, not 别快12小时).
  if (start - 1 > limit && LEAD_ADVERBS.has(text.slice(start - 1, start + 1))) start--;
  return start;
}
/** Two-character adverbs a lead may end inside: the phrase takes the whole word. */
const LEAD_ADVERBS = new Set(['分别', '各自', '平均', '累计', '合计', '共计', '总计', '同比', '环比', '最多', '最快', '最短', '最长']);

/** Characters that end a clause: a phrase never reaches across them. */
const CLAUSE_END = /[，,。；;：:！!？?、（）()“”"《》【】\s]/;
/** How far a phrase may reach beyond the figure to find a word boundary, in characters. */
const REACH_BACK = 10;
const REACH_FORWARD = 6;
/** Particles that stand between words (unlike 在/有/对/是, which also begin words: 在线, 有效, 对接). */
const PHRASE_STOP = new Set([...'和及与或等的了并且而、']);
/** Verbs ending in 及 (涉及, 惠及, 普及 …): there 及 is no particle, and the phrase may open with the verb. */
const JI_VERB = /^[涉惠普危触波顾殃]及$/;
const jiVerbAt = (text: string, i: number) => text[i] === '及' && JI_VERB.test(text.slice(Math.max(0, i - 1), i + 1));
/** The particle at i, if text[i] is one (涉及 is a word, not 涉 + 及). */
const particleAt = (text: string, i: number) => PHRASE_STOP.has(text[i]) && !jiVerbAt(text, i);

/**
 * Start of the whole phrase: back from the heuristic lead start to a word boundary — the clause start,
 * a particle (LEAD_STOP) or the end of the previous figure — when one is near; otherwise the lead
 * start stays (a long clause without a boundary: better a short lead than half a sentence).
 */
function phraseStart(text: string, lead: number, numStart: number, limit: number): number {
  let start = lead;
  while (start > limit && numStart - start < REACH_BACK) {
    const c = text[start - 1];
    if (!HAN_RE.test(c) || CLAUSE_END.test(c)) return start;
    // 涉及金额… / 惠及企业…: the verb opens the phrase; 及时率…: the word 及时 does.
    if (jiVerbAt(text, start - 1)) return start - 2 >= limit ? start - 2 : start;
    if (c === '及' && text[start] === '时') return start - 1;
    if (particleAt(text, start - 1)) return start;
    if (/\d/.test(text[start - 2] ?? '')) return start; // 2023年累计…: the 年 belongs to a date

    start--;
  }
  if (start === limit) return start;
  // A lead naming the number's noun (许可证2860张), not a verb's (传送至107个) or a word of amount (共48个), may cut a word.
  const nounLead = !/[至到为从由了]/.test(text[numStart - 1] ?? '') && !LEAD_SINGLE.has(text[numStart - 1] ?? '');
  return (nounLead ? objectAfterVerb(text, start, lead) : null) ?? lead;
}

/** Verbs a counted object follows (已发放|行业综合许可证2860张, 累计审批|个体工商户1.3万户). */
const OBJECT_VERB = /(?:发放|核发|颁发|办理|审批|办结|受理|帮助|吸引|引进|培育|新增|新设|登记|注册|选聘|聘请|发展)$/;
/** Heads of nouns such a verb forms (受理中心, 审批系统, 办理时限, 办结率): there it is no verb, and its object no phrase's start. */
const NOUN_HEAD = /^(?:[率量数额度费]|中心|平台|系统|大厅|窗口|专区|机构|部门|事项|时间|时限|时长|用时|周期|环节|材料|流程|效率|业务量)/;

/**
 * Where no word boundary is near, the phrase opens right after the last verb before the number (已发放行业综合许可证
 * 2860张 → 行业综合许可证2860张) when that is further back than the short lead: the verb's object is whole, where the
 * lead of two characters may cut a word of three (可证2860张). Null when no such verb lies between `from` and `lead`.
 */
function objectAfterVerb(text: string, from: number, lead: number): number | null {
  // The latest verb wins: scan from the lead back.
  for (let at = lead - 1; at >= from + 2; at--) {
    if (OBJECT_VERB.test(text.slice(from, at))) return NOUN_HEAD.test(text.slice(at)) ? null : at;
  }
  return null;
}

/**
 * End of the whole phrase: a count or duration is followed by what it counts or times (1917个营业厅,
 * 25分钟抢修服务圈). The phrase takes those words when they end at a clause end or a particle within
 * REACH_FORWARD characters; words that run on into the next number are left to that number's phrase.
 */
function phraseEnd(text: string, end: number, kind: MetricKind): number {
  if (kind !== 'count' && kind !== 'duration') return end;
  let pos = end;
  // Where the counted words run on into the sentence's verb (12个个体工商户通过…, 186个个体工商户核发…), they end
  // before it: taken only when no clause end or particle is near, so a phrase that finds one is as before.
  let beforeVerb: number | null = null;
  while (pos < text.length && pos - end <= REACH_FORWARD) {
    const c = text[pos];
    if (CLAUSE_END.test(c) || particleAt(text, pos) || !HAN_RE.test(c)) {
      return /[\dA-Za-z]/.test(c) ? (beforeVerb ?? end) : pos;
    }
    if (/[零〇一二两三四五六七八九十百千万亿半]/.test(c)) return beforeVerb ?? end;
    if (beforeVerb === null && kind === 'count' && pos - end >= 2 && PREDICATE_VERB.test(text.slice(pos))) beforeVerb = pos;
    pos++;
  }
  return pos === text.length ? pos : (beforeVerb ?? end);
}

/** Verbs that open a clause's predicate after its counted subject or object (…个体工商户通过 / 办理 / 领取 …). */
const PREDICATE_VERB = /^(?:涉及|成功|顺利|已经|已|均|全部|分别|先后|陆续|通过|实现|提供|办理|领取|领到|获得|核发|发放|完成|办结|享受|享有|入驻|进驻|参与|纳入|开通|申领|签约|落户|受益|使用|注册|解决|提交|申请|取得|拿到|列入|接入|上线|实行|开展)/;

function figureOf(
  section: Section, original: string, start: number, atom: Atom,
  extra: Partial<Pick<Figure, 'beforeValue' | 'afterValue'>> = {},
  end = atom.end,
): Figure {
  const unit = atom.unit;
  const kind: MetricKind = unit ? unit.kind : 'other';
  return {
    section,
    text: original.slice(start, end),
    value: atom.value + (unit?.plusHalf ? 0.5 : 0),
    unit: atom.multiplier + (unit ? unit.unit : ''),
    kind,
    valueNorm: normalise(atom.value, atom.multiplier, unit),
    unitNorm: unit ? unit.norm : '',
    beforeValue: extra.beforeValue ?? null,
    afterValue: extra.afterValue ?? null,
  };
}

/** The unit definition a pair/range side was written with, by its written form. */
const unitByWritten = (w: string | undefined) => (w ? UNITS.find((u) => u.written === w) ?? null : null);

/** A figure with where its phrase lies in the section text (for readers of the context, measures.ts). */
export interface FigureSpan {
  figure: Figure;
  /** Phrase start and end in the section text (figure.text = text.slice(start, end)). */
  start: number;
  end: number;
  /** Where the (after-side) number starts and its unit (with 内/以上/左右) ends. */
  numStart: number;
  unitEnd: number;
}

export function extractFigures(section: Section, text: string): Figure[] {
  return extractFigureSpans(section, text).map((s) => s.figure);
}

export function extractFigureSpans(section: Section, text: string): FigureSpan[] {
  const folded = foldDigits(text);
  const atoms: Atom[] = [];
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(folded); m; m = NUMBER_RE.exec(folded)) {
    const atom = readAtom(folded, m);
    if (atom) {
      atoms.push(atom);
      NUMBER_RE.lastIndex = atom.end;
    }
  }

  // Figures in text order, with where each one's number starts and its phrase ends.
  const spans: FigureSpan[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const b of atoms) {
    const lastEnd = ends.at(-1) ?? 0;
    const lastButOneEnd = ends.at(-2) ?? 0;
    // The first side of a pair/range may be the previous figure, so the window reaches back over it.
    const windowStart = Math.max(lastButOneEnd, b.numStart - 40);
    const merged = mergeWithPrevious(folded, windowStart, b);
    if (b.onlyInChange && merged?.extra.beforeValue == null) continue;
    let start: number;
    let extra: Partial<Pick<Figure, 'beforeValue' | 'afterValue'>> = {};
    let limit: number;
    if (merged && merged.sideStart === starts.at(-1)) {
      // The first side was read as a figure of its own: it is part of this one now.
      spans.pop(); starts.pop(); ends.pop();
      limit = lastButOneEnd;
      start = phraseStart(folded, leadStart(folded, merged.phraseStart, limit), merged.phraseStart, limit);
      extra = merged.extra;
    } else if (merged && merged.phraseStart >= lastEnd) {
      limit = lastEnd;
      start = phraseStart(folded, leadStart(folded, merged.phraseStart, limit), merged.phraseStart, limit);
      extra = merged.extra;
    } else {
      limit = lastEnd;
      start = phraseStart(folded, leadStart(folded, b.numStart, limit), b.numStart, limit);
    }
    const end = phraseEnd(folded, b.end, b.unit ? b.unit.kind : 'other');
    spans.push({ figure: figureOf(section, text, start, b, extra, end), start, end, numStart: b.numStart, unitEnd: b.end });
    starts.push(b.numStart);
    ends.push(end);
  }
  return spans;
}

/** True when the number at `pos` is in the object of 将/把 (将[…的]15份材料…), within its clause. */
function objectOfJiang(folded: string, pos: number): boolean {
  return /[将把][^，,。；;：:！!？?\n“”]{0,16}$/.test(folded.slice(Math.max(0, pos - 17), pos));
}

/**
 * A before/after change or a range that ends at atom `b`, read from the text before it (from
 * `offset`). Returns where the phrase and its first side start, and before/after values for a change.
 */
function mergeWithPrevious(
  folded: string, offset: number, b: Atom,
): { phraseStart: number; sideStart: number; extra: Partial<Pick<Figure, 'beforeValue' | 'afterValue'>> } | null {
  if (!b.unit) return null;
  const before = folded.slice(offset, b.numStart);
  let change = CHANGE_RE.exec(before);
  // Without a verb it is not a change: "从39㎡至327㎡" spans a range (upper bound, like 2-3项). A noun after the
  // first side is read only where the sentence says the number is the before side: 从/由 X…, X as the object
  // of 将/把 (将需要的15份材料减少至6份, 将5个事项整合为1个环节 — the 把 construction: what X became), or the
  // after side counts the same thing (4个环节合并为1个环节).
  const noun = change?.groups?.noun;
  if (change && (!change.groups?.verb ||
    (noun && !change[1] && !objectOfJiang(folded, offset + change.indices![2]![0]) && !folded.startsWith(noun, b.end)))) {
    change = null;
  }
  const range = change ? null : RANGE_RE.exec(before);
  const m = change ?? range;
  if (!m || !m.indices) return null;
  const numGroup = change ? 2 : 1; // CHANGE_RE has 从/由 as group 1
  const sideNum = parseNumber(m[numGroup]);
  if (!sideNum) return null;
  const sideUnit = unitByWritten(m[numGroup + 2]);
  if (sideUnit && sideUnit.kind !== b.unit.kind) return null;
  const sideStart = offset + m.indices[numGroup]![0];
  // The first side must itself be a plain number (not 5G, not an ordinal, not a date like 2021—2023年).
  const prevChar = folded[sideStart - 1] ?? '';
  if (GLUED_BEFORE.test(prevChar) || prevChar === '第') return null;
  if (sideUnit && !unitFitsContext(sideUnit, sideNum.value, folded, sideStart, offset + m.indices[numGroup + 2]![1])) {
    return null;
  }
  const phraseStart = offset + m.indices[0]![0];
  // Ranges report the upper bound (see the header comment): no before/after.
  if (range) return { phraseStart, sideStart, extra: {} };
  // A side without a unit borrows the unit (and multiplier) of the other: 从20压缩至3个工作日, 1至2万元.
  const sideMult = m[numGroup + 1] ?? sideNum.multiplier;
  const aUnit = sideUnit ?? b.unit;
  const aMult = sideUnit || sideMult ? sideMult : b.multiplier;
  return {
    phraseStart,
    sideStart,
    extra: {
      beforeValue: normalise(sideNum.value, aMult, aUnit),
      afterValue: normalise(b.value, b.multiplier, b.unit),
    },
  };
}
