// A reader's judgement of every Fujian case's Shaanxi counterparts in the seed corpus (data/raw), written
// before tuning, by reading both cases (titles, measures, outcomes) — not copied from the program's output.
//
//   strong   the same practice (same procedure, same mechanism)
//   related  the same procedure or problem, partly the same mechanism
//   either   borderline: a reader could go either way; not counted for or against the program
//   (a Shaanxi case not listed is no counterpart; a Fujian case with no list has none in Shaanxi)
//
// Case ids are the seed corpus's stable ids (province-year-batch-seq); the product never keys on them.

export interface JudgedCase {
  strong?: string[];
  related?: string[];
  either?: string[];
  why: string;
}

const sn = (n: number) => `sn-2022-b2-${String(n).padStart(3, '0')}`;

export const JUDGED: Record<string, JudgedCase> = {
  'fj-2023-b2-001': { why: 'a legal-services cluster (海丝中央法务区); no Shaanxi case builds legal-service hubs' },
  'fj-2023-b2-002': { related: [sn(21), sn(23)], either: [sn(22)], why: 'court–mediation linkage (诉调对接, 委派调解) for foreign IP disputes; Shaanxi 021/023 run court-linked multi-channel dispute resolution' },
  'fj-2023-b2-003': { why: 'prosecutors supervising unlawful administrative acts; nothing like it in Shaanxi' },
  'fj-2023-b2-004': { either: [sn(31)], why: 'a personal tax identity code; Shaanxi 031 (handle affairs with an ID card) shares only data sharing' },
  'fj-2023-b2-005': { why: 'sea export of lithium batteries / new-energy vehicles; Shaanxi 016 is China–Europe rail freight' },
  'fj-2023-b2-006': { either: [sn(19), sn(20)], why: 'IP-pledge loans; Shaanxi 019/020 are SME and rural finance with other collateral' },
  'fj-2023-b2-007': { why: 'customs support for air-cargo cross-border e-commerce; no Shaanxi case on it' },
  'fj-2023-b2-008': { related: [sn(15)], why: 'customs collects foreign-trade firms\u2019 problems and solves them (关企直通车); Shaanxi 015 does the same through a joint meeting' },
  'fj-2023-b2-009': { related: [sn(19)], either: [sn(20)], why: 'financing for enterprises (bank–enterprise matching, interest subsidies); Shaanxi 019 matches banks and SMEs' },
  'fj-2023-b2-010': { why: 'household-registration (户政) services; no Shaanxi case' },
  'fj-2023-b2-011': { related: [sn(11)], either: [sn(12)], why: 'property transfer with the mortgage in place (title only, no body); Shaanxi 011 moves mortgage registration into banks' },
  'fj-2023-b2-012': { either: [sn(15)], why: 'a chief service officer per foreign-invested firm; Shaanxi 015 serves foreign-trade firms' },
  'fj-2023-b2-013': { why: 'a culture-and-tourism consumption year; no Shaanxi case' },
  'fj-2023-b2-014': { why: 'one-to-one service for oversize-transport permits; no Shaanxi case' },
  'fj-2023-b2-015': { related: [sn(34)], why: 'a provincial farm-produce brand; Shaanxi 034 builds regional public brands on geographical indications' },
  'fj-2023-b2-016': { related: [sn(20)], either: [sn(19)], why: 'policy finance for rural revitalisation; Shaanxi 020 channels finance to agriculture' },
  'fj-2023-b2-017': { strong: [sn(34)], why: 'geographical indications used and protected for local industries — the same practice as Shaanxi 034' },
  'fj-2023-b2-018': { either: [sn(33)], why: 'open licensing of patents; Shaanxi 033 is patent-infringement adjudication' },
  'fj-2023-b2-019': { either: [sn(5), sn(6)], why: 'online multi-department consultation for construction-project approvals' },
  'fj-2023-b2-020': { strong: [sn(11)], related: [sn(12)], why: 'property registration online (智能网办); Shaanxi 011 and 012 improve property registration' },
  'fj-2023-b2-021': { strong: [sn(8)], related: [sn(7)], why: 'utility gets project / land data early and builds the grid before the firm applies; Shaanxi 008 the same (超前对接用电需求)' },
  'fj-2023-b2-022': { either: [sn(31), sn(1)], why: 'a city-wide government-services platform (一窗受理)' },
  'fj-2023-b2-023': { related: [sn(36), sn(35)], why: 'random inspections and credit-graded supervision (双随机, 分级分类); Shaanxi 036 / 035' },
  'fj-2023-b2-024': { related: [sn(33)], why: 'IP protection by prosecutors; Shaanxi 033 IP-infringement enforcement' },
  'fj-2023-b2-025': { why: 'corporate compliance (企业合规) by prosecutors; no Shaanxi case' },
  'fj-2023-b2-026': { either: [sn(19), sn(20)], why: 'IP-pledge finance; same note as fj-2023-b2-006' },
  'fj-2023-b2-027': { related: [sn(3), sn(4)], why: 'company registration with online notarisation; Shaanxi 003/004 simplify starting a business' },
  'fj-2023-b2-028': { related: [sn(23)], either: [sn(21)], why: 'grass-roots dispute prevention and mediation (无讼); Shaanxi 023 multi-channel dispute resolution' },
  'fj-2023-b2-029': { related: [sn(29), sn(30)], why: 'electronic contracts after tendering on the public-resource platform; Shaanxi 029/030 e-tendering' },
  'fj-2023-b2-030': { why: 'prosecutors\u2019 compliance database and credit profiles; no Shaanxi case' },
  'fj-2023-b2-031': { strong: [sn(7)], related: [sn(8)], either: [sn(9)], why: 'government–utility joint electricity connection service (政企协同办电); Shaanxi 007 the same' },
  'fj-2023-b2-032': { either: [sn(32)], why: 'cloud supervision of government promises and subsidy payment' },
  'fj-2023-b2-033': { either: [sn(20)], why: 'carbon-finance products; Shaanxi 020 rural finance products' },
  'fj-2023-b2-034': { why: 'the Shaxian snack industry; no Shaanxi case' },
  'fj-2023-b2-035': { strong: [sn(6)], either: [sn(12), sn(5)], why: 'standard land + start construction on getting the land (拿地即开工) — Shaanxi 006 the same' },
  'fj-2023-b2-036': { related: [sn(6)], either: [sn(5)], why: 'construction-project approval made paperless; Shaanxi 006 speeds the same approvals' },
  'fj-2023-b2-037': { related: [sn(32)], why: 'subsidies paid directly without application (直达, 免申即享); Shaanxi 032 tax incentives 直达快享' },
  'fj-2023-b2-038': { related: [sn(26)], either: [sn(25)], why: 'public employment services for odd-job workers; Shaanxi 026 public employment services' },
  'fj-2023-b2-039': { related: [sn(32)], either: [sn(14)], why: 'tax envoys serving firms; Shaanxi 032 takes tax policy to firms, 014 standardises tax service' },
  'fj-2023-b2-040': { related: [sn(17)], why: 'court–government cooperation to dispose of enterprise assets (府院联动); Shaanxi 017 the same for bankruptcy' },
  'fj-2023-b2-041': { related: [sn(19), sn(20)], why: 'inclusive finance through a data platform and village credit; Shaanxi 019/020' },
  'fj-2023-b2-042': { why: 'cross-strait exchange zone; no Shaanxi case' },
  'fj-2023-b2-043': { why: 'township service centres (乡镇便民服务); no Shaanxi case' },
  'fj-2023-b2-044': { related: [sn(20), sn(19)], why: 'inclusive rural finance (金融特派员); Shaanxi 020/019' },
  'fj-2023-b2-045': { related: [sn(25)], why: 'unpaid wages of migrant workers (欠薪); Shaanxi 025 includes a no-unpaid-wages city drive' },
  'fj-2023-b2-046': { related: [sn(34)], why: 'standards and brands for a local speciality (white tea); Shaanxi 034 brands through geographical indications' },
  'fj-2023-b2-047': { why: 'night-market supervision; no Shaanxi case' },
  'fj-2023-b2-048': { strong: [sn(21)], related: [sn(23)], why: 'one-stop litigation service and multi-channel dispute resolution — Shaanxi 021 (两个一站式) the same' },
  'fj-2025-b3-001': { either: [sn(2)], why: 'an AI assistant answering government-service questions; Shaanxi 002 a 12345 hotline' },
  'fj-2025-b3-002': { why: 'a provincial app of services for firms; no Shaanxi case' },
  'fj-2025-b3-003': { either: [sn(19)], why: 'capital-market (listing) services for tech firms; Shaanxi 019 is bank finance' },
  'fj-2025-b3-004': { why: 'oversize-transport permits approved with AI; no Shaanxi case' },
  'fj-2025-b3-005': { related: [sn(33)], either: [sn(34)], why: 'fast IP protection with technical investigators; Shaanxi 033 patent-infringement adjudication' },
  'fj-2025-b3-006': { why: 'instant departure tax refunds for tourists; no Shaanxi case' },
  'fj-2025-b3-007': { either: [sn(35)], why: 'tax-credit objections handled by consultation; Shaanxi 035 is social credit supervision' },
  'fj-2025-b3-008': { related: [sn(7), sn(8)], why: 'cross-province electricity applications; Shaanxi 007/008 electricity connection service' },
  'fj-2025-b3-009': { related: [sn(8), sn(7)], why: 'AI for electricity applications and supply plans; Shaanxi 008 shortens supply-plan replies' },
  'fj-2025-b3-010': { related: [sn(25)], why: 'labour-dispute arbitration and mediation; Shaanxi 025 labour mediation' },
  'fj-2025-b3-011': { related: [sn(23)], either: [sn(21)], why: 'a court in the industrial park, mediation for firms; Shaanxi 023 multi-channel dispute resolution' },
  'fj-2025-b3-012': { why: 'Taiwanese rural entrepreneurs; no Shaanxi case' },
  'fj-2025-b3-013': { related: [sn(8)], either: [sn(7)], why: 'customer data drive grid allocation; Shaanxi 008 anticipates customers\u2019 demand in grid planning' },
  'fj-2025-b3-014': { why: 'lithium-battery export services; Shaanxi 016 is rail freight' },
  'fj-2025-b3-015': { why: 'a new-energy industry ecosystem; no Shaanxi case' },
  'fj-2025-b3-016': { why: 'housing and start-up streets for young Taiwanese; no Shaanxi case' },
  'fj-2025-b3-017': { why: 'fair-competition review; no Shaanxi case' },
  'fj-2025-b3-018': { strong: [sn(34)], why: 'geographical-indication industries — the same practice as Shaanxi 034' },
  'fj-2025-b3-019': { related: [sn(26)], either: [sn(25)], why: 'an employment-service platform; Shaanxi 026 public employment services' },
  'fj-2025-b3-020': { why: 'party-building in parks; no Shaanxi case' },
  'fj-2025-b3-021': { either: [sn(23)], why: 'a QR code for firms to ask the court for services' },
  'fj-2025-b3-022': { related: [sn(6)], either: [sn(5)], why: 'fire-safety design review and acceptance in construction approval; Shaanxi 006 construction approval' },
  'fj-2025-b3-023': { either: [sn(15)], why: 'customs inspection of perishable exports; Shaanxi 015 includes customs facilitation' },
  'fj-2025-b3-024': { related: [sn(6)], either: [sn(5)], why: 'investment-project approval online end to end; Shaanxi 006 project approval' },
  'fj-2025-b3-025': { related: [sn(35)], either: [sn(36)], why: 'credit repair (信用修复); Shaanxi 035 credit-based supervision incl. repair' },
  'fj-2025-b3-026': { why: 'enterprise service centres of added-value services; no Shaanxi case' },
  'fj-2025-b3-027': { why: 'fair-competition review; no Shaanxi case' },
  'fj-2025-b3-028': { either: [sn(11)], why: 'housing vouchers settle tax arrears so buyers get certificates' },
  'fj-2025-b3-029': { either: [sn(3), sn(4)], why: 'one bundle of approvals for tea and tourism firms (一类事, one window)' },
  'fj-2025-b3-030': { related: [sn(35)], either: [sn(36)], why: 'credit repair across its whole cycle; Shaanxi 035' },
  'fj-2025-b3-031': { either: [sn(4)], why: 'government-service post in an industrial park' },
  'fj-2025-b3-032': { related: [sn(23)], either: [sn(21), sn(17)], why: 'court mediation + judicial confirmation for firms; Shaanxi 023' },
  'fj-2025-b3-033': { either: [sn(3), sn(4)], why: 'AI government services for Taiwanese start-ups, incl. starting a business' },
  'fj-2025-b3-034': { why: 'tax refunds for offshore wind equipment entering the zone; no Shaanxi case' },
  'fj-2025-b3-035': { either: [sn(23)], why: 'enforcement teams in local tribunals' },
};

/** The Shaanxi cases a reader counts as counterparts (strong or related) of a Fujian case. */
export function judgedCounterparts(fujianId: string): string[] {
  const j = JUDGED[fujianId];
  return j ? [...(j.strong ?? []), ...(j.related ?? [])] : [];
}
