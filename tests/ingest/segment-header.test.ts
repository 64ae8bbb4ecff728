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
