// The notice's own text around its cases (segment-around.ts): closings after the last case, a preamble under a
// headline, attached forms, and the warnings left for the analyst when a reading may still hold such text.
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/ingest/pipeline.ts';
import { closingParagraph, contributorLine, resultParagraph, trailingContributor } from '../../src/ingest/segment-patterns.ts';

const ingest = (text: string) => ingestDocument({ sourceFile: 'notice.txt', bytes: new TextEncoder().encode(text) });
const texts = (r: ReturnType<typeof ingest>) => r.cases.map((c) => [c.title, c.background, c.measures, c.outcomes].join('\n')).join('\n');
const codes = (r: ReturnType<typeof ingest>) => r.report.warnings.map((w) => w.code);

const CASES = [
  '福州市推行企业开办“一日办结”',
  '福州市将企业登记、刻章、申领发票等事项整合为一个环节，企业一次申请即可办结。',
  '改革以来，企业开办时间由3个工作日压缩至1个工作日。',
  '厦门市打造“园区事园区办”服务模式',
  '厦门市将48项审批权限下放至园区，企业在园区即可办结审批事项。',
  '截至今年6月，园区累计办理审批事项5200件。',
  '泉州市建立企业诉求“闭环办理”机制',
  '泉州市设立企业诉求服务中心，对企业反映的问题实行受理、交办、督办、反馈闭环管理。',
  '今年以来，累计办结企业诉求1520件。',
];

describe('the closing after the last case', () => {
  it('is no case text when it addresses the readers (各…要), speaks of the cases as a set, or says the issuer’s next step', () => {
    for (const closing of [
      '各区县、各部门要充分借鉴典型案例的经验做法，立足自身实际，积极探索创新。',
      '以上经验做法均来自基层改革实践，针对性和可操作性较强。',
      '省营商环境建设领导小组办公室将持续跟踪改革进展，推动各项经验做法落地生根。',
      '希望各区、各部门以入选案例为标杆，对标先进、比学赶超。',
    ]) {
      const r = ingest(['某省优化营商环境典型案例（第一批）', ...CASES, closing].join('\n'));
      expect(r.cases).toHaveLength(3);
      expect(texts(r)).not.toContain(closing.slice(0, 12));
      expect(r.unassigned).toEqual([]);
    }
  });

  it('ends where the last case’s unit signs it, when every case ends so, whatever its words', () => {
    const signed = [
      ...CASES.slice(0, 3), '（福州市市场监管局）',
      ...CASES.slice(3, 6), '（厦门市发展改革委）',
      ...CASES.slice(6, 9), '（泉州市营商办）',
      '这些探索务实管用，具有较强的示范意义。',
    ];
    const r = ingest(['某省优化营商环境典型案例（第一批）', ...signed].join('\n'));
    expect(r.cases.map((c) => c.agency)).toEqual(['福州市市场监管局', '厦门市发展改革委', '泉州市营商办']);
    expect(texts(r)).not.toContain('示范意义');
  });

  it('keeps a sentence addressed to 各… inside a case that is not the last, and the only paragraph of a case', () => {
    expect(closingParagraph('各乡镇要在3个工作日内反馈。')).toBe(false);
    const r = ingest(['某省优化营商环境典型案例', ...CASES.slice(0, 6), '漳州市推行“标准地”改革', '各县区要结合实际推行“标准地”出让，实现拿地即开工。'].join('\n'));
    expect(r.cases.at(-1)?.measures).toContain('标准地');
  });

  it('left in a case when worded otherwise: the last case is flagged for the analyst', () => {
    const r = ingest(['某省优化营商环境典型案例（第一批）', ...CASES, '这些探索为全省提供了可复制的经验，值得各地在实践中参考。'].join('\n'));
    expect(codes(r)).toContain('last_case_long');
  });
});

describe('a preamble under a headline', () => {
  it('is the header when its text announces the cases', () => {
    const r = ingest(['某省优化营商环境典型案例', '坚持问题导向　持续打造一流营商环境', '今年以来，全省各地各部门推出一批务实管用的改革举措，本批共遴选出3个典型案例。', ...CASES].join('\n'));
    expect(r.cases.map((c) => c.title)).toEqual(['福州市推行企业开办“一日办结”', '厦门市打造“园区事园区办”服务模式', '泉州市建立企业诉求“闭环办理”机制']);
    expect(r.report.casesAnnounced).toBe(3);
  });

  it('is flagged when it announces nothing but speaks of the notice', () => {
    const r = ingest(['某省优化营商环境典型案例', '坚持改革创新　持续打造一流营商环境', '今年以来，全省各地各部门聚焦企业关切，推出一批改革举措。', ...CASES].join('\n'));
    expect(codes(r)).toContain('first_case_preamble');
  });
});

describe('attachments', () => {
  it('a 附件: list naming the compilation and a form lists no cases; the attached form holds none', () => {
    const r = ingest([
      '某省关于推广优化营商环境典型经验做法的通知',
      '附件：1．某省第三批优化营商环境典型经验做法',
      '2．复制推广工作进展情况统计表',
      '附件1', '某省第三批优化营商环境典型经验做法', ...CASES,
      '附件2', '复制推广工作进展情况统计表',
    ].join('\n'));
    expect(r.cases).toHaveLength(3);
    expect(r.cases.every((c) => c.has_body)).toBe(true);
    expect(texts(r)).not.toContain('统计表');
  });
});

describe('parts of a body without part headings', () => {
  it('a paragraph reporting results with figures opens the outcomes', () => {
    // Texts in their normal form (full-width ，and ： folded).
    expect(resultParagraph('截至2025年3月底,平台累计注册企业5.2万家。')).toBe(true);
    expect(resultParagraph('平台运行以来,累计办件8.2万件。')).toBe(true);
    expect(resultParagraph('改革实施后,企业开办环节由5个减少为1个。')).toBe(true);
    // No figure, or an opening that dates a measure, is no report of results.
    expect(resultParagraph('截至目前,各项工作进展顺利。')).toBe(false);
    expect(resultParagraph('2023年,漳州市出台《实施方案》,设立1000万元专项资金。')).toBe(false);
    // A year's results (no verb telling what was done) are outcomes.
    expect(resultParagraph('2024年,东兴市边民互市落地加工产值达58亿元,带动边民增收1.9亿元。')).toBe(true);
    const r = ingest(['某省优化营商环境典型案例', ...CASES].join('\n'));
    expect(r.cases.map((c) => c.outcomes)).toEqual([CASES[2], CASES[5], CASES[8]].map((t) => t.replace(/，/g, ',')));
  });

  it('a unit signing a paragraph at its end is the agency; an aside in brackets is not', () => {
    expect(trailingContributor('累计办件23.6万件。(供稿:长沙市数据资源局)')).toEqual({ who: '长沙市数据资源局', rest: '累计办件23.6万件。' });
    expect(trailingContributor('登记材料由5份减少为2份。(宁波市发展改革委供稿)')).toEqual({ who: '宁波市发展改革委', rest: '登记材料由5份减少为2份。' });
    expect(contributorLine('(温州市市场监管局供稿)')).toBe('温州市市场监管局');
    expect(trailingContributor('成立数据资源局。(以下简称市数据局)')).toBeNull();
    expect(trailingContributor('企业可在线申请(含个体工商户)')).toBeNull();
  });
});

describe('closing words', () => {
  it('are the notice’s words for its cases and readers, not a case’s own summary', () => {
    expect(closingParagraph('以上经验做法均来自基层改革实践,针对性和可操作性较强。')).toBe(true);
    expect(closingParagraph('上述典型案例各具特色,请结合实际学习借鉴。')).toBe(true);
    expect(closingParagraph('以上做法实施以来,企业开办时间由3天压缩至1天。')).toBe(false);
    expect(closingParagraph('上述举措推行后,累计为企业节省成本300万元。')).toBe(false);
  });
});
