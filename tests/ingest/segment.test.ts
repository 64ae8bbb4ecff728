import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseDocument } from '../../src/ingest/normalise.ts';
import { segmentDocument } from '../../src/ingest/segment.ts';
import { titleSimilarity } from '../../src/ingest/segment-patterns.ts';

const RAW = 'data/raw';
const files = readdirSync(RAW).filter((f) => f.endsWith('.txt'));
const docs = files.map((f) => {
  const doc = normaliseDocument(readFileSync(`${RAW}/${f}`, 'utf8'));
  return { f, doc, seg: segmentDocument(doc) };
});
const byText = (needle: string) => docs.find((d) => d.doc.lines.some((l) => l.simplified.includes(needle)))!;
const seg = (text: string) => segmentDocument(normaliseDocument(text));

/** The list entries a notice announces, read independently of the segmenter (for cross-checks). */
function listedTitles(lines: { simplified: string }[]): string[] {
  const out: string[] = [];
  let inList = false;
  for (const l of lines) {
    const t = l.simplified.replace(/^附件:\s*/, () => ((inList = true), ''));
    const m = /^(\d+)\.(.+)$/.exec(t);
    if (inList && m && Number(m[1]) === out.length + 1) out.push(m[2]);
    else if (inList && out.length && !m) break;
  }
  return out;
}

describe('segmentDocument on data/raw', () => {
  it('partitions every non-blank line into exactly one case, the header, or unassigned', () => {
    for (const { doc, seg: s } of docs) {
      const seen = new Map<number, number>();
      const add = (n: number) => seen.set(n, (seen.get(n) ?? 0) + 1);
      s.cases.forEach((c) => c.lineNos.forEach(add));
      s.headerLineNos.forEach(add);
      s.unassigned.forEach((l) => add(l.lineNo));
      expect([...seen.keys()].sort((a, b) => a - b)).toEqual(doc.lines.map((l) => l.lineNo));
      expect([...seen.values()].every((v) => v === 1)).toBe(true);
    }
  });

  it('finds as many cases as each notice states, numbered 1..n', () => {
    for (const { seg: s } of docs) {
      expect(s.header.casesAnnounced).not.toBeNull();
      expect(s.cases).toHaveLength(s.header.casesAnnounced!);
      expect(s.cases.map((c) => c.seq)).toEqual(s.cases.map((_, k) => k + 1));
    }
  });

  it('gives each listed case a title that matches its list entry', () => {
    for (const { doc, seg: s } of docs) {
      const listed = listedTitles(doc.lines);
      if (!listed.length) continue;
      expect(s.cases).toHaveLength(listed.length);
      s.cases.forEach((c, k) => expect(titleSimilarity(c.title, listed[k])).toBeGreaterThan(0.8));
    }
  });

  it('detects the listed case whose body is absent, and fills the parts of every other body', () => {
    const d = byText('附件12'); // the traditional notice: its list has 48 entries
    expect(d.seg.header.casesAnnounced).toBe(48);
    const missing = d.seg.cases.filter((c) => !c.hasBody);
    expect(missing).toHaveLength(1);
    // the missing one is the list entry whose number has no 附件N body marker
    const markers = new Set(d.doc.lines.map((l) => /^附件(\d+)$/.exec(l.simplified)?.[1]).filter(Boolean).map(Number));
    expect(markers.has(missing[0].seq)).toBe(false);
    expect(missing[0].title).toContain('带押过户');
    for (const { seg: s } of docs)
      for (const c of s.cases.filter((x) => x.hasBody)) {
        expect(c.measures.length + c.background.length).toBeGreaterThan(0);
        expect(c.bodyOriginal.length).toBeGreaterThan(0);
      }
  });

  it('counts garbled lines per case from the normalise flags', () => {
    const d = byText('附件12');
    const total = d.seg.cases.reduce((n, c) => n + c.mojibake.repaired + c.mojibake.unrepaired, 0);
    expect(total).toBe(d.doc.lines.filter((l) => l.mojibake).length);
  });

  it('reads the headers: issuer, date, batch, year', () => {
    const fj = byText('2025年第三批');
    expect(fj.seg.header).toMatchObject({ year: 2025, batch: 3, published: '2025-12-09', issuer: '福建省发展和改革委员会' });
    const sx = byText('您现在的位置');
    expect(sx.seg.header).toMatchObject({ year: 2022, batch: 2, published: '2022-08-08' });
    expect(sx.seg.header.title).toContain('典型经验做法');
  });

  it('puts web furniture in the header, not in cases', () => {
    const sx = byText('您现在的位置');
    const furniture = sx.doc.lines.filter((l) => /您现在的位置|发布时间|全文如下/.test(l.simplified));
    expect(furniture.length).toBe(3);
    for (const l of furniture) expect(sx.seg.headerLineNos).toContain(l.lineNo);
  });

  it('sets the indicator heading of the Shaanxi document on the cases under it', () => {
    const sx = byText('您现在的位置');
    expect(sx.seg.cases.every((c) => c.headingLabel)).toBe(true);
    const kaiban = sx.seg.cases.filter((c) => c.headingLabel === '开办企业');
    expect(kaiban.length).toBeGreaterThanOrEqual(2);
    expect(kaiban.some((c) => c.title.includes('开办'))).toBe(true);
    expect(sx.seg.cases[0].headingLabel).toBe('“一把手走流程、坐窗口、跟执法、处投诉”活动');
    // headings of the other documents do not exist
    for (const d of docs.filter((x) => x !== sx)) expect(d.seg.cases.every((c) => c.headingLabel === null)).toBe(true);
  });

  it('joins titles wrapped over several lines', () => {
    const d = byText('与知识图谱的政务服务创新实践');
    const c = d.seg.cases.find((x) => x.title.includes('福晓宝'))!;
    expect(c.title).toBe('福建省智能客服“福晓宝”——基于大模型与知识图谱的政务服务创新实践');
  });

  it('keeps the list entry spacing when the body wraps a two-phrase title', () => {
    const s = seg(['附件:', '1.甲市推行企业开办 全程网办', '附件1', '甲市推行企业开办', '全程网办', '一、背景情况', '背景说明。'].join('\n'));
    expect(s.cases[0].title).toBe('甲市推行企业开办 全程网办');
    const real = byText('福建高院建立').seg.cases.find((c) => c.title.startsWith('福建高院'))!;
    expect(real.title).toContain('机制 探索');
  });
});

describe('segmentDocument on made-up awkward inputs', () => {
  const body = (n: number, title: string) =>
    `附件${n}\n${title}\n一、背景情况\n背景${n}说明。\n二、主要做法\n做法${n}内容。\n三、取得成效\n成效${n}明显。`;

  it('wrapped titles, blank and indented lines, a missing body', () => {
    const text = [
      '各市:',
      '现推出第一批共3个典型经验做法。',
      '附件:1.甲市推行企业开办全程网办',
      '  2.乙市优化获得电力服务',
      '3.丙县探索信用修复新机制',
      '某某办公室',
      '2024年3月1日',
      '',
      '附件1',
      '  甲市推行企业开办',
      '   全程网办',
      '一、背景情况',
      '背景1说明。',
      '',
      '二、主要做法和成效',
      '做法1内容。',
      body(3, '丙县探索信用修复新机制'),
    ].join('\n');
    const s = seg(text);
    expect(s.header).toMatchObject({ batch: 1, casesAnnounced: 3, issuer: '某某办公室', published: '2024-03-01', year: 2024 });
    expect(s.cases.map((c) => [c.title, c.hasBody])).toEqual([
      ['甲市推行企业开办全程网办', true],
      ['乙市优化获得电力服务', false],
      ['丙县探索信用修复新机制', true],
    ]);
    expect(s.cases[0]).toMatchObject({ background: '背景1说明。', measures: '做法1内容。', outcomes: '' });
    expect(s.cases[2]).toMatchObject({ background: '背景3说明。', measures: '做法3内容。', outcomes: '成效3明显。' });
    expect(s.unassigned).toEqual([]);
  });

  it('duplicate body numbers: bodies go to the entry their title names, never to the wrong one', () => {
    const text = ['附件:', '1.甲市推行企业开办全程网办', '2.乙市优化获得电力服务', body(1, '甲市推行企业开办全程网办'), body(1, '乙市优化获得电力服务')].join('\n');
    const s = seg(text);
    expect(s.cases.map((c) => [c.title, c.measures])).toEqual([
      ['甲市推行企业开办全程网办', '做法1内容。'],
      ['乙市优化获得电力服务', '做法1内容。'],
    ]);
  });

  it('a body whose title contradicts the entry of its number is not attached to it', () => {
    const text = ['附件:', '1.甲市推行企业开办全程网办', '2.乙市优化获得电力服务', body(2, '丁区打造知识产权保护高地')].join('\n');
    const s = seg(text);
    expect(s.cases).toHaveLength(3);
    expect(s.cases.filter((c) => c.hasBody).map((c) => c.title)).toEqual(['丁区打造知识产权保护高地']);
    expect(s.cases.filter((c) => !c.hasBody).map((c) => c.title).sort()).toEqual(['乙市优化获得电力服务', '甲市推行企业开办全程网办'].sort());
  });

  it('no list: cases come from the bodies; a body without title line gets an inferred title', () => {
    const text = ['典型案例(一)', '甲市推行企业开办全程网办', '一、背景情况', '背景说明。', '典型案例(二)', '二、主要做法', '乙市全面推行电力服务三零模式,成效明显。'].join('\n');
    const s = seg(text);
    expect(s.cases).toHaveLength(2);
    expect(s.cases[0]).toMatchObject({ title: '甲市推行企业开办全程网办', titleInferred: false, background: '背景说明。' });
    expect(s.cases[1]).toMatchObject({ title: '乙市全面推行电力服务三零模式', titleInferred: true });
  });

  it('a body with no part headings keeps its text in measures', () => {
    const s = seg(['01', '甲市推行企业开办全程网办', '甲市通过多项举措优化开办,取得成效。', '02', '乙市优化获得电力服务', '乙市推出三零服务。'].join('\n'));
    expect(s.cases.map((c) => [c.title, c.background, c.measures])).toEqual([
      ['甲市推行企业开办全程网办', '', '甲市通过多项举措优化开办,取得成效。'],
      ['乙市优化获得电力服务', '', '乙市推出三零服务。'],
    ]);
  });

  it('text with no case structure is reported as unassigned, not hidden', () => {
    const s = seg('关于某事的通知\n这是一段正文,没有任何案例结构。\n另一段正文。');
    expect(s.cases).toEqual([]);
    expect(s.unassigned.map((l) => l.lineNo)).toEqual([2, 3]);
    expect(s.headerLineNos).toEqual([1]);
  });
});
