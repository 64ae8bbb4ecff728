// The reader of a notice published as a Word file (.docx): bytes → the text lines of its body.
//
// A .docx is a zip; the body is word/document.xml. Each paragraph (w:p) is a line, a break (w:br, w:cr) ends a
// line within it, a tab (w:tab) is a tab; a table row (w:tr) is one line of tab-separated cells (LineWriter).
// Deleted revisions (w:delText, and text moved away: w:moveFrom — it is read where it moved to, w:moveTo), field
// codes (w:instrText), hidden text (w:vanish), a page-number field's last printed value (PAGE / NUMPAGES in the
// body) and the fallback copy of a drawing's text (mc:Fallback, which repeats mc:Choice) are no text of the
// document; inserted revisions (w:ins) are. The numbers Word draws before list paragraphs (w:numPr, direct or
// by the paragraph's style: automatic 一、/ 1.) come from word/numbering.xml and word/styles.xml
// (read-docx-numbering.ts). Footnotes, headers and footers are other parts and are not read.
import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { IngestError } from './errors.ts';
import { readNumbering, type Numbering } from './read-docx-numbering.ts';
import { LineWriter } from './read-lines.ts';

const BODY_PART = 'word/document.xml';
const NUMBERING_PART = 'word/numbering.xml';
const STYLES_PART = 'word/styles.xml';

/**
 * The largest body inflated, in bytes. A notice's document.xml is a few MB; a zip declaring more is a
 * bomb or no notice, and is refused before anything is inflated (the declared size bounds the output).
 */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024;

/** Elements whose text is not the document's (see above; a revision's former properties are no list number either). */
const SKIPPED = new Set(['w:deltext', 'w:instrtext', 'mc:fallback', 'w:delinstrtext', 'w:movefrom', 'w:pprchange', 'w:rprchange', 'w:numberingchange']);

/** Fields whose result is a page's number: printed in the body, it is the number the page had when last saved. */
const PAGE_FIELD = /^\s*(?:PAGE|NUMPAGES|SECTIONPAGES)\b/i;

export function readDocx(sourceFile: string, bytes: Uint8Array, maxXmlBytes = MAX_DOCX_XML_BYTES): string[] {
  let files: Record<string, Uint8Array>;
  let declared = 0;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name === NUMBERING_PART || f.name === STYLES_PART) return f.originalSize <= maxXmlBytes;
        if (f.name !== BODY_PART) return false;
        declared = f.originalSize;
        return f.originalSize <= maxXmlBytes;
      },
    });
  } catch (error) {
    throw new IngestError(sourceFile, 'malformed', `not a readable zip archive: ${(error as Error).message}`);
  }
  if (declared > maxXmlBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    throw new IngestError(sourceFile, 'oversized', `${BODY_PART} would inflate to ${mb(declared)}, more than ${mb(maxXmlBytes)}`);
  }
  const xmlBytes = files[BODY_PART];
  if (!xmlBytes) throw new IngestError(sourceFile, 'malformed', `a zip archive without ${BODY_PART}: not a Word document`);
  const utf8 = (part: string, data: Uint8Array) => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      throw new IngestError(sourceFile, 'malformed', `${part} is not UTF-8 text`);
    }
  };
  const xml = utf8(BODY_PART, xmlBytes);
  if (!/<w:body[\s>]/.test(xml)) throw new IngestError(sourceFile, 'malformed', `${BODY_PART} has no w:body`);
  const part = (name: string) => (files[name] ? utf8(name, files[name]) : null);
  const lines = bodyLines(xml, readNumbering(part(NUMBERING_PART), part(STYLES_PART)));
  if (lines.length === 0) throw new IngestError(sourceFile, 'empty', 'a Word document without text');
  return lines;
}

/** The lines of a WordprocessingML body. */
export function bodyLines(xml: string, numbering: Numbering = readNumbering(null)): string[] {
  const writer = new LineWriter();
  let skipped = 0;
  let inText = false;
  // The list a paragraph belongs to (w:pPr/w:numPr, else its style's), its number written when its properties end.
  let list: { numId?: string; ilvl?: number } | null = null;
  let style: string | null = null;
  let inParagraphProps = false;
  // A run's own properties: hidden text (w:vanish) is not shown.
  let inRun = false;
  let hidden = false;
  // Complex fields (w:fldChar begin … separate … end) may nest: each open one's code, and whether its result shows.
  const fields: { code: string; result: boolean }[] = [];
  let inFieldCode = false;
  const simpleFields: boolean[] = []; // each open w:fldSimple: whether it is a page-number field
  const pageFieldResult = () => fields.some((f) => f.result && PAGE_FIELD.test(f.code));
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const tag = name.toLowerCase();
        if (tag === 'w:instrtext') inFieldCode = true;
        else if (tag === 'w:fldchar') {
          const type = attribs['w:fldchartype'] ?? attribs['w:fldCharType'];
          if (type === 'begin') fields.push({ code: '', result: false });
          else if (type === 'separate' && fields.length) fields[fields.length - 1].result = true;
          else if (type === 'end') fields.pop();
        }
        // A simple field's result is its content.
        if (tag === 'w:fldsimple') simpleFields.push(PAGE_FIELD.test(attribs['w:instr'] ?? ''));
        if (SKIPPED.has(tag) || (tag === 'w:fldsimple' && simpleFields[simpleFields.length - 1])) skipped++;
        if (skipped > 0) return;
        if (tag === 'w:r') inRun = true;
        else if (tag === 'w:ppr') inParagraphProps = true;
        else if (tag === 'w:pstyle' && inParagraphProps) style = attribs['w:val'] ?? null;
        else if (tag === 'w:vanish' && inRun) hidden = !['0', 'false', 'off'].includes(attribs['w:val'] ?? '');
        else if (tag === 'w:numid') list = { ...list, numId: attribs['w:val'] ?? '0' };
        else if (tag === 'w:ilvl') list = { ...list, ilvl: Number(attribs['w:val']) || 0 };
        else if (tag === 'w:t') inText = true;
        else if (tag === 'w:tab' || tag === 'w:ptab') writer.text('\t');
        else if (tag === 'w:br' || tag === 'w:cr') writer.lineBreak();
        else if (tag === 'w:nobreakhyphen') writer.text('-');
        else if (tag === 'w:p') writer.lineBreak();
        else if (tag === 'w:tr') writer.beginRow();
        else if (tag === 'w:tc') writer.beginCell();
      },
      onclosetag(name) {
        const tag = name.toLowerCase();
        if (tag === 'w:instrtext') inFieldCode = false;
        if (SKIPPED.has(tag) || (tag === 'w:fldsimple' && simpleFields.pop())) {
          skipped--;
          return;
        }
        if (skipped > 0) return;
        if (tag === 'w:t') inText = false;
        else if (tag === 'w:r') inRun = hidden = false;
        else if (tag === 'w:ppr') {
          inParagraphProps = false;
          // A direct w:numPr wins over the style's; numId 0 takes a paragraph out of a list its style would put it in.
          const styled = style ? numbering.numberingOfStyle(style) : null;
          const numId = list?.numId ?? styled?.numId;
          if (numId && numId !== '0') writer.text(numbering.next(numId, list?.ilvl ?? styled?.ilvl ?? 0));
          list = null;
          style = null;
        } else if (tag === 'w:p') writer.lineBreak();
        else if (tag === 'w:tc') writer.endCell();
        else if (tag === 'w:tr') writer.endRow();
      },
      ontext(data) {
        if (inFieldCode && fields.length) fields[fields.length - 1].code += data;
        // Only w:t holds text: whitespace between elements is the XML's indentation.
        if (inText && skipped === 0 && !hidden && !pageFieldResult()) writer.text(data);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return writer.finish();
}
