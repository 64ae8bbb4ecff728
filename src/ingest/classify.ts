// One indicator per case, with the terms that decided it. Where the document files the case under an
// indicator heading (Shaanxi), that heading is the label; otherwise a transparent keyword model
// (classify-terms.ts): title terms weigh more than body terms, repeated terms count with diminishing returns.
// The model admits ignorance: where the text names too little to choose, the case is filed under `other`
// (flag `unclassified`) with the weak hints it did find as alternatives — never under a default guess.
import type { CaseFlag, Classification } from './types.ts';
import { CLASSIFIABLE_CODES, INDICATORS, INDICATOR_CODES, UNCLASSIFIED } from './indicators.ts';
import { INDICATOR_TERMS, NEUTRAL_WORDS } from './classify-terms.ts';

export interface ClassifyInput {
  title: string;
  background: string;
  measures: string;
  outcomes: string;
  /** The heading the document files the case under, simplified, or null. */
  headingLabel: string | null;
}

/** A term found in a title counts this many times as much as one found in the body. */
const TITLE_WEIGHT = 3;
/**
 * Below this score the text says too little to choose and the case goes to `other`. One specific term
 * anywhere (融资 3.5, 不动产登记 6) or one typical term in the title (便民 2 × 3) decides; a single weak hint
 * in the body (银行 1.5, 调解 2.5) does not, it is only offered as an alternative.
 */
const MIN_SCORE = 3;
/** Other indicators are offered as alternatives when they reach this share of the winner's score. */
const ALT_SHARE = 0.35;
const MAX_ALTS = 3;
const MAX_EVIDENCE = 6;

/** Document heading wins (source 'document'); otherwise the keyword classifier. */
export function classifyCase(input: ClassifyInput): Classification {
  const blind = classifyBlind(input);
  const fromHeading = input.headingLabel ? headingToIndicator(input.headingLabel) : null;
  if (!fromHeading) return blind;
  const ranked = (blind.indicator === UNCLASSIFIED ? blind.alts : [blind.indicator, ...blind.alts]).filter((c) => c !== fromHeading);
  return {
    indicator: fromHeading,
    source: 'document',
    alts: ranked.slice(0, MAX_ALTS),
    evidence: [input.headingLabel!.trim()],
  };
}

/** The case flags a classification implies: `unclassified` for a case filed under `other`. */
export function classificationFlags(c: Classification): CaseFlag[] {
  return c.indicator === UNCLASSIFIED ? ['unclassified'] : [];
}

/**
 * The classifier alone, ignoring any document heading (also used to measure agreement). A decided case
 * always names the terms that decided it; a case filed under `other` lists the indicators its weak hints
 * point to as alternatives (best first) and those hints as evidence (both empty when there were none).
 */
export function classifyBlind(input: ClassifyInput): Classification {
  const scores = scoreText(input.title, [input.background, input.measures, input.outcomes].join('\n'));
  const meansWeight = titleNamesProcedure(input.title) ? 0.5 : 1;
  // Ranked by score, the means of delivery counting less where the title names a procedure; offered as an
  // alternative by its full score.
  const ranked = CLASSIFIABLE_CODES.map((code) => ({ code, ...scores.get(code)!, rank: scores.get(code)!.score * (code === MEANS_INDICATOR ? meansWeight : 1) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.rank - a.rank || INDICATOR_CODES.indexOf(a.code) - INDICATOR_CODES.indexOf(b.code));
  const top = ranked[0];
  if (!top || top.score < MIN_SCORE) {
    const hints = ranked.slice(0, MAX_ALTS);
    return { indicator: UNCLASSIFIED, source: 'classifier', alts: hints.map((r) => r.code), evidence: strongestTerms(hints.map((r) => r.terms)) };
  }
  const alts = ranked
    .slice(1)
    .filter((r) => r.score >= Math.max(MIN_SCORE, top.score * ALT_SHARE))
    .slice(0, MAX_ALTS)
    .map((r) => r.code);
  return { indicator: top.code, source: 'classifier', alts, evidence: strongestTerms([top.terms]) };
}

/** Government services is how a reform is delivered (一件事, 网办, 一次办); the other indicators name what it reforms. */
const MEANS_INDICATOR = 'government_services';
/** A term this specific (企业开办 6, 不动产登记 6) names the procedure itself. */
const PROCEDURE_TERM_WEIGHT = 4;

/**
 * “一件事一次办”推动企业开办全程网办 reforms starting a business by government-service means: where the title
 * names another indicator's procedure by a specific term, that procedure is what the case reforms.
 */
function titleNamesProcedure(title: string): boolean {
  return [...scoreText(title, '')].some(
    ([code, { terms }]) => code !== MEANS_INDICATOR && [...terms.keys()].some((term) => INDICATOR_TERMS[code][term] >= PROCEDURE_TERM_WEIGHT),
  );
}

/** The terms that contributed most (each once), strongest first. */
function strongestTerms(contributions: Map<string, number>[]): string[] {
  const best = new Map<string, number>();
  for (const terms of contributions) for (const [term, c] of terms) best.set(term, Math.max(c, best.get(term) ?? 0));
  return [...best.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_EVIDENCE)
    .map(([term]) => term);
}

/** Every indicator's score, and what each term contributed to it. Exported for inspection and tests. */
export function scoreText(title: string, body: string): Map<string, { score: number; terms: Map<string, number> }> {
  const scores = new Map(CLASSIFIABLE_CODES.map((c) => [c, { score: 0, terms: new Map<string, number>() }]));
  const titleCounts = countTerms(title);
  const bodyCounts = countTerms(body);
  for (const term of TERM_OWNERS.keys()) {
    const strength = TITLE_WEIGHT * damp(titleCounts.get(term) ?? 0) + damp(bodyCounts.get(term) ?? 0);
    if (strength === 0) continue;
    for (const [code, weight] of TERM_OWNERS.get(term)!) {
      const s = scores.get(code)!;
      s.score += weight * strength;
      s.terms.set(term, (s.terms.get(term) ?? 0) + weight * strength);
    }
  }
  return scores;
}

/** 1, 2, 4, 10 occurrences count as 1, 1.7, 2.4, 3.3: a long body repeating a word does not drown the title. */
function damp(n: number): number {
  return n === 0 ? 0 : 1 + Math.log(n);
}

// term → [(indicator, weight)].
const TERM_OWNERS = new Map<string, [string, number][]>();
for (const [code, terms] of Object.entries(INDICATOR_TERMS)) {
  for (const [term, weight] of Object.entries(terms)) {
    const owners = TERM_OWNERS.get(term) ?? [];
    owners.push([code, weight]);
    TERM_OWNERS.set(term, owners);
  }
}
// First character → the terms and neutral words starting with it, longest first.
const STARTING_WITH = new Map<string, string[]>();
for (const word of new Set([...TERM_OWNERS.keys(), ...NEUTRAL_WORDS])) {
  const list = STARTING_WITH.get(word[0]) ?? [];
  list.push(word);
  STARTING_WITH.set(word[0], list);
}
for (const list of STARTING_WITH.values()) list.sort((a, b) => b.length - a.length);

/**
 * Term counts, reading the text left to right and taking at each position the longest term or neutral word
 * that starts there (forward maximum matching, the classic way to cut Chinese into words): a compound hides
 * the words inside it, and a word that merely overlaps a term does not count for it (提供暖心 is no 供暖,
 * 信用水平 no 用水).
 */
function countTerms(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  let i = 0;
  while (i < text.length) {
    const word = STARTING_WITH.get(text[i])?.find((w) => text.startsWith(w, i));
    if (!word) {
      i++;
      continue;
    }
    if (TERM_OWNERS.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    i += word.length;
  }
  return counts;
}

// ---------- document headings ----------

/** Other ways documents write an indicator heading; the indicator's own name_zh is always accepted. */
const HEADING_ALIASES: Record<string, string[]> = {
  starting_business: ['企业开办'],
  labor_market: ['劳动力市场', '劳动力市场监管'],
  construction_permits: ['建筑许可', '工程建设项目审批', '工程建设审批'],
  government_procurement: ['政府采购'],
  bidding: ['招投标', '招标投标'],
  electricity: ['电力', '获得电力'],
  water_gas: ['获得用水', '获得用气', '用水用气', '获得用水用气', '水气报装'],
  registering_property: ['不动产登记', '登记财产'],
  credit: ['获得信贷', '信贷'],
  minority_investors: ['中小投资者', '保护中小投资者'],
  cross_border_trade: ['跨境贸易'],
  tax: ['纳税', '办税'],
  enforcing_contracts: ['执行合同'],
  insolvency: ['办理破产', '破产'],
  market_regulation: ['市场监管', '监管执法'],
  government_services: ['政务服务'],
  inclusive_innovation: ['包容普惠创新'],
  leaders_walk_process: ['一把手走流程', '走流程', '坐窗口', '跟执法'],
  complaints: ['投诉举报处理', '投诉举报', '投诉处理', '接诉即办'],
  ip: ['知识产权', '知识产权创造保护和运用'],
};

/** Numbering, quotes, punctuation and spaces carry no meaning in a heading. */
function normaliseHeading(heading: string): string {
  return heading
    .trim()
    .replace(/^(第?[一二三四五六七八九十\d]+[、.．章部分]|[(（][一二三四五六七八九十\d]+[)）])/, '')
    .replace(/[\s“”"'‘’「」『』《》、，,.。:：;；!！?？·()（）【】\-—]/g, '')
    .replace(/(指标|领域|方面|类)$/, '');
}

// `other` is no heading a document files cases under (其他 is not "unclassified").
const HEADING_TABLE: [string, string][] = INDICATORS.filter((ind) => ind.code !== UNCLASSIFIED).flatMap((ind) =>
  [ind.name_zh, ...(HEADING_ALIASES[ind.code] ?? [])].map((alias) => [normaliseHeading(alias), ind.code] as [string, string]),
).sort((a, b) => b[0].length - a[0].length);

/** A heading is short; a long line that merely mentions 纳税 is no heading. */
const MAX_HEADING_CHARS = 24;

/** Maps a document heading (e.g. 获得电力, 一把手走流程…) to a code, or null. */
export function headingToIndicator(heading: string): string | null {
  const h = normaliseHeading(heading);
  if (!h || h.length > MAX_HEADING_CHARS) return null;
  const exact = HEADING_TABLE.find(([alias]) => alias === h);
  if (exact) return exact[1];
  // A theme of the business-environment framework (持续优化政务服务环境, 市场环境, 法治环境) groups cases of many
  // indicators: it names none, even when it contains an indicator's words.
  if (/(?:环境|生态)$/.test(h)) return null;
  // Near variants: 优化开办企业服务, “一把手走流程、坐窗口…”活动 — the longest alias the heading contains.
  const contained = HEADING_TABLE.find(([alias]) => alias.length >= 2 && h.includes(alias));
  return contained ? contained[1] : null;
}

// ---------- agreement with a document's own headings ----------

export interface AgreementCase {
  /** The heading as written (or already a code). */
  heading: string;
  /** The blind classifier's code. */
  blind: string;
}

export interface Agreement<T extends AgreementCase = AgreementCase> {
  agree: number;
  /** Pairs whose heading maps to an indicator (others are not counted). */
  total: number;
  rate: number;
  /** The pairs that disagree, as given (so callers can carry their own fields), with the heading's code. */
  disagreements: (T & { expected: string })[];
}

/** How often the blind classifier agrees with the headings a document files its cases under. */
export function agreement<T extends AgreementCase>(cases: T[]): Agreement<T> {
  let agree = 0;
  let total = 0;
  const disagreements: Agreement<T>['disagreements'] = [];
  for (const c of cases) {
    const expected = CLASSIFIABLE_CODES.includes(c.heading) ? c.heading : headingToIndicator(c.heading);
    if (!expected) continue;
    total++;
    if (expected === c.blind) agree++;
    else disagreements.push({ ...c, expected });
  }
  return { agree, total, rate: total ? agree / total : 0, disagreements };
}
