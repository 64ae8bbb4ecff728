// The reader of a plain-text notice (.txt): UTF-8 bytes → text, refusing what is no text.
import { IngestError } from './errors.ts';

/**
 * Bytes → text, refusing what is not a UTF-8 text document. Binary is checked before decoding because
 * NUL and other control bytes are valid UTF-8.
 */
export function decodeSource(sourceFile: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new IngestError(sourceFile, 'empty', '0 bytes');
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) throw new IngestError(sourceFile, 'not_utf8', 'UTF-16 byte-order mark; save the file as UTF-8');
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0) throw new IngestError(sourceFile, 'binary', `NUL byte at offset ${i}`);
    // Tab, LF, VT, FF, CR are text; other C0 controls (and DEL) are not.
    if ((b < 0x20 && (b < 0x09 || b > 0x0d)) || b === 0x7f) controls++;
  }
  if (controls > 8 || controls > bytes.length / 100) {
    throw new IngestError(sourceFile, 'binary', `${controls} control bytes`);
  }
  let text: string;
  try {
    // fatal: a single invalid sequence (latin-1, GBK bytes…) rejects the file instead of filling it with U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError(sourceFile, 'not_utf8', `invalid UTF-8 sequence at byte ${firstInvalidUtf8Offset(bytes)}`);
  }
  if (text.trim() === '') throw new IngestError(sourceFile, 'empty', 'only blank characters');
  return text;
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (for the error message). */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}
