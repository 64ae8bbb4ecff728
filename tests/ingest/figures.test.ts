import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/ingest/figures.ts';
import { parseChineseNumeral } from '../../src/ingest/figures-numbers.ts';
import type { Figure } from '../../src/ingest/types.ts';

const RAW = join(__dirname, '../../data/raw');
const toCn = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** A raw document as simplified text (the pipeline converts before it extracts figures). */
function rawText(prefix: string): string {
  const file = readdirSync(RAW).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!file) throw new Error(`no raw file ${prefix}`);
  const text = readFileSync(join(RAW, file), 'utf8');
  return prefix === '000' ? toCn(text) : text;
}

/** The sentence (between 。/；/line breaks) of a raw document that contains `phrase`. */
function sentenceWith(prefix: string, phrase: string): string {
  const hit = rawText(prefix).split(/[。；;\n]/).find((s) => s.includes(phrase));
  if (!hit) throw new Error(`phrase not in ${prefix}: ${phrase}`);
  return hit;
}

const figs = (text: string) => extractFigures('outcomes', text);
const one = (text: string): Figure => {
  const all = figs(text);
  expect(all, JSON.stringify(all)).toHaveLength(1);
  return all[0];
};
const pick = (f: Figure) => ({ text: f.text, value: f.value, unit: f.unit, kind: f.kind, valueNorm: f.valueNorm, unitNorm: f.unitNorm });

describe('extractFigures: units, kinds and normalisation', () => {
  it('reads the examples of the contract with their phrase', () => {
    const all = figs('办理时间从20个工作日压缩至3个工作日,累计发放贷款59.68亿元,同比增长18.96%。');
    expect(all.map(pick)).toEqual([
      { text: '办理时间从20个工作日压缩至3个工作日', value: 3, unit: '个工作日', kind: 'duration', valueNorm: 3, unitNorm: '天' },
      { text: '累计发放贷款59.68亿元', value: 59.68, unit: '亿元', kind: 'money', valueNorm: 596800, unitNorm: '万元' },
      { text: '同比增长18.96%', value: 18.96, unit: '%', kind: 'percent', valueNorm: 18.96, unitNorm: '%' },
    ]);
    expect(all[0]).toMatchObject({ beforeValue: 20, afterValue: 3, section: 'outcomes' });
    expect(all[1]).toMatchObject({ beforeValue: null, afterValue: null });
  });

  it('normalises money to 万元 and durations to days', () => {
    expect(one('补贴500元').valueNorm).toBe(0.05);
    expect(one('总额1.2万亿元').valueNorm).toBe(120000000);
    expect(one('资金3千万元')).toMatchObject({ unit: '千万元', valueNorm: 3000 });
    expect(one('外资39.9亿美元')).toMatchObject({ kind: 'money', unit: '亿美元', valueNorm: 399000, unitNorm: '万美元' });
    expect(one('约48小时办结')).toMatchObject({ unit: '小时', valueNorm: 2, unitNorm: '天' });
    expect(one('只需30分钟')).toMatchObject({ unit: '分钟', unitNorm: '天' });
    expect(one('只需30分钟').valueNorm).toBeCloseTo(30 / 1440, 9);
    expect(one('审查周期3个月')).toMatchObject({ unit: '个月', valueNorm: 90 });
    expect(one('连续3年')).toMatchObject({ unit: '年', valueNorm: 1095 });
    expect(one('两周内')).toMatchObject({ value: 2, unit: '周', valueNorm: 14, text: '两周内' });
    // 工作日 stay as stated: no conversion to calendar days, unit_norm 天.
    expect(one('5个工作日内办结')).toMatchObject({ text: '5个工作日内办结', value: 5, valueNorm: 5, unitNorm: '天' });
  });

  it('keeps multipliers in the unit and applies them in value_norm, for digits and Chinese numerals', () => {
    expect(one('共有1.5万余家企业')).toMatchObject({ value: 1.5, unit: '万家', kind: 'count', valueNorm: 15000, unitNorm: '家' });
    expect(one('服务4.44亿人次')).toMatchObject({ unit: '亿人次', valueNorm: 444000000, unitNorm: '人次' });
    expect(one('奖补三万元')).toMatchObject({ value: 3, unit: '万元', valueNorm: 3 });
    expect(one('一万元')).toMatchObject({ value: 1, unit: '万元', valueNorm: 1 });
    expect(one('惠及两千多家企业')).toMatchObject({ value: 2000, unit: '家', valueNorm: 2000 });
    // A bare multiplier after digits is an amount without a unit: kind other, unit_norm ''.
    expect(one('惠及群众3.3万。')).toMatchObject({ value: 3.3, unit: '万', kind: 'other', valueNorm: 33000, unitNorm: '' });
  });

  it('keeps the number of approximations and leaves the marker in the phrase', () => {
    expect(one('超过300家').text).toBe('超过300家');
    expect(one('超过300家').value).toBe(300);
    expect(one('案件100余件')).toMatchObject({ value: 100, unit: '件' });
    expect(one('资金10余万元')).toMatchObject({ value: 10, unit: '万元' });
    expect(one('近百家企业')).toMatchObject({ value: 100, unit: '家', text: '近百家企业' });
    expect(one('逾千人')).toMatchObject({ value: 1000, unit: '人' });
    expect(one('向辖区百余家重点企业')).toMatchObject({ value: 100, unit: '家' });
    expect(one('耗时3个多月')).toMatchObject({ value: 3, unit: '个月', valueNorm: 90 });
    expect(one('提高50%以上')).toMatchObject({ text: '提高50%以上', value: 50 });
    expect(one('时间20%左右')).toMatchObject({ text: '时间20%左右', value: 20 });
  });

  it('reads Chinese numerals before a unit, including halves', () => {
    expect(one('三个工作日办结')).toMatchObject({ value: 3, unit: '个工作日' });
    expect(one('两天')).toMatchObject({ value: 2, unit: '天' });
    expect(one('培育一百二十家')).toMatchObject({ value: 120, unit: '家' });
    expect(one('一个半小时')).toMatchObject({ value: 1.5, unit: '个小时', valueNorm: 0.0625 });
    expect(one('半天办结')).toMatchObject({ value: 0.5, unit: '天', valueNorm: 0.5 });
    expect(one('一个工作日')).toMatchObject({ value: 1 }); // a one-day duration is a real figure
  });

  it('parses Chinese numerals', () => {
    expect(parseChineseNumeral('十五')).toEqual({ value: 15, multiplier: '' });
    expect(parseChineseNumeral('一百零五')).toEqual({ value: 105, multiplier: '' });
    expect(parseChineseNumeral('三十万')).toEqual({ value: 30, multiplier: '万' });
    expect(parseChineseNumeral('二〇二三')).toEqual({ value: 2023, multiplier: '' });
    expect(parseChineseNumeral('十四五')).toBeNull();
    expect(parseChineseNumeral('千家')).toBeNull();
  });

  it('handles full-width digits and percent signs', () => {
    expect(one('增长１８．９６％')).toMatchObject({ text: '增长１８．９６％', value: 18.96, unit: '%' });
    expect(one('办结时间３个工作日')).toMatchObject({ value: 3, unit: '个工作日' });
  });

  it('reads thousands separators but not comma-separated clauses', () => {
    expect(one('办件27,848件')).toMatchObject({ value: 27848 });
    expect(figs('增长12%,100家企业受益').map((f) => f.value)).toEqual([12, 100]);
  });

  it('takes what a count counts up to the verb that follows it, when no clause end is near', () => {
    expect(figs('首日即有12个个体工商户通过智能登记领取执照。')[0].text).toBe('首日即有12个个体工商户');
    expect(figs('已为186个个体工商户核发行业综合许可证')[0].text).toBe('已为186个个体工商户');
    expect(figs('4.3万户经营主体成功办理')[0].text).toBe('4.3万户经营主体');
    // A clause end within reach decides as before.
    expect(figs('已有37个项目实现“拿地即开工”')[0].text).toBe('已有37个项目实现');
  });

  it('never cuts a word ending in 及 (涉及, 惠及, 及时) nor an adverb (分别, 平均)', () => {
    expect(figs('累计办理离境退税涉及退税额同比增长87.89%。')[0].text).toBe('涉及退税额同比增长87.89%');
    expect(figs('平台上线后惠及企业1200多家。')[0].text).toBe('惠及企业1200多家');
    expect(figs('其中116家企业涉及用地审批、政策执行等问题。')[0].text).toBe('其中116家企业');
    expect(figs('诉求办理及时率达100%。')[0].text).toBe('及时率达100%');
    expect(figs('恢复水平分别比全国平均高48个百分点。')[0].text).not.toMatch(/^均/);
  });

  it('where no boundary is near, the phrase opens after the verb whose object is counted, not inside a word of three', () => {
    expect(figs('行业准营时间大幅压缩,已发放行业综合许可证2860张。')[0].text).toBe('行业综合许可证2860张');
    expect(figs('截至目前累计办理台胞居民居住证130张。')[0].text).toBe('台胞居民居住证130张');
    // A verb that forms a noun there (服务中心, 审批系统, 办结率) opens nothing.
    expect(figs('欠薪线索实时办结率保持94%以上。')[0].text).toBe('保持94%以上');
    expect(figs('在市县两级企业综合服务中心设置102个综合窗口。')[0].text).toBe('设置102个综合窗口');
  });

  it('counts measures (19条措施) and ratios (翻9倍)', () => {
    expect(one('出台19条措施')).toMatchObject({ value: 19, unit: '条', kind: 'count' });
    expect(one('实现翻9倍增长')).toMatchObject({ text: '实现翻9倍', value: 9, unit: '倍', kind: 'other', unitNorm: '倍' });
    expect(one('提高2个百分点')).toMatchObject({ kind: 'percent', unit: '个百分点', unitNorm: '百分点' });
    expect(one('面积达3200平米')).toMatchObject({ kind: 'other', unit: '平米', unitNorm: '平方米' });
  });
});

describe('extractFigures: not figures', () => {
  it.each([
    ['dates', '2023年12月4日印发,今年5月上线,7月5日起实施,2021—2023年,2023年度,1—10月,9月4日'],
    ['Chinese dates and eras', '二〇二三年,上世纪90年代'],
    ['times', '每天9:30开门,17:00截止'],
    ['document numbers and ordinals', '(发改能源规〔2025〕624号)第7期,第二批,第七届,第16条,居全国第二位'],
    ['list numbering', '1.福建省智能客服 (一)立足本地特色 一是写好 01 二、主要做法 附件3'],
    ['codes, models, hotlines', 'KD6262全货机,5G基站,X光机,拨打12345热线,4·26知识产权宣传周,5·18,“1+N”,7×24小时服务'],
    ['phone numbers', '咨询电话0591-87654321'],
    ['words with 一 and slogans', '一网通办,一次办好,一件事,一张网,一窗受理,“三个一”工作机制,三位一体,统一个体工商户'],
    ['idioms and vague amounts', '千家万户,老百姓,上百条,数十家,几十个,十四五规划'],
    ['class names', '一类、二类和三类平均办结'],
    ['a period before a rate', '从一周1班'],
    ['a number without a unit', '营销2.0系统,数字政府3.0'],
  ])('%s', (_label, text) => {
    expect(figs(text)).toEqual([]);
  });

  it('a date next to a figure does not leak into it', () => {
    const all = figs('2023年9月4日起,5日内办结,2021-2023年累计3年');
    expect(all.map((f) => [f.text, f.unit])).toEqual([['5日内办结', '日'], ['累计3年', '年']]);
  });
});

describe('extractFigures: before/after and ranges', () => {
  it('merges a reduction into one figure with before/after in unit_norm', () => {
    expect(one('办理时限从最长70天压减到14个工作日内')).toMatchObject({
      text: '办理时限从最长70天压减到14个工作日内', value: 14, unit: '个工作日', beforeValue: 70, afterValue: 14,
    });
    expect(one('由5天缩短至1天')).toMatchObject({ text: '由5天缩短至1天', value: 1, beforeValue: 5, afterValue: 1 });
    expect(one('从5%降至2%')).toMatchObject({ kind: 'percent', value: 2, beforeValue: 5, afterValue: 2 });
    expect(one('20个工作日压缩到3个工作日')).toMatchObject({ beforeValue: 20, afterValue: 3 });
    expect(one('从三天缩短至一天')).toMatchObject({ value: 1, beforeValue: 3, afterValue: 1 });
    expect(one('申报材料从58份精简至24份')).toMatchObject({ kind: 'count', beforeValue: 58, afterValue: 24 });
  });

  it('compares mixed units through unit_norm and lends the unit to a bare first side', () => {
    const f = one('从2小时缩短至30分钟');
    expect(f).toMatchObject({ value: 30, unit: '分钟' });
    expect(f.beforeValue).toBeCloseTo(2 / 24, 9);
    expect(f.afterValue).toBeCloseTo(30 / 1440, 9);
    expect(f.afterValue).toBe(f.valueNorm);
    expect(one('从20压缩至3个工作日')).toMatchObject({ beforeValue: 20, afterValue: 3 });
    expect(one('由5000万元提高到1.2亿元')).toMatchObject({ beforeValue: 5000, afterValue: 12000 });
  });

  it('reads what the first side counts between it and the verb, after 从/由 or as the object of 将/把', () => {
    expect(one('注销办理由5个环节减少为2个')).toMatchObject({ text: '注销办理由5个环节减少为2个', value: 2, beforeValue: 5, afterValue: 2 });
    expect(one('从3个部门精简至1个')).toMatchObject({ beforeValue: 3, afterValue: 1 });
    // 将 X 整合为 Y says what X became: one change, whatever the attributes before X.
    expect(one('集成服务将5个事项整合为1个环节')).toMatchObject({ text: '集成服务将5个事项整合为1个环节', value: 1, beforeValue: 5, afterValue: 1 });
    expect(one('将办理登记需要的15份材料减少至6份')).toMatchObject({ beforeValue: 15, afterValue: 6 });
    // Without 从/由/将 the first number is not said to be the before side: two figures.
    expect(figs('5个事项压缩为2个').map((f) => f.beforeValue)).toEqual([null, null]);
    expect(figs('将5个事项压缩，1个环节').map((f) => f.beforeValue)).toEqual([null, null]);
  });

  it('reads 变为 / 整合为 / 合并为 as changes, and a Chinese 一 as the after side of one', () => {
    expect(one('办理环节由三个变为一个')).toMatchObject({ value: 1, beforeValue: 3, afterValue: 1 });
    expect(one('环节由四个减少到一个')).toMatchObject({ text: '环节由四个减少到一个', beforeValue: 4, afterValue: 1 });
    expect(one('将3张表单合并为1张')).toMatchObject({ beforeValue: 3, afterValue: 1 });
    // Without a before side, 一 + a measure word stays a slogan.
    expect(figs('整合为一张网')).toEqual([]);
    expect(figs('变为一个窗口')).toEqual([]);
  });

  it('reads 日 on either side of a change as days, not a date', () => {
    expect(one('合同签订时间由30日压缩至15日')).toMatchObject({ unit: '日', beforeValue: 30, afterValue: 15 });
    expect(one('将欠薪案件审限缩短至30日')).toMatchObject({ unit: '日', value: 30, beforeValue: null });
    expect(figs('9月1日至15日')).toEqual([]);
  });

  it('reads shares written in words as percents: 三分之一, 一半 after a change verb, 三成', () => {
    expect(one('办理材料精简了三分之一')).toMatchObject({ text: '办理材料精简了三分之一', value: 33.3, unit: '%', kind: 'percent' });
    expect(one('审批时间缩短一半以上')).toMatchObject({ text: '审批时间缩短一半以上', value: 50, unit: '%' });
    expect(one('办电成本降低三成')).toMatchObject({ value: 30, unit: '%', valueNorm: 30 });
    expect(figs('一半以上的企业,一成不变,三成为')).toEqual([]);
  });

  it('does not pair figures of different kinds, or without a change verb', () => {
    expect(figs('贷款3亿元提升至20%').map((f) => f.beforeValue)).toEqual([null, null]);
    expect(figs('增长12%,达到5亿元').map((f) => f.kind)).toEqual(['percent', 'money']);
  });

  it('reads a range as one figure with its upper bound', () => {
    expect(one('精简2-3项')).toMatchObject({ text: '精简2-3项', value: 3, beforeValue: null, afterValue: null });
    expect(one('3至5个工作日')).toMatchObject({ text: '3至5个工作日', value: 5 });
    expect(one('补贴1万至2万元')).toMatchObject({ value: 2, unit: '万元', valueNorm: 2 });
    expect(one('5%-10%')).toMatchObject({ value: 10 });
    expect(one('面积从39㎡至327㎡')).toMatchObject({ value: 327, beforeValue: null });
  });
});

describe('extractFigures on real sentences of the corpus', () => {
  it('a simplified notice (001): reductions, ranges, money', () => {
    const s1 = sentenceWith('001', '从15.6个月压缩至70天');
    expect(figs(s1).find((f) => f.text.includes('15.6个月'))).toMatchObject({
      text: '将专利审查周期从15.6个月压缩至70天', value: 70, unit: '天', beforeValue: 468, afterValue: 70,
    });
    const s2 = sentenceWith('001', '由改革前的65%提升至目前的92%');
    expect(figs(s2).at(-1)).toMatchObject({ value: 92, beforeValue: 65, afterValue: 92 });
    const s3 = sentenceWith('001', '百余家重点企业');
    expect(figs(s3).map((f) => f.text)).toContain('向辖区百余家重点企业宣讲');
    const s4 = sentenceWith('001', '〔2025〕624号');
    expect(figs(s4).filter((f) => /2025|624/.test(f.text))).toEqual([]);
  });

  it('a Shaanxi notice (003): hotline, slogans and a colon are not figures; figures beside them are', () => {
    expect(figs(sentenceWith('003', '安康12345热线坚持')).filter((f) => f.text.includes('12345'))).toEqual([]);
    const s1 = sentenceWith('003', '(即:1小时确认、1日内核查)');
    expect(figs(s1).map((f) => [f.text, f.kind])).toEqual([
      ['传送至107个', 'count'], ['1小时确认', 'duration'], ['1日内核查', 'duration'], ['在1小时内', 'duration'],
    ]);
    const s2 = sentenceWith('003', '“1110”用水报装模式');
    expect(figs(s2).map((f) => f.text)).toEqual(['实现1个工作日', '1个报装环节', '1项申请材料']);
    expect(one(sentenceWith('003', '提速到2个工作日'))).toMatchObject({ text: '提速到2个工作日', value: 2 });
  });

  it('a simplified notice (001): 由X缩短至Y, and a change to no number (缩短至当场受理)', () => {
    const s = sentenceWith('001', '由5个工作日缩短至3个工作日');
    expect(figs(s).map((f) => [f.text, f.beforeValue, f.afterValue])).toEqual([
      ['线下申请受理时限由2个工作日', null, null], // "…缩短至当场受理": no after number, so a plain figure (measures.ts reads the word)
      ['时限由5个工作日缩短至3个工作日', 5, 3],
      ['时限从15个工作日缩短至5个工作日', 15, 5],
      ['现场核查最长不超过5日', null, null], // 日 after 超过 is a duration, not a day of the month
    ]);
  });

  it('a traditional notice (000), converted: ranges on both sides of a change, 万余家, 翻9倍, no codes', () => {
    const s1 = sentenceWith('000', '缩短至15—30分钟');
    const change = figs(s1).find((f) => f.beforeValue !== null);
    expect(change).toMatchObject({ text: '时间从3—5天缩短至15—30分钟', value: 30, unit: '分钟', beforeValue: 5 });
    const s2 = sentenceWith('000', '1.5万余家企业');
    expect(figs(s2).map(pick)).toContainEqual(
      { text: '法律服务机构为1.5万余家企业提供', value: 1.5, unit: '万家', kind: 'count', valueNorm: 15000, unitNorm: '家' },
    );
    expect(figs(s2).map((f) => f.text)).toContain('兑现产业奖补资金1500余万元');
    expect(figs(sentenceWith('000', '翻9倍')).map((f) => f.unit)).toContain('倍');
    const s3 = sentenceWith('000', 'KD6262');
    expect(figs(s3).map((f) => [f.value, f.unit])).toEqual([[87, '吨']]);
    expect(figs(sentenceWith('000', '4·26')).filter((f) => f.value === 26 || f.value === 4)).toEqual([]);
    expect(figs(sentenceWith('000', '(2021—2023年)'))).toEqual([]);
  });
});

describe('extractFigures over the whole corpus', () => {
  it('finds no dates and keeps every phrase exact', () => {
    const lines = ['000', '001', '002', '003'].flatMap((p) => rawText(p).split(/\r?\n/));
    const all = lines.flatMap((line) => figs(line).map((f) => ({ f, line })));

    expect(all.length).toBeGreaterThan(1000);
    for (const { f, line } of all) {
      expect(line.includes(f.text), f.text).toBe(true);
      expect(f.unit, f.text).not.toBe('');
      expect(Number.isFinite(f.value) && Number.isFinite(f.valueNorm), f.text).toBe(true);
      // Date patterns never become figures: 2023年, 9月4日, 今年5月, 15日起.
      expect(f.unit === '年' && f.value >= 1000, f.text).toBe(false);
      expect(f.unit, f.text).not.toBe('月');
      if (f.unit === '日') expect(f.text, f.text).toMatch(/日(?:以|之)?内\p{Script=Han}*$|(?:超过|最长|最多|需|仅|用时|耗时|为|至|到)\d+日\p{Script=Han}*$|\d+日(?:压缩|缩短|减少)/u);
      expect(f.text, f.text).not.toMatch(/\d{4}年|\d月\d{1,2}日/);
      if (f.beforeValue !== null) expect(f.afterValue).toBe(f.valueNorm);
    }
    const byKind: Record<string, number> = {};
    for (const { f } of all) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
    for (const kind of ['count', 'money', 'percent', 'duration', 'other']) expect(byKind[kind], kind).toBeGreaterThan(0);
    const pairs = all.filter(({ f }) => f.beforeValue !== null).length;
    expect(pairs).toBeGreaterThan(10);
    console.log(`figures: ${all.length} in ${lines.length} lines; by kind`, byKind, `before/after pairs: ${pairs}`);
  });
});
