// Measure stage: which figures are reform effects on a procedure — its time, steps, documents, visits
// or cost (the dimensions of the World Bank's Doing Business / B-READY) — and what they say before and
// after the reform. Reads the figures of figures.ts in their clause; adds the measures a text states
// without a number (零跑腿, 即时办结). Pure: runs in Node and in the browser.
//
// Rules (tests in tests/ingest/measures.test.ts; the contract in docs/data-contract.md):
// - dimension: `time` for durations of a procedure (办理时限, 1个工作日内办结, 用时从7天压缩到5天), and for
//   percent cuts of a time (办理时长下降80.5%); `steps` / `documents` / `visits` for counts and percent cuts
//   of 环节·流程·节点 / 材料·资料 / 跑动·跑腿·趟; `cost` for the cost of a procedure (成本降低30%, 零费用);
//   `cost_saving` for money saved (节省成本330万元, 减免利息700万元); `other_reduction` for any other
//   stated cut (审批事项由95项精简至69项, 减少重复咨询40%). Null for every other figure: counts served,
//   money lent, dates, shares (满意率, 占比), programme lengths (连续三年), opening hours (24小时在线),
//   service radii (15分钟服务圈), and year-on-year statistics (同比下降).
// - before_value / after_value (in unit_norm, days for time): a stated change sets both (figures.ts);
//   an after-only limit sets after (1个工作日内办结 → 1, 压缩至25分钟 → 25/1440); a change to no number
//   sets after by word (缩短至当场受理, 缩短到秒级 → 0); phrases without numbers: 即时办结 / 当场办结 → 0,
//   当天办结 / 当天放款 → 1, 零跑腿 / 不用跑 → 0 visits, 最多跑一次 → 1, 零材料 → 0 documents, 零费用 → 0 cost.
//   A before → after stated apart (改革前 … 改革后, a table of 原/现 columns) is paired by measures-apart.ts.
// - reduction_pct: a stated percent cut (压缩70% → 70; 压缩至法定时限的9%以内 → 91), else
//   100 × (before − after) / before for a cut with both sides.
import { extractFigureSpans, type FigureSpan } from './figures.ts';
import { foldDigits } from './figures-numbers.ts';
import { cutPercent, pairStatedApart, type Located } from './measures-apart.ts';
import { subjectAfter, subjectBefore, unquoted } from './measures-subjects.ts';
import type { Dimension, Figure, Section } from './types.ts';

export interface Measure extends Figure {
  dimension: Dimension | null;
  reductionPct: number | null;
}

/** Clauses end at these; a measure's context never reaches across them. 、 does not end a clause (lists). */
const CLAUSE_BREAK = /[，,。；;！!？?\n]/;
const SENTENCE_BREAK = /[。；;！!？?\n]/;

/** Verbs of a cut: a percent or a number after one of these (near it) is a reduction. */
const CUT_VERBS = /压缩|压减|缩短|缩减|减少|降低|下降|降至|精简|节约|节省|提速/;
/** Money after one of these is money saved. */
const SAVING_VERBS = /节省|节约|减免|减少|降低|省下|省去|减税|降费|减负|让利/;
/** Year-on-year and average-per-year statistics: outcomes of a period, not effects of a reform. */
const STATISTIC = /同比|环比|年均/;
/** Durations that are not the time a procedure takes. */
const NOT_PROCEDURE_TIME = /停电|通话|连续|力争|提前|提早|每|过去|近/;
/** Words before a duration that make it the time a procedure takes (or is cut to). */
const TIME_LEAD = /(?:时间|时限|时长|用时|耗时|周期|审限|仅需|只需|仅用|仅耗时|最快|最短|不超过|不超|压缩至|压缩到|压缩在|缩短至|缩短到|缩至|减至|降至|提速到|提速至|提升至|控制在|实现|平均|均|约|仅|需)[^，,。；;]{0,3}$/;
/** Words after a duration that make it a limit for doing something (5个工作日内办结). */
const TIME_TAIL = /^(?:以内|之内|内|左右)?(?:即可|均|可|就|予以|全部|自动|实地|拨付|完成)*(?:办结|完成|办理|办好|出具|反馈|答复|响应|解决|核查|确认|立案|受理|审核|审结|到账|出证|拿证|领证|送达|处置|处理|处|办)/;
/** A duration cut to a word, not a number: 缩短至当场受理, 缩短到秒级. */
const CUT_TO_WORD = /^(?:大幅|进一步)?(?:压缩|缩短|缩减|减少|降低|提速)(?:了)?(?:至|到|为)(?:现在的|目前的|最快|最短|仅需|只需)*(当场|即时|立即|实时|秒级|当天|当日|即办)[\p{Script=Han}]{0,4}/u;

/** Measures stated by a phrase alone: the after value in the dimension's unit_norm. */
interface WordMeasure {
  pattern: RegExp;
  dimension: Dimension;
  after: number;
  unit: string;
  kind: Figure['kind'];
}
/** What a procedure delivers: "when" + one of these (当场发证, 当天放款) states how long it takes. */
const DONE_VERBS = '办结|办理|受理|完成|办好|出证|发证|领证|拿证|审批|审结|放款|到账|出具|办妥';
const WORD_MEASURES: WordMeasure[] = [
  { pattern: new RegExp(`(?:即时|当场)(?:${DONE_VERBS})|即来即办|即办即结|立等可取`, 'g'), dimension: 'time', after: 0, unit: '天', kind: 'duration' },
  // 当天 means "within the day": counted as one day (docs/data-contract.md notes it).
  { pattern: new RegExp(`(?:当天|当日)(?:${DONE_VERBS})`, 'g'), dimension: 'time', after: 1, unit: '天', kind: 'duration' },
  // A time cut to a word with no number before it (…办证时间压缩至当天。): the after side alone.
  { pattern: /(?:压缩|缩短|缩减)(?:至|到|为)(?:当天|当日)(?=[，,。；;！!\n]|$)/g, dimension: 'time', after: 1, unit: '天', kind: 'duration' },
  { pattern: /(?:压缩|缩短|缩减)(?:至|到|为)(?:当场|即时|实时|秒级)(?=[，,。；;！!\n]|$)/g, dimension: 'time', after: 0, unit: '天', kind: 'duration' },
  { pattern: /零跑腿|零跑动|零跑路|零跑|一趟不用跑|一次不用跑|不用跑|不跑腿|不跑路/g, dimension: 'visits', after: 0, unit: '次', kind: 'count' },
  { pattern: /最多跑一次|最多跑一趟/g, dimension: 'visits', after: 1, unit: '次', kind: 'count' },
  { pattern: /零材料|零资料/g, dimension: 'documents', after: 0, unit: '份', kind: 'count' },
  { pattern: /零费用|0费用|零成本|零投资|零收费/g, dimension: 'cost', after: 0, unit: '万元', kind: 'money' },
];

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The clause around [start, end): from the last clause break before to the next one after. */
function clauseAround(text: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  while (from > 0 && !CLAUSE_BREAK.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !CLAUSE_BREAK.test(text[to])) to++;
  return { from, to };
}

/** The previous clause of the same sentence ('' at a sentence start). */
function previousClause(text: string, clauseFrom: number): string {
  if (clauseFrom === 0 || SENTENCE_BREAK.test(text[clauseFrom - 1])) return '';
  const end = clauseFrom - 1;
  let from = end;
  while (from > 0 && !CLAUSE_BREAK.test(text[from - 1])) from--;
  return text.slice(from, end);
}

interface Reading {
  dimension: Dimension | null;
  before?: number | null;
  after?: number | null;
  reductionPct?: number | null;
  /** Phrase end when the measure reaches further than the figure (…缩短至当场受理). */
  end?: number;
}

/** Reads one figure in its clause. `previous` is the reading of the figure before it in the same list (X、Y、Z). */
function readFigure(text: string, span: FigureSpan, previous: Reading | null): Reading {
  const f = span.figure;
  const { from, to } = clauseAround(text, span.start, span.end);
  // For a change, the lead reaches to the number of its after side (从5个工作日压缩至 …).
  const lead = text.slice(from, span.numStart);
  const tail = text.slice(span.unitEnd, to);
  const clause = text.slice(from, to);
  const hasChange = f.beforeValue !== null && f.afterValue !== null;
  const listFollower = Boolean(previous?.dimension) && /[、和及](?:约|近|超|仅)?$/.test(text.slice(from, span.numStart));

  switch (f.kind) {
    case 'duration': {
      if (hasChange) return { dimension: 'time' };
      const cutToWord = CUT_TO_WORD.exec(text.slice(span.unitEnd));
      if (cutToWord) {
        const after = /当天|当日/.test(cutToWord[1]) ? 1 : 0;
        return { dimension: 'time', before: f.valueNorm, after, end: span.unitEnd + cutToWord[0].length };
      }
      if (NOT_PROCEDURE_TIME.test(lead.slice(-6))) return { dimension: null };
      if (f.unitNorm !== '天' || /年$/.test(f.unit)) return { dimension: null }; // programme lengths (三年行动)
      if (/圈/.test(f.text + tail.slice(0, 8))) return { dimension: null }; // 15分钟服务圈: a radius
      // Round-the-clock service (24小时在线, 24小时不打烊) is opening hours, not a time limit.
      if (f.valueNorm === 1 && /小时$/.test(f.unit) && !/[内]$/.test(f.text) && !TIME_TAIL.test(tail)) return { dimension: null };
      // An absolute cut (缩短9天, 平均节约2个工作日): a time measure without before/after.
      // The lead without a range's lower side (压缩至3—) or an approximation (约, 超): what the number follows.
      const leadCore = lead.replace(/(?:[\d.]+|[一二两三四五六七八九十]+)\s*[-~—–至到]\s*$/, '').replace(/(?<!节)[约超近仅]$/, '');
      // (Not when 至/到/为/在 follows the verb: 缩短至平均90天 states the time after, not the cut.)
      if (/(?:缩短|减少|节约|节省|压缩|缩减|提速)[^，,。；;至到为在]{0,14}$/.test(leadCore)) {
        return { dimension: 'time' };
      }
      // Faster or shorter than a benchmark by so much (比全国平均水平快12小时, 较法定时限少5天): an absolute cut.
      if (/[较比][^，,。；;]{0,14}(?:快|少)(?:了)?(?:约|近)?$/.test(lead)) return { dimension: 'time' };
      // A baseline (较法定最长时限36个工作日): the before side of the clause before it.
      if (/[较比][^，,。；;]{0,8}$/.test(lead)) return { dimension: 'time', before: f.valueNorm };
      if (TIME_LEAD.test(lead) || TIME_TAIL.test(tail)) return { dimension: 'time', after: f.valueNorm };
      // The next item of a list reads as the one before it: a time after (1个、3个工作日) or a cut (快12小时和0.8小时).
      if (listFollower) return previous!.after === undefined && previous!.before === undefined ? { dimension: 'time' } : { dimension: 'time', after: f.valueNorm };
      return { dimension: null };
    }
    case 'percent': {
      if (/占|率[^，,]*(?:达|为)|满意|覆盖|增长|提升|提高|增加/.test(lead.slice(-8)) && !CUT_VERBS.test(lead.slice(-4))) {
        if (!(listFollower && previous?.reductionPct != null)) return { dimension: null };
      }
      const near = lead.slice(-12);
      const cutToShare = /(?:压缩|压减|缩短|降低|降)(?:至|到)[^，,。；;]{0,8}$/.test(near);
      const isCut = CUT_VERBS.test(near) || (listFollower && previous?.reductionPct != null);
      if (!isCut) return { dimension: null };
      // A rate cut to a level (贷款利率降至4.35%) states the rate after, not a share of the old one; a cut in
      // percentage points (下降0.6个百分点) is an absolute cut of a rate: neither is a percent reduction.
      const rateCutTo = cutToShare && /率[^，,。；;]{0,6}(?:压缩|压减|缩短|降低|降)(?:至|到)[^，,。；;]{0,8}$/.test(near);
      const inPoints = f.unitNorm === '百分点';
      let dimension = subjectBefore(unquoted(text.slice(from, span.unitEnd)));
      // 压缩60%以上的办理时间: what is cut may follow the percent, after 的.
      if (!dimension && /^(?:以上|左右)?的/.test(tail)) dimension = subjectBefore(tail.slice(0, 10));
      if (!dimension) dimension = listFollower ? previous!.dimension : subjectBefore(previousClause(text, from));
      if (!dimension) {
        if (STATISTIC.test(clause)) return { dimension: null };
        dimension = 'other_reduction';
      }
      if (hasChange) return { dimension };
      if (rateCutTo) return { dimension, after: f.value };
      if (inPoints) return { dimension };
      // 压缩至法定时限的9%以内: cut to 9 % of the statutory limit, i.e. by 91 %.
      return { dimension, reductionPct: cutToShare ? round1(100 - f.value) : f.value };
    }
    case 'count':
    case 'other': {
      // The words just before the phrase and the phrase itself up to the number (申报材料从58份精简至).
      const leadNear = unquoted(text.slice(Math.max(from, span.start - 6), span.numStart));
      let dimension = subjectAfter(tail) ?? subjectBefore(leadNear);
      if (dimension === 'time' || dimension === 'cost') dimension = null;
      // Cut by (减少2次) unless 至/到/为 follows the verb: 压减至2个 states the count after.
      const cutNear = /(?:压缩|压减|缩短|缩减|减少|减|降低|精简)[^，,。；;至到为]{0,3}$/.test(lead);
      const afterOnly = /(?:精简|压缩|减少|减|降)[^，,。；;]{0,6}(?:为|至|到)[^，,。；;]{0,12}$/.test(lead) || /实现|仅需|只需|仅/.test(clause.slice(0, Math.max(0, span.start - from)));
      if (hasChange) {
        if (f.afterValue! >= f.beforeValue!) return { dimension: dimension && dimension !== 'other_reduction' ? dimension : null };
        return { dimension: dimension ?? 'other_reduction' };
      }
      if (dimension) {
        if (afterOnly && !cutNear) return { dimension, after: f.valueNorm };
        if (cutNear) return { dimension };
        if (/跑/.test(leadNear)) return { dimension }; // 要跑两个部门: the state before, no limit stated
        return listFollower ? { dimension, after: previous?.after != null ? f.valueNorm : null } : { dimension: null };
      }
      if (cutNear && !STATISTIC.test(clause)) return { dimension: 'other_reduction' };
      if (afterOnly && /(?:精简|压缩|减少|减|降)(?:为|至|到)/.test(lead)) return { dimension: 'other_reduction', after: f.valueNorm };
      return { dimension: null };
    }
    case 'money': {
      if (hasChange) return { dimension: subjectBefore(lead) === 'cost' ? 'cost' : null };
      if (SAVING_VERBS.test(lead.slice(-10)) && !/贷款|融资|授信|投放/.test(lead)) return { dimension: 'cost_saving' };
      return { dimension: null };
    }
  }
}

/** Measures stated by words alone (零跑腿, 即时办结), outside the phrases of figures already read. */
function wordMeasures(section: Section, text: string, taken: [number, number][]): Located<Measure>[] {
  const found: Located<Measure>[] = [];
  for (const w of WORD_MEASURES) {
    w.pattern.lastIndex = 0;
    for (let m = w.pattern.exec(text); m; m = w.pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      found.push({
        at: start,
        end,
        measure: {
          section, text: m[0], value: w.after, unit: w.unit, kind: w.kind, valueNorm: w.after, unitNorm: w.unit,
          beforeValue: null, afterValue: w.after, dimension: w.dimension, reductionPct: null,
        },
      });
    }
  }
  return found;
}

/** The figures of a section text, each read as a reform measure or not, plus the measures stated in words. */
export function readMeasures(section: Section, text: string): Measure[] {
  const folded = foldDigits(text);
  const spans = extractFigureSpans(section, text);
  const read: Located<Measure>[] = [];
  const taken: [number, number][] = [];
  let previous: Reading | null = null;
  for (const span of spans) {
    const r = readFigure(folded, span, previous);
    const f = span.figure;
    const end = r.end ?? span.end;
    const before = r.before !== undefined ? r.before : f.beforeValue;
    const after = r.after !== undefined ? r.after : f.afterValue;
    const dimension = r.dimension;
    const reductionPct = r.reductionPct ?? (dimension ? cutPercent(before, after) : null);
    read.push({
      at: span.start,
      end,
      measure: {
        ...f,
        text: text.slice(span.start, end),
        beforeValue: dimension ? before : f.beforeValue,
        afterValue: dimension ? after : f.afterValue,
        dimension,
        reductionPct: dimension ? reductionPct : null,
      },
    });
    taken.push([span.start, end]);
    previous = r;
  }
  read.push(...wordMeasures(section, folded, taken).map((w) => ({ ...w, measure: { ...w.measure, text: text.slice(w.at, w.at + w.measure.text.length) } })));
  return pairStatedApart(folded, read.sort((a, b) => a.at - b.at)).map((r) => r.measure);
}
