// Tables of cases (名单) flattened to text, in the variants the golden fixtures (case-list-*) do not cover:
// the table after the case texts, cells separated by single spaces, rows grouped under regions, a header row
// repeated on a new page — and tab-indented bullets inside a body, which are no table. Made-up notices
// modelled on real ones.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestError, ingestDocument } from '../../src/ingest/pipeline.ts';

const ingest = (lines: string[]) => ingestDocument({ sourceFile: 'notice.txt', bytes: new TextEncoder().encode(lines.join('\n')) });
const notice = (count: string, issuer: string) => ['关于公布优化营商环境典型案例名单的通知', '各市人民政府:', `现将${count}个典型案例名单予以公布。`, issuer, '2024年5月6日'];
const partCase = (title: string, k: number) => [title, '一、背景情况', `背景${k}说明。`, '二、主要做法', '1.整合事项,统一受理。', '2.全程网办,减少跑动。', '三、取得成效', `办理时间缩短${k + 3}成。`];

describe('a table of cases', () => {
  it('after the case texts: lists the same cases (matched, not doubled); its caption is no case text', () => {
    const titles = ['南昌市推行“拿地即开工”', '赣州市打造“赣服通”赣州分厅'];
    const r = ingest([
      ...notice('2', '江西省发展和改革委员会'),
      ...titles.flatMap(partCase),
      '附件',
      '典型案例名单',
      '序号\t案例名称\t推荐单位\t所属领域',
      `1\t${titles[0]}\t南昌市发展改革委\t办理建筑许可`,
      `2\t${titles[1]}\t赣州市政务服务管理局\t政务服务`,
    ]);
    expect(r.cases.map((c) => c.title)).toEqual(titles);
    expect(r.cases.map((c) => c.has_body)).toEqual([true, true]);
    expect(r.cases.map((c) => [c.indicator, c.indicator_source])).toEqual([['construction_permits', 'document'], ['government_services', 'document']]);
    expect(r.cases[1].outcomes).toBe('办理时间缩短4成。');
    expect(r.unassigned).toEqual([]);
    expect(r.report.warnings.map((w) => w.code)).not.toContain('cases_without_text');
  });

  it('cells separated by single spaces: the last cells are the short columns, the title keeps its own space', () => {
    const r = ingest([
      ...notice('3', '江苏省发展和改革委员会'),
      '序号 案例名称 申报地区',
      '1 推行“不见面审批” 提升办事效率 南京市',
      '2 企业开办“一窗通” 苏州市',
      '3 “苏服办”总门户 无锡市',
    ]);
    expect(r.cases.map((c) => [c.title, c.city])).toEqual([
      ['推行“不见面审批” 提升办事效率', '南京市'],
      ['企业开办“一窗通”', '苏州市'],
      ['“苏服办”总门户', '无锡市'],
    ]);
    expect(r.report.warnings).toContainEqual({ code: 'cases_without_text', params: { n: 3, found: 3 } });
  });

  it('rows grouped under regions, numbering restarting in each group: the region places the rows', () => {
    const r = ingest([
      ...notice('3', '浙江省发展和改革委员会'),
      '一、杭州市',
      '序号\t案例名称',
      '1\t企业开办“一件事”改革',
      '2\t“亲清在线”数字平台',
      '二、宁波市',
      '序号\t案例名称',
      '1\t“甬易办”惠企政策兑现',
    ]);
    expect(r.cases.map((c) => [c.title, c.city])).toEqual([
      ['企业开办“一件事”改革', '杭州市'],
      ['“亲清在线”数字平台', '杭州市'],
      ['“甬易办”惠企政策兑现', '宁波市'],
    ]);
    expect(r.unassigned).toEqual([]);
  });

  it('one cell per line, the header row repeated on the next page', () => {
    const r = ingest([
      ...notice('3', '山东省发展和改革委员会'),
      '序号', '案例名称', '申报单位',
      '1', '推行“交房即交证”改革', '济南市自然资源和规划局',
      '2', '打造“一网通办”政务服务品牌', '青岛市行政审批服务局',
      '- 2 -',
      '序号', '案例名称', '申报单位',
      '3', '港口通关“一次查验”', '烟台海关',
    ]);
    expect(r.cases.map((c) => [c.title, c.city])).toEqual([
      ['推行“交房即交证”改革', '济南市'],
      ['打造“一网通办”政务服务品牌', '青岛市'],
      ['港口通关“一次查验”', '烟台市'],
    ]);
    expect(r.unassigned).toEqual([]);
  });

  it('cells between bars, under an indicator heading with no number', () => {
    const r = ingest([
      ...notice('2', '河南省发展和改革委员会'),
      '获得电力',
      '| 序号 | 案例名称 | 申报单位 |',
      '| 1 | 低压小微企业“零投资”接电 | 郑州市发展改革委 |',
      '| 2 | 电力接入工程审批“一链办理” | 洛阳市行政审批服务局 |',
    ]);
    expect(r.cases.map((c) => [c.title, c.city, c.indicator, c.indicator_source])).toEqual([
      ['低压小微企业“零投资”接电', '郑州市', 'electricity', 'document'],
      ['电力接入工程审批“一链办理”', '洛阳市', 'electricity', 'document'],
    ]);
    expect(r.unassigned).toEqual([]);
  });

  it('a figure table inside a case body (序号 / 项目名称 / 投资额) is no table of cases', () => {
    const body = (title: string, k: number) => [title, '一、背景情况', '项目审批环节多。', '二、主要做法', '序号\t项目名称\t投资额(亿元)', `1\t产业园${k}期\t12`, `2\t物流园${k}期\t8`, '三、取得成效', '审批时间缩短一半。'];
    const r = ingest([...notice('2', '河南省发展和改革委员会'), ...body('郑州市推行“拿地即开工”', 1), ...body('洛阳市推行“标准地”出让', 2)]);
    expect(r.cases.map((c) => c.title)).toEqual(['郑州市推行“拿地即开工”', '洛阳市推行“标准地”出让']);
    expect(r.cases.every((c) => c.has_body && c.measures.includes('物流园'))).toBe(true);
  });

  it('a list numbered with a blank (1 甲市推行…): its numbers are entries of the list, not case markers', () => {
    const titles = ['合肥市推行“免申即享”惠企政策兑现', '芜湖市打造“一窗通办”综合服务', '蚌埠市实施工程建设项目“多测合一”'];
    const listOnly = ingest([...notice('3', '安徽省人民政府办公厅'), '附件', '第四批典型案例名单', ...titles.map((t, k) => `${k + 1} ${t}`)]);
    expect(listOnly.cases.map((c) => [c.title, c.city, c.has_body])).toEqual(titles.map((t) => [t, t.slice(0, 3), false]));
    expect(listOnly.report.layout).toBe('list-only');
    // The same list above the case texts: one case each, with its text.
    const withTexts = ingest([...notice('3', '安徽省人民政府办公厅'), ...titles.map((t, k) => `${k + 1} ${t}`), ...titles.flatMap(partCase)]);
    expect(withTexts.cases.map((c) => [c.title, c.has_body])).toEqual(titles.map((t) => [t, true]));
  });

  it('copied without its header row: tab-separated cells whose columns read as titles, units and indicators', () => {
    const r = ingest([
      ...notice('2', '重庆市人民政府办公厅'),
      '1\t推行“渝快办”跨省通办\t重庆市大数据应用发展管理局\t政务服务',
      '2\t涉企行政执法“综合查一次”\t重庆市渝北区人民政府\t市场监管',
    ]);
    expect(r.cases.map((c) => [c.title, c.county, c.indicator, c.has_body])).toEqual([
      ['推行“渝快办”跨省通办', null, 'government_services', false],
      ['涉企行政执法“综合查一次”', '渝北区', 'market_regulation', false],
    ]);
  });

  it('copied without its header row, cells separated by single spaces (a PDF as a text extractor writes it)', () => {
    const r = ingest([
      ...notice('2', '甘肃省人民政府办公厅'),
      '1 推行企业开办“一窗通办” 兰州市市场监督管理局 开办企业',
      '2 打造“陇电通”低压办电服务 国网天水供电公司 获得电力',
    ]);
    expect(r.cases.map((c) => [c.title, c.city, c.agency, c.indicator, c.has_body])).toEqual([
      ['推行企业开办“一窗通办”', '兰州市', '兰州市市场监督管理局', 'starting_business', false],
      ['打造“陇电通”低压办电服务', '天水市', '国网天水供电公司', 'electricity', false],
    ]);
    // A numbered list of sentences with spaces is no table: its words read as no unit nor field.
    const prose = ingest([...notice('2', '甘肃省人民政府办公厅'), '1 推行企业开办“一窗通办” 实现当日办结', '2 打造“陇电通”低压办电服务 实现零投资']);
    expect(prose.cases.every((c) => c.agency === null)).toBe(true);
  });

  it('a PDF table as pdftotext -layout writes it: cells wrapped onto the lines below their row are joined to them', () => {
    const r = ingest([
      '附件',
      '第二批优化营商环境典型案例',
      '序号     案例名称                 申报单位           主要做法及成效',
      '1        西宁市推行不动产“带押    西宁市自然资源和   推行二手房“带押过户”，转移登记和',
      '         过户”登记模式            规划局             抵押登记合并办理，办理时间由5个工',
      '                                                     作日缩短至1个工作日。',
      '2        海东市打造“园区事园区    海东市政务服务监   设立政务服务分中心，园区企业办事',
      '         办”服务模式              督管理局           跑腿次数由3次减少为0次。',
      '各地要结合实际学习借鉴',
    ]);
    expect(r.cases.map((c) => [c.title, c.agency, c.measures])).toEqual([
      ['西宁市推行不动产“带押过户”登记模式', '西宁市自然资源和规划局', '推行二手房“带押过户”,转移登记和抵押登记合并办理,办理时间由5个工作日缩短至1个工作日。'],
      ['海东市打造“园区事园区办”服务模式', '海东市政务服务监督管理局', '设立政务服务分中心,园区企业办事跑腿次数由3次减少为0次。'],
    ]);
    // The prose after the table continues no closed cell.
    expect(r.cases.some((c) => c.measures.includes('各地要'))).toBe(false);
  });

  it('one cell per line without its header row (1 / 标题 / 地区): a wrapped title is one cell', () => {
    const r = ingest([
      ...notice('3', '广西壮族自治区优化营商环境领导小组办公室'),
      '附件',
      '1', '推行“交房即交证”改革', '南宁市',
      '2', '打造“柳州螺蛳粉”产业链', '全周期政务服务', '柳州市',
      '3', '县域“信易贷”助力小微企业融资', '桂林市荔浦市',
    ]);
    expect(r.cases.map((c) => [c.title, c.city, c.has_body])).toEqual([
      ['推行“交房即交证”改革', '南宁市', false],
      ['打造“柳州螺蛳粉”产业链全周期政务服务', '柳州市', false],
      ['县域“信易贷”助力小微企业融资', '桂林市', false],
    ]);
    expect(r.unassigned).toEqual([]);
  });

  it('cases under bare numbers with a one-line text (01 / 标题 / 正文。) are cases with their text, not a table', () => {
    const r = ingest([
      ...notice('2', '贵州省人民政府办公厅'),
      '01', '贵阳市推行“一业一证”改革', '贵阳市将一个行业准入涉及的多张许可证整合为一张行业综合许可证。',
      '02', '遵义市打造“遵新办”政务服务品牌', '遵义市推行“一窗综办”“帮办代办”,企业办事“只跑一次”。',
    ]);
    expect(r.cases.map((c) => [c.title, c.has_body])).toEqual([['贵阳市推行“一业一证”改革', true], ['遵义市打造“遵新办”政务服务品牌', true]]);
  });

  it('no header row: a figure table inside a body (1<tab>产业园一期<tab>12亿元) is no table of cases', () => {
    const body = (title: string, k: number) => [title, '一、背景情况', '项目审批环节多。', '二、主要做法', `1\t产业园${k}期建设项目\t12亿元`, `2\t物流园${k}期建设项目\t8亿元`, '三、取得成效', '审批时间缩短一半。'];
    const r = ingest([...notice('2', '河南省发展和改革委员会'), ...body('郑州市推行“拿地即开工”', 1), ...body('洛阳市推行“标准地”出让', 2)]);
    expect(r.cases.map((c) => [c.title, c.has_body])).toEqual([['郑州市推行“拿地即开工”', true], ['洛阳市推行“标准地”出让', true]]);
    expect(r.cases.every((c) => c.measures.includes('物流园'))).toBe(true);
  });

  it('no header row, no table: tab-indented bullets inside bodies start no case', () => {
    const body = (title: string) => [title, '一、背景情况', '群众办事多头跑。', '二、主要做法', '1\t整合窗口,实行综合受理。', '2\t推行网上办理,全程电子化。', '三、取得成效', '办理时间缩短60%。'];
    const r = ingest([...notice('2', '福建省发展和改革委员会'), ...body('福州市推行“一趟不用跑”'), ...body('厦门市打造“i厦门”平台')]);
    expect(r.cases.map((c) => c.title)).toEqual(['福州市推行“一趟不用跑”', '厦门市打造“i厦门”平台']);
    expect(r.cases.every((c) => c.measures.includes('整合窗口') && c.has_body)).toBe(true);
  });

  it('a row number at the very end, with no cells after it, makes no table (the reader says why, it does not fail)', () => {
    const lines = [...notice('1', '上海市发展和改革委员会'), '1', '上海市市场监督管理局推行经营主体住所登记“标准化+承诺制”', '案例名称', '2'];
    expect(() => ingest(lines)).toThrow(IngestError);
  });

  it('never fails on a broken table: lines of layout fixtures dropped, and table-like lines put anywhere, give cases or a reason', () => {
    const dir = 'tests/fixtures/layouts';
    const notices = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`${dir}/${f}`, 'utf8').split('\n'));
    const stray = ['序号', '案例名称', '申报单位', '1', '2', '3', '4', '序号\t案例名称\t申报单位', '1\t甲市推行一件事改革\t杭州市', '2\t乙市推行一件事改革\t开办企业', '一、开办企业', '附件', '杭州市', '开办企业', '| 1 | 甲 |', '1 甲市推行改革'];
    let seed = 23;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 1500; k++) {
      const lines = notices[Math.floor(random() * notices.length)].flatMap((l) => {
        const r = random();
        return r < 0.1 ? [] : r < 0.35 ? [stray[Math.floor(random() * stray.length)], l] : [l];
      });
      try {
        ingest(lines);
      } catch (error) {
        expect(error, lines.join('\n')).toBeInstanceOf(IngestError);
      }
    }
    // 1,500 ingests: ~30 s alone, up to two minutes beside the e2e files on a loaded machine (not a speed check).
  }, 300_000);
});
