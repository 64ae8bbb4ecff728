// The reader of a notice published as a Word file (.docx): bytes → the text lines of its body.
//
// A .docx is a zip; the body is word/document.xml. Each paragraph (w:p) is a line, a break (w:br, w:cr) ends a
// line within it, a tab (w:tab) is a tab; a table row (w:tr) is one line of tab-separated cells (LineWriter).
// Deleted revisions (w:delText), field codes (w:instrText) and the fallback copy of a drawing's text
// (mc:Fallback, which repeats mc:Choice) are no text of the document. The numbers Word draws before list
// paragraphs (w:numPr: automatic 一、/ 1.) come from word/numbering.xml (read-docx-numbering.ts).
import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { IngestError } from './errors.ts';
import { readNumbering, type Numbering } from './read-docx-numbering.ts';
import { LineWriter } from './read-lines.ts';

const BODY_PART = 'word/document.xml';
const NUMBERING_PART = 'word/numbering.xml';

/**
 * The largest body inflated, in bytes. A notice's document.xml is a few MB; a zip declaring more is a
 * bomb or no notice, and is refused before anything is inflated (the declared size bounds the output).
 */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024;

/** Elements whose text is not the document's (see above; a revision's former properties are no list number either). */
const SKIPPED = new Set(['w:deltext', 'w:instrtext', 'mc:fallback', 'w:delinstrtext', 'w:pprchange', 'w:rprchange', 'w:numberingchange']);

export function readDocx(sourceFile: string, bytes: Uint8Array, maxXmlBytes = MAX_DOCX_XML_BYTES): string[] {
  let files: Record<string, Uint8Array>;
  let declared = 0;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name === NUMBERING_PART) return f.originalSize <= maxXmlBytes;
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
  const numbering = files[NUMBERING_PART] ? utf8(NUMBERING_PART, files[NUMBERING_PART]) : null;
  const lines = bodyLines(xml, readNumbering(numbering));
  if (lines.length === 0) throw new IngestError(sourceFile, 'empty', 'a Word document without text');
  return lines;
}

/** The lines of a WordprocessingML body. */
export function bodyLines(xml: string, numbering: Numbering = readNumbering(null)): string[] {
  const writer = new LineWriter();
  let skipped = 0;
  let inText = false;
  // The list a paragraph belongs to (w:pPr/w:numPr), its number written when its properties end.
  let list: { numId: string; ilvl: number } | null = null;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const tag = name.toLowerCase();
        if (SKIPPED.has(tag)) skipped++;
        if (skipped > 0) return;
        if (tag === 'w:numid') list = { numId: attribs['w:val'] ?? '0', ilvl: list?.ilvl ?? 0 };
        else if (tag === 'w:ilvl') list = { numId: list?.numId ?? '0', ilvl: Number(attribs['w:val']) || 0 };
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
        if (SKIPPED.has(tag)) {
          skipped--;
          return;
        }
        if (skipped > 0) return;
        if (tag === 'w:t') inText = false;
        else if (tag === 'w:ppr') {
          // numId 0 takes a paragraph out of a list its style would put it in.
          if (list && list.numId !== '0') writer.text(numbering.next(list.numId, list.ilvl));
          list = null;
        } else if (tag === 'w:p') writer.lineBreak();
        else if (tag === 'w:tc') writer.endCell();
        else if (tag === 'w:tr') writer.endRow();
      },
      ontext(data) {
        // Only w:t holds text: whitespace between elements is the XML's indentation.
        if (inText && skipped === 0) writer.text(data);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return writer.finish();
}
