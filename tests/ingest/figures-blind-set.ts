// A blind set of case sentences of the genre (优化营商环境典型经验做法), written by hand with the figures a
// careful reader takes from each — written before the extractor was run on them, and not taken from the seeds.
// Every figure of a text is listed, reform measures and the rest (dimension null: counts served, money lent,
// shares, growth), so that a figure found too many counts against the extractor as much as one missed.
// Values are in unit_norm: days for time (工作日 = 天, 小时 / 24, 分钟 / 1440, 个月 = 30), 万元 for money.
import type { Dimension } from '../../src/ingest/types.ts';

export interface BlindFigure {
  /** A piece of the figure's phrase (metrics.text): the number and unit as written, with the change if any. */
  has: string;
  dimension: Dimension | null;
  /** Checked when given (null = must be null). */
  before?: number | null;
  after?: number | null;
  pct?: number | null;
}

export interface BlindCase {
  topic: string;
  text: string;
  figures: BlindFigure[];
}

/** A reform measure: before → after (null when the text states none) and the cut in percent. */
const m = (dimension: Dimension, has: string, before: number | null, after: number | null, pct: number | null): BlindFigure =>
  ({ has, dimension, before, after, pct });
/** A figure that is not a reform measure. */
const none = (has: string): BlindFigure => ({ has, dimension: null });

const H = 1 / 24;
const MIN = 1 / 1440;

export const BLIND_SET: BlindCase[] = [
  {
    topic: '开办企业',
    text: '将企业开办时间由原来的5个工作日压缩至1个工作日以内，申请材料从12份减少到5份，实现企业开办“一网通办”。',
    figures: [m('time', '5个工作日压缩至1个工作日', 5, 1, 80), m('documents', '12份减少到5份', 12, 5, 58.3)],
  },
  {
    topic: '开办企业',
    text: '推行企业开办“一表申请、一窗发放”，开办环节由6个精简为2个，全程不超过半天，全年服务企业1200家。',
    figures: [m('steps', '6个精简为2个', 6, 2, 66.7), m('time', '半天', null, 0.5, null), none('1200家')],
  },
  {
    topic: '获得电力',
    text: '对160千瓦及以下小微企业实行“三零”服务，低压办电时间压减至3个工作日，办电环节压减至2个，为企业节省办电成本1.2万元。',
    figures: [none('160千瓦'), m('time', '3个工作日', null, 3, null), m('steps', '2个', null, 2, null), m('cost_saving', '1.2万元', null, null, null)],
  },
  {
    topic: '获得用水',
    text: '用水报装办理时限从10个工作日缩短至4个工作日，报装材料减少至2份，跑动次数减少2次。',
    figures: [m('time', '10个工作日缩短至4个工作日', 10, 4, 60), m('documents', '2份', null, 2, null), m('visits', '2次', null, null, null)],
  },
  {
    topic: '获得用气',
    text: '燃气报装实现“零跑动”，接入时间压缩至5个自然日，平均费用降低30%。',
    figures: [m('visits', '零跑动', null, 0, null), m('time', '5个自然日', null, 5, null), m('cost', '30%', null, null, 30)],
  },
  {
    topic: '工程建设项目审批',
    text: '社会投资简易低风险项目从立项到取得施工许可审批时间由45个工作日压减至15个工作日，审批事项由38项精简为16项。',
    figures: [m('time', '45个工作日压减至15个工作日', 45, 15, 66.7), m('other_reduction', '38项精简为16项', 38, 16, 57.9)],
  },
  {
    topic: '工程建设项目审批',
    text: '工程建设项目全流程审批时间压减70%，审批环节压减40%，申报材料压减50%以上。',
    figures: [m('time', '70%', null, null, 70), m('steps', '40%', null, null, 40), m('documents', '50%以上', null, null, 50)],
  },
  {
    topic: '不动产登记',
    text: '一般不动产登记办理时间由原来的5个工作日压缩至1个工作日，抵押登记实现1小时办结，全年累计办理不动产登记业务3000件。',
    figures: [m('time', '5个工作日压缩至1个工作日', 5, 1, 80), m('time', '1小时办结', null, H, null), none('3000件')],
  },
  {
    topic: '不动产登记',
    text: '企业间存量非住宅转移登记“一窗受理、并行办理”，最快2小时领证，较原来提速80%。',
    figures: [m('time', '2小时', null, 2 * H, null), m('time', '80%', null, null, 80)],
  },
  {
    topic: '纳税',
    text: '推行“非接触式”办税，纳税人年纳税时间缩短至120小时以内，增值税留抵退税平均3个工作日到账，全年为企业减税降费12.5亿元。',
    figures: [m('time', '120小时以内', null, 5, null), m('time', '3个工作日', null, 3, null), m('cost_saving', '12.5亿元', null, null, null)],
  },
  {
    topic: '纳税',
    text: '全面推行电子税务局，90%以上的涉税事项实现网上办理，纳税申报时间平均缩短了1.5天。',
    figures: [none('90%以上'), m('time', '1.5天', null, null, null)],
  },
  {
    topic: '跨境贸易',
    text: '进口整体通关时间由原来的48小时压缩至24小时以内，出口整体通关时间压缩至1.2小时，较2017年分别压缩67%和85%。',
    figures: [
      m('time', '48小时压缩至24小时', 2, 1, 50), m('time', '1.2小时', null, 0.05, null),
      m('time', '67%', null, null, 67), m('time', '85%', null, null, 85),
    ],
  },
  {
    topic: '跨境贸易',
    text: '推行“提前申报”“两步申报”，进口货物通关时间提速52.3%，查验作业时间最快30分钟。',
    figures: [m('time', '52.3%', null, null, 52.3), m('time', '30分钟', null, 30 * MIN, null)],
  },
  {
    topic: '办理破产',
    text: '建立破产案件快速审理机制，简易破产案件平均审理周期由180天缩短至65天，债权回收率提升至22.6%。',
    figures: [m('time', '180天缩短至65天', 180, 65, 63.9), none('22.6%')],
  },
  {
    topic: '办理破产',
    text: '设立破产费用保障专项资金300万元，已为12件无产可破案件垫付管理人报酬45万元。',
    figures: [none('300万元'), none('12件'), none('45万元')],
  },
  {
    topic: '政府采购',
    text: '政府采购合同签订时间由30日压缩至15日，资金支付时间缩短至10个工作日内，免收投标保证金为企业节约资金2800万元。',
    figures: [m('time', '30日压缩至15日', 30, 15, 50), m('time', '10个工作日内', null, 10, null), m('cost_saving', '2800万元', null, null, null)],
  },
  {
    topic: '政府采购',
    text: '推行“不见面”开标，全年完成电子招投标项目1560个，交易金额235.6亿元，为市场主体节约交易成本1.1亿元。',
    figures: [none('1560个'), none('235.6亿元'), m('cost_saving', '1.1亿元', null, null, null)],
  },
  {
    topic: '获得信贷',
    text: '推出“信易贷”线上产品，贷款审批时间由15天缩短至3天，最快当天放款，贷款平均利率降至4.35%，较上年下降0.6个百分点。',
    figures: [
      m('time', '15天缩短至3天', 15, 3, 80), m('time', '当天放款', null, 1, null),
      m('cost', '4.35%', null, 4.35, null), m('cost', '0.6个百分点', null, null, null),
    ],
  },
  {
    topic: '获得信贷',
    text: '累计为1.2万户市场主体发放信用贷款86.5亿元，首贷平均放款时间3个工作日。',
    figures: [none('1.2万户'), none('86.5亿元'), m('time', '3个工作日', null, 3, null)],
  },
  {
    topic: '知识产权',
    text: '专利预审周期由原来的22个月压缩至3个月以内，商标注册申请审查周期缩短至4个月。',
    figures: [m('time', '22个月压缩至3个月', 660, 90, 86.4), m('time', '4个月', null, 120, null)],
  },
  {
    topic: '知识产权',
    text: '知识产权质押登记办理时限压缩至3个工作日，全年办理知识产权质押融资42笔，融资金额5.6亿元。',
    figures: [m('time', '3个工作日', null, 3, null), none('42笔'), none('5.6亿元')],
  },
  {
    topic: '市场监管',
    text: '推行“双随机、一公开”联合监管，同一部门对企业的检查次数减少60%，全年开展联合抽查126次。',
    figures: [m('other_reduction', '60%', null, null, 60), none('126次')],
  },
  {
    topic: '市场监管',
    text: '食品经营许可审批时限从法定的20个工作日压缩至5个工作日，推行告知承诺制后当场发证，今年以来已办理2300余件。',
    figures: [m('time', '20个工作日压缩至5个工作日', 20, 5, 75), m('time', '当场发证', null, 0, null), none('2300余件')],
  },
  {
    topic: '政务服务',
    text: '“一件事一次办”集成服务将5个事项整合为1个环节，办理时间从原来的30个工作日压缩到5个工作日，跑动次数由5次减少为1次。',
    figures: [
      m('steps', '5个事项整合为1个环节', 5, 1, 80), m('time', '30个工作日压缩到5个工作日', 30, 5, 83.3),
      m('visits', '5次减少为1次', 5, 1, 80),
    ],
  },
  {
    topic: '政务服务',
    text: '全市95%以上政务服务事项实现“全程网办”，286项高频事项实现“跨省通办”。',
    figures: [none('95%以上'), none('286项')],
  },
  { topic: '政务服务', text: '推行“全程网办”，企业足不出户即可办理。', figures: [] },
  {
    topic: '工程建设项目审批',
    text: '改革前，办理施工许可需提交材料23份，审批时间20个工作日，申请人需跑动4次；\n改革后，提交材料减至8份，审批时间5个工作日，实现“最多跑一次”。',
    figures: [m('documents', '8份', 23, 8, 65.2), m('time', '5个工作日', 20, 5, 75), m('visits', '最多跑一次', 4, 1, 75)],
  },
  {
    topic: '政务服务',
    text: '主要事项办理时限对比如下：\n事项\t改革前时限\t改革后时限\n企业开办\t3个工作日\t0.5个工作日\n不动产抵押登记\t5个工作日\t1个工作日\n低压电力接入\t15个工作日\t3个工作日',
    figures: [m('time', '0.5个工作日', 3, 0.5, 83.3), m('time', '1个工作日', 5, 1, 80), m('time', '3个工作日', 15, 3, 80)],
  },
  {
    topic: '市场监管',
    text: '事项名称\t原申请材料\t现申请材料\t原办理时限\t现办理时限\n食品经营许可\t8份\t3份\t20个工作日\t5个工作日\n药品零售许可\t12份\t6份\t30个工作日\t10个工作日',
    figures: [
      m('documents', '3份', 8, 3, 62.5), m('time', '5个工作日', 20, 5, 75),
      m('documents', '6份', 12, 6, 50), m('time', '10个工作日', 30, 10, 66.7),
    ],
  },
  {
    topic: '开办企业',
    text: '办理时限方面，改革前需要15个工作日，改革后压缩至2个工作日。',
    figures: [m('time', '2个工作日', 15, 2, 86.7)],
  },
  {
    topic: '开办企业',
    text: '企业注销由原来的“多头跑”变为“一网办”，简易注销公告时间由45天压缩至20天。',
    figures: [m('time', '45天压缩至20天', 45, 20, 55.6)],
  },
  {
    topic: '工程建设项目审批',
    text: '项目审批全流程实现3至5个工作日办结，较改革前平均压缩10个工作日。',
    figures: [m('time', '3至5个工作日', null, 5, null), m('time', '10个工作日', null, null, null)],
  },
  {
    topic: '开办企业',
    text: '企业开办全程压缩至一个工作日内，刻制公章、申领发票等环节由四个减少到一个，实现“一次办好”。',
    figures: [m('time', '一个工作日内', null, 1, null), m('steps', '四个减少到一个', 4, 1, 75)],
  },
  {
    topic: '不动产登记',
    text: '二手房转移登记与水电气过户联动办理，办理环节由三个变为一个，办理时间由两天缩短至两小时。',
    figures: [m('steps', '三个变为一个', 3, 1, 66.7), m('time', '两天缩短至两小时', 2, 2 * H, 95.8)],
  },
  {
    topic: '政务服务',
    text: '实施“容缺受理”，审批效率提速60%，企业满意度达99.8%。',
    figures: [m('time', '60%', null, null, 60), none('99.8%')],
  },
  {
    topic: '政务服务',
    text: '电子证照调用量同比增长3倍，审批效率提升2倍。',
    figures: [none('3倍'), none('2倍')],
  },
  {
    topic: '纳税',
    text: '外贸企业出口退税平均办理时间压缩至3个工作日以内，一类出口企业1个工作日内即可到账。',
    figures: [m('time', '3个工作日以内', null, 3, null), m('time', '1个工作日内', null, 1, null)],
  },
  {
    topic: '开办企业',
    text: '个体工商户登记实现“智能审批”，最快15分钟即可领取营业执照，较以往节省时间2个工作日。',
    figures: [m('time', '15分钟', null, 15 * MIN, null), m('time', '2个工作日', null, null, null)],
  },
  {
    topic: '获得电力',
    text: '小微企业用电报装实现零投资，平均每户节省接电费用约8000元。',
    figures: [m('cost', '零投资', null, 0, null), m('cost_saving', '8000元', null, null, null)],
  },
  {
    topic: '不动产登记',
    text: '优化“互联网+不动产登记”，将办理不动产登记需要的15份材料减少至6份，办理时间压缩了60%。',
    figures: [m('documents', '15份材料减少至6份', 15, 6, 60), m('time', '60%', null, null, 60)],
  },
  {
    topic: '政务服务',
    text: '“企业服务专员”制度全年走访企业1500家次，协调解决问题326个，问题办结率98%。',
    figures: [none('1500家次'), none('326个'), none('98%')],
  },
  {
    topic: '获得电力',
    text: '电力报装容量160千瓦及以下的小微企业，接电时间由平均7个工作日缩短至2个工作日，全年惠及小微企业2.3万户。',
    figures: [none('160千瓦'), m('time', '7个工作日缩短至2个工作日', 7, 2, 71.4), none('2.3万户')],
  },
  {
    topic: '获得用水',
    text: '居民用户用水报装实现“一证办理”，接水时间压缩至半个工作日，全年办理报装业务8600余户。',
    figures: [m('time', '半个工作日', null, 0.5, null), none('8600余户')],
  },
  {
    topic: '获得信贷',
    text: '银行对小微企业续贷实现“无还本续贷”，续贷办理时间由原来的7天缩短为1天，为企业节省过桥资金成本约350万元。',
    figures: [m('time', '7天缩短为1天', 7, 1, 85.7), m('cost_saving', '350万元', null, null, null)],
  },
  {
    topic: '办理破产',
    text: '通过“预重整”程序，案件审理周期缩短至平均90天，普通债权清偿率由5%提高到23%。',
    figures: [m('time', '90天', null, 90, null), none('5%提高到23%')],
  },
  {
    topic: '政务服务',
    text: '对新认定的高新技术企业给予10万至20万元奖励。',
    figures: [none('10万至20万元')],
  },
  {
    topic: '跨境贸易',
    text: '海关对鲜活产品实行“即查即放”，通关时间由原来的1天缩短至6小时。',
    figures: [m('time', '1天缩短至6小时', 1, 0.25, 75)],
  },
  {
    topic: '开办企业',
    text: '新设立企业全部实现1个工作日办结，申领发票、社保登记同步完成。',
    figures: [m('time', '1个工作日办结', null, 1, null)],
  },
  {
    topic: '政务服务',
    text: '“一业一证”改革以来，累计办理3000件，平均审批时间缩短了71%。',
    figures: [none('3000件'), m('time', '71%', null, null, 71)],
  },
  {
    topic: '政务服务',
    text: '企业办事跑动次数由原来的平均6次降为1次，办理材料精简了三分之一。',
    figures: [m('visits', '6次降为1次', 6, 1, 83.3), m('documents', '三分之一', null, null, 33.3)],
  },
  // Written after the extractor was fixed for the texts above, as a check that the fixes follow the grammar
  // rather than those texts (main's code: 32 of 43 figures, 13 read extra).

  { topic: '开办企业', text: '企业设立登记、公章刻制、发票申领、社保登记等4个环节合并为1个环节，开办时间压缩至0.5个工作日。', figures: [m('steps', '4个环节合并为1个环节', 4, 1, 75), m('time', '0.5个工作日', null, 0.5, null)] },
  { topic: '获得电力', text: '高压用户办电环节由5个压减为3个，平均接电时间由52天压减至25天，办电成本降低约四成。', figures: [m('steps', '5个压减为3个', 5, 3, 40), m('time', '52天压减至25天', 52, 25, 51.9), m('cost', '四成', null, null, 40)] },
  { topic: '获得用气', text: '用气报装申请材料由5份精简至2份，通气时间由10个工作日缩短为5个工作日以内，累计为320户企业提供“上门服务”。', figures: [m('documents', '5份精简至2份', 5, 2, 60), m('time', '10个工作日缩短为5个工作日', 10, 5, 50), none('320户')] },
  { topic: '不动产登记', text: '改革前，企业办理不动产转移登记需6个工作日、提交材料9份；改革后，1个工作日办结、提交材料4份。', figures: [m('time', '1个工作日', 6, 1, 83.3), m('documents', '4份', 9, 4, 55.6)] },
  { topic: '纳税', text: '推行增值税小规模纳税人“一键申报”，申报时间由原来的约20分钟缩短至2分钟，全年惠及纳税人5.6万户。', figures: [m('time', '20分钟缩短至2分钟', 20 / 1440, 2 / 1440, 90), none('5.6万户')] },
  { topic: '跨境贸易', text: '口岸进口、出口整体通关时间分别为28.5小时和1.2小时，比全国平均水平分别快12小时和0.8小时。', figures: [m('time', '28.5小时', null, 28.5 * H, null), m('time', '1.2小时', null, 1.2 * H, null), m('time', '12小时', null, null, null), m('time', '0.8小时', null, null, null)] },
  { topic: '办理破产', text: '破产财产处置周期缩短一半，管理人账户开户时间由7个工作日缩短至1个工作日。', figures: [m('time', '一半', null, null, 50), m('time', '7个工作日缩短至1个工作日', 7, 1, 85.7)] },
  { topic: '获得信贷', text: '“银税互动”贷款从申请到放款最快10分钟，全年发放贷款3.2万笔、金额128亿元。', figures: [m('time', '10分钟', null, 10 / 1440, null), none('3.2万笔'), none('128亿元')] },
  { topic: '政府采购', text: '中小企业合同预付款比例提高至30%以上，采购资金支付时限由15个工作日压缩到7个工作日。', figures: [none('30%以上'), m('time', '15个工作日压缩到7个工作日', 15, 7, 53.3)] },
  { topic: '知识产权', text: '商标质押登记办理时限由5个工作日缩短至2个工作日，全年新增专利质押融资金额12.3亿元、惠及企业215家。', figures: [m('time', '5个工作日缩短至2个工作日', 5, 2, 60), none('12.3亿元'), none('215家')] },
  { topic: '市场监管', text: '食品生产许可现场核查时间由原来的2天减少至半天，办理时限由20个工作日压缩为10个工作日。', figures: [m('time', '2天减少至半天', 2, 0.5, 75), m('time', '20个工作日压缩为10个工作日', 20, 10, 50)] },
  { topic: '政务服务', text: '“高效办成一件事”集成套餐将涉及4个部门的9个事项整合为“一件事”，申请材料由26份减至8份，办理时间由43个工作日压缩至5个工作日，跑动次数由9次减少到1次。', figures: [m('documents', '26份减至8份', 26, 8, 69.2), m('time', '43个工作日压缩至5个工作日', 43, 5, 88.4), m('visits', '9次减少到1次', 9, 1, 88.9), none('4个部门'), none('9个事项')] },
  { topic: '政务服务', text: '事项\t原办理时限\t现办理时限\t原跑动次数\t现跑动次数\n开办餐饮店\t37个工作日\t15个工作日\t5次\t1次', figures: [m('time', '15个工作日', 37, 15, 59.5), m('visits', '1次', 5, 1, 80)] },
  { topic: '工程建设项目审批', text: '推行联合验收，验收时间由原来的30个工作日压缩至7个工作日，验收环节由7个减少到1个，为企业节约成本约50万元。', figures: [m('time', '30个工作日压缩至7个工作日', 30, 7, 76.7), m('steps', '7个减少到1个', 7, 1, 85.7), m('cost_saving', '50万元', null, null, null)] },
  { topic: '获得用水', text: '小型工程项目接水实现“零审批”，接水时间最长不超过3个工作日，较过去缩短了三分之二。', figures: [m('time', '3个工作日', null, 3, null), m('time', '三分之二', null, null, 66.7)] },
  { topic: '政务服务', text: '12345热线全年受理诉求86.3万件，按时办结率99.2%，群众满意率98.6%。', figures: [none('86.3万件'), none('99.2%'), none('98.6%')] },
];

/** What a figure read by the extractor says, for matching (a Measure of src/ingest/measures.ts fits). */
export interface ReadFigure {
  text: string;
  dimension: Dimension | null;
  beforeValue: number | null;
  afterValue: number | null;
  reductionPct: number | null;
}

const near = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 0.051 * Math.max(1, Math.abs(b) / 100) + 1e-9);

function fits(read: ReadFigure, want: BlindFigure): boolean {
  return read.text.includes(want.has) && read.dimension === want.dimension &&
    (want.before === undefined || near(read.beforeValue, want.before)) &&
    (want.after === undefined || near(read.afterValue, want.after)) &&
    (want.pct === undefined || near(read.reductionPct, want.pct));
}

/** Pairs each expected figure with the first unpaired read figure that fits it: what was found, missed, and read extra. */
export function matchBlind<R extends ReadFigure>(read: R[], want: BlindFigure[]): { found: BlindFigure[]; missed: BlindFigure[]; extra: R[] } {
  const left = [...read];
  const found: BlindFigure[] = [];
  const missed: BlindFigure[] = [];
  for (const w of want) {
    const i = left.findIndex((r) => fits(r, w));
    if (i < 0) missed.push(w);
    else {
      found.push(w);
      left.splice(i, 1);
    }
  }
  return { found, missed, extra: left };
}
