// Page furniture of notices converted from PDF: page numbers, running headers, a table of contents, and lines
// broken at the page width. Made-up inputs modelled on printed 汇编; the golden fixture pdf-text-toc covers a
// whole notice.
import { describe, expect, it } from 'vitest';
import { normaliseDocument } from '../../src/ingest/normalise.ts';
import { segmentDocument } from '../../src/ingest/segment.ts';
import { hardWrapped, joinHardWraps, pageFurniture, pageNumberLine, tocEntry, wrapWidth } from '../../src/ingest/segment-pages.ts';

const lines = (text: string) => normaliseDocument(text).lines;

describe('a compilation of a bulletin\'s issues', () => {
  it('each later issue\'s masthead, issue number and dated issuer line are furniture; the first heads the document', () => {
    const ls = lines([
      '营商环境工作简报', '第5期', '某省营商环境建设监督局　2025年3月14日', '甲市:推行企业开办一日办结', '甲市推行企业开办一日办结,办理时间压缩至1天。',
      '营商环境工作简报', '第6期', '某省营商环境建设监督局　2025年4月18日', '乙市:推行不动产登记带押过户', '乙市推行带押过户,办理时间压缩至1天。',
    ].join('\n'));
    expect([...pageFurniture(ls)].sort((a, b) => a - b)).toEqual([5, 6, 7]);
    // An issue number alone, under no masthead printed before, is the document's own header.
    expect(pageFurniture(lines('营商环境工作简报\n第5期\n甲市推行企业开办一日办结。')).size).toBe(0);
  });
});

describe('page numbers and contents', () => {
  it.each(['— 3 —', '-3-', '- 12 -', '－３－', '第3页', '第 3 页 共 12 页', '3/12'])('%s is a page number', (t) => {
    expect(pageNumberLine(lines(t)[0].simplified)).toBe(true);
  });

  // — 01 —: a number written with a leading zero is how WeChat articles number their cases, never a page.
  it.each(['3', '2023', '一、背景情况', '-3%的降幅-说明', '第3批', '— 01 —', '-02-'])('%s is none', (t) => {
    expect(pageNumberLine(t)).toBe(false);
  });

  it('entries under 目录: with page numbers after blanks, or none (they come again as the bodies’ titles)', () => {
    const titles = ['一、甲市推行“一件事”集成改革', '二、乙市打造“港口通关一件事”'];
    const bodies = titles.flatMap((t, k) => [t, `【主要做法】正文${k}。`]);
    for (const toc of [titles.map((t, k) => `${t}  ${2 * k + 1}`), titles]) {
      const ls = lines(['某省案例汇编', '目录', ...toc, ...bodies].join('\n'));
      expect([...pageFurniture(ls)].sort((a, b) => a - b)).toEqual([1, 2, 3]);
    }
  });

  it('a contents entry has a leader and a page number', () => {
    expect(tocEntry('烟台市实施不动产登记“带押过户”……………………5')).toBe(true);
    expect(tocEntry('荣成市推进“信用+”融资服务.........7')).toBe(true);
    expect(tocEntry('累计办理业务2100余件。')).toBe(false);
    expect(tocEntry('办理时间压缩至5')).toBe(false);
  });
});

describe('running headers', () => {
  it('a line printed on every page is furniture, but for its first printing on the cover', () => {
    const ls = lines(['某省典型案例汇编', '甲市推行“一网通办”', '正文一。', '— 1 —', '某省典型案例汇编', '正文二。', '— 2 —', '某省典型案例汇编', '正文三。'].join('\n'));
    const f = pageFurniture(ls);
    expect([...f].sort((a, b) => a - b)).toEqual([3, 4, 6, 7]);
  });

  it('a part heading repeated in every case is never furniture', () => {
    const ls = lines(['甲市推行A', '一、背景情况', '甲。', '乙市推行B', '一、背景情况', '乙。', '丙市推行C', '一、背景情况', '丙。'].join('\n'));
    expect(pageFurniture(ls).size).toBe(0);
  });
});

describe('hard-wrapped lines', () => {
  const pdf = [
    '历下区推行“预审查+承诺制”，在土地出让前完成规划方案',
    '预审、施工图审查等前置工作，企业取得土地后即可同步领取建',
    '设用地规划许可证、建设工程规划许可证和施工许可证。改革以',
    '来，全区已有12个项目实现“拿地即开工”，平均节约时间4个月。',
  ].join('\n');

  it('a PDF page width is found; web paragraphs have none', () => {
    expect(wrapWidth(lines(pdf))).toBeGreaterThanOrEqual(26);
    const web = [
      '福州市推行企业开办“一网通办”改革成效明显显著',
      '福州市整合市场监管、税务、社保等部门的企业开办事项，实现一表申请、一窗受理、一次办结，企业开办时间压缩至0.5个工作日以内。',
      '厦门市推行工程建设项目审批制度改革成效明显显著',
      '厦门市对社会投资简易低风险项目实行“拿地即开工”，从立项到取得施工许可证平均用时压缩至15个工作日，较改革前减少一半以上。',
      '泉州市推行不动产登记“带押过户”改革成效明显显',
      '泉州市联合辖区银行推行“带押过户”，买卖双方与银行签订协议后，抵押注销、转移登记、抵押登记合并办理，全年办理2100余件。',
    ].join('\n');
    expect(wrapWidth(lines(web))).toBeNull();
  });

  it('a wrapped line ends mid-sentence; a bullet or a finished sentence does not wrap', () => {
    expect(hardWrapped('预审、施工图审查等前置工作，企业取得土地后即可同步领取建', 28)).toBe(true);
    expect(hardWrapped('来，全区已有12个项目实现“拿地即开工”，平均节约时间4个月。', 28)).toBe(false);
    expect(hardWrapped('（一）建立健全企业全生命周期服务机制和工作体系', 28)).toBe(false);
    expect(hardWrapped('甲市推行“一网通办”', 28)).toBe(false);
  });

  it('a paragraph broken across a page and a running header is read as one', () => {
    const text = [
      '某省优化营商环境典型案例汇编',
      '甲市推行“拿地即开工”审批模式',
      '一、基本情况',
      '甲市产业项目用地紧张，项目从拿地到开工审批环节多、周期长，企',
      '业反映强烈，群众对此意见较大，亟需通过改革加以系统性解决。',
      '二、主要做法',
      '甲市推行“预审查+承诺制”，在土地出让前完成规划方案预审、施',
      '— 1 —',
      '某省优化营商环境典型案例汇编',
      '工图审查等前置工作，企业取得土地后即可同步领取各类许可证，',
      '全市已有12个项目实现“拿地即开工”，平均节约时间4个月。',
      '— 2 —',
      '某省优化营商环境典型案例汇编',
      '乙市实施不动产登记“带押过户”',
      '一、基本情况',
      '二手房交易中，卖方须先筹集资金还清贷款、注销抵押后才能过',
      '户，交易成本高、周期长，群众反映强烈，亟需改革加以解决。',
      '二、主要做法',
      '乙市联合辖区23家银行推行“带押过户”，抵押注销、转移登记',
      '和抵押登记合并办理，全年办理业务2100余件，节省资金9亿元。',
    ].join('\n');
    const s = segmentDocument(normaliseDocument(text));
    expect(s.cases.map((c) => c.title)).toEqual(['甲市推行“拿地即开工”审批模式', '乙市实施不动产登记“带押过户”']);
    expect(s.cases[0].measures).toContain('施工图审查等前置工作');
    expect(s.cases[0].measures).not.toMatch(/\n|汇编|— 1 —/);
    expect(s.unassigned).toEqual([]);
    // Every source line is accounted for: each joined line's numbers go with its case.
    const seen = new Set([...s.headerLineNos, ...s.cases.flatMap((c) => c.lineNos)]);
    expect(seen.size).toBe(text.split('\n').length);
  });
});

describe('joinHardWraps', () => {
  it('a paragraph goes on while its last physical line is at the page width, and ends at a short one', () => {
    const full = '福州市推行企业开办一件事集成办理改革并在全市范围推广应用取得明显成效得到企业广泛好评的做法';
    const width = [...full].length;
    const doc = lines([full, full, '短行没有句号', full, '下一段的结尾。'].join('\n'));
    const { lines: out, joined } = joinHardWraps(doc, width);
    // The first paragraph takes the second full line and the short one, and stops there: the short line is not at
    // the page width, though the joined text is far longer than the width.
    expect(out.map((l) => l.simplified)).toEqual([full + full + '短行没有句号', full + '下一段的结尾。']);
    expect([...joined.values()]).toEqual([[doc[1].lineNo, doc[2].lineNo], [doc[4].lineNo]]);
  });
});
