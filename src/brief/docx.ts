// The brief as a Word file (.docx), written in the browser by the `docx` library (loaded on demand with this
// module). Chinese text is set in 宋体 and headings in 微软雅黑 by name (w:eastAsia), with the language
// zh-CN, so Word and WPS on a Chinese Windows machine show it in those fonts rather than a fallback.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, BriefContent } from './content.ts';

/** A PNG of a chart with its size in pixels (as drawn on the page). */
export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
}

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '微软雅黑', cs: 'Arial' };
/** Text width of an A4 page with 2.5 cm margins, in pixels at 96 dpi (what ImageRun sizes are in). */
const CONTENT_PX = 600;

function lines(text: string, options: { bold?: boolean; size?: number } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const cell = (text: string, width: number, header: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      shading: header ? { fill: 'E8EEF5' } : undefined,
      children: [new Paragraph({ children: lines(text, { bold: header, size: 19 }) })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: block.header.map((h, i) => cell(h, block.widths[i], true)) }),
      ...block.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, block.widths[i], false)) })),
    ],
  });
}

function blockChildren(block: Block, charts: Map<string, ChartImage>, noChart: string): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'p':
      return [new Paragraph({ children: lines(block.text, { size: block.note ? 18 : 21 }), spacing: { after: 120 } })];
    case 'h3':
      return [new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(block.text)] })];
    case 'table':
      return [table(block), new Paragraph({ children: [] })];
    case 'chart': {
      const image = charts.get(block.chartId);
      if (!image) return [new Paragraph({ children: lines(noChart, { size: 18 }) })];
      const scale = Math.min(1, CONTENT_PX / image.width);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: image.png,
              transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
              altText: { name: block.chartId, title: block.caption, description: block.caption },
            }),
          ],
        }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: lines(block.caption, { size: 18 }) }),
      ];
    }
  }
}

/** The .docx file of a brief: title page block, then each section from a new page. */
export async function briefDocx(content: BriefContent, charts: Map<string, ChartImage>, noChart: string): Promise<Blob> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(content.title)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: content.subtitle, size: 24 })], spacing: { after: 240 } }),
    ...content.meta.map((m) => new Paragraph({ children: [new TextRun({ text: m, size: 20 })] })),
  ];
  content.sections.forEach((section, i) => {
    // The first section follows the title block; each later one starts a page (as in the print view).
    if (i > 0) children.push(new Paragraph({ children: [new PageBreak()] }));
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.heading)] }));
    for (const block of section.blocks) children.push(...blockChildren(block, charts, noChart));
  });
  const heading = (size: number) => ({ run: { font: HEADING_FONT, size, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } });
  const doc = new Document({
    title: content.title,
    creator: '营商环境 Compare',
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 21, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } },
        title: heading(36),
        heading2: heading(28),
        heading3: heading(24),
      },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 } } },
        children,
      },
    ],
  });
  return Packer.toBlob(doc);
}
