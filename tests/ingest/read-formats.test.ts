// The readers of notices as published — web pages, Word files — and the dispatch that tells them by content.
// Pages and documents here are small, written after the markup of real government sites, WeChat articles and
// Word attachments; the whole notices are the golden fixtures (tests/fixtures/layouts/*.html, *.docx).
import { readFileSync } from 'node:fs';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IngestError, ingestCorpus, ingestDocument } from '../../src/ingest/pipeline.ts';
import { documentText, looksLikeHtml } from '../../src/ingest/read-document.ts';
import { bodyLines, readDocx } from '../../src/ingest/read-docx.ts';
import { formatNumber, readNumbering } from '../../src/ingest/read-docx-numbering.ts';
import { decodeHtml, readHtml } from '../../src/ingest/read-html.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** GBK bytes of a string (the platform has no GBK encoder: built from its decoder's table, as text-gbk does). */
function gbkBytes(s: string): Uint8Array {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return new Uint8Array([...s].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)));
}

const page = (body: string, head = '<meta charset="utf-8">') => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const lines = (html: string) => readHtml('p.html', utf8(html)).lines;

function reason(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof IngestError) return `${error.reason}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('web pages', () => {
  it('reads blocks and <br> as lines, inline elements as part of their line', () => {
    const html = page('<div><p>一、<strong>甲市</strong><span>推行</span>改革</p><p>第一句。<br>第二句。<br/></p><div><div>嵌套的段落</div></div>尾部文字</div>');
    expect(lines(html)).toEqual(['一、甲市推行改革', '第一句。', '第二句。', '嵌套的段落', '尾部文字']);
  });

  it('decodes entities, named and numeric, and keeps markup-like text as text', () => {
    const html = page('<p>&ldquo;一网通办&rdquo; &amp; &#20013;&#x6587; &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(lines(html)).toEqual(['“一网通办” & 中文 <script>alert(1)</script>']);
  });

  it('reads a table row as one line of tab-separated cells; a cell of several paragraphs as lines of their own', () => {
    const html = page(`<table><tr><th>序号</th><th>案例名称</th><th>申报单位</th></tr>
      <tr><td>1</td><td><p>甲市推行<b>一件事</b>改革</p></td><td>甲市政务服务中心</td></tr>
      <tr><td>2</td><td></td><td>乙市</td></tr>
      <tr><td><p>案例正文第一段。</p><p>案例正文第二段。</p></td><td>备注</td></tr></table>`);
    expect(lines(html)).toEqual(['序号\t案例名称\t申报单位', '1\t甲市推行一件事改革\t甲市政务服务中心', '2\t乙市', '案例正文第一段。', '案例正文第二段。', '备注']);
  });

  it('closes cells and rows the markup leaves open', () => {
    expect(lines(page('<table><tr><td>1<td>甲市推行改革<tr><td>2<td>乙市推行改革</table><p>后文</p>'))).toEqual(['1\t甲市推行改革', '2\t乙市推行改革', '后文']);
  });

  it('joins a paragraph the source wrapped between Chinese characters, and keeps other blanks as one space', () => {
    expect(lines(page('<p>优化营商\n      环境 典型\n案例 2024   年</p>'))).toEqual(['优化营商环境 典型案例 2024 年']);
  });

  it('keeps the line breaks of <pre>', () => {
    expect(lines(page('<pre>第一行\n  第二行\n</pre>'))).toEqual(['第一行', '第二行']);
  });

  it('leaves out scripts, styles, hidden elements and chrome, but keeps a WeChat body served as visibility:hidden', () => {
    const html = page(
      `<div class="nav"><a href="/">首页</a><a href="/x">政务公开</a></div>
       <script>document.write('脚本文字')</script><style>p{color:red}</style><noscript>请启用脚本</noscript>
       <div id="js_content" style="visibility: hidden; opacity: 0;"><p>正文第一段，内容较长，足以成为文章。</p><p>正文第二段。</p></div>
       <div style="display:none">隐藏的统计文字</div>
       <div class="bdsharebuttonbox">分享到：微信 微博</div>
       <div class="footer">主办单位：某省人民政府办公厅</div>`,
    );
    const read = readHtml('p.html', utf8(html));
    expect(read.lines).toEqual(['正文第一段，内容较长，足以成为文章。', '正文第二段。']);
    // The chrome a reader of the page sees is counted (navigation, share bar, footer), the code and hidden text not.
    expect(read.droppedLines).toBe(3);
  });

  it('reads the article from its heading: the 来源/发布时间 box between them stays, breadcrumbs and related links do not', () => {
    const html = page(
      `<div class="crumbs">当前位置：<a>首页</a> &gt; <a>通知公告</a></div>
       <div class="main"><h1>某省关于推广第二批优化营商环境典型经验做法的通知</h1>
       <div class="info">来源：某省营商办 发布时间：2024-03-01</div>
       <div class="con"><p>各市人民政府：</p><p>现将第二批2项典型经验做法印发给你们，请认真学习借鉴。</p><p>一、甲市推行改革</p><p>甲市的做法。</p></div>
       <ul class="list"><li><a href="/1">第一批典型经验做法</a></li><li><a href="/2">其他新闻</a></li></ul></div>`,
    );
    expect(lines(html)).toEqual([
      '某省关于推广第二批优化营商环境典型经验做法的通知',
      '来源：某省营商办 发布时间：2024-03-01',
      '各市人民政府：',
      '现将第二批2项典型经验做法印发给你们，请认真学习借鉴。',
      '一、甲市推行改革',
      '甲市的做法。',
    ]);
  });

  it('reads the whole article when its text is split between sibling blocks (sections of a WeChat body)', () => {
    const para = (n: number) => `<p>第${n}段：企业开办、不动产登记、跨境贸易等领域的改革举措持续深化，群众和企业办事更加便利。</p>`;
    const html = page(
      `<h1 class="rich_media_title">某省优化营商环境典型案例</h1><div id="js_content"><section>${para(1)}${para(2)}${para(3)}</section><section>${para(4)}${para(5)}</section></div>
       <div class="footer">主办单位：某省营商办</div>`,
    );
    expect(lines(html)).toEqual(['某省优化营商环境典型案例', ...[1, 2, 3, 4, 5].map((n) => expect.stringMatching(new RegExp(`^第${n}段`)))]);
  });

  it('reads an older site laid out in tables: title and info cells, the article in a cell of <br>-separated lines', () => {
    const html = page(`<table><tr><td><a href="/">首页</a> | <a href="/">机构</a></td></tr></table>
      <table><tr><td><ul><li><a>通知公告</a></li></ul><p>联系电话：0791-1234567</p></td>
      <td><table><tr><td class="title">关于推广第三批优化营商环境典型案例的通知</td></tr>
      <tr><td class="info">发布日期：2024-01-05　信息来源：市营商办</td></tr>
      <tr><td id="zoom"><font size="3">各县（市、区）人民政府：<br>　　现将第三批典型案例印发给你们。<br>　　一、甲县推行“一件事”改革<br>　　甲县将企业开办涉及的事项整合办理，时间压缩至半天。</font></td></tr>
      <tr><td align="right"><a href="javascript:window.print()">【打印】</a></td></tr></table></td></tr></table>
      <table><tr><td>版权所有：某市人民政府　备案号：赣ICP备12345678号</td></tr></table>`);
    expect(lines(html)).toEqual([
      '关于推广第三批优化营商环境典型案例的通知',
      '发布日期：2024-01-05　信息来源：市营商办',
      '各县（市、区）人民政府：',
      '现将第三批典型案例印发给你们。',
      '一、甲县推行“一件事”改革',
      '甲县将企业开办涉及的事项整合办理，时间压缩至半天。',
    ]);
  });

  it('finds the title an older site marks by look only (a large bold font in a centred cell above the article), not a placeholder <title>', () => {
    const body = '<p>' + '甲市推行企业开办一网通办，将多个环节整合为一个环节。'.repeat(20) + '</p>';
    const layout = (above: string) =>
      page(`<table><tr><td><b>通知公告</b><br><a href="/1">其他通知一</a></td><td><table>${above}<tr><td>${body}</td></tr></table></td></tr></table>`, '<meta charset="utf-8"><title>无标题文档</title>');
    const title = '<tr><td align="center"><font size="5"><b>关于印发典型经验做法的通知</b></font></td></tr>';
    const date = '<tr><td align="center">发布时间：2024-04-12 浏览次数：10</td></tr>';
    // The bold title wins over the centred date line under it, which stays (the header reading uses it).
    expect(lines(layout(title + date)).slice(0, 2)).toEqual(['关于印发典型经验做法的通知', '发布时间：2024-04-12 浏览次数：10']);
    // A bold column name far above the article (a long row of text between) is no heading; the placeholder title is no title.
    const far = `<tr><td><b>本栏目最新公开的信息</b></td></tr><tr><td>${'栏目说明文字，介绍本栏目收录的信息。'.repeat(15)}</td></tr>`;
    expect(lines(layout(far))[0]).toMatch(/^甲市推行/);
  });

  it('opens with the title of the <head> when the page shows none before its article', () => {
    const html = page('<div><p>正文第一段，内容较长。</p><p>正文第二段。</p></div>', '<meta charset="utf-8"><title>某市典型案例汇编_政务公开_某市人民政府</title>');
    expect(lines(html)[0]).toBe('某市典型案例汇编');
  });

  describe('charset', () => {
    const body = page('<p>优化营商环境典型经验做法</p>', '');
    it('GBK declared by <meta http-equiv>', () => {
      const bytes = gbkBytes(body.replace('<head>', '<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'));
      expect(decodeHtml('p.html', bytes).text).toContain('优化营商环境典型经验做法');
    });
    it('GBK with no declaration (not valid UTF-8: read as GB18030)', () => {
      expect(decodeHtml('p.html', gbkBytes(body))).toMatchObject({ charset: 'gb18030' });
      expect(readHtml('p.html', gbkBytes(body)).lines).toEqual(['优化营商环境典型经验做法']);
    });
    it('UTF-8 although the page declares GBK (a site that re-encoded its pages)', () => {
      const bytes = utf8(body.replace('<head>', '<head><meta charset="gbk">'));
      expect(decodeHtml('p.html', bytes)).toMatchObject({ charset: 'utf-8' });
      expect(readHtml('p.html', bytes).lines).toEqual(['优化营商环境典型经验做法']);
    });
    it('UTF-16 with its byte-order mark', () => {
      const units = [0xfeff, ...[...body].map((c) => c.charCodeAt(0))];
      const bytes = new Uint8Array(units.flatMap((u) => [u & 0xff, u >> 8]));
      expect(looksLikeHtml(bytes)).toBe(true);
      expect(readHtml('p.html', bytes).lines).toEqual(['优化营商环境典型经验做法']);
    });
  });

  it('refuses a page without text', () => {
    expect(reason(() => readHtml('p.html', utf8(page('<div><img src="a.png"></div>'))))).toMatch(/^empty: p\.html/);
  });
});

// ---------- Word ----------

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const wp = (...runs: string[]) => `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>${runs.map((r) => `<w:r><w:rPr><w:b/></w:rPr>${r}</w:r>`).join('')}</w:p>`;
const wt = (t: string) => `<w:t xml:space="preserve">${t}</w:t>`;
const tc = (...paras: string[]) => `<w:tc><w:tcPr><w:tcW w:w="1000"/></w:tcPr>${paras.join('')}</w:tc>`;
const documentXml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;
const docx = (body: string, extra: Record<string, Uint8Array> = {}) =>
  zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(documentXml(body)), ...extra });

describe('Word documents', () => {
  it('reads paragraphs as lines, breaks and tabs as such, runs of one paragraph as one line', () => {
    const xml = documentXml(
      wp(wt('某省营商办'), '<w:br/>', wt('2024年9月10日')) + wp(wt('附件'), '<w:tab/>', wt('名单')) + wp(wt('一、'), wt('甲市&amp;乙市'), wt('“联办”')),
    );
    expect(bodyLines(xml)).toEqual(['某省营商办', '2024年9月10日', '附件\t名单', '一、甲市&乙市“联办”']);
  });

  it('reads a table row as tab-separated cells, and skips deleted revisions, field codes and fallback copies', () => {
    const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
    const xml = documentXml(
      `<w:tbl><w:tblPr/>${row(tc(wp(wt('序号'))), tc(wp(wt('案例名称'))))}${row(tc(wp(wt('1'))), tc(wp(wt('甲市'), '<w:delText>删掉的</w:delText>', wt('推行改革'))))}</w:tbl>` +
        wp('<w:fldChar w:fldCharType="begin"/>', '<w:instrText> PAGE </w:instrText>', wt('正文')) +
        `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent>${wp(wt('文本框'))}</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>${wp(wt('文本框'))}</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
    );
    expect(bodyLines(xml)).toEqual(['序号\t案例名称', '1\t甲市推行改革', '正文', '文本框']);
  });

  it('keeps a numbered row on one line when a cell holds two paragraphs; a form row (label | text) goes cell by cell', () => {
    const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
    const xml = documentXml(
      `<w:tbl><w:tblPr/>${row(tc(wp(wt('1'))), tc(wp(wt('甲市推行改革'))), tc(wp(wt('做法一。')), wp(wt('做法二。'))))}` +
        `${row(tc(wp(wt('主要做法'))), tc(wp(wt('做法一。')), wp(wt('做法二。'))))}</w:tbl>`,
    );
    expect(bodyLines(xml)).toEqual(['1\t甲市推行改革\t做法一。 做法二。', '主要做法', '做法一。', '做法二。']);
  });

  it('reads a .docx the docx package wrote (the golden fixture) with its table, signature break and no deleted text', () => {
    const text = readDocx('w.docx', new Uint8Array(readFileSync('tests/fixtures/layouts/word-case-table.docx')));
    expect(text).toContain('序号\t案例名称\t申报单位\t所属领域');
    expect(text).toContain('安徽省优化营商环境工作领导小组办公室');
    expect(text).toContain('2024年9月10日');
    expect(text.join('\n')).not.toContain('第五批');
  });

  it('writes the numbers Word draws before list paragraphs (一、 / (一) counting on per level, restarting below)', async () => {
    const level = (lvl: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({ level: lvl, format, text, alignment: AlignmentType.LEFT });
    const item = (text: string, lvl: number) => new Paragraph({ numbering: { reference: 'cases', level: lvl }, children: [new TextRun(text)] });
    const doc = new Document({
      numbering: { config: [{ reference: 'cases', levels: [level(0, LevelFormat.CHINESE_COUNTING, '%1、'), level(1, LevelFormat.CHINESE_COUNTING, '(%2)'), level(2, LevelFormat.DECIMAL, '%3.')] }] },
      sections: [{ children: [item('甲市推行改革', 0), item('前移审核', 1), item('并联办理', 1), item('材料减少', 2), item('乙市打造平台', 0), item('归集政策', 1), new Paragraph('正文段落')] }],
    });
    const text = readDocx('n.docx', new Uint8Array(await Packer.toBuffer(doc)));
    expect(text).toEqual(['一、甲市推行改革', '(一)前移审核', '(二)并联办理', '1.材料减少', '二、乙市打造平台', '(一)归集政策', '正文段落']);
  });

  it('numbers a paragraph by its style (标题 1 linked to a list), and counts on across lists of one abstract list', () => {
    const lvl = (ilvl: number, fmt: string, text: string) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering = readNumbering(
      `<w:numbering ${W}><w:abstractNum w:abstractNumId="5">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}</w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="5"/></w:num>` +
        `<w:num w:numId="3"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>`,
      `<w:styles ${W}><w:style w:styleId="1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
        `<w:style w:styleId="CaseTitle"><w:basedOn w:val="1"/></w:style><w:style w:styleId="Plain"><w:basedOn w:val="1"/><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style></w:styles>`,
    );
    const styled = (style: string, text: string, numPr = '') => `<w:p><w:pPr><w:pStyle w:val="${style}"/>${numPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const listed = (numId: number, ilvl: number, text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const xml = documentXml(
      styled('1', '甲市') + listed(1, 1, '做法') + styled('CaseTitle', '乙市') + listed(2, 1, '做法') + listed(2, 0, '丙市') + styled('Plain', '不编号') +
        styled('1', '丁市', '<w:numPr><w:ilvl w:val="1"/></w:numPr>') + listed(3, 0, '另起一表'),
    );
    expect(bodyLines(xml, numbering)).toEqual(['一、甲市', '（一）做法', '二、乙市', '（一）做法', '三、丙市', '不编号', '（一）丁市', '一、另起一表']);
  });

  it('leaves out hidden text, text moved away (read where it moved to) and the stale value of a PAGE field; keeps insertions and other fields', () => {
    const r = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t>${text}</w:t></w:r>`;
    const field = (code: string, result: string) =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> ${code} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const xml = documentXml(
      `<w:p>${r('可见')}${r('批注稿', '<w:vanish/>')}${r('，显示', '<w:vanish w:val="0"/>')}<w:ins w:id="1">${r('插入')}</w:ins></w:p>` +
        `<w:p><w:moveFrom w:id="2">${r('挪走的句子。')}</w:moveFrom>${r('正文。')}<w:moveTo w:id="3">${r('挪走的句子。')}</w:moveTo></w:p>` +
        `<w:p>${r('第')}${field('PAGE', '3')}${r('页')}<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>12</w:t></w:r></w:fldSimple>${field('HYPERLINK "https://example.org"', '链接')}<w:fldSimple w:instr="REF a">${r('引用')}</w:fldSimple></w:p>`,
    );
    expect(bodyLines(xml)).toEqual(['可见，显示插入', '正文。挪走的句子。', '第页链接引用']);
  });

  it.each([
    [1, 'chineseCounting', '一'],
    [10, 'chineseCounting', '十'],
    [12, 'chineseCounting', '十二'],
    [20, 'chineseCounting', '二十'],
    [105, 'chineseCounting', '一百零五'],
    [110, 'chineseCounting', '一百一十'],
    [3, 'decimalEnclosedCircle', '③'],
    [2, 'ideographTraditional', '乙'],
    [12, 'decimalFullWidth', '１２'],
    [4, 'upperRoman', 'IV'],
    [28, 'lowerLetter', 'bb'],
    [3, 'chineseLegalSimplified', '叁'],
    [12, 'chineseLegalSimplified', '壹拾贰'],
    [20, 'chineseLegalSimplified', '贰拾'],
    [12, 'japaneseCounting', '十二'],
    [105, 'ideographDigital', '一〇五'],
    [3, 'ideographZodiac', '寅'],
  ])('list number %i as %s is %s', (n, format, expected) => {
    expect(formatNumber(n, format)).toBe(expected);
  });

  it('refuses a damaged zip, a zip without a Word body, and a body that would inflate beyond the bound', () => {
    const good = docx(wp(wt('正文')));
    expect(reason(() => readDocx('w.docx', good.subarray(0, good.length - 30)))).toMatch(/^malformed: w\.docx: damaged or incomplete file \(not a readable zip/);
    expect(reason(() => readDocx('w.docx', zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') })))).toMatch(/^malformed: .*without word\/document\.xml/);
    expect(reason(() => readDocx('w.docx', zipSync({ 'word/document.xml': strToU8('<w:document/>') })))).toMatch(/^malformed: .*no w:body/);
    // A zip bomb: 8 MB of one repeated paragraph compresses to a few KB.
    const bomb = docx(wp(wt('优化营商环境')).repeat(200_000));
    expect(bomb.length).toBeLessThan(200_000);
    expect(reason(() => readDocx('w.docx', bomb, 1024 * 1024))).toMatch(/^oversized: .*would inflate to \d+ MB, more than 1 MB/);
  });

  it('inflates no more than the size the archive declares, whatever the data holds', () => {
    const zip = docx(wp(wt('优化营商环境')).repeat(20_000));
    // Lie in the central directory: declare 300 bytes for document.xml (the field at +24 of its entry).
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const name = strToU8('word/document.xml');
    for (let i = 0; i + 46 < zip.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLen = view.getUint16(i + 28, true);
      const entry = zip.subarray(i + 46, i + 46 + nameLen);
      if (entry.length === name.length && entry.every((b, k) => b === name[k])) view.setUint32(i + 24, 300, true);
    }
    // The body read is cut at 300 bytes: no w:body close, nothing inflated beyond it.
    expect(reason(() => readDocx('w.docx', zip))).toMatch(/^malformed: .*no w:body|^empty: /);
  });
});

// ---------- which reader ----------

describe('the reader is chosen by content', () => {
  const notice = readFileSync('tests/fixtures/layouts/wechat-article.html');
  const word = readFileSync('tests/fixtures/layouts/word-case-table.docx');

  it('a page or a Word file under a .txt name is read as what it is', () => {
    expect(documentText('a.txt', new Uint8Array(notice)).format).toBe('html');
    expect(documentText('a.txt', new Uint8Array(word)).format).toBe('docx');
    expect(documentText('a.html', utf8('<附件1>甲市推行改革\n正文')).format).toBe('text');
  });

  it('names what it does not read: a .doc, an encrypted Office file, a PDF, an RTF, a web archive', () => {
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const encrypted = new Uint8Array([...ole, ...new Array(500).fill(0), ...[...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(reason(() => documentText('a.doc', new Uint8Array([...ole, 0, 0])))).toMatch(/^unsupported: .*Word 97–2003/);
    expect(reason(() => documentText('a.docx', encrypted))).toMatch(/^encrypted: a\.docx: password-protected/);
    expect(reason(() => documentText('a.pdf', utf8('%PDF-1.7\n%âãÏÓ\n')))).toMatch(/^unsupported: .*PDF/);
    expect(reason(() => documentText('a.rtf', utf8('{\\rtf1\\ansi 文字}')))).toMatch(/^unsupported: .*RTF/);
    expect(reason(() => documentText('a.mhtml', utf8('From: <Saved by Blink>\nMIME-Version: 1.0\nContent-Type: multipart/related;')))).toMatch(/^unsupported: .*mhtml/);
  });

  it('a file that cannot be read fails alone: the corpus keeps the others', () => {
    const broken = new Uint8Array(word).subarray(0, 200);
    const data = ingestCorpus([
      { sourceFile: 'broken.docx', bytes: broken },
      { sourceFile: 'wechat-article.html', bytes: new Uint8Array(notice) },
    ]);
    expect(data.failures.map((f) => [f.sourceFile, f.reason])).toEqual([['broken.docx', 'malformed']]);
    expect(data.documents.map((d) => d.source_file)).toEqual(['wechat-article.html']);
  });

  it('a page’s cases keep their text as published for “show original”, apart from the markup', () => {
    const r = ingestDocument({ sourceFile: 'gov-page-gbk.html', bytes: new Uint8Array(readFileSync('tests/fixtures/layouts/gov-page-gbk.html')) });
    const last = r.cases[r.cases.length - 1];
    // Published with full-width punctuation (the normal form folds it) and &ldquo; entities (decoded).
    expect(last.body_original).toContain('买卖双方无需提前还贷解押，转移登记');
    expect(last.title_original).toBe('九江市瑞昌市实施二手房“带押过户”');
    for (const c of r.cases) expect(`${c.title_original}\n${c.body_original}`).not.toMatch(/<\/?[a-z]+[\s>]|&[a-z]+;/);
  });
});
