// Which reader a document's bytes need, told by their content (magic bytes, markup), never by the file's
// name alone: a notice saved as .htm may be GBK text, a .docx renamed .txt is still a zip. Each reader turns
// its format into the plain text lines the segmenter reads; what no reader can read is refused by name.
import { IngestError } from './errors.ts';
import type { IngestMessage } from './messages.ts';
import { readDocx } from './read-docx.ts';
import { readHtml } from './read-html.ts';
import { decodeSource } from './read-text.ts';

export type DocumentFormat = 'text' | 'html' | 'docx';

export interface DocumentText {
  /** The document's text, one published line per line: what the ingest segments and "show original" shows. */
  text: string;
  format: DocumentFormat;
  /** What the reader left out (a page's navigation and footer), for the document's report. */
  notes: IngestMessage[];
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
/** An OLE compound file: a Word 97–2003 .doc, a WPS file, or an encrypted Office document. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** The first 4 KB as Latin-1 (bytes as characters), to look for markup and magic words in any charset. */
function head(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
}

/** A web page: markup first (after a BOM, blanks or a comment), an HTML tag early on. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const start = head(bytes).replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '');
  const utf16 = bytes[0] === 0xff || bytes[0] === 0xfe;
  const text = utf16 ? new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2, 4096)) : start;
  return /^\s*</.test(text) && /<(?:!doctype\s+html|html|head|body|meta|title|div|p|table)[\s>/]/i.test(text);
}

/** An OLE file holding an encrypted Office document names its EncryptedPackage stream (in UTF-16). */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  const name = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + name.length <= bytes.length; i++) {
    for (let k = 0; k < name.length; k++) if (bytes[i + k] !== name[k]) continue outer;
    return true;
  }
  return false;
}

export function documentText(sourceFile: string, bytes: Uint8Array): DocumentText {
  if (bytes.length === 0) throw new IngestError(sourceFile, 'empty', '0 bytes');
  if (startsWith(bytes, ZIP)) return { text: readDocx(sourceFile, bytes).join('\n'), format: 'docx', notes: [] };
  if (startsWith(bytes, EMPTY_ZIP)) throw new IngestError(sourceFile, 'malformed', 'an empty zip archive');
  if (startsWith(bytes, OLE)) {
    if (isEncryptedOffice(bytes)) throw new IngestError(sourceFile, 'encrypted', 'a password-protected Office document; save it without a password');
    throw new IngestError(sourceFile, 'unsupported', 'a Word 97–2003 (.doc) or WPS file; save it as .docx');
  }
  // A PDF is read before the ingest runs (read-pdf.ts preReadPdf); here only when its caller did not.
  if (startsWith(bytes, PDF)) throw new IngestError(sourceFile, 'unsupported', 'a PDF that was not read beforehand');
  const start = head(bytes);
  if (/^\{\\rtf/.test(start)) throw new IngestError(sourceFile, 'unsupported', 'an RTF file; save it as .docx');
  if (/^(?:From: <Saved by|MIME-Version:)/i.test(start) && /multipart\/related/i.test(start)) {
    throw new IngestError(sourceFile, 'unsupported', 'a web archive (.mhtml); save the page as "HTML only"');
  }
  if (looksLikeHtml(bytes)) {
    const page = readHtml(sourceFile, bytes);
    const notes: IngestMessage[] = page.droppedLines > 0 ? [{ code: 'page_chrome_dropped', params: { n: page.droppedLines } }] : [];
    return { text: page.lines.join('\n'), format: 'html', notes };
  }
  return { text: decodeSource(sourceFile, bytes), format: 'text', notes: [] };
}
