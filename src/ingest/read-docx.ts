// The reader of a notice published as a Word file (.docx): bytes → the text lines of its body.
//
// A .docx is a zip; the body is word/document.xml. Each paragraph (w:p) is a line, a break (w:br, w:cr) ends a
// line within it, a tab (w:tab) is a tab; a table row (w:tr) is one line of tab-separated cells (LineWriter).
// Deleted revisions (w:delText), field codes (w:instrText) and the fallback copy of a drawing's text
// (mc:Fallback, which repeats mc:Choice) are no text of the document. Numbering that Word draws itself
// (w:numPr: automatic 一、/1. before a paragraph) is not in the text and is not read.
import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { IngestError } from './errors.ts';
import { LineWriter } from './read-lines.ts';

const BODY_PART = 'word/document.xml';

/**
 * The largest body inflated, in bytes. A notice's document.xml is a few MB; a zip declaring more is a
 * bomb or no notice, and is refused before anything is inflated (the declared size bounds the output).
 */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024;

/** Elements whose text is not the document's (see above). */
const SKIPPED = new Set(['w:deltext', 'w:instrtext', 'mc:fallback', 'w:delinstrtext']);

export function readDocx(sourceFile: string, bytes: Uint8Array, maxXmlBytes = MAX_DOCX_XML_BYTES): string[] {
  let files: Record<string, Uint8Array>;
  let declared = 0;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
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
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(xmlBytes);
  } catch {
    throw new IngestError(sourceFile, 'malformed', `${BODY_PART} is not UTF-8 text`);
  }
  if (!/<w:body[\s>]/.test(xml)) throw new IngestError(sourceFile, 'malformed', `${BODY_PART} has no w:body`);
  const lines = bodyLines(xml);
  if (lines.length === 0) throw new IngestError(sourceFile, 'empty', 'a Word document without text');
  return lines;
}

/** The lines of a WordprocessingML body. */
export function bodyLines(xml: string): string[] {
  const writer = new LineWriter();
  let skipped = 0;
  let inText = false;
  const parser = new Parser(
    {
      onopentag(name) {
        const tag = name.toLowerCase();
        if (SKIPPED.has(tag)) skipped++;
        if (skipped > 0) return;
        if (tag === 'w:t') inText = true;
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
        else if (tag === 'w:p') writer.lineBreak();
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
