// Line patterns of the segment stage. All match the simplified, width-folded form of a line
// (Line.simplified): （一） arrives as (一), ０１ as 01.

const CN_NUM = '一二三四五六七八九十百零〇两';

/** Roman numerals as Word and WPS number lists with them (Ⅰ、Ⅱ、 … Ⅻ, one character each). */
export const ROMAN = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ';

/** The capital numerals (大写数字) of cheques and designed articles' headings: 壹 = 一 … 拾 = 十. */
export const CAPITAL_NUMERALS = '壹贰叁肆伍陆柒捌玖拾';

/** Chinese numeral (一…九十九, or in capitals 壹…玖拾玖), digits or a Roman numeral character → number; null if not a numeral. */
export function parseNumeral(text: string): number | null {
  const s = text.replace(/[壹贰叁肆伍陆柒捌玖拾]/g, (c) => '一二三四五六七八九十'[CAPITAL_NUMERALS.indexOf(c)]);
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1 && ROMAN.includes(s)) return ROMAN.indexOf(s) + 1;
  const digit = (c: string) => '零一二三四五六七八九'.indexOf(c === '〇' ? '零' : c === '两' ? '二' : c);
  if (!new RegExp(`^[${CN_NUM}]+$`).test(s)) return null;
  if (s === '十') return 10;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? digit(m[1]) : 1) * 10 + (m[2] ? digit(m[2]) : 0);
  if (s.length === 1) return digit(s) > 0 ? digit(s) : null;
  return null;
}

/** How a document marks its cases. One document uses one family; the segmenter picks the one it uses. */
export type MarkerFamily = 'annex' | 'case' | 'series' | 'rank' | 'bracket' | 'circled' | 'chapter' | 'bare' | 'field';

export interface CaseMarker {
  family: MarkerFamily;
  no: number;
  /** Text after the marker on the same line (典型案例系列之一:南京市… → 南京市…), '' when none. */
  rest: string;
}

const NUM = `[${CN_NUM}\\d]{1,4}`;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

// Each family: a pattern whose group 1 is the number and group 2 (optional) the text after the marker.
const MARKER_PATTERNS: [MarkerFamily, RegExp][] = [
  ['annex', /^附件\s*(\d{1,3})$/],
  // 【案例1】 / 【典型经验做法之一】 / 【经验做法一】
  ['bracket', new RegExp(`^【\\s*(?:典型|优秀|创新|示范|最佳)?(?:实践)?(?:案例|经验做法|经验|做法|实践)?\\s*(?:之)?\\s*(${NUM})\\s*】\\s*[:]?\\s*(.*)$`)],
  ['series', new RegExp(`^(?:\\S{0,14}?)系列之(${NUM})(?:\\s*[:]\\s*(.*))?$`)],
  ['case', new RegExp(`^(?:典型|优秀|创新|示范|最佳)?(?:实践)?(?:案例|经验做法|经验|做法)\\s*(?:之)?\\s*[(]?(${NUM})[)]?\\s*(?:(?:[:|丨]|\\s)\\s*(.*))?$`)],
  // NO.1 / No.2 | 标题: how articles on WeChat number their cases.
  ['case', /^NO\s*\.\s*(\d{1,3})\s*(?:(?:[:|丨]|\s)\s*(.*))?$/i],
  // PART 01 / Part.2: another way WeChat articles head their cases.
  ['case', /^PART\s*\.?\s*(\d{1,3})\s*(?:(?:[:|丨]|\s)\s*(.*))?$/i],
  ['rank', /^排名\s*(?:第)?\s*(\d{1,3})\s*(?:名)?\s*(?:[:]\s*(.*))?$/],
  ['chapter', new RegExp(`^第\\s*(${NUM})\\s*(?:篇|个案例|例)(?:\\s*[:]\\s*(.*))?$`)],
  ['circled', new RegExp(`^([${CIRCLED}])\\s*(.*)$`)],
  ['bare', /^(\d{1,3})(?:\s+(\S.*))?$/],
  // — 01 — / -02-: how WeChat articles set a case's number between rules.
  ['bare', /^[—–\-~=]{1,4}\s*(\d{1,3})\s*[—–\-~=]{1,4}$/],
  // 壹丨沈阳市… / 贰 | …: designed articles number their cases in capital numerals, alone or before a bar.
  ['bare', new RegExp(`^([${CAPITAL_NUMERALS}]{1,3})(?:\\s*[|丨]\\s*(\\S.*))?$`)],
];

/** A form-like case sheet: 案例名称:甲市推行… (the cases are numbered by their order). */
const FIELD_MARKER = /^(?:(?:典型)?(?:案例|项目|经验|做法)(?:名称|标题|题目)\s*:|【(?:典型)?(?:案例|项目|经验|做法)(?:名称|标题|题目)】\s*:?)\s*(\S.*)$/;

/** Families whose marks also occur inside bodies (a bare 3, ① as a bullet): accepted only when they run in order. */
export const AMBIGUOUS_FAMILIES: ReadonlySet<MarkerFamily> = new Set(['circled', 'bare']);

/** A line that opens a case: 附件3 / 典型案例(二) / 案例3: 标题 / 系列之一 / 排名1 / 【案例1】 / ① 标题 / 第一篇 / 01. */
export function caseMarkerOf(text: string): CaseMarker | null {
  const field = FIELD_MARKER.exec(text);
  if (field) return { family: 'field', no: 0, rest: field[1].trim() };
  for (const [family, re] of MARKER_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const no = family === 'circled' ? CIRCLED.indexOf(m[1]) + 1 : parseNumeral(m[1]);
    if (no === null || no <= 0) continue;
    return { family, no, rest: (m[2] ?? '').trim() };
  }
  return null;
}

/** The case number a marker line carries (any family; 0 for a form's 案例名称:), or null. */
export function caseMarker(text: string): number | null {
  return caseMarkerOf(text)?.no ?? null;
}

/**
 * A paragraph of the notice's own around its cases: the one presenting them (现将第一批典型做法摘编如下 / 供各地学习借鉴 /
 * 予以推广) or the closing one (下一步,省政务办将…推动复制推广 / 各地各部门要…学习借鉴). No case speaks so of the cases.
 */
export function noticeRemark(text: string): boolean {
  const presents = /(?:现将|现予|现就).{0,40}(?:如下|印发|推广|发布|通报|公布)|(?:摘编|汇编|刊载|整理)如下|(?<![提可])供(?:各地|各级|各有关|各部门|全省|全市|大家).{0,12}(?:借鉴|参考)/.test(text);
  const closes =
    /^(?:下一步|今后|接下来|希望|各地各部门|各地区各部门|各地|各有关部门|请各地)/.test(text) &&
    /(?:复制推广|推广借鉴|学习借鉴|互学互鉴|各地各部门|各地区各部门|跟踪各地|好经验好做法)/.test(text);
  return presents || closes;
}

/**
 * The notice's own closing words after its last case, worded as the issuer speaking to its readers: the addressees and
 * what they are to do (各区县、各部门要… / 各州、市人民政府和省直有关部门要… / 希望各区…), the cases spoken of together
 * (以上经验做法… / 上述典型案例…), or the issuer's own next step (省营商办将持续跟踪…). A case tells what one place did;
 * it never addresses 各… nor speaks of the notice's cases as a set. Only the last case's trailing paragraphs are
 * tested (segment.ts): inside a body such a sentence would be read as text.
 */
export function closingParagraph(text: string): boolean {
  if (noticeRemark(text)) return true;
  // 各区县、各部门要… / 各市、县(市、区)要… / 希望各地… / 请各单位…: the addressees, then a modal verb.
  if (/^(?:希望|请|望)?各[^。;!?]{0,40}?(?:要|应当|应|务必|须|可)(?:[^。;]{0,6})?(?:结合|认真|充分|积极|进一步|主动|对照|借鉴|学习|抓好|加强|参照|立足|持续|切实|根据|因地制宜|以)/.test(text)) return true;
  if (/^希望各/.test(text)) return true;
  // 以上经验做法… / 上述典型案例…: the notice's cases spoken of together.
  // (以上做法实施以来,… / 上述举措… may tell one case's results: only the notice's words for its cases count.)
  // 这批典型经验做法… / 本批案例…: the same, with a demonstrative.
  if (/^(?:(?:以上|上述|这批|这些|本批|此次|本次)(?:[\d一二三四五六七八九十]{1,3}[个项条批])?(?:入选的?)?|入选的?)(?:典型|创新|优秀)?(?:经验做法|经验|案例|典型案例|典型做法)/.test(text)) return true;
  // 省营商办将… / 自治区营商环境建设领导小组办公室将持续…: the issuer's next step.
  return new RegExp(`^[^,。;]{2,30}(?:${ISSUER_HEAD})将(?:持续|继续|进一步|适时|及时|加强|会同|不断|定期|认真|全面)`).test(text);
}

/** How the bodies that issue these notices end their names (营商办, …领导小组办公室, …工作专班). */
const ISSUER_HEAD = '办公室|领导小组|专班|营商办|政务办|发展改革委|发改委|委员会|政府';

/**
 * A unit signing a paragraph at its end, after the last sentence: …减少60%。(供稿:长沙市数据资源局) / …压缩至1天。(宁波市发展改革委).
 * Returns the unit and the paragraph without it; null when the paragraph ends otherwise.
 */
export function trailingContributor(text: string): { who: string; rest: string } | null {
  const m = /^(.*[。!?;])\s*[(]((?:供稿|来稿|报送|推荐|申报|来源)(?:单位)?\s*:\s*)?([^():]{2,30})[)]$/.exec(text);
  if (!m) return null;
  const who = unitSigned(m[3]);
  // Labelled (供稿:…), or the bare name of an organisation (not an aside such as (以下简称“市数据局”)).
  if (!m[2] && (!ORG_SUFFIX.test(who) || /简称|公开|此件|特此/.test(who))) return null;
  return { who, rest: m[1] };
}

/** The unit's name in a signature, without the verb that may follow it: 宁波市发展改革委供稿 → 宁波市发展改革委. */
function unitSigned(text: string): string {
  return text.trim().replace(/(?<=\S{2})(?:供稿|提供|报送|推荐)$/, '');
}

/**
 * A paragraph that reports what came of a case, in a body without part headings: it opens with the time the results
 * are counted from or up to (截至2025年3月底 / 改革以来 / 平台运行以来 / 今年以来 / 累计… / 改革实施后) and gives figures.
 */
export function resultParagraph(text: string): boolean {
  const opens =
    /^(?:全[市省区县州盟旗])?(?:截至|截止|目前|今年以来|去年以来|近年来|累计|已有|经过改革|改革实施后|通过(?:改革|上述|以上|这些)|(?:改革|实施|运行|试点|上线|推行|启用|投用|运营|开通)后[,])/.test(text) ||
    /^[^,。;:]{0,12}(?:以来|至今)[,]/.test(text) ||
    // 2024年,东兴市…产值达58亿元,带动边民增收1.9亿元: a year's results; 2023年,甲市出台…,设立… dates a measure.
    (/^(?:19|20)\d\d年(?:全年|上半年|前三季度)?[,]/.test(text) && RESULT_WORD.test(text) && !MEASURE_VERB.test(text));
  return (opens && /\d/.test(text)) || changeReport(text);
}

/**
 * A paragraph that opens by stating what the reform changed in the procedure — its time, steps, documents, visits or
 * cost, with figures (项目从拿地到开工平均用时由120天缩短至30天以内。 / 审批环节平均减少50%,…) — and tells of no
 * measure: a result told without a time opener. A bullet (二是…) or a paragraph with a measure verb (将审批环节由11个
 * 精简至4个, 推行…) is a measure, whatever its figures.
 */
function changeReport(text: string): boolean {
  const firstSentence = text.split(/[。;!?]/)[0];
  return CHANGE_CLAUSE.test(firstSentence) && /\d/.test(firstSentence) && !MEASURE_VERB.test(text) && !CHANGE_MEASURE.test(text) && !numberedBullet(text) && !/^(?:将|对|把|通过)/.test(text);
}

/** Verbs that, beside a stated change, tell how it was done (…压缩至5个工作日,实行“容缺受理”): a measure. */
const CHANGE_MEASURE = /实行|推动|整合|简化|优化流程|取消|下放|明确|规定|要求/;

/** What a procedure takes (用时, 时限, 环节, 材料, 跑动次数, 成本 …), then within a few words how it changed (由…压缩至…). */
const CHANGE_CLAUSE =
  /(?:时间|时限|用时|时长|周期|环节|材料|要件|次数|成本|费用|利率|天数|流程)[^,;。]{0,14}?(?:压缩|缩短|减少|压减|精简|降低|下降|减至|降至|降为|缩减|减为)/;

/** Words that report results (达58亿元, 带动增收, 惠及, 同比增长) … */
const RESULT_WORD = /达到?|突破|增长|同比|带动|惠及|节省|节约|累计|共计|减少|缩短|提升|提高/;
/** … and verbs that tell what was done (出台, 设立, 建立): a paragraph with one is a measure, whatever its date. */
const MEASURE_VERB = /出台|制定|印发|设立|建立|成立|组建|推出|启动|开展|实施|推行|搭建|建设|上线|开通|引进|组织/;

/** A line naming who contributed the case: (福州市市场监管局) / 供稿单位:… / 报送单位:… / ——福州市市场监管局. */
export function contributorLine(text: string): string | null {
  const m = /^(?:(?:供稿|报送|推荐|来稿|申报)(?:单位|部门)\s*:|【(?:供稿|报送|推荐|来稿|申报)(?:单位|部门)】\s*:?)\s*(\S.{0,40})$/.exec(text);
  if (m) return m[1];
  // (福州市市场监管局) / (供稿:绵阳市营商办): the unit's name without its label.
  const p = /^[(](?:(?:供稿|来稿|报送|推荐|申报)(?:单位)?\s*:\s*)?([^():]{2,30})[)]$/.exec(text);
  if (p && ORG_SUFFIX.test(unitSigned(p[1])) && !/公开|此件|特此/.test(p[1])) return unitSigned(p[1]);
  // ——贵阳市大数据发展管理局: a unit signing the case under its title (not a subtitle such as ——…工作纪实).
  // ——威海市 / ——青岛市西海岸新区: the place presenting it (a short name, no quote, no verb after it).
  const d = /^[—－-]{1,2}\s*([^—－\-:,。]{2,30})$/.exec(text);
  if (d && (ORG_SUFFIX.test(d[1]) || (/(?:市|区|县|州|盟|旗)$/.test(d[1]) && [...d[1]].length <= 15 && !/[“”"「」]/.test(d[1])))) return d[1];
  return bylineUnit(text) ? text : null;
}

/**
 * A byline: the presenting unit's name alone on its line, unmarked (昆明市自然资源和规划局, 河口海关, 国网昆明供电公司),
 * as notices print it under a case's title. A body's name — a place's organ or a body whose name says what it is —
 * with no verb, mark or quote in it.
 */
function bylineUnit(text: string): boolean {
  if (!/^[\u4e00-\u9fa5()（）]{4,25}$/.test(text) || !ORG_SUFFIX.test(text)) return false;
  if (BYLINE_VERB.test(text)) return false;
  const placed = /^(?:[\u4e00-\u9fa5]{1,8}?(?:省|市|州|县|区|盟|旗)|国家|国网|中国|自治区)/.test(text);
  return placed || /(?:海关|海事局|法院|检察院|供电公司|供电局|分行|支行|管委会)$/.test(text);
}
/** Words of a title's action: a line holding one is a title, not a unit's name (…局推行…). */
const BYLINE_VERB = /(?:推行|推进|推动|打造|创新|构建|建立|实施|探索|深化|优化|实现|开展|助力|赋能|破解|提升|强化|聚焦|通办|一站|模式|机制|改革)/;

/** A title set off whole in lenticular brackets: 【企业注销“一网通办”】 (its words in group 1). */
export const LENTICULAR_TITLE = /^【\s*([^【】]{4,58}?)\s*】$/;

/** Ends like the name of an organisation (an issuer or contributor line). */
export const ORG_SUFFIX = /(?:办公室|委员会|小组|厅|局|委|办|政府|法院|检察院|中心|公司|司|集团|银行|海关|院|会|署|站|处|室)$/;

/** Editor's notes and the like: about the notice, not part of any case. */
export function editorNote(text: string): boolean {
  return /^(?:【?编者按】?|编者的话|编辑按|按语)\s*[:]?/.test(text);
}

/** A bullet or sub-heading inside a body: (一) / 一、 / 1. / 1、 / 一是 / ① … */
export function numberedBullet(text: string): boolean {
  return new RegExp(`^(?:[(<〈][${CN_NUM}\\d]{1,3}[)>〉]|[${CN_NUM}]{1,3}\\s*[、.]|\\d{1,2}\\s*[、.)](?!\\d)|[${CN_NUM}]{1,2}是|[${CIRCLED}]|[${ROMAN}]\\s*[、.])`).test(text);
}

/** The title line of a notice itself (关于印发…的通知, …典型经验做法(第二批), …名单公布): never a case title. */
export function noticeTitle(text: string): boolean {
  return (
    /^关于.{2,80}的(?:通知|通报|函|公告)$/.test(text) ||
    /.{2,60}关于.{2,80}的(?:通知|通报|函|公告)$/.test(text) ||
    // …典型案例(第二批) / …(2025年第二批) / …汇编(第五期)
    /(?:典型经验|经验做法|典型案例|典型做法|实践案例|创新案例|最佳实践|优秀案例)(?:案例)?(?:名单|汇编|清单)?(?:公布|发布)?\s*(?:[(](?:(?:\d{4}\s*年度?\s*)?第[^()]{1,4}[批期辑]|\d{4}\s*年度?)[)])?$/.test(text)
  );
}

/** A title-like line: short, no sentence-final punctuation, not a part heading, date, furniture or bullet. */
export function titleLike(text: string): boolean {
  const n = [...text].length;
  return (
    n >= 4 &&
    n <= 60 &&
    !endsLikeProse(text) &&
    partHeading(text) === null &&
    dateLine(text) === null &&
    !monthLine(text) &&
    !isFurniture(text) &&
    !editorNote(text) &&
    contributorLine(text) === null &&
    !numberedBullet(text) &&
    !issuerDateLine(text) &&
    !/^[(].*[)]$/.test(text)
  );
}

/** The issuer and the date on one line (市营商环境建设办公室 2025-03-06 / 四川省人民政府办公厅 二〇二五年九月): a header line. */
export function issuerDateLine(text: string): boolean {
  const m = /^(\S{2,30}?)\s+(\S.*)$/.exec(text);
  return m !== null && ORG_SUFFIX.test(m[1]) && (dateLine(m[2]) !== null || monthLine(m[2]));
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

// A part heading is a head noun saying which part follows, after at most a couple of modifiers that
// notices put before it (主要/具体/改革/实践/取得的 …): 基本情况, 主要做法, 实践效果, 改革成效, 经验启示. A grammar
// rather than a list of whole headings, because every province words these a little differently; but only
// these words, so that a sub-heading inside a body (优化服务机制) is never read as one.
const PART_MODIFIER = '(?:主要|具体|基本|工作|创新|改革|实践|实施|经验|典型|应用|案例|项目|重点|特色|初步|阶段性|取得的?|已取得的?|问题|社会|经济|推广)';
const partRule = (heads: string) => new RegExp(`^${PART_MODIFIER}{0,2}(?:${heads})$`);
const PART_KEYWORDS: [RegExp, PartName][] = [
  // 主要做法和成效 / 做法及成效: one part holding both, read as measures.
  [new RegExp(`^${PART_MODIFIER}{0,2}(?:做法|举措|措施)(?:和|及|与|、)${PART_MODIFIER}{0,2}(?:成效|效果|成果)$`), 'measures'],
  [partRule('背景(?:情况|描述|介绍)?|基本情况|情况简介|基本概况|概况|简介|现状|动因'), 'background'],
  [partRule('做法|举措|措施|创新点|改革内容'), 'measures'],
  [partRule('成效|效果|成果|效益|成绩|启示|经验与启示|经验和启示|推广价值|借鉴意义'), 'outcomes'],
  // What a case plans next closes its text with its outcomes.
  [/^下一步(?:计划|工作|打算|工作打算|工作计划|思路|举措)?$/, 'outcomes'],
];

const PART_PREFIX = new RegExp(`^(?:[${CN_NUM}]{1,3}\\s*[、.]|[(][${CN_NUM}]{1,3}[)]|\\d{1,2}\\s*[、.])\\s*`);

function partOf(core: string): PartName | null {
  if (core.length > 12) return null;
  for (const [re, part] of PART_KEYWORDS) if (re.test(core)) return part;
  return null;
}

/**
 * A body part heading → which part it opens, and the text that follows it on the same line ('' for a heading
 * on its own line): 一、背景情况 / 二、主要做法和成效: / 【主要做法】 / 三、取得成效:全市已有… .
 */
export function partHeadingSplit(text: string): { part: PartName; rest: string; no: number | null } | null {
  const t = text.replace(PART_PREFIX, '');
  const no = headingNumber(text);
  const bracketed = /^[【[〔]\s*([^】\]〕]{1,12})\s*[】\]〕]\s*[:]?\s*(.*)$/.exec(t);
  if (bracketed) {
    const part = partOf(bracketed[1].trim());
    return part ? { part, rest: bracketed[2].trim(), no } : null;
  }
  const whole = partOf(t.replace(/[:。]$/, '').trim());
  if (whole) return { part: whole, rest: '', no };
  // 三、取得成效:全市已有… / (三)取得成效。企业开办时间…: a numbered label may run in with a full stop too.
  const inline = (no !== null ? /^([^:。,]{2,12})\s*[:。]\s*(\S.*)$/ : /^([^:。,]{2,12})\s*:\s*(\S.*)$/).exec(t);
  if (inline) {
    const part = partOf(inline[1].trim());
    return part ? { part, rest: inline[2].trim(), no } : null;
  }
  return null;
}

/** The number a heading is numbered with (三、 / (三) / 3.), or null when it has none. */
function headingNumber(text: string): number | null {
  const m = PART_PREFIX.exec(text);
  return m ? parseNumeral(m[0].replace(/[\s、.()]/g, '')) : null;
}

/** A body part heading (一、背景情况 / 二、主要做法和成效 / 【主要做法】 …) → which part it opens. */
export function partHeading(text: string): PartName | null {
  return partHeadingSplit(text)?.part ?? null;
}

/** Leading bullets and ornaments of web pages (◆ ■ ● ▲ ★ ▶ •): layout, not text. */
export function stripOrnament(text: string): string {
  return text.replace(/^[◆◇■□●○▲△★☆►▶▷•·※◎▍▌▎▏▐┃│❖➤➢✦✧◉◈♦]+\s*/u, '');
}

/**
 * Where a web article ends and its page goes on with other things (往期推荐 and a list of other articles,
 * END): this line and all after it are furniture.
 */
export function articleEnd(text: string): boolean {
  return /^(?:[-—\s]*END[-—\s]*|往期(?:推荐|回顾|精彩)|推荐阅读|相关阅读|延伸阅读|猜你喜欢|热门推荐|精彩推荐)$/i.test(text);
}

/** A line of punctuation and symbols only (———, ***, ～～): a separator. */
export function separatorLine(text: string): boolean {
  return /^[\p{P}\p{S}\s]+$/u.test(text);
}

/** Web-page furniture: breadcrumbs, publish-time stamps, share/print links, footers. */
export function isFurniture(text: string): boolean {
  return (
    separatorLine(text) ||
    /^(?:您现在的位置|当前位置|首页\s*[>»])/.test(text) ||
    /^(?:发布时间|发布日期|来源|浏览次数|作者|字号|【字体)/.test(text) ||
    // A page's byline opening with its date: 2025-05-16 来源:河南省… / 2025年5月16日 10:30 作者:….
    /^(?:19|20)\d\d\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}日?\s+(?:\d{1,2}:\d{2}\s+)?(?:来源|作者|发布|浏览|编辑)/.test(text) ||
    /全文如下/.test(text) ||
    /^[【[]?(?:分享到|打印本页|打印|关闭窗口|关闭|返回顶部|返回首页|上一篇|下一篇|扫一扫|相关链接|收藏|字体)/.test(text) ||
    /^(?:责任编辑|编辑|审核|校对|点击数|阅读量|访问量)\s*[:]/.test(text) ||
    /(?:阅读原文|点击(?:下方|上方|蓝字)|长按(?:识别|二维码)|关注我们|欢迎转发|转载请注明)/.test(text) ||
    // A WeChat article's footer (阅读 3562 / 分享 在看 点赞) and byline (原创 湖北营商 … 发表于湖北).
    /^(?:阅读|在看|点赞)\s*\d[\d.万+]*$/.test(text) ||
    /^(?:(?:分享|在看|点赞|收藏|写留言|留言)\s*){2,}$/.test(text) ||
    /^原创\s.*发表于/.test(text) ||
    // (…18:00 宁夏: the place WeChat shows the author posting from may follow the time.)
    /^\S.{0,30}\s(?:19|20)\d\d(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)\s+\d{1,2}:\d{2}(?:\s+[\u4e00-\u9fa5]{2,8})?$/.test(text) ||
    /^\[(?:图片|视频|音频)\]$/.test(text) ||
    // Photo captions: ▲图为高新区政务服务中心 / 图片来源:… / 摄影:….
    /^[▲△↑]/.test(text) ||
    /^(?:图为|图片(?:来源|由)|图源\s*:|摄影\s*:|(?:图|视频)\s*[/|]\s*\S)/.test(text) ||
    /(?:版权所有|主办单位|承办单位|ICP备|网站标识码|联系我们)/.test(text) ||
    // An official document's colophon (版记), under its last attachment: 抄送:… / 某办公室 2024年8月16日印发.
    /^抄\s*送\s*[:]/.test(text) ||
    // A 简报's distribution block (版记): 报:省委、省政府领导同志。/ 送:… / 发:各市人民政府。/ (共印80份).
    /^(?:抄报|报|送|发|分送)\s*:\s*[^。]{2,80}。?$/.test(text) ||
    /^[(]?共印\s*\d{1,5}\s*份[)]?$/.test(text) ||
    // A government page's footer: 主办:…省人民政府办公厅 承办:… / 相关附件: / 网站地图 | 使用帮助.
    /^(?:主办|承办|协办|技术支持)\s*:/.test(text) ||
    /^相关(?:附件|文件|稿件)\s*:?$/.test(text) ||
    /(?:网站地图|使用帮助|无障碍浏览)/.test(text) ||
    /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$/.test(text)
  );
}

/** A line that is only a date: 2023年12月4日 / 2022-08-08 / 二〇二三年十二月四日 (how official documents sign). */
export function dateLine(text: string): string | null {
  const m = /^(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*日?$/.exec(text);
  if (m) return isoDate(m[1], m[2], m[3]);
  const c = new RegExp(`^(${CN_YEAR})\\s*年\\s*([${CN_NUM}]{1,3})\\s*月\\s*([${CN_NUM}]{1,3})\\s*日$`).exec(text);
  const [month, day] = c ? [parseNumeral(c[2]), parseNumeral(c[3])] : [null, null];
  return c && month && day ? isoDate(String(chineseYear(c[1])), String(month), String(day)) : null;
}

const CN_YEAR = '[〇零○一二三四五六七八九]{4}';

/** 二〇二三 → 2023: a year written digit by digit in Chinese numerals. */
export function chineseYear(text: string): number {
  return Number([...text].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' || c === '○' ? '〇' : c)).join(''));
}

/** A line that is only a year and month (2023年12月, 二〇二三年十二月), as under the issuer of a printed 汇编. */
export function monthLine(text: string): boolean {
  return /^(?:19|20)\d\d\s*年\s*\d{1,2}\s*月$/.test(text) || new RegExp(`^${CN_YEAR}\\s*年\\s*[${CN_NUM}]{1,3}\\s*月$`).test(text);
}

/** The year a line states at its start, in digits or Chinese numerals (2023年 / 二〇二三年度), else null. */
export function statedYear(text: string): number | null {
  const m = new RegExp(`((?:19|20)\\d\\d|${CN_YEAR})\\s*年`).exec(text);
  if (!m) return null;
  const y = /^\d/.test(m[1]) ? Number(m[1]) : chineseYear(m[1]);
  return y >= 1900 && y < 2100 ? y : null;
}

export function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Ends like a sentence (or a clause), i.e. body prose rather than a heading or title. */
export function endsLikeProse(text: string): boolean {
  return /[。;:,、!?]$/.test(text);
}

// Titles are compared many times over (every body against every list entry): their bigrams are kept.
const gramCache = new Map<string, Map<string, number>>();

function titleGrams(s: string): Map<string, number> {
  let out = gramCache.get(s);
  if (out) return out;
  if (gramCache.size > 4096) gramCache.clear();
  out = new Map<string, number>();
  const cs = [...s.replace(/[\s\p{P}\p{S}]/gu, '')];
  for (let i = 1; i < cs.length; i++) out.set(cs[i - 1] + cs[i], (out.get(cs[i - 1] + cs[i]) ?? 0) + 1);
  gramCache.set(s, out);
  return out;
}

/** Character-bigram Dice similarity of two titles, ignoring spaces and punctuation. */
export function titleSimilarity(a: string, b: string): number {
  const ga = titleGrams(a);
  const gb = titleGrams(b);
  let total = 0;
  let common = 0;
  for (const v of ga.values()) total += v;
  for (const v of gb.values()) total += v;
  for (const [k, v] of ga) common += Math.min(v, gb.get(k) ?? 0);
  if (total > 0) return (2 * common) / total;
  const clean = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '');
  return clean(a) === clean(b) ? 1 : 0;
}
