// The PDF reader: a page's positioned runs → lines (baselines, table gaps), fonts' radical code points folded,
// and what it refuses — a scan with no text, a password-protected PDF, a damaged one — named. The whole notice
// printed to PDF is a golden fixture (tests/fixtures/layouts/pdf-notice.pdf).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestError, ingestCorpus } from '../../src/ingest/pipeline.ts';
import { foldRadicals, pageLines, preReadPdf, readPdf, withoutRunningLines, type PdfJs, type TextItem } from '../../src/ingest/read-pdf.ts';

const loadPdfJs = async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;

/** A run of 12-pt text at (x, y), one em per character. */
const run = (str: string, x: number, y: number, hasEOL = false): TextItem => ({ str, transform: [12, 0, 0, 12, x, y], width: 12 * str.length, height: 12, hasEOL });

/** A small PDF written by hand: one empty page, with extra objects and trailer entries. */
const hex = (byte: string, n: number) => byte.repeat(n);
const handMade = (trailer = '', objects = '') =>
  new TextEncoder().encode(`%PDF-1.4
1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj
2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj
3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>> endobj
${objects}
trailer <</Root 1 0 R/Size 5${trailer}>>
%%EOF
`);

async function reason(bytes: Uint8Array): Promise<string> {
  try {
    await readPdf('a.pdf', bytes, await loadPdfJs());
  } catch (error) {
    if (error instanceof IngestError) return `${error.reason}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('a page’s runs become lines', () => {
  it('runs on one baseline join (no space between Chinese characters), top to bottom', () => {
    const items = [run('二、主要做法', 72, 700), run('甲市将企业开办', 72, 680), run(' ', 156, 680), run('事项整合办理。', 158, 680.4, true), run('Word', 72, 660), run('2019', 124, 660)];
    expect(pageLines(items)).toEqual(['二、主要做法', '甲市将企业开办事项整合办理。', 'Word 2019']);
  });

  it('a wide gap between runs of a line is a table cell boundary (a tab)', () => {
    const items = [run('序号', 72, 600), run('案例名称', 130, 600), run('申报单位', 400, 600), run('1', 72, 580), run('甲市推行一件事改革', 130, 580), run('甲市政务服务中心', 400, 580)];
    expect(pageLines(items)).toEqual(['序号\t案例名称\t申报单位', '1\t甲市推行一件事改革\t甲市政务服务中心']);
  });

  it('radicals a font maps its glyphs to are the characters it draws', () => {
    expect(foldRadicals('⼯作⼈⺠政府，⻔户开放，开⼾')).toBe('工作人民政府，门户开放，开户');
  });
});

describe('PDF files', () => {
  it('reads the printed notice: its table rows with tabs, both pages, without the page numbers printed at each page foot', async () => {
    const lines = await readPdf('n.pdf', new Uint8Array(readFileSync('tests/fixtures/layouts/pdf-notice.pdf')), await loadPdfJs());
    expect(lines).toContain('序号\t案例名称\t申报单位');
    expect(lines).toContain('1\t石家庄市推行企业开办“一窗通办”\t石家庄市行政审批局');
    expect(lines.some((l) => /^— \d —$/.test(l))).toBe(false);
    expect(lines).toContain('已办理带押过户业务418笔，为群众节省过桥资金2.3亿元。');
    expect(lines.join('')).not.toMatch(/[\u2e80-\u2fdf]/);
  });

  it('drops a running header and footer: the same words at the same height on a page edge of two pages or more', () => {
    const page = (n: number, body: string[], header = '江苏省典型经验做法汇编') => [
      { text: header, y: 800 },
      ...body.map((text, i) => ({ text, y: 760 - 20 * i })),
      { text: `— ${n} —`, y: 40 },
    ];
    const pages = [page(1, ['江苏省典型经验做法汇编', '一、南京市推行“一件事”', '正文第一行']), page(2, ['正文接续', '序号\t案例名称']), page(3, ['序号\t案例名称', '二、苏州市推行改革'])];
    // The title on page 1 stands lower than the header; a table's header row repeated is no running line.
    expect(withoutRunningLines(pages)).toEqual([
      ['江苏省典型经验做法汇编', '一、南京市推行“一件事”', '正文第一行'],
      ['正文接续', '序号\t案例名称'],
      ['序号\t案例名称', '二、苏州市推行改革'],
    ]);
    // One page: nothing repeats. A line at the same height on only one page of four: no running line.
    expect(withoutRunningLines([page(1, ['正文'])])).toEqual([['江苏省典型经验做法汇编', '正文', '— 1 —']]);
    const odd = [page(1, ['甲']), page(2, ['乙'], '其他'), page(3, ['丙'], '另一'), page(4, ['丁'], '再一')];
    expect(withoutRunningLines(odd).map((p) => p[0])).toEqual(['江苏省典型经验做法汇编', '其他', '另一', '再一']);
  });

  it('names a PDF with no text, a password-protected one and a damaged one', async () => {
    expect(await reason(handMade())).toMatch(/^unsupported: .*without text/);
    const encrypt = `4 0 obj <</Filter/Standard/V 1/R 2/Length 40/P -4/O<${hex('ab', 32)}>/U<${hex('cd', 32)}>>> endobj`;
    expect(await reason(handMade(`/Encrypt 4 0 R/ID[<${hex('ab', 16)}><${hex('ab', 16)}>]`, encrypt))).toMatch(/^encrypted: a\.pdf: password-protected/);
    expect(await reason(new TextEncoder().encode('%PDF-1.4\n garbage'))).toMatch(/^malformed: a\.pdf: damaged/);
  });

  it('a PDF that cannot be read fails alone in a corpus; one not read beforehand is named as such', async () => {
    const damaged = new TextEncoder().encode('%PDF-1.4\n garbage');
    const notice = new Uint8Array(readFileSync('tests/fixtures/layouts/pdf-notice.pdf'));
    const data = ingestCorpus([
      { sourceFile: 'damaged.pdf', bytes: damaged, preRead: await preReadPdf('damaged.pdf', damaged, loadPdfJs) },
      { sourceFile: 'notice.pdf', bytes: notice, preRead: await preReadPdf('notice.pdf', notice, loadPdfJs) },
      { sourceFile: 'unread.pdf', bytes: handMade() },
    ]);
    expect(data.failures.map((f) => [f.sourceFile, f.reason])).toEqual([
      ['damaged.pdf', 'malformed'],
      ['unread.pdf', 'unsupported'],
    ]);
    expect(data.documents.map((d) => [d.source_file, d.cases_listed])).toEqual([['notice.pdf', 3]]);
  });
});
