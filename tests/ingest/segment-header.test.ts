// The document's own facts from its header lines, and titles read from the first sentence of a paragraph, in
// the forms other provinces publish them (made-up lines modelled on real notices).
import { describe, expect, it } from 'vitest';
import { readHeader } from '../../src/ingest/segment-header.ts';
import { splitFirstSentence } from '../../src/ingest/segment-layouts.ts';

describe('readHeader', () => {
  it('issuer and date on one line', () => {
    const h = readHeader(['上海市优化营商环境典型案例(第一批)', '市营商环境建设办公室 2025-03-06']);
    expect([h.issuer, h.published, h.year, h.batch]).toEqual(['市营商环境建设办公室', '2025-03-06', 2025, 1]);
  });

  it('a WeChat byline dates the repost; the headline names the year', () => {
    const h = readHeader(['湖北发布|2023年全省优化营商环境典型案例(第一批)来了!', '原创 湖北营商 湖北省营商办 2022-07-21 09:30 发表于湖北']);
    expect([h.title, h.published, h.year]).toEqual(['湖北发布|2023年全省优化营商环境典型案例(第一批)来了!', '2022-07-21', 2023]);
  });

  it('a repost: the authority its first sentence names issued the notice, not the account of its 来源 line', () => {
    const h = readHeader([
      '湖北这3个优化营商环境典型案例，值得学习！',
      '来源：湖北发布',
      '2024年5月20日',
      '近日，湖北省优化营商环境领导小组办公室印发通知，推广第二批3个典型案例。',
    ]);
    expect([h.issuer, h.published, h.batch]).toEqual(['湖北省优化营商环境领导小组办公室', '2024-05-20', 2]);
  });

  it('a repost: an authority the preamble merely mentions (its policy paper) is no issuer; a news lead-in is skipped', () => {
    const h = readHeader([
      '辽宁省第三批优化营商环境典型案例发布！',
      '今年以来，国务院办公厅印发《关于进一步优化政务服务提升行政效能的意见》，对持续优化营商环境作出部署。',
      '近日，辽宁省营商环境建设局发布全省第三批优化营商环境典型案例，共4个。',
    ]);
    expect(h.issuer).toBe('辽宁省营商环境建设局');
    // Only the mention: no issuer rather than the wrong one.
    expect(readHeader(['某地典型案例来了', '近日，国务院办公厅印发《关于优化营商环境的意见》，对各地作出部署。']).issuer).toBeNull();
    expect(readHeader(['【本报讯】横琴粤澳深度合作区经济发展局日前公布第一批优化营商环境典型案例。']).issuer).toBe('横琴粤澳深度合作区经济发展局');
  });

  it('a 来源 line with its date: the date is read, the label is no issuer; an organisation it names is the fallback', () => {
    const h = readHeader(['湖南这5个改革案例入选', '来源：湖南省发展和改革委员会 2024-03-02', '现将5个典型案例予以推广。']);
    expect([h.issuer, h.published]).toEqual(['湖南省发展和改革委员会', '2024-03-02']);
    expect(readHeader(['来源：长沙晚报公众号 2024-03-02', '现将5个典型案例予以推广。']).issuer).toBeNull();
  });

  it('a bulletin is titled by its masthead; a headline of the genre still wins', () => {
    expect(readHeader(['营商环境工作简报', '第6期', '某省营商环境建设监督局　2025年4月18日']).title).toBe('营商环境工作简报');
    expect(readHeader(['优化营商环境专报', '全省第二批典型案例发布']).title).toBe('全省第二批典型案例发布');
  });

  it('a bulletin: its issue number is no batch; another list\'s batch is not the notice\'s', () => {
    const bulletin = readHeader(['营商环境工作简报', '第15期', '江西省优化营商环境工作领导小组办公室　　2024年9月12日', '本期刊发南昌等地3个典型经验做法。']);
    expect([bulletin.issuer, bulletin.batch, bulletin.year]).toEqual(['江西省优化营商环境工作领导小组办公室', null, 2024]);
    const pilot = readHeader(['营商环境简报', '第8期', '作为国家第二批营商环境创新试点城市，我市现将3个典型案例予以刊发。']);
    expect(pilot.batch).toBeNull();
    expect(readHeader(['营商环境简报', '第9期', '现将2024年第三批3个典型经验做法予以刊发。']).batch).toBe(3);
  });

  it('an issuer signing with a year and month only', () => {
    const h = readHeader(['山东省优化营商环境典型案例汇编', '(第三批)', '山东省发展和改革委员会', '2023年12月']);
    expect([h.issuer, h.published, h.year, h.batch]).toEqual(['山东省发展和改革委员会', null, 2023, 3]);
  });

  it('dates and years in Chinese numerals', () => {
    const h = readHeader(['二〇二三年度湖南省优化营商环境典型案例', '湖南省优化营商环境协调事务中心', '二〇二四年一月十五日']);
    expect([h.issuer, h.published, h.year]).toEqual(['湖南省优化营商环境协调事务中心', '2024-01-15', 2023]);
    expect(readHeader(['某省典型案例', '某省发展和改革委员会', '二〇二三年十二月']).year).toBe(2023);
  });

  it('the issuer on the line above a title opening with 关于', () => {
    const h = readHeader(['辽宁省营商环境建设局', '关于推广第三批优化营商环境典型经验的通知', '各市营商环境建设局:']);
    expect([h.issuer, h.title, h.batch]).toEqual(['辽宁省营商环境建设局', '关于推广第三批优化营商环境典型经验的通知', 3]);
  });

  it('an office (室) signs too', () => {
    expect(readHeader(['国务院办公厅督查室', '2024年11月20日']).issuer).toBe('国务院办公厅督查室');
  });
});

describe('splitFirstSentence', () => {
  it.each([
    ['河北省推行跨区域市场准入“同事同标”。河北省会同北京市梳理高频事项126项。', '河北省推行跨区域市场准入“同事同标”'],
    // The place before a colon, then the title sentence.
    ['东莞市:推行“企业开办全程网办”。东莞市依托政务服务网整合事项。', '东莞市:推行“企业开办全程网办”'],
    ['国家税务总局广东省税务局:推行“非接触式”办税缴费服务。省税务局将事项纳入网上办理。', '国家税务总局广东省税务局:推行“非接触式”办税缴费服务'],
    // The title before a colon.
    ['湛江市推动港口通关便利化:湛江市推行“船边直提”模式,通关时间压缩至24小时以内。', '湛江市推动港口通关便利化'],
  ])('%s', (text, title) => {
    expect(splitFirstSentence(text)?.title).toBe(title);
  });

  it('a body sentence is no title', () => {
    for (const t of [
      '全市累计办理业务2100余件。为群众节省资金9.8亿元。',
      '主要做法:一是建立专班,二是并联审批。',
      '一是推行联合审批:规划、消防、人防等事项并联办理。',
      '东莞市:全市新设企业12.6万户,同比增长15%。下一步将继续推进。',
    ]) {
      expect(splitFirstSentence(t), t).toBeNull();
    }
  });
});
