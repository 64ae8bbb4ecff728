// The indicator taxonomy of DESIGN.md: China's 18 national business-environment indicators plus the two
// themes Shaanxi's 2022 batch uses as headings. `sort` follows DESIGN.md's table (left column, then right).
// Last comes `other`: where neither the document nor the text says which indicator a case belongs to, the
// case is filed there (flag `unclassified`) rather than under a guess.
import type { IndicatorRow } from './types.ts';

export const INDICATORS: IndicatorRow[] = [
  { code: 'starting_business', name_zh: '开办企业', name_en: 'Starting a business', sort: 1 },
  { code: 'labor_market', name_zh: '劳动力市场监管', name_en: 'Labor market regulation', sort: 2 },
  { code: 'construction_permits', name_zh: '办理建筑许可', name_en: 'Dealing with construction permits', sort: 3 },
  { code: 'government_procurement', name_zh: '政府采购', name_en: 'Government procurement', sort: 4 },
  { code: 'bidding', name_zh: '招标投标', name_en: 'Bidding and tendering', sort: 5 },
  { code: 'electricity', name_zh: '获得电力', name_en: 'Getting electricity', sort: 6 },
  { code: 'water_gas', name_zh: '获得用水用气', name_en: 'Getting water and gas', sort: 7 },
  { code: 'registering_property', name_zh: '登记财产', name_en: 'Registering property', sort: 8 },
  { code: 'credit', name_zh: '获得信贷', name_en: 'Getting credit', sort: 9 },
  { code: 'minority_investors', name_zh: '保护中小投资者', name_en: 'Protecting minority investors', sort: 10 },
  { code: 'cross_border_trade', name_zh: '跨境贸易', name_en: 'Trading across borders', sort: 11 },
  { code: 'tax', name_zh: '纳税', name_en: 'Paying taxes', sort: 12 },
  { code: 'enforcing_contracts', name_zh: '执行合同', name_en: 'Enforcing contracts', sort: 13 },
  { code: 'insolvency', name_zh: '办理破产', name_en: 'Resolving insolvency', sort: 14 },
  { code: 'market_regulation', name_zh: '市场监管', name_en: 'Market regulation', sort: 15 },
  { code: 'government_services', name_zh: '政务服务', name_en: 'Government services', sort: 16 },
  { code: 'inclusive_innovation', name_zh: '包容普惠创新', name_en: 'Inclusive innovation', sort: 17 },
  { code: 'leaders_walk_process', name_zh: '一把手走流程', name_en: 'Leaders walk the process', sort: 18 },
  { code: 'complaints', name_zh: '投诉举报处理', name_en: 'Complaint handling', sort: 19 },
  { code: 'ip', name_zh: '知识产权创造、保护和运用', name_en: 'IP creation, protection and use', sort: 20 },
  { code: 'other', name_zh: '其他（未分类）', name_en: 'Other (unclassified)', sort: 21 },
];

/** The code of cases no indicator could be chosen for: never a keyword's or a heading's answer. */
export const UNCLASSIFIED = 'other';

export const INDICATOR_CODES: string[] = INDICATORS.map((i) => i.code);

/** The codes a case can be filed under on evidence (all but `other`). */
export const CLASSIFIABLE_CODES: string[] = INDICATOR_CODES.filter((c) => c !== UNCLASSIFIED);

export function isIndicatorCode(code: string): boolean {
  return INDICATOR_CODES.includes(code);
}

/** What each indicator covers, in a sentence (shown in the dashboard's Data view). */
export const INDICATOR_NOTES: Record<string, { zh: string; en: string }> = {
  starting_business: {
    zh: '企业开办的环节、时间和成本：设立登记、印章刻制、涉税事项、银行开户、社保登记，以及名称申报、准入准营等商事制度改革。',
    en: 'Steps, time and cost to open a company: registration, company seal, tax set-up, bank account and social-insurance registration, and related commercial-registration reforms.',
  },
  labor_market: {
    zh: '就业服务与劳动关系：招聘和零工就业服务、人力资源市场、欠薪治理、劳动争议调解仲裁、职业技能培训。',
    en: 'Employment services and labour relations: hiring and gig-work services, the human-resources market, unpaid wages, labour dispute mediation and arbitration, skills training.',
  },
  construction_permits: {
    zh: '工程建设项目审批：规划许可、施工许可、施工图审查、联合验收、“拿地即开工”“多规合一”等审批改革。',
    en: 'Approval of construction projects: planning and building permits, design review, joint completion inspection, and reforms such as "start building on land acquisition".',
  },
  government_procurement: {
    zh: '政府采购的公开透明与便利：采购意向公开、电子化采购、支持中小企业参与、合同与资金支付。',
    en: 'Openness and ease of public procurement: published procurement plans, e-procurement, access for small firms, contracts and payment.',
  },
  bidding: {
    zh: '工程招标投标与公共资源交易：全流程电子化、远程异地评标、保证金和电子保函、标后监管。',
    en: 'Tendering for public works and public-resource trading: end-to-end e-tendering, remote evaluation, deposits and e-guarantees, post-award supervision.',
  },
  electricity: {
    zh: '企业用电报装的环节、时间和成本，供电可靠性与电费透明度。',
    en: 'Steps, time and cost to get an electricity connection, supply reliability and transparency of tariffs.',
  },
  water_gas: {
    zh: '用水、用气（及排水、供暖）报装的环节、时间和成本，供水供气服务。',
    en: 'Steps, time and cost to connect water and gas (and drainage, heating), and the utility services.',
  },
  registering_property: {
    zh: '不动产登记：转移与抵押登记、“带押过户”“交地即交证”“交房即交证”、登记时间与费用。',
    en: 'Real-estate registration: transfers and mortgages, transfer with an existing mortgage, title on delivery, time and cost of registration.',
  },
  credit: {
    zh: '企业获得贷款与融资：普惠金融、融资担保、信用贷款、知识产权质押融资、征信与融资平台。',
    en: 'Access to loans and finance: inclusive finance, credit guarantees, unsecured loans, IP-pledge financing, credit information and financing platforms.',
  },
  minority_investors: {
    zh: '中小投资者权益保护：信息披露、股东权利、公司治理、证券与金融纠纷的调解和诉讼。',
    en: 'Protection of minority investors: disclosure, shareholder rights, corporate governance, mediation and litigation of securities and financial disputes.',
  },
  cross_border_trade: {
    zh: '进出口的时间与成本：通关便利、口岸服务、跨境电商、国际物流与中欧班列、出口退税。',
    en: 'Time and cost to import and export: customs clearance, port services, cross-border e-commerce, international logistics and rail freight, export tax refunds.',
  },
  tax: {
    zh: '纳税与缴费：办税便利、电子税务局、发票、退税减税政策直达、纳税信用和涉税争议。',
    en: 'Paying taxes and fees: ease of filing, e-tax bureau, invoices, refunds and relief reaching firms, tax credit ratings and tax disputes.',
  },
  enforcing_contracts: {
    zh: '商事纠纷的司法解决：立案、审判、执行的效率，诉调对接与多元解纷，法律服务。',
    en: 'Resolving commercial disputes in court: efficiency of filing, trial and enforcement, court-linked mediation and alternative dispute resolution, legal services.',
  },
  insolvency: {
    zh: '企业破产的办理：破产审判与重整、府院联动、破产管理人、财产处置与信用修复。',
    en: 'Handling insolvency: bankruptcy trials and reorganisation, court–government coordination, administrators, asset disposal and credit repair.',
  },
  market_regulation: {
    zh: '事中事后监管：“双随机、一公开”、信用分级分类监管、包容审慎与柔性执法、公平竞争审查。',
    en: 'Supervision of market activity: random inspections, credit-based risk-graded supervision, lenient and flexible enforcement, fair-competition review.',
  },
  government_services: {
    zh: '政务服务的便利度：一网通办、一件事一次办、综合窗口、帮办代办、减证便民、数字政务与智能客服。',
    en: 'Ease of dealing with government: one-stop online services, bundled procedures, single windows, assisted filing, fewer certificates, digital government.',
  },
  inclusive_innovation: {
    zh: '包容普惠创新：创新创业、人才引进、市场开放与招商、基本公共服务、生态环境、交通与文旅等发展环境。',
    en: 'Inclusive innovation: entrepreneurship and innovation, talent, market openness and investment promotion, public services, environment, transport and tourism.',
  },
  leaders_walk_process: {
    zh: '陕西主题：领导干部“走流程、坐窗口、跟执法、处投诉”，亲身体验办事流程并整改堵点。',
    en: 'Shaanxi theme: leading officials walk through procedures, sit at service windows, join inspections and handle complaints themselves, then fix what they find.',
  },
  complaints: {
    zh: '陕西主题：企业和群众投诉举报的受理与办理，12345 热线、工单督办与回访。',
    en: 'Shaanxi theme: receiving and resolving complaints and reports from firms and citizens, the 12345 hotline, case tracking and follow-up.',
  },
  ip: {
    zh: '知识产权的创造、保护和运用：专利、商标、地理标志、版权，侵权纠纷处理与维权，知识产权转化。',
    en: 'Creating, protecting and using intellectual property: patents, trademarks, geographical indications, copyright, infringement disputes and enforcement, commercialisation.',
  },
  other: {
    zh: '未能归类的案例：文件没有把它列在某个指标下，正文也没有足够的指标用语。可能的指标列为备选，分析人员可以重新归类。',
    en: 'Cases that could not be classified: the document files them under no indicator and the text names too few indicator terms. Likely indicators are listed as alternatives; the analyst can re-file the case.',
  },
};
