// How case titles and the headings above them are told from text in layouts without markers or numbers: a title
// signed by the place presenting it (at its end, or on the line under it), slogan headlines vouched for by the
// places their paragraphs open with, place headings grouping unnumbered titles, and results told without a time
// opener. Each rule is also checked where it must not apply.
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/ingest/pipeline.ts';
import { trailingPresenter } from '../../src/ingest/segment-layouts.ts';
import { resultParagraph } from '../../src/ingest/segment-patterns.ts';

const ingest = (lines: string[]) => ingestDocument({ sourceFile: 'notice.txt', bytes: new TextEncoder().encode(lines.join('\n')) });
const places = (r: ReturnType<typeof ingest>) => r.cases.map((c) => [c.city, c.county]);

describe('a title signed by the place presenting it', () => {
  it('at its end (…——威海市) or on the line under it (——威海市): kept out of the title, it places the case', () => {
    for (const sign of [(t: string, p: string) => [`${t}——${p}`], (t: string, p: string) => [t, `——${p}`]]) {
      const r = ingest([
        '山东省优化营商环境创新突破典型案例（第三批）',
        ...sign('「无证明城市」让群众办事“减证便民”', '威海市'),
        '威海市全面梳理政务服务事项中需要群众提交的证明材料，通过数据共享、告知承诺等方式取消证明事项。',
        ...sign('「链式审批」助推项目建设跑出“加速度”', '青岛市西海岸新区'),
        '西海岸新区对重点产业链项目实行“链式审批”，实行一链受理、并联审批、限时办结。',
      ]);
      expect(r.cases.map((c) => c.title)).toEqual(['「无证明城市」让群众办事“减证便民”', '「链式审批」助推项目建设跑出“加速度”']);
      expect(places(r)).toEqual([['威海市', null], ['青岛市', '西海岸新区']]);
      expect(r.cases.map((c) => c.agency)).toEqual([null, null]);
    }
  });

  it('not a subtitle after the dash (——大连市金普新区“信易贷”工作纪实), nor a dash inside a title', () => {
    expect(trailingPresenter('破解企业融资难题——大连市金普新区“信易贷”工作纪实')).toBeNull();
    expect(trailingPresenter('打造“辽事通”政务服务品牌——沈阳市推进政务服务“一网通办”的实践')).toBeNull();
    expect(trailingPresenter('「一站式」知识产权保护服务——济南市市场监督管理局')).toEqual({ title: '「一站式」知识产权保护服务', who: '济南市市场监督管理局' });
  });
});

describe('slogan headlines over paragraphs opening with a place', () => {
  const notice = (second: string) => [
    '宁夏回族自治区优化营商环境典型案例（第二批）',
    '小微企业融资有了“信用钥匙”',
    '石嘴山市依托自治区融资信用服务平台，归集涉企信用信息1200万条，推出“信易贷”纯信用贷款产品。',
    '平台贷款平均审批时间由7天缩短至2天。',
    '让“沉睡”的闲置土地活起来',
    `${second}对批而未供、供而未用土地开展专项清理，建立闲置低效用地收储、再出让、再开发全流程机制。`,
    '全市累计盘活闲置低效用地4800亩。',
  ];

  it('are case titles when the paragraphs under them open with two places', () => {
    const r = ingest(notice('吴忠市'));
    expect(r.cases.map((c) => c.title)).toEqual(['小微企业融资有了“信用钥匙”', '让“沉睡”的闲置土地活起来']);
    expect(places(r)).toEqual([['石嘴山市', null], ['吴忠市', null]]);
    expect(r.cases.map((c) => c.outcomes !== '')).toEqual([true, true]);
  });

  it('are one case’s sub-headings when every paragraph under them opens with the same place', () => {
    const r = ingest([
      '宁夏回族自治区优化营商环境典型案例（第二批）',
      '石嘴山市推行“信易贷”助企融资',
      '石嘴山市聚焦小微企业融资难、融资贵问题，以信用信息共享为突破口，构建“信用+金融”服务体系。',
      ...notice('石嘴山市').slice(1),
      '吴忠市推行工业用地“弹性年期”供应',
      '吴忠市对新增工业用地实行弹性年期出让，企业可先租后让，降低用地成本。',
    ]);
    expect(r.cases.map((c) => c.title)).toEqual(['石嘴山市推行“信易贷”助企融资', '吴忠市推行工业用地“弹性年期”供应']);
    expect(r.cases[0].measures + r.cases[0].outcomes).toContain('让“沉睡”的闲置土地活起来');
  });

  it('are sub-headings where two in a row open with the same place, even when the cases come from several places', () => {
    const caseOf = (city: string, what: string) => [
      `${city}推行${what}“一件事一次办”`,
      `${city}聚焦企业和群众办事的高频事项，推动跨部门、跨层级业务协同，实现“一件事一次办”。`,
      '“一网通办”提速',
      `${city}依托政务服务平台开设${what}专区，实行一表申请、一网通办，申请材料平均减少40%。`,
      '“一窗受理”增效',
      `${city}在政务服务中心设立综合窗口，实行前台综合受理、后台分类审批、统一窗口出件。`,
    ];
    const r = ingest(['河南省优化营商环境典型经验做法（第八批）', ...caseOf('郑州市', '企业开办'), ...caseOf('洛阳市', '工程建设')]);
    expect(r.cases.map((c) => c.title)).toEqual(['郑州市推行企业开办“一件事一次办”', '洛阳市推行工程建设“一件事一次办”']);
  });
});

describe('place headings over unnumbered titles', () => {
  it('group the titles under them (一、郑州市 / 省直部门) and are no case text', () => {
    const r = ingest([
      '河南省优化营商环境典型经验做法（第七批）',
      '一、郑州市',
      '企业开办“一网通办、一日办结”',
      '郑州市依托“郑好办”平台开设企业开办专区，将设立登记、公章刻制、发票申领等事项整合为一个环节。',
      '二手房“带押过户”全域通办',
      '郑州市不动产登记中心联合23家银行推行存量房“带押过户”，转移登记与抵押登记合并办理。',
      '二、洛阳市',
      '工业项目“拿地即开工”',
      '对新出让工业用地实行“标准地+承诺制”，企业摘牌当日即可领取施工许可证。',
      '三、省直部门',
      '国家税务总局河南省税务局推行“非接触式”办税',
      '省税务局推动233项涉税事项全程网上办理。',
    ]);
    expect(r.cases.map((c) => c.title)).toEqual(['企业开办“一网通办、一日办结”', '二手房“带押过户”全域通办', '工业项目“拿地即开工”', '国家税务总局河南省税务局推行“非接触式”办税']);
    expect(places(r)).toEqual([['郑州市', null], ['郑州市', null], ['洛阳市', null], [null, null]]);
    const text = r.cases.map((c) => [c.measures, c.outcomes].join('\n')).join('\n');
    expect(text).not.toMatch(/洛阳市$|省直部门/m);
    expect(r.unassigned).toEqual([]);
  });

  it('a zone named after its city is a place heading too (南京市江北新区 / 苏州工业园区 over a title line)', () => {
    const r = ingest([
      '江苏省优化营商环境改革创新案例（第二批）',
      '苏州工业园区',
      '打造“园区通”企业服务总入口',
      '苏州工业园区整合326项涉企服务，建设“园区通”企业服务平台，企业通过一个入口即可获取服务。',
      '苏州市吴江区',
      '推行示范区“跨域通办”',
      '吴江区会同上海市青浦区、浙江省嘉善县梳理“跨域通办”事项186项，实行异地受理、远程核验。',
      '南京市江北新区',
      '推行产业项目“拿地即开工”审批服务',
      '江北新区对产业项目实行“用地清单制+告知承诺制”，企业拿地当天即可开工。',
    ]);
    expect(places(r)).toEqual([['苏州市', '苏州工业园区'], ['苏州市', '吴江区'], ['南京市', '江北新区']]);
    expect(r.cases.map((c) => c.outcomes + c.measures).join('\n')).not.toMatch(/江北新区$/m);
  });
});

describe('results told without a time opener', () => {
  it('a paragraph opening with what the procedure now takes is a result', () => {
    expect(resultParagraph('项目从拿地到开工平均用时由120天缩短至30天以内。')).toBe(true);
    expect(resultParagraph('审批环节平均减少50%，审批时限由法定的平均20个工作日压缩至5个工作日。')).toBe(true);
  });

  it('a measure stating its figures is not: a bullet, a measure verb, or 将…由…精简至…', () => {
    expect(resultParagraph('二是简化审批流程，贷款审批时限从20天压减至7天。')).toBe(false);
    expect(resultParagraph('将审批环节由原来的11个精简至4个，推行并联审批。')).toBe(false);
    expect(resultParagraph('办理时限由20个工作日压缩至5个工作日，同时推行“容缺受理”。')).toBe(false);
    expect(resultParagraph('审批时限由法定的20个工作日压缩至5个工作日，实行“容缺受理”。')).toBe(false);
    expect(resultParagraph('审批事项由部门分头办理改为集中办理。')).toBe(false);
  });
});

describe('numbering styles of case titles', () => {
  it('（1） and 一． number cases as 一、 and 1. do', () => {
    const cases = [
      ['南京市推行企业开办“一日办结”', '南京市依托“e企办”平台，实现企业设立登记、公章刻制、发票申领等事项“一网通办”。'],
      ['苏州市打造“一网通办”政务服务平台', '苏州市归集政务服务事项2800余项，企业群众办事平均跑动次数由2次减少至0次。'],
      ['无锡市推行工程建设项目“拿地即开工”', '无锡市在土地出让前完成区域评估，企业拿地后当天即可领取施工许可证。'],
    ];
    for (const number of [(k: number) => `（${k + 1}）`, (k: number) => `${'一二三'[k]}．`]) {
      const r = ingest(['江苏省优化营商环境典型案例（第五批）', ...cases.flatMap(([title, body], k) => [`${number(k)}${title}`, body])]);
      expect(r.report.layout).toBe('numbered');
      expect(r.cases.map((c) => c.title)).toEqual(cases.map(([title]) => title));
    }
  });
});

describe('a city’s notice', () => {
  it('places a case naming no place in the city, flagged; a district its body names narrows it', () => {
    const r = ingest([
      '广州市优化营商环境改革创新典型案例（2025年第二批）',
      '一、中新广州知识城打造知识产权“一站式”服务中心',
      '知识城集聚知识产权快速审查、快速确权、快速维权等服务功能，设立广东中心知识城工作站。',
      '二、推行港澳投资者商事登记“跨境通办”',
      '南沙区在香港、澳门设立商事登记服务点，港澳投资者可在当地提交材料、视频核验身份。',
    ]);
    expect(places(r)).toEqual([['广州市', null], ['广州市', '南沙区']]);
    expect(r.cases.map((c) => c.flags.filter((f) => f.startsWith('place_')))).toEqual([['place_from_notice'], ['place_inferred_from_body']]);
  });
});

describe('numbered items of a case above its outcomes heading', () => {
  const notice = (outcomes: string) => [
    '北京市优化营商环境典型案例（第六批）',
    '朝阳区推行涉企经营许可“证照联办”',
    '一、聚焦行业准营，梳理联办清单',
    '朝阳区选取餐饮、便利店、药店等28个高频行业，梳理营业执照与经营许可的共性材料，形成事项清单。',
    '二、优化办理流程，实行并联审批',
    '对清单内事项实行“一表申请、一窗受理、并联审批”，申请人一次提交材料即可同步办理。',
    outcomes,
    '“证照联办”行业平均办理时间由20个工作日压缩至5个工作日。',
    '通州区打造“一站式”跨境贸易服务',
    '一、整合口岸服务资源',
    '通州区会同北京海关设立跨境贸易综合服务中心，集成报关、检验检疫、出口退税等服务。',
    outcomes,
    '进口货物整体通关时间由36小时压缩至12小时。',
  ];

  it('are its measures, not an introduction (三、改革成效, or 改革成效 under numbered items)', () => {
    for (const heading of ['三、改革成效', '改革成效']) {
      const r = ingest(notice(heading));
      expect(r.cases.map((c) => [c.background === '', c.measures.includes('并联审批') || c.measures.includes('整合口岸'), c.outcomes !== ''])).toEqual([
        [true, true, true],
        [true, true, true],
      ]);
    }
  });

  it('an unnumbered introduction above a results heading stays the background', () => {
    const r = ingest([
      '北京市优化营商环境典型案例（第六批）',
      '朝阳区推行涉企经营许可“证照联办”',
      '朝阳区餐饮、便利店等行业办证多、跑动多，经营主体反映强烈。',
      '改革成效',
      '“证照联办”行业平均办理时间由20个工作日压缩至5个工作日。',
      '通州区打造“一站式”跨境贸易服务',
      '通州区进口企业通关环节多、耗时长。',
      '改革成效',
      '进口货物整体通关时间由36小时压缩至12小时。',
    ]);
    expect(r.cases.map((c) => c.background !== '')).toEqual([true, true]);
  });
});
