// Reform measures (src/ingest/measures.ts): which figures are a reform's effect on time, steps, documents,
// visits or cost, with before / after / reduction — on sentences of the seeds and on made-up awkward ones.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMeasures, type Measure } from '../../src/ingest/measures.ts';
import { toSimplified } from '../../src/ingest/text-convert.ts';

const RAW = join(__dirname, '../../data/raw');

/** The sentence (between 。/；/line breaks) of a raw document that contains `phrase`, as simplified text. */
function sentenceWith(prefix: string, phrase: string): string {
  const file = readdirSync(RAW).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!file) throw new Error(`no raw file ${prefix}`);
  const text = toSimplified(readFileSync(join(RAW, file), 'utf8'));
  const hit = text.split(/[。；;\n]/).find((s) => s.includes(phrase));
  if (!hit) throw new Error(`phrase not in ${prefix}: ${phrase}`);
  return hit;
}

const measures = (text: string) => readMeasures('outcomes', text).filter((m) => m.dimension !== null);
const summary = (m: Measure) => ({ text: m.text, dimension: m.dimension, before: m.beforeValue, after: m.afterValue, pct: m.reductionPct });
const only = (text: string) => {
  const all = measures(text);
  expect(all.map(summary), text).toHaveLength(1);
  return all[0];
};

describe('readMeasures: time', () => {
  it('reads a stated before → after in days, whatever the units', () => {
    expect(summary(only('低压用户办电时间从平均5个工作日压缩至1.5个工作日,'))).toEqual({
      text: '低压用户办电时间从平均5个工作日压缩至1.5个工作日', dimension: 'time', before: 5, after: 1.5, pct: 70,
    });
    const hours = only('查检耗时由3小时压缩至0.5小时。');
    expect(hours.beforeValue).toBeCloseTo(3 / 24, 9);
    expect(hours.afterValue).toBeCloseTo(0.5 / 24, 9);
    expect(hours.reductionPct).toBeCloseTo(83.3, 1);
    // Months are 30 days; a range takes its upper bound on either side.
    expect(only('时间由4—6个月压缩至2个工作日。')).toMatchObject({ beforeValue: 180, afterValue: 2 });
    const range = only('多人担保贷款办理时间从3—5天缩短至15—30分钟,');
    expect(range.beforeValue).toBe(5);
    expect(range.afterValue).toBeCloseTo(30 / 1440, 9);
  });

  it('reads after-only limits: 以内, 最短, 最快, 控制在, 内办结', () => {
    expect(only('实现涉企抵押登记业务在1个工作日内办结,')).toMatchObject({ dimension: 'time', beforeValue: null, afterValue: 1 });
    expect(only('退税办理进度压缩在2个工作日以内,')).toMatchObject({ afterValue: 2 });
    expect(only('整体办理时限控制在10个工作日内,')).toMatchObject({ afterValue: 10 });
    expect(only('最短5分钟内完成材料审核与流程提交,').afterValue).toBeCloseTo(5 / 1440, 9);
    expect(only('企业开办最快3小时办结。').afterValue).toBeCloseTo(3 / 24, 9);
    expect(only('审批时间1-2小时即可办结。').afterValue).toBeCloseTo(2 / 24, 9);
  });

  it('reads a change to a word: 当场, 秒级, 当天', () => {
    expect(summary(only('线下申请受理时限由2个工作日缩短至当场受理,'))).toEqual({
      text: '线下申请受理时限由2个工作日缩短至当场受理', dimension: 'time', before: 2, after: 0, pct: 100,
    });
    const seconds = only('故障处理时间从1-2小时缩短到秒级;');
    expect(seconds).toMatchObject({ text: '故障处理时间从1-2小时缩短到秒级', afterValue: 0 });
    expect(seconds.beforeValue).toBeCloseTo(2 / 24, 9);
    expect(only('审批时限由3天压缩至当天办结。')).toMatchObject({ beforeValue: 3, afterValue: 1 });
  });

  it('reads limits stated without a number: 即时办结 → 0, 当天办结 → 1', () => {
    expect(only('简单事项即时办结。')).toMatchObject({ text: '即时办结', dimension: 'time', afterValue: 0, unitNorm: '天' });
    expect(only('营业执照当天办结。')).toMatchObject({ text: '当天办结', afterValue: 1 });
  });

  it('reads percent and absolute cuts of a time without before/after', () => {
    expect(only('办理时长下降了80.5%,')).toMatchObject({ dimension: 'time', reductionPct: 80.5, beforeValue: null, afterValue: null });
    expect(only('压缩审批时限83%,')).toMatchObject({ dimension: 'time', reductionPct: 83 });
    // Cut to a share of the statutory limit: cut by the rest.
    expect(only('承诺办理时限平均压缩至法定时限的9%以内,')).toMatchObject({ dimension: 'time', reductionPct: 91 });
    expect(only('该类案件办理周期同比缩短9天。')).toMatchObject({ dimension: 'time', beforeValue: null, afterValue: null });
  });

  it('takes each item of a list (一、二、三类件 … 1个、1.5个、3.5个工作日)', () => {
    const all = measures('一、二、三类件平均办结时限提升至1个工作日、1.5个工作日、3.5个工作日,');
    expect(all.map((m) => [m.dimension, m.afterValue])).toEqual([['time', 1], ['time', 1.5], ['time', 3.5]]);
    const pcts = measures('平均办结时间比法定最长时间分别节约80%、79%、70.5%,');
    expect(pcts.map((m) => [m.dimension, m.reductionPct])).toEqual([['time', 80], ['time', 79], ['time', 70.5]]);
  });
});

describe('readMeasures: steps, documents, visits, cost', () => {
  it('reads counts of steps and documents, before → after and after only', () => {
    expect(only('申报材料从58份精简至24份。')).toMatchObject({ dimension: 'documents', beforeValue: 58, afterValue: 24, reductionPct: 58.6 });
    expect(only('业务经办环节由2个精简为1个,')).toMatchObject({ dimension: 'steps', beforeValue: 2, afterValue: 1, reductionPct: 50 });
    const water = measures('实现1个工作日、1个报装环节、1项申请材料、0费用办结用水报装业务。');
    expect(water.map((m) => [m.dimension, m.afterValue])).toEqual([['time', 1], ['steps', 1], ['documents', 1], ['cost', 0]]);
    expect(only('精简审批节点为主管部门和财政2个审批节点,')).toMatchObject({ dimension: 'steps', afterValue: 2 });
  });

  it('reads percent cuts by the noun they cut', () => {
    const all = measures('跑动次数下降62.4%,申请材料减少78.8%,办理环节减少64.4%,办电成本下降30%。');
    expect(all.map((m) => [m.dimension, m.reductionPct])).toEqual([['visits', 62.4], ['documents', 78.8], ['steps', 64.4], ['cost', 30]]);
  });

  it('reads visits stated with 跑 before either side, and round trips (往返…次数)', () => {
    expect(measures('过户由原来的跑4个部门变为跑1个窗口。').map((m) => [m.dimension, m.beforeValue, m.afterValue])).toEqual([['visits', 4, 1]]);
    expect(measures('牧区纳税人每年往返办税次数从4次减少到1次。').map((m) => [m.dimension, m.beforeValue, m.afterValue])).toEqual([['visits', 4, 1]]);
    // 往返 alone times a trip: 往返一次要半天 is no count of visits.
    expect(measures('过去往返一次要半天,现在办理时间压缩至20分钟。').every((m) => m.dimension === 'time')).toBe(true);
  });

  it('reads 零跑腿 and its variants as visits cut to 0, 最多跑一次 as 1', () => {
    expect(measures('实现让数据多跑腿、让企业零跑腿。').map((m) => [m.text, m.dimension, m.afterValue])).toEqual([['零跑腿', 'visits', 0]]);
    expect(measures('企业办事实现“最多跑一次”或“全程网办零跑动”。').map((m) => [m.dimension, m.afterValue])).toEqual([['visits', 1], ['visits', 0]]);
    expect(measures('向用户提供“零申请、零跑腿、零材料、零费用”的用水报装服务。').map((m) => m.dimension)).toEqual(['visits', 'documents', 'cost']);
  });

  it('tells money saved from money lent', () => {
    expect(only('为企业节省成本330万元,')).toMatchObject({ dimension: 'cost_saving', valueNorm: 330 });
    expect(only('同时减少利息支出约320万元,')).toMatchObject({ dimension: 'cost_saving' });
    expect(measures('累计发放贷款59.68亿元,惠及企业1.2万户。')).toEqual([]);
  });

  it('reads other stated cuts as other_reduction', () => {
    expect(only('项目审批事项由95项精简至69项,')).toMatchObject({ dimension: 'other_reduction', beforeValue: 95, afterValue: 69 });
    expect(only('减少重复咨询40%,')).toMatchObject({ dimension: 'other_reduction', reductionPct: 40 });
  });
});

describe('readMeasures: not reform measures', () => {
  it.each([
    ['counts served', '累计服务企业1.6万户,办件27848件。'],
    ['money lent and funds', '发放贷款59.68亿元,设立总规模100亿元子基金。'],
    ['dates', '2023年9月4日起施行,今年5月上线。'],
    ['shares', '群众满意率100%,零跑动占比87%,覆盖全县85%以上。'],
    ['programme lengths', '制定三年行动计划,连续3年获评,力争三年内完成,最长3年。'],
    ['opening hours', '上线24小时AI客服,提供24小时不打烊服务,7×24小时在线服务。'],
    ['service radii', '打造城区25分钟抢修服务圈,打造“15分钟便民办税圈”。'],
    ['year-on-year statistics', '欠薪投诉同比下降15.17%,新收案件同比下降8.01%。'],
    ['growth', '办事效率提升60%,营收增长35.8%。'],
    ['a slogan in quotes', '明确“群众不跑路”事项22项。'],
  ])('%s', (_label, text) => {
    expect(measures(text).filter((m) => m.text !== '不跑路').map(summary)).toEqual([]);
  });
});

describe('readMeasures on the seeds’ sentences', () => {
  it('a Fujian notice (001): time, documents and reductions in one paragraph', () => {
    const s = sentenceWith('001', '14项集成服务的申报材料从58份精简至24份');
    expect(measures(s).map((m) => [m.dimension, m.beforeValue, m.afterValue])).toContainEqual(['documents', 58, 24]);
    const s2 = sentenceWith('001', '企业开办等核心事项从20个工作日缩减至3个工作日');
    expect(measures(s2).map((m) => [m.dimension, m.beforeValue, m.afterValue])).toContainEqual(['time', 20, 3]);
  });

  it('a Shaanxi notice (003): after-only limits and 0费用', () => {
    const s = sentenceWith('003', '1项申请材料、0费用为企业完成用水报装');
    expect(measures(s).map((m) => [m.dimension, m.afterValue])).toEqual([['time', 2], ['steps', 1], ['documents', 1], ['cost', 0]]);
    expect(measures(sentenceWith('003', '提速到2个工作日')).map((m) => [m.dimension, m.afterValue])).toEqual([['time', 2]]);
  });

  it('a traditional notice, converted as the pipeline converts it', () => {
    const traditional = '辦理時限從5個工作日壓縮至1個工作日，申請材料由12份精簡為5份，實現「零跑腿」。';
    const all = measures(toSimplified(traditional));
    expect(all.map((m) => [m.dimension, m.beforeValue, m.afterValue])).toEqual([['time', 5, 1], ['documents', 12, 5], ['visits', null, 0]]);
    const seed = measures(sentenceWith('000', '缩短至15—30分钟'));
    expect(seed.find((m) => m.dimension === 'time')).toMatchObject({ beforeValue: 5 });
  });
});

describe('figure phrases are whole phrases', () => {
  it('never cut a word, and take what a count counts', () => {
    const texts = readMeasures('measures', '在闽粤两省29个地级市1917个营业厅,打造城区25分钟抢修服务圈。').map((m) => m.text);
    expect(texts).toEqual(['在闽粤两省29个', '地级市1917个营业厅', '打造城区25分钟抢修服务圈']);
    expect(readMeasures('measures', '公证机构在受理后1小时内完成公证文书制作,').map((m) => m.text)).toEqual(['公证机构在受理后1小时内']);
  });
});

describe('readMeasures: before → after stated apart (measures-apart.ts)', () => {
  const rows = (text: string) => readMeasures('outcomes', text).map(summary);

  it('pairs a 改革前 … 改革后 passage by subject and drops the before rows', () => {
    expect(rows('改革前，企业需提交材料9份、耗时6个工作日；改革后，1个工作日办结、提交材料4份。')).toEqual([
      { text: '1个工作日办结', dimension: 'time', before: 6, after: 1, pct: 83.3 },
      { text: '提交材料4份', dimension: 'documents', before: 9, after: 4, pct: 55.6 },
    ]);
    // A word measure takes its before side too (跑动4次 … 最多跑一次).
    expect(rows('优化前群众需跑动4次。优化后实现“最多跑一次”。')).toContainEqual(
      { text: '最多跑一次', dimension: 'visits', before: 4, after: 1, pct: 75 },
    );
  });

  it('pairs a passage told as then and now (过去 / 以前 … 现在), a cut to a word and trips (趟) included', () => {
    expect(rows('过去，企业拿地后办证需要15个工作日。现在，办证时间压缩至当天。')).toEqual([
      { text: '压缩至当天', dimension: 'time', before: 15, after: 1, pct: 93.3 },
    ]);
    expect(rows('以前群众办理社保卡补办要跑2趟、提交3份材料，现在只需跑1趟、提交1份材料。').map((r) => [r.dimension, r.before, r.after])).toEqual([
      ['visits', 2, 1], ['documents', 3, 1],
    ]);
    // 过去 with a span of time is a period, not the state before (过去一年 … 现在 pairs nothing).
    expect(rows('过去一年，全市办理时间为5个工作日，现在的办理时间仍为5个工作日。').map((r) => r.before)).not.toContain(5);
  });

  it('pairs the columns of a table with before / after columns, by the column or the kind', () => {
    expect(rows('事项\t原材料\t现材料\t原时限\t现时限\n设立登记\t6份\t2份\t3个工作日\t4小时')).toEqual([
      { text: '2份', dimension: 'documents', before: 6, after: 2, pct: 66.7 },
      { text: '4小时', dimension: 'time', before: 3, after: expect.closeTo(4 / 24, 9), pct: 94.4 },
    ]);
    expect(rows('事项\t改革前\t改革后\n施工许可\t20个工作日\t5个工作日').map((r) => [r.before, r.after])).toEqual([[20, 5]]);
    // The same table turned: rows 改革前 / 改革后 under a header of what is measured.
    expect(rows('指标\t办理时限\t申请材料\t跑动次数\n改革前\t20个工作日\t12份\t3次\n改革后\t3个工作日\t5份\t0次').map((r) => [r.dimension, r.before, r.after])).toEqual([
      ['time', 20, 3], ['documents', 12, 5], ['visits', 3, 0],
    ]);
  });

  it('leaves alone what is not stated apart', () => {
    // 较改革前 is the baseline of one figure; a passage without 改革后 pairs nothing.
    expect(rows('较改革前平均压缩10个工作日，改革前需提交材料9份。').map((r) => r.before)).toEqual([null, null]);
    // Figures of different subjects or kinds do not pair.
    expect(rows('改革前需跑动3次；改革后办理时间2个工作日。').map((r) => r.before)).toEqual([null, null]);
    // A table without before / after columns is a list of figures.
    expect(rows('事项\t办理时限\t申请材料\n设立登记\t3个工作日\t2份').map((r) => r.before)).toEqual([null, null]);
  });
});

describe('readMeasures: rates, shares and word measures', () => {
  it('reads a rate cut to a level as the rate after, and points as an absolute cut', () => {
    expect(summary(only('贷款平均利率降至4.35%'))).toEqual({ text: '贷款平均利率降至4.35%', dimension: 'cost', before: null, after: 4.35, pct: null });
    expect(only('综合费率下降0.6个百分点')).toMatchObject({ dimension: 'cost', reductionPct: null });
  });

  it('reads shares in words as percent cuts', () => {
    expect(only('办理材料精简了三分之一')).toMatchObject({ dimension: 'documents', reductionPct: 33.3 });
    expect(only('审批时间缩短一半')).toMatchObject({ dimension: 'time', reductionPct: 50 });
    expect(only('办电成本降低三成')).toMatchObject({ dimension: 'cost', reductionPct: 30 });
  });

  it('reads 即时 / 当场 / 当天 with a verb of delivery', () => {
    expect(only('推行告知承诺制后当场发证')).toMatchObject({ text: '当场发证', dimension: 'time', afterValue: 0 });
    expect(only('最快当天放款')).toMatchObject({ text: '当天放款', dimension: 'time', afterValue: 1 });
  });

  it('reads a count cut to a number as the count after, and a cut by one as a cut', () => {
    expect(only('办电环节压减至2个')).toMatchObject({ dimension: 'steps', beforeValue: null, afterValue: 2 });
    expect(only('跑动次数减少2次')).toMatchObject({ dimension: 'visits', beforeValue: null, afterValue: null });
  });

  it('reads limits and cuts of time stated with 不超过, 平均 after 至, and 比…快', () => {
    expect(only('全程不超过半天')).toMatchObject({ dimension: 'time', afterValue: 0.5 });
    expect(only('审理周期缩短至平均90天')).toMatchObject({ text: '审理周期缩短至平均90天', afterValue: 90 });
    expect(measures('比全国平均水平分别快12小时和0.8小时').map((m) => [m.dimension, m.afterValue])).toEqual([['time', null], ['time', null]]);
    // The phrase never starts inside the adverb (分别快, not 别快).
    expect(measures('，比全国平均水平分别快12.5小时和0.8小时。')[0].text).toBe('分别快12.5小时');
  });
});

describe('readMeasures: changes with words between their parts', () => {
  it('reads 的 + what is counted after a 将 object, 承诺的 before the after side, 最快 before a word', () => {
    expect(only('将原来需要7个工作日的审批时限缩短为2个工作日')).toMatchObject({ dimension: 'time', beforeValue: 7, afterValue: 2 });
    expect(only('审批时限由法定的20个工作日压缩至承诺的8个工作日')).toMatchObject({ beforeValue: 20, afterValue: 8, reductionPct: 60 });
    expect(only('审批时间从原来的平均22天缩减到最快当天办结')).toMatchObject({ beforeValue: 22, afterValue: 1 });
  });

  it('reads what a percent cuts when it follows the percent', () => {
    expect(only('压缩60%以上的办理时间')).toMatchObject({ dimension: 'time', reductionPct: 60 });
  });
});
