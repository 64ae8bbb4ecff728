import { readFileSync, readdirSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import {
  agreement,
  classificationFlags,
  classifyBlind,
  classifyCase,
  headingToIndicator,
  scoreText,
  type ClassifyInput,
} from '../../src/ingest/classify.ts';
import { INDICATORS } from '../../src/ingest/indicators.ts';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const RAW = 'data/raw';
const texts = readdirSync(RAW)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => toSimplified(readFileSync(`${RAW}/${f}`, 'utf8')));

const input = (title: string, body = '', headingLabel: string | null = null): ClassifyInput => ({
  title,
  background: '',
  measures: body,
  outcomes: '',
  headingLabel,
});

interface HeadedCase {
  heading: string;
  title: string;
  body: string;
}

/**
 * Cases of a page that numbers them 01, 02 … on lines of their own and files them under headings:
 * a heading is a short line without a full stop right before a number line; a case without one keeps
 * the heading of the case before it. Read here independently of the segmenter.
 */
function headedCases(text: string): HeadedCase[] {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const cases: HeadedCase[] = [];
  let heading = '';
  lines.forEach((l, i) => {
    if (!/^\d\d$/.test(l)) return;
    const before = lines[i - 1];
    if (before && before.length < 40 && !/[。;；]$/.test(before) && cases.every((c) => c.title !== before)) heading = before;
    const bodyLines: string[] = [];
    for (const next of lines.slice(i + 2)) {
      if (/^\d\d$/.test(next)) break;
      bodyLines.push(next);
    }
    // The next case's heading, if any, is the last body line: leave it out.
    if (bodyLines.length && !/[。;；]$/.test(bodyLines[bodyLines.length - 1])) bodyLines.pop();
    cases.push({ heading, title: lines[i + 1], body: bodyLines.join('\n') });
  });
  return cases;
}

const shaanxi = headedCases(texts.find((t) => /^\s*01\s*$/m.test(t))!);

/** A Fujian case body: the text after its `附件N` marker whose title contains `needle`. */
function fujianCase(needle: string): { title: string; body: string } {
  for (const text of texts) {
    const chunks = text.split(/^\s*附件\s*\d+\s*$/m).slice(1);
    const chunk = chunks.find((c) => c.split('\n').slice(0, 4).join('').includes(needle));
    if (chunk) {
      const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
      return { title: lines[0], body: lines.slice(1).join('\n') };
    }
  }
  throw new Error(`no case titled …${needle}…`);
}

describe('headingToIndicator', () => {
  it('maps every indicator name used as a heading to its code (but `other`)', () => {
    for (const i of INDICATORS.filter((x) => x.code !== 'other')) expect(headingToIndicator(i.name_zh), i.name_zh).toBe(i.code);
  });

  it.each([
    ['开办企业', 'starting_business'],
    ['获得电力', 'electricity'],
    ['办理破产', 'insolvency'],
    ['“一把手走流程、坐窗口、跟执法、处投诉”活动', 'leaders_walk_process'],
    ['投诉举报处理', 'complaints'],
    ['知识产权创造、保护和运用', 'ip'],
    ['知识产权创造保护和运用', 'ip'],
    ['（三）获得用水用气', 'water_gas'],
    ['二、企业开办', 'starting_business'],
    ['招投标', 'bidding'],
    ['获得信贷指标', 'credit'],
    [' 不动产登记 ', 'registering_property'],
  ])('%s → %s', (heading, code) => {
    expect(headingToIndicator(heading)).toBe(code);
  });

  it('is null for a theme of the business-environment framework, whatever indicator words it holds', () => {
    for (const theme of ['持续优化政务服务环境', '一、持续优化市场环境', '打造一流法治环境', '优化创新生态']) expect(headingToIndicator(theme), theme).toBeNull();
    expect(headingToIndicator('优化开办企业服务')).toBe('starting_business');
  });

  it('is null for lines that are no indicator heading', () => {
    for (const line of ['全文如下', '二、主要做法', '三、取得成效', '附件1', '']) expect(headingToIndicator(line), line).toBeNull();
    // A long sentence that happens to name 纳税 is body text, not a heading.
    expect(headingToIndicator('税务部门同时对全区57个重点建设项目采取标准化管理,优化纳税服务')).toBeNull();
  });
});

describe('classifyBlind on the Shaanxi page (agreement with its own headings)', () => {
  it('cuts 36 cases, all filed under a heading the taxonomy knows', () => {
    expect(shaanxi.length).toBe(36);
    for (const c of shaanxi) expect(headingToIndicator(c.heading), c.heading).not.toBeNull();
    expect(new Set(shaanxi.map((c) => headingToIndicator(c.heading))).size).toBe(19);
  });

  it('agrees with the document headings on most cases', () => {
    const pairs = shaanxi.map((c) => ({ heading: c.heading, blind: classifyBlind(input(c.title, c.body)).indicator }));
    const a = agreement(pairs);
    console.log(
      `classifier agreement with Shaanxi headings: ${a.agree}/${a.total} (${Math.round(a.rate * 100)}%)` +
        a.disagreements.map((d) => `\n  heading ${d.expected}, classifier ${d.blind}`).join(''),
    );
    expect(a.total).toBe(36);
    // Measured 34/36 (94%): the two misses are cases whose text is about another indicator than their
    // heading (a 诉讼服务 case under 保护中小投资者, a 税费 case under 政务服务). The bar the product keeps: 90 %.
    expect(a.rate).toBeGreaterThanOrEqual(0.9);
    // No Shaanxi case is left unclassified: each names its indicator's terms.
    expect(pairs.filter((p) => p.blind === 'other')).toEqual([]);
  });

  it('still agrees on most cases from the titles alone', () => {
    const a = agreement(shaanxi.map((c) => ({ heading: c.heading, blind: classifyBlind(input(c.title)).indicator })));
    console.log(`classifier agreement with Shaanxi headings, titles only: ${a.agree}/${a.total} (${Math.round(a.rate * 100)}%)`);
    expect(a.rate).toBeGreaterThanOrEqual(0.7);
  });
});

describe('classifyBlind on Fujian cases with obvious indicators', () => {
  it.each([
    ['开门接电', 'electricity', '接电'],
    ['持续优化不动产登记服务', 'registering_property', '不动产登记'],
    ['企业登记+云公证', 'starting_business', '企业登记'],
    ['零工就业服务', 'labor_market', '零工'],
    ['公平竞争审查水平', 'market_regulation', '公平竞争审查'],
    ['福州海关以', 'cross_border_trade', '跨境电商'],
    ['税收特派员', 'tax', '税收'],
    ['专利开放转化', 'ip', '专利'],
  ])('…%s… → %s (evidence includes %s)', (needle, code, term) => {
    const c = fujianCase(needle);
    const r = classifyBlind(input(c.title, c.body));
    expect(r.indicator, `${c.title}: ${r.evidence.join(',')}`).toBe(code);
    expect(r.evidence).toContain(term);
    expect(r.source).toBe('classifier');
    // Evidence is text the case really contains.
    for (const e of r.evidence) expect(c.title + c.body).toContain(e);
  });

  it('classifies a listed case whose body is missing from its title (带押过户)', () => {
    const title = texts.flatMap((t) => t.split('\n')).find((l) => /^\d+\..*带押过户/.test(l))!.replace(/^\d+\./, '');
    expect(classifyBlind(input(title)).indicator).toBe('registering_property');
  });

  it('reads insolvency (made-up case)', () => {
    const r = classifyBlind(
      input('某市建立破产案件府院联动机制', '法院与政府部门协同处置僵尸企业,破产管理人依法接管债务人财产,重整成功企业12家。'),
    );
    expect(r.indicator).toBe('insolvency');
    expect(r.evidence).toEqual(expect.arrayContaining(['破产', '府院联动', '僵尸企业']));
  });
});

describe('the keyword model', () => {
  it('does not let generic words decide', () => {
    const generic = '优化营商环境,提升企业服务水平,深化改革,打造一流营商环境,企业满意度持续提升。';
    expect(classifyBlind(input('优化营商环境服务企业', generic.repeat(5)))).toEqual({
      indicator: 'other',
      source: 'classifier',
      alts: [],
      evidence: [],
    });
    // One specific term beats many generic words (政务服务 included).
    const r = classifyBlind(input('优化营商环境提升政务服务水平', `${generic.repeat(5)}推行不动产登记,抵押登记当日办结。`));
    expect(r.indicator).toBe('registering_property');
  });

  it('weighs a title term above the same term in the body, and damps repetition', () => {
    const title = scoreText('推行办电新模式', '').get('electricity')!.score;
    const body = scoreText('', '推行办电新模式').get('electricity')!.score;
    expect(title).toBe(3 * body);
    const once = scoreText('', '纳税').get('tax')!.score;
    const eightTimes = scoreText('', '纳税,'.repeat(8)).get('tax')!.score;
    expect(eightTimes).toBeCloseTo((1 + Math.log(8)) * once, 6);
    // Ten mentions of 税务 in the body do not outvote 用电 in the title.
    expect(classifyBlind(input('优化企业用电报装', '税务部门配合。'.repeat(10))).indicator).toBe('electricity');
  });

  it('lets a compound hide the words inside it (劳动力市场监管 is not 市场监管)', () => {
    const s = scoreText('强化劳动力市场监管', '');
    expect(s.get('labor_market')!.score).toBeGreaterThan(0);
    expect(s.get('market_regulation')!.score).toBe(0);
  });

  it('does not count a term that a common word merely overlaps', () => {
    // Each of these reads a term across a word boundary (供暖, 供电, 开工, 通关, 接电, 上市, 用水, 地标).
    const text = '为企业职工提供暖心服务,提供电子证照,全面展开工作,打通关键环节,及时接电话,拓展线上市场,信用水平提升,打造地标性建筑。';
    const r = classifyBlind(input('某区打造暖心驿站', text));
    for (const term of ['供暖', '供电', '开工', '通关', '接电', '上市', '用水', '地标']) expect(r.evidence, term).not.toContain(term);
    // The terms themselves still count where they are written.
    const s = scoreText('', '集中供暖,企业用电,项目开工,通关便利,上市公司,用水报装');
    for (const code of ['water_gas', 'electricity', 'construction_permits', 'cross_border_trade', 'minority_investors']) {
      expect(s.get(code)!.score, code).toBeGreaterThan(0);
    }
  });

  it('ranks alternatives by score and only offers meaningful ones', () => {
    const r = classifyBlind(input('推行知识产权质押融资', '银行发放知识产权质押贷款,专利权人获得融资。'));
    expect(['ip', 'credit']).toContain(r.indicator);
    expect(r.alts).toContain(r.indicator === 'ip' ? 'credit' : 'ip');
    const scores = scoreText('推行知识产权质押融资', '银行发放知识产权质押贷款,专利权人获得融资。');
    const altScores = r.alts.map((a) => scores.get(a)!.score);
    expect([...altScores].sort((a, b) => b - a)).toEqual(altScores);
    expect(r.alts).not.toContain('government_services');
  });
});

/** Every line of the seeds that is a sentence (ends with 。) — real text of the genre. */
const sentences = texts.flatMap((t) => t.split('\n')).map((l) => l.trim()).filter((l) => /。$/.test(l));

describe('a classifier that admits ignorance', () => {
  it('files a case whose text names no indicator under `other`, flagged unclassified, with nothing made up', () => {
    // Real sentences of the seeds' introductions: about the notice, not about any one indicator.
    const intro = sentences.find((l) => l.includes('作出的制度性安排'))!;
    const r = classifyBlind(input('某区典型经验做法', intro));
    expect(r).toEqual({ indicator: 'other', source: 'classifier', alts: [], evidence: [] });
    expect(classificationFlags(r)).toEqual(['unclassified']);
    // A title alone that names nothing (a case listed without a body).
    expect(classifyBlind(input('打造“有速度、有温度”的发展环境')).indicator).toBe('other');
    expect(classifyBlind(input('')).indicator).toBe('other');
  });

  it('offers weak hints as ranked alternatives, with the terms behind them, but does not decide on them', () => {
    // One weak word each in the body: 银行 (credit 1.5), 调解 (enforcing contracts 2.5).
    const r = classifyBlind(input('某县打造暖心服务站', '街道联合辖区银行设立服务点,开展矛盾调解。'));
    expect(r.indicator).toBe('other');
    expect(r.alts).toEqual(['enforcing_contracts', 'credit']);
    expect(r.evidence).toEqual(['调解', '银行']);
    expect(classificationFlags(r)).toEqual(['unclassified']);
  });

  it('records a decision taken on a single weak term, with that term as its evidence', () => {
    // 便民 is typical of government services but weak (2); in a title it counts three times and decides.
    const r = classifyBlind(input('某镇推出便民新举措', '工作人员上门服务,群众满意度持续提升。'));
    expect(r).toMatchObject({ indicator: 'government_services', evidence: ['便民'] });
    expect(classificationFlags(r)).toEqual([]);
    // One specific term in the body decides alone.
    expect(classifyBlind(input('某市优化服务', '企业可申请融资。'))).toMatchObject({ indicator: 'credit', evidence: ['融资'] });
  });

  it('never decides without evidence: every decided case of the seeds and of made-up texts names its terms', () => {
    const made = [
      input('某市推行“综合查一次”', '多个部门联合检查,一次完成。'),
      input('某县深化“两步申报”', '企业先提货后补充申报。'),
      input('', '某区将12345热线诉求纳入考核。'),
      input('某市优化营商环境', '推进改革,服务企业。'),
      input('政务服务', ''),
    ];
    const seeds = [...shaanxi.map((c) => input(c.title, c.body)), ...sentences.map((l) => input('', l))];
    let decided = 0;
    for (const i of [...made, ...seeds]) {
      const r = classifyBlind(i);
      if (r.indicator === 'other') continue;
      decided++;
      expect(r.evidence.length, `${i.title}${i.measures}`).toBeGreaterThan(0);
      for (const e of r.evidence) expect(i.title + i.measures).toContain(e);
    }
    expect(decided).toBeGreaterThan(shaanxi.length);
  });

  it('never files under `other` on a document heading, and a heading never maps to `other`', () => {
    for (const h of ['其他', '其他（未分类）', '其他经验做法', '其他典型做法']) expect(headingToIndicator(h), h).toBeNull();
    const r = classifyCase(input('某县打造暖心服务站', '街道联合辖区银行设立服务点。', '获得信贷'));
    expect(r).toEqual({ indicator: 'credit', source: 'document', alts: [], evidence: ['获得信贷'] });
    expect(classificationFlags(r)).toEqual([]);
    // With a heading the taxonomy does not know, the classifier's ignorance shows.
    expect(classifyCase(input('某县打造暖心服务站', '', '其他经验做法')).indicator).toBe('other');
  });
});

describe('the keyword model on the genre beyond the seeds (made-up cases of other provinces)', () => {
  it.each([
    ['某市企业开办全程网办 一日办结', '', 'starting_business'],
    ['某区推行“综合查一次”联合检查', '减少涉企检查频次。', 'market_regulation'],
    ['某海关推行“两步申报”提升贸易便利化', '企业提货时间缩短。', 'cross_border_trade'],
    ['某市存量房交易登记一窗办理', '房屋交易、缴税、登记一次完成。', 'registering_property'],
    ['某县根治欠薪', '保障农民工工资支付。', 'labor_market'],
    ['某市困境企业破产重整', '府院联动盘活资产。', 'insolvency'],
    ['某区推行政府购买服务预留份额', '采购文件明确中小企业份额。', 'government_procurement'],
    ['某市严查围标串标', '评标专家随机抽取。', 'bidding'],
    ['某市用水报装“零跑腿”', '供水企业上门服务。', 'water_gas'],
    ['某市推出“政采贷”之外的银企对接新模式', '银行为小微企业提供信用贷,财政贴息。', 'credit'],
    ['某区推行联合审图', '施工图审查与竣工联合验收。', 'construction_permits'],
    ['某市税费优惠直达快享', '纳税人无需申请即享。', 'tax'],
  ])('%s (%s) → %s', (title, body, code) => {
    const r = classifyBlind(input(title, body));
    expect(r.indicator, r.evidence.join(',')).toBe(code);
    expect(r.evidence.length).toBeGreaterThan(0);
  });

  it('files a procedure reformed by government-service means under the procedure, the means as alternative', () => {
    const body = '将设立登记、印章刻制、发票申领、社保登记整合为“一件事”,一网通办,一次办结。';
    for (const title of ['某市“一件事一次办”推动企业开办全程网办', '某区不动产登记“一网通办”']) {
      const r = classifyBlind(input(title, body));
      expect(r.indicator, r.evidence.join(',')).not.toBe('government_services');
      expect(r.alts).toContain('government_services');
    }
    // Where the title names only the means, the case is about them.
    expect(classifyBlind(input('某市“一件事一次办”改革', body)).indicator).toBe('government_services');
  });

  it('reads a traditional heading and title once converted (企業開辦)', () => {
    expect(headingToIndicator(toSimplified('企業開辦'))).toBe('starting_business');
    expect(headingToIndicator(toSimplified('登記財產'))).toBe('registering_property');
    expect(headingToIndicator(toSimplified('辦理破產'))).toBe('insolvency');
    expect(classifyBlind(input(toSimplified('某市推行企業開辦「一網通辦」'))).indicator).toBe('starting_business');
  });
});

describe('classifyCase', () => {
  it('takes the document heading when there is one, with the classifier as alternatives', () => {
    const c = shaanxi.find((x) => x.title.includes('两个一站式'))!;
    const r = classifyCase(input(c.title, c.body, c.heading));
    expect(r).toMatchObject({ indicator: 'minority_investors', source: 'document', evidence: ['保护中小投资者'] });
    expect(r.alts[0]).toBe('enforcing_contracts');
  });

  it('falls back to the classifier when the heading is unknown or absent', () => {
    const c = fujianCase('开门接电');
    expect(classifyCase(input(c.title, c.body, '其他经验做法')).source).toBe('classifier');
    expect(classifyCase(input(c.title, c.body, null))).toEqual(classifyBlind(input(c.title, c.body)));
  });
});

describe('agreement', () => {
  it('counts pairs whose heading maps to an indicator, and lists the misses', () => {
    const a = agreement([
      { heading: '获得电力', blind: 'electricity' },
      { heading: '纳税', blind: 'government_services' },
      { heading: 'tax', blind: 'tax' },
      { heading: '其他', blind: 'tax' },
    ]);
    expect(a).toEqual({
      agree: 2,
      total: 3,
      rate: 2 / 3,
      disagreements: [{ heading: '纳税', expected: 'tax', blind: 'government_services' }],
    });
    expect(agreement([]).rate).toBe(0);
  });
});
